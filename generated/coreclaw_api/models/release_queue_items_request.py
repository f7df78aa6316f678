from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReleaseQueueItemsRequest")


@_attrs_define
class ReleaseQueueItemsRequest:
    """The Run Queue items to release, and why."""

    queue_refs: list[str] | None
    """ The `queue_ref` of each item. """
    reason: str | Unset = UNSET
    """ A note on why the items are released. """

    def to_dict(self) -> dict[str, Any]:
        queue_refs: list[str] | None
        if isinstance(self.queue_refs, list):
            queue_refs = self.queue_refs

        else:
            queue_refs = self.queue_refs

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict["queue_refs"] = queue_refs
        if reason is not UNSET:
            field_dict["reason"] = reason
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

        reason = d.pop("reason", UNSET)

        release_queue_items_request = cls(
            queue_refs=queue_refs,
            reason=reason,
        )
        return release_queue_items_request

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("queue_refs", self.queue_refs),
            ("reason", self.reason),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        return f"{type(self).__name__}({', '.join(parts)})"
