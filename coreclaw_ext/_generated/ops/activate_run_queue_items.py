"""``activate_run_queue_items`` and ``aactivate_run_queue_items``: activate queue items.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coreclaw_api.api.run_queue import activate_run_queue_items as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.queue_batch_result import QueueBatchResult
from coreclaw_api.models.queue_refs_request import QueueRefsRequest

from ..._options import TimeoutArg, call_scope
from ..._unwrap import acall_op_start, call_op_start
from ..._validate import (
    check_str_list,
)


def activate_run_queue_items(
    client: AuthenticatedClient,
    *,
    queue_refs: Sequence[str],
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> QueueBatchResult:
    """Activate queue items.

    ``POST /api/v2/run-queue/items/activate`` (activateRunQueueItems). Activating starts paid
    runs, and the API has no idempotency key, so a repeat is never sent automatically.
    ``retry_unsafe=True`` allows retries that may repeat the call on the server.
    """
    _body: dict[str, Any] = {}
    _body["queue_refs"] = check_str_list("queue_refs", queue_refs)
    with call_scope(timeout, max_retries, retry_unsafe):
        return call_op_start(_op, client=client, body=QueueRefsRequest.from_dict(_body))


async def aactivate_run_queue_items(
    client: AuthenticatedClient,
    *,
    queue_refs: Sequence[str],
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> QueueBatchResult:
    """Async twin of ``activate_run_queue_items``."""
    _body: dict[str, Any] = {}
    _body["queue_refs"] = check_str_list("queue_refs", queue_refs)
    with call_scope(timeout, max_retries, retry_unsafe):
        return await acall_op_start(_op, client=client, body=QueueRefsRequest.from_dict(_body))
