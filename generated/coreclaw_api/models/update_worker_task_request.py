from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # see types._typed_as_attrs
    from attrs import define as _typed_as_attrs
else:
    from ..types import _typed_as_attrs
from ..models.update_worker_task_request_schedule_enabled import (
    UpdateWorkerTaskRequestScheduleEnabled,
    check_update_worker_task_request_schedule_enabled,
)
from ..models.update_worker_task_request_schedule_type import (
    UpdateWorkerTaskRequestScheduleType,
    check_update_worker_task_request_schedule_type,
)
from ..models.update_worker_task_request_schedule_weekday import (
    UpdateWorkerTaskRequestScheduleWeekday,
    check_update_worker_task_request_schedule_weekday,
)
from ..types import (
    UNSET,
    Unset,
    _AttrsFields,
    _getstate,
    _setstate,
)

T = TypeVar("T", bound="UpdateWorkerTaskRequest")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class UpdateWorkerTaskRequest:
    """The fields of a saved task to change. Fields left out keep their values; the input
    is changed with its own call.

    """

    __slots__ = (
        "title",
        "description",
        "schedule_enabled",
        "schedule_type",
        "schedule_time",
        "schedule_weekday",
        "schedule_day",
        "schedule_once_date",
        "__weakref__",
    )

    title: str | Unset
    """ New name of the task. """
    description: str | Unset
    """ New free text about the task. """
    schedule_enabled: UpdateWorkerTaskRequestScheduleEnabled | Unset
    """ 1 turns the schedule on, 0 turns it off. """
    schedule_type: UpdateWorkerTaskRequestScheduleType | Unset
    """ How often the task runs; 1 daily, 2 weekly, 3 monthly, 4 once. """
    schedule_time: str | Unset
    """ Time of day to run, as `HH:mm`. """
    schedule_weekday: UpdateWorkerTaskRequestScheduleWeekday | Unset
    """ Day of the week for a weekly schedule; 1 is Monday, 7 is Sunday. """
    schedule_day: int | Unset
    """ Day of the month for a monthly schedule. """
    schedule_once_date: str | Unset
    """ Date of a one-off run, as `YYYY-MM-DD`. """

    # What attrs.fields() and attrs.evolve() see: the fields of the attrs class this was.
    __attrs_attrs__ = _AttrsFields(
        ("title", "title", False, True, UNSET, None),
        ("description", "description", False, True, UNSET, None),
        ("schedule_enabled", "schedule_enabled", False, True, UNSET, None),
        ("schedule_type", "schedule_type", False, True, UNSET, None),
        ("schedule_time", "schedule_time", False, True, UNSET, None),
        ("schedule_weekday", "schedule_weekday", False, True, UNSET, None),
        ("schedule_day", "schedule_day", False, True, UNSET, None),
        ("schedule_once_date", "schedule_once_date", False, True, UNSET, None),
    )
    __match_args__ = (
        "title",
        "description",
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
        title: str | Unset = UNSET,
        description: str | Unset = UNSET,
        schedule_enabled: UpdateWorkerTaskRequestScheduleEnabled | Unset = UNSET,
        schedule_type: UpdateWorkerTaskRequestScheduleType | Unset = UNSET,
        schedule_time: str | Unset = UNSET,
        schedule_weekday: UpdateWorkerTaskRequestScheduleWeekday | Unset = UNSET,
        schedule_day: int | Unset = UNSET,
        schedule_once_date: str | Unset = UNSET,
    ) -> None:
        self.title = title
        self.description = description
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
            self.title,
            self.description,
            self.schedule_enabled,
            self.schedule_type,
            self.schedule_time,
            self.schedule_weekday,
            self.schedule_day,
            self.schedule_once_date,
        ) == (
            that.title,
            that.description,
            that.schedule_enabled,
            that.schedule_type,
            that.schedule_time,
            that.schedule_weekday,
            that.schedule_day,
            that.schedule_once_date,
        )

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

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
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
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
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        _schedule_enabled = d.pop("schedule_enabled", UNSET)
        schedule_enabled: UpdateWorkerTaskRequestScheduleEnabled | Unset
        if isinstance(_schedule_enabled, Unset):
            schedule_enabled = UNSET
        else:
            schedule_enabled = check_update_worker_task_request_schedule_enabled(_schedule_enabled)

        _schedule_type = d.pop("schedule_type", UNSET)
        schedule_type: UpdateWorkerTaskRequestScheduleType | Unset
        if isinstance(_schedule_type, Unset):
            schedule_type = UNSET
        else:
            schedule_type = check_update_worker_task_request_schedule_type(_schedule_type)

        schedule_time = d.pop("schedule_time", UNSET)

        _schedule_weekday = d.pop("schedule_weekday", UNSET)
        schedule_weekday: UpdateWorkerTaskRequestScheduleWeekday | Unset
        if isinstance(_schedule_weekday, Unset):
            schedule_weekday = UNSET
        else:
            schedule_weekday = check_update_worker_task_request_schedule_weekday(_schedule_weekday)

        schedule_day = d.pop("schedule_day", UNSET)

        schedule_once_date = d.pop("schedule_once_date", UNSET)

        update_worker_task_request = cls(
            title=title,
            description=description,
            schedule_enabled=schedule_enabled,
            schedule_type=schedule_type,
            schedule_time=schedule_time,
            schedule_weekday=schedule_weekday,
            schedule_day=schedule_day,
            schedule_once_date=schedule_once_date,
        )
        return update_worker_task_request

    def __repr__(self) -> str:
        # Only the fields that are set: an UNSET field is noise in a log line.
        fields: list[tuple[str, object]] = [
            ("title", self.title),
            ("description", self.description),
            ("schedule_enabled", self.schedule_enabled),
            ("schedule_type", self.schedule_type),
            ("schedule_time", self.schedule_time),
            ("schedule_weekday", self.schedule_weekday),
            ("schedule_day", self.schedule_day),
            ("schedule_once_date", self.schedule_once_date),
        ]
        parts = [f"{name}={value!r}" for name, value in fields if value is not UNSET]
        return f"{type(self).__name__}({', '.join(parts)})"
