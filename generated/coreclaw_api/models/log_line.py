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

T = TypeVar("T", bound="LogLine")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class LogLine:
    """One structured log line."""

    __slots__ = (
        "content",
        "type_",
        "group",
        "timestamp",
        "additional_properties",
        "__weakref__",
    )

    content: str
    """ The text of the line. """
    type_: int | Unset
    """ Level; 1 debug, 2 info, 3 warning, 4 error. """
    group: str | Unset
    """ Group the line belongs to. """
    timestamp: int | Unset
    """ Time of the line, Unix milliseconds. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("content", "content", False, True, _NOTHING, None),
        ("type_", "type_", False, True, UNSET, None),
        ("group", "group", False, True, UNSET, None),
        ("timestamp", "timestamp", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "content",
        "type_",
        "group",
        "timestamp",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        content: str,
        type_: int | Unset = UNSET,
        group: str | Unset = UNSET,
        timestamp: int | Unset = UNSET,
    ) -> None:
        self.content = content
        self.type_ = type_
        self.group = group
        self.timestamp = timestamp
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.content,
            self.type_,
            self.group,
            self.timestamp,
            self.additional_properties,
        ) == (
            that.content,
            that.type_,
            that.group,
            that.timestamp,
            that.additional_properties,
        )

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
