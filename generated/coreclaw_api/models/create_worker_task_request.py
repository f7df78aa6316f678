from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

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
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateWorkerTaskRequest")


@_attrs_define
class CreateWorkerTaskRequest:
    """A new saved task. The schedule fields only matter when `schedule_enabled` is 1."""

    worker_id: str
    """ The Worker's slug, or its path with a tilde instead of the slash. """
    title: str
    """ Name of the task, shown in lists and matched by search. """
    input_: Any
    """ The input the task runs with, wrapped in `parameters.custom` as for a run. """
    description: str | Unset = UNSET
    """ Free text about the task. """
    version: str | Unset = UNSET
    """ A concrete Worker version; left out, the Worker's current version is used. """
    schedule_enabled: CreateWorkerTaskRequestScheduleEnabled | Unset = UNSET
    """ 1 turns the schedule on, 0 leaves it off. """
    schedule_type: CreateWorkerTaskRequestScheduleType | Unset = UNSET
    """ How often the task runs; 1 daily, 2 weekly, 3 monthly, 4 once. """
    schedule_time: str | Unset = UNSET
    """ Time of day to run, as `HH:mm`. """
    schedule_weekday: CreateWorkerTaskRequestScheduleWeekday | Unset = UNSET
    """ Day of the week for a weekly schedule; 1 is Monday, 7 is Sunday. """
    schedule_day: int | Unset = UNSET
    """ Day of the month for a monthly schedule. """
    schedule_once_date: str | Unset = UNSET
    """ Date of a one-off run, as `YYYY-MM-DD`. """

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
