"""Memory: current RSS after N and after M calls with distinct run ids, each client in a fresh
process (``memory_child.py``) so that no other section's allocations count. The children run
side by side: RSS does not depend on timing, and this keeps the section short."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from tests.fast_server_proc import FastServer

from .common import ARROW, MINUS, PM, ROOT, Row, progress
from .decoders import LEAVE
from .procs import bytecode_env
from .settings import Settings

CHILD = Path(__file__).with_name("memory_child.py")
FLAT_MIB = 1.0
MODES = {
    "sync.raw": ("sync_raw", "sync: raw httpx.Client get(...).json() (reference)"),
    "sync.ext": ("sync_ext", "sync: get_worker_run(client, <distinct id>)"),
    "async.raw": ("async_raw", "async: raw httpx.AsyncClient get(...).json() (reference)"),
    "async.ext": ("async_ext", "async: aget_worker_run(client, <distinct id>), default backend"),
    "async.ext_aiohttp": (
        "async_ext_aiohttp",
        'async: aget_worker_run, create_client(async_backend="aiohttp")',
    ),
    "sync.ext_default": (
        "sync_ext_default",
        "sync: get_worker_run, the library's default JSON decoder setting (no target)",
    ),
}
TIMEOUT = 300.0


def bench_memory(
    server: FastServer, s: Settings, decoder: str, default_decoder: str | None
) -> list[Row]:
    """``decoder``: pinned in the ext children; ``default_decoder``: the library's setting."""
    modes = dict(MODES)
    missing = {}
    if importlib.util.find_spec("aiohttp") is None:
        missing["async.ext_aiohttp"] = "aiohttp not installed"
    if default_decoder is None or default_decoder == decoder or decoder == LEAVE:
        missing["sync.ext_default"] = "the children already use the library's default decoder"
    for key in missing:
        del modes[key]
    progress(
        f"memory: {len(modes)} fresh processes side by side, RSS after "
        f"{s.memory_first:,} and {s.memory_total:,} calls"
    )
    args = [str(s.memory_first), str(s.memory_total), str(s.memory_in_flight)]
    pinned = {key: LEAVE if key.endswith("_default") else decoder for key in modes}
    with bytecode_env() as env:
        procs = {
            key: subprocess.Popen(
                [sys.executable, str(CHILD), mode, server.url, *args, pinned[key]],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for key, (mode, _label) in modes.items()
        }
        results = _collect(procs)
    return [_row(key, MODES[key][1], results.get(key, missing.get(key, "")), s) for key in MODES]


def _collect(procs: dict[str, subprocess.Popen[str]]) -> dict[str, dict[str, Any] | str]:
    results: dict[str, dict[str, Any] | str] = {}
    for key, proc in procs.items():
        watchdog = threading.Timer(TIMEOUT, proc.kill)
        watchdog.start()
        try:
            out, err = proc.communicate()
        finally:
            watchdog.cancel()
        if proc.returncode == 0:
            results[key] = json.loads(out.strip().rsplit("\n", 1)[-1])
        else:
            results[key] = f"exit code {proc.returncode}: {err.strip()[-300:]}"
    return results


def _row(key: str, label: str, result: dict[str, Any] | str, s: Settings) -> Row:
    is_ext = ".ext" in key and not key.endswith("_default")
    row = Row(
        id=f"memory.{key}",
        section="memory",
        measurement=f"RSS after {s.memory_first:,} and {s.memory_total:,} calls, distinct run "
        f"ids, fresh process{'' if key.startswith('sync') else f', {s.memory_in_flight} in flight'}"
        f": {label}",
        target=f"flat {PM}{FLAT_MIB:g} MiB ({s.memory_total:,} {MINUS} {s.memory_first:,})"
        if is_ext
        else "",
    )
    if isinstance(result, str):
        return row.unavailable(result or "not run")
    first, last = result["marks"]
    delta = last["rss_mib"] - first["rss_mib"]
    row.value = f"{first['rss_mib']:.1f} MiB {ARROW} {last['rss_mib']:.1f} MiB: {delta:+.2f} MiB"
    row.number, row.unit = delta, "MiB"
    decoder = f"decoder at the end: {result['decoder']}; " if result.get("decoder") else ""
    row.note = (
        f"{last['source']}; Python blocks {last['blocks'] - first['blocks']:+,}; "
        f"{decoder}{result['seconds']:.1f} s"
    )
    row.extra = {"rss_first_mib": first["rss_mib"], "rss_last_mib": last["rss_mib"]}
    if is_ext:
        row.met = abs(delta) <= FLAT_MIB
    return row
