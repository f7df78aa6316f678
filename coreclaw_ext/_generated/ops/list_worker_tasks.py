"""``list_worker_tasks`` and ``alist_worker_tasks``: list saved tasks.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from functools import partial

from coreclaw_api.api.worker_tasks import list_worker_tasks as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.worker_task import WorkerTask
from coreclaw_api.models.worker_task_list import WorkerTaskList
from coreclaw_api.types import UNSET

from ..._consts import RESULTS_PAGE_SIZE as PAGE_SIZE
from ..._options import TimeoutArg, call_scope
from ..._pagination import AsyncItems, Items
from ..._paths import encode_worker_id
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_integer,
    check_text,
)


def list_worker_tasks(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    worker_id: str | None = None,
    keyword: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> WorkerTaskList:
    """List saved tasks.

    ``GET /api/v2/worker-tasks`` (listWorkerTasks). A read; repeating it changes nothing.
    """
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    _worker_id = UNSET if worker_id is None else encode_worker_id(worker_id)
    _keyword = UNSET if keyword is None else check_text("keyword", keyword)
    with call_scope(timeout, max_retries):
        return call_op(
            _op, client=client, offset=_offset, limit=_limit, worker_id=_worker_id, keyword=_keyword
        )


async def alist_worker_tasks(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    worker_id: str | None = None,
    keyword: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> WorkerTaskList:
    """Async twin of ``list_worker_tasks``."""
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    _worker_id = UNSET if worker_id is None else encode_worker_id(worker_id)
    _keyword = UNSET if keyword is None else check_text("keyword", keyword)
    with call_scope(timeout, max_retries):
        return await acall_op(
            _op, client=client, offset=_offset, limit=_limit, worker_id=_worker_id, keyword=_keyword
        )


def iter_worker_tasks(
    client: AuthenticatedClient,
    *,
    worker_id: str | None = None,
    keyword: str | None = None,
    page_size: int = PAGE_SIZE,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> Items[WorkerTask]:
    """Every item of ``list_worker_tasks``, page by page.

    Fetches pages 1, 2, ... of ``page_size`` only as they are consumed and stops at an empty
    page or once ``count`` items came, whichever is first; the iterator's ``count`` fills in as
    pages arrive.
    """
    return Items(
        partial(
            list_worker_tasks,
            client,
            worker_id=worker_id,
            keyword=keyword,
            timeout=timeout,
            max_retries=max_retries,
        ),
        "list_",
        page_size,
        "listWorkerTasks",
    )


def aiter_worker_tasks(
    client: AuthenticatedClient,
    *,
    worker_id: str | None = None,
    keyword: str | None = None,
    page_size: int = PAGE_SIZE,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> AsyncItems[WorkerTask]:
    """Async twin of ``iter_worker_tasks``."""
    return AsyncItems(
        partial(
            alist_worker_tasks,
            client,
            worker_id=worker_id,
            keyword=keyword,
            timeout=timeout,
            max_retries=max_retries,
        ),
        "list_",
        page_size,
        "listWorkerTasks",
    )
