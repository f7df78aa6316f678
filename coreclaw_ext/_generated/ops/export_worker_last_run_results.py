"""``export_worker_last_run_results`` and ``aexport_worker_last_run_results``: export a Worker's latest run's results.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from typing import Literal

from coreclaw_api.api.worker_runs import export_worker_last_run_results as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.export_data import ExportData
from coreclaw_api.types import UNSET

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_worker_id
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_choice,
    check_text,
)


def export_worker_last_run_results(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    format: Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"] | None = None,
    filter_keys: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> ExportData:
    """Export a Worker's latest run's results.

    ``GET /api/v2/workers/{workerId}/runs/last/export`` (exportWorkerLastRunResults). A read
    that only prepares a download link; repeating it changes nothing.
    """
    _worker_id = encode_worker_id(worker_id)
    _format = (
        UNSET
        if format is None
        else check_choice(
            "format", format, ("csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss")
        )
    )
    _filter_keys = UNSET if filter_keys is None else check_text("filter_keys", filter_keys)
    with call_scope(timeout, max_retries):
        return call_op(_op, _worker_id, client=client, format_=_format, filter_keys=_filter_keys)


async def aexport_worker_last_run_results(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    format: Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"] | None = None,
    filter_keys: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> ExportData:
    """Async twin of ``export_worker_last_run_results``."""
    _worker_id = encode_worker_id(worker_id)
    _format = (
        UNSET
        if format is None
        else check_choice(
            "format", format, ("csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss")
        )
    )
    _filter_keys = UNSET if filter_keys is None else check_text("filter_keys", filter_keys)
    with call_scope(timeout, max_retries):
        return await acall_op(
            _op, _worker_id, client=client, format_=_format, filter_keys=_filter_keys
        )
