from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.worker_detail_parameters_custom import WorkerDetailParametersCustom
from ..models.worker_detail_parameters_system import WorkerDetailParametersSystem
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="WorkerDetailParameters")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class WorkerDetailParameters:
    """What the Worker takes as input; the contents differ from Worker to Worker."""

    __slots__ = (
        "custom",
        "system",
        "additional_properties",
        "__weakref__",
    )

    custom: WorkerDetailParametersCustom | Unset
    """ The Worker's own input fields. """
    system: WorkerDetailParametersSystem | Unset
    """ Platform settings, such as `proxy_region`. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("custom", "custom", False, True, UNSET, None),
        ("system", "system", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "custom",
        "system",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        custom: WorkerDetailParametersCustom | Unset = UNSET,
        system: WorkerDetailParametersSystem | Unset = UNSET,
    ) -> None:
        self.custom = custom
        self.system = system
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.custom,
            self.system,
            self.additional_properties,
        ) == (
            that.custom,
            that.system,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        custom: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom, Unset):
            custom = self.custom.to_dict()

        system: dict[str, Any] | Unset = UNSET
        if not isinstance(self.system, Unset):
            system = self.system.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if custom is not UNSET:
            field_dict["custom"] = custom
        if system is not UNSET:
            field_dict["system"] = system
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _custom = d.pop("custom", UNSET)
        custom: WorkerDetailParametersCustom | Unset
        if isinstance(_custom, Unset):
            custom = UNSET
        else:
            custom = WorkerDetailParametersCustom.from_dict(_custom)

        _system = d.pop("system", UNSET)
        system: WorkerDetailParametersSystem | Unset
        if isinstance(_system, Unset):
            system = UNSET
        else:
            system = WorkerDetailParametersSystem.from_dict(_system)

        worker_detail_parameters = cls(
            custom=custom,
            system=system,
        )
        worker_detail_parameters.additional_properties = d
        return worker_detail_parameters

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("custom", self.custom),
            ("system", self.system),
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
