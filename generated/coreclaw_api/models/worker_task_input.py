from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.worker_input import WorkerInput
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkerTaskInput")


@_attrs_define
class WorkerTaskInput:
    """The input a saved task runs with."""

    input_: WorkerInput
    """ Input of a Worker. Form fields sit under `parameters.custom` and platform settings,
    such as `proxy_region`, under `parameters.system`. The fields themselves depend on
    the Worker; its input schema lists them.
     """
    version: str | Unset = UNSET
    """ Worker version the task runs. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        input_ = self.input_.to_dict()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["input"] = input_
        if version is not UNSET:
            field_dict["version"] = version
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        input_ = WorkerInput.from_dict(d.pop("input"))

        version = d.pop("version", UNSET)

        worker_task_input = cls(
            input_=input_,
            version=version,
        )
        worker_task_input.additional_properties = d
        return worker_task_input

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("input_", self.input_),
            ("version", self.version),
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
