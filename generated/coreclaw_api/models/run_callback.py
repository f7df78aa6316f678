from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, unix_seconds

T = TypeVar("T", bound="RunCallback")


@_attrs_define
class RunCallback:
    """Body of the notification CoreClaw posts to `callback_url`. Early deployments sent the
    run as an integer `run_id` instead of `run_slug`.

    """

    run_slug: str
    """ Slug of the run. """
    run_status: str
    """ Status of a run. Known values are `ready`, `running`, `succeeded`, `failed` and
    `aborting`; `succeeded` and `failed` are final. The set is open: clients must accept
    values they do not know (for example `aborted`).
     """
    error_message: str | Unset = UNSET
    """ Empty when the run had no error. """
    execution_start_timestamp: int | Unset = UNSET
    """ Start time, Unix seconds. """
    execution_end_timestamp: int | Unset = UNSET
    """ End time, Unix seconds. """
    running_duration: int | Unset = UNSET
    """ Running time in seconds. """
    result_count: int | Unset = UNSET
    """ Rows produced. """
    result_message: str | Unset = UNSET
    """ Summary message of the run. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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
