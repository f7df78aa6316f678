from typing import Literal

UpdateWorkerTaskRequestScheduleEnabled = Literal[0, 1]

UPDATE_WORKER_TASK_REQUEST_SCHEDULE_ENABLED_VALUES: set[UpdateWorkerTaskRequestScheduleEnabled] = {
    0,
    1,
}


def check_update_worker_task_request_schedule_enabled(
    value: int,
) -> UpdateWorkerTaskRequestScheduleEnabled:
    if value in UPDATE_WORKER_TASK_REQUEST_SCHEDULE_ENABLED_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {UPDATE_WORKER_TASK_REQUEST_SCHEDULE_ENABLED_VALUES!r}"
    )
