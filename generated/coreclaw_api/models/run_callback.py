from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
import datetime

from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
    unix_seconds,
)

T = TypeVar("T", bound="RunCallback")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class RunCallback:
    """Body of the notification CoreClaw posts to `callback_url`. Early deployments sent the
    run as an integer `run_id` instead of `run_slug`.

    """

    __slots__ = (
        "run_slug",
        "run_status",
        "error_message",
        "execution_start_timestamp",
        "execution_end_timestamp",
        "running_duration",
        "result_count",
        "result_message",
        "additional_properties",
        "__weakref__",
    )

    run_slug: str
    """ Slug of the run. """
    run_status: str
    """ Status of a run. Known values are `ready`, `running`, `succeeded`, `failed` and
    `aborting`; `succeeded` and `failed` are final. The set is open: clients must accept
    values they do not know (for example `aborted`).
     """
    error_message: str | Unset
    """ Empty when the run had no error. """
    execution_start_timestamp: int | Unset
    """ Start time, Unix seconds. """
    execution_end_timestamp: int | Unset
    """ End time, Unix seconds. """
    running_duration: int | Unset
    """ Running time in seconds. """
    result_count: int | Unset
    """ Rows produced. """
    result_message: str | Unset
    """ Summary message of the run. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("run_slug", "run_slug", False, True, _NOTHING, None),
        ("run_status", "run_status", False, True, _NOTHING, None),
        ("error_message", "error_message", False, True, UNSET, None),
        ("execution_start_timestamp", "execution_start_timestamp", False, True, UNSET, None),
        ("execution_end_timestamp", "execution_end_timestamp", False, True, UNSET, None),
        ("running_duration", "running_duration", False, True, UNSET, None),
        ("result_count", "result_count", False, True, UNSET, None),
        ("result_message", "result_message", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "run_slug",
        "run_status",
        "error_message",
        "execution_start_timestamp",
        "execution_end_timestamp",
        "running_duration",
        "result_count",
        "result_message",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        run_slug: str,
        run_status: str,
        error_message: str | Unset = UNSET,
        execution_start_timestamp: int | Unset = UNSET,
        execution_end_timestamp: int | Unset = UNSET,
        running_duration: int | Unset = UNSET,
        result_count: int | Unset = UNSET,
        result_message: str | Unset = UNSET,
    ) -> None:
        self.run_slug = run_slug
        self.run_status = run_status
        self.error_message = error_message
        self.execution_start_timestamp = execution_start_timestamp
        self.execution_end_timestamp = execution_end_timestamp
        self.running_duration = running_duration
        self.result_count = result_count
        self.result_message = result_message
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.run_slug,
            self.run_status,
            self.error_message,
            self.execution_start_timestamp,
            self.execution_end_timestamp,
            self.running_duration,
            self.result_count,
            self.result_message,
            self.additional_properties,
        ) == (
            that.run_slug,
            that.run_status,
            that.error_message,
            that.execution_start_timestamp,
            that.execution_end_timestamp,
            that.running_duration,
            that.result_count,
            that.result_message,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        run_slug = self.run_slug

        run_status = self.run_status

        error_message = self.error_message

        execution_start_timestamp = self.execution_start_timestamp

        execution_end_timestamp = self.execution_end_timestamp

        running_duration = self.running_duration

        result_count = self.result_count

        result_message = self.result_message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["run_slug"] = run_slug
        field_dict["run_status"] = run_status
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if execution_start_timestamp is not UNSET:
            field_dict["execution_start_timestamp"] = execution_start_timestamp
        if execution_end_timestamp is not UNSET:
            field_dict["execution_end_timestamp"] = execution_end_timestamp
        if running_duration is not UNSET:
            field_dict["running_duration"] = running_duration
        if result_count is not UNSET:
            field_dict["result_count"] = result_count
        if result_message is not UNSET:
            field_dict["result_message"] = result_message
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        run_slug = d.pop("run_slug")

        run_status = d.pop("run_status")

        error_message = d.pop("error_message", UNSET)

        execution_start_timestamp = d.pop("execution_start_timestamp", UNSET)

        execution_end_timestamp = d.pop("execution_end_timestamp", UNSET)

        running_duration = d.pop("running_duration", UNSET)

        result_count = d.pop("result_count", UNSET)

        result_message = d.pop("result_message", UNSET)

        run_callback = cls(
            run_slug=run_slug,
            run_status=run_status,
            error_message=error_message,
            execution_start_timestamp=execution_start_timestamp,
            execution_end_timestamp=execution_end_timestamp,
            running_duration=running_duration,
            result_count=result_count,
            result_message=result_message,
        )
        run_callback.additional_properties = d
        return run_callback

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("run_slug", self.run_slug),
            ("run_status", self.run_status),
            ("error_message", self.error_message),
            ("execution_start_timestamp", self.execution_start_timestamp),
            ("execution_end_timestamp", self.execution_end_timestamp),
            ("running_duration", self.running_duration),
            ("result_count", self.result_count),
            ("result_message", self.result_message),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    @property
    def execution_start_timestamp_datetime(self) -> datetime.datetime | None:
        """``execution_start_timestamp`` (Unix seconds) as an aware UTC datetime; None if unset or 0."""
        return unix_seconds(self.execution_start_timestamp)

    @property
    def execution_end_timestamp_datetime(self) -> datetime.datetime | None:
        """``execution_end_timestamp`` (Unix seconds) as an aware UTC datetime; None if unset or 0."""
        return unix_seconds(self.execution_end_timestamp)

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
