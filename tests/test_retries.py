"""Retry policy: what is retried, what never is, how long it waits, and what it logs."""

from __future__ import annotations

import logging
import socket
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

import coreclaw_ext as ce
from coreclaw_ext._mapping import parse_retry_after
from coreclaw_ext._retry import RetryPolicy
from tests.conftest import ClientFactory, arun
from tests.loopback import LoopbackServer, Reply, envelope, json_reply

JSON = {"Content-Type": "application/json"}
RUN = {"slug": "R", "status": "running"}


def status(code: int, app_code: int = 10000, headers: dict[str, str] | None = None) -> Reply:
    body = envelope(None, code=app_code, message="failure")
    return Reply(code, body, {**JSON, **(headers or {})})


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(make_client: ClientFactory, sleeps: list[float]) -> ce.CoreClawClient:
    return make_client(sleep=sleeps.append, jitter=lambda: 0.5)


@pytest.mark.parametrize("code", [429, 500, 502, 503, 504])
def test_get_retries_transient_statuses(
    server: LoopbackServer, client: ce.CoreClawClient, sleeps: list[float], code: int
) -> None:
    server.queue(status(code), status(code), json_reply(RUN))
    assert ce.get_worker_run(client, "R").slug == "R"
    assert len(server.requests) == 3
    assert sleeps == [0.375, 0.75]  # 0.5 * 2**n scaled by (0.5 + 0.5 * jitter)


@pytest.mark.parametrize("code", [400, 401, 404, 422, 403, 501])
def test_get_does_not_retry_permanent_statuses(
    server: LoopbackServer, client: ce.CoreClawClient, code: int
) -> None:
    server.queue(status(code, 11000))
    with pytest.raises(ce.APIError):
        ce.get_worker_run(client, "R")
    assert len(server.requests) == 1


def test_retry_after_is_honoured_on_a_retryable_5xx(
    server: LoopbackServer, client: ce.CoreClawClient, sleeps: list[float]
) -> None:
    server.queue(status(503, headers={"Retry-After": "4"}), json_reply(RUN))
    assert ce.get_worker_run(client, "R").slug == "R"
    assert sleeps == [4.0]


def test_retries_are_bounded(
    server: LoopbackServer, client: ce.CoreClawClient, sleeps: list[float]
) -> None:
    server.always(status(503))
    with pytest.raises(ce.InternalServerError):
        ce.get_worker_run(client, "R")
    assert len(server.requests) == 3 and len(sleeps) == 2


def test_max_retries_per_client_and_per_call(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(status(503))
    generous = make_client(max_retries=5)
    with pytest.raises(ce.InternalServerError):
        ce.get_worker_run(generous, "R")
    assert len(server.requests) == 6
    server.reset()
    server.always(status(503))
    with pytest.raises(ce.InternalServerError):
        ce.get_worker_run(generous, "R", max_retries=0)
    assert len(server.requests) == 1
    server.reset()
    server.always(status(503))
    with ce.call_options(max_retries=1), pytest.raises(ce.InternalServerError):
        ce.get_worker_run(generous, "R")
    assert len(server.requests) == 2


def test_get_retries_read_timeouts(server: LoopbackServer, make_client: ClientFactory) -> None:
    client = make_client(timeout=0.2)
    server.queue(Reply(200, envelope(RUN), JSON, delay=0.5), json_reply(RUN))
    assert ce.get_worker_run(client, "R").slug == "R"
    assert len(server.requests) == 2


def test_get_retries_an_application_rate_limit(
    server: LoopbackServer, client: ce.CoreClawClient
) -> None:
    server.queue(
        Reply(200, envelope(None, code=13000, message="too many requests"), JSON), json_reply(RUN)
    )
    assert ce.get_worker_run(client, "R").slug == "R"
    assert len(server.requests) == 2


# Run-creating POSTs: nothing that may have reached the application is repeated.
@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(status(500), id="500"),
        pytest.param(status(502), id="502"),
        pytest.param(status(503), id="503"),
        pytest.param(Reply(504, b"<html>gateway timeout</html>"), id="504-html"),
        pytest.param(Reply(200, b"", fault="reset"), id="reset-before-answer"),
        pytest.param(
            Reply(200, envelope({"run_slug": "R"}), JSON, fault="truncate"), id="reset-mid-body"
        ),
    ],
)
def test_rerun_is_never_repeated_after_the_server_saw_it(
    server: LoopbackServer, client: ce.CoreClawClient, sleeps: list[float], reply: Reply
) -> None:
    server.queue(reply)
    server.always(json_reply({"run_slug": "SECOND"}))
    with pytest.raises(ce.CoreClawError):
        ce.rerun_worker_last_run(client, "o/n")
    assert [r.method for r in server.requests] == ["POST"]
    assert sleeps == []


def test_rerun_is_not_repeated_after_a_read_timeout(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(timeout=0.2)
    server.queue(Reply(200, envelope({"run_slug": "R"}), JSON, delay=0.5))
    server.always(json_reply({"run_slug": "SECOND"}))
    with pytest.raises(ce.APITimeoutError):
        ce.rerun_worker_last_run(client, "o/n")
    assert len(server.requests) == 1


def test_rerun_retries_429_which_rejects_before_processing(
    server: LoopbackServer, client: ce.CoreClawClient, sleeps: list[float]
) -> None:
    server.queue(
        status(429, 13000), status(429, 13000, {"Retry-After": "3"}), json_reply({"run_slug": "R"})
    )
    assert ce.rerun_worker_last_run(client, "o/n").run_slug == "R"
    assert len(server.requests) == 3
    assert sleeps == [0.375, 3.0]


def test_rerun_retries_when_the_connection_never_opened(
    make_client: ClientFactory, sleeps: list[float]
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = make_client(base_url=f"http://127.0.0.1:{port}", sleep=sleeps.append)
    with pytest.raises(ce.APIConnectionError):
        ce.rerun_worker_last_run(client, "o/n")
    assert len(sleeps) == 2


def test_rerun_retry_unsafe_opt_in(server: LoopbackServer, make_client: ClientFactory) -> None:
    per_call = make_client()
    server.queue(status(503))
    server.always(json_reply({"run_slug": "R"}))
    assert ce.rerun_worker_last_run(per_call, "o/n", retry_unsafe=True).run_slug == "R"
    assert len(server.requests) == 2
    server.reset()
    per_client = make_client(retry_unsafe=True)
    server.queue(status(502))
    server.always(json_reply({"run_slug": "R"}))
    assert ce.rerun_worker_last_run(per_client, "o/n").run_slug == "R"
    assert len(server.requests) == 2


def test_async_follows_the_same_policy(server: LoopbackServer, make_client: ClientFactory) -> None:
    delays: list[float] = []

    async def record(seconds: float) -> None:
        delays.append(seconds)

    client = make_client(async_sleep=record, jitter=lambda: 0.0)
    server.queue(status(503), json_reply(RUN))
    assert arun(client, ce.aget_worker_run(client, "R")).slug == "R"
    server.queue(status(503))
    with pytest.raises(ce.InternalServerError):
        arun(client, ce.arerun_worker_last_run(client, "o/n"))
    assert [r.method for r in server.requests] == ["GET", "GET", "POST"]
    assert delays == [0.25]


def test_each_retry_is_logged_once_at_info(
    server: LoopbackServer, client: ce.CoreClawClient, caplog: pytest.LogCaptureFixture
) -> None:
    server.queue(status(503), status(429, 13000), json_reply(RUN))
    with caplog.at_level(logging.INFO, logger="coreclaw_ext"):
        ce.get_worker_run(client, "R")
    lines = [
        r.getMessage()
        for r in caplog.records
        if r.name == "coreclaw_ext" and r.levelno == logging.INFO
    ]
    assert lines == [
        "retrying GET /api/v2/worker-runs/R in 0.38 s (retry 1 of 2) after HTTP 503 code 10000",
        "retrying GET /api/v2/worker-runs/R in 0.75 s (retry 2 of 2) after HTTP 429 code 13000",
    ]


def test_nothing_logged_at_info_without_retries(
    server: LoopbackServer, client: ce.CoreClawClient, caplog: pytest.LogCaptureFixture
) -> None:
    server.queue(json_reply(RUN))
    with caplog.at_level(logging.INFO, logger="coreclaw_ext"):
        ce.get_worker_run(client, "R")
    assert [r for r in caplog.records if r.name == "coreclaw_ext"] == []


@pytest.mark.parametrize(
    ("index", "jitter", "expected"),
    [
        (0, 0.0, 0.25),
        (0, 0.999, 0.49975),
        (1, 0.0, 0.5),
        (3, 0.0, 2.0),
        (4, 0.0, 4.0),
        (5, 0.0, 4.0),
        (9, 0.999, 7.996),
    ],
)
def test_backoff_is_exponential_capped_and_jittered(
    index: int, jitter: float, expected: float
) -> None:
    assert RetryPolicy(jitter=lambda: jitter).delay(index) == pytest.approx(expected)


NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("7", 7.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("-5", 0.0),
        ("99999", 60.0),
        ("inf", 60.0),
        ("nan", None),
        ("soon", None),
        ("", None),
        (format_datetime(datetime.fromtimestamp(NOW + 12, UTC), usegmt=True), 12.0),
        (format_datetime(datetime.fromtimestamp(NOW - 30, UTC), usegmt=True), 0.0),
        ("Wed, 21 Oct 2015 07:28:00", None),
    ],
)
def test_retry_after_parsing(value: str, expected: float | None) -> None:
    result = parse_retry_after({"retry-after": value}, now=NOW)
    assert result == (pytest.approx(expected) if expected is not None else None)


def test_retry_after_absent() -> None:
    assert parse_retry_after({}) is None


def test_one_debug_line_per_exchange_with_request_id(
    server: LoopbackServer, client: ce.CoreClawClient, caplog: pytest.LogCaptureFixture
) -> None:
    server.queue(status(503), Reply(200, envelope(RUN, request_id="req-abc"), JSON))
    with caplog.at_level(logging.DEBUG, logger="coreclaw_ext"):
        ce.get_worker_run(client, "R")
    lines = [
        r.getMessage()
        for r in caplog.records
        if r.name == "coreclaw_ext" and r.levelno == logging.DEBUG
    ]
    assert len(lines) == 2
    assert lines[0].startswith("GET /api/v2/worker-runs/R -> 503 in ")
    assert lines[0].endswith("(attempt 1) request_id=req-test")
    assert lines[1].startswith("GET /api/v2/worker-runs/R -> 200 in ")
    assert lines[1].endswith("(attempt 2) request_id=req-abc")
