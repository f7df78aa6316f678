"""Operation and application-code tables taken from spec/openapi.yaml.

Written by scripts/spec_index.py during scripts/regen.sh; do not edit.
"""

import re
from typing import NamedTuple

API_VERSION = "0.1.0"


class OperationInfo(NamedTuple):
    """What the ext layer needs to know about one operation."""

    operation_id: str
    method: str
    path: str
    path_pattern: re.Pattern[str]
    idempotent: bool
    creates_run: bool
    sync_wait: bool
    data_required: bool
    data_type: str | None


OPERATIONS: tuple[OperationInfo, ...] = (
    OperationInfo(
        operation_id="rerunWorkerLastRun",
        method="POST",
        path="/api/v2/workers/{workerId}/runs/last/rerun",
        path_pattern=re.compile("/api/v2/workers/[^/]+/runs/last/rerun$"),
        idempotent=False,
        creates_run=True,
        sync_wait=True,
        data_required=True,
        data_type="object",
    ),
    OperationInfo(
        operation_id="getWorkerRun",
        method="GET",
        path="/api/v2/worker-runs/{runId}",
        path_pattern=re.compile("/api/v2/worker\\-runs/[^/]+$"),
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_type="object",
    ),
    OperationInfo(
        operation_id="getWorkerRunLog",
        method="GET",
        path="/api/v2/worker-runs/{runId}/log",
        path_pattern=re.compile("/api/v2/worker\\-runs/[^/]+/log$"),
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_type="object",
    ),
    OperationInfo(
        operation_id="listWorkerRunResults",
        method="GET",
        path="/api/v2/worker-runs/{runId}/result",
        path_pattern=re.compile("/api/v2/worker\\-runs/[^/]+/result$"),
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_type="object",
    ),
)

# code -> (key, documented message, documented HTTP status or None)
ERROR_CODES: dict[int, tuple[str, str, int | None]] = {
    0: ("OK", "success", 200),
    10000: ("SYSTEM_ERROR", "internal server error", 500),
    11000: ("INVALID_ARGUMENT", "invalid argument", 400),
    11004: ("NOT_FOUND", "not found", 404),
    12001: ("UNAUTHORIZED", "authentication required", 401),
    12002: ("INVALID_TOKEN", "invalid token", None),
    13000: ("RATE_LIMITED", "too many requests", 429),
    14000: ("DATABASE_ERROR", "database error", None),
    16000: ("NOT_IMPLEMENTED", "not implemented", None),
    30001: ("INSUFFICIENT_BALANCE", "account balance is insufficient", None),
    30003: (
        "PLAN_CONCURRENCY_LIMITED",
        "the current running tasks have reached the plan limit",
        None,
    ),
    50001: ("WORKER_NOT_FOUND", "worker does not exist", None),
    50002: ("WORKER_RUN_FAILED", "worker run failed", None),
    50003: ("WORKER_VERSION_UNAVAILABLE", "the worker version is not available", 400),
    60001: ("TASK_NOT_FOUND", "task does not exist", None),
    70001: ("RUN_NOT_FOUND", "run record does not exist", None),
    70002: ("RUN_FAILED", "run operation failed", None),
}
