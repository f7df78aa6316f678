from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, unix_seconds

T = TypeVar("T", bound="RunRecord")


@_attrs_define
class RunRecord:
    """One run."""

    slug: str
    """ The run slug (the `runId` of other calls). """
    status: str
    """ Status of a run. Known values are `ready`, `running`, `succeeded`, `failed` and
    `aborting`; `succeeded` and `failed` are final. The set is open: clients must accept
    values they do not know (for example `aborted`).
     """
    scraper_slug: str | Unset = UNSET
    """ Slug of the Worker that ran. """
    scraper_title: str | Unset = UNSET
    """ Display name of the Worker. """
    version: str | Unset = UNSET
    """ Worker version that ran. """
    results: int | Unset = UNSET
    """ Rows produced so far; zero is not a failure. """
    usage: str | Unset = UNSET
    """ Usage recorded for billing, as a decimal string. """
    traffic: int | Unset = UNSET
    """ Traffic used, for diagnostics. """
    origin: str | Unset = UNSET
    """ Where the run was started from, for example `openapi`. """
    started_at: int | Unset = UNSET
    """ Start time, Unix seconds. """
    finished_at: int | Unset = UNSET
    """ End time, Unix seconds; 0 while running. """
    duration: int | Unset = UNSET
    """ Running time in seconds. """
    err_msg: str | Unset = UNSET
    """ Diagnostic text; usually absent. Read the log for details. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        status = self.status

        scraper_slug = self.scraper_slug

        scraper_title = self.scraper_title

        version = self.version

        results = self.results

        usage = self.usage

        traffic = self.traffic

        origin = self.origin

        started_at = self.started_at

        finished_at = self.finished_at

        duration = self.duration

        err_msg = self.err_msg

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["slug"] = slug
        field_dict["status"] = status
        if scraper_slug is not UNSET:
            field_dict["scraper_slug"] = scraper_slug
        if scraper_title is not UNSET:
            field_dict["scraper_title"] = scraper_title
        if version is not UNSET:
            field_dict["version"] = version
        if results is not UNSET:
            field_dict["results"] = results
        if usage is not UNSET:
            field_dict["usage"] = usage
        if traffic is not UNSET:
            field_dict["traffic"] = traffic
        if origin is not UNSET:
            field_dict["origin"] = origin
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if duration is not UNSET:
            field_dict["duration"] = duration
        if err_msg is not UNSET:
            field_dict["err_msg"] = err_msg
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        status = d.pop("status")

        scraper_slug = d.pop("scraper_slug", UNSET)

        scraper_title = d.pop("scraper_title", UNSET)

        version = d.pop("version", UNSET)

        results = d.pop("results", UNSET)

        usage = d.pop("usage", UNSET)

        traffic = d.pop("traffic", UNSET)

        origin = d.pop("origin", UNSET)

        started_at = d.pop("started_at", UNSET)

        finished_at = d.pop("finished_at", UNSET)

        duration = d.pop("duration", UNSET)

        err_msg = d.pop("err_msg", UNSET)

        run_record = cls(
            slug=slug,
            status=status,
            scraper_slug=scraper_slug,
            scraper_title=scraper_title,
            version=version,
            results=results,
            usage=usage,
            traffic=traffic,
            origin=origin,
            started_at=started_at,
            finished_at=finished_at,
            duration=duration,
            err_msg=err_msg,
        )
        run_record.additional_properties = d
        return run_record

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("slug", self.slug),
            ("status", self.status),
            ("scraper_slug", self.scraper_slug),
            ("scraper_title", self.scraper_title),
            ("version", self.version),
            ("results", self.results),
            ("usage", self.usage),
            ("traffic", self.traffic),
            ("origin", self.origin),
            ("started_at", self.started_at),
            ("finished_at", self.finished_at),
            ("duration", self.duration),
            ("err_msg", self.err_msg),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    @property
    def started_at_datetime(self) -> datetime.datetime | None:
        """``started_at`` (Unix seconds) as an aware UTC datetime; None if unset or 0."""
        return unix_seconds(self.started_at)

    @property
    def finished_at_datetime(self) -> datetime.datetime | None:
        """``finished_at`` (Unix seconds) as an aware UTC datetime; None if unset or 0."""
        return unix_seconds(self.finished_at)

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
