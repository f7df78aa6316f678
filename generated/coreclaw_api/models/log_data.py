from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.log_line import LogLine
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="LogData")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class LogData:
    """Summary of a run's log."""

    __slots__ = (
        "all_logs_url",
        "result_count",
        "list_",
        "additional_properties",
        "__weakref__",
    )

    all_logs_url: str | Unset
    """ Link to the whole log file; it may expire. """
    result_count: int | Unset
    """ Rows produced so far. """
    list_: list[LogLine | str] | Unset
    """ Summary lines, as objects or (older servers) plain strings. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("all_logs_url", "all_logs_url", False, True, UNSET, None),
        ("result_count", "result_count", False, True, UNSET, None),
        ("list_", "list_", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "all_logs_url",
        "result_count",
        "list_",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        all_logs_url: str | Unset = UNSET,
        result_count: int | Unset = UNSET,
        list_: list[LogLine | str] | Unset = UNSET,
    ) -> None:
        self.all_logs_url = all_logs_url
        self.result_count = result_count
        self.list_ = list_
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.all_logs_url,
            self.result_count,
            self.list_,
            self.additional_properties,
        ) == (
            that.all_logs_url,
            that.result_count,
            that.list_,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        all_logs_url = self.all_logs_url

        result_count = self.result_count

        list_: list[dict[str, Any] | str] | Unset = UNSET
        if not isinstance(self.list_, Unset):
            list_ = []
            for list_item_data in self.list_:
                list_item: dict[str, Any] | str
                if isinstance(list_item_data, LogLine):
                    list_item = list_item_data.to_dict()
                else:
                    list_item = list_item_data
                list_.append(list_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if all_logs_url is not UNSET:
            field_dict["all_logs_url"] = all_logs_url
        if result_count is not UNSET:
            field_dict["result_count"] = result_count
        if list_ is not UNSET:
            field_dict["list"] = list_
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        all_logs_url = d.pop("all_logs_url", UNSET)

        result_count = d.pop("result_count", UNSET)

        _list_ = d.pop("list", UNSET)
        list_: list[LogLine | str] | Unset = UNSET
        if _list_ is not UNSET:
            list_ = []
            for list_item_data in _list_:

                def _parse_list_item(data: object) -> LogLine | str:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        list_item_type_0 = LogLine.from_dict(data)

                        return list_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(LogLine | str, data)

                list_item = _parse_list_item(list_item_data)

                list_.append(list_item)

        log_data = cls(
            all_logs_url=all_logs_url,
            result_count=result_count,
            list_=list_,
        )
        log_data.additional_properties = d
        return log_data

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("all_logs_url", self.all_logs_url),
            ("result_count", self.result_count),
            ("list_", self.list_),
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
