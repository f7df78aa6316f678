"""benchmarks/run.py works: a smoke run with tiny counts, checking rows and connections only.

Timings are never asserted (this machine's noise is 10-50 % between runs); the benchmark itself
reports them. What is asserted: the script runs end to end against its own server process, the
JSON has every row of issue 14's targets (and the older ones), every row with a target says
whether it was met, one sync client keeps exactly one connection open for sequential calls,
async clients never have more connections open at once than calls in flight, and the memory
rows come from fresh processes.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "run.py"
IN_FLIGHT = (64, 256)
FAST_PATH_IN_FLIGHT = 256

pytestmark = pytest.mark.timeout(300)

OPS = ("rerun", "run_detail", "result_page")
SYNC_PEERS = ("requests", "urllib3", "socket", "coreclaw_client")
DEFAULT_ASYNC = ("raw", "ext")
FAST_ASYNC = ("aiohttp", "httpx_aiohttp", "ext_aiohttp_transport", "ext_aiohttp")
ASYNC_KEYS = (
    *(f"{n}.{c}" for n in IN_FLIGHT for c in DEFAULT_ASYNC),
    *(f"{FAST_PATH_IN_FLIGHT}.{c}" for c in FAST_ASYNC),
)
WALKERS = ("raw", "ext", "ext_orjson", "ext_msgspec", "ext_default", "socket", "coreclaw_client")
EXPECTED_ROWS = {
    *(f"sync.{op}.raw" for op in OPS),
    *(f"sync.{op}.{c}.{k}" for op in OPS for c in ("generated", "ext") for k in ("cpu", "wall")),
    *(f"sync.{op}.{peer}" for op in OPS for peer in SYNC_PEERS),
    *(f"mock.{op}.{c}" for op in OPS for c in ("raw", "generated", "ext")),
    *(f"async.{key}" for key in ASYNC_KEYS),
    *(f"connections.async.{key}" for key in ASYNC_KEYS),
    "connections.sync",
    *(f"walk.{w}" for w in WALKERS),
    "parse.json",
    "parse.shape",
    "parse.models",
    "parse.ext",
    "import.httpx",
    "import.coreclaw_api",
    "import.coreclaw_ext",
    "import.coreclaw_ext_in_use",
    "import.aiohttp",
    "cold.httpx",
    "cold.ext.statement",
    "cold.ext.process",
    "cold.requests",
    "cold.coreclaw_client",
    "cold.async.httpx",
    "cold.async.aiohttp",
    "cli.import_httpx",
    "cli.curl",
    "cli.run_get",
    "cli.run_get.vs_curl",
    *(
        f"memory.{m}"
        for m in (
            "sync.raw",
            "sync.ext",
            "sync.ext_default",
            "async.raw",
            "async.ext",
            "async.ext_aiohttp",
        )
    ),
    "regen",
    "build.raw",
    "build.ext",
}
# Rows of issue 14 that must carry a target (and so a met? verdict when measured).
TARGET_ROWS = {
    "sync.rerun.ext.cpu",
    "sync.run_detail.ext.cpu",
    *(f"async.{n}.ext" for n in IN_FLIGHT),
    f"async.{FAST_PATH_IN_FLIGHT}.ext_aiohttp",
    "walk.ext",
    "walk.ext_orjson",
    "walk.ext_msgspec",
    "cold.ext.statement",
    "cold.ext.process",
    "memory.sync.ext",
    "memory.async.ext",
    "connections.sync",
    *(f"connections.async.{key}" for key in ASYNC_KEYS),
}
# Always measured: the references, the default install, and what the dev lock installs.
ALWAYS = {
    *(f"sync.{op}.{c}" for op in OPS for c in ("raw", "ext.cpu", "generated.cpu", "socket")),
    "mock.run_detail.ext",
    *(f"async.{n}.{c}" for n in IN_FLIGHT for c in DEFAULT_ASYNC),
    "walk.raw",
    "walk.ext",
    "walk.socket",
    "cold.httpx",
    "cold.ext.statement",
    "cold.ext.process",
    "cold.async.httpx",
    "cli.import_httpx",
    "cli.run_get",
    "memory.sync.raw",
    "memory.sync.ext",
    "memory.async.raw",
    "memory.async.ext",
    "connections.sync",
}


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


@pytest.fixture(scope="module")
def smoke(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("bench") / "smoke.json"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORECLAW_")}
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke", "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
    )
    assert proc.returncode == 0, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert "| measurement | value |" in proc.stdout
    assert "Load average" in proc.stdout and "Targets:" in proc.stdout
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def _rows(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in result["rows"]}


def test_every_row_is_reported(smoke: dict[str, Any]) -> None:
    rows = _rows(smoke)
    assert set(rows) == EXPECTED_ROWS, set(rows) ^ EXPECTED_ROWS
    assert len(smoke["rows"]) == len(rows)  # no duplicates
    for row_id, row in rows.items():
        assert row["measurement"] and row["value"], row_id
        if row["available"] and row["target"]:
            assert isinstance(row["met"], bool), row_id
        if not row["available"]:
            assert row["value"] == "not available" and row["note"], row_id
            assert row["met"] is None, row_id
    for row_id in TARGET_ROWS:
        assert rows[row_id]["target"], row_id
    for row_id in ALWAYS:
        assert rows[row_id]["available"], (row_id, rows[row_id]["note"])
        assert rows[row_id]["number"] is not None, row_id


def test_optional_rows_follow_what_is_installed(smoke: dict[str, Any]) -> None:
    rows = _rows(smoke)
    for op in OPS:
        assert rows[f"sync.{op}.requests"]["available"] == _installed("requests")
        assert rows[f"sync.{op}.urllib3"]["available"] == _installed("urllib3")
    peer = _installed("coreclaw")
    assert rows["sync.rerun.coreclaw_client"]["available"] == peer
    assert rows["walk.coreclaw_client"]["available"] == peer
    assert not rows["sync.run_detail.coreclaw_client"]["available"]  # it has no such call
    aiohttp = _installed("aiohttp")
    for row_id in (f"async.{FAST_PATH_IN_FLIGHT}.aiohttp", "import.aiohttp", "cold.async.aiohttp"):
        assert rows[row_id]["available"] == aiohttp, row_id
    assert rows["cli.curl"]["available"] == (shutil.which("curl") is not None)
    fast_json = _installed("coreclaw_ext._json")
    for decoder in ("orjson", "msgspec"):
        expected = fast_json and _installed(decoder)
        assert rows[f"walk.ext_{decoder}"]["available"] == expected, decoder


def test_machine_header(smoke: dict[str, Any]) -> None:
    machine = smoke["machine"]
    assert machine["nproc"] >= 1
    for key in ("cpu_model", "memory_gib", "date", "python", "commit", "json_decoder"):
        assert key in machine, key
    assert len(machine["load_average_before"]) == 3 and len(machine["load_average_after"]) == 3
    assert "httpx" in machine["versions"]


def test_one_connection_for_sequential_sync_calls(smoke: dict[str, Any]) -> None:
    row = _rows(smoke)["connections.sync"]
    assert row["number"] == 1, row
    assert row["met"] is True


def test_async_connections_bounded_by_concurrency(smoke: dict[str, Any]) -> None:
    rows = _rows(smoke)
    assert smoke["in_flight"] == list(IN_FLIGHT)
    for key in ASYNC_KEYS:
        row = rows[f"connections.async.{key}"]
        n = int(key.split(".")[0])
        assert row["extra"]["in_flight"] == n
        if not row["available"]:
            assert key.split(".")[1] in FAST_ASYNC, row
            continue
        assert 1 <= row["number"] <= n, row
        assert row["met"] is True, row


def test_memory_rows_come_from_fresh_processes(smoke: dict[str, Any]) -> None:
    rows = _rows(smoke)
    for row_id in ("memory.sync.ext", "memory.async.ext"):
        row = rows[row_id]
        assert row["unit"] == "MiB"
        assert row["extra"]["rss_first_mib"] > 0 and row["extra"]["rss_last_mib"] > 0
        assert "RSS" in row["note"]
