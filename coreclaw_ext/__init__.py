"""Hand-written layer over the generated CoreClaw API v2 client (``coreclaw_api``).

``create_client`` builds a client every generated operation accepts; the conveniences below
check arguments, call the generated functions and return typed ``data``; errors are typed
(see ``coreclaw_ext.errors``).
"""

from ._callbacks import parse_run_callback
from ._client import DEFAULT_TIMEOUT, CoreClawClient, create_client
from ._options import call_options
from ._pagination import (
    AsyncResultRows,
    ResultRows,
    aiter_worker_run_results,
    iter_worker_run_results,
)
from ._paths import encode_run_id, encode_worker_id
from ._rerun import RerunResult, arerun_worker_last_run, rerun_worker_last_run
from ._runs import (
    aget_worker_run,
    aget_worker_run_log,
    alist_worker_run_results,
    get_worker_run,
    get_worker_run_log,
    list_worker_run_results,
)
from ._unwrap import acall, call, unwrap
from ._version import __version__
from ._waiting import await_run, is_terminal, wait_for_run
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    CoreClawError,
    InternalServerError,
    InvalidCallbackError,
    NotFoundError,
    RateLimitError,
    RunWaitTimeout,
    UnexpectedResponseError,
    UnprocessableEntityError,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AsyncResultRows",
    "AuthenticationError",
    "BadRequestError",
    "CoreClawClient",
    "CoreClawError",
    "InternalServerError",
    "InvalidCallbackError",
    "NotFoundError",
    "RateLimitError",
    "RerunResult",
    "ResultRows",
    "RunWaitTimeout",
    "UnexpectedResponseError",
    "UnprocessableEntityError",
    "__version__",
    "acall",
    "aget_worker_run",
    "aget_worker_run_log",
    "aiter_worker_run_results",
    "alist_worker_run_results",
    "arerun_worker_last_run",
    "await_run",
    "call",
    "call_options",
    "create_client",
    "encode_run_id",
    "encode_worker_id",
    "get_worker_run",
    "get_worker_run_log",
    "is_terminal",
    "iter_worker_run_results",
    "list_worker_run_results",
    "parse_run_callback",
    "rerun_worker_last_run",
    "unwrap",
    "wait_for_run",
]
