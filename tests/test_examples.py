"""The examples run for real: as scripts against a scripted loopback server, the receiver in-process."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import ModuleType

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
    import threading

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


@pytest.mark.parametrize("name", ["rerun_and_wait.py", "async_fan_out.py", "callback_receiver.py"])
def test_examples_explain_themselves(name: str) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / name), "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and "CORECLAW_API_KEY" in done.stdout
