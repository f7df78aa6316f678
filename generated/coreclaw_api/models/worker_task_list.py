from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.worker_task import WorkerTask
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="WorkerTaskList")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class WorkerTaskList:
    """One page of saved tasks."""

    __slots__ = (
        "count",
        "list_",
        "page_index",
        "page_size",
        "additional_properties",
        "__weakref__",
    )

    count: int
    """ Total number of matching tasks. """
    list_: list[WorkerTask]
    page_index: int | Unset
    """ This page's number, from 1. """
    page_size: int | Unset
    """ Tasks per page. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("count", "count", False, True, _NOTHING, None),
        ("list_", "list_", False, True, _NOTHING, None),
        ("page_index", "page_index", False, True, UNSET, None),
        ("page_size", "page_size", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "count",
        "list_",
        "page_index",
        "page_size",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        count: int,
        list_: list[WorkerTask],
        page_index: int | Unset = UNSET,
        page_size: int | Unset = UNSET,
    ) -> None:
        self.count = count
        self.list_ = list_
        self.page_index = page_index
        self.page_size = page_size
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.count,
            self.list_,
            self.page_index,
            self.page_size,
            self.additional_properties,
        ) == (
            that.count,
            that.list_,
            that.page_index,
            that.page_size,
            that.additional_properties,
        )

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
            list_item = WorkerTask.from_dict(list_item_data)

            list_.append(list_item)

        page_index = d.pop("page_index", UNSET)

        page_size = d.pop("page_size", UNSET)

        worker_task_list = cls(
            count=count,
            list_=list_,
            page_index=page_index,
            page_size=page_size,
        )
        worker_task_list.additional_properties = d
        return worker_task_list

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
