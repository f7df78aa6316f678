from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

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

T = TypeVar("T", bound="ReleaseQueueItemsRequest")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class ReleaseQueueItemsRequest:
    """The Run Queue items to release, and why."""

    __slots__ = (
        "queue_refs",
        "reason",
        "__weakref__",
    )

    queue_refs: list[str] | None
    """ The `queue_ref` of each item. """
    reason: str | Unset
    """ A note on why the items are released. """

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("queue_refs", "queue_refs", False, True, _NOTHING, None),
        ("reason", "reason", False, True, UNSET, None),
    )
    __match_args__ = (
        "queue_refs",
        "reason",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        queue_refs: list[str] | None,
        reason: str | Unset = UNSET,
    ) -> None:
        self.queue_refs = queue_refs
        self.reason = reason

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.queue_refs,
            self.reason,
        ) == (
            that.queue_refs,
            that.reason,
        )

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
