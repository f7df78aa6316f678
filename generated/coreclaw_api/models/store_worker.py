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

T = TypeVar("T", bound="StoreWorker")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class StoreWorker:
    """A Worker as listed by the Store and by the caller's Worker list."""

    __slots__ = (
        "slug",
        "path",
        "name",
        "username",
        "title",
        "description",
        "additional_properties",
        "__weakref__",
    )

    slug: str | Unset
    """ The Worker's slug, usable as `workerId`. """
    path: str | Unset
    """ The Worker's path with a tilde for the slash, also usable as `workerId`. """
    name: str | Unset
    """ Short name of the Worker. """
    username: str | Unset
    """ Owner of the Worker. """
    title: str | Unset
    """ Display name of the Worker. """
    description: str | Unset
    """ What the Worker does. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("slug", "slug", False, True, UNSET, None),
        ("path", "path", False, True, UNSET, None),
        ("name", "name", False, True, UNSET, None),
        ("username", "username", False, True, UNSET, None),
        ("title", "title", False, True, UNSET, None),
        ("description", "description", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "slug",
        "path",
        "name",
        "username",
        "title",
        "description",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        slug: str | Unset = UNSET,
        path: str | Unset = UNSET,
        name: str | Unset = UNSET,
        username: str | Unset = UNSET,
        title: str | Unset = UNSET,
        description: str | Unset = UNSET,
    ) -> None:
        self.slug = slug
        self.path = path
        self.name = name
        self.username = username
        self.title = title
        self.description = description
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.slug,
            self.path,
            self.name,
            self.username,
            self.title,
            self.description,
            self.additional_properties,
        ) == (
            that.slug,
            that.path,
            that.name,
            that.username,
            that.title,
            that.description,
            that.additional_properties,
        )

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
