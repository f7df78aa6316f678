from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StoreWorker")


@_attrs_define
class StoreWorker:
    """A Worker as listed by the Store and by the caller's Worker list."""

    slug: str | Unset = UNSET
    """ The Worker's slug, usable as `workerId`. """
    path: str | Unset = UNSET
    """ The Worker's path with a tilde for the slash, also usable as `workerId`. """
    name: str | Unset = UNSET
    """ Short name of the Worker. """
    username: str | Unset = UNSET
    """ Owner of the Worker. """
    title: str | Unset = UNSET
    """ Display name of the Worker. """
    description: str | Unset = UNSET
    """ What the Worker does. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        path = self.path

        name = self.name

        username = self.username

        title = self.title

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if slug is not UNSET:
            field_dict["slug"] = slug
        if path is not UNSET:
            field_dict["path"] = path
        if name is not UNSET:
            field_dict["name"] = name
        if username is not UNSET:
            field_dict["username"] = username
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug", UNSET)

        path = d.pop("path", UNSET)

        name = d.pop("name", UNSET)

        username = d.pop("username", UNSET)

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        store_worker = cls(
            slug=slug,
            path=path,
            name=name,
            username=username,
            title=title,
            description=description,
        )
        store_worker.additional_properties = d
        return store_worker

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("slug", self.slug),
            ("path", self.path),
            ("name", self.name),
            ("username", self.username),
            ("title", self.title),
            ("description", self.description),
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
