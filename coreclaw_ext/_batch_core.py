"""The decisions of a batch, shared by its thread and asyncio runners (``_batch``).

``Batch.steps`` is a generator per item that asks its runner to sleep, send or wait, and
decides everything else, so the rules live once and the runners only do I/O. A start is sent
again only when the server provably refused it before doing any work (a 429, another 4xx, a
connection that never opened); anything else that was sent and got no usable answer is
reported as "unknown", never sent again silently.
"""

from __future__ import annotations

import logging
import os
import random
import threading
import time
from collections.abc import Generator, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from coreclaw_api.client import AuthenticatedClient

from ._batch_outcome import (
    BatchOutcome,
    BatchStatus,
    BatchTimeoutError,
    ProgressCallback,
    UnknownOutcomeError,
)
from ._consts import LOGGER_NAME, RETRY_AFTER_MAX
from ._journal import ALLOWED_KEYS, Item, Journal, prepare_items
from ._options import TimeoutArg, check_max_retries, to_timeout
from ._retry import _NEVER_SENT
from ._validate import check_int, check_seconds
from ._waiting import _started, started_run_id
from .errors import (
    APIConnectionError,
    APIError,
    CoreClawError,
    InternalServerError,
    RateLimitError,
    RunStartedError,
)

logger = logging.getLogger(LOGGER_NAME)

# What a runner is asked to do: ("sleep", seconds), ("send", keyword arguments of the start
# function), ("wait", keyword arguments of wait_for_run/await_run). The answer sent back is
# the call's result, or the exception it raised.
Step = tuple[Literal["sleep", "send", "wait"], Any]
Steps = Generator[Step, Any, BatchOutcome]


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


class Stopped(BaseException):
    """The batch is being abandoned (Ctrl-C, a failing callback): send nothing more."""


@dataclass(frozen=True, slots=True)
class Settings:
    wait: bool
    wait_timeout: float
    poll_intervals: tuple[float, ...]
    total_timeout: float | None
    rate_limit_retries: int
    rate_limit_backoff: float
    resend_unknown: bool
    timeout: TimeoutArg
    max_retries: int | None


class _Gate:
    """A 429 pauses every worker's next start, not just the refused one: the limit is shared."""

    def __init__(self, backoff: float) -> None:
        self._backoff = backoff
        self._lock = threading.Lock()
        self._open_at = 0.0  # no start is sent before this time.monotonic()
        self._streak = 0  # 429s since the last accepted start

    def delay(self) -> float:
        with self._lock:
            return max(0.0, self._open_at - time.monotonic())

    def accepted(self) -> None:
        with self._lock:
            self._streak = 0

    def close(self, err: RateLimitError) -> float:
        with self._lock:
            self._streak += 1
            delay = err.retry_after  # the server's word wins
            if delay is None:
                base = self._backoff * 2.0 ** min(self._streak - 1, 10)
                delay = min(RETRY_AFTER_MAX, base) * (0.5 + 0.5 * random.random())  # noqa: S311
            self._open_at = max(self._open_at, time.monotonic() + delay)
        return delay


class Batch:
    """The checked items, the journal, the shared 429 gate and every decision; thread-safe."""

    def __init__(self, items: list[Item], journal: Journal | None, settings: Settings) -> None:
        self.items, self.journal, self.s = items, journal, settings
        self.stopping = threading.Event()
        self.sending: set[object] = set()  # async tasks with a start on the wire
        total = settings.total_timeout
        self.deadline = None if total is None else time.monotonic() + total
        self.gate = _Gate(settings.rate_limit_backoff)

    def note(self, event: str, item: Item, **fields: Any) -> None:
        if self.journal is not None:
            self.journal.record(event, item.index, **fields)

    def outcome(self, item: Item, status: BatchStatus, **fields: Any) -> BatchOutcome:
        return BatchOutcome(item.index, item.item, item.key, status, **fields)

    def steps(self, item: Item) -> Steps:
        earlier = self.resume(item)
        if isinstance(earlier, BatchOutcome):
            return earlier
        if earlier is not None:
            return (yield from self.wait(item, earlier, True, 0))
        fields = {key: item.item.get(key) for key in ALLOWED_KEYS[item.kind] - {item.kind}}
        arguments = {**fields, "timeout": self.s.timeout, "max_retries": self.s.max_retries}
        attempts, last = 0, None
        while True:
            delay = self.gate.delay()
            if self.deadline is not None and time.monotonic() + delay >= self.deadline:
                return self.not_started(item, last, attempts)
            if delay > 0:
                yield ("sleep", delay)
                continue
            if self.stopping.is_set():
                raise Stopped
            attempts += 1
            self.note("sending", item, attempt=attempts)
            answer = yield ("send", arguments)
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
            self.gate.accepted()
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
            delay = self.gate.close(err)
            logger.info("batch paused for %.2f s after HTTP 429 on %s", delay, item.label)
            if attempts <= self.s.rate_limit_retries:
                return None
        if verdict == "unknown" or not isinstance(err, CoreClawError):
            msg = f"{item.label}: its start was sent, with no usable answer ({kind}: {err})"
            wrapped = UnknownOutcomeError(
                f"{msg}; a run may have started: check before retrying", error=err
            )
            return self.outcome(item, "unknown", error=wrapped, attempts=attempts)
        return self.outcome(item, "failed", run_slug=slug, error=err, attempts=attempts)

    def wait(self, item: Item, slug: str, resumed: bool, attempts: int) -> Steps:
        if self.stopping.is_set():
            raise Stopped
        budget = self.s.wait_timeout
        if self.deadline is not None:
            budget = max(0.0, min(budget, self.deadline - time.monotonic()))
        polls = self.s.poll_intervals
        result = yield ("wait", {"run_id": slug, "timeout": budget, "poll_intervals": polls})
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


def advance(steps: Steps, answer: Any) -> Step | BatchOutcome:
    """The runner's next step, or the item's outcome once its steps are done."""
    try:
        return steps.send(answer)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]


def setup_batch(
    client: AuthenticatedClient,
    items: Iterable[Mapping[str, Any]],
    journal: str | os.PathLike[str] | None,
    concurrency: int,
    on_progress: ProgressCallback | None,
    **settings: Any,
) -> Batch:
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
    return Batch(checked, opened, Settings(**settings))
