"""``release_run_queue_item`` and ``arelease_run_queue_item``: release one queue item.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from typing import Any

from coreclaw_api.api.run_queue import release_run_queue_item as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.queue_batch_result import QueueBatchResult
from coreclaw_api.models.release_queue_item_request import ReleaseQueueItemRequest

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_queue_id
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_text,
)


def release_run_queue_item(
    client: AuthenticatedClient,
    queue_id: str,
    *,
    reason: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> QueueBatchResult:
    """Release one queue item.

    ``POST /api/v2/run-queue/items/{queueId}/release`` (releaseRunQueueItem). Releasing an item
    that is already released only reports success false for it.
    """
    _queue_id = encode_queue_id(queue_id)
    _body: dict[str, Any] = {}
    if reason is not None:
        _body["reason"] = check_text("reason", reason)
    with call_scope(timeout, max_retries):
        return call_op(_op, _queue_id, client=client, body=ReleaseQueueItemRequest.from_dict(_body))


async def arelease_run_queue_item(
    client: AuthenticatedClient,
    queue_id: str,
    *,
    reason: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> QueueBatchResult:
    """Async twin of ``release_run_queue_item``."""
    _queue_id = encode_queue_id(queue_id)
    _body: dict[str, Any] = {}
    if reason is not None:
        _body["reason"] = check_text("reason", reason)
    with call_scope(timeout, max_retries):
        return await acall_op(
            _op, _queue_id, client=client, body=ReleaseQueueItemRequest.from_dict(_body)
        )
