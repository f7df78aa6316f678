"""``abort_worker_last_run`` and ``aabort_worker_last_run``: abort a Worker's latest run.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.worker_runs import abort_worker_last_run as _op
from coreclaw_api.client import AuthenticatedClient

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_worker_id
from ..._unwrap import acall_op_ack, call_op_ack


def abort_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> None:
    """Abort a Worker's latest run.

    ``POST /api/v2/workers/{workerId}/runs/last/abort`` (abortWorkerLastRun). The Worker's
    latest run may change between attempts, so a repeat could abort a different run than the
    first attempt meant. ``retry_unsafe=True`` allows retries that may repeat the call on the
    server.
    """
    _worker_id = encode_worker_id(worker_id)
    with call_scope(timeout, max_retries, retry_unsafe):
        return call_op_ack(_op, _worker_id, client=client)


async def aabort_worker_last_run(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> None:
    """Async twin of ``abort_worker_last_run``."""
    _worker_id = encode_worker_id(worker_id)
    with call_scope(timeout, max_retries, retry_unsafe):
        return await acall_op_ack(_op, _worker_id, client=client)
