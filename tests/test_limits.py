"""Limits that hold for every operation on every backend (sync httpx, async httpx, aiohttp).

- a body is at most ``max_body_bytes`` after decompression, and a compression bomb is stopped
  while inflating, with bounded memory;
- an attempt has an overall deadline, so a body trickled a byte at a time times out; a safe
  call retries it like a read timeout, a run start is never sent twice;
- ``max_retries=0`` is one request, also when a kept-alive connection turns out dead;
- status lines of 000-099 and an unrequested 101 are an ``UnexpectedResponseError``.

Small limits reach the transports through ``create_client(max_body_bytes=...,
attempt_deadline=...)`` once it takes them, and until then as the keyword defaults of
``CoreClawTransport`` / ``AsyncCoreClawTransport`` (see the ``make`` fixture), so every client
is built the ordinary way. Servers listen on 127.0.0.1 only, and every loop is bounded.
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import inspect
import json
import re
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

import coreclaw_ext as ce
from coreclaw_ext import _async_http, _body, _transport
from coreclaw_ext._async_http import AsyncCoreClawTransport
from coreclaw_ext._consts import MAX_BODY_BYTES
from coreclaw_ext._transport import CoreClawTransport
from tests.conftest import ClientFactory
from tests.loopback import LoopbackServer, Reply, envelope, json_reply

BACKENDS = ["sync", "httpx", "aiohttp"]
JSON = {"Content-Type": "application/json"}
RUN = {"slug": "R", "status": "running"}
ACCEPTED = {"run_slug": "R"}
LIMIT = 64 * 1024


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# --- calling through one backend ------------------------------------------------------------


@pytest.fixture
def make(
    make_client: ClientFactory, backend: str, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., ce.CoreClawClient]:
    """A client on the test's backend; ``limits`` (``max_body_bytes``, ``attempt_deadline``)
    reach its transports: through ``create_client`` once it takes them, until then as the
    transports' defaults."""

    def factory(limits: dict[str, Any] | None = None, **kwargs: Any) -> ce.CoreClawClient:
        if backend != "sync":
            kwargs.setdefault("async_backend", backend)
        if limits:
            accepted = inspect.signature(ce.create_client).parameters
            if all(name in accepted for name in limits):
                kwargs.update(limits)
            else:
                for cls in (CoreClawTransport, AsyncCoreClawTransport):
                    defaults = cls.__init__.__kwdefaults__
                    for name, value in limits.items():
                        monkeypatch.setitem(defaults, name, value)
        return make_client(**kwargs)

    return factory


def _sync_call(client: ce.CoreClawClient, op: str) -> Any:
    if op == "get":
        return ce.get_worker_run(client, "R")
    if op == "sync-run":
        return ce.rerun_worker_last_run(client, "o/n", is_async=False)
    return ce.rerun_worker_last_run(client, "o/n")


async def _async_call(client: ce.CoreClawClient, op: str) -> Any:
    if op == "get":
        return await ce.aget_worker_run(client, "R")
    if op == "sync-run":
        return await ce.arerun_worker_last_run(client, "o/n", is_async=False)
    return await ce.arerun_worker_last_run(client, "o/n")


def run_ops(backend: str, client: ce.CoreClawClient, *ops: str | tuple[str, float]) -> list[Any]:
    """Run the operations in turn, on one connection pool (one event loop for the async
    backends); each gives a result or the exception. ``(op, seconds)`` is a per-call timeout."""
    calls = [(op, None) if isinstance(op, str) else op for op in ops]
    if backend == "sync":
        outcomes: list[Any] = []
        for op, timeout in calls:
            try:
                with ce.call_options(timeout=timeout):
                    outcomes.append(_sync_call(client, op))
            except ce.CoreClawError as exc:
                outcomes.append(exc)
        return outcomes

    async def main() -> list[Any]:
        found: list[Any] = []
        try:
            for op, timeout in calls:
                try:
                    with ce.call_options(timeout=timeout):
                        found.append(await _async_call(client, op))
                except ce.CoreClawError as exc:
                    found.append(exc)
        finally:
            await client.aclose()
        return found

    return asyncio.run(main())


def run_op(backend: str, client: ce.CoreClawClient, op: str = "get") -> Any:
    (outcome,) = run_ops(backend, client, op)
    return outcome


# --- a raw-socket server, for what http.server cannot send ----------------------------------

Answer = Callable[[int, int, socket.socket], bool]
"""(connection number, request number on that connection, socket) -> keep the connection."""


class RawServer:
    """HTTP/1.1 on 127.0.0.1 written byte by byte: odd status lines, trickled or chunked
    bodies, a kept-alive connection dropped after reading a request."""

    def __init__(self, answer: Answer) -> None:
        self.requests: list[str] = []  # request lines, in arrival order
        self.connections = 0
        self._answer = answer
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.05)
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._listener.getsockname()[1]}"

    def _accept(self) -> None:
        while not self._stop.is_set():  # ends with close(); each pass waits at most 50 ms
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                number = self.connections
                self.connections += 1
            threading.Thread(target=self._serve, args=(conn, number), daemon=True).start()

    def _serve(self, conn: socket.socket, number: int) -> None:
        conn.settimeout(5.0)
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        buffer = b""
        try:
            for index in range(100):
                for _ in range(1000):
                    if b"\r\n\r\n" in buffer:
                        break
                    data = conn.recv(65536)
                    if not data:
                        return
                    buffer += data
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                match = re.search(rb"(?im)^content-length:\s*(\d+)", head)
                length = int(match.group(1)) if match else 0
                for _ in range(1000):
                    if len(buffer) >= length:
                        break
                    data = conn.recv(65536)
                    if not data:
                        return
                    buffer += data
                buffer = buffer[length:]
                with self._lock:
                    self.requests.append(head.split(b"\r\n", 1)[0].decode("latin-1"))
                if not self._answer(number, index, conn):
                    return
        except OSError:
            pass  # the client hung up: expected after a timeout or a refused body
        finally:
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        self._thread.join(timeout=2.0)


@pytest.fixture
def raw_server() -> Iterator[Callable[[Answer], RawServer]]:
    made: list[RawServer] = []

    def start(answer: Answer) -> RawServer:
        made.append(RawServer(answer))
        return made[-1]

    yield start
    for server in made:
        server.close()


def head(status: str, length: int | None, extra: str = "") -> bytes:
    lines = [f"HTTP/1.1 {status}", "Content-Type: application/json"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n" + extra + "\r\n").encode()


def answer_with(body: bytes) -> Answer:
    def answer(_conn: int, _index: int, sock: socket.socket) -> bool:
        sock.sendall(head("200 OK", len(body)) + body)
        return True

    return answer


def trickle(body: bytes, interval: float, piece: int = 1) -> Answer:
    """Headers at once, then the body ``piece`` bytes at a time: each wait is short, the whole
    is long. Stops when the client hangs up."""

    def answer(_conn: int, _index: int, sock: socket.socket) -> bool:
        sock.sendall(head("200 OK", len(body)))
        for start in range(0, len(body), piece):
            time.sleep(interval)
            sock.sendall(body[start : start + piece])
        return True

    return answer


# --- body size ------------------------------------------------------------------------------


@functools.cache
def bomb(encoding: str) -> bytes:
    """200 MB of zeros: about 200 KB as gzip or deflate, 492 bytes as gzip of gzip."""
    stream = zlib.compressobj(9, zlib.DEFLATED, 15 if encoding == "deflate" else 31)
    zeros = b"\0" * (1 << 20)
    data = b"".join([stream.compress(zeros) for _ in range(200)] + [stream.flush()])
    if encoding == "gzip, gzip":
        data = gzip.compress(data)
    return data


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "gzip, gzip"])
def test_compression_bomb_is_stopped_while_inflating(
    server: LoopbackServer, make: Callable[..., ce.CoreClawClient], backend: str, encoding: str
) -> None:
    body = bomb(encoding)
    client = make()
    server.queue(Reply(200, body, {**JSON, "Content-Encoding": encoding}))
    tracemalloc.start()
    started = time.monotonic()
    try:
        outcome = run_op(backend, client)
        elapsed = time.monotonic() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(outcome, ce.UnexpectedResponseError), outcome
    assert outcome.status_code == 200
    assert f"response body larger than {MAX_BODY_BYTES} bytes" in str(outcome)
    assert len(server.requests) == 1  # a refused body is not retried
    # About the limit itself (8.5 MiB measured; 400+ MiB when httpx inflated it all).
    assert peak < MAX_BODY_BYTES + 8 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB"
    assert elapsed < 2.0


def padded(size: int) -> bytes:
    """A valid run-detail envelope of exactly ``size`` bytes."""
    bare = envelope({**RUN, "err_msg": ""})
    body = envelope({**RUN, "err_msg": "x" * (size - len(bare))})
    assert len(body) == size
    return body


@pytest.mark.parametrize("encoding", ["identity", "gzip", "deflate"])
def test_a_body_at_the_limit_passes_and_one_byte_more_is_refused(
    server: LoopbackServer, make: Callable[..., ce.CoreClawClient], backend: str, encoding: str
) -> None:
    def reply(body: bytes) -> Reply:
        if encoding == "identity":
            return Reply(200, body, JSON)
        wbits = 31 if encoding == "gzip" else 15
        stream = zlib.compressobj(6, zlib.DEFLATED, wbits)
        packed = stream.compress(body) + stream.flush()
        return Reply(200, packed, {**JSON, "Content-Encoding": encoding})

    client = make({"max_body_bytes": LIMIT})
    server.queue(reply(padded(LIMIT)), reply(padded(LIMIT + 1)))
    ok, refused = run_ops(backend, client, "get", "get")
    assert not isinstance(ok, Exception), ok
    assert ok.slug == "R" and len(ok.err_msg) > LIMIT - 200
    assert isinstance(refused, ce.UnexpectedResponseError), refused
    assert f"response body larger than {LIMIT} bytes" in str(refused)
    assert refused.status_code == 200
    assert refused.body_excerpt.startswith('{"code": 0')
    assert len(server.requests) == 2


def test_a_chunked_body_over_the_limit_is_refused(
    raw_server: Callable[[Answer], RawServer], make: Callable[..., ce.CoreClawClient], backend: str
) -> None:
    # No Content-Length to check first: the count while reading stops it.
    piece = b"x" * 8192

    def answer(_conn: int, _index: int, sock: socket.socket) -> bool:
        sock.sendall(head("200 OK", None, "Transfer-Encoding: chunked\r\n"))
        for _ in range(64):  # 512 KiB in all, far over the limit
            sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
        sock.sendall(b"0\r\n\r\n")
        return True

    server = raw_server(answer)
    client = make({"max_body_bytes": LIMIT}, base_url=server.url)
    outcome = run_op(backend, client)
    assert isinstance(outcome, ce.UnexpectedResponseError), outcome
    assert f"larger than {LIMIT} bytes" in str(outcome)


def test_an_oversized_error_page_is_still_mapped_by_its_status(
    server: LoopbackServer, make: Callable[..., ce.CoreClawClient], backend: str
) -> None:
    # Cut at the limit, a 503 is still a 503: retried for a GET, short message.
    page = b"<html>" + b"<p>upstream unavailable</p>" * 20000 + b"</html>"
    client = make({"max_body_bytes": LIMIT})
    server.always(Reply(503, page, {"Content-Type": "text/html"}))
    outcome = run_op(backend, client)
    assert type(outcome) is ce.InternalServerError, outcome
    assert outcome.status_code == 503 and "upstream unavailable" in str(outcome)
    assert len(str(outcome)) < 300
    assert len(server.requests) == 3


def test_an_unrequested_brotli_body_is_refused(
    server: LoopbackServer, make: Callable[..., ce.CoreClawClient], backend: str
) -> None:
    client = make()
    server.queue(Reply(200, b"\x8b\x00\x80{}\x03", {**JSON, "Content-Encoding": "br"}))
    outcome = run_op(backend, client)
    assert isinstance(outcome, ce.UnexpectedResponseError), outcome
    assert "cannot be decoded" in str(outcome) and "'br'" in str(outcome)


def test_only_bounded_encodings_are_offered(
    server: LoopbackServer,
    make: Callable[..., ce.CoreClawClient],
    backend: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # As if brotli and zstandard were installed: httpx would offer br and zstd by default.
    monkeypatch.setattr(_transport, "_ADVERTISES_UNBOUNDED", True)
    monkeypatch.setattr(_async_http, "_ADVERTISES_UNBOUNDED", True)
    client = make(headers={"Accept-Encoding": "gzip, br, zstd, deflate"})
    server.queue(json_reply(RUN))
    assert run_op(backend, client).slug == "R"
    assert server.requests[0].headers["accept-encoding"] == "gzip, deflate"


def test_inflating_in_small_pieces_gives_the_same_bytes() -> None:
    data = json.dumps({"rows": [{"n": i, "s": "abc" * i} for i in range(3000)]}).encode()
    for encoding, packed in [
        ("gzip", gzip.compress(data)),
        ("deflate", zlib.compress(data)),
        ("deflate", zlib.compress(data)[2:-4]),  # raw deflate, no zlib header: as httpx accepts
        ("gzip, gzip", gzip.compress(gzip.compress(data))),
    ]:
        response = httpx.Response(200, headers={"Content-Encoding": encoding})
        body = _body._Body(response, len(data))
        for start in range(0, len(packed), 7):
            body.add(packed[start : start + 7])
        assert body.finish() == data, encoding


# --- the attempt deadline -------------------------------------------------------------------


@pytest.mark.parametrize(("op", "requests"), [("get", 3), ("rerun", 1)])
def test_a_trickled_body_times_out(
    raw_server: Callable[[Answer], RawServer],
    make: Callable[..., ce.CoreClawClient],
    backend: str,
    op: str,
    requests: int,
) -> None:
    # One byte every 0.2 s: always within the 0.4 s read timeout, never done within 0.5 s.
    body = envelope(RUN if op == "get" else ACCEPTED)
    server = raw_server(trickle(body, 0.2))
    client = make({"attempt_deadline": 0.5}, base_url=server.url, timeout=0.4)
    started = time.monotonic()
    outcome = run_op(backend, client, op)
    elapsed = time.monotonic() - started
    assert isinstance(outcome, ce.APITimeoutError), outcome
    assert "longer than its 0.5 s deadline" in str(outcome)
    # A GET is retried like any read timeout; a run start is never sent twice.
    assert len(server.requests) == requests
    assert elapsed < requests * (0.5 + 0.2) + 1.0


def test_the_deadline_of_a_synchronous_run_adds_its_long_read_timeout(
    raw_server: Callable[[Answer], RawServer], make: Callable[..., ce.CoreClawClient], backend: str
) -> None:
    # The body takes about 0.8 s. Ordinary call: deadline max(0.3, read 0.4) = 0.4 s. A
    # synchronous run: its read timeout 1.0 s + 0.3 s = 1.3 s.
    finished = envelope({**ACCEPTED, "run_status": "succeeded", "is_finished": True})
    server = raw_server(trickle(finished, 0.1, piece=len(finished) // 8 + 1))
    client = make({"attempt_deadline": 0.3}, base_url=server.url, timeout=0.4, sync_run_timeout=1.0)
    sync_run, plain = run_ops(backend, client, "sync-run", "rerun")
    assert not isinstance(sync_run, Exception), sync_run
    assert sync_run.run_slug == "R"
    assert isinstance(plain, ce.APITimeoutError), plain
    assert "0.4 s deadline" in str(plain)
    assert len(server.requests) == 2


def test_a_longer_per_call_timeout_extends_the_deadline(
    raw_server: Callable[[Answer], RawServer], make: Callable[..., ce.CoreClawClient], backend: str
) -> None:
    body = envelope(RUN)
    server = raw_server(trickle(body, 0.1, piece=len(body) // 6 + 1))  # about 0.6 s
    client = make({"attempt_deadline": 0.3}, base_url=server.url, timeout=0.3, max_retries=0)
    extended, plain = run_ops(backend, client, ("get", 2.0), "get")
    assert not isinstance(extended, Exception), extended
    assert extended.slug == "R"
    assert isinstance(plain, ce.APITimeoutError), plain


def test_cancelling_a_call_mid_body_cancels_it(
    raw_server: Callable[[Answer], RawServer], make_client: ClientFactory
) -> None:
    # Cancelling a call mid-body cancels it: not an APITimeoutError, not a retry.
    server = raw_server(trickle(envelope(RUN), 0.2))
    client = make_client(base_url=server.url, timeout=5.0)

    async def main() -> str:
        call = asyncio.ensure_future(ce.aget_worker_run(client, "R"))
        await asyncio.sleep(0.3)
        call.cancel()
        try:
            await call
        except asyncio.CancelledError:
            return "cancelled"
        finally:
            await client.aclose()
        return "not cancelled"

    assert asyncio.run(main()) == "cancelled"
    assert len(server.requests) == 1


# --- max_retries=0 is one request -----------------------------------------------------------


def drop_second_request_on_first_connection(body: bytes) -> Answer:
    """Answer the first request with keep-alive; read the second one on that connection and
    hang up without a word, as a server whose idle timeout fired just then. Other connections
    are answered normally."""

    def answer(conn: int, index: int, sock: socket.socket) -> bool:
        if conn == 0 and index == 1:
            return False
        sock.sendall(head("200 OK", len(body)) + body)
        return True

    return answer


@pytest.mark.parametrize(
    ("op", "max_retries", "requests", "second_fails"),
    [
        ("get", 0, 2, True),  # aiohttp's own retry would make this 3
        ("get", 2, 3, False),  # the policy retries a safe call on a new connection
        ("rerun", 2, 2, True),  # a run start is never sent twice
    ],
)
def test_a_dropped_keepalive_connection_is_retried_only_by_the_policy(
    raw_server: Callable[[Answer], RawServer],
    make: Callable[..., ce.CoreClawClient],
    backend: str,
    op: str,
    max_retries: int,
    requests: int,
    second_fails: bool,
) -> None:
    server = raw_server(
        drop_second_request_on_first_connection(envelope(RUN if op == "get" else ACCEPTED))
    )
    client = make(base_url=server.url, max_retries=max_retries)
    first, second = run_ops(backend, client, op, op)
    assert not isinstance(first, Exception), first
    if second_fails:
        assert type(second) is ce.APIConnectionError, second
    else:
        assert not isinstance(second, Exception), second
    assert len(server.requests) == requests
    assert server.connections == (1 if second_fails else 2)


# --- odd status lines -----------------------------------------------------------------------

ODD_STATUSES = {
    "000": (head("000 Zero", 2) + b"{}", 0),
    "099": (head("099 Odd", 2) + b"{}", 99),
    "101 without Upgrade": (head("101 Switching Protocols", 2) + b"{}", 101),
    # A real switch: the server then keeps the connection open and says nothing.
    "101 with Upgrade": (
        head("101 Switching Protocols", None, "Upgrade: websocket\r\nConnection: Upgrade\r\n"),
        101,
    ),
}


@pytest.mark.parametrize("name", list(ODD_STATUSES))
def test_odd_status_lines_are_an_unexpected_response(
    raw_server: Callable[[Answer], RawServer],
    make: Callable[..., ce.CoreClawClient],
    backend: str,
    name: str,
) -> None:
    data, status = ODD_STATUSES[name]

    def answer(_conn: int, _index: int, sock: socket.socket) -> bool:
        sock.sendall(data)
        sock.recv(1)  # until the client hangs up (or 5 s)
        return False

    server = raw_server(answer)
    client = make(base_url=server.url, timeout=3.0)
    started = time.monotonic()
    outcome = run_op(backend, client)
    assert type(outcome) is ce.UnexpectedResponseError, outcome
    assert outcome.status_code == status
    assert f"unexpected HTTP status {status}" in str(outcome)
    assert len(server.requests) == 1  # not retried, even for a GET
    assert time.monotonic() - started < 1.0  # and no waiting for a body


def test_an_interim_status_then_silence_is_a_connection_error(
    raw_server: Callable[[Answer], RawServer], make: Callable[..., ce.CoreClawClient], backend: str
) -> None:
    # A 1xx is interim (both libraries skip it): no final answer came, on every backend.
    def answer(_conn: int, _index: int, sock: socket.socket) -> bool:
        sock.sendall(b"HTTP/1.1 150 Wait\r\n\r\n")
        return False

    server = raw_server(answer)
    client = make(base_url=server.url, max_retries=0)
    outcome = run_op(backend, client)
    assert type(outcome) is ce.APIConnectionError, outcome


def test_create_client_sets_both_limits_per_client(server: Any, make_client: Any) -> None:
    from tests.loopback import Reply, json_reply

    big = json_reply({"slug": "R", "status": "running", "err_msg": "x" * 5000})
    server.queue(big, big)
    small = make_client(max_body_bytes=2048, max_retries=0)
    with pytest.raises(ce.UnexpectedResponseError, match="larger than 2048 bytes"):
        ce.get_worker_run(small, "R")
    assert ce.get_worker_run(make_client(max_retries=0), "R").slug == "R"  # the default: 8 MiB
    server.queue(
        Reply(
            200,
            b'{"code": 0, "message": "ok", "data": {"slug": "R", "status": "x"}}',
            {"Content-Type": "application/json"},
            delay=0.4,
        )
    )
    hurried = make_client(attempt_deadline=0.1, timeout=0.05, max_retries=0)
    with pytest.raises(ce.APITimeoutError):
        ce.get_worker_run(hurried, "R")
    for bad in (
        {"max_body_bytes": 10},
        {"attempt_deadline": 0},
        {"attempt_deadline": float("inf")},
    ):
        with pytest.raises(ValueError):
            make_client(**bad)
