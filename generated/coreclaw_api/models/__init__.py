"""The data models of the API, each imported on first use.

``from coreclaw_api.models import RunRecord`` still works; only the models a program touches
are loaded, which keeps import time flat as the spec grows. (Template: spec/templates.)
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .account_envelope import AccountEnvelope
    from .account_info import AccountInfo
    from .ack_envelope import AckEnvelope
    from .create_worker_task_request import CreateWorkerTaskRequest
    from .create_worker_task_request_schedule_enabled import CreateWorkerTaskRequestScheduleEnabled
    from .create_worker_task_request_schedule_type import CreateWorkerTaskRequestScheduleType
    from .create_worker_task_request_schedule_weekday import CreateWorkerTaskRequestScheduleWeekday
    from .error_envelope import ErrorEnvelope
    from .export_data import ExportData
    from .export_envelope import ExportEnvelope
    from .export_last_worker_run_results_format import ExportLastWorkerRunResultsFormat
    from .export_worker_last_run_results_format import ExportWorkerLastRunResultsFormat
    from .export_worker_run_results_format import ExportWorkerRunResultsFormat
    from .list_worker_runs_status import ListWorkerRunsStatus
    from .log_data import LogData
    from .log_envelope import LogEnvelope
    from .log_line import LogLine
    from .proxy_region import ProxyRegion
    from .proxy_region_list import ProxyRegionList
    from .proxy_region_list_envelope import ProxyRegionListEnvelope
    from .queue_batch_result import QueueBatchResult
    from .queue_batch_result_envelope import QueueBatchResultEnvelope
    from .queue_item import QueueItem
    from .queue_item_list import QueueItemList
    from .queue_item_list_envelope import QueueItemListEnvelope
    from .queue_item_outcome import QueueItemOutcome
    from .queue_refs_request import QueueRefsRequest
    from .queued_run import QueuedRun
    from .queued_run_envelope import QueuedRunEnvelope
    from .release_queue_item_request import ReleaseQueueItemRequest
    from .release_queue_items_request import ReleaseQueueItemsRequest
    from .rerun_accepted import RerunAccepted
    from .rerun_envelope import RerunEnvelope
    from .rerun_request import RerunRequest
    from .result_header import ResultHeader
    from .result_page import ResultPage
    from .result_page_envelope import ResultPageEnvelope
    from .result_row import ResultRow
    from .run_accepted import RunAccepted
    from .run_callback import RunCallback
    from .run_envelope import RunEnvelope
    from .run_list import RunList
    from .run_list_envelope import RunListEnvelope
    from .run_record import RunRecord
    from .run_start_envelope import RunStartEnvelope
    from .run_task_request import RunTaskRequest
    from .run_worker_request import RunWorkerRequest
    from .store_worker import StoreWorker
    from .sync_rerun_result import SyncRerunResult
    from .sync_run_result import SyncRunResult
    from .update_worker_task_input_request import UpdateWorkerTaskInputRequest
    from .update_worker_task_request import UpdateWorkerTaskRequest
    from .update_worker_task_request_schedule_enabled import UpdateWorkerTaskRequestScheduleEnabled
    from .update_worker_task_request_schedule_type import UpdateWorkerTaskRequestScheduleType
    from .update_worker_task_request_schedule_weekday import UpdateWorkerTaskRequestScheduleWeekday
    from .worker_detail import WorkerDetail
    from .worker_detail_envelope import WorkerDetailEnvelope
    from .worker_detail_parameters import WorkerDetailParameters
    from .worker_detail_parameters_custom import WorkerDetailParametersCustom
    from .worker_detail_parameters_system import WorkerDetailParametersSystem
    from .worker_input import WorkerInput
    from .worker_input_schema import WorkerInputSchema
    from .worker_input_schema_envelope import WorkerInputSchemaEnvelope
    from .worker_input_schema_input_schema import WorkerInputSchemaInputSchema
    from .worker_list import WorkerList
    from .worker_list_envelope import WorkerListEnvelope
    from .worker_task import WorkerTask
    from .worker_task_created import WorkerTaskCreated
    from .worker_task_created_envelope import WorkerTaskCreatedEnvelope
    from .worker_task_envelope import WorkerTaskEnvelope
    from .worker_task_input import WorkerTaskInput
    from .worker_task_input_envelope import WorkerTaskInputEnvelope
    from .worker_task_list import WorkerTaskList
    from .worker_task_list_envelope import WorkerTaskListEnvelope

_MODULES: dict[str, str] = {
    "AccountEnvelope": ".account_envelope",
    "AccountInfo": ".account_info",
    "AckEnvelope": ".ack_envelope",
    "CreateWorkerTaskRequest": ".create_worker_task_request",
    "CreateWorkerTaskRequestScheduleEnabled": ".create_worker_task_request_schedule_enabled",
    "CreateWorkerTaskRequestScheduleType": ".create_worker_task_request_schedule_type",
    "CreateWorkerTaskRequestScheduleWeekday": ".create_worker_task_request_schedule_weekday",
    "ErrorEnvelope": ".error_envelope",
    "ExportData": ".export_data",
    "ExportEnvelope": ".export_envelope",
    "ExportLastWorkerRunResultsFormat": ".export_last_worker_run_results_format",
    "ExportWorkerLastRunResultsFormat": ".export_worker_last_run_results_format",
    "ExportWorkerRunResultsFormat": ".export_worker_run_results_format",
    "ListWorkerRunsStatus": ".list_worker_runs_status",
    "LogData": ".log_data",
    "LogEnvelope": ".log_envelope",
    "LogLine": ".log_line",
    "ProxyRegion": ".proxy_region",
    "ProxyRegionList": ".proxy_region_list",
    "ProxyRegionListEnvelope": ".proxy_region_list_envelope",
    "QueueBatchResult": ".queue_batch_result",
    "QueueBatchResultEnvelope": ".queue_batch_result_envelope",
    "QueueItem": ".queue_item",
    "QueueItemList": ".queue_item_list",
    "QueueItemListEnvelope": ".queue_item_list_envelope",
    "QueueItemOutcome": ".queue_item_outcome",
    "QueueRefsRequest": ".queue_refs_request",
    "QueuedRun": ".queued_run",
    "QueuedRunEnvelope": ".queued_run_envelope",
    "ReleaseQueueItemRequest": ".release_queue_item_request",
    "ReleaseQueueItemsRequest": ".release_queue_items_request",
    "RerunAccepted": ".rerun_accepted",
    "RerunEnvelope": ".rerun_envelope",
    "RerunRequest": ".rerun_request",
    "ResultHeader": ".result_header",
    "ResultPage": ".result_page",
    "ResultPageEnvelope": ".result_page_envelope",
    "ResultRow": ".result_row",
    "RunAccepted": ".run_accepted",
    "RunCallback": ".run_callback",
    "RunEnvelope": ".run_envelope",
    "RunList": ".run_list",
    "RunListEnvelope": ".run_list_envelope",
    "RunRecord": ".run_record",
    "RunStartEnvelope": ".run_start_envelope",
    "RunTaskRequest": ".run_task_request",
    "RunWorkerRequest": ".run_worker_request",
    "StoreWorker": ".store_worker",
    "SyncRerunResult": ".sync_rerun_result",
    "SyncRunResult": ".sync_run_result",
    "UpdateWorkerTaskInputRequest": ".update_worker_task_input_request",
    "UpdateWorkerTaskRequest": ".update_worker_task_request",
    "UpdateWorkerTaskRequestScheduleEnabled": ".update_worker_task_request_schedule_enabled",
    "UpdateWorkerTaskRequestScheduleType": ".update_worker_task_request_schedule_type",
    "UpdateWorkerTaskRequestScheduleWeekday": ".update_worker_task_request_schedule_weekday",
    "WorkerDetail": ".worker_detail",
    "WorkerDetailEnvelope": ".worker_detail_envelope",
    "WorkerDetailParameters": ".worker_detail_parameters",
    "WorkerDetailParametersCustom": ".worker_detail_parameters_custom",
    "WorkerDetailParametersSystem": ".worker_detail_parameters_system",
    "WorkerInput": ".worker_input",
    "WorkerInputSchema": ".worker_input_schema",
    "WorkerInputSchemaEnvelope": ".worker_input_schema_envelope",
    "WorkerInputSchemaInputSchema": ".worker_input_schema_input_schema",
    "WorkerList": ".worker_list",
    "WorkerListEnvelope": ".worker_list_envelope",
    "WorkerTask": ".worker_task",
    "WorkerTaskCreated": ".worker_task_created",
    "WorkerTaskCreatedEnvelope": ".worker_task_created_envelope",
    "WorkerTaskEnvelope": ".worker_task_envelope",
    "WorkerTaskInput": ".worker_task_input",
    "WorkerTaskInputEnvelope": ".worker_task_input_envelope",
    "WorkerTaskList": ".worker_task_list",
    "WorkerTaskListEnvelope": ".worker_task_list_envelope",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = (
    "AccountEnvelope",
    "AccountInfo",
    "AckEnvelope",
    "CreateWorkerTaskRequest",
    "CreateWorkerTaskRequestScheduleEnabled",
    "CreateWorkerTaskRequestScheduleType",
    "CreateWorkerTaskRequestScheduleWeekday",
    "ErrorEnvelope",
    "ExportData",
    "ExportEnvelope",
    "ExportLastWorkerRunResultsFormat",
    "ExportWorkerLastRunResultsFormat",
    "ExportWorkerRunResultsFormat",
    "ListWorkerRunsStatus",
    "LogData",
    "LogEnvelope",
    "LogLine",
    "ProxyRegion",
    "ProxyRegionList",
    "ProxyRegionListEnvelope",
    "QueueBatchResult",
    "QueueBatchResultEnvelope",
    "QueuedRun",
    "QueuedRunEnvelope",
    "QueueItem",
    "QueueItemList",
    "QueueItemListEnvelope",
    "QueueItemOutcome",
    "QueueRefsRequest",
    "ReleaseQueueItemRequest",
    "ReleaseQueueItemsRequest",
    "RerunAccepted",
    "RerunEnvelope",
    "RerunRequest",
    "ResultHeader",
    "ResultPage",
    "ResultPageEnvelope",
    "ResultRow",
    "RunAccepted",
    "RunCallback",
    "RunEnvelope",
    "RunList",
    "RunListEnvelope",
    "RunRecord",
    "RunStartEnvelope",
    "RunTaskRequest",
    "RunWorkerRequest",
    "StoreWorker",
    "SyncRerunResult",
    "SyncRunResult",
    "UpdateWorkerTaskInputRequest",
    "UpdateWorkerTaskRequest",
    "UpdateWorkerTaskRequestScheduleEnabled",
    "UpdateWorkerTaskRequestScheduleType",
    "UpdateWorkerTaskRequestScheduleWeekday",
    "WorkerDetail",
    "WorkerDetailEnvelope",
    "WorkerDetailParameters",
    "WorkerDetailParametersCustom",
    "WorkerDetailParametersSystem",
    "WorkerInput",
    "WorkerInputSchema",
    "WorkerInputSchemaEnvelope",
    "WorkerInputSchemaInputSchema",
    "WorkerList",
    "WorkerListEnvelope",
    "WorkerTask",
    "WorkerTaskCreated",
    "WorkerTaskCreatedEnvelope",
    "WorkerTaskEnvelope",
    "WorkerTaskInput",
    "WorkerTaskInputEnvelope",
    "WorkerTaskList",
    "WorkerTaskListEnvelope",
)
