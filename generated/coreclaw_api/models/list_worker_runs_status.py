from typing import Literal

ListWorkerRunsStatus = Literal["aborting", "failed", "ready", "running", "succeeded"]

LIST_WORKER_RUNS_STATUS_VALUES: set[ListWorkerRunsStatus] = {
    "aborting",
    "failed",
    "ready",
    "running",
    "succeeded",
}


def check_list_worker_runs_status(value: str) -> ListWorkerRunsStatus:
    if value in LIST_WORKER_RUNS_STATUS_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {LIST_WORKER_RUNS_STATUS_VALUES!r}"
    )
