from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LogLine")


@_attrs_define
class LogLine:
    """One structured log line."""

    content: str
    """ The text of the line. """
    type_: int | Unset = UNSET
    """ Level; 1 debug, 2 info, 3 warning, 4 error. """
    group: str | Unset = UNSET
    """ Group the line belongs to. """
    timestamp: int | Unset = UNSET
    """ Time of the line, Unix milliseconds. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        type_ = self.type_

        group = self.group

        timestamp = self.timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["content"] = content
        if type_ is not UNSET:
            field_dict["type"] = type_
        if group is not UNSET:
            field_dict["group"] = group
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = d.pop("content")

        type_ = d.pop("type", UNSET)

        group = d.pop("group", UNSET)

        timestamp = d.pop("timestamp", UNSET)

        log_line = cls(
            content=content,
            type_=type_,
            group=group,
            timestamp=timestamp,
        )
        log_line.additional_properties = d
        return log_line

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("content", self.content),
            ("type_", self.type_),
            ("group", self.group),
            ("timestamp", self.timestamp),
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
