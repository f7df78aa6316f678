"""``list_last_worker_run_results`` and ``alist_last_worker_run_results``: list the account's latest run's result rows.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from coreclaw_api.api.worker_runs import list_last_worker_run_results as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.result_page import ResultPage
from coreclaw_api.types import UNSET

from ..._consts import RESULTS_PAGE_SIZE as PAGE_SIZE
from ..._options import TimeoutArg, call_scope
from ..._pagination import AsyncResultRows, ResultRows, apage_data, page_data
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_integer,
)


def list_last_worker_run_results(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> ResultPage:
    """List the account's latest run's result rows.

    ``GET /api/v2/worker-runs/last/result`` (listLastWorkerRunResults). A read; repeating it
    changes nothing.
    """
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    with call_scope(timeout, max_retries):
        return call_op(_op, client=client, offset=_offset, limit=_limit)


async def alist_last_worker_run_results(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> ResultPage:
    """Async twin of ``list_last_worker_run_results``."""
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, client=client, offset=_offset, limit=_limit)


def _rows_page(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> dict[str, Any]:
    """One page of ``list_last_worker_run_results`` as decoded: its ``data``, the rows plain dicts."""
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    with call_scope(timeout, max_retries):
        return page_data(_op, client, _op._get_kwargs(offset=_offset, limit=_limit))


async def _arows_page(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> dict[str, Any]:
    """Async twin of ``_rows_page``."""
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    with call_scope(timeout, max_retries):
        return await apage_data(_op, client, _op._get_kwargs(offset=_offset, limit=_limit))


def iter_last_worker_run_results(
    client: AuthenticatedClient,
    *,
    page_size: int = PAGE_SIZE,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> ResultRows:
    """Every item of ``list_last_worker_run_results``, page by page.

    Fetches pages 1, 2, ... of ``page_size`` only as they are consumed and stops at an empty
    page or once ``count`` items came, whichever is first; the iterator's ``count`` fills in as
    pages arrive. Rows are the dicts of the decoded answer, never built as models.
    """
    return ResultRows(
        partial(_rows_page, client, timeout=timeout, max_retries=max_retries),
        "list",
        page_size,
        "listLastWorkerRunResults",
    )


def aiter_last_worker_run_results(
    client: AuthenticatedClient,
    *,
    page_size: int = PAGE_SIZE,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> AsyncResultRows:
    """Async twin of ``iter_last_worker_run_results``."""
    return AsyncResultRows(
        partial(_arows_page, client, timeout=timeout, max_retries=max_retries),
        "list",
        page_size,
        "listLastWorkerRunResults",
    )
