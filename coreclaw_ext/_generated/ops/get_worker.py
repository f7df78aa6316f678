"""``get_worker`` and ``aget_worker``: get a Worker.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.workers import get_worker as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.worker_detail import WorkerDetail

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_worker_id
from ..._unwrap import acall_op, call_op


def get_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> WorkerDetail:
    """Get a Worker.

    ``GET /api/v2/workers/{workerId}`` (getWorker). A read; repeating it changes nothing.
    """
    _worker_id = encode_worker_id(worker_id)
    with call_scope(timeout, max_retries):
        return call_op(_op, _worker_id, client=client)


async def aget_worker(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> WorkerDetail:
    """Async twin of ``get_worker``."""
    _worker_id = encode_worker_id(worker_id)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, _worker_id, client=client)
