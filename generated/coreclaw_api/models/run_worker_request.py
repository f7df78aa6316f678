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

T = TypeVar("T", bound="RunWorkerRequest")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class RunWorkerRequest:
    """Input and options of a new run. Only the fields that are set are sent. The Run Queue
    takes the same body but ignores `is_async`, `limit` and `offset`.

    """

    __slots__ = (
        "input_",
        "version",
        "callback_url",
        "is_async",
        "limit",
        "offset",
        "__weakref__",
    )

    input_: Any | Unset
    """ The Worker's input. Put form fields under `parameters.custom` and platform
    settings under `parameters.system`; a flat object is rejected.
     """
    version: str | Unset
    """ A concrete Worker version such as `v1.2.8`. Leave it out to use the latest
    version; the literal `latest` is rejected.
     """
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
        ("input_", "input_", False, True, UNSET, None),
        ("version", "version", False, True, UNSET, None),
        ("callback_url", "callback_url", False, True, UNSET, None),
        ("is_async", "is_async", False, True, UNSET, None),
        ("limit", "limit", False, True, UNSET, None),
        ("offset", "offset", False, True, UNSET, None),
    )
    __match_args__ = (
        "input_",
        "version",
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
        input_: Any | Unset = UNSET,
        version: str | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        is_async: bool | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
    ) -> None:
        self.input_ = input_
        self.version = version
        self.callback_url = callback_url
        self.is_async = is_async
        self.limit = limit
        self.offset = offset

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.input_,
            self.version,
            self.callback_url,
            self.is_async,
            self.limit,
            self.offset,
        ) == (
            that.input_,
            that.version,
            that.callback_url,
            that.is_async,
            that.limit,
            that.offset,
        )

    def to_dict(self) -> dict[str, Any]:
        input_ = self.input_

        version = self.version

        callback_url = self.callback_url

        is_async = self.is_async

        limit = self.limit

        offset = self.offset

        field_dict: dict[str, Any] = {}
        if input_ is not UNSET:
            field_dict["input"] = input_
        if version is not UNSET:
            field_dict["version"] = version
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
        input_ = d.pop("input", UNSET)

        version = d.pop("version", UNSET)

        callback_url = d.pop("callback_url", UNSET)

        is_async = d.pop("is_async", UNSET)

        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        run_worker_request = cls(
            input_=input_,
            version=version,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
        )
        return run_worker_request

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("input_", self.input_),
            ("version", self.version),
            ("callback_url", self.callback_url),
            ("is_async", self.is_async),
            ("limit", self.limit),
            ("offset", self.offset),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        return f"{type(self).__name__}({', '.join(parts)})"
