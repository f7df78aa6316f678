"""``get_worker_task`` and ``aget_worker_task``: get a saved task.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.worker_tasks import get_worker_task as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.worker_task import WorkerTask

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_task_id
from ..._unwrap import acall_op, call_op


def get_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> WorkerTask:
    """Get a saved task.

    ``GET /api/v2/worker-tasks/{workerTaskId}`` (getWorkerTask). A read; repeating it changes
    nothing.
    """
    _worker_task_id = encode_task_id(worker_task_id)
    with call_scope(timeout, max_retries):
        return call_op(_op, _worker_task_id, client=client)


async def aget_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> WorkerTask:
    """Async twin of ``get_worker_task``."""
    _worker_task_id = encode_task_id(worker_task_id)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, _worker_task_id, client=client)
