from typing import Literal

CreateWorkerTaskRequestScheduleWeekday = Literal[1, 2, 3, 4, 5, 6, 7]

CREATE_WORKER_TASK_REQUEST_SCHEDULE_WEEKDAY_VALUES: set[CreateWorkerTaskRequestScheduleWeekday] = {
    1,
    2,
    3,
    4,
    5,
    6,
    7,
}


def check_create_worker_task_request_schedule_weekday(
    value: int,
) -> CreateWorkerTaskRequestScheduleWeekday:
    if value in CREATE_WORKER_TASK_REQUEST_SCHEDULE_WEEKDAY_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_WORKER_TASK_REQUEST_SCHEDULE_WEEKDAY_VALUES!r}"
    )
