from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET

T = TypeVar("T", bound="QueueRefsRequest")


@_attrs_define
class QueueRefsRequest:
    """The Run Queue items to act on."""

    queue_refs: list[str] | None
    """ The `queue_ref` of each item. """

    def to_dict(self) -> dict[str, Any]:
        queue_refs: list[str] | None
        if isinstance(self.queue_refs, list):
            queue_refs = self.queue_refs

        else:
            queue_refs = self.queue_refs

        field_dict: dict[str, Any] = {}
        field_dict["queue_refs"] = queue_refs
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_queue_refs(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                queue_refs_type_0 = cast(list[str], data)

                return queue_refs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        queue_refs = _parse_queue_refs(d.pop("queue_refs"))

        queue_refs_request = cls(
            queue_refs=queue_refs,
        )
        return queue_refs_request

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("queue_refs", self.queue_refs),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        return f"{type(self).__name__}({', '.join(parts)})"
