"""Import rows: fresh interpreters importing httpx, coreclaw_api, coreclaw_ext (bare and in
use), aiohttp, and a bare interpreter, in rotated rounds."""

from __future__ import annotations

import importlib.util

from .common import (
    DASH,
    LE,
    Row,
    Spread,
    ms,
    paired,
    progress,
    scaled,
    set_delta,
    set_ratio,
    signed_ms,
    times,
)
from .procs import bytecode_env, interleave_probes, python_probe
from .settings import Settings

IN_USE = "import coreclaw_ext; coreclaw_ext.create_client; coreclaw_ext.get_worker_run"
LABELS = {
    "coreclaw_api": "import coreclaw_api",
    "coreclaw_ext": "import coreclaw_ext",
    "coreclaw_ext_in_use": "import coreclaw_ext + first use of create_client and get_worker_run",
}


def bench_imports(s: Settings) -> list[Row]:
    statements: dict[str, str | None] = {
        "bare": None,
        "httpx": "import httpx",
        "coreclaw_api": "import coreclaw_api",
        "coreclaw_ext": "import coreclaw_ext",
        # coreclaw_ext imports its names on first use, so a bare import says little about
        # what a script pays before its first call: this resolves the client and a convenience.
        "coreclaw_ext_in_use": IN_USE,
    }
    has_aiohttp = importlib.util.find_spec("aiohttp") is not None
    if has_aiohttp:
        statements["aiohttp"] = "import aiohttp"
    probes = [python_probe(name, statement) for name, statement in statements.items()]
    progress(f"imports: {s.import_rounds} rounds of {len(probes)} fresh interpreters")
    with bytecode_env() as env:
        result = interleave_probes(probes, s.import_rounds, env, s.process_warm_up)
    whole = {name: t.whole for name, t in result.items()}
    only = {name: t.inside for name, t in result.items()}
    bare, ref, ref_whole = (
        Spread.of(whole["bare"]),
        Spread.of(only["httpx"]),
        Spread.of(whole["httpx"]),
    )
    rows = [
        Row(
            id="import.httpx",
            section="imports",
            measurement="import httpx in a fresh interpreter (reference)",
            value=f"{ms(ref.median)} (whole interpreter run {ms(ref_whole.median)}, "
            f"bare {ms(bare.median)})",
            number=ref.median * 1e3,
            unit="ms",
            samples={
                "import_ms": scaled(only["httpx"], 1e3),
                "process_ms": scaled(whole["httpx"], 1e3),
                "bare_process_ms": scaled(whole["bare"], 1e3),
            },
        )
    ]
    for name, label in LABELS.items():
        ratio, delta = paired(only, name, "httpx")
        _, whole_delta = paired(whole, name, "httpx")
        own = Spread.of(only[name])
        row = Row(
            id=f"import.{name}",
            section="imports",
            measurement=f"{label} in a fresh interpreter, paired with import httpx",
            value=f"{ms(own.median)} = httpx {signed_ms(delta.median)} "
            f"({signed_ms(delta.low)} {DASH} {signed_ms(delta.high)}); "
            f"whole interpreter run {signed_ms(whole_delta.median)}",
            number=own.median * 1e3,
            unit="ms",
            samples={"import_ms": scaled(only[name], 1e3), "process_ms": scaled(whole[name], 1e3)},
        )
        set_ratio(row, ratio)
        set_delta(row, delta, "ms", 1e3)
        if name in ("coreclaw_ext", "coreclaw_ext_in_use"):
            row.target = f"{LE} httpx + 50 ms (round 1)"
            row.met = delta.median <= 0.050
        rows.append(row)
    rows.append(_aiohttp_row(whole, only) if has_aiohttp else _no_aiohttp())
    return rows


def _aiohttp_row(whole: dict[str, list[float]], only: dict[str, list[float]]) -> Row:
    own = Spread.of(only["aiohttp"])
    ratio, delta = paired(whole, "aiohttp", "bare")
    vs_httpx, _ = paired(only, "aiohttp", "httpx")
    row = Row(
        id="import.aiohttp",
        section="imports",
        measurement="import aiohttp in a fresh interpreter, paired with a bare interpreter "
        "(ratio and difference of whole runs; no target: informs the default backend)",
        value=f"{ms(own.median)}; whole interpreter run {signed_ms(delta.median)} over bare "
        f"({signed_ms(delta.low)} {DASH} {signed_ms(delta.high)}); "
        f"{times(vs_httpx.median)} import httpx",
        number=own.median * 1e3,
        unit="ms",
        samples={
            "import_ms": scaled(only["aiohttp"], 1e3),
            "process_ms": scaled(whole["aiohttp"], 1e3),
        },
    )
    set_ratio(row, ratio)
    set_delta(row, delta, "ms", 1e3)
    return row


def _no_aiohttp() -> Row:
    return Row(
        id="import.aiohttp",
        section="imports",
        measurement="import aiohttp in a fresh interpreter, paired with a bare interpreter",
    ).unavailable("aiohttp not installed")
