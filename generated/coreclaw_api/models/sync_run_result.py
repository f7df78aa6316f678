from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
import datetime

from ..models.result_page import ResultPage
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
    unix_seconds,
)

T = TypeVar("T", bound="SyncRunResult")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class SyncRunResult:
    """Answer to a synchronous run start. When the server's five-minute wait runs out the
    run goes on and `run_status` is not final yet; poll the run detail for the outcome.

    """

    __slots__ = (
        "run_slug",
        "run_status",
        "error_message",
        "execution_start_timestamp",
        "execution_end_timestamp",
        "running_duration",
        "result_message",
        "is_finished",
        "results",
        "additional_properties",
        "__weakref__",
    )

    run_slug: str
    """ Slug of the new run. """
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
    result_message: str | Unset
    """ Summary message of the run. """
    is_finished: bool | Unset
    """ Whether the run had finished when the server answered, when the server says. """
    results: ResultPage | Unset
    """ One page of result rows. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("run_slug", "run_slug", False, True, _NOTHING, None),
        ("run_status", "run_status", False, True, _NOTHING, None),
        ("error_message", "error_message", False, True, UNSET, None),
        ("execution_start_timestamp", "execution_start_timestamp", False, True, UNSET, None),
        ("execution_end_timestamp", "execution_end_timestamp", False, True, UNSET, None),
        ("running_duration", "running_duration", False, True, UNSET, None),
        ("result_message", "result_message", False, True, UNSET, None),
        ("is_finished", "is_finished", False, True, UNSET, None),
        ("results", "results", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "run_slug",
        "run_status",
        "error_message",
        "execution_start_timestamp",
        "execution_end_timestamp",
        "running_duration",
        "result_message",
        "is_finished",
        "results",
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
        result_message: str | Unset = UNSET,
        is_finished: bool | Unset = UNSET,
        results: ResultPage | Unset = UNSET,
    ) -> None:
        self.run_slug = run_slug
        self.run_status = run_status
        self.error_message = error_message
        self.execution_start_timestamp = execution_start_timestamp
        self.execution_end_timestamp = execution_end_timestamp
        self.running_duration = running_duration
        self.result_message = result_message
        self.is_finished = is_finished
        self.results = results
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
            self.result_message,
            self.is_finished,
            self.results,
            self.additional_properties,
        ) == (
            that.run_slug,
            that.run_status,
            that.error_message,
            that.execution_start_timestamp,
            that.execution_end_timestamp,
            that.running_duration,
            that.result_message,
            that.is_finished,
            that.results,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        run_slug = self.run_slug

        run_status = self.run_status

        error_message = self.error_message

        execution_start_timestamp = self.execution_start_timestamp

        execution_end_timestamp = self.execution_end_timestamp

        running_duration = self.running_duration

        result_message = self.result_message

        is_finished = self.is_finished

        results: dict[str, Any] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = self.results.to_dict()

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
        if result_message is not UNSET:
            field_dict["result_message"] = result_message
        if is_finished is not UNSET:
            field_dict["is_finished"] = is_finished
        if results is not UNSET:
            field_dict["results"] = results
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

        result_message = d.pop("result_message", UNSET)

        is_finished = d.pop("is_finished", UNSET)

        _results = d.pop("results", UNSET)
        results: ResultPage | Unset
        if isinstance(_results, Unset):
            results = UNSET
        else:
            results = ResultPage.from_dict(_results)

        sync_run_result = cls(
            run_slug=run_slug,
            run_status=run_status,
            error_message=error_message,
            execution_start_timestamp=execution_start_timestamp,
            execution_end_timestamp=execution_end_timestamp,
            running_duration=running_duration,
            result_message=result_message,
            is_finished=is_finished,
            results=results,
        )
        sync_run_result.additional_properties = d
        return sync_run_result

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("run_slug", self.run_slug),
            ("run_status", self.run_status),
            ("error_message", self.error_message),
            ("execution_start_timestamp", self.execution_start_timestamp),
            ("execution_end_timestamp", self.execution_end_timestamp),
            ("running_duration", self.running_duration),
            ("result_message", self.result_message),
            ("is_finished", self.is_finished),
            ("results", self.results),
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
