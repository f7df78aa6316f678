from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.worker_detail_parameters import WorkerDetailParameters
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="WorkerDetail")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class WorkerDetail:
    """One Worker in detail."""

    __slots__ = (
        "name",
        "username",
        "version",
        "readme",
        "parameters",
        "additional_properties",
        "__weakref__",
    )

    name: str | Unset
    """ Short name of the Worker. """
    username: str | Unset
    """ Owner of the Worker. """
    version: str | Unset
    """ The Worker's current version. """
    readme: str | Unset
    """ The Worker's readme, as Markdown. """
    parameters: WorkerDetailParameters | Unset
    """ What the Worker takes as input; the contents differ from Worker to Worker. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("name", "name", False, True, UNSET, None),
        ("username", "username", False, True, UNSET, None),
        ("version", "version", False, True, UNSET, None),
        ("readme", "readme", False, True, UNSET, None),
        ("parameters", "parameters", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "name",
        "username",
        "version",
        "readme",
        "parameters",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        name: str | Unset = UNSET,
        username: str | Unset = UNSET,
        version: str | Unset = UNSET,
        readme: str | Unset = UNSET,
        parameters: WorkerDetailParameters | Unset = UNSET,
    ) -> None:
        self.name = name
        self.username = username
        self.version = version
        self.readme = readme
        self.parameters = parameters
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.name,
            self.username,
            self.version,
            self.readme,
            self.parameters,
            self.additional_properties,
        ) == (
            that.name,
            that.username,
            that.version,
            that.readme,
            that.parameters,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        username = self.username

        version = self.version

        readme = self.readme

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if name is not UNSET:
            field_dict["name"] = name
        if username is not UNSET:
            field_dict["username"] = username
        if version is not UNSET:
            field_dict["version"] = version
        if readme is not UNSET:
            field_dict["readme"] = readme
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        username = d.pop("username", UNSET)

        version = d.pop("version", UNSET)

        readme = d.pop("readme", UNSET)

        _parameters = d.pop("parameters", UNSET)
        parameters: WorkerDetailParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = WorkerDetailParameters.from_dict(_parameters)

        worker_detail = cls(
            name=name,
            username=username,
            version=version,
            readme=readme,
            parameters=parameters,
        )
        worker_detail.additional_properties = d
        return worker_detail

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("name", self.name),
            ("username", self.username),
            ("version", self.version),
            ("readme", self.readme),
            ("parameters", self.parameters),
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
