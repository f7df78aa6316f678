"""Timeouts are never unbounded; synchronous runs get the long read timeout; per-call overrides."""

from __future__ import annotations

import time

import httpx
import pytest

import coreclaw_ext as ce
from tests.conftest import ClientFactory, arun
from tests.loopback import LoopbackServer, Reply, envelope

JSON = {"Content-Type": "application/json"}


def test_default_timeout_is_explicit() -> None:
    client = ce.create_client("k")
    timeout = client.get_httpx_client().timeout
    assert (timeout.connect, timeout.read, timeout.write, timeout.pool) == (5.0, 30.0, 30.0, 30.0)
    assert client.get_async_httpx_client().timeout == timeout
    client.close()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"timeout": httpx.Timeout(None)},
        {"timeout": httpx.Timeout(5.0, read=None)},
        {"timeout": float("inf")},
        {"timeout": float("nan")},
        {"timeout": -1},
        {"sync_run_timeout": float("inf")},
        {"sync_run_timeout": float("nan")},
        {"sync_run_timeout": 0},
    ],
)
def test_unbounded_or_invalid_timeouts_are_refused(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="timeout"):
        ce.create_client("k", **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value", [httpx.Timeout(None), httpx.Timeout(5.0, read=None), float("inf"), float("nan")]
)
def test_unbounded_per_call_timeout_is_refused_before_sending(
    server: LoopbackServer, make_client: ClientFactory, value: object
) -> None:
    with pytest.raises(ValueError, match="timeout"):
        ce.get_worker_run(make_client(), "R", timeout=value)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timeout"), ce.call_options(timeout=value):  # type: ignore[arg-type]
        pass
    assert server.requests == []


def slow(data: object, delay: float) -> Reply:
    return Reply(200, envelope(data), JSON, delay=delay)


def test_sync_rerun_gets_the_long_read_timeout(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    # Ordinary read timeout 0.3 s, "synchronous run" tier 3 s; the server answers after 0.8 s.
    client = make_client(timeout=0.3, sync_run_timeout=3.0, max_retries=0)
    server.queue(slow({"run_slug": "R", "run_status": "succeeded", "is_finished": True}, 0.8))
    result = ce.rerun_worker_last_run(client, "o/n", is_async=False)
    assert result.run_slug == "R"
    server.queue(slow({"run_slug": "R"}, 0.8))
    with pytest.raises(ce.APITimeoutError):
        ce.rerun_worker_last_run(client, "o/n")  # asynchronous: the ordinary tier applies
    server.queue(slow({"run_slug": "R", "run_status": "succeeded", "is_finished": True}, 0.8))
    result = arun(client, ce.arerun_worker_last_run(client, "o/n", is_async=False))
    assert result.run_slug == "R"


def test_default_sync_tier_exceeds_the_server_wait() -> None:
    from coreclaw_ext._consts import SYNC_RUN_READ_TIMEOUT

    assert SYNC_RUN_READ_TIMEOUT > 300


def test_per_call_timeout_overrides_the_client(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(timeout=5.0, max_retries=0)
    server.queue(slow({"slug": "R", "status": "x"}, 0.6))
    started = time.monotonic()
    with pytest.raises(ce.APITimeoutError):
        ce.get_worker_run(client, "R", timeout=0.2)
    assert time.monotonic() - started < 0.55
    server.queue(slow({"slug": "R", "status": "x"}, 0.4))
    assert ce.get_worker_run(client, "R").slug == "R"  # the client's own timeout is back


def test_call_options_wrap_generated_functions(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    from coreclaw_api.api.worker_runs import get_worker_run

    client = make_client(timeout=5.0, max_retries=0)
    server.queue(slow({"slug": "R", "status": "x"}, 0.6))
    with ce.call_options(timeout=0.2), pytest.raises(ce.APITimeoutError):
        ce.call(get_worker_run.sync_detailed, "R", client=client)
