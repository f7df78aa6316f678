"""``export_last_worker_run_results`` and ``aexport_last_worker_run_results``: export the account's latest run's results.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from typing import Literal

from coreclaw_api.api.worker_runs import export_last_worker_run_results as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.export_data import ExportData
from coreclaw_api.types import UNSET

from ..._options import TimeoutArg, call_scope
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_choice,
    check_text,
)


def export_last_worker_run_results(
    client: AuthenticatedClient,
    *,
    format: Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"] | None = None,
    filter_keys: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> ExportData:
    """Export the account's latest run's results.

    ``GET /api/v2/worker-runs/last/export`` (exportLastWorkerRunResults). A read that only
    prepares a download link; repeating it changes nothing.
    """
    _format = (
        UNSET
        if format is None
        else check_choice(
            "format", format, ("csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss")
        )
    )
    _filter_keys = UNSET if filter_keys is None else check_text("filter_keys", filter_keys)
    with call_scope(timeout, max_retries):
        return call_op(_op, client=client, format_=_format, filter_keys=_filter_keys)


async def aexport_last_worker_run_results(
    client: AuthenticatedClient,
    *,
    format: Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"] | None = None,
    filter_keys: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> ExportData:
    """Async twin of ``export_last_worker_run_results``."""
    _format = (
        UNSET
        if format is None
        else check_choice(
            "format", format, ("csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss")
        )
    )
    _filter_keys = UNSET if filter_keys is None else check_text("filter_keys", filter_keys)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, client=client, format_=_format, filter_keys=_filter_keys)
