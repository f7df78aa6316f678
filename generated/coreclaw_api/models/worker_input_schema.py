from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.worker_input_schema_input_schema import WorkerInputSchemaInputSchema
from ..types import (
    _NOTHING,
    UNSET,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="WorkerInputSchema")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class WorkerInputSchema:
    """The input a Worker accepts."""

    __slots__ = (
        "input_schema",
        "additional_properties",
        "__weakref__",
    )

    input_schema: WorkerInputSchemaInputSchema
    """ A JSON-Schema-like description of the Worker's input fields. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("input_schema", "input_schema", False, True, _NOTHING, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = ("input_schema",)
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        input_schema: WorkerInputSchemaInputSchema,
    ) -> None:
        self.input_schema = input_schema
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.input_schema,
            self.additional_properties,
        ) == (
            that.input_schema,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        input_schema = self.input_schema.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["input_schema"] = input_schema
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        input_schema = WorkerInputSchemaInputSchema.from_dict(d.pop("input_schema"))

        worker_input_schema = cls(
            input_schema=input_schema,
        )
        worker_input_schema.additional_properties = d
        return worker_input_schema

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("input_schema", self.input_schema),
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
