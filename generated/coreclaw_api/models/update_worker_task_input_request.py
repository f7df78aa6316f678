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

T = TypeVar("T", bound="UpdateWorkerTaskInputRequest")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class UpdateWorkerTaskInputRequest:
    """The new input of a saved task, replacing the old one as a whole."""

    __slots__ = (
        "input_",
        "version",
        "__weakref__",
    )

    input_: Any
    """ The input the task runs with, wrapped in `parameters.custom` as for a run. """
    version: str | Unset
    """ A concrete Worker version to switch to; left out, the task keeps its version. """

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("input_", "input_", False, True, _NOTHING, None),
        ("version", "version", False, True, UNSET, None),
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
        input_: Any,
        version: str | Unset = UNSET,
    ) -> None:
        self.input_ = input_
        self.version = version

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.input_,
            self.version,
        ) == (
            that.input_,
            that.version,
        )

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
