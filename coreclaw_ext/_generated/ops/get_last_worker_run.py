"""``get_last_worker_run`` and ``aget_last_worker_run``: get the account's latest run.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.worker_runs import get_last_worker_run as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.run_record import RunRecord

from ..._options import TimeoutArg, call_scope
from ..._unwrap import acall_op, call_op


def get_last_worker_run(
    client: AuthenticatedClient, *, timeout: TimeoutArg = None, max_retries: int | None = None
) -> RunRecord:
    """Get the account's latest run.

    ``GET /api/v2/worker-runs/last`` (getLastWorkerRun). A read; repeating it changes nothing.
    """
    with call_scope(timeout, max_retries):
        return call_op(_op, client=client)


async def aget_last_worker_run(
    client: AuthenticatedClient, *, timeout: TimeoutArg = None, max_retries: int | None = None
) -> RunRecord:
    """Async twin of ``get_last_worker_run``."""
    with call_scope(timeout, max_retries):
        return await acall_op(_op, client=client)
