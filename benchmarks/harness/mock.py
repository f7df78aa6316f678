"""The SDK layer alone: the three clients over ``httpx.MockTransport`` (no network)."""

from __future__ import annotations

import httpx
from coreclaw_api.client import AuthenticatedClient

import coreclaw_ext as ce
from tests.fast_server import PAGE, RUN, envelope

from .clients import CLIENT_LABELS, OP_LABELS, TARGET_OPS, triples
from .common import (
    AUTH,
    DASH,
    KEY,
    LE,
    MOCK_URL,
    US,
    WORKER,
    Row,
    Spread,
    paired,
    progress,
    scaled,
    set_delta,
    set_ratio,
    signed_us,
    us,
)
from .settings import Settings
from .timing import interleave_sync

RERUN = envelope({"run_slug": f"run-{WORKER}"})


def canned(request: httpx.Request) -> httpx.Response:
    """The fast server's envelopes, without a server."""
    if request.method == "POST":
        body = RERUN
    elif request.url.path.endswith("/result"):
        body = PAGE
    else:
        body = RUN
    return httpx.Response(200, content=body, headers={"content-type": "application/json"})


def bench_mock(s: Settings) -> list[Row]:
    rows: list[Row] = []
    transport = httpx.MockTransport(canned)
    raw = httpx.Client(base_url=MOCK_URL, headers=AUTH, transport=transport)
    generated = AuthenticatedClient(base_url=MOCK_URL, token=KEY)
    generated.set_httpx_client(httpx.Client(base_url=MOCK_URL, headers=AUTH, transport=transport))
    ext = ce.create_client(KEY, base_url=MOCK_URL, transport=transport)
    try:
        for op, calls in triples(raw, generated, ext).items():
            progress(f"SDK layer over MockTransport, {op}: {s.mock_rounds} x {s.mock_chunk}")
            samples = interleave_sync(calls, s.mock_chunk, s.mock_rounds)
            cpu = {name: v.cpu for name, v in samples.items()}
            label = f"SDK layer alone (MockTransport) {OP_LABELS[op]}"
            ref = Spread.of(cpu["raw"])
            rows.append(
                Row(
                    id=f"mock.{op}.raw",
                    section="mock",
                    measurement=f"{label}: {CLIENT_LABELS['raw']} (reference)",
                    value=f"CPU {us(ref.median)}/call",
                    number=ref.median * 1e6,
                    unit="us/call cpu",
                    samples={"cpu_us": scaled(cpu["raw"])},
                )
            )
            for name in ("generated", "ext"):
                ratio, delta = paired(cpu, name, "raw")
                row = Row(
                    id=f"mock.{op}.{name}",
                    section="mock",
                    measurement=f"{label}: {CLIENT_LABELS[name]}, {US} added per call",
                    value=f"{signed_us(delta.median)}/call "
                    f"({signed_us(delta.low)} {DASH} {signed_us(delta.high)})",
                    number=delta.median * 1e6,
                    unit="us/call added",
                    samples={"cpu_us": scaled(cpu[name])},
                )
                set_ratio(row, ratio)
                set_delta(row, delta, "us/call", 1e6)
                if name == "ext" and op in TARGET_OPS:
                    row.target = f"{LE} +50 {US} (stretch {LE} +20 {US}; round 1)"
                    row.met = delta.median <= 50e-6
                    row.stretch_met = delta.median <= 20e-6
                rows.append(row)
    finally:
        raw.close()
        generated.get_httpx_client().close()
        ext.close()
    return rows
