"""``run_worker`` and ``arun_worker``: run a Worker.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, overload

from coreclaw_api.api.workers import run_worker as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.run_accepted import RunAccepted
from coreclaw_api.models.run_record import RunRecord
from coreclaw_api.models.run_worker_request import RunWorkerRequest
from coreclaw_api.models.sync_run_result import SyncRunResult

from ..._consts import DEFAULT_WAIT_TIMEOUT, POLL_INTERVALS
from ..._input_schema import acheck_input, check_input
from ..._inputs import build_input, check_version
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
def run_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
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
def run_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
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
def run_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
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
def run_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRunResult | RunAccepted: ...


def run_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
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
    """Run a Worker.

    ``POST /api/v2/workers/{workerId}/runs`` (runWorker). Repeating it would start a second paid
    run, and the API has no idempotency key to prevent that. ``is_async=False`` makes the server
    wait up to five minutes; the read timeout of that call is raised to match. ``wait=True``
    then polls the new run (see ``wait_for_run``; ``wait_timeout`` is the wait budget) and
    returns its final ``RunRecord``; once the run has started, any failure raises
    ``RunStartedError`` (or ``RunWaitTimeout``) carrying its slug. ``input=`` takes the form
    fields flat (sent under ``input.parameters.custom``; ``proxy_region=`` under
    ``parameters.system``); ``raw_input=`` sends an input object as given. ``validate=True``
    first checks the form fields against the Worker's input schema and raises
    ``InputValidationError`` listing every problem, starting nothing (off by default: it costs
    one more request per Worker every few minutes). ``retry_unsafe=True`` allows retries that
    may repeat the call on the server.
    """
    _worker_id = encode_worker_id(worker_id)
    _body: dict[str, Any] = {}
    _input = build_input(input, raw_input, proxy_region, required=False)
    if _input is not None:
        _body["input"] = _input
    if version is not None:
        _body["version"] = check_version(version)
    if callback_url is not None:
        _body["callback_url"] = check_callback_url(callback_url)
    if is_async is not None:
        _body["is_async"] = check_bool("is_async", is_async)
    if limit is not None:
        _body["limit"] = check_integer("limit", limit, 1, 100)
    if offset is not None:
        _body["offset"] = check_integer("offset", offset, 0, None)
    if validate:
        check_input(client, _worker_id, _body.get("input"))
    wait = check_wait(wait, wait_timeout, poll_intervals, on_status)
    with call_scope(timeout, max_retries, retry_unsafe):
        started: SyncRunResult | RunAccepted = call_op_start(
            _op, _worker_id, client=client, body=RunWorkerRequest.from_dict(_body)
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
async def arun_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
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
async def arun_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
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
async def arun_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
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
async def arun_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
    callback_url: str | None = None,
    is_async: bool | None = None,
    limit: int | None = None,
    offset: int | None = None,
    wait: Literal[False] = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> SyncRunResult | RunAccepted: ...


async def arun_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
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
    """Async twin of ``run_worker``."""
    _worker_id = encode_worker_id(worker_id)
    _body: dict[str, Any] = {}
    _input = build_input(input, raw_input, proxy_region, required=False)
    if _input is not None:
        _body["input"] = _input
    if version is not None:
        _body["version"] = check_version(version)
    if callback_url is not None:
        _body["callback_url"] = check_callback_url(callback_url)
    if is_async is not None:
        _body["is_async"] = check_bool("is_async", is_async)
    if limit is not None:
        _body["limit"] = check_integer("limit", limit, 1, 100)
    if offset is not None:
        _body["offset"] = check_integer("offset", offset, 0, None)
    if validate:
        await acheck_input(client, _worker_id, _body.get("input"))
    wait = check_wait(wait, wait_timeout, poll_intervals, on_status)
    with call_scope(timeout, max_retries, retry_unsafe):
        started: SyncRunResult | RunAccepted = await acall_op_start(
            _op, _worker_id, client=client, body=RunWorkerRequest.from_dict(_body)
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
