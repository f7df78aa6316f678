"""download_results / download_export: real loopback servers, the key never reaches the file host.

The API is the session's ``LoopbackServer``; the file hosts are ``FileServer``s on other ports
(other origins) that record every request and serve scripted bodies, streamed in pieces.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import io
import os
import socket
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import coreclaw_ext as ce
from coreclaw_ext._download import (
    DownloadResult,
    adownload_export,
    adownload_results,
    download_export,
    download_results,
)
from tests.conftest import TEST_KEY, ClientFactory, arun
from tests.loopback import LoopbackServer, Recorded, Reply, json_reply

BLOCK = bytes(range(256)) * 256  # 64 KiB of a known pattern


def content(size: int) -> Iterator[bytes]:
    """``size`` bytes of the pattern, in pieces of at most 64 KiB (never all in memory)."""
    left = size
    while left > 0:
        piece = BLOCK[: min(left, len(BLOCK))]
        left -= len(piece)
        yield piece


def digest(size: int) -> str:
    h = hashlib.sha256()
    for piece in content(size):
        h.update(piece)
    return h.hexdigest()


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while piece := f.read(1 << 20):
            h.update(piece)
    return h.hexdigest()


@dataclass
class Act:
    """What a FileServer does for one request."""

    kind: str = "ok"  # ok, cut, status, redirect, reset, mismatch, trickle
    size: int = 0
    status: int = 200
    location: str = ""
    cut_at: int = 0
    headers: dict[str, str] | None = None


@dataclass
class Seen:
    method: str
    target: str
    headers: dict[str, str]


class FileServer:
    """A file host on 127.0.0.1: per path, a queue of acts (the last one repeats)."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.routes: dict[str, list[Act]] = {}
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                with owner._lock:
                    owner.seen.append(
                        Seen("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
                    )
                    acts = owner.routes.get(self.path.split("?")[0], [Act("status", status=404)])
                    act = acts.pop(0) if len(acts) > 1 else acts[0]
                owner.serve(self, act)

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                pass  # clients that hang up early are expected here

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def route(self, path: str, *acts: Act) -> str:
        self.routes[path] = list(acts)
        return self.url + path

    @staticmethod
    def serve(h: BaseHTTPRequestHandler, act: Act) -> None:
        if act.kind == "reset":
            h.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
            h.close_connection = True
            h.connection.close()
            return
        h.send_response(act.status)
        for key, value in (act.headers or {}).items():
            h.send_header(key, value)
        if act.kind == "redirect":
            h.send_header("Location", act.location)
        if act.kind == "gzip":  # Content-Length counts the encoded bytes
            packed = gzip.compress(b"".join(content(act.size)))
            h.send_header("Content-Encoding", "gzip")
            h.send_header("Content-Length", str(len(packed)))
            h.end_headers()
            h.wfile.write(packed)
            return
        if act.kind == "mismatch":  # chunked framing with a Content-Length that overstates it
            h.send_header("Transfer-Encoding", "chunked")
            h.send_header("Content-Length", str(act.size * 2))
            h.end_headers()
            for piece in content(act.size):
                h.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            h.wfile.write(b"0\r\n\r\n")
            return
        body_size = act.size if act.kind in ("ok", "cut", "trickle") else 0
        body = b"" if body_size else (b"error page" if act.status >= 400 else b"")
        h.send_header("Content-Length", str(body_size or len(body)))
        h.end_headers()
        if body:
            h.wfile.write(body)
        sent = 0
        for piece in content(body_size):
            if act.kind == "cut" and sent + len(piece) > act.cut_at:
                h.wfile.write(piece[: act.cut_at - sent])
                h.wfile.flush()
                h.close_connection = True
                h.connection.shutdown(socket.SHUT_RDWR)
                return
            if act.kind == "trickle":
                time.sleep(0.05)
            try:
                h.wfile.write(piece)
            except OSError:  # the client gave up
                return
            sent += len(piece)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def files() -> Iterator[FileServer]:
    server = FileServer()
    yield server
    server.close()


@pytest.fixture
def third() -> Iterator[FileServer]:
    server = FileServer()
    yield server
    server.close()


def export_points_to(server: LoopbackServer, url: str) -> None:
    server.always(lambda rec: json_reply({"download_url": url}))


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def everything_seen(*servers: FileServer) -> str:
    return repr([(s.target, s.headers) for srv in servers for s in srv.seen])


# --- success -------------------------------------------------------------------------------


def test_download_results_saves_the_file_with_progress(
    server: LoopbackServer, make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    size = 300_000
    export_points_to(server, files.route("/f.csv", Act(size=size)) + "?sig=s3cr3t-signature")
    calls: list[tuple[int, int | None]] = []
    target = tmp_path / "out.csv"
    result = download_results(
        make_client(),
        "RUN1",
        target,
        chunk_size=65536,
        on_progress=lambda d, t: calls.append((d, t)),
    )
    assert result == DownloadResult(
        path=target, bytes=size, format="csv", url_host=files.url.removeprefix("http://")
    )
    assert file_digest(target) == digest(size)
    assert calls[0] == (0, size)
    assert calls[1:-1] == [(d, size) for d in (65536, 131072, 196608, 262144, size)]
    assert calls[-1] == (size, size)
    assert "s3cr3t" not in repr(result) and "s3cr3t" not in str(result)
    assert leftovers(tmp_path) == ["out.csv"]
    api = server.requests[0]
    assert api.path == "/api/v2/worker-runs/RUN1/result/export"
    assert "format=csv" in api.query
    assert files.seen[0].target == "/f.csv?sig=s3cr3t-signature"
    assert files.seen[0].headers["accept-encoding"] == "identity"


def test_the_signed_link_stays_out_of_logs_results_and_errors(
    server: LoopbackServer,
    make_client: ClientFactory,
    files: FileServer,
    tmp_path: Path,
    all_logs: io.StringIO,
) -> None:
    export_points_to(server, files.route("/f/sig-in-path", Act(size=10)) + "?sig=s3cr3t")
    result = download_results(make_client(), "R", tmp_path / "a.csv")
    files.route("/f/sig-in-path", Act("cut", size=300_000, cut_at=100_000))
    with pytest.raises(ce.APIConnectionError) as info:
        download_results(make_client(), "R", tmp_path / "b.csv")
    logs = all_logs.getvalue()
    assert "HTTP Request: GET http://127.0.0.1" in logs  # httpx did log the request ...
    shown = logs + repr(result) + str(info.value) + repr(info.value) + str(info.value.url)
    assert "s3cr3t" not in shown and "sig-in-path" not in shown  # ... as its origin only


def test_download_export_takes_a_url_the_caller_has(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    url = files.route("/last.jsonl", Act(size=1234))
    result = download_export(make_client(), url, tmp_path / "last.jsonl", format="jsonl")
    assert (result.bytes, result.format) == (1234, "jsonl")
    assert (tmp_path / "last.jsonl").stat().st_size == 1234


def test_an_empty_file_is_a_file(
    server: LoopbackServer, make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    export_points_to(server, files.route("/empty.csv", Act(size=0)))
    assert download_results(make_client(), "R", tmp_path / "e.csv").bytes == 0
    assert (tmp_path / "e.csv").read_bytes() == b""


def test_an_encoded_body_is_decoded_and_its_length_checked_raw(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    url = files.route("/z", Act("gzip", size=200_000))
    calls: list[tuple[int, int | None]] = []
    result = download_export(
        make_client(), url, tmp_path / "z", on_progress=lambda d, t: calls.append((d, t))
    )
    assert result.bytes == 200_000 and file_digest(tmp_path / "z") == digest(200_000)
    assert calls[0] == (0, None) and calls[-1] == (200_000, 200_000)


def test_downloads_go_through_the_api_clients_proxy(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    files.route("http://127.0.0.1:9/f.csv", Act(size=100))  # the proxy answers for the host
    client = make_client(proxy=files.url)
    assert download_export(client, "http://127.0.0.1:9/f.csv", tmp_path / "f").bytes == 100
    assert files.seen[0].target == "http://127.0.0.1:9/f.csv"
    assert TEST_KEY not in everything_seen(files)


def test_plain_http_elsewhere_needs_allow_insecure_http(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    # Through a proxy (the file server answers for any host), so no name is ever resolved.
    link = "http://files.example.invalid/f.csv"
    files.route(link, Act(size=10))
    with pytest.raises(ValueError, match="plain-http"):
        download_export(make_client(proxy=files.url), link, tmp_path / "a")
    client = make_client(proxy=files.url)
    assert download_export(client, link, tmp_path / "b", allow_insecure_http=True).bytes == 10
    client = make_client(proxy=files.url, allow_insecure_http=True)  # the client's own setting
    assert download_export(client, link, tmp_path / "c").bytes == 10
    assert [s.target for s in files.seen] == [link, link]


# --- the key stays with the API --------------------------------------------------------------


@pytest.mark.parametrize("auth", ["bearer", "api-key", "query"])
def test_the_key_never_reaches_the_download_hosts(
    auth: str,
    server: LoopbackServer,
    make_client: ClientFactory,
    files: FileServer,
    third: FileServer,
    tmp_path: Path,
) -> None:
    final = third.route("/signed/file.csv", Act(size=5000)) + "?X-Sig=abc"
    redirect = Act(
        "redirect", status=302, location=final, headers={"Set-Cookie": "session=sticky; Path=/"}
    )
    export_points_to(server, files.route("/start", redirect))
    client = make_client(auth=auth, headers={"X-Team": "team-secret-header"})
    result = download_results(client, "R1", tmp_path / "f.csv")
    assert result.bytes == 5000 and result.url_host == third.url.removeprefix("http://")
    # The API server did get the key, so the test would see it if it leaked.
    assert TEST_KEY in repr(server.requests[0].headers) + server.requests[0].target
    assert len(files.seen) == 1 and len(third.seen) == 1
    seen = everything_seen(files, third)
    assert TEST_KEY not in seen
    assert "token" not in seen and "team-secret-header" not in seen
    for record in files.seen + third.seen:
        assert not {"authorization", "api-key", "cookie", "x-team"} & set(record.headers)


@pytest.mark.parametrize("auth", ["bearer", "api-key", "query"])
def test_async_the_key_never_reaches_the_download_hosts(
    auth: str,
    server: LoopbackServer,
    make_client: ClientFactory,
    files: FileServer,
    third: FileServer,
    tmp_path: Path,
) -> None:
    final = third.route("/file.csv", Act(size=5000))
    export_points_to(server, files.route("/start", Act("redirect", status=307, location=final)))
    client = make_client(auth=auth)
    result = arun(client, adownload_results(client, "R1", tmp_path / "f.csv"))
    assert result.bytes == 5000
    assert TEST_KEY not in everything_seen(files, third)
    for record in files.seen + third.seen:
        assert not {"authorization", "api-key", "cookie"} & set(record.headers)


def test_a_download_url_that_carries_the_key_is_refused(
    server: LoopbackServer, make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    export_points_to(server, files.route("/f", Act(size=10)) + f"?token={TEST_KEY}")
    with pytest.raises(ce.UnexpectedResponseError, match="carries the API key") as info:
        download_results(make_client(), "R", tmp_path / "f.csv")
    assert TEST_KEY not in str(info.value) and files.seen == []


# --- URLs that are refused -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "match"),
    [
        ("http://example.com/export.csv", "plain-http"),
        ("ftp://127.0.0.1/export.csv", "http"),
        ("file:///etc/passwd", "http"),
        ("/relative/export.csv", "http"),
        ("https://user:pw@127.0.0.1/x", "credentials"),
        ("https://exa mple.com/x", "whitespace"),
    ],
)
def test_bad_download_urls_are_refused_before_any_request(
    url: str, match: str, server: LoopbackServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    export_points_to(server, url)
    with pytest.raises(ce.UnexpectedResponseError, match=match):
        download_results(make_client(), "R", tmp_path / "f.csv")
    with pytest.raises(ValueError, match=match):
        download_export(make_client(), url, tmp_path / "g.csv")
    assert leftovers(tmp_path) == []


def test_a_redirect_to_plain_http_elsewhere_is_not_followed(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    url = files.route("/f", Act("redirect", status=302, location="http://example.com/f"))
    with pytest.raises(ce.UnexpectedResponseError, match="plain-http"):
        download_export(make_client(), url, tmp_path / "f.csv")
    assert leftovers(tmp_path) == []


def test_redirects_are_bounded(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    url = files.route("/loop", Act("redirect", status=302, location="/loop"))
    with pytest.raises(ce.UnexpectedResponseError, match="redirects"):
        download_export(make_client(), url, tmp_path / "f.csv")
    assert len(files.seen) == 6


# --- failures leave nothing behind ----------------------------------------------------------


def test_a_cut_mid_stream_leaves_no_file(
    server: LoopbackServer, make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    export_points_to(server, files.route("/f", Act("cut", size=1_000_000, cut_at=500_000)))
    with pytest.raises(ce.APIConnectionError, match="of 1000000 bytes"):
        download_results(make_client(), "R", tmp_path / "f.csv")
    assert leftovers(tmp_path) == []
    assert len(files.seen) == 1  # bytes were written: never restarted


def test_async_cut_mid_stream_leaves_no_file(
    server: LoopbackServer, make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    export_points_to(server, files.route("/f", Act("cut", size=1_000_000, cut_at=500_000)))
    client = make_client()
    with pytest.raises(ce.APIConnectionError):
        arun(client, adownload_results(client, "R", tmp_path / "f.csv"))
    assert leftovers(tmp_path) == []


def test_a_500_from_the_download_host_is_typed_and_retried_then_no_file(
    server: LoopbackServer, make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    export_points_to(server, files.route("/f", Act("status", status=500)))
    with pytest.raises(ce.InternalServerError) as info:
        download_results(make_client(), "R", tmp_path / "f.csv")
    assert info.value.status_code == 500 and "error page" in str(info.value)
    assert len(files.seen) == 3  # max_retries=2
    assert len(server.requests) == 1  # the export itself is not repeated
    assert leftovers(tmp_path) == []


def test_async_a_404_is_not_found_and_not_retried(
    server: LoopbackServer, make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    export_points_to(server, files.route("/gone", Act("status", status=404)))
    client = make_client()
    with pytest.raises(ce.NotFoundError):
        arun(client, adownload_results(client, "R", tmp_path / "f.csv"))
    assert len(files.seen) == 1 and leftovers(tmp_path) == []


def test_connection_errors_before_the_first_byte_are_retried_from_zero(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    url = files.route("/f", Act("reset"), Act("status", status=503), Act(size=70_000))
    assert download_export(make_client(), url, tmp_path / "f.csv").bytes == 70_000
    assert len(files.seen) == 3
    assert file_digest(tmp_path / "f.csv") == digest(70_000)


def test_retries_are_bounded(make_client: ClientFactory, files: FileServer, tmp_path: Path) -> None:
    url = files.route("/f", Act("reset"))
    with pytest.raises(ce.APIConnectionError):
        download_export(make_client(), url, tmp_path / "f.csv", max_retries=4)
    assert len(files.seen) == 5
    with pytest.raises(ce.APIConnectionError):
        download_export(make_client(), url, tmp_path / "f.csv", max_retries=0)
    assert len(files.seen) == 6


def test_a_content_length_mismatch_is_an_error_and_no_file(
    server: LoopbackServer, make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    export_points_to(server, files.route("/f", Act("mismatch", size=100_000)))
    with pytest.raises(ce.UnexpectedResponseError, match="100000 of 200000 bytes"):
        download_results(make_client(), "R", tmp_path / "f.csv")
    assert leftovers(tmp_path) == []
    assert len(files.seen) == 1


def test_ctrl_c_mid_download_leaves_no_file(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    url = files.route("/f", Act(size=1_000_000))

    def interrupt(done: int, total: int | None) -> None:
        if done >= 200_000:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        download_export(make_client(), url, tmp_path / "f.csv", on_progress=interrupt)
    assert leftovers(tmp_path) == []


def test_async_cancel_mid_download_leaves_no_file(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    url = files.route("/f", Act("trickle", size=2_000_000))
    client = make_client()

    async def main() -> None:
        task = asyncio.ensure_future(adownload_export(client, url, tmp_path / "f.csv"))
        await asyncio.sleep(0.3)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    arun(client, main())
    assert leftovers(tmp_path) == []


def test_the_deadline_bounds_the_whole_download(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    url = files.route("/slow", Act("trickle", size=10_000_000))  # 64 KiB per 50 ms: ~8 s
    started = time.monotonic()
    with pytest.raises(ce.APITimeoutError, match="deadline"):
        download_export(make_client(), url, tmp_path / "f.csv", deadline=0.5)
    assert time.monotonic() - started < 3
    assert leftovers(tmp_path) == []


def test_a_read_timeout_is_typed(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    url = files.route("/slow", Act("trickle", size=1_000_000))
    with pytest.raises(ce.APITimeoutError):
        download_export(make_client(), url, tmp_path / "f.csv", timeout=0.01, max_retries=0)
    assert leftovers(tmp_path) == []


# --- the target file ------------------------------------------------------------------------


def test_an_existing_file_is_refused_before_anything_is_sent(
    server: LoopbackServer, make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    export_points_to(server, files.route("/f", Act(size=10)))
    target = tmp_path / "f.csv"
    target.write_text("keep me")
    with pytest.raises(FileExistsError):
        download_results(make_client(), "R", target)
    assert server.requests == [] and files.seen == []
    assert target.read_text() == "keep me"
    assert download_results(make_client(), "R", target, overwrite=True).bytes == 10
    assert target.read_bytes() == bytes(range(10))


def test_async_an_existing_file_is_refused(
    server: LoopbackServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    target = tmp_path / "f.csv"
    target.write_text("keep me")
    client = make_client()
    with pytest.raises(FileExistsError):
        arun(client, adownload_results(client, "R", target))
    assert server.requests == [] and target.read_text() == "keep me"


def test_a_failed_overwrite_keeps_the_old_file(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    target = tmp_path / "f.csv"
    target.write_text("old")
    url = files.route("/f", Act("cut", size=300_000, cut_at=200_000))
    with pytest.raises(ce.APIConnectionError):
        download_export(make_client(), url, target, overwrite=True)
    assert target.read_text() == "old" and leftovers(tmp_path) == ["f.csv"]


def test_async_download_export(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    url = files.route("/f", Act(size=150_000))
    client = make_client()
    calls: list[tuple[int, int | None]] = []
    result = arun(
        client,
        adownload_export(
            client, url, tmp_path / "f", on_progress=lambda d, t: calls.append((d, t))
        ),
    )
    assert result.bytes == 150_000 and calls[0] == (0, 150_000) and calls[-1] == (150_000, 150_000)
    assert file_digest(tmp_path / "f") == digest(150_000)


# --- bounded memory -------------------------------------------------------------------------


def test_a_50_mb_download_runs_in_bounded_memory(
    make_client: ClientFactory, files: FileServer, tmp_path: Path
) -> None:
    size = 50 * 1024 * 1024
    url = files.route("/big", Act(size=size))
    client = make_client()
    tracemalloc.start()
    try:
        result = download_export(client, url, tmp_path / "big.bin")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"50 MB download: peak traced memory {peak / 1e6:.2f} MB")
    assert result.bytes == size and os.path.getsize(tmp_path / "big.bin") == size
    assert peak < 10 * 1024 * 1024
    assert file_digest(tmp_path / "big.bin") == digest(size)


# --- the example ----------------------------------------------------------------------------


def test_export_results_example(server: LoopbackServer, files: FileServer, tmp_path: Path) -> None:
    key = "ck_example_key_123456"
    export_points_to(server, files.route("/f.csv", Act(size=4321)))
    env = {**os.environ, "CORECLAW_API_KEY": key, "CORECLAW_BASE_URL": server.url}
    out = tmp_path / "r.csv"
    script = Path(__file__).resolve().parent.parent / "examples" / "export_results.py"
    done = subprocess.run(
        [sys.executable, str(script), "RUN9", "--output", str(out)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size == 4321 and "4321 bytes" in done.stdout
    assert key not in done.stdout + done.stderr + everything_seen(files)
    again = subprocess.run(
        [sys.executable, str(script), "RUN9", "--output", str(out)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert again.returncode == 1 and "exists" in again.stderr


def test_export_results_example_from_rows(server: LoopbackServer, tmp_path: Path) -> None:
    def respond(rec: Recorded) -> Reply:
        page = dict(p.split("=") for p in rec.query.split("&"))["offset"]
        rows = [{"n": i, "tags": ["a", i]} for i in range(3)] if page == "1" else []
        return json_reply({"count": 3, "headers": [{"key": "n"}, {"key": "tags"}], "list": rows})

    server.always(respond)
    env = {
        **os.environ,
        "CORECLAW_API_KEY": "ck_example_key_123456",
        "CORECLAW_BASE_URL": server.url,
    }
    out = tmp_path / "r.jsonl"
    script = Path(__file__).resolve().parent.parent / "examples" / "export_results.py"
    done = subprocess.run(
        [sys.executable, str(script), "RUN9", "--from-rows", "--format", "jsonl", "-o", str(out)],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert out.read_text().splitlines() == [
        '{"n": 0, "tags": ["a", 0]}', '{"n": 1, "tags": ["a", 1]}', '{"n": 2, "tags": ["a", 2]}'
    ]  # fmt: skip
    assert "3 rows" in done.stdout
