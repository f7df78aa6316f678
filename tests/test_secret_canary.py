"""A unique canary key goes through every failure path in every auth mode and is never seen.

Logging is at DEBUG for every logger (ours, httpx, httpcore); what is checked is everything a
user could print: log records with their tracebacks, exception text, reprs and tracebacks,
client reprs, and the URLs held by errors.
"""

from __future__ import annotations

import io
import json
import socket
import traceback
from collections.abc import Callable

import pytest

import coreclaw_ext as ce
from tests.conftest import ClientFactory, arun
from tests.loopback import LoopbackServer, Reply, envelope, json_reply

CANARY = "ck_live_CANARY_7f3a9c1e5b2d"
JSON = {"Content-Type": "application/json"}


def err(status: int, code: int, message: str = "failure") -> Reply:
    return Reply(status, envelope(None, code=code, message=message), JSON)


SCENARIOS: dict[str, list[Reply]] = {
    "400": [err(400, 11000)],
    "401": [err(401, 12001)],
    "404": [err(404, 11004)],
    "422": [err(422, 11000)],
    "429 exhausted": [err(429, 13000)] * 3,
    "500 exhausted": [err(500, 10000)] * 3,
    "502 html": [Reply(502, b"<html>bad gateway</html>")] * 3,
    "503 then ok": [err(503, 10000), json_reply({"slug": "R", "status": "running"})],
    "200 code": [err(200, 70001)],
    "truncated json": [Reply(200, b'{"code": 0, "mess', JSON)],
    "echoed key in message": [err(400, 11000, f"bad token {CANARY} in /x?token={CANARY}")],
    "echoed key in html": [
        Reply(500, f"<pre>GET /api?token={CANARY}&a=1 api-key: {CANARY}</pre>".encode())
    ]
    * 3,
    "echoed key in details and request id": [
        Reply(
            422,
            json.dumps(
                {
                    "code": 11000,
                    "message": "bad",
                    "request_id": CANARY,
                    "details": [f"token={CANARY}"],
                }
            ).encode(),
            JSON,
        )
    ],
    "echoed key in header": [
        Reply(404, envelope(None, code=11004, message="nf"), {**JSON, "X-Debug": CANARY})
    ],
    "read timeout": [Reply(200, envelope({"slug": "R", "status": "x"}), JSON, delay=0.4)] * 3,
    "reset": [Reply(200, b"", fault="reset")] * 3,
    "reset mid body": [Reply(200, envelope({"slug": "R", "status": "x"}), JSON, fault="truncate")]
    * 3,
}


def seen_text(err: BaseException | None, client: ce.CoreClawClient) -> str:
    parts = [repr(client), str(client)]
    if err is not None:
        parts += [str(err), repr(err), "".join(traceback.format_exception(err))]
        for attr in ("url", "message", "body_excerpt", "headers", "details", "request_id"):
            parts.append(repr(getattr(err, attr, None)))
    return "\n".join(parts)


Call = Callable[[ce.CoreClawClient], object]
CALLS: dict[str, Call] = {
    "get": lambda c: ce.get_worker_run(c, "R"),
    "rerun": lambda c: ce.rerun_worker_last_run(c, "o/n", is_async=False),
    "async get": lambda c: arun(c, ce.aget_worker_run(c, "R")),
}


@pytest.mark.parametrize("call", list(CALLS), ids=list(CALLS))
@pytest.mark.parametrize("scenario", list(SCENARIOS))
@pytest.mark.parametrize("mode", ["bearer", "api-key", "query"])
def test_canary_key_never_shows(
    server: LoopbackServer,
    make_client: ClientFactory,
    all_logs: io.StringIO,
    mode: str,
    scenario: str,
    call: str,
) -> None:
    client = make_client(api_key=CANARY, auth=mode, timeout=0.15, sync_run_timeout=0.15)
    server.queue(*SCENARIOS[scenario])
    error: BaseException | None = None
    try:
        CALLS[call](client)
    except ce.CoreClawError as exc:
        error = exc
    assert server.requests, "the scenario must have reached the server"
    sent = server.requests[0]
    assert CANARY in (
        sent.headers.get("authorization", "") + sent.headers.get("api-key", "") + sent.target
    )
    logs = all_logs.getvalue()
    assert logs, "DEBUG logging captured nothing"
    assert CANARY not in logs
    assert CANARY not in seen_text(error, client)


def test_canary_never_shows_on_connection_refused(
    make_client: ClientFactory, all_logs: io.StringIO
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    for mode in ("bearer", "api-key", "query"):
        client = make_client(api_key=CANARY, auth=mode, base_url=f"http://127.0.0.1:{port}")
        with pytest.raises(ce.APIConnectionError) as info:
            ce.get_worker_run(client, "R")
        assert CANARY not in seen_text(info.value, client)
    assert CANARY not in all_logs.getvalue()
