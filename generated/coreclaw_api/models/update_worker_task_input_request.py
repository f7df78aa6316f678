from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdateWorkerTaskInputRequest")


@_attrs_define
class UpdateWorkerTaskInputRequest:
    """The new input of a saved task, replacing the old one as a whole."""

    input_: Any
    """ The input the task runs with, wrapped in `parameters.custom` as for a run. """
    version: str | Unset = UNSET
    """ A concrete Worker version to switch to; left out, the task keeps its version. """

    def to_dict(self) -> dict[str, Any]:
        input_ = self.input_

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict["input"] = input_
        if version is not UNSET:
            field_dict["version"] = version
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        input_ = d.pop("input")

        version = d.pop("version", UNSET)

        update_worker_task_input_request = cls(
            input_=input_,
            version=version,
        )
        return update_worker_task_input_request

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("input_", self.input_),
            ("version", self.version),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        return f"{type(self).__name__}({', '.join(parts)})"
