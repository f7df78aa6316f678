from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
import datetime

from ..models.worker_input import WorkerInput
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
    unix_seconds,
)

T = TypeVar("T", bound="WorkerTask")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class WorkerTask:
    """A saved task. Different calls and deployments return different subsets of these
    fields; only `slug` is always present. Schedule numbers are those of the requests,
    except that an unscheduled task may report `schedule_type` 0.

    """

    __slots__ = (
        "slug",
        "id",
        "title",
        "description",
        "version",
        "worker_id",
        "worker_slug",
        "worker_title",
        "worker_path",
        "platform_actors_id",
        "input_",
        "run_times",
        "last_run_id",
        "last_modified_at",
        "schedule_enabled",
        "schedule_type",
        "schedule_time",
        "schedule_weekday",
        "schedule_day",
        "schedule_once_date",
        "created_at",
        "updated_at",
        "additional_properties",
        "__weakref__",
    )

    slug: str
    """ The task's slug, the `workerTaskId` of the other task calls. """
    id: int | Unset
    """ Internal numeric id of the task. """
    title: str | Unset
    """ Name of the task. """
    description: str | Unset
    """ Free text about the task. """
    version: str | Unset
    """ Worker version the task runs. """
    worker_id: int | Unset
    """ Internal numeric id of the Worker; not accepted as a `workerId`. """
    worker_slug: str | Unset
    """ Slug of the Worker. """
    worker_title: str | Unset
    """ Display name of the Worker. """
    worker_path: str | Unset
    """ Path of the Worker, with a slash or a tilde between owner and name. """
    platform_actors_id: int | Unset
    """ Internal id of the Worker build. """
    input_: WorkerInput | Unset
    """ Input of a Worker. Form fields sit under `parameters.custom` and platform settings,
    such as `proxy_region`, under `parameters.system`. The fields themselves depend on
    the Worker; its input schema lists them.
     """
    run_times: int | Unset
    """ How many times the task has run. """
    last_run_id: int | Unset
    """ Internal id of the task's latest run; 0 when it never ran. """
    last_modified_at: int | Unset
    """ Last change, Unix seconds. """
    schedule_enabled: int | Unset
    """ 1 when the schedule is on, 0 when it is off. """
    schedule_type: int | Unset
    """ 1 daily, 2 weekly, 3 monthly, 4 once; 0 or missing when unscheduled. """
    schedule_time: str | Unset
    """ Time of day to run, as `HH:mm`. """
    schedule_weekday: int | Unset
    """ Day of the week for a weekly schedule; 1 is Monday, 7 is Sunday. """
    schedule_day: int | Unset
    """ Day of the month for a monthly schedule. """
    schedule_once_date: str | Unset
    """ Date of a one-off run, as `YYYY-MM-DD`. """
    created_at: int | Unset
    """ Creation time, Unix seconds. """
    updated_at: int | Unset
    """ Last update, Unix seconds. """
    additional_properties: dict[str, Any]

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("slug", "slug", False, True, _NOTHING, None),
        ("id", "id", False, True, UNSET, None),
        ("title", "title", False, True, UNSET, None),
        ("description", "description", False, True, UNSET, None),
        ("version", "version", False, True, UNSET, None),
        ("worker_id", "worker_id", False, True, UNSET, None),
        ("worker_slug", "worker_slug", False, True, UNSET, None),
        ("worker_title", "worker_title", False, True, UNSET, None),
        ("worker_path", "worker_path", False, True, UNSET, None),
        ("platform_actors_id", "platform_actors_id", False, True, UNSET, None),
        ("input_", "input_", False, True, UNSET, None),
        ("run_times", "run_times", False, True, UNSET, None),
        ("last_run_id", "last_run_id", False, True, UNSET, None),
        ("last_modified_at", "last_modified_at", False, True, UNSET, None),
        ("schedule_enabled", "schedule_enabled", False, True, UNSET, None),
        ("schedule_type", "schedule_type", False, True, UNSET, None),
        ("schedule_time", "schedule_time", False, True, UNSET, None),
        ("schedule_weekday", "schedule_weekday", False, True, UNSET, None),
        ("schedule_day", "schedule_day", False, True, UNSET, None),
        ("schedule_once_date", "schedule_once_date", False, True, UNSET, None),
        ("created_at", "created_at", False, True, UNSET, None),
        ("updated_at", "updated_at", False, True, UNSET, None),
        ("additional_properties", "additional_properties", False, False, _NOTHING, dict),
    )
    __match_args__ = (
        "slug",
        "id",
        "title",
        "description",
        "version",
        "worker_id",
        "worker_slug",
        "worker_title",
        "worker_path",
        "platform_actors_id",
        "input_",
        "run_times",
        "last_run_id",
        "last_modified_at",
        "schedule_enabled",
        "schedule_type",
        "schedule_time",
        "schedule_weekday",
        "schedule_day",
        "schedule_once_date",
        "created_at",
        "updated_at",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        slug: str,
        id: int | Unset = UNSET,
        title: str | Unset = UNSET,
        description: str | Unset = UNSET,
        version: str | Unset = UNSET,
        worker_id: int | Unset = UNSET,
        worker_slug: str | Unset = UNSET,
        worker_title: str | Unset = UNSET,
        worker_path: str | Unset = UNSET,
        platform_actors_id: int | Unset = UNSET,
        input_: WorkerInput | Unset = UNSET,
        run_times: int | Unset = UNSET,
        last_run_id: int | Unset = UNSET,
        last_modified_at: int | Unset = UNSET,
        schedule_enabled: int | Unset = UNSET,
        schedule_type: int | Unset = UNSET,
        schedule_time: str | Unset = UNSET,
        schedule_weekday: int | Unset = UNSET,
        schedule_day: int | Unset = UNSET,
        schedule_once_date: str | Unset = UNSET,
        created_at: int | Unset = UNSET,
        updated_at: int | Unset = UNSET,
    ) -> None:
        self.slug = slug
        self.id = id
        self.title = title
        self.description = description
        self.version = version
        self.worker_id = worker_id
        self.worker_slug = worker_slug
        self.worker_title = worker_title
        self.worker_path = worker_path
        self.platform_actors_id = platform_actors_id
        self.input_ = input_
        self.run_times = run_times
        self.last_run_id = last_run_id
        self.last_modified_at = last_modified_at
        self.schedule_enabled = schedule_enabled
        self.schedule_type = schedule_type
        self.schedule_time = schedule_time
        self.schedule_weekday = schedule_weekday
        self.schedule_day = schedule_day
        self.schedule_once_date = schedule_once_date
        self.created_at = created_at
        self.updated_at = updated_at
        self.additional_properties = {}

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.slug,
            self.id,
            self.title,
            self.description,
            self.version,
            self.worker_id,
            self.worker_slug,
            self.worker_title,
            self.worker_path,
            self.platform_actors_id,
            self.input_,
            self.run_times,
            self.last_run_id,
            self.last_modified_at,
            self.schedule_enabled,
            self.schedule_type,
            self.schedule_time,
            self.schedule_weekday,
            self.schedule_day,
            self.schedule_once_date,
            self.created_at,
            self.updated_at,
            self.additional_properties,
        ) == (
            that.slug,
            that.id,
            that.title,
            that.description,
            that.version,
            that.worker_id,
            that.worker_slug,
            that.worker_title,
            that.worker_path,
            that.platform_actors_id,
            that.input_,
            that.run_times,
            that.last_run_id,
            that.last_modified_at,
            that.schedule_enabled,
            that.schedule_type,
            that.schedule_time,
            that.schedule_weekday,
            that.schedule_day,
            that.schedule_once_date,
            that.created_at,
            that.updated_at,
            that.additional_properties,
        )

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        id = self.id

        title = self.title

        description = self.description

        version = self.version

        worker_id = self.worker_id

        worker_slug = self.worker_slug

        worker_title = self.worker_title

        worker_path = self.worker_path

        platform_actors_id = self.platform_actors_id

        input_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.input_, Unset):
            input_ = self.input_.to_dict()

        run_times = self.run_times

        last_run_id = self.last_run_id

        last_modified_at = self.last_modified_at

        schedule_enabled = self.schedule_enabled

        schedule_type = self.schedule_type

        schedule_time = self.schedule_time

        schedule_weekday = self.schedule_weekday

        schedule_day = self.schedule_day

        schedule_once_date = self.schedule_once_date

        created_at = self.created_at

        updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["slug"] = slug
        if id is not UNSET:
            field_dict["id"] = id
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if version is not UNSET:
            field_dict["version"] = version
        if worker_id is not UNSET:
            field_dict["worker_id"] = worker_id
        if worker_slug is not UNSET:
            field_dict["worker_slug"] = worker_slug
        if worker_title is not UNSET:
            field_dict["worker_title"] = worker_title
        if worker_path is not UNSET:
            field_dict["worker_path"] = worker_path
        if platform_actors_id is not UNSET:
            field_dict["platform_actors_id"] = platform_actors_id
        if input_ is not UNSET:
            field_dict["input"] = input_
        if run_times is not UNSET:
            field_dict["run_times"] = run_times
        if last_run_id is not UNSET:
            field_dict["last_run_id"] = last_run_id
        if last_modified_at is not UNSET:
            field_dict["last_modified_at"] = last_modified_at
        if schedule_enabled is not UNSET:
            field_dict["schedule_enabled"] = schedule_enabled
        if schedule_type is not UNSET:
            field_dict["schedule_type"] = schedule_type
        if schedule_time is not UNSET:
            field_dict["schedule_time"] = schedule_time
        if schedule_weekday is not UNSET:
            field_dict["schedule_weekday"] = schedule_weekday
        if schedule_day is not UNSET:
            field_dict["schedule_day"] = schedule_day
        if schedule_once_date is not UNSET:
            field_dict["schedule_once_date"] = schedule_once_date
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        id = d.pop("id", UNSET)

        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        version = d.pop("version", UNSET)

        worker_id = d.pop("worker_id", UNSET)

        worker_slug = d.pop("worker_slug", UNSET)

        worker_title = d.pop("worker_title", UNSET)

        worker_path = d.pop("worker_path", UNSET)

        platform_actors_id = d.pop("platform_actors_id", UNSET)

        _input_ = d.pop("input", UNSET)
        input_: WorkerInput | Unset
        if isinstance(_input_, Unset):
            input_ = UNSET
        else:
            input_ = WorkerInput.from_dict(_input_)

        run_times = d.pop("run_times", UNSET)

        last_run_id = d.pop("last_run_id", UNSET)

        last_modified_at = d.pop("last_modified_at", UNSET)

        schedule_enabled = d.pop("schedule_enabled", UNSET)

        schedule_type = d.pop("schedule_type", UNSET)

        schedule_time = d.pop("schedule_time", UNSET)

        schedule_weekday = d.pop("schedule_weekday", UNSET)

        schedule_day = d.pop("schedule_day", UNSET)

        schedule_once_date = d.pop("schedule_once_date", UNSET)

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        worker_task = cls(
            slug=slug,
            id=id,
            title=title,
            description=description,
            version=version,
            worker_id=worker_id,
            worker_slug=worker_slug,
            worker_title=worker_title,
            worker_path=worker_path,
            platform_actors_id=platform_actors_id,
            input_=input_,
            run_times=run_times,
            last_run_id=last_run_id,
            last_modified_at=last_modified_at,
            schedule_enabled=schedule_enabled,
            schedule_type=schedule_type,
            schedule_time=schedule_time,
            schedule_weekday=schedule_weekday,
            schedule_day=schedule_day,
            schedule_once_date=schedule_once_date,
            created_at=created_at,
            updated_at=updated_at,
        )
        worker_task.additional_properties = d
        return worker_task

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("slug", self.slug),
            ("id", self.id),
            ("title", self.title),
            ("description", self.description),
            ("version", self.version),
            ("worker_id", self.worker_id),
            ("worker_slug", self.worker_slug),
            ("worker_title", self.worker_title),
            ("worker_path", self.worker_path),
            ("platform_actors_id", self.platform_actors_id),
            ("input_", self.input_),
            ("run_times", self.run_times),
            ("last_run_id", self.last_run_id),
            ("last_modified_at", self.last_modified_at),
            ("schedule_enabled", self.schedule_enabled),
            ("schedule_type", self.schedule_type),
            ("schedule_time", self.schedule_time),
            ("schedule_weekday", self.schedule_weekday),
            ("schedule_day", self.schedule_day),
            ("schedule_once_date", self.schedule_once_date),
            ("created_at", self.created_at),
            ("updated_at", self.updated_at),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        if self.additional_properties:
            parts.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(parts)})"

    @property
    def last_modified_at_datetime(self) -> datetime.datetime | None:
        """``last_modified_at`` (Unix seconds) as an aware UTC datetime; None if unset or 0."""
        return unix_seconds(self.last_modified_at)

    @property
    def created_at_datetime(self) -> datetime.datetime | None:
        """``created_at`` (Unix seconds) as an aware UTC datetime; None if unset or 0."""
        return unix_seconds(self.created_at)

    @property
    def updated_at_datetime(self) -> datetime.datetime | None:
        """``updated_at`` (Unix seconds) as an aware UTC datetime; None if unset or 0."""
        return unix_seconds(self.updated_at)

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
