from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QueuedRun")


@_attrs_define
class QueuedRun:
    """A run that was put into the Run Queue."""

    queue_ref: str
    """ Reference of the queue item, its `queueId`. """
    queue_status: str | Unset = UNSET
    """ Status of the item, such as `waiting`. New values may appear. """
    queued: bool | Unset = UNSET
    """ Whether the run was queued. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        queue_ref = self.queue_ref

        queue_status = self.queue_status

        queued = self.queued

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["queue_ref"] = queue_ref
        if queue_status is not UNSET:
            field_dict["queue_status"] = queue_status
        if queued is not UNSET:
            field_dict["queued"] = queued
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        queue_ref = d.pop("queue_ref")

        queue_status = d.pop("queue_status", UNSET)

        queued = d.pop("queued", UNSET)

        queued_run = cls(
            queue_ref=queue_ref,
            queue_status=queue_status,
            queued=queued,
        )
        queued_run.additional_properties = d
        return queued_run

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("queue_ref", self.queue_ref),
            ("queue_status", self.queue_status),
            ("queued", self.queued),
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
