"""Run, wait, collect: start a Worker, wait for the run, return its rows in one call.

A run that ends without succeeding raises ``RunFailedError`` with the final record and the
tail of its log (what a person reads first when a run fails). Once the run has started, any
later failure raises ``RunStartedError`` carrying the slug, so that nobody answers it by
starting the run again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.result_header import ResultHeader
from coreclaw_api.models.run_record import RunRecord

from ._consts import DEFAULT_WAIT_TIMEOUT, LOG_TAIL_LINES, POLL_INTERVALS, RESULTS_PAGE_SIZE
from ._generated.ops.get_worker_run_log import aget_worker_run_log, get_worker_run_log
from ._generated.ops.list_worker_run_results import (
    aiter_worker_run_results,
    iter_worker_run_results,
)
from ._generated.ops.run_worker import arun_worker, run_worker
from ._options import TimeoutArg, call_scope
from ._validate import check_int
from ._waiting import StatusCallback
from .errors import CoreClawError, RunFailedError, RunStartedError

Row = dict[str, Any]


@dataclass
class Collected:
    """A finished run and its rows (``truncated`` when ``max_rows`` cut them short)."""

    record: RunRecord
    rows: list[Row] = field(default_factory=list)
    headers: list[ResultHeader] | None = None
    truncated: bool = False


def _line_text(line: Any) -> str:
    content = getattr(line, "content", None)
    return str(content) if isinstance(content, str) else str(line)


def _failure(record: RunRecord, log: Any) -> RunFailedError:
    lines = [] if log is None else [_line_text(line) for line in log.list_ or []]
    tail = lines[-LOG_TAIL_LINES:]
    reason = f": {record.err_msg}" if isinstance(record.err_msg, str) and record.err_msg else ""
    shown = "\n".join(f"  {line}" for line in tail[-5:])
    return RunFailedError(
        f"run {record.slug} ended with status {record.status!r}{reason}"
        + (f"\nlast log lines:\n{shown}" if shown else ""),
        record=record,
        log_tail=tail,
    )


def _limit(max_rows: int | None) -> int | None:
    return None if max_rows is None else check_int("max_rows", max_rows, 0)


def collect_run(
    client: AuthenticatedClient,
    record: RunRecord,
    *,
    max_rows: int | None = None,
    page_size: int = RESULTS_PAGE_SIZE,
) -> Collected:
    """The rows of a finished run (all of them, or the first ``max_rows``).

    Raises ``RunFailedError`` (with the tail of the log) if the run did not succeed.
    """
    limit = _limit(max_rows)
    if record.status != "succeeded":
        try:
            log = get_worker_run_log(client, record.slug)
        except CoreClawError:
            log = None  # the failure is the news; a log we cannot read must not hide it
        raise _failure(record, log)
    walk = iter_worker_run_results(client, record.slug, page_size=page_size)
    rows = list(islice(walk, limit)) if limit is not None else list(walk)
    truncated = limit is not None and walk.count is not None and walk.count > len(rows)
    return Collected(record, rows, walk.headers, truncated)


async def acollect_run(
    client: AuthenticatedClient,
    record: RunRecord,
    *,
    max_rows: int | None = None,
    page_size: int = RESULTS_PAGE_SIZE,
) -> Collected:
    """Async twin of ``collect_run``."""
    limit = _limit(max_rows)
    if record.status != "succeeded":
        try:
            log = await aget_worker_run_log(client, record.slug)
        except CoreClawError:
            log = None
        raise _failure(record, log)
    walk = aiter_worker_run_results(client, record.slug, page_size=page_size)
    rows: list[Row] = []
    async for row in walk:
        if limit is not None and len(rows) >= limit:
            break
        rows.append(row)
    truncated = limit is not None and walk.count is not None and walk.count > len(rows)
    return Collected(record, rows, walk.headers, truncated)


def _after_start(err: CoreClawError, record: RunRecord) -> CoreClawError:
    if err.run_started:
        return err
    return RunStartedError(
        f"run {record.slug} finished, but reading its results failed: {err}",
        run_slug=record.slug,
        error=err,
    )


def run_worker_and_collect(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    version: str | None = None,
    validate: bool = False,
    callback_url: str | None = None,
    max_rows: int | None = None,
    page_size: int = RESULTS_PAGE_SIZE,
    wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> Collected:
    """Start a Worker (see ``run_worker``), wait for the run and return its rows.

    ``max_rows`` bounds the rows read (all by default). A run that does not succeed raises
    ``RunFailedError`` with the final record and the tail of its log; any failure after the
    start carries the run's slug (``run_started`` is True).
    """
    _limit(max_rows)
    with call_scope(timeout, max_retries):
        record = run_worker(
            client,
            worker_id,
            input=input,
            raw_input=raw_input,
            proxy_region=proxy_region,
            version=version,
            validate=validate,
            callback_url=callback_url,
            wait=True,
            wait_timeout=wait_timeout,
            poll_intervals=poll_intervals,
            on_status=on_status,
        )
        try:
            return collect_run(client, record, max_rows=max_rows, page_size=page_size)
        except CoreClawError as err:
            raise _after_start(err, record) from err


async def arun_worker_and_collect(
    client: AuthenticatedClient,
    worker_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    version: str | None = None,
    validate: bool = False,
    callback_url: str | None = None,
    max_rows: int | None = None,
    page_size: int = RESULTS_PAGE_SIZE,
    wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> Collected:
    """Async twin of ``run_worker_and_collect``."""
    _limit(max_rows)
    with call_scope(timeout, max_retries):
        record = await arun_worker(
            client,
            worker_id,
            input=input,
            raw_input=raw_input,
            proxy_region=proxy_region,
            version=version,
            validate=validate,
            callback_url=callback_url,
            wait=True,
            wait_timeout=wait_timeout,
            poll_intervals=poll_intervals,
            on_status=on_status,
        )
        try:
            return await acollect_run(client, record, max_rows=max_rows, page_size=page_size)
        except CoreClawError as err:
            raise _after_start(err, record) from err
