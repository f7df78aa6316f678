"""Shared constants, the result row, paired statistics and number formatting."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

KEY = "ck_bench_0123456789abcdef"
AUTH = {"Authorization": f"Bearer {KEY}"}
RUN_ID = "01KZAZTK3BEMEDXA54396WMGC2"
WORKER = "owner~bench"
MOCK_URL = "http://127.0.0.1:9"

# Written as escapes: ruff flags these characters as look-alikes in string literals.
TIMES = "\u00d7"
US = "\u00b5s"
DASH = "\u2013"
LE = "\u2264"
GE = "\u2265"
PM = "\u00b1"
MINUS = "\u2212"
ARROW = "\u2192"


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
    extra: dict[str, Any] = field(default_factory=dict)
    samples: dict[str, list[float]] = field(default_factory=dict)

    def unavailable(self, note: str) -> Row:
        self.available, self.value, self.note = False, "not available", note
        self.met = None
        return self


@dataclass(frozen=True)
class Spread:
    median: float
    low: float
    high: float

    @staticmethod
    def of(values: Sequence[float]) -> Spread:
        return Spread(statistics.median(values), min(values), max(values))


def paired(values: dict[str, list[float]], name: str, reference: str) -> tuple[Spread, Spread]:
    """Per-round ratios and differences of ``name`` against ``reference`` (client / reference)."""
    own, ref = values[name], values[reference]
    ratios = [a / b for a, b in zip(own, ref, strict=True)]
    deltas = [a - b for a, b in zip(own, ref, strict=True)]
    return Spread.of(ratios), Spread.of(deltas)


def set_ratio(row: Row, ratio: Spread) -> None:
    row.ratio, row.ratio_min, row.ratio_max = ratio.median, ratio.low, ratio.high


def set_delta(row: Row, delta: Spread, unit: str, scale: float) -> None:
    row.delta = delta.median * scale
    row.delta_min = delta.low * scale
    row.delta_max = delta.high * scale
    row.delta_unit = unit


def scaled(values: Sequence[float], scale: float = 1e6) -> list[float]:
    return [round(v * scale, 3) for v in values]


def rotated(names: Sequence[str], shift: int) -> list[str]:
    shift %= len(names)
    return [*names[shift:], *names[:shift]]


def us(seconds: float) -> str:
    value = seconds * 1e6
    return f"{value:,.0f} {US}" if abs(value) >= 100 else f"{value:,.1f} {US}"


def signed_us(seconds: float) -> str:
    value = seconds * 1e6
    text = f"{value:+,.0f}" if abs(value) >= 100 else f"{value:+,.1f}"
    return f"{text} {US}"


def ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms"


def signed_ms(seconds: float) -> str:
    return f"{seconds * 1e3:+,.1f} ms"


def times(ratio: float) -> str:
    return f"{ratio:.2f}{TIMES}"


def progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
