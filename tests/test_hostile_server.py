"""A fault-injecting server: each scenario ends in the right exception or a successful retry,
within the retry budget, and a run-creating POST is never sent twice once the server got it."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

import pytest

import coreclaw_ext as ce
from tests.conftest import ClientFactory
from tests.loopback import LoopbackServer, Reply, envelope, json_reply

JSON = {"Content-Type": "application/json"}
RUN = {"slug": "R", "status": "running"}
ACCEPTED = {"run_slug": "R"}
READ_TIMEOUT = 0.3


def err(status: int, code: int, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, envelope(None, code=code, message="failure"), {**JSON, **(headers or {})})


HUGE_HTML = b"<html>" + b"<p>proxy error</p>" * 1_000_000 + b"</html>"  # about 18 MB
HUGE_PAGE = envelope({"count": 20000, "list": [{"title": "x" * 100, "n": i} for i in range(20000)]})


@dataclass(frozen=True)
class Scenario:
    op: str  # "get" (idempotent) or "rerun" (creates a run)
    replies: tuple[Reply, ...]
    outcome: type[Exception] | None  # None: success
    requests: int  # what the server must have seen
    max_sleep: float  # retry budget in seconds of backoff


SCENARIOS: dict[str, Scenario] = {
    "get reset before answer, then ok": Scenario(
        "get", (Reply(fault="reset"), json_reply(RUN)), None, 2, 0.5
    ),
    "get reset mid-body, then ok": Scenario(
        "get", (Reply(200, envelope(RUN), JSON, fault="truncate"), json_reply(RUN)), None, 2, 0.5
    ),
    "get slow headers, then ok": Scenario(
        "get", (Reply(200, envelope(RUN), JSON, delay=0.6), json_reply(RUN)), None, 2, 0.5
    ),
    "get stalled body, then ok": Scenario(
        "get", (Reply(200, envelope(RUN), JSON, fault="stall"), json_reply(RUN)), None, 2, 0.5
    ),
    "get 503 storm": Scenario("get", (err(503, 10000),) * 10, ce.InternalServerError, 3, 1.5),
    "get 503 storm then ok": Scenario(
        "get", (err(503, 10000), err(503, 10000), json_reply(RUN)), None, 3, 1.5
    ),
    "get 429 without Retry-After": Scenario(
        "get", (err(429, 13000), json_reply(RUN)), None, 2, 0.5
    ),
    "get 429 with Retry-After 2": Scenario(
        "get", (err(429, 13000, {"Retry-After": "2"}), json_reply(RUN)), None, 2, 2.0
    ),
    "get 429 with Retry-After 10 days": Scenario(
        "get", (err(429, 13000, {"Retry-After": "864000"}), json_reply(RUN)), None, 2, 60.0
    ),
    "get 429 storm": Scenario("get", (err(429, 13000),) * 10, ce.RateLimitError, 3, 1.5),
    "get truncated JSON": Scenario(
        "get",
        (Reply(200, b'{"code": 0, "message": "success", "data": {"sl', JSON),),
        ce.UnexpectedResponseError,
        1,
        0.0,
    ),
    "get HTML error page": Scenario(
        "get",
        (Reply(502, b"<html><h1>502</h1></html>", {"Content-Type": "text/html"}),) * 3,
        ce.InternalServerError,
        3,
        1.5,
    ),
    "get huge HTML error page": Scenario(
        "get",
        (Reply(500, HUGE_HTML, {"Content-Type": "text/html"}),) * 3,
        ce.InternalServerError,
        3,
        1.5,
    ),
    "get invalid UTF-8": Scenario(
        "get",
        (Reply(200, b'{"code": 0, "message": "\xc3\x28", "data": {}}', JSON),),
        ce.UnexpectedResponseError,
        1,
        0.0,
    ),
    "get wrong JSON types": Scenario(
        "get",
        (Reply(200, envelope({"slug": ["R"], "status": {"a": 1}, "results": "many"}), JSON),),
        ce.UnexpectedResponseError,
        1,
        0.0,
    ),
    "get data is a list": Scenario(
        "get", (Reply(200, envelope([RUN]), JSON),), ce.UnexpectedResponseError, 1, 0.0
    ),
    "rerun reset before answer": Scenario(
        "rerun", (Reply(fault="reset"),), ce.APIConnectionError, 1, 0.0
    ),
    "rerun reset mid-body": Scenario(
        "rerun",
        (Reply(200, envelope(ACCEPTED), JSON, fault="truncate"),),
        ce.APIConnectionError,
        1,
        0.0,
    ),
    "rerun slow headers": Scenario(
        "rerun", (Reply(200, envelope(ACCEPTED), JSON, delay=0.6),), ce.APITimeoutError, 1, 0.0
    ),
    "rerun stalled body": Scenario(
        "rerun", (Reply(200, envelope(ACCEPTED), JSON, fault="stall"),), ce.APITimeoutError, 1, 0.0
    ),
    "rerun 503 storm": Scenario("rerun", (err(503, 10000),) * 10, ce.InternalServerError, 1, 0.0),
    "rerun 500 once": Scenario(
        "rerun", (err(500, 10000), json_reply(ACCEPTED)), ce.InternalServerError, 1, 0.0
    ),
    "rerun 429 then ok": Scenario("rerun", (err(429, 13000), json_reply(ACCEPTED)), None, 2, 0.5),
    "rerun 429 with Retry-After 1, then ok": Scenario(
        "rerun", (err(429, 13000, {"Retry-After": "1"}), json_reply(ACCEPTED)), None, 2, 1.0
    ),
    "rerun HTML error page": Scenario(
        "rerun", (Reply(502, b"<html>bad gateway</html>"),) * 3, ce.InternalServerError, 1, 0.0
    ),
    "rerun truncated JSON": Scenario(
        "rerun", (Reply(200, b'{"code": 0, "mess', JSON),), ce.UnexpectedResponseError, 1, 0.0
    ),
    "rerun huge body": Scenario(
        "rerun", (Reply(200, HUGE_PAGE, JSON),), ce.UnexpectedResponseError, 1, 0.0
    ),
}


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_hostile_scenario(server: LoopbackServer, make_client: ClientFactory, name: str) -> None:
    scenario = SCENARIOS[name]
    sleeps: list[float] = []
    client = make_client(timeout=READ_TIMEOUT, sleep=sleeps.append, jitter=lambda: 0.999)
    server.queue(*scenario.replies)
    server.always(json_reply(ACCEPTED if scenario.op == "rerun" else RUN))
    started = time.monotonic()
    try:
        if scenario.op == "get":
            result: object = ce.get_worker_run(client, "R")
        else:
            result = ce.rerun_worker_last_run(client, "o/n")
    except ce.CoreClawError as exc:
        assert scenario.outcome is not None, f"unexpected failure {exc!r}"
        assert type(exc) is scenario.outcome or isinstance(exc, scenario.outcome), repr(exc)
    else:
        assert scenario.outcome is None, f"expected {scenario.outcome}, got {result!r}"
    elapsed = time.monotonic() - started
    assert len(server.requests) == scenario.requests
    if scenario.op == "rerun":
        posts = [r for r in server.requests if r.method == "POST"]
        refused_first = all(json.loads(r.body or b"{}") == {} for r in posts)
        assert refused_first
    assert sum(sleeps) <= scenario.max_sleep + 1e-9
    # Real time: attempts * (read timeout or a stall) plus slack; backoff sleeps are not real here.
    assert elapsed < scenario.requests * 2.5 + 1.0


def test_huge_error_page_gives_a_short_message(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(max_retries=0)
    server.queue(Reply(500, HUGE_HTML))
    with pytest.raises(ce.InternalServerError) as info:
        ce.get_worker_run(client, "R")
    assert len(str(info.value)) < 300
