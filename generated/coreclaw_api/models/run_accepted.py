from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET

T = TypeVar("T", bound="RunAccepted")


@_attrs_define
class RunAccepted:
    """Answer to an asynchronous run start. It never carries the synchronous fields, which
    keeps the two shapes of a run-start answer apart; other new fields are allowed.

    """

    run_slug: str
    """ Slug of the new run. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        run_slug = self.run_slug

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["run_slug"] = run_slug
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        run_slug = d.pop("run_slug")

        run_accepted = cls(
            run_slug=run_slug,
        )
        run_accepted.additional_properties = d
        return run_accepted

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("run_slug", self.run_slug),
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
