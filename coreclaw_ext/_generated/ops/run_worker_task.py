"""``run_worker_task`` and ``arun_worker_task``: run a saved task.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, overload

from coreclaw_api.api.worker_tasks import run_worker_task as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.run_accepted import RunAccepted
from coreclaw_api.models.run_record import RunRecord
from coreclaw_api.models.run_task_request import RunTaskRequest
from coreclaw_api.models.sync_run_result import SyncRunResult

from ..._consts import DEFAULT_WAIT_TIMEOUT, POLL_INTERVALS
from ..._options import TimeoutArg, call_scope
from ..._paths import encode_task_id
from ..._unwrap import acall_op_start, call_op_start
from ..._validate import (
    check_bool,
    check_callback_url,
    check_integer,
)
from ..._waiting import StatusCallback, await_started, check_wait, wait_for_started


@overload
def run_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[True],
    wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RunRecord: ...


@overload
def run_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    callback_url: str | None = None,
    is_async: Literal[False],
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRunResult: ...


@overload
def run_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    callback_url: str | None = None,
    is_async: Literal[True] | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RunAccepted: ...


@overload
def run_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRunResult | RunAccepted: ...


def run_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: bool = False,
    wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRunResult | RunAccepted | RunRecord:
    """Run a saved task.

    ``POST /api/v2/worker-tasks/{workerTaskId}/runs`` (runWorkerTask). Repeating it would start
    a second paid run, and the API has no idempotency key to prevent that. ``is_async=False``
    makes the server wait up to five minutes; the read timeout of that call is raised to match.
    ``wait=True`` then polls the new run (see ``wait_for_run``; ``wait_timeout`` is the wait
    budget) and returns its final ``RunRecord``; once the run has started, any failure raises
    ``RunStartedError`` (or ``RunWaitTimeout``) carrying its slug. ``retry_unsafe=True`` allows
    retries that may repeat the call on the server.
    """
    _worker_task_id = encode_task_id(worker_task_id)
    _body: dict[str, Any] = {}
    if callback_url is not None:
        _body["callback_url"] = check_callback_url(callback_url)
    if is_async is not None:
        _body["is_async"] = check_bool("is_async", is_async)
    if limit is not None:
        _body["limit"] = check_integer("limit", limit, 1, 100)
    if offset is not None:
        _body["offset"] = check_integer("offset", offset, 0, None)
    wait = check_wait(wait, wait_timeout, poll_intervals, on_status)
    with call_scope(timeout, max_retries, retry_unsafe):
        started: SyncRunResult | RunAccepted = call_op_start(
            _op, _worker_task_id, client=client, body=RunTaskRequest.from_dict(_body)
        )
        if not wait:
            return started
        return wait_for_started(
            client,
            started,
            timeout=wait_timeout,
            poll_intervals=poll_intervals,
            on_status=on_status,
        )


@overload
async def arun_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[True],
    wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RunRecord: ...


@overload
async def arun_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    callback_url: str | None = None,
    is_async: Literal[False],
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRunResult: ...


@overload
async def arun_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    callback_url: str | None = None,
    is_async: Literal[True] | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RunAccepted: ...


@overload
async def arun_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRunResult | RunAccepted: ...


async def arun_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: bool = False,
    wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRunResult | RunAccepted | RunRecord:
    """Async twin of ``run_worker_task``."""
    _worker_task_id = encode_task_id(worker_task_id)
    _body: dict[str, Any] = {}
    if callback_url is not None:
        _body["callback_url"] = check_callback_url(callback_url)
    if is_async is not None:
        _body["is_async"] = check_bool("is_async", is_async)
    if limit is not None:
        _body["limit"] = check_integer("limit", limit, 1, 100)
    if offset is not None:
        _body["offset"] = check_integer("offset", offset, 0, None)
    wait = check_wait(wait, wait_timeout, poll_intervals, on_status)
    with call_scope(timeout, max_retries, retry_unsafe):
        started: SyncRunResult | RunAccepted = await acall_op_start(
            _op, _worker_task_id, client=client, body=RunTaskRequest.from_dict(_body)
        )
        if not wait:
            return started
        return await await_started(
            client,
            started,
            timeout=wait_timeout,
            poll_intervals=poll_intervals,
            on_status=on_status,
        )
