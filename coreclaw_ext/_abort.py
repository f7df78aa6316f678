"""Aborting a run and, if asked, waiting until it has stopped.

An abort that the server accepts only means the cancellation was requested: the run moves to
``aborting`` and then, usually within seconds, to a final status. The docs warn that a run may
stay ``aborting``; so ``wait=True`` polls until the status is anything but ``ready``,
``running`` or ``aborting`` and, when its (short) budget runs out, raises ``RunWaitTimeout``
saying the abort was accepted and the run is still ``aborting``, instead of spinning silently.
"""

from __future__ import annotations

from collections.abc import Sequence

from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.run_record import RunRecord

from ._consts import ABORT_POLL_INTERVALS, ABORT_WAIT_TIMEOUT
from ._generated.ops.abort_last_worker_run import aabort_last_worker_run, abort_last_worker_run
from ._generated.ops.abort_worker_last_run import aabort_worker_last_run, abort_worker_last_run
from ._generated.ops.abort_worker_run import aabort_worker_run, abort_worker_run
from ._generated.ops.get_last_worker_run import aget_last_worker_run, get_last_worker_run
from ._generated.ops.get_worker_last_run import aget_worker_last_run, get_worker_last_run
from ._options import TimeoutArg, call_scope
from ._waiting import StatusCallback, await_run, wait_for_run
from .errors import RunWaitTimeout

STILL_STOPPING = frozenset({"ready", "running", "aborting"})


def stopped(status: str) -> bool:
    """Whether an aborted run has left ``ready``/``running``/``aborting`` (any other status)."""
    return status not in STILL_STOPPING


def _still_aborting(err: RunWaitTimeout) -> RunWaitTimeout:
    status = getattr(err.last_run, "status", "unknown")
    return RunWaitTimeout(
        f"the abort of run {err.run_id} was accepted, but it is still {status!r} after "
        f"{err.waited:.0f} s; the platform may keep a run 'aborting' for a while: check it "
        "later with get_worker_run",
        run_id=err.run_id,
        last_run=err.last_run,
        waited=err.waited,
    )


def abort_run(
    client: AuthenticatedClient,
    run_id: str,
    *,
    wait: bool = False,
    wait_timeout: float = ABORT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = ABORT_POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> RunRecord | None:
    """Abort ``run_id``; with ``wait=True`` return its record once it has stopped.

    Without ``wait`` it returns None as soon as the server accepted the abort.
    """
    with call_scope(timeout, max_retries):
        abort_worker_run(client, run_id)
        if not wait:
            return None
        try:
            return wait_for_run(
                client,
                run_id,
                timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                until=stopped,
            )
        except RunWaitTimeout as err:
            raise _still_aborting(err) from None


async def aabort_run(
    client: AuthenticatedClient,
    run_id: str,
    *,
    wait: bool = False,
    wait_timeout: float = ABORT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = ABORT_POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> RunRecord | None:
    """Async twin of ``abort_run``."""
    with call_scope(timeout, max_retries):
        await aabort_worker_run(client, run_id)
        if not wait:
            return None
        try:
            return await await_run(
                client,
                run_id,
                timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                until=stopped,
            )
        except RunWaitTimeout as err:
            raise _still_aborting(err) from None


def abort_last_run(
    client: AuthenticatedClient,
    *,
    worker_id: str | None = None,
    wait: bool = False,
    wait_timeout: float = ABORT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = ABORT_POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> RunRecord | None:
    """Abort the account's latest run (or ``worker_id``'s latest run).

    Without ``wait`` this is the API's ``last/abort`` call. With ``wait=True`` the latest run
    is read first and aborted by its id, so the run waited for is the run aborted even if
    another run starts meanwhile.
    """
    with call_scope(timeout, max_retries):
        if not wait:
            if worker_id is None:
                abort_last_worker_run(client)
            else:
                abort_worker_last_run(client, worker_id)
            return None
        last = (
            get_last_worker_run(client)
            if worker_id is None
            else get_worker_last_run(client, worker_id)
        )
    return abort_run(
        client,
        last.slug,
        wait=True,
        wait_timeout=wait_timeout,
        poll_intervals=poll_intervals,
        on_status=on_status,
        timeout=timeout,
        max_retries=max_retries,
    )


async def aabort_last_run(
    client: AuthenticatedClient,
    *,
    worker_id: str | None = None,
    wait: bool = False,
    wait_timeout: float = ABORT_WAIT_TIMEOUT,
    poll_intervals: Sequence[float] = ABORT_POLL_INTERVALS,
    on_status: StatusCallback | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> RunRecord | None:
    """Async twin of ``abort_last_run``."""
    with call_scope(timeout, max_retries):
        if not wait:
            if worker_id is None:
                await aabort_last_worker_run(client)
            else:
                await aabort_worker_last_run(client, worker_id)
            return None
        if worker_id is None:
            last = await aget_last_worker_run(client)
        else:
            last = await aget_worker_last_run(client, worker_id)
    return await aabort_run(
        client,
        last.slug,
        wait=True,
        wait_timeout=wait_timeout,
        poll_intervals=poll_intervals,
        on_status=on_status,
        timeout=timeout,
        max_retries=max_retries,
    )
