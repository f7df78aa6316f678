"""``rerun_worker_last_run``: start a rerun, and optionally wait until it has finished."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, overload

import httpx
from coreclaw_api.api.worker_runs import rerun_worker_last_run as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.rerun_accepted import RerunAccepted
from coreclaw_api.models.rerun_request import RerunRequest
from coreclaw_api.models.run_record import RunRecord
from coreclaw_api.models.sync_rerun_result import SyncRerunResult
from coreclaw_api.types import UNSET

from ._consts import DEFAULT_WAIT_TIMEOUT, POLL_INTERVALS
from ._options import call_scope
from ._paths import encode_run_id, encode_worker_id
from ._unwrap import acall, call
from ._validate import check_bool, check_callback_url, check_int
from ._waiting import StatusCallback, await_run, wait_for_run
from .errors import UnexpectedResponseError

RerunResult = SyncRerunResult | RerunAccepted


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


def _new_run_id(started: RerunResult) -> str:
    # The run exists now: a slug we cannot use must not look like bad input (which callers
    # may answer by starting the run again).
    try:
        return encode_run_id(started.run_slug)
    except (TypeError, ValueError):
        raise UnexpectedResponseError(
            f"the rerun started, but its run_slug {started.run_slug!r} cannot be waited for"
        ) from None


Timeout = float | httpx.Timeout | None


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
    timeout: Timeout = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RerunResult: ...
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
    timeout: Timeout = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RunRecord: ...
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
    timeout: Timeout = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RerunResult | RunRecord:
    """Rerun the latest run of a Worker (``owner/name``, ``owner~name`` or a slug).

    Returns ``RerunAccepted`` (asynchronous, the default) or ``SyncRerunResult``
    (``is_async=False``: the server waits up to five minutes; check ``is_finished``).
    With ``wait=True`` it then polls the new run (see ``wait_for_run``; ``wait_timeout`` is the
    wait budget) and returns its final ``RunRecord``; a synchronous rerun whose server-side
    wait ran out (``is_finished: false``) is waited for the same way.
    ``timeout`` and ``max_retries`` apply to each HTTP call. ``retry_unsafe=True`` allows
    retries after a 5xx or a read timeout, which may start a second run.
    """
    body = rerun_body(callback_url, is_async, limit, offset)
    path_id = encode_worker_id(worker_id)
    with call_scope(timeout, max_retries, retry_unsafe):
        started: RerunResult = call(_op.sync_detailed, path_id, client=client, body=body)
        if not wait:
            return started
        return wait_for_run(
            client,
            _new_run_id(started),
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
    wait: Literal[False] = False,
    timeout: Timeout = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RerunResult: ...
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
    timeout: Timeout = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RunRecord: ...
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
    timeout: Timeout = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> RerunResult | RunRecord:
    """Async twin of ``rerun_worker_last_run``."""
    body = rerun_body(callback_url, is_async, limit, offset)
    path_id = encode_worker_id(worker_id)
    with call_scope(timeout, max_retries, retry_unsafe):
        started: RerunResult = await acall(_op.asyncio_detailed, path_id, client=client, body=body)
        if not wait:
            return started
        return await await_run(
            client,
            _new_run_id(started),
            timeout=wait_timeout,
            poll_intervals=poll_intervals,
            on_status=on_status,
        )
