from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="QueueItemOutcome")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class QueueItemOutcome:
    """What happened to one item of a batch; a failure here is not an error of the call."""

    __slots__ = (
        "queue_ref",
        "success",
        "error",
        "additional_properties",
        "__weakref__",
    )

    queue_ref: str
    """ Reference of the item. """
    success: bool
    """ Whether the item was activated or released. """
    error: str | Unset
    """ Why it was not, present only when `success` is false. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("queue_ref", "queue_ref", False, True, _NOTHING, None),
        ("success", "success", False, True, _NOTHING, None),
        ("error", "error", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "queue_ref",
        "success",
        "error",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        queue_ref: str,
        success: bool,
        error: str | Unset = UNSET,
    ) -> None:
        self.queue_ref = queue_ref
        self.success = success
        self.error = error
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.queue_ref,
            self.success,
            self.error,
            self.additional_properties,
        ) == (
            that.queue_ref,
            that.success,
            that.error,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        queue_ref = self.queue_ref

        success = self.success

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["queue_ref"] = queue_ref
        field_dict["success"] = success
        if error is not UNSET:
            field_dict["error"] = error
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        queue_ref = d.pop("queue_ref")

        success = d.pop("success")

        error = d.pop("error", UNSET)

        queue_item_outcome = cls(
            queue_ref=queue_ref,
            success=success,
            error=error,
        )
        queue_item_outcome.additional_properties = d
        return queue_item_outcome

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("queue_ref", self.queue_ref),
            ("success", self.success),
            ("error", self.error),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
