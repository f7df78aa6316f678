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

T = TypeVar("T", bound="RunRecord")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class RunRecord:
    """One run."""

    __slots__ = (
        "slug",
        "status",
        "scraper_slug",
        "scraper_title",
        "version",
        "results",
        "usage",
        "traffic",
        "origin",
        "started_at",
        "finished_at",
        "duration",
        "err_msg",
        "additional_properties",
        "__weakref__",
    )

    slug: str
    """ The run slug (the `runId` of other calls). """
    status: str
    """ Status of a run. Known values are `ready`, `running`, `succeeded`, `failed` and
    `aborting`; `succeeded` and `failed` are final. The set is open: clients must accept
    values they do not know (for example `aborted`).
     """
    scraper_slug: str | Unset
    """ Slug of the Worker that ran. """
    scraper_title: str | Unset
    """ Display name of the Worker. """
    version: str | Unset
    """ Worker version that ran. """
    results: int | Unset
    """ Rows produced so far; zero is not a failure. """
    usage: str | Unset
    """ Usage recorded for billing, as a decimal string. """
    traffic: int | Unset
    """ Traffic used, for diagnostics. """
    origin: str | Unset
    """ Where the run was started from, for example `openapi`. """
    started_at: int | Unset
    """ Start time, Unix seconds. """
    finished_at: int | Unset
    """ End time, Unix seconds; 0 while running. """
    duration: int | Unset
    """ Running time in seconds. """
    err_msg: str | Unset
    """ Diagnostic text; usually absent. Read the log for details. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("slug", "slug", False, True, _NOTHING, None),
        ("status", "status", False, True, _NOTHING, None),
        ("scraper_slug", "scraper_slug", False, True, UNSET, None),
        ("scraper_title", "scraper_title", False, True, UNSET, None),
        ("version", "version", False, True, UNSET, None),
        ("results", "results", False, True, UNSET, None),
        ("usage", "usage", False, True, UNSET, None),
        ("traffic", "traffic", False, True, UNSET, None),
        ("origin", "origin", False, True, UNSET, None),
        ("started_at", "started_at", False, True, UNSET, None),
        ("finished_at", "finished_at", False, True, UNSET, None),
        ("duration", "duration", False, True, UNSET, None),
        ("err_msg", "err_msg", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "slug",
        "status",
        "scraper_slug",
        "scraper_title",
        "version",
        "results",
        "usage",
        "traffic",
        "origin",
        "started_at",
        "finished_at",
        "duration",
        "err_msg",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        slug: str,
        status: str,
        scraper_slug: str | Unset = UNSET,
        scraper_title: str | Unset = UNSET,
        version: str | Unset = UNSET,
        results: int | Unset = UNSET,
        usage: str | Unset = UNSET,
        traffic: int | Unset = UNSET,
        origin: str | Unset = UNSET,
        started_at: int | Unset = UNSET,
        finished_at: int | Unset = UNSET,
        duration: int | Unset = UNSET,
        err_msg: str | Unset = UNSET,
    ) -> None:
        self.slug = slug
        self.status = status
        self.scraper_slug = scraper_slug
        self.scraper_title = scraper_title
        self.version = version
        self.results = results
        self.usage = usage
        self.traffic = traffic
        self.origin = origin
        self.started_at = started_at
        self.finished_at = finished_at
        self.duration = duration
        self.err_msg = err_msg
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.slug,
            self.status,
            self.scraper_slug,
            self.scraper_title,
            self.version,
            self.results,
            self.usage,
            self.traffic,
            self.origin,
            self.started_at,
            self.finished_at,
            self.duration,
            self.err_msg,
            self.additional_properties,
        ) == (
            that.slug,
            that.status,
            that.scraper_slug,
            that.scraper_title,
            that.version,
            that.results,
            that.usage,
            that.traffic,
            that.origin,
            that.started_at,
            that.finished_at,
            that.duration,
            that.err_msg,
            that.additional_properties,
        )

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
