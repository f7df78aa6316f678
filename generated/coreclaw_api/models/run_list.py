from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.run_record import RunRecord
from ..types import UNSET, Unset

T = TypeVar("T", bound="RunList")


@_attrs_define
class RunList:
    """One page of runs."""

    count: int
    """ Total number of matching runs. """
    list_: list[RunRecord]
    page_index: int | Unset = UNSET
    """ This page's number, from 1. """
    page_size: int | Unset = UNSET
    """ Runs per page. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        count = self.count

        list_ = []
        for list_item_data in self.list_:
            list_item = list_item_data.to_dict()
            list_.append(list_item)

        page_index = self.page_index

        page_size = self.page_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["count"] = count
        field_dict["list"] = list_
        if page_index is not UNSET:
            field_dict["page_index"] = page_index
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        count = d.pop("count")

        list_ = []
        _list_ = d.pop("list")
        for list_item_data in _list_:
            list_item = RunRecord.from_dict(list_item_data)

            list_.append(list_item)

        page_index = d.pop("page_index", UNSET)

        page_size = d.pop("page_size", UNSET)

        run_list = cls(
            count=count,
            list_=list_,
            page_index=page_index,
            page_size=page_size,
        )
        run_list.additional_properties = d
        return run_list

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("count", self.count),
            ("list_", self.list_),
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
