"""``queued_run_worker`` and ``aqueued_run_worker``: queue a run of a Worker.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coreclaw_api.api.run_queue import queued_run_worker as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.queued_run import QueuedRun
from coreclaw_api.models.run_worker_request import RunWorkerRequest

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


def queued_run_worker(
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
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> QueuedRun:
    """Queue a run of a Worker.

    ``POST /api/v2/workers/{workerId}/queued-runs`` (queuedRunWorker). Repeating it would queue
    a second run, and the API has no idempotency key to prevent that. ``input=`` takes the form
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
    with call_scope(timeout, max_retries, retry_unsafe):
        return call_op_start(_op, _worker_id, client=client, body=RunWorkerRequest.from_dict(_body))


async def aqueued_run_worker(
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
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> QueuedRun:
    """Async twin of ``queued_run_worker``."""
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
    with call_scope(timeout, max_retries, retry_unsafe):
        return await acall_op_start(
            _op, _worker_id, client=client, body=RunWorkerRequest.from_dict(_body)
        )
