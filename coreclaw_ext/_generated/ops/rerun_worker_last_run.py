"""``rerun_worker_last_run`` and ``arerun_worker_last_run``: rerun a Worker's latest run.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, overload

from coreclaw_api.api.worker_runs import rerun_worker_last_run as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.rerun_accepted import RerunAccepted
from coreclaw_api.models.rerun_request import RerunRequest
from coreclaw_api.models.run_record import RunRecord
from coreclaw_api.models.sync_rerun_result import SyncRerunResult

from ..._consts import DEFAULT_WAIT_TIMEOUT, POLL_INTERVALS
from ..._options import TimeoutArg, call_scope
from ..._paths import encode_worker_id
from ..._unwrap import acall_op_start, call_op_start
from ..._validate import (
    check_bool,
    check_callback_url,
    check_integer,
)
from ..._waiting import StatusCallback, await_started, check_wait, wait_for_started


@overload
def rerun_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
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
def rerun_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    callback_url: str | None = None,
    is_async: Literal[False],
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRerunResult: ...


@overload
def rerun_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    callback_url: str | None = None,
    is_async: Literal[True] | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RerunAccepted: ...


@overload
def rerun_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRerunResult | RerunAccepted: ...


def rerun_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
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
) -> SyncRerunResult | RerunAccepted | RunRecord:
    """Rerun a Worker's latest run.

    ``POST /api/v2/workers/{workerId}/runs/last/rerun`` (rerunWorkerLastRun). Repeating it would
    start a second paid run, and the API has no idempotency key to prevent that.
    ``is_async=False`` makes the server wait up to five minutes; the read timeout of that call
    is raised to match. ``wait=True`` then polls the new run (see ``wait_for_run``;
    ``wait_timeout`` is the wait budget) and returns its final ``RunRecord``; once the run has
    started, any failure raises ``RunStartedError`` (or ``RunWaitTimeout``) carrying its slug.
    ``retry_unsafe=True`` allows retries that may repeat the call on the server.
    """
    _worker_id = encode_worker_id(worker_id)
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
        started: SyncRerunResult | RerunAccepted = call_op_start(
            _op, _worker_id, client=client, body=RerunRequest.from_dict(_body)
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
async def arerun_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
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
async def arerun_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    callback_url: str | None = None,
    is_async: Literal[False],
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRerunResult: ...


@overload
async def arerun_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    callback_url: str | None = None,
    is_async: Literal[True] | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RerunAccepted: ...


@overload
async def arerun_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRerunResult | RerunAccepted: ...


async def arerun_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
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
) -> SyncRerunResult | RerunAccepted | RunRecord:
    """Async twin of ``rerun_worker_last_run``."""
    _worker_id = encode_worker_id(worker_id)
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
        started: SyncRerunResult | RerunAccepted = await acall_op_start(
            _op, _worker_id, client=client, body=RerunRequest.from_dict(_body)
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
