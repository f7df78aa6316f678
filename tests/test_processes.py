"""Processes, event loops and lifetimes: fork, a second loop, closed clients, copies, redaction.

- After ``os.fork()`` parent and child call through one client at the same time; a server
  whose replies name the requesting pid and connection shows each gets its own answers, on
  its own connections (sync, and async on both backends).
- An async call from a second event loop, and any call on a closed client, is refused with a
  typed error before anything is sent: the server counts no request.
- ``with_options``/``with_headers``/``with_cookies``/``with_timeout`` return copies that keep
  every rule and share the connection pool; the original is never changed.
- The redactor's key registry is bounded by the clients alive, not by the clients ever made.

Every wait is bounded; only 127.0.0.1 is used.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import select
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import httpx
import pytest
from coreclaw_api.api.worker_runs import get_worker_run as get_worker_run_op

import coreclaw_ext as ce
from coreclaw_ext import _secrets
from tests.conftest import ClientFactory
from tests.loopback import LoopbackServer, Reply, envelope, json_reply

KEY = "ck_proc_7Hq2Lm9Xw4ZrTb"
RUN = {"slug": "R", "status": "running"}
JSON = {"Content-Type": "application/json"}
BACKENDS = ["httpx", "aiohttp"]
ROUNDS = 8
WAIT = 30.0  # seconds: the most any child, pipe or server thread is waited for
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
T = TypeVar("T")


# --- a server whose answers name the asking process and connection --------------------------


class PidServer:
    """Answers every GET with a run whose slug is ``<X-Test-Pid header>:<client port>``."""

    def __init__(self) -> None:
        self.ports: list[int] = []
        lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                port = int(self.client_address[1])
                with lock:
                    owner.ports.append(port)
                time.sleep(0.002)  # widen the window in which two processes interleave
                pid = self.headers.get("X-Test-Pid", "none")
                body = envelope({"slug": f"{pid}:{port}", "status": "running"})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(WAIT)


@pytest.fixture
def pid_server() -> Iterator[PidServer]:
    server = PidServer()
    yield server
    server.close()


def _answer(run: Any) -> tuple[str, int]:
    pid, port = str(run.slug).split(":")
    return pid, int(port)


def _ask(client: ce.CoreClawClient) -> tuple[str, int]:
    return _answer(ce.get_worker_run(client, "R"))


async def _aask(client: ce.CoreClawClient) -> tuple[str, int]:
    return _answer(await ce.aget_worker_run(client, "R"))


def _pid_headers() -> dict[str, str]:
    return {"X-Test-Pid": str(os.getpid())}


def _fork(child: Callable[[], Any], parent: Callable[[], T]) -> tuple[Any, T]:
    """Run ``child`` in a forked child while ``parent`` runs here; the child's result comes back
    as JSON through a pipe. The child always ends with ``os._exit``; every wait is bounded."""
    read_fd, write_fd = os.pipe()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: fork with threads alive
        pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 1
        try:
            os.close(read_fd)
            try:
                payload: dict[str, Any] = {"ok": child()}
            except BaseException as exc:
                payload = {"error": f"{type(exc).__name__}: {exc}"}
            data = json.dumps(payload).encode()
            while data:
                data = data[os.write(write_fd, data) :]
            code = 0
        finally:
            os._exit(code)
    os.close(write_fd)
    try:
        mine = parent()
    finally:
        raw = _read_pipe(read_fd, time.monotonic() + WAIT)
        status = _reap(pid, time.monotonic() + WAIT)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f"child status {status}"
    payload = json.loads(raw)
    assert "error" not in payload, payload["error"]
    return payload["ok"], mine


def _read_pipe(fd: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break
            chunk = os.read(fd, 65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(fd)
    raise AssertionError("the child did not answer in time")


def _reap(pid: int, deadline: float) -> int:
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError("the child did not exit in time")


# --- fork -----------------------------------------------------------------------------------


@needs_fork
def test_forked_child_gets_its_own_connections_sync(pid_server: PidServer) -> None:
    client = ce.create_client(KEY, base_url=pid_server.url)
    before = client.with_headers(_pid_headers())  # a copy made before the fork
    parent_pid = str(os.getpid())
    first_pid, first_port = _ask(before)
    assert first_pid == parent_pid

    def child() -> dict[str, Any]:
        mine = client.with_headers(_pid_headers())
        own = [_ask(mine) for _ in range(ROUNDS)]
        old_copy = [_ask(before)[1] for _ in range(ROUNDS)]
        original = [_ask(client)[1] for _ in range(2)]
        return {"pid": str(os.getpid()), "own": own, "ports": old_copy + original}

    kid, answers = _fork(child, lambda: [_ask(before) for _ in range(ROUNDS)])
    client.close()

    # The parent's answers are its own, on the connection it had before the fork: the child
    # closed only its copy of that socket, never shut it down.
    assert answers == [(parent_pid, first_port)] * ROUNDS
    assert all(pid == kid["pid"] for pid, _ in kid["own"]), kid
    assert first_port not in [port for _, port in kid["own"]] + kid["ports"], kid


@needs_fork
@pytest.mark.parametrize("backend", BACKENDS)
def test_forked_child_gets_its_own_connections_async(pid_server: PidServer, backend: str) -> None:
    client = ce.create_client(KEY, base_url=pid_server.url, async_backend=backend)
    before = client.with_headers(_pid_headers())
    parent_pid = str(os.getpid())
    loop = asyncio.new_event_loop()
    try:
        first_pid, first_port = loop.run_until_complete(_aask(before))
        assert first_pid == parent_pid

        def child() -> dict[str, Any]:
            async def main() -> dict[str, Any]:
                mine = client.with_headers(_pid_headers())
                own = [await _aask(mine) for _ in range(ROUNDS)]
                old_copy = [(await _aask(before))[1] for _ in range(ROUNDS)]
                await client.aclose()
                return {"pid": str(os.getpid()), "own": own, "ports": old_copy}

            return asyncio.run(main())

        async def parent() -> list[tuple[str, int]]:
            return [await _aask(before) for _ in range(ROUNDS)]

        kid, answers = _fork(child, lambda: loop.run_until_complete(parent()))
    finally:
        loop.run_until_complete(client.aclose())
        loop.close()

    assert answers == [(parent_pid, first_port)] * ROUNDS
    assert all(pid == kid["pid"] for pid, _ in kid["own"]), kid
    assert first_port not in [port for _, port in kid["own"]] + kid["ports"], kid


@needs_fork
def test_forked_child_keeps_a_closed_client_closed(pid_server: PidServer) -> None:
    client = ce.create_client(KEY, base_url=pid_server.url)
    _ask(client)
    client.close()

    def child() -> str:
        try:
            _ask(client)
        except ce.ClientClosedError:
            return "refused"
        return "sent"

    kid, _ = _fork(child, lambda: None)
    assert kid == "refused"


# --- event loops ----------------------------------------------------------------------------


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_second_event_loop_is_refused_before_sending(
    server: LoopbackServer, make_client: ClientFactory, backend: str
) -> None:
    client = make_client(api_key=KEY, async_backend=backend)
    server.always(json_reply(RUN))
    first = asyncio.new_event_loop()
    try:
        first.run_until_complete(ce.aget_worker_run(client, "R"))
        copy = client.with_options(max_retries=0)
        for call in (
            lambda: ce.aget_worker_run(client, "R"),
            lambda: ce.aget_worker_run(copy, "R"),  # a copy shares the pool, and its loop
            lambda: client.worker_runs.aget("R"),
            lambda: get_worker_run_op.asyncio_detailed("R", client=client),
        ):
            with pytest.raises(ce.EventLoopMismatchError, match="is another one") as info:
                asyncio.run(call())
            assert isinstance(info.value, ce.CoreClawError)
            assert isinstance(info.value, RuntimeError)
        assert len(server.requests) == 1
        # The loop that opened the pool still has it.
        first.run_until_complete(ce.aget_worker_run(copy, "R"))
        assert len(server.requests) == 2
    finally:
        first.run_until_complete(client.aclose())
        first.close()


def test_asyncio_run_twice_is_refused_before_sending(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(api_key=KEY)
    # Connection: close, so no socket is left behind in the first, finished loop.
    server.always(Reply(200, envelope(RUN), {**JSON, "Connection": "close"}))
    asyncio.run(ce.aget_worker_run(client, "R"))
    with pytest.raises(ce.EventLoopMismatchError, match="has ended"):
        asyncio.run(ce.aget_worker_run(client, "R"))
    assert len(server.requests) == 1


def test_a_loop_in_another_thread_is_refused(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(api_key=KEY)
    server.always(Reply(200, envelope(RUN), {**JSON, "Connection": "close"}))
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(ce.aget_worker_run(client, "R"))
        errors: list[BaseException] = []

        def other() -> None:
            try:
                asyncio.run(ce.aget_worker_run(client, "R"))
            except BaseException as exc:
                errors.append(exc)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(WAIT)
        assert not thread.is_alive()
        assert [type(e) for e in errors] == [ce.EventLoopMismatchError]
        assert len(server.requests) == 1
    finally:
        loop.run_until_complete(client.aclose())
        loop.close()


# --- closed clients -------------------------------------------------------------------------


def test_every_call_after_close_is_refused_before_sending(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(api_key=KEY)
    server.always(json_reply(RUN))
    ce.get_worker_run(client, "R")
    copy = client.with_headers({"X-Extra": "1"})
    client.close()
    client.close()  # twice is fine
    for call in (
        lambda: ce.get_worker_run(client, "R"),
        lambda: ce.get_worker_run(copy, "R"),
        lambda: client.worker_runs.get("R"),
        lambda: get_worker_run_op.sync_detailed("R", client=client),
        client.with_options(timeout=5).account.get,  # a copy made after closing
        client.__enter__,
        lambda: asyncio.run(ce.aget_worker_run(client, "R")),  # the async pool was never open
    ):
        with pytest.raises(ce.ClientClosedError) as info:
            call()
        assert isinstance(info.value, RuntimeError)
        assert KEY not in str(info.value)
    assert len(server.requests) == 1


def test_the_end_of_a_with_block_closes_the_client(server: LoopbackServer) -> None:
    server.always(json_reply(RUN))
    with ce.create_client(KEY, base_url=server.url) as client:
        ce.get_worker_run(client, "R")
    with pytest.raises(ce.ClientClosedError):
        ce.get_worker_run(client, "R")
    with pytest.raises(ce.ClientClosedError), client:
        pass
    assert len(server.requests) == 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_every_call_after_aclose_is_refused_before_sending(
    server: LoopbackServer, backend: str
) -> None:
    server.always(json_reply(RUN))

    async def main() -> ce.CoreClawClient:
        async with ce.create_client(KEY, base_url=server.url, async_backend=backend) as client:
            await ce.aget_worker_run(client, "R")
        with pytest.raises(ce.ClientClosedError):
            await ce.aget_worker_run(client, "R")
        with pytest.raises(ce.ClientClosedError):
            await client.worker_runs.aget("R")
        with pytest.raises(ce.ClientClosedError):
            async with client:
                pass
        return client

    client = asyncio.run(main())
    with pytest.raises(ce.ClientClosedError):  # closed wins over "another loop"
        asyncio.run(ce.aget_worker_run(client, "R"))
    with pytest.raises(ce.ClientClosedError):  # its sync pool was never open: closed too
        ce.get_worker_run(client, "R")
    assert len(server.requests) == 1


def test_close_leaves_an_open_async_pool_to_aclose(server: LoopbackServer) -> None:
    server.always(json_reply(RUN))
    client = ce.create_client(KEY, base_url=server.url)
    loop = asyncio.new_event_loop()
    try:
        ce.get_worker_run(client, "R")
        loop.run_until_complete(ce.aget_worker_run(client, "R"))
        client.close()
        with pytest.raises(ce.ClientClosedError):
            ce.get_worker_run(client, "R")
        loop.run_until_complete(ce.aget_worker_run(client, "R"))  # still open
        loop.run_until_complete(client.aclose())
        with pytest.raises(ce.ClientClosedError):
            loop.run_until_complete(ce.aget_worker_run(client, "R"))
    finally:
        loop.run_until_complete(client.aclose())
        loop.close()
    assert len(server.requests) == 3


def test_closing_the_httpx_client_directly_is_a_closed_client(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(api_key=KEY)
    server.always(json_reply(RUN))
    ce.get_worker_run(client, "R")
    client.get_httpx_client().close()
    with pytest.raises(ce.ClientClosedError):
        ce.get_worker_run(client, "R")
    assert len(server.requests) == 1


# --- copies ---------------------------------------------------------------------------------


def test_copies_keep_the_rules_share_the_pool_and_never_change_the_original(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(api_key=KEY)
    server.always(json_reply(RUN))
    ce.get_worker_run(client, "R")
    sync_http, async_http = client.get_httpx_client(), client.get_async_httpx_client()
    seen_before = [(dict(h.headers), dict(h.cookies), h.timeout) for h in (sync_http, async_http)]
    copies = [
        client.with_headers({"X-Extra": "1", "Authorization": "Bearer not-the-key"}),
        client.with_cookies({"jar": "v"}),
        client.with_timeout(7.5),
        client.with_options(timeout=8, max_retries=0, retry_unsafe=True),
        client.with_options(),
    ]
    for copy in copies:
        assert type(copy) is ce.CoreClawClient and copy is not client
        ce.get_worker_run(copy, "R")
        assert KEY not in repr(copy) and copy.auth_mode == "bearer"
    ce.get_worker_run(client, "R")

    assert server.connections == 1  # one pool for the client and all its copies
    first, extra, jar, *_, last = server.requests
    assert all(r.headers["authorization"] == f"Bearer {KEY}" for r in server.requests)
    assert extra.headers["x-extra"] == "1"
    assert jar.headers.get("cookie") == "jar=v"
    for rec in (first, last):
        assert "x-extra" not in rec.headers and "cookie" not in rec.headers
    assert copies[2].get_httpx_client().timeout == httpx.Timeout(7.5)
    assert copies[3].get_httpx_client().timeout == httpx.Timeout(8)
    assert copies[3].max_retries == 0 and client.max_retries == 2
    assert copies[3]._settings.policy.retry_unsafe and not client._settings.policy.retry_unsafe
    # The generated with_* changed the original's live httpx clients; these do not.
    seen_after = [(dict(h.headers), dict(h.cookies), h.timeout) for h in (sync_http, async_http)]
    assert seen_after == seen_before
    assert client.get_httpx_client() is sync_http
    assert client._timeout == ce.DEFAULT_TIMEOUT


@pytest.mark.parametrize("mode", ["api-key", "query"])
def test_copies_send_the_key_in_the_clients_mode(
    server: LoopbackServer, make_client: ClientFactory, mode: str
) -> None:
    client = make_client(api_key=KEY, auth=mode)
    server.always(json_reply(RUN))
    copy = client.with_headers({"X-Extra": "1"}).with_options(max_retries=1)
    ce.get_worker_run(copy, "R")
    rec = server.requests[0]
    if mode == "api-key":
        assert rec.headers["api-key"] == KEY and "authorization" not in rec.headers
    else:
        assert rec.query == f"token={KEY}"
    assert KEY not in repr(copy) and KEY not in repr(copy.get_httpx_client().headers)


@pytest.mark.parametrize("backend", BACKENDS)
def test_async_copies_share_the_pool(server: LoopbackServer, backend: str) -> None:
    server.always(json_reply(RUN))

    async def main() -> None:
        async with ce.create_client(KEY, base_url=server.url, async_backend=backend) as client:
            await ce.aget_worker_run(client, "R")
            await ce.aget_worker_run(client.with_options(max_retries=0), "R")
            await ce.aget_worker_run(client.with_headers({"X-Extra": "1"}), "R")

    asyncio.run(main())
    assert len(server.requests) == 3 and server.connections == 1
    assert server.requests[2].headers["x-extra"] == "1"


def test_with_options_changes_retries_for_the_copy_only(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    busy = json_reply(None, status=503, code=10000, message="busy")
    client = make_client(api_key=KEY)
    server.queue(busy)
    server.always(json_reply(RUN))
    assert ce.get_worker_run(client, "R").slug == "R"
    assert len(server.requests) == 2

    server.reset()
    server.queue(busy)
    server.always(json_reply(RUN))
    with pytest.raises(ce.InternalServerError):
        ce.get_worker_run(client.with_options(max_retries=0), "R")
    assert len(server.requests) == 1

    server.reset()
    server.queue(busy)
    server.always(json_reply({"run_slug": "R"}))
    with pytest.raises(ce.InternalServerError):
        ce.rerun_worker_last_run(client, "o/n")  # never repeated: it may have started a run
    assert len(server.requests) == 1

    server.reset()
    server.queue(busy)
    server.always(json_reply({"run_slug": "R"}))
    assert ce.rerun_worker_last_run(client.with_options(retry_unsafe=True), "o/n").run_slug == "R"
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"max_retries": -1}, ValueError),
        ({"max_retries": 1.5}, TypeError),
        ({"retry_unsafe": "yes"}, TypeError),
        ({"timeout": "5"}, TypeError),
        ({"timeout": httpx.Timeout(None)}, ce.ConfigurationError),
        ({"timeout": float("nan")}, ce.ConfigurationError),
    ],
)
def test_bad_with_options_are_refused(
    kwargs: dict[str, Any], error: type[Exception], make_client: ClientFactory
) -> None:
    with pytest.raises(error):
        make_client().with_options(**kwargs)


def test_closing_a_copy_closes_the_family(server: LoopbackServer) -> None:
    server.always(json_reply(RUN))
    client = ce.create_client(KEY, base_url=server.url)
    copy = client.with_options(max_retries=0)
    ce.get_worker_run(copy, "R")
    with copy:
        pass
    with pytest.raises(ce.ClientClosedError):
        ce.get_worker_run(client, "R")


# --- the redaction registry -----------------------------------------------------------------


def _registered() -> int:
    gc.collect()
    return _secrets.registered_count()


def _redaction_seconds(text: str) -> float:
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(500):
            _secrets.redact(text)
        best = min(best, time.perf_counter() - started)
    return best / 500


def test_registry_is_bounded_by_the_clients_alive() -> None:
    base = _registered()
    keeper = ce.create_client(KEY)
    text = f"GET https://api/x failed: Authorization: Bearer {KEY} was refused, " * 3
    one_client = _redaction_seconds(text)
    for i in range(10_000):
        ce.create_client(f"ck_short_lived_{i:08d}").close()
    assert _secrets.registered_count() <= base + 1  # closed: released at once, no GC needed
    after = _redaction_seconds(text)
    assert after <= one_client * 3 + 2e-6, (after, one_client)
    assert KEY not in _secrets.redact(text)  # the live client's key is still masked
    keeper.close()
    assert _registered() <= base


def test_dropped_clients_release_their_keys_when_collected(server: LoopbackServer) -> None:
    base = _registered()
    clients = [ce.create_client(f"ck_dropped_{i:08d}", base_url=server.url) for i in range(500)]
    copies = [c.with_options(max_retries=0) for c in clients[:10]]
    clients[0].get_httpx_client()
    assert _secrets.registered_count() == base + 500
    del clients
    assert _registered() == base + 10  # the copies still hold theirs
    del copies
    assert _registered() == base


def test_a_key_in_use_stays_redacted(server: LoopbackServer) -> None:
    shared = "ck_shared_9Lq2Vx7TzKp"
    base = _registered()
    keeper = ce.create_client(shared, base_url=server.url)
    for _ in range(50):
        ce.create_client(shared).close()
    other = ce.create_client(shared)
    other.with_options(timeout=5).close()  # closes the copy's family: other, not keeper
    assert _secrets.registered_count() == base + 1
    assert shared not in _secrets.redact(f"x {shared} y")
    assert shared not in str(ce.CoreClawError(f"boom {shared}"))
    keeper.close()
    assert _registered() == base


def test_async_only_and_mixed_clients_release_on_close(server: LoopbackServer) -> None:
    server.always(json_reply(RUN))
    base = _registered()

    async def async_only() -> None:
        async with ce.create_client("ck_async_only_0123456", base_url=server.url) as client:
            await ce.aget_worker_run(client, "R")

    asyncio.run(async_only())
    assert _secrets.registered_count() == base

    mixed = ce.create_client("ck_mixed_0123456789", base_url=server.url)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(ce.aget_worker_run(mixed, "R"))
        ce.get_worker_run(mixed, "R")
        mixed.close()
        assert _secrets.registered_count() == base + 1  # the async pool is still open
        loop.run_until_complete(mixed.aclose())
        assert _secrets.registered_count() == base
    finally:
        loop.close()
