"""The machine header, the markdown table and the list of targets."""

from __future__ import annotations

import contextlib
import os
import platform
import subprocess
import time
from collections.abc import Sequence
from typing import Any

from .common import DASH, ROOT, TIMES, Row
from .peers import version_of

DISTRIBUTIONS = (
    "httpx",
    "httpcore",
    "h11",
    "attrs",
    "aiohttp",
    "httpx-aiohttp",
    "requests",
    "urllib3",
    "orjson",
    "msgspec",
    "coreclaw-client",
    "coreclaw-openapi",
)


def _cpu_model() -> str:
    with contextlib.suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor()


def _memory_gib() -> float | None:
    with contextlib.suppress(OSError, ValueError), open("/proc/meminfo", encoding="ascii") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    return None


def _git(*args: str) -> str:
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        return subprocess.run(
            ["git", *args], check=False, cwd=ROOT, capture_output=True, text=True, timeout=10
        ).stdout.strip()
    return ""


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def machine_info() -> dict[str, Any]:
    versions = {name: v for name in DISTRIBUTIONS if (v := version_of(name)) is not None}
    changed = [
        line for line in _git("status", "--porcelain", "--untracked-files=no").splitlines() if line
    ]
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "nproc": os.cpu_count(),
        "cpu_model": _cpu_model(),
        "memory_gib": _memory_gib(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "versions": versions,
        "commit": _git("rev-parse", "--short", "HEAD"),
        "uncommitted_files": len(changed),
    }


def header(result: dict[str, Any]) -> str:
    m = result["machine"]
    before, after = m["load_average_before"], m["load_average_after"]
    commit = m["commit"] or "unknown"
    if m["uncommitted_files"]:
        commit += f" + {m['uncommitted_files']} changed files"
    lines = [
        f"## Results ({result['settings']['profile']} profile, {result['elapsed_s']} s)",
        "",
        f"- Date: {m['date']}; commit {commit}",
        f"- Machine: {m['nproc']} CPUs ({m['cpu_model']}), {m['memory_gib']} GiB; {m['platform']}",
        f"- Load average (1/5/15 min) at start {'/'.join(map(str, before))}, "
        f"at end {'/'.join(map(str, after))}",
        f"- Python {m['python']} ({m['implementation']}); "
        + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        f"- JSON decoder: {m['json_decoder']}",
        "- Section times: "
        + ", ".join(f"{k} {v:.0f} s" for k, v in result["section_seconds"].items()),
    ]
    return "\n".join(lines) + "\n"


def _fmt_ratio(row: Row) -> tuple[str, str]:
    if row.ratio is None or row.ratio_min is None or row.ratio_max is None:
        return ("", "")
    return (f"{row.ratio:.2f}{TIMES}", f"{row.ratio_min:.2f}{DASH}{row.ratio_max:.2f}{TIMES}")


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
        f"| measurement | value | median ratio | min{DASH}max | target | met? |",
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
            shown = f"{row.ratio:.2f}{TIMES}; " if row.ratio is not None else ""
            out.append(f"{state:>6}  {row.id}: {shown}{row.value} (target {row.target})")
    return out
