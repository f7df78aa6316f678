from typing import Literal

UpdateWorkerTaskRequestScheduleWeekday = Literal[1, 2, 3, 4, 5, 6, 7]

UPDATE_WORKER_TASK_REQUEST_SCHEDULE_WEEKDAY_VALUES: set[UpdateWorkerTaskRequestScheduleWeekday] = {
    1,
    2,
    3,
    4,
    5,
    6,
    7,
}


def check_update_worker_task_request_schedule_weekday(
    value: int,
) -> UpdateWorkerTaskRequestScheduleWeekday:
    if value in UPDATE_WORKER_TASK_REQUEST_SCHEDULE_WEEKDAY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {UPDATE_WORKER_TASK_REQUEST_SCHEDULE_WEEKDAY_VALUES!r}"
    )
