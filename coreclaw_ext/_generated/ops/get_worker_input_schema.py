"""``get_worker_input_schema`` and ``aget_worker_input_schema``: get a Worker's input schema.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.workers import get_worker_input_schema as _op
from coreclaw_api.client import AuthenticatedClient, Client
from coreclaw_api.models.worker_input_schema import WorkerInputSchema

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_worker_id
from ..._unwrap import acall_op, call_op


def get_worker_input_schema(
    client: AuthenticatedClient | Client,
    worker_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> WorkerInputSchema:
    """Get a Worker's input schema.

    ``GET /api/v2/workers/{workerId}/input-schema`` (getWorkerInputSchema). A read; repeating it
    changes nothing.
    """
    _worker_id = encode_worker_id(worker_id)
    with call_scope(timeout, max_retries):
        return call_op(_op, _worker_id, client=client)


async def aget_worker_input_schema(
    client: AuthenticatedClient | Client,
    worker_id: str,
    *,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> WorkerInputSchema:
    """Async twin of ``get_worker_input_schema``."""
    _worker_id = encode_worker_id(worker_id)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, _worker_id, client=client)
