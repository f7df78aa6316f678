"""``get_worker_last_run`` and ``aget_worker_last_run``: get a Worker's latest run.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.worker_runs import get_worker_last_run as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.run_record import RunRecord

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_worker_id
from ..._unwrap import acall_op, call_op


def get_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> RunRecord:
    """Get a Worker's latest run.

    ``GET /api/v2/workers/{workerId}/runs/last`` (getWorkerLastRun). A read; repeating it
    changes nothing.
    """
    _worker_id = encode_worker_id(worker_id)
    with call_scope(timeout, max_retries):
        return call_op(_op, _worker_id, client=client)


async def aget_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> RunRecord:
    """Async twin of ``get_worker_last_run``."""
    _worker_id = encode_worker_id(worker_id)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, _worker_id, client=client)
