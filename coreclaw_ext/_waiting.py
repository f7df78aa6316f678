"""Waiting for a run to finish by polling its detail on the documented schedule.

The wait budget (``timeout``) is separate from the HTTP timeout of each poll: a poll that
fails transiently is retried by the transport under the client's retry policy; the budget only
bounds how long polling goes on.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from typing import Protocol

from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.run_record import RunRecord

from ._consts import (
    DEFAULT_WAIT_TIMEOUT,
    LOGGER_NAME,
    NOT_FOUND_GRACE,
    POLL_INTERVALS,
    TERMINAL_STATUSES,
)
from ._generated.ops.get_worker_run import aget_worker_run, get_worker_run
from ._paths import encode_run_id
from ._retry import async_sleep
from ._validate import check_bool, check_seconds
from .errors import (
    CoreClawError,
    NotFoundError,
    RunStartedError,
    RunWaitTimeout,
    WaitInterrupted,
)

logger = logging.getLogger(LOGGER_NAME)

StatusCallback = Callable[[RunRecord, float], None]


class Started(Protocol):
    """Any answer of a call that started a run: it names the new run."""

    @property
    def run_slug(self) -> str: ...


SLUG_SHOWN_CHARS = 80


def started_run_id(started: Started) -> str:
    """The new run's id, checked for polling.

    The run exists now: a slug that cannot be used must not look like bad input, which a
    caller may answer by starting the run again.
    """
    raw = started.run_slug
    try:
        return encode_run_id(raw)
    except (TypeError, ValueError) as exc:
        shown = ascii(raw)
        if len(shown) > SLUG_SHOWN_CHARS:
            shown = shown[:SLUG_SHOWN_CHARS] + f"... ({len(raw)} characters)"
        raise RunStartedError(
            f"the run started, but its run_slug {shown} cannot be used to wait for it: {exc}",
            run_slug=None,
            error=exc,
            raw_slug=shown,
        ) from None


def _started(exc: BaseException, run_id: str) -> BaseException:
    """What to raise for a failure while waiting for a run this call started: it says so."""
    if isinstance(exc, KeyboardInterrupt):
        return WaitInterrupted(run_id)
    if isinstance(exc, RunWaitTimeout):
        exc.run_started, exc.run_slug = True, run_id  # already says the run goes on
        return exc
    # Anything else (an on_status callback's own error included): the run still exists.
    detail = str(exc) if isinstance(exc, CoreClawError) else f"{type(exc).__name__}: {exc}"
    return RunStartedError(
        f"run {run_id} was started, but waiting for it failed: {detail}",
        run_slug=run_id,
        error=exc,
    )


def check_wait(
    wait: object, timeout: float, poll_intervals: Sequence[float], on_status: object
) -> bool:
    """Check a start's wait settings before the start is sent; whether to wait.

    A setting found bad only after the start would look like "nothing happened" to a caller
    who then starts the run again.
    """
    wait = check_bool("wait", wait)
    if wait:
        _check_schedule(timeout, poll_intervals)
        if on_status is not None and not callable(on_status):
            raise TypeError(f"on_status must be callable, not {type(on_status).__name__}")
    return wait


def wait_for_started(
    client: AuthenticatedClient,
    started: Started,
    *,
    timeout: float,
    poll_intervals: Sequence[float],
    on_status: StatusCallback | None,
) -> RunRecord:
    """``wait_for_run`` for the run a call has just started; every failure says it started."""
    run_id = started_run_id(started)
    try:
        return wait_for_run(
            client, run_id, timeout=timeout, poll_intervals=poll_intervals, on_status=on_status
        )
    except (Exception, KeyboardInterrupt) as exc:
        mapped = _started(exc, run_id)
        if mapped is exc:
            raise
        raise mapped from exc


async def await_started(
    client: AuthenticatedClient,
    started: Started,
    *,
    timeout: float,
    poll_intervals: Sequence[float],
    on_status: StatusCallback | None,
) -> RunRecord:
    """Async twin of ``wait_for_started``."""
    run_id = started_run_id(started)
    try:
        return await await_run(
            client, run_id, timeout=timeout, poll_intervals=poll_intervals, on_status=on_status
        )
    except (Exception, KeyboardInterrupt) as exc:
        mapped = _started(exc, run_id)
        if mapped is exc:
            raise
        raise mapped from exc


def is_terminal(status: str) -> bool:
    """Whether a run status is final (``succeeded``, ``failed``, or ``aborted`` if ever sent)."""
    return status in TERMINAL_STATUSES


def _check_schedule(timeout: float, poll_intervals: Sequence[float]) -> tuple[float, ...]:
    # A finite budget: an endless wait is the classic mistake this helper exists to prevent.
    check_seconds("timeout", timeout, allow_zero=True)
    intervals = tuple(check_seconds("poll interval", i) for i in poll_intervals)
    if not intervals:
        raise ValueError("poll_intervals must not be empty")
    return intervals


def _intervals(schedule: tuple[float, ...]) -> Iterator[float]:
    yield from schedule
    while True:
        yield schedule[-1]


class _Wait:
    """Bookkeeping shared by the sync and async loops: deadline, schedule, logging."""

    def __init__(
        self,
        run_id: str,
        timeout: float,
        poll_intervals: Sequence[float],
        clock: Callable[[], float],
        on_status: StatusCallback | None,
        *,
        until: Callable[[str], bool] = is_terminal,
    ) -> None:
        self.run_id = encode_run_id(run_id)
        self.schedule = _intervals(_check_schedule(timeout, poll_intervals))
        self.clock = clock
        self.started = clock()
        self.deadline = self.started + timeout
        self.on_status = on_status
        self.until = until
        self.last: RunRecord | None = None

    def elapsed(self) -> float:
        return self.clock() - self.started

    def seen(self, run: RunRecord) -> RunRecord | None:
        """The run if it is final; otherwise None (keep polling)."""
        self.last = run
        if self.on_status is not None:
            self.on_status(run, self.elapsed())
        return run if self.until(run.status) else None

    def not_found(self, err: NotFoundError) -> None:
        if self.elapsed() > NOT_FOUND_GRACE:
            raise err

    def next_delay(self) -> float:
        """Seconds until the next poll; ``RunWaitTimeout`` once the budget is spent."""
        remaining = self.deadline - self.clock()
        if remaining <= 0:
            status = self.last.status if self.last is not None else "unknown"
            raise RunWaitTimeout(
                f"run {self.run_id} still {status!r} after {self.elapsed():.0f} s "
                "(wait budget spent)",
                run_id=self.run_id,
                last_run=self.last,
                waited=self.elapsed(),
            )
        delay = min(next(self.schedule), remaining)
        logger.info(
            "run %s is %s after %.0f s; next check in %.0f s",
            self.run_id,
            self.last.status if self.last is not None else "not visible yet",
            self.elapsed(),
            delay,
        )
        return delay


def wait_for_run(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
    until: Callable[[str], bool] = is_terminal,
) -> RunRecord:
    """Poll the run's detail until its status is final and return that record.

    Polls at once, then after 2, 5, 10 and 15 s, repeating 15 s (``poll_intervals``), through
    ``ready``, ``running``, ``aborting`` and statuses it does not know. ``timeout`` is the wait
    budget in seconds, independent of the HTTP timeout; when it is spent ``RunWaitTimeout`` is
    raised with the last record seen. ``on_status(run, elapsed)`` is called after every poll.
    The last poll may come early to land on the deadline; otherwise polls are never closer
    together than the schedule. ``until(status)`` says which statuses end the wait (default:
    ``is_terminal``).
    """
    wait = _Wait(run_id, timeout, poll_intervals, clock, on_status, until=until)
    while True:
        try:
            done = wait.seen(get_worker_run(client, wait.run_id))
        except NotFoundError as err:
            wait.not_found(err)
        else:
            if done is not None:
                return done
        sleep(wait.next_delay())


async def await_run(
    client: AuthenticatedClient,
    run_id: str,
    *,
    timeout: float = DEFAULT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], Awaitable[None]] = async_sleep,
    until: Callable[[str], bool] = is_terminal,
) -> RunRecord:
    """Async twin of ``wait_for_run``."""
    wait = _Wait(run_id, timeout, poll_intervals, clock, on_status, until=until)
    while True:
        try:
            done = wait.seen(await aget_worker_run(client, wait.run_id))
        except NotFoundError as err:
            wait.not_found(err)
        else:
            if done is not None:
                return done
        await sleep(wait.next_delay())
