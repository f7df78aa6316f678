"""The data models of the API, each imported on first use.

``from coreclaw_api.models import RunRecord`` still works; only the models a program touches
are loaded, which keeps import time flat as the spec grows. (Template: spec/templates.)
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .error_envelope import ErrorEnvelope
    from .log_data import LogData
    from .log_envelope import LogEnvelope
    from .log_line import LogLine
    from .rerun_accepted import RerunAccepted
    from .rerun_envelope import RerunEnvelope
    from .rerun_request import RerunRequest
    from .result_header import ResultHeader
    from .result_page import ResultPage
    from .result_page_envelope import ResultPageEnvelope
    from .result_row import ResultRow
    from .run_callback import RunCallback
    from .run_envelope import RunEnvelope
    from .run_record import RunRecord
    from .sync_rerun_result import SyncRerunResult

_MODULES: dict[str, str] = {
    "ErrorEnvelope": ".error_envelope",
    "LogData": ".log_data",
    "LogEnvelope": ".log_envelope",
    "LogLine": ".log_line",
    "RerunAccepted": ".rerun_accepted",
    "RerunEnvelope": ".rerun_envelope",
    "RerunRequest": ".rerun_request",
    "ResultHeader": ".result_header",
    "ResultPage": ".result_page",
    "ResultPageEnvelope": ".result_page_envelope",
    "ResultRow": ".result_row",
    "RunCallback": ".run_callback",
    "RunEnvelope": ".run_envelope",
    "RunRecord": ".run_record",
    "SyncRerunResult": ".sync_rerun_result",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


__all__ = (
    "ErrorEnvelope",
    "LogData",
    "LogEnvelope",
    "LogLine",
    "RerunAccepted",
    "RerunEnvelope",
    "RerunRequest",
    "ResultHeader",
    "ResultPage",
    "ResultPageEnvelope",
    "ResultRow",
    "RunCallback",
    "RunEnvelope",
    "RunRecord",
    "SyncRerunResult",
)
