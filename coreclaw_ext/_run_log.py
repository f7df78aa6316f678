"""``get_worker_run_log``: a run's summary log, sync and async (see ``_runs.py``)."""

from __future__ import annotations

import httpx
from coreclaw_api.api.worker_runs import get_worker_run_log as _get_worker_run_log
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.log_data import LogData

from ._options import call_scope
from ._paths import encode_run_id
from ._unwrap import acall, call


def get_worker_run_log(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> LogData:
    """The summary log of ``run_id``; lines are ``LogLine`` objects or plain strings."""
    path_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return call(_get_worker_run_log.sync_detailed, path_id, client=client)


async def aget_worker_run_log(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
) -> LogData:
    """Async twin of ``get_worker_run_log``."""
    path_id = encode_run_id(run_id)
    with call_scope(timeout, max_retries):
        return await acall(_get_worker_run_log.asyncio_detailed, path_id, client=client)
