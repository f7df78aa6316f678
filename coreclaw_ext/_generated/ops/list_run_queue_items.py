"""``list_run_queue_items`` and ``alist_run_queue_items``: list queue items.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from functools import partial

from coreclaw_api.api.run_queue import list_run_queue_items as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.queue_item import QueueItem
from coreclaw_api.models.queue_item_list import QueueItemList
from coreclaw_api.types import UNSET

from ..._consts import RESULTS_PAGE_SIZE as PAGE_SIZE
from ..._options import TimeoutArg, call_scope
from ..._pagination import AsyncItems, Items
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_integer,
    check_text,
)


def list_run_queue_items(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    status: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> QueueItemList:
    """List queue items.

    ``GET /api/v2/run-queue/items`` (listRunQueueItems). A read; repeating it changes nothing.
    """
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    _status = UNSET if status is None else check_text("status", status)
    with call_scope(timeout, max_retries):
        return call_op(_op, client=client, offset=_offset, limit=_limit, status=_status)


async def alist_run_queue_items(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    status: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> QueueItemList:
    """Async twin of ``list_run_queue_items``."""
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    _status = UNSET if status is None else check_text("status", status)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, client=client, offset=_offset, limit=_limit, status=_status)


def iter_run_queue_items(
    client: AuthenticatedClient,
    *,
    status: str | None = None,
    page_size: int = PAGE_SIZE,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> Items[QueueItem]:
    """Every item of ``list_run_queue_items``, page by page.

    Fetches pages 1, 2, ... of ``page_size`` only as they are consumed and stops at an empty
    page or once ``count`` items came, whichever is first; the iterator's ``count`` fills in as
    pages arrive.
    """
    return Items(
        partial(
            list_run_queue_items, client, status=status, timeout=timeout, max_retries=max_retries
        ),
        "list_",
        page_size,
        "listRunQueueItems",
    )


def aiter_run_queue_items(
    client: AuthenticatedClient,
    *,
    status: str | None = None,
    page_size: int = PAGE_SIZE,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> AsyncItems[QueueItem]:
    """Async twin of ``iter_run_queue_items``."""
    return AsyncItems(
        partial(
            alist_run_queue_items, client, status=status, timeout=timeout, max_retries=max_retries
        ),
        "list_",
        page_size,
        "listRunQueueItems",
    )
