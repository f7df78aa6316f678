"""``list_workers`` and ``alist_workers``: list your Workers.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from functools import partial

from coreclaw_api.api.workers import list_workers as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.store_worker import StoreWorker
from coreclaw_api.models.worker_list import WorkerList
from coreclaw_api.types import UNSET

from ..._consts import RESULTS_PAGE_SIZE as PAGE_SIZE
from ..._options import TimeoutArg, call_scope
from ..._pagination import AsyncItems, Items
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_integer,
    check_text,
)


def list_workers(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    keyword: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> WorkerList:
    """List your Workers.

    ``GET /api/v2/workers`` (listWorkers). A read; repeating it changes nothing.
    """
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    _keyword = UNSET if keyword is None else check_text("keyword", keyword)
    with call_scope(timeout, max_retries):
        return call_op(_op, client=client, offset=_offset, limit=_limit, keyword=_keyword)


async def alist_workers(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    keyword: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> WorkerList:
    """Async twin of ``list_workers``."""
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    _keyword = UNSET if keyword is None else check_text("keyword", keyword)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, client=client, offset=_offset, limit=_limit, keyword=_keyword)


def iter_workers(
    client: AuthenticatedClient,
    *,
    keyword: str | None = None,
    page_size: int = PAGE_SIZE,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> Items[StoreWorker]:
    """Every item of ``list_workers``, page by page.

    Fetches pages 1, 2, ... of ``page_size`` only as they are consumed and stops at an empty
    page or once ``count`` items came, whichever is first; the iterator's ``count`` fills in as
    pages arrive.
    """
    return Items(
        partial(list_workers, client, keyword=keyword, timeout=timeout, max_retries=max_retries),
        "scraper",
        page_size,
        "listWorkers",
    )


def aiter_workers(
    client: AuthenticatedClient,
    *,
    keyword: str | None = None,
    page_size: int = PAGE_SIZE,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> AsyncItems[StoreWorker]:
    """Async twin of ``iter_workers``."""
    return AsyncItems(
        partial(alist_workers, client, keyword=keyword, timeout=timeout, max_retries=max_retries),
        "scraper",
        page_size,
        "listWorkers",
    )
