"""Sync per-call rows against the live server: raw httpx, generated, coreclaw_ext, and the
peers (requests, urllib3, raw socket, coreclaw-client), all interleaved in one rotation."""

from __future__ import annotations

import httpx
from coreclaw_api.client import AuthenticatedClient

import coreclaw_ext as ce
from tests.fast_server_proc import FastServer

from .clients import CLIENT_LABELS, OP_LABELS, TARGET_OPS, triples
from .common import (
    AUTH,
    KEY,
    LE,
    TIMES,
    Row,
    Spread,
    paired,
    progress,
    scaled,
    set_delta,
    set_ratio,
    signed_us,
    times,
    us,
)
from .peers import Peer, close_all, sync_peers
from .settings import Settings
from .timing import SyncCall, interleave_sync

SYNC_TARGET = 1.00  # ext client CPU per call / raw httpx


def bench_sync(server: FastServer, s: Settings) -> list[Row]:
    rows: list[Row] = []
    raw = httpx.Client(base_url=server.url, headers=AUTH)
    generated = AuthenticatedClient(base_url=server.url, token=KEY)
    ext = ce.create_client(KEY, base_url=server.url)
    peers = sync_peers(server.url)
    try:
        for op, calls in triples(raw, generated, ext).items():
            live: dict[str, SyncCall] = dict(calls)
            for peer in peers:
                if peer.available and op in peer.calls:
                    live[peer.name] = peer.calls[op]
            progress(f"sync {op}: {s.sync_rounds} rounds x {s.sync_chunk} calls, {', '.join(live)}")
            samples = interleave_sync(live, s.sync_chunk, s.sync_rounds)
            cpu = {name: v.cpu for name, v in samples.items()}
            wall = {name: v.wall for name, v in samples.items()}
            rows += _own_rows(op, cpu, wall)
            rows += [_peer_row(op, peer, cpu, wall) for peer in peers]
    finally:
        raw.close()
        generated.get_httpx_client().close()
        ext.close()
        close_all(peers)
    return rows


def _own_rows(op: str, cpu: dict[str, list[float]], wall: dict[str, list[float]]) -> list[Row]:
    label = f"sync {OP_LABELS[op]}"
    ref_cpu, ref_wall = Spread.of(cpu["raw"]), Spread.of(wall["raw"])
    rows = [
        Row(
            id=f"sync.{op}.raw",
            section="sync",
            measurement=f"{label}: {CLIENT_LABELS['raw']} (reference)",
            value=f"CPU {us(ref_cpu.median)}/call, wall {us(ref_wall.median)}/call",
            number=ref_cpu.median * 1e6,
            unit="us/call cpu",
            samples={"cpu_us": scaled(cpu["raw"]), "wall_us": scaled(wall["raw"])},
        )
    ]
    for name in ("generated", "ext"):
        for kind, values in (("cpu", cpu), ("wall", wall)):
            ratio, delta = paired(values, name, "raw")
            own = Spread.of(values[name])
            what = "client CPU" if kind == "cpu" else "wall"
            row = Row(
                id=f"sync.{op}.{name}.{kind}",
                section="sync",
                measurement=f"{label}: {CLIENT_LABELS[name]}, {what}",
                value=f"{us(own.median)}/call ({signed_us(delta.median)} vs raw)",
                number=own.median * 1e6,
                unit=f"us/call {kind}",
                samples={f"{kind}_us": scaled(values[name])},
            )
            set_ratio(row, ratio)
            set_delta(row, delta, "us/call", 1e6)
            if name == "ext" and kind == "cpu" and op in TARGET_OPS:
                row.target = f"{LE} {SYNC_TARGET:.2f}{TIMES} raw CPU"
                row.met = ratio.median <= SYNC_TARGET
            rows.append(row)
    return rows


def _peer_row(
    op: str, peer: Peer, cpu: dict[str, list[float]], wall: dict[str, list[float]]
) -> Row:
    row = Row(
        id=f"sync.{op}.{peer.name}",
        section="sync",
        measurement=f"sync {OP_LABELS[op]}: {peer.label}, client CPU (peer)",
    )
    if not peer.available:
        return row.unavailable(peer.note)
    if op not in peer.calls:
        return row.unavailable(peer.missing.get(op, "no such call"))
    ratio, delta = paired(cpu, peer.name, "raw")
    wall_ratio, _ = paired(wall, peer.name, "raw")
    own, own_wall = Spread.of(cpu[peer.name]), Spread.of(wall[peer.name])
    row.value = (
        f"CPU {us(own.median)}/call ({signed_us(delta.median)} vs raw), "
        f"wall {us(own_wall.median)}/call ({times(wall_ratio.median)})"
    )
    row.number, row.unit = own.median * 1e6, "us/call cpu"
    row.samples = {"cpu_us": scaled(cpu[peer.name]), "wall_us": scaled(wall[peer.name])}
    row.note = peer.note
    set_ratio(row, ratio)
    set_delta(row, delta, "us/call", 1e6)
    return row
