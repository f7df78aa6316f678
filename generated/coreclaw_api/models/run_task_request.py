from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..types import (
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="RunTaskRequest")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class RunTaskRequest:
    """Options for running a saved task; the input comes from the task. Every field is
    optional and only the fields that are set are sent.

    """

    __slots__ = (
        "callback_url",
        "is_async",
        "limit",
        "offset",
        "__weakref__",
    )

    callback_url: str | Unset
    """ An http(s) URL that receives a POST when the run's status changes. Do not put the API key in it. """
    is_async: bool | Unset
    """ True (the server's default) answers at once with the new run slug; false waits up to five minutes for the
    run to finish. """
    limit: int | Unset
    """ Size of the result page returned by a synchronous run. The server default is 20. """
    offset: int | Unset
    """ Page number (from 1; 0 also means 1) of the result page returned by a synchronous run. """

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("callback_url", "callback_url", False, True, UNSET, None),
        ("is_async", "is_async", False, True, UNSET, None),
        ("limit", "limit", False, True, UNSET, None),
        ("offset", "offset", False, True, UNSET, None),
    )
    __match_args__ = (
        "callback_url",
        "is_async",
        "limit",
        "offset",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        callback_url: str | Unset = UNSET,
        is_async: bool | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
    ) -> None:
        self.callback_url = callback_url
        self.is_async = is_async
        self.limit = limit
        self.offset = offset

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.callback_url,
            self.is_async,
            self.limit,
            self.offset,
        ) == (
            that.callback_url,
            that.is_async,
            that.limit,
            that.offset,
        )

    def to_dict(self) -> dict[str, Any]:
        callback_url = self.callback_url

        is_async = self.is_async

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if is_async is not UNSET:
            field_dict["is_async"] = is_async
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        callback_url = d.pop("callback_url", UNSET)

        is_async = d.pop("is_async", UNSET)

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        run_task_request = cls(
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
        )
        return run_task_request

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("callback_url", self.callback_url),
            ("is_async", self.is_async),
            ("limit", self.limit),
            ("offset", self.offset),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        return f"{type(self).__name__}({', '.join(parts)})"
