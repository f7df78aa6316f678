from typing import Literal

UpdateWorkerTaskRequestScheduleType = Literal[1, 2, 3, 4]

UPDATE_WORKER_TASK_REQUEST_SCHEDULE_TYPE_VALUES: set[UpdateWorkerTaskRequestScheduleType] = {
    1,
    2,
    3,
    4,
}


def check_update_worker_task_request_schedule_type(
    value: int,
) -> UpdateWorkerTaskRequestScheduleType:
    if value in UPDATE_WORKER_TASK_REQUEST_SCHEDULE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {UPDATE_WORKER_TASK_REQUEST_SCHEDULE_TYPE_VALUES!r}"
    )
