from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.worker_detail_parameters import WorkerDetailParameters
from ..types import UNSET, Unset

T = TypeVar("T", bound="WorkerDetail")


@_attrs_define
class WorkerDetail:
    """One Worker in detail."""

    name: str | Unset = UNSET
    """ Short name of the Worker. """
    username: str | Unset = UNSET
    """ Owner of the Worker. """
    version: str | Unset = UNSET
    """ The Worker's current version. """
    readme: str | Unset = UNSET
    """ The Worker's readme, as Markdown. """
    parameters: WorkerDetailParameters | Unset = UNSET
    """ What the Worker takes as input; the contents differ from Worker to Worker. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
