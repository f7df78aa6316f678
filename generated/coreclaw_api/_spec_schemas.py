"""Component schemas reduced to what constrains JSON types (scripts/spec_index.py).

Written by scripts/spec_index.py during scripts/regen.sh; do not edit.
"""

from typing import Any

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
    "AckEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
        },
        "required": ["code", "message"],
    },
    "WorkerInput": {"type": "object"},
    "RunWorkerRequest": {
        "type": "object",
        "properties": {
            "input": {},
            "version": {"type": "string"},
            "callback_url": {"type": "string"},
            "is_async": {"type": "boolean"},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
        },
    },
    "RunTaskRequest": {
        "type": "object",
        "properties": {
            "callback_url": {"type": "string"},
            "is_async": {"type": "boolean"},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
        },
    },
    "CreateWorkerTaskRequest": {
        "type": "object",
        "properties": {
            "worker_id": {"type": "string"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "input": {},
            "version": {"type": "string"},
            "schedule_enabled": {"type": "integer"},
            "schedule_type": {"type": "integer"},
            "schedule_time": {"type": "string"},
            "schedule_weekday": {"type": "integer"},
            "schedule_day": {"type": "integer"},
            "schedule_once_date": {"type": "string"},
        },
        "required": ["worker_id", "title", "input"],
    },
    "UpdateWorkerTaskRequest": {
        "type": "object",
        "properties": {
            "title": {"type": "string"},
            "description": {"type": "string"},
            "schedule_enabled": {"type": "integer"},
            "schedule_type": {"type": "integer"},
            "schedule_time": {"type": "string"},
            "schedule_weekday": {"type": "integer"},
            "schedule_day": {"type": "integer"},
            "schedule_once_date": {"type": "string"},
        },
    },
    "UpdateWorkerTaskInputRequest": {
        "type": "object",
        "properties": {"input": {}, "version": {"type": "string"}},
        "required": ["input"],
    },
    "QueueRefsRequest": {
        "type": "object",
        "properties": {"queue_refs": {"type": ["array", "null"], "items": {"type": "string"}}},
        "required": ["queue_refs"],
    },
    "ReleaseQueueItemsRequest": {
        "type": "object",
        "properties": {
            "queue_refs": {"type": ["array", "null"], "items": {"type": "string"}},
            "reason": {"type": "string"},
        },
        "required": ["queue_refs"],
    },
    "ReleaseQueueItemRequest": {"type": "object", "properties": {"reason": {"type": "string"}}},
    "AccountInfo": {
        "type": "object",
        "properties": {"balance": {"type": "string"}, "balance_expiration_at": {"type": "integer"}},
        "required": ["balance"],
    },
    "AccountEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "AccountInfo"},
        },
        "required": ["code", "message", "data"],
    },
    "ProxyRegion": {
        "type": "object",
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
        "required": ["code"],
    },
    "ProxyRegionList": {
        "type": "object",
        "properties": {"list": {"type": "array", "items": {"$ref": "ProxyRegion"}}},
        "required": ["list"],
    },
    "ProxyRegionListEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "ProxyRegionList"},
        },
        "required": ["code", "message", "data"],
    },
    "StoreWorker": {
        "type": "object",
        "properties": {
            "slug": {"type": "string"},
            "path": {"type": "string"},
            "name": {"type": "string"},
            "username": {"type": "string"},
            "title": {"type": "string"},
            "description": {"type": "string"},
        },
    },
    "WorkerList": {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "scraper": {"type": "array", "items": {"$ref": "StoreWorker"}},
            "page_index": {"type": "integer"},
            "page_size": {"type": "integer"},
        },
        "required": ["scraper"],
    },
    "WorkerListEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "WorkerList"},
        },
        "required": ["code", "message", "data"],
    },
    "WorkerDetail": {
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "username": {"type": "string"},
            "version": {"type": "string"},
            "readme": {"type": "string"},
            "parameters": {
                "type": "object",
                "properties": {"custom": {"type": "object"}, "system": {"type": "object"}},
            },
        },
    },
    "WorkerDetailEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "WorkerDetail"},
        },
        "required": ["code", "message", "data"],
    },
    "WorkerInputSchema": {
        "type": "object",
        "properties": {"input_schema": {"type": "object"}},
        "required": ["input_schema"],
    },
    "WorkerInputSchemaEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "WorkerInputSchema"},
        },
        "required": ["code", "message", "data"],
    },
    "RunList": {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "list": {"type": "array", "items": {"$ref": "RunRecord"}},
            "page_index": {"type": "integer"},
            "page_size": {"type": "integer"},
        },
        "required": ["count", "list"],
    },
    "RunListEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "RunList"},
        },
        "required": ["code", "message", "data"],
    },
    "RunAccepted": {
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
    "SyncRunResult": {
        "type": "object",
        "properties": {
            "run_slug": {"type": "string"},
            "run_status": {"$ref": "RunStatus"},
            "error_message": {"type": "string"},
            "execution_start_timestamp": {"type": "integer"},
            "execution_end_timestamp": {"type": "integer"},
            "running_duration": {"type": "integer"},
            "result_message": {"type": "string"},
            "is_finished": {"type": "boolean"},
            "results": {"$ref": "ResultPage"},
        },
        "required": ["run_slug", "run_status"],
    },
    "RunStartEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"oneOf": [{"$ref": "SyncRunResult"}, {"$ref": "RunAccepted"}]},
        },
        "required": ["code", "message", "data"],
    },
    "ExportData": {
        "type": "object",
        "properties": {"download_url": {"type": "string"}},
        "required": ["download_url"],
    },
    "ExportEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "ExportData"},
        },
        "required": ["code", "message", "data"],
    },
    "WorkerTask": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "description": {"type": "string"},
            "version": {"type": "string"},
            "worker_id": {"type": "integer"},
            "worker_slug": {"type": "string"},
            "worker_title": {"type": "string"},
            "worker_path": {"type": "string"},
            "platform_actors_id": {"type": "integer"},
            "input": {"$ref": "WorkerInput"},
            "run_times": {"type": "integer"},
            "last_run_id": {"type": "integer"},
            "last_modified_at": {"type": "integer"},
            "schedule_enabled": {"type": "integer"},
            "schedule_type": {"type": "integer"},
            "schedule_time": {"type": "string"},
            "schedule_weekday": {"type": "integer"},
            "schedule_day": {"type": "integer"},
            "schedule_once_date": {"type": "string"},
            "created_at": {"type": "integer"},
            "updated_at": {"type": "integer"},
        },
        "required": ["slug"],
    },
    "WorkerTaskEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "WorkerTask"},
        },
        "required": ["code", "message", "data"],
    },
    "WorkerTaskList": {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "list": {"type": "array", "items": {"$ref": "WorkerTask"}},
            "page_index": {"type": "integer"},
            "page_size": {"type": "integer"},
        },
        "required": ["count", "list"],
    },
    "WorkerTaskListEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "WorkerTaskList"},
        },
        "required": ["code", "message", "data"],
    },
    "WorkerTaskCreated": {
        "type": "object",
        "properties": {"slug": {"type": "string"}},
        "required": ["slug"],
    },
    "WorkerTaskCreatedEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "WorkerTaskCreated"},
        },
        "required": ["code", "message", "data"],
    },
    "WorkerTaskInput": {
        "type": "object",
        "properties": {"input": {"$ref": "WorkerInput"}, "version": {"type": "string"}},
        "required": ["input"],
    },
    "WorkerTaskInputEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "WorkerTaskInput"},
        },
        "required": ["code", "message", "data"],
    },
    "QueuedRun": {
        "type": "object",
        "properties": {
            "queue_ref": {"type": "string"},
            "queue_status": {"type": "string"},
            "queued": {"type": "boolean"},
        },
        "required": ["queue_ref"],
    },
    "QueuedRunEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "QueuedRun"},
        },
        "required": ["code", "message", "data"],
    },
    "QueueItem": {
        "type": "object",
        "properties": {"queue_ref": {"type": "string"}, "queue_status": {"type": "string"}},
        "required": ["queue_ref"],
    },
    "QueueItemList": {
        "type": "object",
        "properties": {
            "count": {"type": "integer"},
            "list": {"type": "array", "items": {"$ref": "QueueItem"}},
            "page_index": {"type": "integer"},
            "page_size": {"type": "integer"},
        },
        "required": ["list"],
    },
    "QueueItemListEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "QueueItemList"},
        },
        "required": ["code", "message", "data"],
    },
    "QueueItemOutcome": {
        "type": "object",
        "properties": {
            "queue_ref": {"type": "string"},
            "success": {"type": "boolean"},
            "error": {"type": "string"},
        },
        "required": ["queue_ref", "success"],
    },
    "QueueBatchResult": {
        "type": "object",
        "properties": {"results": {"type": "array", "items": {"$ref": "QueueItemOutcome"}}},
        "required": ["results"],
    },
    "QueueBatchResultEnvelope": {
        "type": "object",
        "properties": {
            "code": {"type": "integer"},
            "message": {"type": "string"},
            "request_id": {"type": "string"},
            "data": {"$ref": "QueueBatchResult"},
        },
        "required": ["code", "message", "data"],
    },
}
