from typing import Literal

CreateWorkerTaskRequestScheduleType = Literal[1, 2, 3, 4]

CREATE_WORKER_TASK_REQUEST_SCHEDULE_TYPE_VALUES: set[CreateWorkerTaskRequestScheduleType] = {
    1,
    2,
    3,
    4,
}


def check_create_worker_task_request_schedule_type(
    value: int,
) -> CreateWorkerTaskRequestScheduleType:
    if value in CREATE_WORKER_TASK_REQUEST_SCHEDULE_TYPE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {CREATE_WORKER_TASK_REQUEST_SCHEDULE_TYPE_VALUES!r}"
    )
