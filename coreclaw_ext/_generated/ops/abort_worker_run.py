"""``abort_worker_run`` and ``aabort_worker_run``: abort a run.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.worker_runs import abort_worker_run as _op
from coreclaw_api.client import AuthenticatedClient

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_run_id
from ..._unwrap import acall_op_ack, call_op_ack


def abort_worker_run(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> None:
    """Abort a run.

    ``POST /api/v2/worker-runs/{runId}/abort`` (abortWorkerRun). Aborting the same run twice is
    harmless; a repeat at worst reports that the run cannot be aborted.
    """
    _run_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return call_op_ack(_op, _run_id, client=client)


async def aabort_worker_run(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> None:
    """Async twin of ``abort_worker_run``."""
    _run_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return await acall_op_ack(_op, _run_id, client=client)
