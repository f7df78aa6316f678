"""The aiohttp transport's own shortcuts keep the behaviour of the plain path.

``_aiohttp.AiohttpTransport`` sends through aiohttp's connector directly on the aiohttp it was
checked against (3.14; ``session.request`` otherwise), hands a small answer that arrived whole
over already read (the transport above then skips its stream loop), keeps one
``aiohttp.ClientTimeout`` per timeout setting, and gives aiohttp no cookie jar. These tests pin
what each of those must not change: the error mapping and proxies on both send paths, the
attempt deadline still stopping slow headers, per-call timeouts, a response that looks as it
does after the stream was read, and cookies as on the httpx backend. The rest of the suite runs
the aiohttp backend on the direct path.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import aiohttp
import certifi
import httpx
import pytest

import coreclaw_ext as ce
from coreclaw_ext import _aiohttp
from coreclaw_ext._aiohttp import AiohttpTransport
from coreclaw_ext._body import aread_body
from tests.conftest import TEST_KEY, ClientFactory, arun
from tests.loopback import LoopbackServer, Reply, envelope, json_reply
from tests.test_limits import Answer, RawServer, head

JSON = {"Content-Type": "application/json"}
RUN = {"slug": "R", "status": "running"}


@pytest.fixture(params=["direct", "session.request"])
def send_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways the transport sends: through the connector directly, or session.request."""
    if request.param == "session.request":
        monkeypatch.setattr(_aiohttp, "_DIRECT_PATH", False)
    return str(request.param)


def sent_directly(client: ce.CoreClawClient) -> bool:
    transport = client._pools.async_
    assert transport is not None
    assert isinstance(transport, AiohttpTransport)
    return transport._direct


@pytest.fixture
def raw_server() -> Iterator[Callable[[Answer], RawServer]]:
    made: list[RawServer] = []

    def start(answer: Answer) -> RawServer:
        made.append(RawServer(answer))
        return made[-1]

    yield start
    for server in made:
        server.close()


def slow_headers(body: bytes, interval: float, pieces: int) -> Answer:
    """The status line and headers in ``pieces`` parts, ``interval`` apart; the body with the
    last part, so the whole answer is there the moment the headers are."""

    def answer(_conn: int, _index: int, sock: socket.socket) -> bool:
        data = head("200 OK", len(body))
        step = len(data) // pieces + 1
        for start in range(0, len(data), step):
            time.sleep(interval)
            end = start + step
            sock.sendall(data[start:end] + (body if end >= len(data) else b""))
        return True

    return answer


@pytest.mark.parametrize("backend", ["httpx", "aiohttp"])
def test_slow_headers_still_hit_the_attempt_deadline(
    raw_server: Callable[[Answer], RawServer], make_client: ClientFactory, backend: str
) -> None:
    # Six parts 0.1 s apart: each wait is within the 0.4 s read timeout, the whole (0.6 s) is
    # past the deadline, max(0.3, 0.4) = 0.4 s. The body comes whole with the last part, which
    # is the answer the aiohttp transport hands over read; it must not skip the deadline.
    server = raw_server(slow_headers(envelope({"run_slug": "R"}), 0.1, 6))
    client = make_client(
        base_url=server.url, async_backend=backend, timeout=0.4, attempt_deadline=0.3
    )
    with pytest.raises(ce.APITimeoutError, match=r"longer than its 0\.4 s deadline"):
        arun(client, ce.arerun_worker_last_run(client, "o/n"))
    assert len(server.requests) == 1  # a run start is never sent twice


def test_a_quick_small_answer_is_handed_over_read(server: LoopbackServer) -> None:
    body = envelope(RUN)
    server.queue(Reply(200, body, JSON), Reply(200, body, JSON))

    async def main() -> list[httpx.Response]:
        transport = AiohttpTransport()
        try:
            out = []
            for read in (30.0, None):  # no read timeout: nothing to compare with, streamed
                request = httpx.Request("GET", f"{server.url}/api/v2/worker-runs/R")
                request.extensions["timeout"] = {
                    "connect": 5.0,
                    "read": read,
                    "write": 5.0,
                    "pool": 5.0,
                }
                response = await transport.handle_async_request(request)
                if read is None:
                    assert not response.is_closed and "_content" not in response.__dict__
                await aread_body(response, 1 << 20, time.perf_counter() + 30)
                out.append(response)
            return out
        finally:
            await transport.aclose()

    read_at_once, streamed = asyncio.run(main())
    for response in (read_at_once, streamed):
        assert response.content == body
        assert response.is_closed and response.is_stream_consumed
        assert response.num_bytes_downloaded == len(body)
        assert response.headers["content-type"] == "application/json"
        assert response.headers.raw == streamed.headers.raw
        assert response.reason_phrase == "OK" and response.http_version == "HTTP/1.1"


def test_the_size_limit_applies_to_an_answer_handed_over_read(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(json_reply({"slug": "R", "status": "running", "pad": "x" * 4000}))
    client = make_client(async_backend="aiohttp", max_body_bytes=1024)
    with pytest.raises(ce.UnexpectedResponseError, match="larger than 1024 bytes"):
        arun(client, ce.aget_worker_run(client, "R"))


def test_per_call_timeouts_apply_with_the_kept_client_timeouts(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    # One transport, three timeout settings in turn: each call gets its own, whichever came
    # first (the aiohttp timeouts are kept per setting).
    server.always(Reply(200, envelope(RUN), JSON, delay=0.5))
    client = make_client(async_backend="aiohttp", timeout=0.2, max_retries=0)

    async def main() -> list[Any]:
        outcomes: list[Any] = []
        for seconds in (None, 2.0, None, 0.1, 2.0):
            try:
                with ce.call_options(timeout=seconds):
                    outcomes.append(await ce.aget_worker_run(client, "R"))
            except ce.APITimeoutError as exc:
                outcomes.append(exc)
        return outcomes

    outcomes = arun(client, main())
    kinds = ["timeout" if isinstance(o, ce.APITimeoutError) else o.slug for o in outcomes]
    assert kinds == ["timeout", "R", "timeout", "timeout", "R"]


@pytest.mark.parametrize("backend", ["httpx", "aiohttp"])
def test_cookies_are_sent_as_given_and_never_picked_up(
    server: LoopbackServer, make_client: ClientFactory, backend: str
) -> None:
    # aiohttp has a cookie jar of its own; the transport gives it none, so both backends send
    # the client's cookies and nothing a server set.
    set_cookie = {**JSON, "Set-Cookie": "session=abc; Path=/"}
    server.queue(
        Reply(200, envelope(RUN), set_cookie),
        Reply(200, envelope(RUN), set_cookie),
        json_reply(RUN),
    )
    # By name: aiohttp's jar ignores cookies from an IP address, so 127.0.0.1 would hide one.
    plain = make_client(
        base_url=server.url.replace("127.0.0.1", "localhost"), async_backend=backend
    )
    with_cookie = plain.with_cookies({"pref": "1"})

    async def main() -> None:
        await ce.aget_worker_run(plain, "R")
        await ce.aget_worker_run(plain, "R")
        await ce.aget_worker_run(with_cookie, "R")

    arun(plain, main())
    assert [r.headers.get("cookie") for r in server.requests] == [None, None, "pref=1"]


def test_a_ca_directory_works_as_on_httpx(
    server: LoopbackServer, make_client: ClientFactory, tmp_path: Any
) -> None:
    # create_client accepts a directory of hashed certificates for verify=; the aiohttp
    # transport, built at the first async call, must take it as httpx does (capath).
    server.queue(json_reply(RUN))
    client = make_client(async_backend="aiohttp", verify=str(tmp_path))
    assert arun(client, ce.aget_worker_run(client, "R")).slug == "R"


def test_a_ca_file_is_parsed_once_for_both_backends(
    server: LoopbackServer, make_client: ClientFactory, tmp_path: Any, monkeypatch: Any
) -> None:
    # create_client loads verify=<file> to check it; the aiohttp transport must use that
    # context rather than parse the bundle again at the first async call.
    bundle = tmp_path / "ca.pem"  # a new file: no context cached for it yet
    bundle.write_bytes(Path(certifi.where()).read_bytes())
    loads: list[object] = []
    real = ssl.SSLContext.load_verify_locations

    def counting(self: ssl.SSLContext, cafile: Any = None, *args: Any) -> None:
        loads.append(cafile)
        real(self, cafile, *args)

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", counting)
    server.queue(json_reply(RUN), json_reply(RUN))
    client = make_client(async_backend="aiohttp", verify=str(bundle))
    assert ce.get_worker_run(client, "R").slug == "R"
    assert arun(client, ce.aget_worker_run(client, "R")).slug == "R"
    assert loads.count(str(bundle)) == 1


# --- the direct path and session.request behave alike ---------------------------------------


def test_the_locked_aiohttp_takes_the_direct_path() -> None:
    # If this fails after an aiohttp upgrade, compare _aiohttp_direct.send_direct with the new
    # ClientSession._request (and _connect_and_send_request) before widening the gate in
    # _direct_path_fits: until then every call takes session.request, correct but slower.
    assert _aiohttp._DIRECT_PATH, aiohttp.__version__


def test_a_call_sends_the_same_request_on_both_paths(
    server: LoopbackServer, make_client: ClientFactory, send_path: str
) -> None:
    server.queue(json_reply({"run_slug": "R"}), json_reply(RUN))
    client = make_client(async_backend="aiohttp", headers={"X-Extra": "1"})

    async def main() -> tuple[str, str, bool]:
        started = await ce.arerun_worker_last_run(client, "o/n", is_async=True)
        run = await ce.aget_worker_run(client, "R")
        return started.run_slug, run.slug, sent_directly(client)

    assert arun(client, main()) == ("R", "R", send_path == "direct")
    post, get = server.requests
    assert (post.method, post.target, post.json()) == (
        "POST",
        "/api/v2/workers/o~n/runs/last/rerun",
        {"is_async": True},
    )
    assert (get.method, get.target, get.body) == ("GET", "/api/v2/worker-runs/R", b"")
    for rec in (post, get):
        assert rec.headers["authorization"] == f"Bearer {TEST_KEY}"
        assert rec.headers["user-agent"].startswith("coreclaw-openapi/")
        assert rec.headers["accept"] == "application/json"
        assert rec.headers["x-extra"] == "1"
        assert rec.headers["host"] == server.url.removeprefix("http://")
        assert "cookie" not in rec.headers
    assert post.headers["content-type"] == "application/json"
    assert post.headers["content-length"] == str(len(post.body))


def test_refused_connection_is_a_connect_error_on_both_paths(
    make_client: ClientFactory, send_path: str
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    delays: list[float] = []

    async def record(seconds: float) -> None:
        delays.append(seconds)

    client = make_client(
        base_url=f"http://127.0.0.1:{port}", async_backend="aiohttp", async_sleep=record
    )
    with pytest.raises(ce.APIConnectionError) as info:
        arun(client, ce.arerun_worker_last_run(client, "o/n"))
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert len(delays) == 2  # never reached the server: safe to retry even a rerun


def hang_up_after_reading(_conn: int, _index: int, _sock: socket.socket) -> bool:
    return False  # read the request, then close without a word


def reset_after_reading(_conn: int, _index: int, sock: socket.socket) -> bool:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    return False


@pytest.mark.parametrize("answer", [hang_up_after_reading, reset_after_reading])
def test_a_drop_after_sending_is_never_a_connect_error_on_both_paths(
    raw_server: Callable[[Answer], RawServer],
    make_client: ClientFactory,
    send_path: str,
    answer: Answer,
) -> None:
    server = raw_server(answer)
    client = make_client(base_url=server.url, async_backend="aiohttp", max_retries=3)
    with pytest.raises(ce.APIConnectionError) as info:
        arun(client, ce.arerun_worker_last_run(client, "o/n"))
    cause = info.value.__cause__
    assert isinstance(cause, httpx.TransportError)
    assert not isinstance(cause, httpx.ConnectError | httpx.ConnectTimeout), cause
    assert len(server.requests) == 1  # the run start was sent once, never again


def test_timeouts_map_alike_on_both_paths(
    server: LoopbackServer, make_client: ClientFactory, send_path: str
) -> None:
    # A pool wait past its timeout (one connection, busy) is a ConnectTimeout; a slow answer
    # is a ReadTimeout. Neither message shows the key sent as ?token=.
    import traceback

    server.always(Reply(200, envelope(RUN), JSON, delay=0.6))
    client = make_client(
        auth="query",
        async_backend="aiohttp",
        max_connections=1,
        max_retries=0,
        timeout=httpx.Timeout(connect=5, read=0.3, write=5, pool=0.1),
    )

    async def two() -> list[object]:
        first = ce.aget_worker_run(client, "R1")
        second = ce.aget_worker_run(client, "R2")
        return list(await asyncio.gather(first, second, return_exceptions=True))

    outcomes = arun(client, two())
    causes = sorted(type(o.__cause__).__name__ for o in outcomes if isinstance(o, BaseException))
    assert causes == ["ConnectTimeout", "ReadTimeout"], outcomes
    for outcome in outcomes:
        assert isinstance(outcome, ce.APITimeoutError)
        assert TEST_KEY not in "".join(traceback.format_exception(outcome))


def test_an_http_proxy_is_used_on_both_paths(
    server: LoopbackServer, make_client: ClientFactory, send_path: str
) -> None:
    # The loopback server plays the proxy: it gets the absolute URL; the API host is never
    # resolved.
    server.queue(json_reply(RUN))
    client = make_client(
        base_url="http://api.invalid",
        allow_insecure_http=True,
        proxy=server.url,
        async_backend="aiohttp",
    )
    assert arun(client, ce.aget_worker_run(client, "R")).slug == "R"
    (rec,) = server.requests
    assert rec.target == "http://api.invalid/api/v2/worker-runs/R"
    assert rec.headers["host"] == "api.invalid"
