"""The examples run for real: as scripts against a scripted loopback server, the receiver in-process."""

from __future__ import annotations

import importlib.util
import json
import os
import queue
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import ClientFactory
from tests.loopback import LoopbackServer, Recorded, Reply, json_reply

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
KEY = "ck_example_key_123456"


def run_example(name: str, server: LoopbackServer, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CORECLAW_API_KEY": KEY, "CORECLAW_BASE_URL": server.url}
    return subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def lifecycle(statuses: dict[str, list[str]], rows: int = 3) -> object:
    """A server where each worker's rerun starts run-<worker> that goes through ``statuses``."""
    progress: dict[str, int] = {}

    def respond(rec: Recorded) -> Reply:
        parts = rec.path.split("/")
        if rec.method == "POST":
            return json_reply({"run_slug": f"run-{parts[4]}"})
        run = parts[4]
        if rec.path.endswith("/result"):
            page = int(dict(p.split("=") for p in rec.query.split("&"))["offset"])
            listed = [{"n": i} for i in range(rows)] if page == 1 else []
            return json_reply(
                {"count": rows, "headers": [{"key": "n", "label": "N"}], "list": listed}
            )
        steps = statuses[run.removeprefix("run-")]
        index = min(progress.get(run, 0), len(steps) - 1)
        progress[run] = index + 1
        return json_reply({"slug": run, "status": steps[index], "results": rows})

    return respond


def test_rerun_and_wait_example(server: LoopbackServer) -> None:
    server.always(lifecycle({"o~n": ["ready", "running", "succeeded"]}))  # type: ignore[arg-type]
    done = run_example("rerun_and_wait.py", server, "o/n", "--poll-interval", "0.01")
    assert done.returncode == 0, done.stderr
    assert "run run-o~n finished: succeeded" in done.stdout
    assert "3 rows" in done.stdout
    assert "running" in done.stderr
    assert KEY not in done.stdout + done.stderr
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"


def test_rerun_and_wait_example_gives_up_within_its_budget(server: LoopbackServer) -> None:
    server.always(lifecycle({"o~n": ["running"]}))  # type: ignore[arg-type]
    done = run_example(
        "rerun_and_wait.py", server, "o/n", "--poll-interval", "0.05", "--wait-timeout", "0.3"
    )
    assert done.returncode == 1
    assert "gave up waiting" in done.stderr


def test_async_fan_out_example(server: LoopbackServer) -> None:
    server.always(
        lifecycle(
            {"o~a": ["running", "succeeded"], "o~b": ["failed"], "o~c": ["ready", "succeeded"]}
        )
    )  # type: ignore[arg-type]
    done = run_example("async_fan_out.py", server, "o/a", "o/b", "o/c", "--poll-interval", "0.01")
    assert done.returncode == 1, done.stderr  # o/b failed
    assert done.stdout.splitlines() == [
        "o/a: succeeded, 3 rows",
        "o/b: failed, 0 rows",
        "o/c: succeeded, 3 rows",
    ]
    posts = [r.target for r in server.requests if r.method == "POST"]
    assert sorted(posts) == [f"/api/v2/workers/o~{w}/runs/last/rerun" for w in "abc"]


def load_receiver() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "callback_receiver", EXAMPLES / "callback_receiver.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def post(url: str, body: bytes) -> int:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as err:
        return err.code


def test_callback_receiver_deduplicates_and_rereads(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    receiver_module = load_receiver()
    server.always(
        lambda rec: json_reply(
            {"slug": rec.path.split("/")[4], "status": "succeeded", "results": 7}
        )
    )
    receiver = receiver_module.Receiver(make_client(), "/hook/s3cret")
    httpd = receiver_module.make_server(receiver)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        done = {"run_slug": "R1", "run_status": "succeeded"}
        assert (
            post(
                f"{base}/hook/s3cret",
                json.dumps({"run_slug": "R1", "run_status": "running"}).encode(),
            )
            == 204
        )
        for _ in range(3):  # repeats
            assert post(f"{base}/hook/s3cret", json.dumps(done).encode()) == 204
        assert (
            post(f"{base}/hook/s3cret", json.dumps({"run_id": 42, "run_status": "failed"}).encode())
            == 204
        )
        assert post(f"{base}/hook/s3cret", b"<html>") == 400
        assert post(f"{base}/wrong-path", json.dumps(done).encode()) == 404
        deadline = time.monotonic() + 5
        while len(receiver.finished) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        httpd.shutdown()
        httpd.server_close()
        receiver.stop()
    assert receiver.finished == {"R1": "succeeded", "42": "succeeded"}
    assert sorted(r.target for r in server.requests) == [
        "/api/v2/worker-runs/42",
        "/api/v2/worker-runs/R1",
    ]


@contextmanager
def running_receiver(client: Any, read_timeout: float = 0.5) -> Iterator[tuple[Any, str, int]]:
    """The example receiver serving on 127.0.0.1 in a thread: (receiver, hook URL, port)."""
    module = load_receiver()
    receiver = module.Receiver(client, "/hook/s3cret")
    httpd = module.make_server(receiver, read_timeout=read_timeout)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    thread.start()
    port = httpd.server_address[1]
    try:
        yield receiver, f"http://127.0.0.1:{port}/hook/s3cret", port
    finally:
        httpd.shutdown()
        httpd.server_close()
        receiver.stop()


def raw_post(port: int, head: bytes, body: bytes = b"", *, close_after: bool = False) -> int:
    """Send a request as given (any header, any length) and read the answer's status."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"POST /hook/s3cret HTTP/1.1\r\nHost: 127.0.0.1\r\n" + head + b"\r\n" + body)
        if close_after:
            sock.shutdown(socket.SHUT_WR)
        answer = b""
        while b"\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    return int(answer.split()[1])


HOSTILE_BODIES: list[tuple[bytes, int]] = [
    (b"not json", 400),
    (b"\xff\xfe\x00garbage", 400),
    (b"[" * 60_000, 400),  # nesting past the parser's stack
    (b'{"a": ' * 5_000 + b"1" + b"}" * 5_000, 400),
    (b"[1, 2]", 400),
    (b"null", 400),
    (b'{"run_slug": 5, "run_status": []}', 400),
    (b'{"run_slug": "R", "run_status": "succeeded", "result_count": "many"}', 400),
    (b'{"run_slug": "\\udc80", "run_status": "succeeded"}', 400),
    (b'{"run_slug": "R\\u001b[2J\\r\\n", "run_status": "succeeded"}', 400),
    (b'{"run_slug": "..", "run_status": "succeeded"}', 400),
    (b'{"run_slug": "last", "run_status": "failed"}', 400),
    # One path segment, sent percent-encoded: it cannot reach another endpoint.
    (b'{"run_id": "../../users/account", "run_status": "failed"}', 204),
    (json.dumps({"run_slug": "R" * 5000, "run_status": "succeeded"}).encode(), 400),
    (json.dumps({"run_slug": "R", "run_status": "\udc80", "pad": "x" * 60_000}).encode(), 204),
    (json.dumps({"run_slug": "GONE", "run_status": "succeeded"}).encode(), 204),  # 404 later
]


def test_callback_receiver_survives_hostile_bodies(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    def respond(rec: Recorded) -> Reply:
        slug = rec.path.split("/")[4]
        if slug == "GONE":  # the run detail cannot be read: the receiver must go on
            return Reply(
                404, b'{"code": 11004, "message": "no"}', {"Content-Type": "application/json"}
            )
        return json_reply({"slug": slug, "status": "succeeded", "results": 1})

    server.always(respond)
    with running_receiver(make_client(max_retries=0)) as (receiver, url, port):
        for body, status in HOSTILE_BODIES:
            assert post(url, body) == status, body[:80]
        assert raw_post(port, b"Content-Length: 1000000000\r\n") == 413  # never read
        assert raw_post(port, b"Content-Length: 65537\r\n") == 413
        assert raw_post(port, b"Content-Length: -5\r\n", b"{}") == 400
        assert raw_post(port, b"Content-Length: 1e3\r\n", b"{}") == 400
        assert raw_post(port, b"Content-Length: \xd9\xa3\r\n", b"{}") == 400  # Arabic 3
        assert raw_post(port, b"Transfer-Encoding: chunked\r\n", b"2\r\n{}\r\n0\r\n\r\n") == 411
        assert raw_post(port, b"Content-Length: 100\r\n", b"{}", close_after=True) == 400
        started = time.monotonic()
        assert raw_post(port, b"Content-Length: 100\r\n", b'{"run_slug"') == 408  # stalls
        assert time.monotonic() - started < 5
        good = json.dumps({"run_slug": "GOOD", "run_status": "succeeded"}).encode()
        assert post(url, good) == 204
        deadline = time.monotonic() + 5
        while "GOOD" not in receiver.finished and time.monotonic() < deadline:
            time.sleep(0.02)
        assert receiver.finished == {"GOOD": "succeeded", "../../users/account": "succeeded"}
        assert (
            post(url, json.dumps({"run_slug": "GONE", "run_status": "succeeded"}).encode()) == 204
        )
    assert sorted(r.path for r in server.requests) == [
        "/api/v2/worker-runs/..%2F..%2Fusers%2Faccount",
        "/api/v2/worker-runs/GONE",
        "/api/v2/worker-runs/GONE",  # forgotten after the failure, so a repeat tried again
        "/api/v2/worker-runs/GOOD",
    ]


def test_callback_receiver_answers_500_for_its_own_bug_and_goes_on(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(json_reply({"slug": "R", "status": "failed"}))
    with running_receiver(make_client()) as (receiver, url, _port):
        accept = receiver.accept
        calls: list[bytes] = []

        def flaky(body: bytes) -> int:
            calls.append(body)
            if len(calls) == 1:
                raise RuntimeError("a bug")
            return int(accept(body))

        receiver.accept = flaky
        body = json.dumps({"run_slug": "R", "run_status": "failed"}).encode()
        assert (post(url, body), post(url, body)) == (500, 204)


def test_callback_receiver_bounds_what_it_remembers(make_client: ClientFactory) -> None:
    module = load_receiver()
    receiver = module.Receiver(make_client(), "/hook")
    drained = receiver._work
    try:
        receiver._work = queue.Queue()  # nothing drains this one: no run is read
        for i in range(module.MAX_TRACKED_RUNS + 10):
            body = json.dumps({"run_slug": f"R{i}", "run_status": "failed"}).encode()
            assert receiver.accept(body) == 204
        assert len(receiver._seen) == module.MAX_TRACKED_RUNS
        assert "R0" not in receiver._seen and f"R{module.MAX_TRACKED_RUNS + 9}" in receiver._seen
        receiver._work = queue.Queue(1)
        receiver._work.put("busy")
        assert receiver.accept(b'{"run_slug": "LATE", "run_status": "failed"}') == 503
        assert "LATE" not in receiver._seen  # so that CoreClaw's repeat is taken
    finally:
        receiver._work = drained
        receiver.stop()


@pytest.mark.parametrize(
    "name",
    [
        "rerun_and_wait.py",
        "async_fan_out.py",
        "callback_receiver.py",
        "export_results.py",
        "batch_runs.py",
    ],
)
def test_examples_explain_themselves(name: str) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "CORECLAW_API_KEY" in done.stdout
