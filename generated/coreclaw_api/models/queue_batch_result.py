from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.queue_item_outcome import QueueItemOutcome
from ..types import (
    _NOTHING,
    UNSET,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="QueueBatchResult")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class QueueBatchResult:
    """The outcome for each item of a Run Queue call."""

    __slots__ = (
        "results",
        "additional_properties",
        "__weakref__",
    )

    results: list[QueueItemOutcome]
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("results", "results", False, True, _NOTHING, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = ("results",)
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        results: list[QueueItemOutcome],
    ) -> None:
        self.results = results
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.results,
            self.additional_properties,
        ) == (
            that.results,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["results"] = results
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = QueueItemOutcome.from_dict(results_item_data)

            results.append(results_item)

        queue_batch_result = cls(
            results=results,
        )
        queue_batch_result.additional_properties = d
        return queue_batch_result

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("results", self.results),
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
