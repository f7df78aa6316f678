"""benchmarks/run.py works: a smoke run with tiny counts, checking connections and rows only.

Timings are never asserted (this machine's noise is 10-50 % between runs); the benchmark itself
reports them. What is asserted: the script runs end to end against its own server process, one
sync client reuses exactly one TCP connection for sequential calls, async clients open no more
connections than calls in flight, and the JSON has every row.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "run.py"
IN_FLIGHT = 64

OPS = ("rerun", "run_detail", "result_page")
ASYNC_CLIENTS = ("raw", "raw_aiohttp", "ext", "ext_aiohttp_transport", "ext_aiohttp")
EXPECTED_ROWS = {
    *(f"sync.{op}.raw" for op in OPS),
    *(f"sync.{op}.{c}.{k}" for op in OPS for c in ("generated", "ext") for k in ("cpu", "wall")),
    *(f"mock.{op}.{c}" for op in OPS for c in ("raw", "generated", "ext")),
    *(f"async.{c}" for c in ASYNC_CLIENTS),
    *(f"connections.async.{c}" for c in ASYNC_CLIENTS),
    "connections.sync",
    "parse.json",
    "parse.shape",
    "parse.models",
    "parse.ext",
    "import.httpx",
    "import.coreclaw_api",
    "import.coreclaw_ext",
    "import.coreclaw_ext_in_use",
    "regen",
    "build.raw",
    "build.ext",
}


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
        timeout=90,
    )
    assert proc.returncode == 0, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert "| measurement | value |" in proc.stdout
    result: dict[str, Any] = json.loads(out.read_text())
    return result


def _rows(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in result["rows"]}


def test_every_row_is_reported(smoke: dict[str, Any]) -> None:
    rows = _rows(smoke)
    assert set(rows) == EXPECTED_ROWS
    assert len(smoke["rows"]) == len(rows)  # no duplicates
    for row_id, row in rows.items():
        assert row["measurement"] and row["value"], row_id
        if row["available"] and row["target"]:
            assert isinstance(row["met"], bool), row_id
    # The references and the default install are always measured; only the aiohttp rows may be
    # "not available" (aiohttp is an optional extra).
    for row_id in ("sync.rerun.ext.cpu", "mock.run_detail.ext", "async.raw", "async.ext"):
        assert rows[row_id]["available"], row_id
        assert rows[row_id]["number"] is not None, row_id
    assert smoke["machine"]["nproc"] >= 1


def test_one_connection_for_sequential_sync_calls(smoke: dict[str, Any]) -> None:
    row = _rows(smoke)["connections.sync"]
    assert row["number"] == 1, row
    assert row["met"] is True


def test_async_connections_bounded_by_concurrency(smoke: dict[str, Any]) -> None:
    rows = _rows(smoke)
    assert smoke["in_flight"] == IN_FLIGHT
    for name in ASYNC_CLIENTS:
        row = rows[f"connections.async.{name}"]
        if not row["available"]:
            assert name in ("raw_aiohttp", "ext_aiohttp_transport", "ext_aiohttp"), row
            continue
        assert 1 <= row["number"] <= IN_FLIGHT, row
