from typing import Literal

CreateWorkerTaskRequestScheduleEnabled = Literal[0, 1]

CREATE_WORKER_TASK_REQUEST_SCHEDULE_ENABLED_VALUES: set[CreateWorkerTaskRequestScheduleEnabled] = {
    0,
    1,
}


def check_create_worker_task_request_schedule_enabled(
    value: int,
) -> CreateWorkerTaskRequestScheduleEnabled:
    if value in CREATE_WORKER_TASK_REQUEST_SCHEDULE_ENABLED_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_WORKER_TASK_REQUEST_SCHEDULE_ENABLED_VALUES!r}"
    )
