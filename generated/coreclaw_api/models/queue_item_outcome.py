from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueueItemOutcome")


@_attrs_define
class QueueItemOutcome:
    """What happened to one item of a batch; a failure here is not an error of the call."""

    queue_ref: str
    """ Reference of the item. """
    success: bool
    """ Whether the item was activated or released. """
    error: str | Unset = UNSET
    """ Why it was not, present only when `success` is false. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
