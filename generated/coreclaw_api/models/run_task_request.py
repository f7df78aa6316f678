from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RunTaskRequest")


@_attrs_define
class RunTaskRequest:
    """Options for running a saved task; the input comes from the task. Every field is
    optional and only the fields that are set are sent.

    """

    callback_url: str | Unset = UNSET
    """ An http(s) URL that receives a POST when the run's status changes. Do not put the API key in it. """
    is_async: bool | Unset = UNSET
    """ True (the server's default) answers at once with the new run slug; false waits up to five minutes for the
    run to finish. """
    limit: int | Unset = UNSET
    """ Size of the result page returned by a synchronous run. The server default is 20. """
    offset: int | Unset = UNSET
    """ Page number (from 1; 0 also means 1) of the result page returned by a synchronous run. """

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
