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

T = TypeVar("T", bound="QueueItem")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class QueueItem:
    """One Run Queue item. Fields beyond these two are not documented and vary."""

    __slots__ = (
        "queue_ref",
        "queue_status",
        "additional_properties",
        "__weakref__",
    )

    queue_ref: str
    """ Reference of the item, its `queueId`. """
    queue_status: str | Unset
    """ Status of the item, such as `waiting` or `inactive`. New values may appear. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("queue_ref", "queue_ref", False, True, _NOTHING, None),
        ("queue_status", "queue_status", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "queue_ref",
        "queue_status",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        queue_ref: str,
        queue_status: str | Unset = UNSET,
    ) -> None:
        self.queue_ref = queue_ref
        self.queue_status = queue_status
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.queue_ref,
            self.queue_status,
            self.additional_properties,
        ) == (
            that.queue_ref,
            that.queue_status,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        queue_ref = self.queue_ref

        queue_status = self.queue_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["queue_ref"] = queue_ref
        if queue_status is not UNSET:
            field_dict["queue_status"] = queue_status
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        queue_ref = d.pop("queue_ref")

        queue_status = d.pop("queue_status", UNSET)

        queue_item = cls(
            queue_ref=queue_ref,
            queue_status=queue_status,
        )
        queue_item.additional_properties = d
        return queue_item

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("queue_ref", self.queue_ref),
            ("queue_status", self.queue_status),
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
