from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RerunAccepted")


@_attrs_define
class RerunAccepted:
    """Answer to an asynchronous rerun."""

    run_slug: str
    """ Slug of the new run. """

    def to_dict(self) -> dict[str, Any]:
        run_slug = self.run_slug

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "run_slug": run_slug,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        run_slug = d.pop("run_slug")

        rerun_accepted = cls(
            run_slug=run_slug,
        )

        return rerun_accepted
