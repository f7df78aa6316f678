from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.worker_input import WorkerInput
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="WorkerTaskInput")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class WorkerTaskInput:
    """The input a saved task runs with."""

    __slots__ = (
        "input_",
        "version",
        "additional_properties",
        "__weakref__",
    )

    input_: WorkerInput
    """ Input of a Worker. Form fields sit under `parameters.custom` and platform settings,
    such as `proxy_region`, under `parameters.system`. The fields themselves depend on
    the Worker; its input schema lists them.
     """
    version: str | Unset
    """ Worker version the task runs. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("input_", "input_", False, True, _NOTHING, None),
        ("version", "version", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "input_",
        "version",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        input_: WorkerInput,
        version: str | Unset = UNSET,
    ) -> None:
        self.input_ = input_
        self.version = version
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.input_,
            self.version,
            self.additional_properties,
        ) == (
            that.input_,
            that.version,
            that.additional_properties,
        )

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
