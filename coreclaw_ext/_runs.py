"""Conveniences for the run follow-up operations, sync and async (reruns: ``_rerun.py``).

Each checks and encodes its arguments before any request, calls the generated function, and
returns the typed ``data``. ``timeout`` and ``max_retries`` override the client's for one call.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext

import httpx
from coreclaw_api.api.worker_runs import (
    get_worker_run as _get_worker_run,
)
from coreclaw_api.api.worker_runs import (
    get_worker_run_log as _get_worker_run_log,
)
from coreclaw_api.api.worker_runs import (
    list_worker_run_results as _list_worker_run_results,
)
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.log_data import LogData
from coreclaw_api.models.rerun_request import RerunRequest
from coreclaw_api.models.result_page import ResultPage
from coreclaw_api.models.run_record import RunRecord
from coreclaw_api.types import UNSET, Unset

from ._options import call_options
from ._paths import encode_run_id
from ._unwrap import acall, call
from ._validate import check_bool, check_callback_url, check_int

_NO_OVERRIDES = nullcontext()


def call_scope(
    timeout: float | httpx.Timeout | None, max_retries: int | None, retry_unsafe: bool | None = None
) -> AbstractContextManager[None]:
    """Per-call overrides for the transport; a shared no-op when there are none (the usual case)."""
    if timeout is None and max_retries is None and retry_unsafe is None:
        return _NO_OVERRIDES
    return call_options(timeout=timeout, max_retries=max_retries, retry_unsafe=retry_unsafe)


def rerun_body(
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> RerunRequest:
    """A ``RerunRequest`` holding only the fields given, each checked."""
    return RerunRequest(
        callback_url=check_callback_url(callback_url) if callback_url is not None else UNSET,
        is_async=check_bool("is_async", is_async) if is_async is not None else UNSET,
        limit=check_int("limit", limit, 1, 100) if limit is not None else UNSET,
        offset=check_int("offset", offset, 0) if offset is not None else UNSET,
    )


def _page_query(offset: int | None, limit: int | None) -> tuple[int | Unset, int | Unset]:
    return (
        check_int("offset", offset, 0) if offset is not None else UNSET,
        check_int("limit", limit, 1, 100) if limit is not None else UNSET,
    )


def get_worker_run(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> RunRecord:
    """The run record of ``run_id`` (its status, row count, timings)."""
    path_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return call(_get_worker_run.sync_detailed, path_id, client=client)


async def aget_worker_run(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> RunRecord:
    """Async twin of ``get_worker_run``."""
    path_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return await acall(_get_worker_run.asyncio_detailed, path_id, client=client)


def get_worker_run_log(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> LogData:
    """The summary log of ``run_id``; lines are ``LogLine`` objects or plain strings."""
    path_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return call(_get_worker_run_log.sync_detailed, path_id, client=client)


async def aget_worker_run_log(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> LogData:
    """Async twin of ``get_worker_run_log``."""
    path_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return await acall(_get_worker_run_log.asyncio_detailed, path_id, client=client)


def list_worker_run_results(
    client: AuthenticatedClient,
    run_id: str,
    *,
    offset: int | None = None,
    limit: int | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> ResultPage:
    """One page of ``run_id``'s results; ``offset`` is the 1-based page, ``limit`` 1 to 100."""
    page, size = _page_query(offset, limit)
    path_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return call(
            _list_worker_run_results.sync_detailed, path_id, client=client, offset=page, limit=size
        )


async def alist_worker_run_results(
    client: AuthenticatedClient,
    run_id: str,
    *,
    offset: int | None = None,
    limit: int | None = None,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> ResultPage:
    """Async twin of ``list_worker_run_results``."""
    page, size = _page_query(offset, limit)
    path_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return await acall(
            _list_worker_run_results.asyncio_detailed,
            path_id,
            client=client,
            offset=page,
            limit=size,
        )
