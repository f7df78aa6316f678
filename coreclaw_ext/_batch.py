"""Starting many runs at once: bounded, paced by 429s, never twice, resumable from a journal.

``run_many`` (threads) and ``arun_many`` (asyncio) drive the same steps (``_Batch.steps``, a
generator that asks its runner to sleep, send or wait, and decides everything else), so the
rules live once. A start is sent again only when the server provably refused it before doing
any work (a 429, another 4xx, a connection that never opened); anything else that was sent
and got no usable answer is reported as "unknown", never sent again silently.
"""

from __future__ import annotations

import contextvars
import logging
import os
import random
import threading
import time
from collections.abc import Awaitable, Callable, Generator, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from typing import Any, Literal

from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.run_record import RunRecord

from ._consts import DEFAULT_WAIT_TIMEOUT, LOGGER_NAME, POLL_INTERVALS, RETRY_AFTER_MAX
from ._generated.ops.rerun_worker_run import arerun_worker_run, rerun_worker_run
from ._generated.ops.run_worker import arun_worker, run_worker
from ._generated.ops.run_worker_task import arun_worker_task, run_worker_task
from ._journal import ALLOWED_KEYS, Item, Journal, prepare_items
from ._options import TimeoutArg, call_scope, check_max_retries, to_timeout
from ._retry import _NEVER_SENT
from ._validate import check_int, check_seconds
from ._waiting import Started, _started, await_run, started_run_id, wait_for_run
from .errors import (
    APIConnectionError,
    APIError,
    CoreClawError,
    InternalServerError,
    RateLimitError,
    RunStartedError,
)

logger = logging.getLogger(LOGGER_NAME)

BatchStatus = Literal[
    "started", "finished", "failed", "skipped-already-started", "unknown", "not-started"
]
ProgressCallback = Callable[[int, int, "BatchOutcome"], None]
# What a runner is asked to do: ("sleep", seconds), ("send", None), ("wait", (slug, budget)).
_Step = tuple[Literal["sleep", "send", "wait"], Any]
_Steps = Generator[_Step, Any, "BatchOutcome"]


class UnknownOutcomeError(CoreClawError):
    """A start was sent and no usable answer came back: a run may or may not exist.

    The batch never sends it again by itself: check the Worker's runs first, then pass
    ``resend_unknown=True`` to send it again. ``error`` is the failure seen, if any.
    """

    def __init__(self, message: str, *, error: BaseException | None = None) -> None:
        super().__init__(message)
        self.error = error


class BatchTimeoutError(CoreClawError):
    """``total_timeout`` ran out before this item's start was sent: no run was started for it.

    ``error`` is the last refusal (a ``RateLimitError``) when there was one.
    """

    def __init__(self, message: str, *, error: BaseException | None = None) -> None:
        super().__init__(message)
        self.error = error


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    """What became of one item (``index`` in the list, ``key`` in the journal).

    ``status``: ``started`` (accepted, not waited for), ``finished`` (waited until final;
    ``record.status`` says how it ended), ``skipped-already-started`` (started by an earlier
    batch, not waited for), ``failed`` (see ``error``; ``run_slug`` is set when the run
    exists), ``unknown`` (sent, outcome unknown: check before retrying), ``not-started``
    (``total_timeout`` ran out first). ``resumed``: the journal already had this item's start.
    ``attempts`` counts the starts this call sent (429s included).
    """

    index: int
    item: Mapping[str, Any]
    key: str
    status: BatchStatus
    run_slug: str | None = None
    record: RunRecord | None = None
    error: CoreClawError | None = None
    resumed: bool = False
    attempts: int = 0

    @property
    def ok(self) -> bool:
        """No error, and the run succeeded if it was waited for."""
        return self.error is None and (self.record is None or self.record.status == "succeeded")


def _classify(err: BaseException) -> str:
    """started, limited (429: refused, send again), refused (nothing was done) or unknown."""
    if isinstance(err, CoreClawError) and err.run_started:
        return "started"
    if isinstance(err, RateLimitError):
        return "limited"
    if isinstance(err, APIConnectionError) and isinstance(err.__cause__, _NEVER_SENT):
        return "refused"
    if isinstance(err, APIError) and not isinstance(err, InternalServerError):
        return "refused" if err.status_code is not None and err.status_code < 500 else "unknown"
    return "unknown"


class _Stopped(BaseException):
    """The batch is being abandoned (Ctrl-C, a failing callback): send nothing more."""


@dataclass(frozen=True, slots=True)
class _Settings:
    wait: bool
    wait_timeout: float
    poll_intervals: tuple[float, ...]
    total_timeout: float | None
    rate_limit_retries: int
    rate_limit_backoff: float
    resend_unknown: bool
    timeout: TimeoutArg
    max_retries: int | None


class _Batch:
    """The checked items, the journal, the shared 429 gate and every decision; thread-safe."""

    def __init__(self, items: list[Item], journal: Journal | None, settings: _Settings) -> None:
        self.items, self.journal, self.s = items, journal, settings
        self.stopping = threading.Event()
        self.sending: set[object] = set()  # async tasks with a start on the wire
        total = settings.total_timeout
        self.deadline = None if total is None else time.monotonic() + total
        self._lock = threading.Lock()
        self._open_at = 0.0  # no start is sent before this time.monotonic()
        self._streak = 0  # 429s since the last accepted start

    def note(self, event: str, item: Item, **fields: Any) -> None:
        if self.journal is not None:
            self.journal.record(event, item.index, **fields)

    def outcome(self, item: Item, status: BatchStatus, **fields: Any) -> BatchOutcome:
        return BatchOutcome(item.index, item.item, item.key, status, **fields)

    def steps(self, item: Item) -> _Steps:
        earlier = self.resume(item)
        if isinstance(earlier, BatchOutcome):
            return earlier
        if earlier is not None:
            return (yield from self.wait(item, earlier, True, 0))
        attempts, last = 0, None
        while True:
            delay = self.gate_delay()
            if self.deadline is not None and time.monotonic() + delay >= self.deadline:
                return self.not_started(item, last, attempts)
            if delay > 0:
                yield ("sleep", delay)
                continue
            if self.stopping.is_set():
                raise _Stopped
            attempts += 1
            self.note("sending", item, attempt=attempts)
            answer = yield ("send", None)
            try:
                slug = answer if isinstance(answer, Exception) else started_run_id(answer)
            except RunStartedError as err:  # accepted, with a slug that cannot be used
                slug = err
            if isinstance(slug, Exception):
                outcome = self.start_failed(item, slug, attempts)
                if outcome is not None:
                    return outcome
                last = slug
                continue
            with self._lock:
                self._streak = 0
            self.note("started", item, run_slug=slug)
            if not self.s.wait:
                return self.outcome(item, "started", run_slug=slug, attempts=attempts)
            return (yield from self.wait(item, slug, False, attempts))

    def resume(self, item: Item) -> BatchOutcome | str | None:
        """From the journal: None (start it), a slug (wait for that run) or its outcome."""
        state = self.journal.states.get(item.index) if self.journal is not None else None
        if state is None or state.last == "refused" or (state.in_doubt and self.s.resend_unknown):
            return None
        if state.started:
            if state.run_slug is not None and self.s.wait:
                return state.run_slug
            error = None
            if state.run_slug is None and self.s.wait:
                msg = f"{item.label}: an earlier batch started its run but got no usable slug"
                error = RunStartedError(msg, run_slug=None)
            status: BatchStatus = "failed" if error else "skipped-already-started"
            return self.outcome(item, status, run_slug=state.run_slug, error=error, resumed=True)
        seen = f" ({state.error})" if state.error else " (it stopped before the answer came)"
        unknown = UnknownOutcomeError(
            f"{item.label}: an earlier batch sent its start, with no usable answer{seen}; a "
            "run may have started. Check before retrying: look among the Worker's runs, then "
            "pass resend_unknown=True to send it again"
        )
        return self.outcome(item, "unknown", error=unknown, resumed=True)

    def gate_delay(self) -> float:
        """Seconds until starts may be sent again: a 429 closes the gate for every worker."""
        with self._lock:
            return max(0.0, self._open_at - time.monotonic())

    def not_started(self, item: Item, last: BaseException | None, attempts: int) -> BatchOutcome:
        error = BatchTimeoutError(
            f"{item.label}: total_timeout ({self.s.total_timeout} s) ran out before its start "
            "was sent; no run was started for it",
            error=last,
        )
        return self.outcome(item, "not-started", error=error, attempts=attempts)

    def start_failed(self, item: Item, err: Exception, attempts: int) -> BatchOutcome | None:
        """The outcome of a failed start, or None to send it again (after a 429)."""
        verdict, kind = _classify(err), type(err).__name__
        slug = err.run_slug if isinstance(err, CoreClawError) and verdict == "started" else None
        event = {"started": "started", "unknown": "unknown"}.get(verdict, "refused")
        self.note(event, item, run_slug=slug, error=str(err), error_type=kind)
        if isinstance(err, RateLimitError):
            self.close_gate(item, err)
            if attempts <= self.s.rate_limit_retries:
                return None
        if verdict == "unknown" or not isinstance(err, CoreClawError):
            msg = f"{item.label}: its start was sent, with no usable answer ({kind}: {err})"
            wrapped = UnknownOutcomeError(
                f"{msg}; a run may have started: check before retrying", error=err
            )
            return self.outcome(item, "unknown", error=wrapped, attempts=attempts)
        return self.outcome(item, "failed", run_slug=slug, error=err, attempts=attempts)

    def close_gate(self, item: Item, err: RateLimitError) -> None:
        with self._lock:
            self._streak += 1
            delay = err.retry_after  # the server's word wins
            if delay is None:
                base = self.s.rate_limit_backoff * 2.0 ** min(self._streak - 1, 10)
                delay = min(RETRY_AFTER_MAX, base) * (0.5 + 0.5 * random.random())  # noqa: S311
            self._open_at = max(self._open_at, time.monotonic() + delay)
        logger.info("batch paused for %.2f s after HTTP 429 on %s", delay, item.label)

    def wait(self, item: Item, slug: str, resumed: bool, attempts: int) -> _Steps:
        if self.stopping.is_set():
            raise _Stopped
        budget = self.s.wait_timeout
        if self.deadline is not None:
            budget = max(0.0, min(budget, self.deadline - time.monotonic()))
        result = yield ("wait", (slug, budget))
        fields: dict[str, Any] = {"run_slug": slug, "resumed": resumed, "attempts": attempts}
        if isinstance(result, CoreClawError):
            return self.outcome(item, "failed", error=_started(result, slug), **fields)
        if isinstance(result, Exception):
            msg = f"run {slug} was started, but waiting for it failed: {result!r}"
            error = RunStartedError(msg, run_slug=slug, error=result)
            return self.outcome(item, "failed", error=error, **fields)
        self.note("finished", item, run_slug=slug, run_status=result.status)
        return self.outcome(item, "finished", record=result, **fields)

    def close(self) -> None:
        if self.journal is not None:
            self.journal.close()


def _setup(
    client: AuthenticatedClient,
    items: Iterable[Mapping[str, Any]],
    journal: str | os.PathLike[str] | None,
    concurrency: int,
    on_progress: ProgressCallback | None,
    **settings: Any,
) -> _Batch:
    """The arguments of ``run_many``/``arun_many`` checked, the items too, the journal open."""
    check_int("concurrency", concurrency, 1, 1000)
    check_seconds("wait_timeout", settings["wait_timeout"], allow_zero=True)
    check_seconds("rate_limit_backoff", settings["rate_limit_backoff"], allow_zero=True)
    if settings["total_timeout"] is not None:
        check_seconds("total_timeout", settings["total_timeout"])
    polls = settings["poll_intervals"] = tuple(
        check_seconds("poll interval", i) for i in settings["poll_intervals"]
    )
    if not polls:
        raise ValueError("poll_intervals must not be empty")
    check_int("rate_limit_retries", settings["rate_limit_retries"], 0, 100)
    if settings["timeout"] is not None:
        to_timeout(settings["timeout"])
    if settings["max_retries"] is not None:
        check_max_retries(settings["max_retries"])
    if on_progress is not None and not callable(on_progress):
        raise TypeError("on_progress must be callable")
    checked = prepare_items(items)  # every item, before the journal or the network
    opened = Journal(journal, [i.key for i in checked]) if journal is not None else None
    return _Batch(checked, opened, _Settings(**settings))


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


def _arguments(item: Item, s: _Settings) -> dict[str, Any]:
    """The start function's keyword arguments: the item's fields and the per-call options."""
    fields = {key: item.item.get(key) for key in ALLOWED_KEYS[item.kind] - {item.kind}}
    return {**fields, "timeout": s.timeout, "max_retries": s.max_retries}


def _drive(batch: _Batch, client: AuthenticatedClient, item: Item) -> BatchOutcome:
    """Run one item's steps with blocking I/O (in a worker thread)."""

    def sleep(seconds: float) -> None:
        if batch.stopping.wait(seconds):
            raise _Stopped

    steps, s = batch.steps(item), batch.s
    answer: Any = None
    while True:
        try:
            step, arg = steps.send(answer)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        try:
            answer = None
            if step == "sleep":
                sleep(arg)
            elif step == "send":
                answer = _SENDERS[item.kind](client, item.target, **_arguments(item, s))
            else:
                with call_scope(s.timeout, s.max_retries):
                    answer = wait_for_run(
                        client, arg[0], timeout=arg[1], poll_intervals=s.poll_intervals, sleep=sleep
                    )
        except Exception as exc:  # judged by the steps: never lost, never re-sent blindly
            answer = exc


async def _adrive(batch: _Batch, client: AuthenticatedClient, item: Item) -> BatchOutcome:
    """Async twin of ``_drive``."""
    import asyncio  # noqa: PLC0415 - sync-only programs never import asyncio

    async def sleep(seconds: float) -> None:
        await asyncio.sleep(seconds)
        if batch.stopping.is_set():
            raise _Stopped

    steps, s, task = batch.steps(item), batch.s, asyncio.current_task()
    answer: Any = None
    while True:
        try:
            step, arg = steps.send(answer)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]
        try:
            answer = None
            if step == "sleep":
                await sleep(arg)
            elif step == "send":
                batch.sending.add(task)
                try:
                    answer = await _ASENDERS[item.kind](client, item.target, **_arguments(item, s))
                finally:
                    batch.sending.discard(task)
            else:
                with call_scope(s.timeout, s.max_retries):
                    answer = await await_run(
                        client, arg[0], timeout=arg[1], poll_intervals=s.poll_intervals, sleep=sleep
                    )
        except Exception as exc:
            answer = exc


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
    batch = _setup(**locals())  # the arguments, checked; first statement: nothing else yet
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
    batch = _setup(**locals())  # the arguments, checked; first statement: nothing else yet
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
