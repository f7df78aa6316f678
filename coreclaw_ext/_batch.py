"""Starting many runs at once: bounded, paced by 429s, never twice, resumable from a journal.

``run_many`` (threads) and ``arun_many`` (asyncio) drive the same steps (``Batch.steps`` in
``_batch_core``, which makes every decision); the runners here only sleep, send and wait as
asked, and hand back what happened. The outcome and error types live in ``_batch_outcome``.
"""

from __future__ import annotations

import contextvars
import os
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import Any

from coreclaw_api.client import AuthenticatedClient

from ._batch_core import Batch, Stopped, advance, setup_batch
from ._batch_outcome import BatchOutcome, BatchTimeoutError, ProgressCallback, UnknownOutcomeError
from ._consts import DEFAULT_WAIT_TIMEOUT, POLL_INTERVALS
from ._generated.ops.rerun_worker_run import arerun_worker_run, rerun_worker_run
from ._generated.ops.run_worker import arun_worker, run_worker
from ._generated.ops.run_worker_task import arun_worker_task, run_worker_task
from ._journal import Item
from ._options import TimeoutArg, call_scope
from ._waiting import Started, await_run, wait_for_run

__all__ = ["BatchOutcome", "BatchTimeoutError", "UnknownOutcomeError", "arun_many", "run_many"]

_SENDERS: dict[str, Callable[..., Started]] = {
    "worker_id": run_worker,
    "run_id": rerun_worker_run,
    "worker_task_id": run_worker_task,
}
_ASENDERS: dict[str, Callable[..., Awaitable[Started]]] = {
    "worker_id": arun_worker,
    "run_id": arerun_worker_run,
    "worker_task_id": arun_worker_task,
}


def _drive(batch: Batch, client: AuthenticatedClient, item: Item) -> BatchOutcome:
    """Run one item's steps with blocking I/O (in a worker thread)."""

    def sleep(seconds: float) -> None:
        if batch.stopping.wait(seconds):
            raise Stopped

    steps, s, send = batch.steps(item), batch.s, _SENDERS[item.kind]
    answer: Any = None
    while not isinstance(step := advance(steps, answer), BatchOutcome):
        kind, arg = step
        try:
            answer = None
            if kind == "sleep":
                sleep(arg)
            elif kind == "send":
                answer = send(client, item.target, **arg)
            else:
                with call_scope(s.timeout, s.max_retries):
                    answer = wait_for_run(client, **arg, sleep=sleep)
        except Exception as exc:  # judged by the steps: never lost, never re-sent blindly
            answer = exc
    return step


async def _adrive(batch: Batch, client: AuthenticatedClient, item: Item) -> BatchOutcome:
    """Async twin of ``_drive``."""
    import asyncio  # noqa: PLC0415 - sync-only programs never import asyncio

    async def sleep(seconds: float) -> None:
        await asyncio.sleep(seconds)
        if batch.stopping.is_set():
            raise Stopped

    steps, s, send = batch.steps(item), batch.s, _ASENDERS[item.kind]
    task = asyncio.current_task()
    answer: Any = None
    while not isinstance(step := advance(steps, answer), BatchOutcome):
        kind, arg = step
        try:
            answer = None
            if kind == "sleep":
                await sleep(arg)
            elif kind == "send":
                batch.sending.add(task)
                try:
                    answer = await send(client, item.target, **arg)
                finally:
                    batch.sending.discard(task)
            else:
                with call_scope(s.timeout, s.max_retries):
                    answer = await await_run(client, **arg, sleep=sleep)
        except Exception as exc:
            answer = exc
    return step


def run_many(
    client: AuthenticatedClient,
    items: Iterable[Mapping[str, Any]],
    *,
    concurrency: int = 4,
    journal: str | os.PathLike[str] | None = None,
    wait: bool = False,
    wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = POLL_INTERVALS,
    total_timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
    rate_limit_retries: int = 5,
    rate_limit_backoff: float = 1.0,
    resend_unknown: bool = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> list[BatchOutcome]:
    """Start one run per item, at most ``concurrency`` at a time; one ``BatchOutcome`` each.

    An item is ``{"worker_id": ..., "input"/"raw_input"/"proxy_region"/"version"/
    "callback_url": ...}`` (``run_worker``), ``{"run_id": ..., "callback_url": ...}``
    (``rerun_worker_run``) or ``{"worker_task_id": ..., "callback_url": ...}``
    (``run_worker_task``). All are checked before anything is sent. Failures never stop the
    batch: each lands in its item's outcome. A 429 pauses every start of the batch (for
    ``Retry-After``, else ``rate_limit_backoff`` doubling) and the item is sent again, at most
    ``rate_limit_retries`` times. ``wait=True`` then waits for each run (``wait_timeout``
    each). ``total_timeout`` bounds the whole batch: items not sent by then are
    ``not-started``. ``journal=PATH`` records every step (see ``_journal``): run again with the
    same items and journal, a batch skips runs already started and reports starts whose
    answer was lost as ``unknown`` instead of sending them again. ``on_progress(done, total,
    outcome)`` is called from this thread. One client serves all threads; use one client
    (and one journal) per process.
    """
    batch = setup_batch(**locals())  # the arguments, checked; first statement: nothing else yet
    total, outcomes = len(batch.items), list[BatchOutcome]()
    try:
        client.get_httpx_client()  # built once here, not raced for by the threads
        workers = min(concurrency, max(total, 1))
        with ThreadPoolExecutor(workers, thread_name_prefix="coreclaw-batch") as pool:
            futures = [
                pool.submit(contextvars.copy_context().run, _drive, batch, client, item)
                for item in batch.items
            ]
            try:
                for done, future in enumerate(as_completed(futures), 1):
                    outcomes.append(future.result())
                    if on_progress is not None:
                        on_progress(done, total, outcomes[-1])
            except BaseException:
                batch.stopping.set()  # in-flight starts finish and are journaled; no new ones
                for future in futures:
                    future.cancel()
                raise
    finally:
        batch.close()
    return sorted(outcomes, key=lambda outcome: outcome.index)


async def arun_many(
    client: AuthenticatedClient,
    items: Iterable[Mapping[str, Any]],
    *,
    concurrency: int = 4,
    journal: str | os.PathLike[str] | None = None,
    wait: bool = False,
    wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = POLL_INTERVALS,
    total_timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
    rate_limit_retries: int = 5,
    rate_limit_backoff: float = 1.0,
    resend_unknown: bool = False,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> list[BatchOutcome]:
    """Async twin of ``run_many`` (asyncio tasks under a semaphore; journal writes block)."""
    batch = setup_batch(**locals())  # the arguments, checked; first statement: nothing else yet
    import asyncio  # noqa: PLC0415 - sync-only programs never import asyncio

    total, outcomes, slots = len(batch.items), list[BatchOutcome](), asyncio.Semaphore(concurrency)

    async def one(item: Item) -> None:
        async with slots:
            outcome = await _adrive(batch, client, item)
        outcomes.append(outcome)
        if on_progress is not None:
            on_progress(len(outcomes), total, outcome)

    try:
        tasks = [asyncio.ensure_future(one(item)) for item in batch.items]
        try:
            await asyncio.gather(*tasks)
        except BaseException as exc:
            batch.stopping.set()  # no new starts
            for task in tasks:  # a failing callback lets sent starts finish and be journaled
                if not isinstance(exc, Exception) or task not in batch.sending:
                    task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
    finally:
        batch.close()
    return sorted(outcomes, key=lambda outcome: outcome.index)
