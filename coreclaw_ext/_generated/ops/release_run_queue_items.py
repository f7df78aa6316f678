"""``release_run_queue_items`` and ``arelease_run_queue_items``: release queue items.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coreclaw_api.api.run_queue import release_run_queue_items as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.queue_batch_result import QueueBatchResult
from coreclaw_api.models.release_queue_items_request import ReleaseQueueItemsRequest

from ..._options import TimeoutArg, call_scope
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_str_list,
    check_text,
)


def release_run_queue_items(
    client: AuthenticatedClient,
    *,
    queue_refs: Sequence[str],
    reason: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> QueueBatchResult:
    """Release queue items.

    ``POST /api/v2/run-queue/items/release`` (releaseRunQueueItems). Releasing an item that is
    already released only reports success false for it.
    """
    _body: dict[str, Any] = {}
    _body["queue_refs"] = check_str_list("queue_refs", queue_refs)
    if reason is not None:
        _body["reason"] = check_text("reason", reason)
    with call_scope(timeout, max_retries):
        return call_op(_op, client=client, body=ReleaseQueueItemsRequest.from_dict(_body))


async def arelease_run_queue_items(
    client: AuthenticatedClient,
    *,
    queue_refs: Sequence[str],
    reason: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> QueueBatchResult:
    """Async twin of ``release_run_queue_items``."""
    _body: dict[str, Any] = {}
    _body["queue_refs"] = check_str_list("queue_refs", queue_refs)
    if reason is not None:
        _body["reason"] = check_text("reason", reason)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, client=client, body=ReleaseQueueItemsRequest.from_dict(_body))
