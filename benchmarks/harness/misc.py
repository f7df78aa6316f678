"""Regen timing, client construction, and the sequential connection count."""

from __future__ import annotations

import gc
import subprocess
import time
from collections.abc import Callable

import httpx

import coreclaw_ext as ce
from tests.fast_server_proc import FastServer

from .common import (
    DASH,
    KEY,
    LE,
    ROOT,
    RUN_ID,
    Row,
    Spread,
    ms,
    paired,
    progress,
    rotated,
    scaled,
    set_delta,
    set_ratio,
    signed_ms,
)
from .settings import Settings


class Regen:
    """``scripts/regen.sh --check`` runs: timed one after another, or one in the background."""

    def __init__(self) -> None:
        self.took: list[float] = []
        self.codes: list[int] = []
        self._proc: subprocess.Popen[bytes] | None = None
        self._started = 0.0

    def start(self) -> None:
        self._started = time.perf_counter()
        self._proc = subprocess.Popen(
            ["bash", str(ROOT / "scripts" / "regen.sh"), "--check"],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def wait(self) -> None:
        assert self._proc is not None
        try:
            code = self._proc.wait(timeout=300)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            code = self._proc.wait()
        self.took.append(time.perf_counter() - self._started)
        self.codes.append(code)
        self._proc = None

    def stop(self) -> None:
        """End a run still going (the benchmark failed before it collected it)."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()


def bench_regen(s: Settings, background: Regen | None = None) -> list[Row]:
    """``background``: one run already started (smoke profile), else ``s.regen_runs`` runs."""
    if background is not None:
        regen = background
        regen.wait()
    else:
        progress(f"regen: scripts/regen.sh --check x {s.regen_runs}")
        regen = Regen()
        for _ in range(s.regen_runs):
            regen.start()
            regen.wait()
    took, codes = regen.took, regen.codes
    row = Row(
        id="regen",
        section="regen",
        measurement="scripts/regen.sh --check wall time (generate + ruff into a temp dir, diff)",
        target=f"{LE} 5 s (round 1)",
        samples={"s": [round(t, 3) for t in took]},
    )
    if any(code not in (0, 1) for code in codes):
        return [row.unavailable(f"regen.sh exit codes {codes} (2: venv or pinned tools missing)")]
    spread = Spread.of(took)
    row.value = f"{spread.median:.2f} s ({spread.low:.2f} {DASH} {spread.high:.2f})"
    row.number, row.unit = spread.median, "s"
    row.met = spread.median <= 5.0
    if 1 in codes:
        row.note = "generated/ was stale (exit 1); the timing is of the same work"
    if background is not None:
        row.note = (row.note + "; " if row.note else "") + "ran beside the other sections"
    return [row]


def bench_sequential_connections(server: FastServer, s: Settings) -> list[Row]:
    """Peak open connections while one sync client makes N sequential calls: exactly 1."""
    progress(f"connections: {s.sequential_calls} sequential get_worker_run through one client")
    client = ce.create_client(KEY, base_url=server.url)
    try:
        server.reset()
        for _ in range(s.sequential_calls):
            ce.get_worker_run(client, RUN_ID)
        stats = server.stats()
    finally:
        client.close()
    peak = int(stats["peak_open"])
    return [
        Row(
            id="connections.sync",
            section="connections",
            measurement=f"peak open connections, {s.sequential_calls:,} sequential "
            "get_worker_run through one sync client",
            value=str(peak),
            number=float(peak),
            unit="connections",
            target="exactly 1",
            met=peak == 1,
            note=f"server accepted {int(stats['connections']) - 1} and saw "
            f"{int(stats['requests']) - 1} requests",
        )
    ]


def bench_build(server: FastServer, s: Settings) -> list[Row]:
    progress(f"client construction: {s.build_rounds} rounds")

    def raw() -> None:
        httpx.Client(base_url=server.url).close()

    def ext() -> None:
        client = ce.create_client(KEY, base_url=server.url)
        client.get_httpx_client()
        client.close()

    builders: dict[str, Callable[[], None]] = {"raw": raw, "ext": ext}
    for build in builders.values():
        build()
    took: dict[str, list[float]] = {name: [] for name in builders}
    for rnd in range(s.build_rounds):
        for name in rotated(list(builders), rnd):
            gc.collect()
            cpu0 = time.process_time()
            builders[name]()
            took[name].append(time.process_time() - cpu0)
    ref, own = Spread.of(took["raw"]), Spread.of(took["ext"])
    ratio, delta = paired(took, "ext", "raw")
    ext_row = Row(
        id="build.ext",
        section="build",
        measurement="build a sync client: create_client() + get_httpx_client(), CPU",
        value=f"{ms(own.median)} ({signed_ms(delta.median)})",
        number=own.median * 1e3,
        unit="ms cpu",
        samples={"ms": scaled(took["ext"], 1e3)},
    )
    set_ratio(ext_row, ratio)
    set_delta(ext_row, delta, "ms", 1e3)
    return [
        Row(
            id="build.raw",
            section="build",
            measurement="build a sync client: httpx.Client(), CPU (reference)",
            value=ms(ref.median),
            number=ref.median * 1e3,
            unit="ms cpu",
            samples={"ms": scaled(took["raw"], 1e3)},
        ),
        ext_row,
    ]
