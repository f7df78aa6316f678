"""Async fan-out rows: the default backend against raw httpx at 64 and 256 in flight, the
aiohttp fast path against raw aiohttp at 256, and the peak of concurrently open connections
that each client needed (read from the server after every chunk)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

import coreclaw_ext as ce
from tests.fast_server_proc import FastServer

from .common import AUTH, GE, KEY, LE, TIMES, Row, Spread, paired, progress, rotated, set_ratio, us
from .peers import optional
from .settings import FAST_PATH_IN_FLIGHT, IN_FLIGHT_LEVELS, Settings
from .timing import AsyncCall, fan_out

DEFAULT_TARGET = 0.95  # ext default backend calls/s / raw httpx.AsyncClient, at every level
FAST_TARGET = 0.6  # ext aiohttp backend calls/s / raw aiohttp, at FAST_PATH_IN_FLIGHT
WORKERS = 64  # distinct workers the reruns go to
# Every client gets the same generous timeouts: at 256 in flight httpx's pool work can keep
# the event loop busy past the 5 s connect timeout of both defaults (a busy loop, not a slow
# server), and a timeout would end the section. Timeout values do not change what a call costs.
TIMEOUT = 60.0


@dataclass
class Spec:
    name: str  # e.g. "ext"; the row id is async.<in_flight>.<name>
    in_flight: int
    label: str
    reference: str | None = None  # key of the spec this one is paired with
    target: float | None = None  # minimum median ratio to the reference
    target_text: str = ""
    available: bool = True
    note: str = ""
    call: AsyncCall | None = None
    close: Callable[[], Awaitable[None]] | None = None
    rate: list[float] = field(default_factory=list)  # calls/s per timed chunk
    cpu: list[float] = field(default_factory=list)  # client CPU s per call
    peaks: list[int] = field(default_factory=list)  # peak open connections per chunk
    accepts: list[int] = field(default_factory=list)  # connections accepted per chunk
    fresh_rate: float | None = None  # calls/s of the first (cold pool) pre-warm

    @property
    def key(self) -> str:
        return f"{self.in_flight}.{self.name}"


def _limits(n: int) -> httpx.Limits:
    return httpx.Limits(max_connections=n, max_keepalive_connections=n)


def _path(i: int) -> str:
    return f"/api/v2/workers/owner~w-{i % WORKERS}/runs/last/rerun"


def _httpx_call(client: httpx.AsyncClient) -> AsyncCall:
    async def call(i: int) -> object:
        return (await client.post(_path(i), json={})).json()

    return call


def _ext_call(client: ce.CoreClawClient) -> AsyncCall:
    async def call(i: int) -> object:
        return await ce.arerun_worker_last_run(client, f"owner/w-{i % WORKERS}")

    return call


def _default_specs(url: str, n: int) -> list[Spec]:
    raw = httpx.AsyncClient(base_url=url, headers=AUTH, limits=_limits(n), timeout=TIMEOUT)
    ext = ce.create_client(KEY, base_url=url, max_connections=n, timeout=TIMEOUT)
    return [
        Spec(
            "raw", n, "raw httpx.AsyncClient (reference)", call=_httpx_call(raw), close=raw.aclose
        ),
        Spec(
            "ext",
            n,
            f"arerun_worker_last_run, create_client(max_connections={n}) default backend",
            reference=f"{n}.raw",
            target=DEFAULT_TARGET,
            target_text=f"{GE} {DEFAULT_TARGET:.2f}{TIMES} raw httpx",
            call=_ext_call(ext),
            close=ext.aclose,
        ),
    ]


def _fast_specs(url: str, n: int) -> list[Spec]:
    aiohttp = optional("aiohttp")
    httpx_aiohttp = optional("httpx_aiohttp")
    ref = f"{n}.aiohttp"
    specs = [
        Spec("aiohttp", n, f"raw aiohttp.ClientSession(TCPConnector(limit={n})) (reference)"),
        Spec(
            "httpx_aiohttp",
            n,
            "raw httpx.AsyncClient + httpx_aiohttp.AiohttpTransport (reference)",
            reference=ref,
        ),
        Spec(
            "ext_aiohttp_transport",
            n,
            "arerun_worker_last_run, create_client(async_transport=AiohttpTransport(...)) "
            "(reference)",
            reference=ref,
        ),
        Spec(
            "ext_aiohttp",
            n,
            f'arerun_worker_last_run, create_client(async_backend="aiohttp", max_connections={n})',
            reference=ref,
            target=FAST_TARGET,
            target_text=f"{GE} {FAST_TARGET:.1f}{TIMES} raw aiohttp",
        ),
    ]
    raw_aio, via_httpx, ext_t, fast = specs
    if aiohttp is None:
        for spec in specs:
            spec.available, spec.note = False, "aiohttp not installed"
        return specs
    session = aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=n), timeout=aiohttp.ClientTimeout(total=TIMEOUT)
    )
    headers = {**AUTH, "Content-Type": "application/json"}

    async def aio_call(i: int) -> object:
        async with session.post(url + _path(i), headers=headers, data=b"{}") as resp:
            return json.loads(await resp.read())

    raw_aio.call, raw_aio.close = aio_call, session.close
    if httpx_aiohttp is None:
        via_httpx.available = ext_t.available = False
        via_httpx.note = ext_t.note = "httpx-aiohttp not installed"
    else:
        client = httpx.AsyncClient(
            base_url=url,
            headers=AUTH,
            transport=httpx_aiohttp.AiohttpTransport(limits=_limits(n)),
            timeout=TIMEOUT,
        )
        via_httpx.call, via_httpx.close = _httpx_call(client), client.aclose
        transport = httpx_aiohttp.AiohttpTransport(limits=_limits(n))
        ext_client = ce.create_client(
            KEY, base_url=url, async_transport=transport, max_connections=n, timeout=TIMEOUT
        )
        ext_t.call, ext_t.close = _ext_call(ext_client), ext_client.aclose
    try:
        factory: Callable[..., ce.CoreClawClient] = ce.create_client
        fast_client = factory(
            KEY, base_url=url, async_backend="aiohttp", max_connections=n, timeout=TIMEOUT
        )
    except (TypeError, ImportError, ValueError) as exc:
        fast.available, fast.note = False, f"{type(exc).__name__}: {exc}"
    else:
        fast.call, fast.close = _ext_call(fast_client), fast_client.aclose
    return specs


async def _chunk(server: FastServer, spec: Spec, s: Settings) -> None:
    assert spec.call is not None
    server.reset()
    # Re-open the pool first: idle connections expire after 5 s while the other clients run,
    # and a cold httpx pool is several times slower than a warm one. The timed chunk is the
    # steady state; the very first pre-warm (a fresh client) is kept as the cold-pool rate.
    prewarm = s.async_prewarm or spec.in_flight
    wall, _ = await fan_out(spec.call, prewarm, spec.in_flight)
    if spec.fresh_rate is None:
        spec.fresh_rate = prewarm / wall
    wall, cpu = await fan_out(spec.call, s.async_calls, spec.in_flight)
    stats = server.stats()
    spec.rate.append(s.async_calls / wall)
    spec.cpu.append(cpu / s.async_calls)
    spec.peaks.append(int(stats["peak_open"]))
    spec.accepts.append(int(stats["connections"]) - 1)  # minus the stats request's own


async def _async_main(server: FastServer, s: Settings) -> list[Spec]:
    specs: list[Spec] = []
    try:
        for n in IN_FLIGHT_LEVELS:
            specs += _default_specs(server.url, n)
        specs += _fast_specs(server.url, FAST_PATH_IN_FLIGHT)
        for rnd in range(s.async_rounds):
            live = {spec.key: spec for spec in specs if spec.available}
            progress(f"async round {rnd + 1}/{s.async_rounds}: {', '.join(live)}")
            for key in rotated(list(live), rnd):
                spec = live[key]
                try:
                    await _chunk(server, spec, s)
                except Exception as exc:  # e.g. a lazy import of an optional client
                    # The row says so, and the other clients go on: one failure late in the
                    # section must not throw away everything measured before it.
                    spec.available = False
                    spec.note = f"failed in round {rnd + 1}: {type(exc).__name__}: {exc}"
                    progress(f"async {key}: {spec.note}")
    finally:
        for spec in specs:
            if spec.close is not None:
                await spec.close()
    return specs


def bench_async(server: FastServer, s: Settings) -> list[Row]:
    """The async rows, then their connection rows (section "connections")."""
    specs = asyncio.run(_async_main(server, s))
    by_key = {spec.key: spec for spec in specs}
    perf: list[Row] = []
    conns: list[Row] = []
    for spec in specs:
        ref = by_key.get(spec.reference) if spec.reference else None
        perf.append(_perf_row(spec, ref, by_key.get(f"{spec.in_flight}.raw")))
        conns.append(_conn_row(spec, s))
    return perf + conns


def _perf_row(spec: Spec, ref: Spec | None, raw_httpx: Spec | None) -> Row:
    row = Row(
        id=f"async.{spec.in_flight}.{spec.name}",
        section="async",
        measurement=f"async rerun, {spec.in_flight} in flight: {spec.label}",
        target=spec.target_text,
        extra={"in_flight": spec.in_flight},
    )
    if not spec.available:
        return row.unavailable(spec.note)
    if ref is not None and not ref.available:
        return row.unavailable(f"reference {ref.key} not available: {ref.note}")
    own, own_cpu = Spread.of(spec.rate), Spread.of(spec.cpu)
    row.value = f"{own.median:,.0f} calls/s, CPU {us(own_cpu.median)}/call"
    row.number, row.unit = own.median, "calls/s"
    row.samples = {"calls_per_s": [round(v, 1) for v in spec.rate]}
    values = {spec.key: spec.rate}
    if ref is not None:
        values[ref.key] = ref.rate
        ratio, _ = paired(values, spec.key, ref.key)
        set_ratio(row, ratio)
        if spec.target is not None:
            row.met = ratio.median >= spec.target
    if (
        raw_httpx is not None
        and raw_httpx.available
        and raw_httpx is not spec
        and raw_httpx is not ref
    ):
        values[raw_httpx.key] = raw_httpx.rate
        vs_httpx, _ = paired(values, spec.key, raw_httpx.key)
        row.value += f"; {vs_httpx.median:.2f}{TIMES} raw httpx"
    return row


def _conn_row(spec: Spec, s: Settings) -> Row:
    n = spec.in_flight
    row = Row(
        id=f"connections.async.{n}.{spec.name}",
        section="connections",
        measurement=f"peak open connections, async calls at {n} in flight "
        f"({s.async_rounds} chunks of {s.async_calls:,}): {spec.label}",
        target=f"{LE} {n}",
        extra={"in_flight": n},
    )
    if not spec.available or not spec.peaks:
        return row.unavailable(spec.note)
    peak = max(spec.peaks)
    row.value, row.number, row.unit = str(peak), float(peak), "connections"
    row.met = peak <= n
    fresh = f"fresh client, cold pool: {spec.fresh_rate:,.0f} calls/s; " if spec.fresh_rate else ""
    row.note = f"{fresh}up to {max(spec.accepts)} accepted per chunk"
    row.samples = {"peak_open": [float(p) for p in spec.peaks]}
    return row
