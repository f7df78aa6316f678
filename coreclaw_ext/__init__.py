"""Hand-written layer over the generated CoreClaw API v2 client (``coreclaw_api``).

``create_client`` builds a client every generated operation accepts. One convenience per
operation (and its async twin, and iterators for paged lists) is generated from the spec into
``coreclaw_ext._generated``; those names are listed in ``_generated`` (``LAZY``) and merged here,
never listed by hand. Errors are typed (see ``coreclaw_ext.errors``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._generated import ALL as _GENERATED_ALL
from ._generated import LAZY as _GENERATED_LAZY
from ._version import __version__

if TYPE_CHECKING:
    from ._abort import aabort_last_run, aabort_run, abort_last_run, abort_run
    from ._batch import BatchOutcome, BatchTimeoutError, UnknownOutcomeError, arun_many, run_many
    from ._callbacks import parse_run_callback
    from ._client import DEFAULT_TIMEOUT, CoreClawClient, create_client
    from ._collect import (
        Collected,
        acollect_run,
        arun_worker_and_collect,
        collect_run,
        run_worker_and_collect,
    )
    from ._download import (
        DownloadResult,
        adownload_export,
        adownload_results,
        download_export,
        download_results,
    )
    from ._generated import *  # noqa: F403
    from ._input_schema import InputProblem
    from ._journal import JournalError, JournalWarning
    from ._options import call_options
    from ._pagination import AsyncItems, AsyncResultRows, Items, ResultRows
    from ._paths import encode_queue_id, encode_run_id, encode_task_id, encode_worker_id
    from ._rerun import RerunResult
    from ._responses import CapturedResponses, ResponseInfo, capture_responses
    from ._unwrap import acall, call, unwrap
    from ._waiting import await_run, is_terminal, wait_for_run
    from ._write import awrite_results, write_results
    from .errors import (
        APIConnectionError,
        APIError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ClientClosedError,
        ConfigurationError,
        CoreClawError,
        EventLoopMismatchError,
        InputValidationError,
        InternalServerError,
        InvalidCallbackError,
        NotFoundError,
        RateLimitError,
        RunFailedError,
        RunStartedError,
        RunWaitTimeout,
        UnexpectedResponseError,
        UnprocessableEntityError,
        WaitInterrupted,
    )

# Names are imported on first use, so ``import coreclaw_ext`` costs next to nothing and a
# program pays only for what it touches (the generated models and httpx come with
# ``create_client``). Type checkers read the imports above.
_LAZY: dict[str, str] = {
    "aabort_last_run": "._abort",
    "aabort_run": "._abort",
    "abort_last_run": "._abort",
    "abort_run": "._abort",
    "Collected": "._collect",
    "acollect_run": "._collect",
    "arun_worker_and_collect": "._collect",
    "collect_run": "._collect",
    "run_worker_and_collect": "._collect",
    "InputProblem": "._input_schema",
    "BatchOutcome": "._batch",
    "BatchTimeoutError": "._batch",
    "UnknownOutcomeError": "._batch",
    "arun_many": "._batch",
    "run_many": "._batch",
    "JournalError": "._journal",
    "JournalWarning": "._journal",
    "DownloadResult": "._download",
    "adownload_export": "._download",
    "adownload_results": "._download",
    "download_export": "._download",
    "download_results": "._download",
    "awrite_results": "._write",
    "write_results": "._write",
    "parse_run_callback": "._callbacks",
    "DEFAULT_TIMEOUT": "._client",
    "CoreClawClient": "._client",
    "create_client": "._client",
    "call_options": "._options",
    "AsyncItems": "._pagination",
    "AsyncResultRows": "._pagination",
    "Items": "._pagination",
    "ResultRows": "._pagination",
    "encode_queue_id": "._paths",
    "encode_run_id": "._paths",
    "encode_task_id": "._paths",
    "encode_worker_id": "._paths",
    "RerunResult": "._rerun",
    "CapturedResponses": "._responses",
    "ResponseInfo": "._responses",
    "capture_responses": "._responses",
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
    "ClientClosedError": ".errors",
    "ConfigurationError": ".errors",
    "CoreClawError": ".errors",
    "EventLoopMismatchError": ".errors",
    "InputValidationError": ".errors",
    "InternalServerError": ".errors",
    "InvalidCallbackError": ".errors",
    "NotFoundError": ".errors",
    "RateLimitError": ".errors",
    "RunFailedError": ".errors",
    "RunStartedError": ".errors",
    "RunWaitTimeout": ".errors",
    "WaitInterrupted": ".errors",
    "UnexpectedResponseError": ".errors",
    "UnprocessableEntityError": ".errors",
    "errors": ".errors",
    **_GENERATED_LAZY,
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
    "AsyncItems",
    "AsyncResultRows",
    "AuthenticationError",
    "BadRequestError",
    "BatchOutcome",
    "BatchTimeoutError",
    "CapturedResponses",
    "ClientClosedError",
    "Collected",
    "ConfigurationError",
    "CoreClawClient",
    "CoreClawError",
    "DownloadResult",
    "EventLoopMismatchError",
    "InputProblem",
    "InputValidationError",
    "InternalServerError",
    "InvalidCallbackError",
    "Items",
    "JournalError",
    "JournalWarning",
    "NotFoundError",
    "RateLimitError",
    "RerunResult",
    "ResponseInfo",
    "ResultRows",
    "RunFailedError",
    "RunStartedError",
    "RunWaitTimeout",
    "UnexpectedResponseError",
    "UnknownOutcomeError",
    "UnprocessableEntityError",
    "WaitInterrupted",
    "__version__",
    "aabort_last_run",
    "aabort_run",
    "abort_last_run",
    "abort_run",
    "acall",
    "acollect_run",
    "adownload_export",
    "adownload_results",
    "arun_many",
    "arun_worker_and_collect",
    "await_run",
    "awrite_results",
    "call",
    "call_options",
    "capture_responses",
    "collect_run",
    "create_client",
    "download_export",
    "download_results",
    "encode_queue_id",
    "encode_run_id",
    "encode_task_id",
    "encode_worker_id",
    "is_terminal",
    "parse_run_callback",
    "run_many",
    "run_worker_and_collect",
    "unwrap",
    "wait_for_run",
    "write_results",
]
__all__.extend(_GENERATED_ALL)
