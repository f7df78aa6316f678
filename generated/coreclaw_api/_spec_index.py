"""Operation and application-code tables taken from spec/openapi.yaml.

Written by scripts/spec_index.py during scripts/regen.sh; do not edit.
"""

import re
from typing import Any, NamedTuple

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
    data_shape: Any


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
        data_shape={"oneOf": [{"$ref": "SyncRerunResult"}, {"$ref": "RerunAccepted"}]},
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
        data_shape={"$ref": "RunRecord"},
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
        data_shape={"$ref": "LogData"},
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
        data_shape={"$ref": "ResultPage"},
    ),
)

# Component schemas reduced to what constrains JSON types (see scripts/spec_index.py).
SCHEMAS: dict[str, Any] = {
    "ErrorEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "details": {"type": ["array", "null"], "items": {"type": "string"}},
        },
        "required": ["code", "message"],
    },
    "RerunRequest": {
        "type": "object",
        "properties": {
            "callback_url": {"type": "string"},
            "is_async": {"type": "boolean"},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
        },
    },
    "RunStatus": {"type": "string"},
    "RerunAccepted": {
        "type": "object",
        "properties": {"run_slug": {"type": "string"}},
        "required": ["run_slug"],
        "not": {
            "anyOf": [
                {"properties": {"is_finished": {"type": "boolean"}}, "required": ["is_finished"]},
                {"properties": {"run_status": {"type": "string"}}, "required": ["run_status"]},
            ]
        },
    },
    "SyncRerunResult": {
        "type": "object",
        "properties": {
            "run_slug": {"type": "string"},
            "run_status": {"$ref": "RunStatus"},
            "execution_start_timestamp": {"type": "integer"},
            "execution_end_timestamp": {"type": "integer"},
            "running_duration": {"type": "integer"},
            "is_finished": {"type": "boolean"},
            "results": {"$ref": "ResultPage"},
        },
        "required": ["run_slug", "run_status", "is_finished"],
    },
    "RerunEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"oneOf": [{"$ref": "SyncRerunResult"}, {"$ref": "RerunAccepted"}]},
        },
        "required": ["code", "message", "data"],
    },
    "RunRecord": {
        "type": "object",
        "properties": {
            "slug": {"type": "string"},
            "scraper_slug": {"type": "string"},
            "scraper_title": {"type": "string"},
            "version": {"type": "string"},
            "status": {"$ref": "RunStatus"},
            "results": {"type": "integer"},
            "usage": {"type": "string"},
            "traffic": {"type": "integer"},
            "origin": {"type": "string"},
            "started_at": {"type": "integer"},
            "finished_at": {"type": "integer"},
            "duration": {"type": "integer"},
            "err_msg": {"type": "string"},
        },
        "required": ["slug", "status"],
    },
    "RunEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "RunRecord"},
        },
        "required": ["code", "message", "data"],
    },
    "LogLine": {
        "type": "object",
        "properties": {
            "type": {"type": "integer"},
            "group": {"type": "string"},
            "content": {"type": "string"},
            "timestamp": {"type": "integer"},
        },
        "required": ["content"],
    },
    "LogData": {
        "type": "object",
        "properties": {
            "all_logs_url": {"type": "string"},
            "result_count": {"type": "integer"},
            "list": {
                "type": "array",
                "items": {"oneOf": [{"$ref": "LogLine"}, {"type": "string"}]},
            },
        },
    },
    "LogEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "LogData"},
        },
        "required": ["code", "message", "data"],
    },
    "ResultHeader": {
        "type": "object",
        "properties": {"key": {"type": "string"}, "label": {"type": "string"}},
        "required": ["key"],
    },
    "ResultRow": {"type": "object"},
    "ResultPage": {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "headers": {"type": "array", "items": {"$ref": "ResultHeader"}},
            "list": {"type": "array", "items": {"$ref": "ResultRow"}},
            "page_index": {"type": "integer"},
            "page_size": {"type": "integer"},
        },
        "required": ["list"],
    },
    "ResultPageEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "ResultPage"},
        },
        "required": ["code", "message", "data"],
    },
    "RunCallback": {
        "type": "object",
        "properties": {
            "run_slug": {"type": "string"},
            "run_status": {"$ref": "RunStatus"},
            "error_message": {"type": "string"},
            "execution_start_timestamp": {"type": "integer"},
            "execution_end_timestamp": {"type": "integer"},
            "running_duration": {"type": "integer"},
            "result_count": {"type": "integer"},
            "result_message": {"type": "string"},
        },
        "required": ["run_slug", "run_status"],
    },
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
