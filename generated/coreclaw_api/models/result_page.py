from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.result_header import ResultHeader
from ..models.result_row import ResultRow
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="ResultPage")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class ResultPage:
    """One page of result rows."""

    __slots__ = (
        "list_",
        "count",
        "headers",
        "page_index",
        "page_size",
        "additional_properties",
        "__weakref__",
    )

    list_: list[ResultRow]
    count: int | Unset
    """ Total number of rows of the run. """
    headers: list[ResultHeader] | Unset
    page_index: int | Unset
    """ This page's number, from 1. """
    page_size: int | Unset
    """ Rows per page. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("list_", "list_", False, True, _NOTHING, None),
        ("count", "count", False, True, UNSET, None),
        ("headers", "headers", False, True, UNSET, None),
        ("page_index", "page_index", False, True, UNSET, None),
        ("page_size", "page_size", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "list_",
        "count",
        "headers",
        "page_index",
        "page_size",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        list_: list[ResultRow],
        count: int | Unset = UNSET,
        headers: list[ResultHeader] | Unset = UNSET,
        page_index: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> None:
        self.list_ = list_
        self.count = count
        self.headers = headers
        self.page_index = page_index
        self.page_size = page_size
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.list_,
            self.count,
            self.headers,
            self.page_index,
            self.page_size,
            self.additional_properties,
        ) == (
            that.list_,
            that.count,
            that.headers,
            that.page_index,
            that.page_size,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        list_ = []
        for list_item_data in self.list_:
            list_item = list_item_data.to_dict()
            list_.append(list_item)

        count = self.count

        headers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.headers, Unset):
            headers = []
            for headers_item_data in self.headers:
                headers_item = headers_item_data.to_dict()
                headers.append(headers_item)

        page_index = self.page_index

        page_size = self.page_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["list"] = list_
        if count is not UNSET:
            field_dict["count"] = count
        if headers is not UNSET:
            field_dict["headers"] = headers
        if page_index is not UNSET:
            field_dict["page_index"] = page_index
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        list_ = []
        _list_ = d.pop("list")
        for list_item_data in _list_:
            list_item = ResultRow.from_dict(list_item_data)

            list_.append(list_item)

        count = d.pop("count", UNSET)

        _headers = d.pop("headers", UNSET)
        headers: list[ResultHeader] | Unset = UNSET
        if _headers is not UNSET:
            headers = []
            for headers_item_data in _headers:
                headers_item = ResultHeader.from_dict(headers_item_data)

                headers.append(headers_item)

        page_index = d.pop("page_index", UNSET)

        page_size = d.pop("page_size", UNSET)

        result_page = cls(
            list_=list_,
            count=count,
            headers=headers,
            page_index=page_index,
            page_size=page_size,
        )
        result_page.additional_properties = d
        return result_page

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("list_", self.list_),
            ("count", self.count),
            ("headers", self.headers),
            ("page_index", self.page_index),
            ("page_size", self.page_size),
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
