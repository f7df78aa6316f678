"""``delete_worker_task`` and ``adelete_worker_task``: delete a saved task.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.worker_tasks import delete_worker_task as _op
from coreclaw_api.client import AuthenticatedClient

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_task_id
from ..._unwrap import acall_op_ack, call_op_ack


def delete_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> None:
    """Delete a saved task.

    ``DELETE /api/v2/worker-tasks/{workerTaskId}`` (deleteWorkerTask). A repeat at worst answers
    not found for a task that is already gone.
    """
    _worker_task_id = encode_task_id(worker_task_id)
    with call_scope(timeout, max_retries):
        return call_op_ack(_op, _worker_task_id, client=client)


async def adelete_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> None:
    """Async twin of ``delete_worker_task``."""
    _worker_task_id = encode_task_id(worker_task_id)
    with call_scope(timeout, max_retries):
        return await acall_op_ack(_op, _worker_task_id, client=client)
