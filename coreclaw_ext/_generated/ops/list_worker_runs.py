"""``list_worker_runs`` and ``alist_worker_runs``: list runs.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from functools import partial
from typing import Literal

from coreclaw_api.api.worker_runs import list_worker_runs as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.run_list import RunList
from coreclaw_api.models.run_record import RunRecord
from coreclaw_api.types import UNSET

from ..._consts import RESULTS_PAGE_SIZE as PAGE_SIZE
from ..._options import TimeoutArg, call_scope
from ..._pagination import AsyncItems, Items
from ..._paths import encode_worker_id
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_choice,
    check_integer,
)


def list_worker_runs(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    worker_id: str | None = None,
    status: Literal["ready", "running", "succeeded", "failed", "aborting"] | None = None,
    start_time: int | None = None,
    end_time: int | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> RunList:
    """List runs.

    ``GET /api/v2/worker-runs`` (listWorkerRuns). A read; repeating it changes nothing.
    """
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    _worker_id = UNSET if worker_id is None else encode_worker_id(worker_id)
    _status = (
        UNSET
        if status is None
        else check_choice("status", status, ("ready", "running", "succeeded", "failed", "aborting"))
    )
    _start_time = (
        UNSET if start_time is None else check_integer("start_time", start_time, None, None)
    )
    _end_time = UNSET if end_time is None else check_integer("end_time", end_time, None, None)
    with call_scope(timeout, max_retries):
        return call_op(
            _op,
            client=client,
            offset=_offset,
            limit=_limit,
            worker_id=_worker_id,
            status=_status,
            start_time=_start_time,
            end_time=_end_time,
        )


async def alist_worker_runs(
    client: AuthenticatedClient,
    *,
    offset: int | None = None,
    limit: int | None = None,
    worker_id: str | None = None,
    status: Literal["ready", "running", "succeeded", "failed", "aborting"] | None = None,
    start_time: int | None = None,
    end_time: int | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> RunList:
    """Async twin of ``list_worker_runs``."""
    _offset = UNSET if offset is None else check_integer("offset", offset, 0, None)
    _limit = UNSET if limit is None else check_integer("limit", limit, 1, 100)
    _worker_id = UNSET if worker_id is None else encode_worker_id(worker_id)
    _status = (
        UNSET
        if status is None
        else check_choice("status", status, ("ready", "running", "succeeded", "failed", "aborting"))
    )
    _start_time = (
        UNSET if start_time is None else check_integer("start_time", start_time, None, None)
    )
    _end_time = UNSET if end_time is None else check_integer("end_time", end_time, None, None)
    with call_scope(timeout, max_retries):
        return await acall_op(
            _op,
            client=client,
            offset=_offset,
            limit=_limit,
            worker_id=_worker_id,
            status=_status,
            start_time=_start_time,
            end_time=_end_time,
        )


def iter_worker_runs(
    client: AuthenticatedClient,
    *,
    worker_id: str | None = None,
    status: Literal["ready", "running", "succeeded", "failed", "aborting"] | None = None,
    start_time: int | None = None,
    end_time: int | None = None,
    page_size: int = PAGE_SIZE,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> Items[RunRecord]:
    """Every item of ``list_worker_runs``, page by page.

    Fetches pages 1, 2, ... of ``page_size`` only as they are consumed and stops at an empty
    page or once ``count`` items came, whichever is first; the iterator's ``count`` fills in as
    pages arrive.
    """
    return Items(
        partial(
            list_worker_runs,
            client,
            worker_id=worker_id,
            status=status,
            start_time=start_time,
            end_time=end_time,
            timeout=timeout,
            max_retries=max_retries,
        ),
        "list_",
        page_size,
        "listWorkerRuns",
    )


def aiter_worker_runs(
    client: AuthenticatedClient,
    *,
    worker_id: str | None = None,
    status: Literal["ready", "running", "succeeded", "failed", "aborting"] | None = None,
    start_time: int | None = None,
    end_time: int | None = None,
    page_size: int = PAGE_SIZE,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> AsyncItems[RunRecord]:
    """Async twin of ``iter_worker_runs``."""
    return AsyncItems(
        partial(
            alist_worker_runs,
            client,
            worker_id=worker_id,
            status=status,
            start_time=start_time,
            end_time=end_time,
            timeout=timeout,
            max_retries=max_retries,
        ),
        "list_",
        page_size,
        "listWorkerRuns",
    )
