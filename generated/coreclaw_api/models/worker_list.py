from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.store_worker import StoreWorker
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkerList")


@_attrs_define
class WorkerList:
    """One page of Workers. The total and page fields may be missing."""

    scraper: list[StoreWorker]
    count: int | Unset = UNSET
    """ Total number of matching Workers. """
    page_index: int | Unset = UNSET
    """ This page's number, from 1. """
    page_size: int | Unset = UNSET
    """ Items per page. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scraper = []
        for scraper_item_data in self.scraper:
            scraper_item = scraper_item_data.to_dict()
            scraper.append(scraper_item)

        count = self.count

        page_index = self.page_index

        page_size = self.page_size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["scraper"] = scraper
        if count is not UNSET:
            field_dict["count"] = count
        if page_index is not UNSET:
            field_dict["page_index"] = page_index
        if page_size is not UNSET:
            field_dict["page_size"] = page_size
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scraper = []
        _scraper = d.pop("scraper")
        for scraper_item_data in _scraper:
            scraper_item = StoreWorker.from_dict(scraper_item_data)

            scraper.append(scraper_item)

        count = d.pop("count", UNSET)

        page_index = d.pop("page_index", UNSET)

        page_size = d.pop("page_size", UNSET)

        worker_list = cls(
            scraper=scraper,
            count=count,
            page_index=page_index,
            page_size=page_size,
        )
        worker_list.additional_properties = d
        return worker_list

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("scraper", self.scraper),
            ("count", self.count),
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
