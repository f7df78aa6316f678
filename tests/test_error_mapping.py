"""Every kind of failed answer becomes one typed exception, decided before the generated parser runs."""

from __future__ import annotations

import json
import socket
from typing import Any

import httpx
import pytest
from coreclaw_api.api.worker_runs import get_worker_run as get_worker_run_op
from coreclaw_api.client import AuthenticatedClient

import coreclaw_ext as ce
from coreclaw_ext import errors
from tests.conftest import ClientFactory
from tests.loopback import LoopbackServer, Reply, envelope, json_reply

JSON = {"Content-Type": "application/json"}


def err_body(code: int, message: str, **extra: Any) -> bytes:
    return json.dumps({"code": code, "message": message, "request_id": "req-err", **extra}).encode()


# (reply, exception class, code, code name, message fragment)
TABLE: list[tuple[str, Reply, type[Exception], int | None, str | None, str]] = [
    (
        "200 body claims gzip but is not",
        Reply(200, b"not gzip at all", {**JSON, "Content-Encoding": "gzip"}),
        errors.UnexpectedResponseError,
        None,
        None,
        "cannot be decoded",
    ),
    (
        "200 JSON nested past the stack",
        Reply(200, b"[" * 100_000, JSON),
        errors.UnexpectedResponseError,
        None,
        None,
        "not JSON",
    ),
    (
        "500 JSON nested past the stack",
        Reply(500, b"[" * 100_000, JSON),
        errors.InternalServerError,
        None,
        None,
        "[[[[",
    ),
    (
        "429 Retry-After in the year 10^20",
        Reply(
            429,
            err_body(13000, "too many requests"),
            {**JSON, "Retry-After": "Mon, 01 Jan 99999999999999999999 00:00:00 GMT"},
        ),
        errors.RateLimitError,
        13000,
        "RATE_LIMITED",
        "too many requests",
    ),
    (
        "400",
        Reply(400, err_body(11000, "invalid argument"), JSON),
        errors.BadRequestError,
        11000,
        "INVALID_ARGUMENT",
        "invalid argument",
    ),
    (
        "401",
        Reply(401, err_body(12001, "authentication required"), JSON),
        errors.AuthenticationError,
        12001,
        "UNAUTHORIZED",
        "authentication required",
    ),
    (
        "404",
        Reply(404, err_body(11004, "not found"), JSON),
        errors.NotFoundError,
        11004,
        "NOT_FOUND",
        "not found",
    ),
    (
        "422",
        Reply(422, err_body(11000, "invalid argument", details=["limit"]), JSON),
        errors.UnprocessableEntityError,
        11000,
        "INVALID_ARGUMENT",
        "invalid argument",
    ),
    (
        "429",
        Reply(429, err_body(13000, "too many requests"), JSON),
        errors.RateLimitError,
        13000,
        "RATE_LIMITED",
        "too many requests",
    ),
    (
        "500",
        Reply(500, err_body(10000, "internal server error"), JSON),
        errors.InternalServerError,
        10000,
        "SYSTEM_ERROR",
        "internal server error",
    ),
    (
        "403 plain APIError",
        Reply(403, err_body(12001, "forbidden"), JSON),
        errors.APIError,
        12001,
        "UNAUTHORIZED",
        "forbidden",
    ),
    ("409 plain APIError", Reply(409, b"conflict"), errors.APIError, None, None, "conflict"),
    (
        "HTML 502",
        Reply(
            502,
            b"<html><body><h1>502 Bad Gateway</h1>\n</body></html>",
            {"Content-Type": "text/html"},
        ),
        errors.InternalServerError,
        None,
        None,
        "502 Bad Gateway",
    ),
    ("empty 500", Reply(500, b""), errors.InternalServerError, None, None, "(empty body)"),
    (
        "503 text",
        Reply(503, b"upstream unavailable"),
        errors.InternalServerError,
        None,
        None,
        "upstream unavailable",
    ),
    (
        "520 non-IANA",
        Reply(520, b"origin error", reason="Unknown"),
        errors.InternalServerError,
        None,
        None,
        "origin error",
    ),
    (
        "599 non-IANA",
        Reply(599, b"", reason="Whatever"),
        errors.InternalServerError,
        None,
        None,
        "(empty body)",
    ),
    (
        "404 wrong shape",
        Reply(404, b'{"detail": "nope"}', JSON),
        errors.NotFoundError,
        None,
        None,
        "detail",
    ),
    (
        "200 code 11004",
        Reply(200, err_body(11004, "not found"), JSON),
        errors.NotFoundError,
        11004,
        "NOT_FOUND",
        "not found",
    ),
    (
        "200 code 70001",
        Reply(200, err_body(70001, "run record does not exist"), JSON),
        errors.NotFoundError,
        70001,
        "RUN_NOT_FOUND",
        "run record",
    ),
    (
        "200 code 12002",
        Reply(200, err_body(12002, "invalid token"), JSON),
        errors.AuthenticationError,
        12002,
        "INVALID_TOKEN",
        "invalid token",
    ),
    (
        "200 code 13000",
        Reply(200, err_body(13000, "too many requests"), JSON),
        errors.RateLimitError,
        13000,
        "RATE_LIMITED",
        "too many",
    ),
    (
        "200 code 14000",
        Reply(200, err_body(14000, "database error"), JSON),
        errors.InternalServerError,
        14000,
        "DATABASE_ERROR",
        "database",
    ),
    (
        "200 code 30003",
        Reply(200, err_body(30003, "plan limit"), JSON),
        errors.APIError,
        30003,
        "PLAN_CONCURRENCY_LIMITED",
        "plan limit",
    ),
    (
        "200 code 99999",
        Reply(200, err_body(99999, "new thing"), JSON),
        errors.APIError,
        99999,
        None,
        "new thing",
    ),
    (
        "200 truncated JSON",
        Reply(200, b'{"code": 0, "message": "succ', JSON),
        errors.UnexpectedResponseError,
        None,
        None,
        "not JSON",
    ),
    (
        "200 HTML",
        Reply(200, b"<html>maintenance</html>", {"Content-Type": "text/html"}),
        errors.UnexpectedResponseError,
        None,
        None,
        "not JSON",
    ),
    ("200 empty", Reply(200, b""), errors.UnexpectedResponseError, None, None, "not JSON"),
    (
        "200 JSON list",
        Reply(200, b"[1, 2]", JSON),
        errors.UnexpectedResponseError,
        None,
        None,
        "not a JSON object",
    ),
    (
        "200 code string",
        Reply(200, b'{"code": "0", "message": "ok"}', JSON),
        errors.UnexpectedResponseError,
        None,
        None,
        "integer 'code'",
    ),
    (
        "200 no message",
        Reply(200, b'{"code": 0, "data": {"slug": "R", "status": "x"}}', JSON),
        errors.UnexpectedResponseError,
        None,
        None,
        "'message'",
    ),
    (
        "200 no data",
        Reply(200, envelope(None), JSON),
        errors.UnexpectedResponseError,
        None,
        None,
        "lacks 'data'",
    ),
    (
        "200 data string",
        Reply(200, envelope("oops"), JSON),
        errors.UnexpectedResponseError,
        None,
        None,
        "data: expected object, got string",
    ),
    (
        "200 invalid UTF-8",
        Reply(200, b'{"code": 0, "message": "\xff\xfe"}', JSON),
        errors.UnexpectedResponseError,
        None,
        None,
        "not JSON",
    ),
    (
        "299 non-IANA 2xx",
        Reply(299, envelope({"slug": "R", "status": "x"}), JSON, reason="Odd"),
        errors.UnexpectedResponseError,
        None,
        None,
        "299",
    ),
    (
        "302 redirect",
        Reply(302, b"", {"Location": "/elsewhere"}),
        errors.UnexpectedResponseError,
        None,
        None,
        "302",
    ),
    (
        "201 undocumented",
        Reply(201, envelope({"slug": "R", "status": "x"}), JSON),
        errors.UnexpectedResponseError,
        None,
        None,
        "201",
    ),
    (
        "200 data wrong nested type",
        Reply(200, envelope({"slug": "R"}), JSON),
        errors.UnexpectedResponseError,
        None,
        None,
        "missing required field 'status'",
    ),
]


@pytest.mark.parametrize(
    ("reply", "cls", "code", "name", "fragment"),
    [pytest.param(*row[1:], id=row[0]) for row in TABLE],
)
def test_failed_answers_map_to_one_exception(
    server: LoopbackServer,
    make_client: ClientFactory,
    reply: Reply,
    cls: type[Exception],
    code: int | None,
    name: str | None,
    fragment: str,
) -> None:
    client = make_client(max_retries=0)
    server.queue(reply)
    with pytest.raises(ce.CoreClawError) as info:
        ce.get_worker_run(client, "R")
    err = info.value
    assert type(err) is cls
    assert fragment in str(err)
    if isinstance(err, errors.APIError):
        assert err.status_code == reply.status
        assert err.code == code
        assert err.code_name == name
        if code is not None:
            assert err.request_id == "req-err"
            assert f"code {code}" in str(err) and "req-err" in str(err)
    else:
        assert isinstance(err, errors.UnexpectedResponseError)


def test_error_fields_and_text(server: LoopbackServer, make_client: ClientFactory) -> None:
    client = make_client(max_retries=0)
    server.queue(
        Reply(
            422,
            err_body(11000, "invalid argument", details=["limit must be <= 100"]),
            {**JSON, "X-Trace": "t1"},
        )
    )
    with pytest.raises(errors.UnprocessableEntityError) as info:
        ce.list_worker_run_results(client, "R")
    err = info.value
    assert err.details == ["limit must be <= 100"]
    assert err.headers["x-trace"] == "t1"
    assert err.message == "invalid argument"
    assert (
        str(err) == "HTTP 422, code 11000 INVALID_ARGUMENT: invalid argument (request_id req-err)"
    )


def test_html_excerpt_is_short(server: LoopbackServer, make_client: ClientFactory) -> None:
    client = make_client(max_retries=0)
    server.queue(Reply(502, b"<html>" + b"x" * 50_000 + b"</html>"))
    with pytest.raises(errors.InternalServerError) as info:
        ce.get_worker_run(client, "R")
    assert len(str(info.value)) < 300


def test_rate_limit_error_carries_retry_after(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(max_retries=0)
    server.queue(Reply(429, err_body(13000, "too many requests"), {**JSON, "Retry-After": "7"}))
    with pytest.raises(errors.RateLimitError) as info:
        ce.get_worker_run(client, "R")
    assert info.value.retry_after == 7.0


def test_connection_refused_is_a_connection_error(make_client: ClientFactory) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client = make_client(base_url=f"http://127.0.0.1:{port}", max_retries=0)
    with pytest.raises(errors.APIConnectionError) as info:
        ce.get_worker_run(client, "R")
    assert not isinstance(info.value, errors.APITimeoutError)
    assert info.value.method == "GET"


def test_read_timeout_is_a_timeout_error(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(timeout=0.2, max_retries=0)
    server.queue(Reply(200, envelope({"slug": "R", "status": "x"}), JSON, delay=0.6))
    with pytest.raises(errors.APITimeoutError) as info:
        ce.get_worker_run(client, "R")
    assert "ReadTimeout" in str(info.value)


def test_unwrap_maps_errors_for_any_generated_client(server: LoopbackServer) -> None:
    """A plain generated client (no ext transport) lets the parser see the error envelope; unwrap maps it."""
    with AuthenticatedClient(base_url=server.url, token="t", timeout=httpx.Timeout(5.0)) as plain:
        server.queue(Reply(404, err_body(11004, "not found"), JSON))
        response = get_worker_run_op.sync_detailed("R", client=plain)
        with pytest.raises(errors.NotFoundError):
            ce.unwrap(response)
        server.queue(json_reply({"slug": "R", "status": "running"}))
        record = ce.unwrap(get_worker_run_op.sync_detailed("R", client=plain))
        assert record.status == "running"
        # The generated parser itself crashes (KeyError 'data') on a 200 carrying an error
        # envelope; call() recognises the crash and maps the response it was reading.
        server.queue(Reply(200, err_body(11004, "not found"), JSON))
        with pytest.raises(errors.NotFoundError):
            ce.call(get_worker_run_op.sync_detailed, "R", client=plain)
        server.queue(Reply(500, b"<html>oops</html>"))
        with pytest.raises(errors.InternalServerError):
            ce.call(get_worker_run_op.sync_detailed, "R", client=plain)
        server.queue(json_reply({"slug": "R"}))
        with pytest.raises(errors.UnexpectedResponseError, match="does not match the spec"):
            ce.call(get_worker_run_op.sync_detailed, "R", client=plain)


def test_call_keeps_caller_mistakes_as_they_are(make_client: ClientFactory) -> None:
    client = make_client()
    with pytest.raises(TypeError):
        ce.call(get_worker_run_op.sync_detailed, "R", client=client, bogus=1)
