#!/usr/bin/env python3
"""Client-side benchmarks of coreclaw_ext / coreclaw_api against raw httpx, in one run.

    python benchmarks/run.py [--quick] [--json out.json]

A fast HTTP/1.1 server (tests/fast_server.py) runs in its own process on loopback. Every
measurement interleaves the compared clients in short alternating chunks, rotating their order
each round, and reports the median and range of the per-round *paired* ratios (client / raw
httpx): back-to-back runs on these machines differ by 10-50 %, so only numbers taken side by
side in one run are compared. Client CPU is ``time.process_time()`` (the server is another
process), wall is ``time.perf_counter()``. See benchmarks/README.md for what each row means.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
from coreclaw_api.api.worker_runs import get_worker_run as gen_get_worker_run
from coreclaw_api.api.worker_runs import list_worker_run_results as gen_list_results
from coreclaw_api.api.worker_runs import rerun_worker_last_run as gen_rerun
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.rerun_request import RerunRequest
from coreclaw_api.models.result_page_envelope import ResultPageEnvelope

import coreclaw_ext as ce
from coreclaw_ext._shape import conforms, mismatch

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.fast_server import PAGE, RUN, envelope  # noqa: E402
from tests.fast_server_proc import FastServer, fast_server  # noqa: E402


def _optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


httpx_aiohttp = _optional("httpx_aiohttp")

KEY = "ck_bench_0123456789abcdef"
RUN_ID = "01KZAZTK3BEMEDXA54396WMGC2"
WORKER = "owner~bench"
RERUN = envelope({"run_slug": f"run-{WORKER}"})
IN_FLIGHT = 64
MOCK_URL = "http://127.0.0.1:9"
IN_USE = "import coreclaw_ext; coreclaw_ext.create_client; coreclaw_ext.get_worker_run"

# Written as escapes: ruff flags these characters as look-alikes in string literals.
TIMES = "\u00d7"
US = "\u00b5s"
DASH = "\u2013"
LE = "\u2264"
GE = "\u2265"


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    """How much work each section does; see PROFILES."""

    profile: str
    sync_chunk: int  # calls per client per chunk, live server
    sync_rounds: int
    mock_chunk: int  # calls per client per chunk, MockTransport
    mock_rounds: int
    parse_chunk: int
    parse_rounds: int
    async_calls: int  # calls per client per round, IN_FLIGHT at a time
    async_rounds: int  # measured rounds, after one warm-up round that counts connections
    import_rounds: int
    regen_runs: int
    build_rounds: int
    sequential_calls: int  # sync calls through one client for the connection count
    async_warm_calls: int  # calls of the first round per fresh client, which counts connections


PROFILES: dict[str, Settings] = {
    "full": Settings("full", 20, 40, 100, 60, 50, 30, 1000, 10, 15, 3, 12, 1000, 2000),
    "quick": Settings("quick", 20, 6, 60, 6, 20, 8, 200, 2, 3, 1, 3, 1000, 200),
    # For tests/test_benchmarks_smoke.py: proves the script works, numbers mean nothing.
    "smoke": Settings("smoke", 3, 2, 5, 2, 2, 2, 128, 1, 1, 1, 1, 200, 128),
}

SECTIONS = ("sync", "mock", "async", "parse", "imports", "regen", "connections", "build")


# --------------------------------------------------------------------------- results


@dataclass
class Row:
    """One line of the results table (and of the JSON output)."""

    id: str
    section: str
    measurement: str
    value: str = ""
    number: float | None = None  # the main absolute value, in `unit`
    unit: str = ""
    ratio: float | None = None  # median of paired ratios, client / reference
    ratio_min: float | None = None
    ratio_max: float | None = None
    delta: float | None = None  # median of paired differences, in delta_unit
    delta_min: float | None = None
    delta_max: float | None = None
    delta_unit: str = ""
    target: str = ""
    met: bool | None = None
    stretch_met: bool | None = None
    available: bool = True
    note: str = ""
    samples: dict[str, list[float]] = field(default_factory=dict)


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float

    @staticmethod
    def of(values: Sequence[float]) -> Spread:
        return Spread(statistics.median(values), min(values), max(values))


def _us(seconds: float) -> str:
    value = seconds * 1e6
    return f"{value:,.0f} {US}" if abs(value) >= 100 else f"{value:,.1f} {US}"


def _signed_us(seconds: float) -> str:
    value = seconds * 1e6
    text = f"{value:+,.0f}" if abs(value) >= 100 else f"{value:+,.1f}"
    return f"{text} {US}"


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms"


def _signed_ms(seconds: float) -> str:
    return f"{seconds * 1e3:+,.1f} ms"


def _rotated(names: Sequence[str], shift: int) -> list[str]:
    shift %= len(names)
    return [*names[shift:], *names[:shift]]


def _paired(values: dict[str, list[float]], name: str, reference: str) -> tuple[Spread, Spread]:
    """Per-round ratios and differences of ``name`` against ``reference`` (client / reference)."""
    own, ref = values[name], values[reference]
    ratios = [a / b for a, b in zip(own, ref, strict=True)]
    deltas = [a - b for a, b in zip(own, ref, strict=True)]
    return Spread.of(ratios), Spread.of(deltas)


def _set_ratio(row: Row, ratio: Spread) -> None:
    row.ratio, row.ratio_min, row.ratio_max = ratio.median, ratio.low, ratio.high


def _set_delta(row: Row, delta: Spread, unit: str, scale: float) -> None:
    row.delta = delta.median * scale
    row.delta_min = delta.low * scale
    row.delta_max = delta.high * scale
    row.delta_unit = unit


def _progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- interleaving


@dataclass
class Samples:
    """Per-round, per-call seconds of one client."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)


SyncCall = Callable[[int], object]


def interleave_sync(calls: dict[str, SyncCall], chunk: int, rounds: int) -> dict[str, Samples]:
    """Run each client ``chunk`` times per round, alternating, rotating the order each round."""
    names = list(calls)
    for name in names:  # warm-up: connections, caches, lazily built clients
        for i in range(max(chunk, 3)):
            calls[name](i)
    result = {name: Samples() for name in names}
    for rnd in range(rounds):
        for name in _rotated(names, rnd):
            call = calls[name]
            gc.collect()
            cpu0, wall0 = time.process_time(), time.perf_counter()
            for i in range(chunk):
                call(i)
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            result[name].cpu.append(cpu / chunk)
            result[name].wall.append(wall / chunk)
    return result


AsyncCall = Callable[[int], Awaitable[object]]


async def fan_out(call: AsyncCall, total: int, in_flight: int) -> tuple[float, float]:
    """``total`` calls, at most ``in_flight`` at once (a semaphore); (wall, cpu) seconds."""
    gate = asyncio.Semaphore(in_flight)

    async def one(i: int) -> None:
        async with gate:
            await call(i)

    gc.collect()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(total)))
    return time.perf_counter() - wall0, time.process_time() - cpu0


# --------------------------------------------------------------------------- clients

OPS = ("rerun", "run_detail", "result_page")
OP_LABELS = {
    "rerun": "rerun (seed op, POST)",
    "run_detail": "run detail (GET)",
    "result_page": "result page 100 rows (GET)",
}
# The per-call targets are about the cost of a call; a result page also builds 100 row models,
# which raw json() does not (the parse rows isolate that), so its rows are reported only.
TARGET_OPS = ("rerun", "run_detail")


def raw_sync_calls(client: httpx.Client) -> dict[str, SyncCall]:
    def rerun(_i: int) -> object:
        return client.post(f"/api/v2/workers/{WORKER}/runs/last/rerun", json={}).json()

    def run_detail(_i: int) -> object:
        return client.get(f"/api/v2/worker-runs/{RUN_ID}").json()

    def result_page(_i: int) -> object:
        return client.get(
            f"/api/v2/worker-runs/{RUN_ID}/result", params={"offset": 1, "limit": 100}
        ).json()

    return {"rerun": rerun, "run_detail": run_detail, "result_page": result_page}


def generated_sync_calls(client: AuthenticatedClient) -> dict[str, SyncCall]:
    def rerun(_i: int) -> object:
        return gen_rerun.sync_detailed(WORKER, client=client, body=RerunRequest()).parsed

    def run_detail(_i: int) -> object:
        return gen_get_worker_run.sync_detailed(RUN_ID, client=client).parsed

    def result_page(_i: int) -> object:
        return gen_list_results.sync_detailed(RUN_ID, client=client, offset=1, limit=100).parsed

    return {"rerun": rerun, "run_detail": run_detail, "result_page": result_page}


def ext_sync_calls(client: ce.CoreClawClient) -> dict[str, SyncCall]:
    def rerun(_i: int) -> object:
        return ce.rerun_worker_last_run(client, "owner/bench")

    def run_detail(_i: int) -> object:
        return ce.get_worker_run(client, RUN_ID)

    def result_page(_i: int) -> object:
        return ce.list_worker_run_results(client, RUN_ID, offset=1, limit=100)

    return {"rerun": rerun, "run_detail": run_detail, "result_page": result_page}


def _canned(request: httpx.Request) -> httpx.Response:
    """The fast server's envelopes, without a server."""
    if request.method == "POST":
        body = RERUN
    elif request.url.path.endswith("/result"):
        body = PAGE
    else:
        body = RUN
    return httpx.Response(200, content=body, headers={"content-type": "application/json"})


CLIENT_LABELS = {
    "raw": "raw httpx.Client + json()",
    "generated": "generated sync_detailed",
    "ext": "coreclaw_ext convenience",
}


def _triples(
    raw: httpx.Client, generated: AuthenticatedClient, ext: ce.CoreClawClient
) -> dict[str, dict[str, SyncCall]]:
    r, g, e = raw_sync_calls(raw), generated_sync_calls(generated), ext_sync_calls(ext)
    return {op: {"raw": r[op], "generated": g[op], "ext": e[op]} for op in OPS}


# --------------------------------------------------------------------------- sections


def bench_sync(server: FastServer, s: Settings) -> list[Row]:
    rows: list[Row] = []
    raw = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {KEY}"})
    generated = AuthenticatedClient(base_url=server.url, token=KEY)
    ext = ce.create_client(KEY, base_url=server.url)
    try:
        for op, calls in _triples(raw, generated, ext).items():
            _progress(f"sync {op}: {s.sync_rounds} rounds x {s.sync_chunk} calls per client")
            samples = interleave_sync(calls, s.sync_chunk, s.sync_rounds)
            cpu = {name: v.cpu for name, v in samples.items()}
            wall = {name: v.wall for name, v in samples.items()}
            label = f"sync {OP_LABELS[op]}"
            ref_cpu, ref_wall = Spread.of(cpu["raw"]), Spread.of(wall["raw"])
            rows.append(
                Row(
                    id=f"sync.{op}.raw",
                    section="sync",
                    measurement=f"{label}: {CLIENT_LABELS['raw']} (reference)",
                    value=f"CPU {_us(ref_cpu.median)}/call, wall {_us(ref_wall.median)}/call",
                    number=ref_cpu.median * 1e6,
                    unit="us/call cpu",
                    samples={"cpu_us": _scaled(cpu["raw"]), "wall_us": _scaled(wall["raw"])},
                )
            )
            for name in ("generated", "ext"):
                for kind, values in (("cpu", cpu), ("wall", wall)):
                    ratio, delta = _paired(values, name, "raw")
                    own = Spread.of(values[name])
                    row = Row(
                        id=f"sync.{op}.{name}.{kind}",
                        section="sync",
                        measurement=f"{label}: {CLIENT_LABELS[name]}, client {kind.upper()}"
                        if kind == "cpu"
                        else f"{label}: {CLIENT_LABELS[name]}, wall",
                        value=f"{_us(own.median)}/call ({_signed_us(delta.median)} vs raw)",
                        number=own.median * 1e6,
                        unit=f"us/call {kind}",
                        samples={f"{kind}_us": _scaled(values[name])},
                    )
                    _set_ratio(row, ratio)
                    _set_delta(row, delta, "us/call", 1e6)
                    if name == "ext" and kind == "cpu" and op in TARGET_OPS:
                        row.target = f"{LE} 1.10{TIMES} raw CPU"
                        row.met = ratio.median <= 1.10
                    rows.append(row)
    finally:
        raw.close()
        generated.get_httpx_client().close()
        ext.close()
    return rows


def _scaled(values: Sequence[float], scale: float = 1e6) -> list[float]:
    return [round(v * scale, 3) for v in values]


def bench_mock(s: Settings) -> list[Row]:
    rows: list[Row] = []
    transport = httpx.MockTransport(_canned)
    raw = httpx.Client(
        base_url=MOCK_URL, headers={"Authorization": f"Bearer {KEY}"}, transport=transport
    )
    generated = AuthenticatedClient(base_url=MOCK_URL, token=KEY)
    generated.set_httpx_client(
        httpx.Client(
            base_url=MOCK_URL, headers={"Authorization": f"Bearer {KEY}"}, transport=transport
        )
    )
    ext = ce.create_client(KEY, base_url=MOCK_URL, transport=transport)
    try:
        for op, calls in _triples(raw, generated, ext).items():
            _progress(f"SDK layer over MockTransport, {op}: {s.mock_rounds} x {s.mock_chunk}")
            samples = interleave_sync(calls, s.mock_chunk, s.mock_rounds)
            cpu = {name: v.cpu for name, v in samples.items()}
            label = f"SDK layer alone (MockTransport) {OP_LABELS[op]}"
            ref = Spread.of(cpu["raw"])
            rows.append(
                Row(
                    id=f"mock.{op}.raw",
                    section="mock",
                    measurement=f"{label}: {CLIENT_LABELS['raw']} (reference)",
                    value=f"CPU {_us(ref.median)}/call",
                    number=ref.median * 1e6,
                    unit="us/call cpu",
                    samples={"cpu_us": _scaled(cpu["raw"])},
                )
            )
            for name in ("generated", "ext"):
                ratio, delta = _paired(cpu, name, "raw")
                row = Row(
                    id=f"mock.{op}.{name}",
                    section="mock",
                    measurement=f"{label}: {CLIENT_LABELS[name]}, {US} added per call",
                    value=f"{_signed_us(delta.median)}/call "
                    f"({_signed_us(delta.low)} {DASH} {_signed_us(delta.high)})",
                    number=delta.median * 1e6,
                    unit="us/call added",
                    samples={"cpu_us": _scaled(cpu[name])},
                )
                _set_ratio(row, ratio)
                _set_delta(row, delta, "us/call", 1e6)
                if name == "ext" and op in TARGET_OPS:
                    row.target = f"{LE} +50 {US} (stretch {LE} +20 {US})"
                    row.met = delta.median <= 50e-6
                    row.stretch_met = delta.median <= 20e-6
                rows.append(row)
    finally:
        raw.close()
        generated.get_httpx_client().close()
        ext.close()
    return rows


@dataclass
class AsyncClientSpec:
    name: str
    label: str
    target: str = ""
    check: Callable[[float], bool] | None = None
    conn_target: bool = False
    available: bool = True
    note: str = ""
    call: AsyncCall | None = None
    close: Callable[[], Awaitable[None]] | None = None
    optional: bool = False


def _limits() -> httpx.Limits:
    return httpx.Limits(max_connections=IN_FLIGHT, max_keepalive_connections=IN_FLIGHT)


def _raw_async_call(client: httpx.AsyncClient) -> AsyncCall:
    async def call(i: int) -> object:
        response = await client.post(f"/api/v2/workers/owner~w-{i % 64}/runs/last/rerun", json={})
        return response.json()

    return call


def _ext_async_call(client: ce.CoreClawClient) -> AsyncCall:
    async def call(i: int) -> object:
        return await ce.arerun_worker_last_run(client, f"owner/w-{i % 64}")

    return call


def _async_specs(url: str) -> list[AsyncClientSpec]:
    """Build the async clients (inside the running loop); missing optional ones are marked."""
    headers = {"Authorization": f"Bearer {KEY}"}
    specs: list[AsyncClientSpec] = []

    raw = httpx.AsyncClient(base_url=url, headers=headers, limits=_limits())
    specs.append(
        AsyncClientSpec(
            "raw",
            "raw httpx.AsyncClient (reference)",
            call=_raw_async_call(raw),
            close=raw.aclose,
        )
    )

    raw_aio = AsyncClientSpec(
        "raw_aiohttp",
        "raw httpx.AsyncClient + httpx_aiohttp.AiohttpTransport (reference)",
        optional=True,
    )
    if httpx_aiohttp is None:
        raw_aio.available, raw_aio.note = False, "httpx-aiohttp not installed"
    else:
        client = httpx.AsyncClient(
            base_url=url,
            headers=headers,
            transport=httpx_aiohttp.AiohttpTransport(limits=_limits()),
        )
        raw_aio.call, raw_aio.close = _raw_async_call(client), client.aclose
    specs.append(raw_aio)

    ext = ce.create_client(KEY, base_url=url)
    specs.append(
        AsyncClientSpec(
            "ext",
            "arerun_worker_last_run, create_client() default transport",
            target=f"{GE} 0.95{TIMES} raw",
            check=lambda r: r >= 0.95,
            conn_target=True,
            call=_ext_async_call(ext),
            close=ext.aclose,
        )
    )

    ext_aio_t = AsyncClientSpec(
        "ext_aiohttp_transport",
        "arerun_worker_last_run, create_client(async_transport=AiohttpTransport(...)) (reference)",
        conn_target=True,
        optional=True,
    )
    if httpx_aiohttp is None:
        ext_aio_t.available, ext_aio_t.note = False, "httpx-aiohttp not installed"
    else:
        client_t = ce.create_client(
            KEY, base_url=url, async_transport=httpx_aiohttp.AiohttpTransport(limits=_limits())
        )
        ext_aio_t.call, ext_aio_t.close = _ext_async_call(client_t), client_t.aclose
    specs.append(ext_aio_t)

    fast = AsyncClientSpec(
        "ext_aiohttp",
        'arerun_worker_last_run, create_client(async_backend="aiohttp")',
        target=f"{GE} 3{TIMES} raw",
        check=lambda r: r >= 3.0,
        conn_target=True,
        optional=True,
    )
    try:
        factory: Callable[..., ce.CoreClawClient] = ce.create_client
        client_f = factory(KEY, base_url=url, async_backend="aiohttp")
    except (TypeError, ImportError, ValueError) as exc:
        fast.available, fast.note = False, f"not available: {type(exc).__name__}: {exc}"
    else:
        fast.call, fast.close = _ext_async_call(client_f), client_f.aclose
    specs.append(fast)
    return specs


async def _async_main(server: FastServer, s: Settings) -> tuple[list[Row], list[Row]]:
    specs = _async_specs(server.url)
    warm = s.async_warm_calls
    connections: dict[str, int] = {}
    warm_seconds: dict[str, float] = {}
    try:
        # Warm-up round, one fresh client at a time: it also counts the connections it opens.
        for spec in specs:
            if not spec.available or spec.call is None:
                continue
            _progress(f"async warm-up {spec.name}: {warm} calls, {IN_FLIGHT} in flight")
            server.reset()
            try:
                wall, _cpu = await fan_out(spec.call, warm, IN_FLIGHT)
            except Exception as exc:  # only optional clients may fail, e.g. a lazy import
                if not spec.optional:
                    raise
                spec.available, spec.note = False, f"not available: {type(exc).__name__}: {exc}"
                continue
            stats = server.stats()
            connections[spec.name] = int(stats["connections"]) - 1  # minus the stats request
            warm_seconds[spec.name] = wall
        live = [spec for spec in specs if spec.available]
        names = [spec.name for spec in live]
        by_name = {spec.name: spec for spec in live}
        rate: dict[str, list[float]] = {name: [] for name in names}
        cpu: dict[str, list[float]] = {name: [] for name in names}
        for rnd in range(s.async_rounds):
            _progress(f"async round {rnd + 1}/{s.async_rounds}: {', '.join(names)}")
            for name in _rotated(names, rnd):
                call = by_name[name].call
                assert call is not None
                # Re-open the pool first: idle connections expire after 5 s while the other
                # clients run, and a cold httpx pool is several times slower than a warm one
                # (the warm-up round above shows it). The timed chunk is the steady state.
                await fan_out(call, 2 * IN_FLIGHT, IN_FLIGHT)
                wall, used = await fan_out(call, s.async_calls, IN_FLIGHT)
                rate[name].append(s.async_calls / wall)
                cpu[name].append(used / s.async_calls)
    finally:
        for spec in specs:
            if spec.close is not None:
                await spec.close()

    perf_rows: list[Row] = []
    conn_rows: list[Row] = []
    for spec in specs:
        label = f"async rerun, {IN_FLIGHT} in flight: {spec.label}"
        row = Row(
            id=f"async.{spec.name}",
            section="async",
            measurement=label,
            target=spec.target,
            available=spec.available,
            note=spec.note,
        )
        conn = Row(
            id=f"connections.async.{spec.name}",
            section="connections",
            measurement=f"TCP connections, {warm:,} async calls at {IN_FLIGHT} in flight: "
            f"{spec.label}",
            target=f"{LE} {IN_FLIGHT}" if spec.conn_target else "",
            available=spec.available,
            note=spec.note,
        )
        if spec.available:
            own = Spread.of(rate[spec.name])
            own_cpu = Spread.of(cpu[spec.name])
            row.value = f"{own.median:,.0f} calls/s, CPU {_us(own_cpu.median)}/call"
            row.number, row.unit = own.median, "calls/s"
            row.samples = {"calls_per_s": [round(v, 1) for v in rate[spec.name]]}
            if spec.name != "raw":
                ratio, _delta = _paired(rate, spec.name, "raw")
                _set_ratio(row, ratio)
                if spec.check is not None:
                    row.met = spec.check(ratio.median)
            count = connections[spec.name]
            conn.value, conn.number, conn.unit = str(count), float(count), "connections"
            conn.note = f"fresh client, cold pool: {warm / warm_seconds[spec.name]:,.0f} calls/s"
            if spec.conn_target:
                conn.met = count <= IN_FLIGHT
        else:
            row.value = conn.value = "not available"
        perf_rows.append(row)
        conn_rows.append(conn)
    return perf_rows, conn_rows


def bench_async(server: FastServer, s: Settings) -> tuple[list[Row], list[Row]]:
    return asyncio.run(_async_main(server, s))


def bench_parse(s: Settings) -> list[Row]:
    _progress(f"result-page parsing: {s.parse_rounds} rounds x {s.parse_chunk}")
    shape = {"$ref": "ResultPage"}

    def plain(_i: int) -> object:
        return json.loads(PAGE)

    def with_shape(_i: int) -> object:
        payload = json.loads(PAGE)
        return conforms(payload["data"], shape)

    def with_models(_i: int) -> object:
        return ResultPageEnvelope.from_dict(json.loads(PAGE)).data

    def ext_path(_i: int) -> object:
        payload = json.loads(PAGE)
        assert conforms(payload["data"], shape), mismatch(payload["data"], shape)
        return ResultPageEnvelope.from_dict(payload).data

    calls: dict[str, SyncCall] = {
        "json": plain,
        "shape": with_shape,
        "models": with_models,
        "ext": ext_path,
    }
    labels = {
        "json": "json.loads (what raw httpx json() does) (reference)",
        "shape": "json.loads + shape check (_shape.conforms, as the transport does) [breakdown]",
        "models": "json.loads + ResultPageEnvelope.from_dict [breakdown]",
        "ext": "coreclaw_ext path: json.loads + shape check + models",
    }
    samples = interleave_sync(calls, s.parse_chunk, s.parse_rounds)
    cpu = {name: v.cpu for name, v in samples.items()}
    rows: list[Row] = []
    for name, label in labels.items():
        own = Spread.of(cpu[name])
        row = Row(
            id=f"parse.{name}",
            section="parse",
            measurement=f"result page 100 rows x 20 cols ({len(PAGE):,} bytes): {label}",
            value=f"{_us(own.median)}/page",
            number=own.median * 1e6,
            unit="us/page cpu",
            samples={"cpu_us": _scaled(cpu[name])},
        )
        if name != "json":
            ratio, delta = _paired(cpu, name, "json")
            _set_ratio(row, ratio)
            _set_delta(row, delta, "us/page", 1e6)
            row.value += f" ({_signed_us(delta.median)})"
        rows.append(row)
    return rows


def _time_import(statement: str | None, env: dict[str, str]) -> tuple[float, float]:
    """Run a fresh interpreter that runs ``statement``: (whole-process wall, statement wall).

    The child times its own import statement. The parent waits without a timeout (a timed
    ``Popen.wait`` polls with sleeps of up to 50 ms and quantises the result); a timer kills a
    child that hangs.
    """
    code = "import time as _t\n_s = _t.perf_counter()\n"
    if statement:
        code += f"{statement}\n"
    code += "print(_t.perf_counter() - _s)\n"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    watchdog = threading.Timer(60, proc.kill)
    watchdog.start()
    try:
        out, _ = proc.communicate()
    finally:
        watchdog.cancel()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"python -c {statement!r} failed with exit code {proc.returncode}")
    return wall, float(out)


def _import_env(cache_dir: str) -> dict[str, str]:
    """An environment where every module, ours and site-packages alike, loads from byte code.

    A wheel install has byte code for every module; a source checkout run with
    PYTHONDONTWRITEBYTECODE=1 (as on this project's machines) would compile ours from source on
    every import and not httpx's. One private cache prefix, filled by the warm-up, puts all
    modules on the same footing without writing __pycache__ folders into the tree.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache_dir
    return env


def bench_imports(s: Settings) -> list[Row]:
    _progress(f"imports: {s.import_rounds} rounds of fresh interpreters")
    with tempfile.TemporaryDirectory(prefix="bench-pyc-") as cache_dir:
        return _bench_imports(s, _import_env(cache_dir))


def _bench_imports(s: Settings, env: dict[str, str]) -> list[Row]:
    modules: dict[str, str | None] = {
        "bare": None,
        "httpx": "import httpx",
        "coreclaw_api": "import coreclaw_api",
        "coreclaw_ext": "import coreclaw_ext",
        # coreclaw_ext imports its names on first use, so a bare import says little about
        # what a script pays before its first call: this resolves the client and a convenience.
        "coreclaw_ext_in_use": IN_USE,
    }
    for module in modules.values():  # warm-up: byte-code caches, page cache
        _time_import(module, env)
    whole: dict[str, list[float]] = {name: [] for name in modules}
    only: dict[str, list[float]] = {name: [] for name in modules}
    for rnd in range(s.import_rounds):
        for name in _rotated(list(modules), rnd):
            wall, imported = _time_import(modules[name], env)
            whole[name].append(wall)
            only[name].append(imported)
    bare = Spread.of(whole["bare"])
    ref = Spread.of(only["httpx"])
    ref_whole = Spread.of(whole["httpx"])
    rows = [
        Row(
            id="import.httpx",
            section="imports",
            measurement="import httpx in a fresh interpreter (reference)",
            value=f"{_ms(ref.median)} (whole interpreter run {_ms(ref_whole.median)}, "
            f"bare {_ms(bare.median)})",
            number=ref.median * 1e3,
            unit="ms",
            samples={
                "import_ms": _scaled(only["httpx"], 1e3),
                "process_ms": _scaled(whole["httpx"], 1e3),
                "bare_process_ms": _scaled(whole["bare"], 1e3),
            },
        )
    ]
    labels = {
        "coreclaw_api": "import coreclaw_api",
        "coreclaw_ext": "import coreclaw_ext",
        "coreclaw_ext_in_use": "import coreclaw_ext + first use of create_client and "
        "get_worker_run",
    }
    for name, label in labels.items():
        ratio, delta = _paired(only, name, "httpx")
        _, whole_delta = _paired(whole, name, "httpx")
        own = Spread.of(only[name])
        row = Row(
            id=f"import.{name}",
            section="imports",
            measurement=f"{label} in a fresh interpreter, paired with import httpx",
            value=f"{_ms(own.median)} = httpx {_signed_ms(delta.median)} "
            f"({_signed_ms(delta.low)} {DASH} {_signed_ms(delta.high)}); "
            f"whole interpreter run {_signed_ms(whole_delta.median)}",
            number=own.median * 1e3,
            unit="ms",
            samples={
                "import_ms": _scaled(only[name], 1e3),
                "process_ms": _scaled(whole[name], 1e3),
            },
        )
        _set_ratio(row, ratio)
        _set_delta(row, delta, "ms", 1e3)
        if name in ("coreclaw_ext", "coreclaw_ext_in_use"):
            row.target = f"{LE} httpx + 50 ms"
            row.met = delta.median <= 0.050
        rows.append(row)
    return rows


def bench_regen(s: Settings) -> list[Row]:
    _progress(f"regen: scripts/regen.sh --check x {s.regen_runs}")
    script = ROOT / "scripts" / "regen.sh"
    times: list[float] = []
    codes: list[int] = []
    for _ in range(s.regen_runs):
        started = time.perf_counter()
        proc = subprocess.run(
            ["bash", str(script), "--check"],
            check=False,
            cwd=ROOT,
            capture_output=True,
            timeout=300,
        )
        times.append(time.perf_counter() - started)
        codes.append(proc.returncode)
    row = Row(
        id="regen",
        section="regen",
        measurement="scripts/regen.sh --check wall time (generate + ruff into a temp dir, diff)",
        target=f"{LE} 5 s",
        samples={"s": [round(t, 3) for t in times]},
    )
    if any(code not in (0, 1) for code in codes):
        row.available, row.value = False, "not available"
        row.note = f"regen.sh exit codes {codes} (2: venv or pinned tools missing)"
        return [row]
    spread = Spread.of(times)
    row.value = f"{spread.median:.2f} s ({spread.low:.2f} {DASH} {spread.high:.2f})"
    row.number, row.unit = spread.median, "s"
    row.met = spread.median <= 5.0
    if 1 in codes:
        row.note = "generated/ was stale (exit 1); the timing is of the same work"
    return [row]


def bench_sequential_connections(server: FastServer, s: Settings) -> list[Row]:
    _progress(f"connections: {s.sequential_calls} sequential get_worker_run through one client")
    client = ce.create_client(KEY, base_url=server.url)
    try:
        server.reset()
        for _ in range(s.sequential_calls):
            ce.get_worker_run(client, RUN_ID)
        stats = server.stats()
    finally:
        client.close()
    count = int(stats["connections"]) - 1  # minus the stats request itself
    return [
        Row(
            id="connections.sync",
            section="connections",
            measurement=f"TCP connections, {s.sequential_calls:,} sequential get_worker_run "
            "through one sync client",
            value=str(count),
            number=float(count),
            unit="connections",
            target="exactly 1",
            met=count == 1,
            note=f"server saw {int(stats['requests']) - 1} requests",
        )
    ]


def bench_build(server: FastServer, s: Settings) -> list[Row]:
    _progress(f"client construction: {s.build_rounds} rounds")

    def raw() -> None:
        httpx.Client(base_url=server.url).close()

    def ext() -> None:
        client = ce.create_client(KEY, base_url=server.url)
        client.get_httpx_client()
        client.close()

    builders: dict[str, Callable[[], None]] = {"raw": raw, "ext": ext}
    for build in builders.values():
        build()
    times: dict[str, list[float]] = {name: [] for name in builders}
    for rnd in range(s.build_rounds):
        for name in _rotated(list(builders), rnd):
            gc.collect()
            cpu0 = time.process_time()
            builders[name]()
            times[name].append(time.process_time() - cpu0)
    ref = Spread.of(times["raw"])
    own = Spread.of(times["ext"])
    ratio, delta = _paired(times, "ext", "raw")
    ext_row = Row(
        id="build.ext",
        section="build",
        measurement="build a sync client: create_client() + get_httpx_client(), CPU",
        value=f"{_ms(own.median)} ({_signed_ms(delta.median)})",
        number=own.median * 1e3,
        unit="ms cpu",
        samples={"ms": _scaled(times["ext"], 1e3)},
    )
    _set_ratio(ext_row, ratio)
    _set_delta(ext_row, delta, "ms", 1e3)
    return [
        Row(
            id="build.raw",
            section="build",
            measurement="build a sync client: httpx.Client(), CPU (reference)",
            value=_ms(ref.median),
            number=ref.median * 1e3,
            unit="ms cpu",
            samples={"ms": _scaled(times["raw"], 1e3)},
        ),
        ext_row,
    ]


# --------------------------------------------------------------------------- report


def machine_info() -> dict[str, Any]:
    cpu_model = ""
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    versions = {"httpx": httpx.__version__, "coreclaw_ext": ce.__version__}
    for name in ("httpcore", "h11", "attrs", "aiohttp", "httpx-aiohttp"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    commit = ""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            check=False,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
    return {
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "nproc": os.cpu_count(),
        "cpu_model": cpu_model,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "versions": versions,
        "commit": commit,
    }


def _fmt_ratio(row: Row) -> tuple[str, str]:
    if row.ratio is None or row.ratio_min is None or row.ratio_max is None:
        return ("", "")
    return (
        f"{row.ratio:.2f}{TIMES}",
        f"{row.ratio_min:.2f}{DASH}{row.ratio_max:.2f}{TIMES}",
    )


def _fmt_met(row: Row) -> str:
    if not row.available and row.target:
        return "n/a"
    if row.met is None:
        return ""
    text = "yes" if row.met else "**no**"
    if row.stretch_met is not None:
        text += " (stretch: yes)" if row.stretch_met else " (stretch: no)"
    return text


def markdown_table(rows: Sequence[Row]) -> str:
    lines = [
        "| measurement | value | median ratio | min" + DASH + "max | target | met? |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        ratio, spread = _fmt_ratio(row)
        value = f"{row.value} ({row.note})" if row.note else row.value
        cells = [row.measurement, value, ratio, spread, row.target, _fmt_met(row)]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines)


def summary(rows: Sequence[Row]) -> list[str]:
    out = []
    for row in rows:
        if row.target:
            state = "n/a" if not row.available else ("met" if row.met else "MISSED")
            out.append(f"{state:>6}  {row.id}: {row.value} (target {row.target})")
    return out


# --------------------------------------------------------------------------- main


@contextlib.contextmanager
def _server_if(needed: bool) -> Iterator[FastServer | None]:
    if not needed:
        yield None
        return
    with fast_server() as server:
        yield server


def run(settings: Settings, sections: Sequence[str]) -> dict[str, Any]:
    started = time.perf_counter()
    load_before = [round(x, 2) for x in os.getloadavg()]
    by_section: dict[str, list[Row]] = {name: [] for name in SECTIONS}
    needs_server = bool({"sync", "async", "connections", "build"} & set(sections))
    with _server_if(needs_server) as server:
        if server is not None:
            _progress(f"fast server at {server.url}")
        if "sync" in sections and server is not None:
            by_section["sync"] = bench_sync(server, settings)
        if "mock" in sections:
            by_section["mock"] = bench_mock(settings)
        if "connections" in sections and server is not None:
            by_section["connections"] += bench_sequential_connections(server, settings)
        if ("async" in sections or "connections" in sections) and server is not None:
            perf, conns = bench_async(server, settings)
            if "async" in sections:
                by_section["async"] = perf
            if "connections" in sections:
                by_section["connections"] += conns
        if "build" in sections and server is not None:
            by_section["build"] = bench_build(server, settings)
    if "parse" in sections:
        by_section["parse"] = bench_parse(settings)
    if "imports" in sections:
        by_section["imports"] = bench_imports(settings)
    if "regen" in sections:
        by_section["regen"] = bench_regen(settings)
    rows = [row for name in SECTIONS for row in by_section[name]]
    machine = machine_info()
    machine["load_average_before"] = load_before
    return {
        "machine": machine,
        "settings": asdict(settings),
        "in_flight": IN_FLIGHT,
        "elapsed_s": round(time.perf_counter() - started, 1),
        "rows": [asdict(row) for row in rows],
        "_rows": rows,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer rounds, about 30 s")
    parser.add_argument(
        "--smoke", action="store_true", help="tiny counts, for the test suite; numbers mean nothing"
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the results as JSON")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run (default all: {','.join(SECTIONS)})",
    )
    parser.add_argument("--async-calls", type=int, help="override calls per client per async round")
    parser.add_argument("--async-rounds", type=int, help="override measured async rounds")
    args = parser.parse_args(argv)
    sections = [name.strip() for name in args.only.split(",") if name.strip()]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    settings = PROFILES["smoke" if args.smoke else "quick" if args.quick else "full"]
    if args.async_calls:
        settings = replace(settings, async_calls=args.async_calls)
    if args.async_rounds:
        settings = replace(settings, async_rounds=args.async_rounds)

    result = run(settings, sections)
    rows: list[Row] = result.pop("_rows")
    machine = result["machine"]
    print(
        f"## Results ({settings.profile} profile, {result['elapsed_s']} s)\n\n"
        f"Machine: {machine['nproc']} CPUs, {machine['cpu_model']}; Python {machine['python']}; "
        + ", ".join(f"{k} {v}" for k, v in machine["versions"].items())
        + (f"; commit {machine['commit']}" if machine["commit"] else "")
        + f"; load average before/after {machine['load_average_before'][0]}"
        + f"/{machine['load_average'][0]}\n"
    )
    print(markdown_table(rows))
    print("\nTargets:")
    print("\n".join(summary(rows)))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        _progress(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
