from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.create_worker_task_request_schedule_enabled import (
    CreateWorkerTaskRequestScheduleEnabled,
    check_create_worker_task_request_schedule_enabled,
)
from ..models.create_worker_task_request_schedule_type import (
    CreateWorkerTaskRequestScheduleType,
    check_create_worker_task_request_schedule_type,
)
from ..models.create_worker_task_request_schedule_weekday import (
    CreateWorkerTaskRequestScheduleWeekday,
    check_create_worker_task_request_schedule_weekday,
)
from ..types import (
    _NOTHING,
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="CreateWorkerTaskRequest")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class CreateWorkerTaskRequest:
    """A new saved task. The schedule fields only matter when `schedule_enabled` is 1."""

    __slots__ = (
        "worker_id",
        "title",
        "input_",
        "description",
        "version",
        "schedule_enabled",
        "schedule_type",
        "schedule_time",
        "schedule_weekday",
        "schedule_day",
        "schedule_once_date",
        "__weakref__",
    )

    worker_id: str
    """ The Worker's slug, or its path with a tilde instead of the slash. """
    title: str
    """ Name of the task, shown in lists and matched by search. """
    input_: Any
    """ The input the task runs with, wrapped in `parameters.custom` as for a run. """
    description: str | Unset
    """ Free text about the task. """
    version: str | Unset
    """ A concrete Worker version; left out, the Worker's current version is used. """
    schedule_enabled: CreateWorkerTaskRequestScheduleEnabled | Unset
    """ 1 turns the schedule on, 0 leaves it off. """
    schedule_type: CreateWorkerTaskRequestScheduleType | Unset
    """ How often the task runs; 1 daily, 2 weekly, 3 monthly, 4 once. """
    schedule_time: str | Unset
    """ Time of day to run, as `HH:mm`. """
    schedule_weekday: CreateWorkerTaskRequestScheduleWeekday | Unset
    """ Day of the week for a weekly schedule; 1 is Monday, 7 is Sunday. """
    schedule_day: int | Unset
    """ Day of the month for a monthly schedule. """
    schedule_once_date: str | Unset
    """ Date of a one-off run, as `YYYY-MM-DD`. """

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("worker_id", "worker_id", False, True, _NOTHING, None),
        ("title", "title", False, True, _NOTHING, None),
        ("input_", "input_", False, True, _NOTHING, None),
        ("description", "description", False, True, UNSET, None),
        ("version", "version", False, True, UNSET, None),
        ("schedule_enabled", "schedule_enabled", False, True, UNSET, None),
        ("schedule_type", "schedule_type", False, True, UNSET, None),
        ("schedule_time", "schedule_time", False, True, UNSET, None),
        ("schedule_weekday", "schedule_weekday", False, True, UNSET, None),
        ("schedule_day", "schedule_day", False, True, UNSET, None),
        ("schedule_once_date", "schedule_once_date", False, True, UNSET, None),
    )
    __match_args__ = (
        "worker_id",
        "title",
        "input_",
        "description",
        "version",
        "schedule_enabled",
        "schedule_type",
        "schedule_time",
        "schedule_weekday",
        "schedule_day",
        "schedule_once_date",
    )
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        worker_id: str,
        title: str,
        input_: Any,
        description: str | Unset = UNSET,
        version: str | Unset = UNSET,
        schedule_enabled: CreateWorkerTaskRequestScheduleEnabled | Unset = UNSET,
        schedule_type: CreateWorkerTaskRequestScheduleType | Unset = UNSET,
        schedule_time: str | Unset = UNSET,
        schedule_weekday: CreateWorkerTaskRequestScheduleWeekday | Unset = UNSET,
        schedule_day: int | Unset = UNSET,
        schedule_once_date: str | Unset = UNSET,
    ) -> None:
        self.worker_id = worker_id
        self.title = title
        self.input_ = input_
        self.description = description
        self.version = version
        self.schedule_enabled = schedule_enabled
        self.schedule_type = schedule_type
        self.schedule_time = schedule_time
        self.schedule_weekday = schedule_weekday
        self.schedule_day = schedule_day
        self.schedule_once_date = schedule_once_date

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (
            self.worker_id,
            self.title,
            self.input_,
            self.description,
            self.version,
            self.schedule_enabled,
            self.schedule_type,
            self.schedule_time,
            self.schedule_weekday,
            self.schedule_day,
            self.schedule_once_date,
        ) == (
            that.worker_id,
            that.title,
            that.input_,
            that.description,
            that.version,
            that.schedule_enabled,
            that.schedule_type,
            that.schedule_time,
            that.schedule_weekday,
            that.schedule_day,
            that.schedule_once_date,
        )

    def to_dict(self) -> dict[str, Any]:
        worker_id = self.worker_id

        title = self.title

        input_ = self.input_

        description = self.description

        version = self.version

        schedule_enabled: int | Unset = UNSET
        if not isinstance(self.schedule_enabled, Unset):
            schedule_enabled = self.schedule_enabled

        schedule_type: int | Unset = UNSET
        if not isinstance(self.schedule_type, Unset):
            schedule_type = self.schedule_type

        schedule_time = self.schedule_time

        schedule_weekday: int | Unset = UNSET
        if not isinstance(self.schedule_weekday, Unset):
            schedule_weekday = self.schedule_weekday

        schedule_day = self.schedule_day

        schedule_once_date = self.schedule_once_date

        field_dict: dict[str, Any] = {}
        field_dict["worker_id"] = worker_id
        field_dict["title"] = title
        field_dict["input"] = input_
        if description is not UNSET:
            field_dict["description"] = description
        if version is not UNSET:
            field_dict["version"] = version
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
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        worker_id = d.pop("worker_id")

        title = d.pop("title")

        input_ = d.pop("input")

        description = d.pop("description", UNSET)

        version = d.pop("version", UNSET)

        _schedule_enabled = d.pop("schedule_enabled", UNSET)
        schedule_enabled: CreateWorkerTaskRequestScheduleEnabled | Unset
        if isinstance(_schedule_enabled, Unset):
            schedule_enabled = UNSET
        else:
            schedule_enabled = check_create_worker_task_request_schedule_enabled(_schedule_enabled)

        _schedule_type = d.pop("schedule_type", UNSET)
        schedule_type: CreateWorkerTaskRequestScheduleType | Unset
        if isinstance(_schedule_type, Unset):
            schedule_type = UNSET
        else:
            schedule_type = check_create_worker_task_request_schedule_type(_schedule_type)

        schedule_time = d.pop("schedule_time", UNSET)

        _schedule_weekday = d.pop("schedule_weekday", UNSET)
        schedule_weekday: CreateWorkerTaskRequestScheduleWeekday | Unset
        if isinstance(_schedule_weekday, Unset):
            schedule_weekday = UNSET
        else:
            schedule_weekday = check_create_worker_task_request_schedule_weekday(_schedule_weekday)

        schedule_day = d.pop("schedule_day", UNSET)

        schedule_once_date = d.pop("schedule_once_date", UNSET)

        create_worker_task_request = cls(
            worker_id=worker_id,
            title=title,
            input_=input_,
            description=description,
            version=version,
            schedule_enabled=schedule_enabled,
            schedule_type=schedule_type,
            schedule_time=schedule_time,
            schedule_weekday=schedule_weekday,
            schedule_day=schedule_day,
            schedule_once_date=schedule_once_date,
        )
        return create_worker_task_request

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("worker_id", self.worker_id),
            ("title", self.title),
            ("input_", self.input_),
            ("description", self.description),
            ("version", self.version),
            ("schedule_enabled", self.schedule_enabled),
            ("schedule_type", self.schedule_type),
            ("schedule_time", self.schedule_time),
            ("schedule_weekday", self.schedule_weekday),
            ("schedule_day", self.schedule_day),
            ("schedule_once_date", self.schedule_once_date),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        return f"{type(self).__name__}({', '.join(parts)})"
