"""The result walk: 100,000 rows in pages of 100 (1,000 pages) per client per round.

``coreclaw_ext.iter_worker_run_results`` (stdlib decoder, then each fast decoder) against a
raw httpx loop, with the raw socket loop (floor) and the coreclaw-client peer as references.
Every client walks the whole result in each round, interleaved and rotated; the ratios are of
rows/s (wall), and CPU µs/row is reported beside them. Before timing, the first two pages of
every client are compared with raw httpx's rows: a mismatch is shown in the row's note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Any

import httpx

import coreclaw_ext as ce
from tests.fast_server import PAGE_SIZE, RESULT_ROWS
from tests.fast_server_proc import FastServer

from .common import (
    AUTH,
    GE,
    KEY,
    RUN_ID,
    TIMES,
    US,
    Row,
    Spread,
    paired,
    progress,
    rotated,
    set_ratio,
    times,
)
from .decoders import FAST_DECODERS, STDLIB, check, json_module, using
from .peers import RESULT_PATH, PageFetch, Peer, close_all, coreclaw_client_peer, socket_peer
from .settings import Settings
from .timing import timed

EXT_TARGET = 1.0  # rows/s of the ext walk (stdlib decoder) / raw httpx loop
FAST_TARGET = 1.3  # the same with a fast decoder
Walk = Callable[[int], int]  # rows to walk -> rows seen
ITER = f"iter_worker_run_results(client, run, page_size={PAGE_SIZE})"


@dataclass
class Walker:
    name: str
    label: str
    walk: Walk | None = None
    sample: Callable[[], list[dict[str, Any]]] | None = None
    target: float | None = None
    note: str = ""
    available: bool = True
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)


def _paged(fetch: PageFetch) -> tuple[Walk, Callable[[], list[dict[str, Any]]]]:
    def walk(rows: int) -> int:
        seen = 0
        for page in range(1, rows // PAGE_SIZE + 1):
            for _row in fetch(page):
                seen += 1
        return seen

    return walk, lambda: [*fetch(1), *fetch(2)]


def _ext(client: ce.CoreClawClient, decoder: str | None) -> tuple[Walk, Callable[[], Any]]:
    def walk(rows: int) -> int:
        seen = 0
        with using(decoder):
            for _row in islice(
                ce.iter_worker_run_results(client, RUN_ID, page_size=PAGE_SIZE), rows
            ):
                seen += 1
        return seen

    def sample() -> list[dict[str, Any]]:
        with using(decoder):
            it = ce.iter_worker_run_results(client, RUN_ID, page_size=PAGE_SIZE)
            return list(islice(it, 2 * PAGE_SIZE))

    return walk, sample


def _walkers(
    url: str, raw: httpx.Client, closers: list[Callable[[], None]], default: str | None
) -> list[Walker]:
    """Every walker; ``default`` is the library's own decoder setting (None: no _json)."""

    def raw_page(page: int) -> list[dict[str, Any]]:
        params = {"offset": page, "limit": PAGE_SIZE}
        rows: list[dict[str, Any]] = raw.get(RESULT_PATH, params=params).json()["data"]["list"]
        return rows

    raw_walk, raw_sample = _paged(raw_page)
    walkers = [
        Walker(
            "raw",
            "raw httpx.Client loop: get(...).json()['data']['list'] (reference)",
            raw_walk,
            raw_sample,
        )
    ]
    plain = STDLIB if json_module() is not None else None
    variants: list[tuple[str, str | None, str, float | None]] = [
        ("ext", plain, ITER + (f", {plain} decoder" if plain else ""), EXT_TARGET),
        *((f"ext_{d}", d, f"{ITER}, {d} decoder", FAST_TARGET) for d in FAST_DECODERS),
        ("ext_default", default, f"{ITER}, the library's default decoder ({default})", None),
    ]
    for name, decoder, label, target in variants:
        walker = Walker(name, label, target=target)
        if decoder is None or plain is None:
            walker.available, walker.note = False, "coreclaw_ext._json not present"
        elif name == "ext_default" and decoder == STDLIB:
            walker.available, walker.note = False, "the default is the standard library: walk.ext"
        elif (why := check(decoder)) is not None and name != "ext":
            walker.available, walker.note = False, why
        if name == "ext" or walker.available:
            with using(decoder):  # in case a client binds its decoder when it is built
                client = ce.create_client(KEY, base_url=url)
            closers.append(client.close)
            walker.available, walker.note = True, ""
            walker.walk, walker.sample = _ext(client, decoder)
        walkers.append(walker)
    peers: list[Peer] = []
    closers.append(lambda: close_all(peers))
    peers += [socket_peer(url), coreclaw_client_peer(url)]
    for peer in peers:
        walker = Walker(peer.name, peer.label, note=peer.note)
        if not peer.available or peer.page is None:
            walker.available, walker.note = False, peer.note
        else:
            walker.walk, walker.sample = _paged(peer.page)
        walkers.append(walker)
    return walkers


def bench_walk(server: FastServer, s: Settings, default_decoder: str | None = None) -> list[Row]:
    rows_per_walk = min(s.walk_rows, RESULT_ROWS) // PAGE_SIZE * PAGE_SIZE
    raw = httpx.Client(base_url=server.url, headers=AUTH)
    closers: list[Callable[[], None]] = [raw.close]
    try:
        walkers = _walkers(server.url, raw, closers, default_decoder)
        live = {w.name: w for w in walkers if w.available}
        expected = live["raw"].sample() if live["raw"].sample else []
        for walker in live.values():  # warm-up, and the same rows as raw httpx?
            assert walker.sample is not None
            got = walker.sample()
            if got != expected:
                walker.note = f"ROWS DIFFER from raw httpx ({len(got)} vs {len(expected)} rows)"
        progress(f"walk: {s.walk_rounds} rounds x {rows_per_walk:,} rows, {', '.join(live)}")
        for rnd in range(s.walk_rounds):
            for name in rotated(list(live), rnd):
                walker = live[name]
                assert walker.walk is not None
                wall, cpu, seen = timed(partial(walker.walk, rows_per_walk))
                if seen != rows_per_walk:
                    raise RuntimeError(f"walk {name}: saw {seen} rows, not {rows_per_walk}")
                walker.wall.append(wall)
                walker.cpu.append(cpu)
    finally:
        for close in reversed(closers):
            close()
    return [_row(w, walkers[0], rows_per_walk) for w in walkers]


def _row(walker: Walker, raw: Walker, rows: int) -> Row:
    row = Row(
        id=f"walk.{walker.name}",
        section="walk",
        measurement=f"walk {rows:,} result rows in pages of {PAGE_SIZE}: {walker.label}",
        note=walker.note,
    )
    if walker.target is not None:
        row.target = f"{GE} {walker.target:.1f}{TIMES} raw httpx rows/s"
    if not walker.available:
        return row.unavailable(walker.note)
    rate = {w.name: [rows / t for t in w.wall] for w in (walker, raw)}
    cpu = {w.name: [c / rows for c in w.cpu] for w in (walker, raw)}
    own, own_cpu = Spread.of(rate[walker.name]), Spread.of(cpu[walker.name])
    row.value = f"{own.median:,.0f} rows/s, CPU {own_cpu.median * 1e6:.2f} {US}/row"
    row.number, row.unit = own.median, "rows/s"
    row.extra = {"cpu_us_per_row": round(own_cpu.median * 1e6, 3)}
    row.samples = {"rows_per_s": [round(v) for v in rate[walker.name]]}
    if walker is not raw:
        ratio, _ = paired(rate, walker.name, "raw")
        cpu_ratio, _ = paired(cpu, walker.name, "raw")
        set_ratio(row, ratio)
        row.value += f" ({times(cpu_ratio.median)} raw CPU/row)"
        if walker.target is not None:
            row.met = ratio.median >= walker.target and not walker.note.startswith("ROWS")
    return row
