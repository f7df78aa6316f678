"""``get_worker_run``: one run's record, sync and async.

Each convenience checks and encodes its arguments before any request, calls the generated
function and returns the typed ``data``; ``timeout`` and ``max_retries`` override the
client's for one call. One module per operation, so a program loads only the generated
code of the operations it uses.
"""

from __future__ import annotations

import httpx
from coreclaw_api.api.worker_runs import get_worker_run as _get_worker_run
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.run_record import RunRecord

from ._options import call_scope
from ._paths import encode_run_id
from ._unwrap import acall, call


def get_worker_run(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> RunRecord:
    """The run record of ``run_id`` (its status, row count, timings)."""
    path_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return call(_get_worker_run.sync_detailed, path_id, client=client)


async def aget_worker_run(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> RunRecord:
    """Async twin of ``get_worker_run``."""
    path_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return await acall(_get_worker_run.asyncio_detailed, path_id, client=client)
