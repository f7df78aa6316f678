"""Operation and application-code tables taken from spec/openapi.yaml.

Written by scripts/spec_index.py during scripts/regen.sh; do not edit.
"""

import re
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

API_VERSION = "0.1.0"

if TYPE_CHECKING:

    class _OperationFields(NamedTuple):
        operation_id: str
        method: str
        path: str
        path_regex: str
        idempotent: bool
        creates_run: bool
        sync_wait: bool
        data_required: bool
        data_shape: Any

else:  # typing.NamedTuple and collections.namedtuple would compile code at import

    class _OperationFields(tuple):
        __slots__ = ()
        _fields = (
            "operation_id",
            "method",
            "path",
            "path_regex",
            "idempotent",
            "creates_run",
            "sync_wait",
            "data_required",
            "data_shape",
        )
        __match_args__ = _fields

        def __new__(
            cls,
            operation_id,
            method,
            path,
            path_regex,
            idempotent,
            creates_run,
            sync_wait,
            data_required,
            data_shape,
        ):
            return tuple.__new__(
                cls,
                (
                    operation_id,
                    method,
                    path,
                    path_regex,
                    idempotent,
                    creates_run,
                    sync_wait,
                    data_required,
                    data_shape,
                ),
            )

        def __repr__(self):
            inner = ", ".join(f"{k}={v!r}" for k, v in zip(self._fields, self))
            return f"{type(self).__name__}({inner})"

        def __getnewargs__(self):
            return tuple(self)

        def _asdict(self):
            return dict(zip(self._fields, self))

        def _replace(self, **changes):
            return type(self)(**{**self._asdict(), **changes})

        operation_id = property(itemgetter(0))
        method = property(itemgetter(1))
        path = property(itemgetter(2))
        path_regex = property(itemgetter(3))
        idempotent = property(itemgetter(4))
        creates_run = property(itemgetter(5))
        sync_wait = property(itemgetter(6))
        data_required = property(itemgetter(7))
        data_shape = property(itemgetter(8))


class OperationInfo(_OperationFields):
    """What the ext layer needs to know about one operation."""

    __slots__ = ()

    @property
    def path_pattern(self) -> re.Pattern[str]:
        """The path template as a pattern matching the end of a path; compiled on first
        use (39 patterns cost ~5 ms of every start), then from the re module cache."""
        return re.compile(self.path_regex)


OPERATIONS: tuple[OperationInfo, ...] = (
    OperationInfo(
        operation_id="listProxyRegions",
        method="GET",
        path="/api/v2/proxy/region",
        path_regex="/api/v2/proxy/region$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "ProxyRegionList"},
    ),
    OperationInfo(
        operation_id="listStore",
        method="GET",
        path="/api/v2/store",
        path_regex="/api/v2/store$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "WorkerList"},
    ),
    OperationInfo(
        operation_id="getAccount",
        method="GET",
        path="/api/v2/users/account",
        path_regex="/api/v2/users/account$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "AccountInfo"},
    ),
    OperationInfo(
        operation_id="listWorkers",
        method="GET",
        path="/api/v2/workers",
        path_regex="/api/v2/workers$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "WorkerList"},
    ),
    OperationInfo(
        operation_id="listWorkerRuns",
        method="GET",
        path="/api/v2/worker-runs",
        path_regex="/api/v2/worker\\-runs$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "RunList"},
    ),
    OperationInfo(
        operation_id="getLastWorkerRun",
        method="GET",
        path="/api/v2/worker-runs/last",
        path_regex="/api/v2/worker\\-runs/last$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "RunRecord"},
    ),
    OperationInfo(
        operation_id="abortLastWorkerRun",
        method="POST",
        path="/api/v2/worker-runs/last/abort",
        path_regex="/api/v2/worker\\-runs/last/abort$",
        idempotent=False,
        creates_run=False,
        sync_wait=False,
        data_required=False,
        data_shape=None,
    ),
    OperationInfo(
        operation_id="exportLastWorkerRunResults",
        method="GET",
        path="/api/v2/worker-runs/last/export",
        path_regex="/api/v2/worker\\-runs/last/export$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "ExportData"},
    ),
    OperationInfo(
        operation_id="getLastWorkerRunLog",
        method="GET",
        path="/api/v2/worker-runs/last/log",
        path_regex="/api/v2/worker\\-runs/last/log$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "LogData"},
    ),
    OperationInfo(
        operation_id="rerunLastWorkerRun",
        method="POST",
        path="/api/v2/worker-runs/last/rerun",
        path_regex="/api/v2/worker\\-runs/last/rerun$",
        idempotent=False,
        creates_run=True,
        sync_wait=True,
        data_required=True,
        data_shape={"oneOf": [{"$ref": "SyncRerunResult"}, {"$ref": "RerunAccepted"}]},
    ),
    OperationInfo(
        operation_id="listLastWorkerRunResults",
        method="GET",
        path="/api/v2/worker-runs/last/result",
        path_regex="/api/v2/worker\\-runs/last/result$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "ResultPage"},
    ),
    OperationInfo(
        operation_id="listWorkerTasks",
        method="GET",
        path="/api/v2/worker-tasks",
        path_regex="/api/v2/worker\\-tasks$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "WorkerTaskList"},
    ),
    OperationInfo(
        operation_id="createWorkerTask",
        method="POST",
        path="/api/v2/worker-tasks",
        path_regex="/api/v2/worker\\-tasks$",
        idempotent=False,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "WorkerTaskCreated"},
    ),
    OperationInfo(
        operation_id="listRunQueueItems",
        method="GET",
        path="/api/v2/run-queue/items",
        path_regex="/api/v2/run\\-queue/items$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "QueueItemList"},
    ),
    OperationInfo(
        operation_id="activateRunQueueItems",
        method="POST",
        path="/api/v2/run-queue/items/activate",
        path_regex="/api/v2/run\\-queue/items/activate$",
        idempotent=False,
        creates_run=True,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "QueueBatchResult"},
    ),
    OperationInfo(
        operation_id="releaseRunQueueItems",
        method="POST",
        path="/api/v2/run-queue/items/release",
        path_regex="/api/v2/run\\-queue/items/release$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "QueueBatchResult"},
    ),
    OperationInfo(
        operation_id="getWorker",
        method="GET",
        path="/api/v2/workers/{workerId}",
        path_regex="/api/v2/workers/[^/]+$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "WorkerDetail"},
    ),
    OperationInfo(
        operation_id="getWorkerInputSchema",
        method="GET",
        path="/api/v2/workers/{workerId}/input-schema",
        path_regex="/api/v2/workers/[^/]+/input\\-schema$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "WorkerInputSchema"},
    ),
    OperationInfo(
        operation_id="runWorker",
        method="POST",
        path="/api/v2/workers/{workerId}/runs",
        path_regex="/api/v2/workers/[^/]+/runs$",
        idempotent=False,
        creates_run=True,
        sync_wait=True,
        data_required=True,
        data_shape={"oneOf": [{"$ref": "SyncRunResult"}, {"$ref": "RunAccepted"}]},
    ),
    OperationInfo(
        operation_id="getWorkerRun",
        method="GET",
        path="/api/v2/worker-runs/{runId}",
        path_regex="/api/v2/worker\\-runs/[^/]+$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "RunRecord"},
    ),
    OperationInfo(
        operation_id="abortWorkerRun",
        method="POST",
        path="/api/v2/worker-runs/{runId}/abort",
        path_regex="/api/v2/worker\\-runs/[^/]+/abort$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=False,
        data_shape=None,
    ),
    OperationInfo(
        operation_id="getWorkerRunLog",
        method="GET",
        path="/api/v2/worker-runs/{runId}/log",
        path_regex="/api/v2/worker\\-runs/[^/]+/log$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "LogData"},
    ),
    OperationInfo(
        operation_id="rerunWorkerRun",
        method="POST",
        path="/api/v2/worker-runs/{runId}/rerun",
        path_regex="/api/v2/worker\\-runs/[^/]+/rerun$",
        idempotent=False,
        creates_run=True,
        sync_wait=True,
        data_required=True,
        data_shape={"oneOf": [{"$ref": "SyncRerunResult"}, {"$ref": "RerunAccepted"}]},
    ),
    OperationInfo(
        operation_id="listWorkerRunResults",
        method="GET",
        path="/api/v2/worker-runs/{runId}/result",
        path_regex="/api/v2/worker\\-runs/[^/]+/result$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "ResultPage"},
    ),
    OperationInfo(
        operation_id="exportWorkerRunResults",
        method="GET",
        path="/api/v2/worker-runs/{runId}/result/export",
        path_regex="/api/v2/worker\\-runs/[^/]+/result/export$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "ExportData"},
    ),
    OperationInfo(
        operation_id="getWorkerLastRun",
        method="GET",
        path="/api/v2/workers/{workerId}/runs/last",
        path_regex="/api/v2/workers/[^/]+/runs/last$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "RunRecord"},
    ),
    OperationInfo(
        operation_id="abortWorkerLastRun",
        method="POST",
        path="/api/v2/workers/{workerId}/runs/last/abort",
        path_regex="/api/v2/workers/[^/]+/runs/last/abort$",
        idempotent=False,
        creates_run=False,
        sync_wait=False,
        data_required=False,
        data_shape=None,
    ),
    OperationInfo(
        operation_id="exportWorkerLastRunResults",
        method="GET",
        path="/api/v2/workers/{workerId}/runs/last/export",
        path_regex="/api/v2/workers/[^/]+/runs/last/export$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "ExportData"},
    ),
    OperationInfo(
        operation_id="getWorkerLastRunLog",
        method="GET",
        path="/api/v2/workers/{workerId}/runs/last/log",
        path_regex="/api/v2/workers/[^/]+/runs/last/log$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "LogData"},
    ),
    OperationInfo(
        operation_id="rerunWorkerLastRun",
        method="POST",
        path="/api/v2/workers/{workerId}/runs/last/rerun",
        path_regex="/api/v2/workers/[^/]+/runs/last/rerun$",
        idempotent=False,
        creates_run=True,
        sync_wait=True,
        data_required=True,
        data_shape={"oneOf": [{"$ref": "SyncRerunResult"}, {"$ref": "RerunAccepted"}]},
    ),
    OperationInfo(
        operation_id="listWorkerLastRunResults",
        method="GET",
        path="/api/v2/workers/{workerId}/runs/last/result",
        path_regex="/api/v2/workers/[^/]+/runs/last/result$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "ResultPage"},
    ),
    OperationInfo(
        operation_id="getWorkerTask",
        method="GET",
        path="/api/v2/worker-tasks/{workerTaskId}",
        path_regex="/api/v2/worker\\-tasks/[^/]+$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "WorkerTask"},
    ),
    OperationInfo(
        operation_id="updateWorkerTask",
        method="PUT",
        path="/api/v2/worker-tasks/{workerTaskId}",
        path_regex="/api/v2/worker\\-tasks/[^/]+$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=False,
        data_shape=None,
    ),
    OperationInfo(
        operation_id="deleteWorkerTask",
        method="DELETE",
        path="/api/v2/worker-tasks/{workerTaskId}",
        path_regex="/api/v2/worker\\-tasks/[^/]+$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=False,
        data_shape=None,
    ),
    OperationInfo(
        operation_id="getWorkerTaskInput",
        method="GET",
        path="/api/v2/worker-tasks/{workerTaskId}/input",
        path_regex="/api/v2/worker\\-tasks/[^/]+/input$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "WorkerTaskInput"},
    ),
    OperationInfo(
        operation_id="updateWorkerTaskInput",
        method="PUT",
        path="/api/v2/worker-tasks/{workerTaskId}/input",
        path_regex="/api/v2/worker\\-tasks/[^/]+/input$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=False,
        data_shape=None,
    ),
    OperationInfo(
        operation_id="runWorkerTask",
        method="POST",
        path="/api/v2/worker-tasks/{workerTaskId}/runs",
        path_regex="/api/v2/worker\\-tasks/[^/]+/runs$",
        idempotent=False,
        creates_run=True,
        sync_wait=True,
        data_required=True,
        data_shape={"oneOf": [{"$ref": "SyncRunResult"}, {"$ref": "RunAccepted"}]},
    ),
    OperationInfo(
        operation_id="queuedRunWorker",
        method="POST",
        path="/api/v2/workers/{workerId}/queued-runs",
        path_regex="/api/v2/workers/[^/]+/queued\\-runs$",
        idempotent=False,
        creates_run=True,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "QueuedRun"},
    ),
    OperationInfo(
        operation_id="releaseRunQueueItem",
        method="POST",
        path="/api/v2/run-queue/items/{queueId}/release",
        path_regex="/api/v2/run\\-queue/items/[^/]+/release$",
        idempotent=True,
        creates_run=False,
        sync_wait=False,
        data_required=True,
        data_shape={"$ref": "QueueBatchResult"},
    ),
)

# Per path parameter, values that would turn the path into another operation's.
RESERVED_SEGMENTS: dict[str, frozenset[str]] = {
    "queueId": frozenset(("activate", "release")),
    "runId": frozenset(("last",)),
}

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

# Per operation, a yes/no check of its answer's data against its shape, written
# by coreclaw_ext/_shape_compiler.py (a first call then compiles none).
_ABSENT = object()
_NoneType = type(None)


def _check_ref3(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "code" not in v:
            return False
        x = v.get("code", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("name", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_c2(v: Any) -> bool:
    t = type(v)
    if t is not list:
        return False
    if t is list:
        for x in v:
            if not _check_ref3(x):
                return False
    return True


def _check_ref1(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "list" not in v:
            return False
        x = v.get("list", _ABSENT)
        if x is not _ABSENT and not _check_c2(x):
            return False
    return True


def _check_ref6(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        x = v.get("slug", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("path", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("name", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("username", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("title", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("description", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_c5(v: Any) -> bool:
    t = type(v)
    if t is not list:
        return False
    if t is list:
        for x in v:
            if not _check_ref6(x):
                return False
    return True


def _check_ref4(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "scraper" not in v:
            return False
        x = v.get("count", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("scraper", _ABSENT)
        if x is not _ABSENT and not _check_c5(x):
            return False
        x = v.get("page_index", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("page_size", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
    return True


def _check_ref7(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "balance" not in v:
            return False
        x = v.get("balance", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("balance_expiration_at", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
    return True


def _check_c9(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        x = v.get("custom", _ABSENT)
        if x is not _ABSENT and type(x) is not dict:
            return False
        x = v.get("system", _ABSENT)
        if x is not _ABSENT and type(x) is not dict:
            return False
    return True


def _check_ref8(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        x = v.get("name", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("username", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("version", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("readme", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("parameters", _ABSENT)
        if x is not _ABSENT and not _check_c9(x):
            return False
    return True


def _check_ref10(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "input_schema" not in v:
            return False
        x = v.get("input_schema", _ABSENT)
        if x is not _ABSENT and type(x) is not dict:
            return False
    return True


def _check_ref15(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "key" not in v:
            return False
        x = v.get("key", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("label", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_c14(v: Any) -> bool:
    t = type(v)
    if t is not list:
        return False
    if t is list:
        for x in v:
            if not _check_ref15(x):
                return False
    return True


def _check_c16(v: Any) -> bool:
    t = type(v)
    if t is not list:
        return False
    if t is list:
        for x in v:
            if type(x) is not dict:
                return False
    return True


def _check_ref13(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "list" not in v:
            return False
        x = v.get("count", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("headers", _ABSENT)
        if x is not _ABSENT and not _check_c14(x):
            return False
        x = v.get("list", _ABSENT)
        if x is not _ABSENT and not _check_c16(x):
            return False
        x = v.get("page_index", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("page_size", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
    return True


def _check_ref12(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "run_slug" not in v or "run_status" not in v:
            return False
        x = v.get("run_slug", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("run_status", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("error_message", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("execution_start_timestamp", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("execution_end_timestamp", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("running_duration", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("result_message", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("is_finished", _ABSENT)
        if x is not _ABSENT and type(x) is not bool:
            return False
        x = v.get("results", _ABSENT)
        if x is not _ABSENT and not _check_ref13(x):
            return False
    return True


def _check_c19(v: Any) -> bool:
    t = type(v)
    if t is dict:
        if "is_finished" not in v:
            return False
        x = v.get("is_finished", _ABSENT)
        if x is not _ABSENT and type(x) is not bool:
            return False
    return True


def _check_c20(v: Any) -> bool:
    t = type(v)
    if t is dict:
        if "run_status" not in v:
            return False
        x = v.get("run_status", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_c18(v: Any) -> bool:
    return _check_c19(v) or _check_c20(v)


def _check_c21(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "run_slug" not in v:
            return False
        x = v.get("run_slug", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_ref17(v: Any) -> bool:
    return not _check_c18(v) and _check_c21(v)


def _check_c11(v: Any) -> bool:
    return _check_ref12(v) or _check_ref17(v)


def _check_ref24(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "slug" not in v or "status" not in v:
            return False
        x = v.get("slug", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("scraper_slug", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("scraper_title", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("version", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("status", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("results", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("usage", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("traffic", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("origin", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("started_at", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("finished_at", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("duration", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("err_msg", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_c23(v: Any) -> bool:
    t = type(v)
    if t is not list:
        return False
    if t is list:
        for x in v:
            if not _check_ref24(x):
                return False
    return True


def _check_ref22(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "count" not in v or "list" not in v:
            return False
        x = v.get("count", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("list", _ABSENT)
        if x is not _ABSENT and not _check_c23(x):
            return False
        x = v.get("page_index", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("page_size", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
    return True


def _check_ref25(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "download_url" not in v:
            return False
        x = v.get("download_url", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_ref29(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "content" not in v:
            return False
        x = v.get("type", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("group", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("content", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("timestamp", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
    return True


def _check_c30(v: Any) -> bool:
    t = type(v)
    if t is not str:
        return False
    return True


def _check_c28(v: Any) -> bool:
    return _check_ref29(v) or _check_c30(v)


def _check_c27(v: Any) -> bool:
    t = type(v)
    if t is not list:
        return False
    if t is list:
        for x in v:
            if not _check_c28(x):
                return False
    return True


def _check_ref26(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        x = v.get("all_logs_url", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("result_count", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("list", _ABSENT)
        if x is not _ABSENT and not _check_c27(x):
            return False
    return True


def _check_ref32(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "run_slug" not in v or "run_status" not in v or "is_finished" not in v:
            return False
        x = v.get("run_slug", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("run_status", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("execution_start_timestamp", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("execution_end_timestamp", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("running_duration", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("is_finished", _ABSENT)
        if x is not _ABSENT and type(x) is not bool:
            return False
        x = v.get("results", _ABSENT)
        if x is not _ABSENT and not _check_ref13(x):
            return False
    return True


def _check_c35(v: Any) -> bool:
    t = type(v)
    if t is dict:
        if "is_finished" not in v:
            return False
        x = v.get("is_finished", _ABSENT)
        if x is not _ABSENT and type(x) is not bool:
            return False
    return True


def _check_c36(v: Any) -> bool:
    t = type(v)
    if t is dict:
        if "run_status" not in v:
            return False
        x = v.get("run_status", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_c34(v: Any) -> bool:
    return _check_c35(v) or _check_c36(v)


def _check_c37(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "run_slug" not in v:
            return False
        x = v.get("run_slug", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_ref33(v: Any) -> bool:
    return not _check_c34(v) and _check_c37(v)


def _check_c31(v: Any) -> bool:
    return _check_ref32(v) or _check_ref33(v)


def _check_ref40(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "slug" not in v:
            return False
        x = v.get("id", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("slug", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("title", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("description", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("version", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("worker_id", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("worker_slug", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("worker_title", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("worker_path", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("platform_actors_id", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("input", _ABSENT)
        if x is not _ABSENT and type(x) is not dict:
            return False
        x = v.get("run_times", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("last_run_id", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("last_modified_at", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("schedule_enabled", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("schedule_type", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("schedule_time", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("schedule_weekday", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("schedule_day", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("schedule_once_date", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("created_at", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("updated_at", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
    return True


def _check_c39(v: Any) -> bool:
    t = type(v)
    if t is not list:
        return False
    if t is list:
        for x in v:
            if not _check_ref40(x):
                return False
    return True


def _check_ref38(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "count" not in v or "list" not in v:
            return False
        x = v.get("count", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("list", _ABSENT)
        if x is not _ABSENT and not _check_c39(x):
            return False
        x = v.get("page_index", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("page_size", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
    return True


def _check_ref41(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "slug" not in v:
            return False
        x = v.get("slug", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_ref42(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "input" not in v:
            return False
        x = v.get("input", _ABSENT)
        if x is not _ABSENT and type(x) is not dict:
            return False
        x = v.get("version", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_ref43(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "queue_ref" not in v:
            return False
        x = v.get("queue_ref", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("queue_status", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("queued", _ABSENT)
        if x is not _ABSENT and type(x) is not bool:
            return False
    return True


def _check_ref46(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "queue_ref" not in v:
            return False
        x = v.get("queue_ref", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("queue_status", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_c45(v: Any) -> bool:
    t = type(v)
    if t is not list:
        return False
    if t is list:
        for x in v:
            if not _check_ref46(x):
                return False
    return True


def _check_ref44(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "list" not in v:
            return False
        x = v.get("count", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("list", _ABSENT)
        if x is not _ABSENT and not _check_c45(x):
            return False
        x = v.get("page_index", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
        x = v.get("page_size", _ABSENT)
        if x is not _ABSENT and type(x) is not int:
            return False
    return True


def _check_ref49(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "queue_ref" not in v or "success" not in v:
            return False
        x = v.get("queue_ref", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
        x = v.get("success", _ABSENT)
        if x is not _ABSENT and type(x) is not bool:
            return False
        x = v.get("error", _ABSENT)
        if x is not _ABSENT and type(x) is not str:
            return False
    return True


def _check_c48(v: Any) -> bool:
    t = type(v)
    if t is not list:
        return False
    if t is list:
        for x in v:
            if not _check_ref49(x):
                return False
    return True


def _check_ref47(v: Any) -> bool:
    t = type(v)
    if t is not dict:
        return False
    if t is dict:
        if "results" not in v:
            return False
        x = v.get("results", _ABSENT)
        if x is not _ABSENT and not _check_c48(x):
            return False
    return True


DATA_CHECKS: dict[str, Any] = {
    "listProxyRegions": _check_ref1,
    "listStore": _check_ref4,
    "getAccount": _check_ref7,
    "listWorkers": _check_ref4,
    "getWorker": _check_ref8,
    "getWorkerInputSchema": _check_ref10,
    "runWorker": _check_c11,
    "listWorkerRuns": _check_ref22,
    "getLastWorkerRun": _check_ref24,
    "exportLastWorkerRunResults": _check_ref25,
    "getLastWorkerRunLog": _check_ref26,
    "rerunLastWorkerRun": _check_c31,
    "listLastWorkerRunResults": _check_ref13,
    "getWorkerRun": _check_ref24,
    "getWorkerRunLog": _check_ref26,
    "rerunWorkerRun": _check_c31,
    "listWorkerRunResults": _check_ref13,
    "exportWorkerRunResults": _check_ref25,
    "getWorkerLastRun": _check_ref24,
    "exportWorkerLastRunResults": _check_ref25,
    "getWorkerLastRunLog": _check_ref26,
    "rerunWorkerLastRun": _check_c31,
    "listWorkerLastRunResults": _check_ref13,
    "listWorkerTasks": _check_ref38,
    "createWorkerTask": _check_ref41,
    "getWorkerTask": _check_ref40,
    "getWorkerTaskInput": _check_ref42,
    "runWorkerTask": _check_c11,
    "queuedRunWorker": _check_ref43,
    "listRunQueueItems": _check_ref44,
    "activateRunQueueItems": _check_ref47,
    "releaseRunQueueItems": _check_ref47,
    "releaseRunQueueItem": _check_ref47,
}
