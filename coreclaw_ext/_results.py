"""``list_worker_run_results``: one page of a run's results, sync and async (see ``_runs.py``)."""

from __future__ import annotations

import httpx
from coreclaw_api.api.worker_runs import list_worker_run_results as _list_worker_run_results
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.result_page import ResultPage
from coreclaw_api.types import UNSET, Unset

from ._options import call_scope
from ._paths import encode_run_id
from ._unwrap import acall, call
from ._validate import check_int


def _page_query(offset: int | None, limit: int | None) -> tuple[int | Unset, int | Unset]:
    return (
        check_int("offset", offset, 0) if offset is not None else UNSET,
        check_int("limit", limit, 1, 100) if limit is not None else UNSET,
    )


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
