"""``get_worker_run_log`` and ``aget_worker_run_log``: get a run's log.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.worker_runs import get_worker_run_log as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.log_data import LogData

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_run_id
from ..._unwrap import acall_op, call_op


def get_worker_run_log(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> LogData:
    """Get a run's log.

    ``GET /api/v2/worker-runs/{runId}/log`` (getWorkerRunLog). A read; repeating it changes
    nothing.
    """
    _run_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return call_op(_op, _run_id, client=client)


async def aget_worker_run_log(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> LogData:
    """Async twin of ``get_worker_run_log``."""
    _run_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, _run_id, client=client)
