"""Decoding one 100-row page, no network: json.loads against the ext path and its parts."""

from __future__ import annotations

import json

from coreclaw_api.models.result_page_envelope import ResultPageEnvelope

from coreclaw_ext._shape import conforms, mismatch
from tests.fast_server import PAGE

from .common import Row, Spread, paired, progress, scaled, set_delta, set_ratio, signed_us, us
from .settings import Settings
from .timing import SyncCall, interleave_sync

LABELS = {
    "json": "json.loads (what raw httpx json() does) (reference)",
    "shape": "json.loads + shape check (_shape.conforms, as the transport does) [breakdown]",
    "models": "json.loads + ResultPageEnvelope.from_dict [breakdown]",
    "ext": "coreclaw_ext path: json.loads + shape check + models",
}


def bench_parse(s: Settings) -> list[Row]:
    progress(f"result-page parsing: {s.parse_rounds} rounds x {s.parse_chunk}")
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
    samples = interleave_sync(calls, s.parse_chunk, s.parse_rounds)
    cpu = {name: v.cpu for name, v in samples.items()}
    rows: list[Row] = []
    for name, label in LABELS.items():
        own = Spread.of(cpu[name])
        row = Row(
            id=f"parse.{name}",
            section="parse",
            measurement=f"result page 100 rows x 20 cols ({len(PAGE):,} bytes): {label}",
            value=f"{us(own.median)}/page",
            number=own.median * 1e6,
            unit="us/page cpu",
            samples={"cpu_us": scaled(cpu[name])},
        )
        if name != "json":
            ratio, delta = paired(cpu, name, "json")
            set_ratio(row, ratio)
            set_delta(row, delta, "us/page", 1e6)
            row.value += f" ({signed_us(delta.median)})"
        rows.append(row)
    return rows
