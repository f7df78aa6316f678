"""The reliability tables again, through the async API on both async backends.

``async_backend="aiohttp"`` replaces only the inner transport, so auth, path encoding,
retries, timeouts, redaction and error mapping must behave exactly as on httpx's own.
"""

from __future__ import annotations

import asyncio
import io
import socket
import time
from typing import Any

import httpx
import pytest

import coreclaw_ext as ce
from coreclaw_ext import errors
from tests import test_error_mapping, test_hostile_server, test_path_encoding, test_secret_canary
from tests.conftest import TEST_KEY, ClientFactory, arun
from tests.fast_server_proc import fast_server
from tests.loopback import LoopbackServer, Reply, envelope, json_reply

BACKENDS = ["httpx", "aiohttp"]
JSON = {"Content-Type": "application/json"}


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="async_backend"):
        ce.create_client("k", async_backend="trio")  # type: ignore[arg-type]


def test_missing_aiohttp_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "aiohttp" else real(name, *a)
    )
    with pytest.raises(ImportError, match=r"coreclaw-openapi\[aiohttp\]"):
        ce.create_client("k", async_backend="aiohttp")


@pytest.mark.parametrize(("value", "path"), test_path_encoding.WIRE_WORKER)
def test_path_encoding(
    server: LoopbackServer, make_client: ClientFactory, backend: str, value: str, path: str
) -> None:
    client = make_client(async_backend=backend)
    server.queue(json_reply({"run_slug": "R"}))
    arun(client, ce.arerun_worker_last_run(client, value))
    assert [r.target for r in server.requests] == [path]


@pytest.mark.parametrize(
    ("mode", "header", "value", "query"),
    [
        ("bearer", "authorization", f"Bearer {TEST_KEY}", ""),
        ("api-key", "api-key", TEST_KEY, ""),
        ("query", None, None, f"token={TEST_KEY}"),
    ],
)
def test_auth_modes(
    server: LoopbackServer,
    make_client: ClientFactory,
    backend: str,
    mode: str,
    header: str | None,
    value: str | None,
    query: str,
) -> None:
    client = make_client(auth=mode, async_backend=backend)
    server.queue(json_reply({"run_slug": "R"}))
    arun(client, ce.arerun_worker_last_run(client, "o/n", is_async=True, limit=3))
    rec = server.requests[0]
    assert rec.json() == {"is_async": True, "limit": 3}
    assert rec.headers["user-agent"].startswith("coreclaw-openapi/")
    if header:
        assert rec.headers[header] == value and rec.query == ""
    else:
        assert rec.query == query and "authorization" not in rec.headers


@pytest.mark.parametrize(
    ("reply", "cls", "code", "name", "fragment"),
    [pytest.param(*row[1:], id=row[0]) for row in test_error_mapping.TABLE],
)
def test_error_mapping(
    server: LoopbackServer,
    make_client: ClientFactory,
    backend: str,
    reply: Reply,
    cls: type[Exception],
    code: int | None,
    name: str | None,
    fragment: str,
) -> None:
    client = make_client(max_retries=0, async_backend=backend)
    server.queue(reply)
    with pytest.raises(ce.CoreClawError) as info:
        arun(client, ce.aget_worker_run(client, "R"))
    assert type(info.value) is cls
    assert fragment in str(info.value)
    if isinstance(info.value, errors.APIError):
        assert (info.value.status_code, info.value.code, info.value.code_name) == (
            reply.status,
            code,
            name,
        )


def test_connection_refused(make_client: ClientFactory, backend: str) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    delays: list[float] = []

    async def record(seconds: float) -> None:
        delays.append(seconds)

    client = make_client(
        base_url=f"http://127.0.0.1:{port}", async_backend=backend, async_sleep=record
    )
    with pytest.raises(ce.APIConnectionError) as info:
        arun(client, ce.arerun_worker_last_run(client, "o/n"))
    assert not isinstance(info.value, ce.APITimeoutError)
    assert len(delays) == 2  # never reached the server: safe to retry even a rerun


@pytest.mark.parametrize("name", list(test_hostile_server.SCENARIOS))
def test_hostile_scenarios(
    server: LoopbackServer, make_client: ClientFactory, backend: str, name: str
) -> None:
    scenario = test_hostile_server.SCENARIOS[name]
    delays: list[float] = []

    async def record(seconds: float) -> None:
        delays.append(seconds)

    client = make_client(
        timeout=test_hostile_server.READ_TIMEOUT,
        async_sleep=record,
        jitter=lambda: 0.999,
        async_backend=backend,
    )
    server.queue(*scenario.replies)
    server.always(
        json_reply(
            {"run_slug": "R"} if scenario.op == "rerun" else {"slug": "R", "status": "running"}
        )
    )
    call: Any = (
        ce.arerun_worker_last_run(client, "o/n")
        if scenario.op == "rerun"
        else ce.aget_worker_run(client, "R")
    )
    started = time.monotonic()
    try:
        arun(client, call)
    except ce.CoreClawError as exc:
        assert scenario.outcome is not None and isinstance(exc, scenario.outcome), repr(exc)
    else:
        assert scenario.outcome is None
    assert len(server.requests) == scenario.requests
    assert sum(delays) <= scenario.max_sleep + 1e-9
    assert time.monotonic() - started < scenario.requests * 2.5 + 1.0


def test_sync_run_gets_the_long_read_timeout(
    server: LoopbackServer, make_client: ClientFactory, backend: str
) -> None:
    client = make_client(timeout=0.3, sync_run_timeout=3.0, max_retries=0, async_backend=backend)
    server.queue(
        Reply(
            200,
            envelope({"run_slug": "R", "run_status": "succeeded", "is_finished": True}),
            JSON,
            delay=0.8,
        )
    )
    assert arun(client, ce.arerun_worker_last_run(client, "o/n", is_async=False)).run_slug == "R"
    server.queue(Reply(200, envelope({"run_slug": "R"}), JSON, delay=0.8))
    with pytest.raises(ce.APITimeoutError):
        arun(client, ce.arerun_worker_last_run(client, "o/n"))
    assert len(server.requests) == 2


@pytest.mark.parametrize("scenario", list(test_secret_canary.SCENARIOS))
@pytest.mark.parametrize("mode", ["bearer", "api-key", "query"])
def test_canary(
    server: LoopbackServer,
    make_client: ClientFactory,
    all_logs: io.StringIO,
    backend: str,
    mode: str,
    scenario: str,
) -> None:
    canary = test_secret_canary.CANARY
    client = make_client(api_key=canary, auth=mode, timeout=0.15, async_backend=backend)
    server.queue(*test_secret_canary.SCENARIOS[scenario])
    error: BaseException | None = None
    try:
        arun(client, ce.aget_worker_run(client, "R"))
    except ce.CoreClawError as exc:
        error = exc
    assert server.requests
    assert all_logs.getvalue()
    assert canary not in all_logs.getvalue()
    assert canary not in test_secret_canary.seen_text(error, client)


def test_aiohttp_fan_out_with_rate_limits(make_client: ClientFactory) -> None:
    total, in_flight = 2000, 100

    async def short_sleep(seconds: float) -> None:
        await asyncio.sleep(min(seconds, 0.01))

    with fast_server(rate_limit=True) as server:
        client = make_client(
            base_url=server.url,
            async_sleep=short_sleep,
            async_backend="aiohttp",
            max_connections=in_flight,
        )

        async def main() -> list[str]:
            gate = asyncio.Semaphore(in_flight)

            async def one(i: int) -> str:
                async with gate:
                    return (await ce.arerun_worker_last_run(client, f"w-{i}")).run_slug

            return await asyncio.gather(*(one(i) for i in range(total)))

        slugs = arun(client, main())
        stats = server.stats()
    assert slugs == [f"run-w-{i}" for i in range(total)]
    assert (
        stats["limited"] == total // 10 and stats["accepted"] == total and stats["duplicates"] == 0
    )
    assert stats["connections"] <= in_flight + 1  # + the stats request


def test_aiohttp_errors_never_carry_the_query_token(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    # aiohttp's own exception text names the full URL; nothing of it may reach the traceback.
    import traceback

    canary = test_secret_canary.CANARY
    client = make_client(
        api_key=canary,
        auth="query",
        async_backend="aiohttp",
        max_connections=1,
        max_retries=0,
        timeout=httpx.Timeout(connect=5, read=5, write=5, pool=0.2),
    )
    server.always(Reply(200, envelope({"slug": "R", "status": "running"}), JSON, delay=1.0))

    async def two() -> list[object]:
        return await asyncio.gather(
            ce.aget_worker_run(client, "R1"),
            ce.aget_worker_run(client, "R2"),
            return_exceptions=True,
        )

    outcomes = arun(client, two())
    errors_seen = [o for o in outcomes if isinstance(o, BaseException)]
    assert errors_seen, outcomes
    for err in errors_seen:
        assert isinstance(err, ce.APITimeoutError)
        assert canary not in "".join(traceback.format_exception(err))
