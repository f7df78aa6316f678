"""``abort_last_worker_run`` and ``aabort_last_worker_run``: abort the account's latest run.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.worker_runs import abort_last_worker_run as _op
from coreclaw_api.client import AuthenticatedClient

from ..._options import TimeoutArg, call_scope
from ..._unwrap import acall_op_ack, call_op_ack


def abort_last_worker_run(
    client: AuthenticatedClient,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> None:
    """Abort the account's latest run.

    ``POST /api/v2/worker-runs/last/abort`` (abortLastWorkerRun). The latest run may change
    between attempts, so a repeat could abort a different run than the first attempt meant.
    ``retry_unsafe=True`` allows retries that may repeat the call on the server.
    """
    with call_scope(timeout, max_retries, retry_unsafe):
        return call_op_ack(_op, client=client)


async def aabort_last_worker_run(
    client: AuthenticatedClient,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> None:
    """Async twin of ``abort_last_worker_run``."""
    with call_scope(timeout, max_retries, retry_unsafe):
        return await acall_op_ack(_op, client=client)
