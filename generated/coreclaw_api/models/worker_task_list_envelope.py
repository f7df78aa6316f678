from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.worker_task_list import WorkerTaskList
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="WorkerTaskListEnvelope")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class WorkerTaskListEnvelope:
    """Envelope of a page of saved tasks."""

    __slots__ = (
        "code",
        "message",
        "data",
        "request_id",
        "additional_properties",
        "__weakref__",
    )

    code: int
    message: str
    data: WorkerTaskList
    """ One page of saved tasks. """
    request_id: str | Unset
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("code", "code", False, True, _NOTHING, None),
        ("message", "message", False, True, _NOTHING, None),
        ("data", "data", False, True, _NOTHING, None),
        ("request_id", "request_id", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "code",
        "message",
        "data",
        "request_id",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        code: int,
        message: str,
        data: WorkerTaskList,
        request_id: str | Unset = UNSET,
    ) -> None:
        self.code = code
        self.message = message
        self.data = data
        self.request_id = request_id
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.code,
            self.message,
            self.data,
            self.request_id,
            self.additional_properties,
        ) == (
            that.code,
            that.message,
            that.data,
            that.request_id,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        data = self.data.to_dict()

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["code"] = code
        field_dict["message"] = message
        field_dict["data"] = data
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        data = WorkerTaskList.from_dict(d.pop("data"))

        request_id = d.pop("request_id", UNSET)

        worker_task_list_envelope = cls(
            code=code,
            message=message,
            data=data,
            request_id=request_id,
        )
        worker_task_list_envelope.additional_properties = d
        return worker_task_list_envelope

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("code", self.code),
            ("message", self.message),
            ("data", self.data),
            ("request_id", self.request_id),
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
