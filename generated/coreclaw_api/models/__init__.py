"""Contains all the data models used in inputs/outputs"""

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
