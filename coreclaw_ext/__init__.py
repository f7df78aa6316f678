"""Hand-written layer over the generated CoreClaw API v2 client (``coreclaw_api``).

``create_client`` builds a client every generated operation accepts; the conveniences below
check arguments, call the generated functions and return typed ``data``; errors are typed
(see ``coreclaw_ext.errors``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
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
    from ._results import alist_worker_run_results, list_worker_run_results
    from ._run_log import aget_worker_run_log, get_worker_run_log
    from ._runs import aget_worker_run, get_worker_run
    from ._unwrap import acall, call, unwrap
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

# Names are imported on first use, so ``import coreclaw_ext`` costs next to nothing and a
# program pays only for what it touches (the generated models and httpx come with
# ``create_client``). Type checkers read the imports above.
_LAZY: dict[str, str] = {
    "parse_run_callback": "._callbacks",
    "DEFAULT_TIMEOUT": "._client",
    "CoreClawClient": "._client",
    "create_client": "._client",
    "call_options": "._options",
    "AsyncResultRows": "._pagination",
    "ResultRows": "._pagination",
    "aiter_worker_run_results": "._pagination",
    "iter_worker_run_results": "._pagination",
    "encode_run_id": "._paths",
    "encode_worker_id": "._paths",
    "RerunResult": "._rerun",
    "arerun_worker_last_run": "._rerun",
    "rerun_worker_last_run": "._rerun",
    "alist_worker_run_results": "._results",
    "list_worker_run_results": "._results",
    "aget_worker_run_log": "._run_log",
    "get_worker_run_log": "._run_log",
    "aget_worker_run": "._runs",
    "get_worker_run": "._runs",
    "acall": "._unwrap",
    "call": "._unwrap",
    "unwrap": "._unwrap",
    "await_run": "._waiting",
    "is_terminal": "._waiting",
    "wait_for_run": "._waiting",
    "APIConnectionError": ".errors",
    "APIError": ".errors",
    "APITimeoutError": ".errors",
    "AuthenticationError": ".errors",
    "BadRequestError": ".errors",
    "CoreClawError": ".errors",
    "InternalServerError": ".errors",
    "InvalidCallbackError": ".errors",
    "NotFoundError": ".errors",
    "RateLimitError": ".errors",
    "RunWaitTimeout": ".errors",
    "UnexpectedResponseError": ".errors",
    "UnprocessableEntityError": ".errors",
    "errors": ".errors",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'coreclaw_ext' has no attribute {name!r}")
    imported = importlib.import_module(module, __name__)
    value = imported if name == "errors" else getattr(imported, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
