"""Cold start: a fresh process that imports a client, builds it and makes its first call
against the fast server; the async first call per backend; and the ``coreclaw-py run get``
CLI against ``curl -s`` and ``python -c 'import httpx'`` (whole-process wall times)."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

from tests.fast_server_proc import FastServer

from .common import (
    AUTH,
    KEY,
    LE,
    RUN_ID,
    TIMES,
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
from .peers import PEER_SCRAPER, RUN_PATH, version_of
from .procs import Probe, ProbeTimes, bytecode_env, command_probe, interleave_probes, python_probe
from .settings import Settings

COLD_TARGET = 1.10  # ext import + create_client + first call / httpx's, statement and process
FIRST_CALL = "(get_worker_run / run detail)"


def _statements(url: str) -> dict[str, str]:
    return {
        "httpx": f"import httpx\nc = httpx.Client(base_url={url!r}, headers={AUTH!r})\n"
        f"c.get({RUN_PATH!r}).json()",
        "ext": f"import coreclaw_ext as ce\nc = ce.create_client({KEY!r}, base_url={url!r})\n"
        f"ce.get_worker_run(c, {RUN_ID!r})",
        "requests": f"import requests\ns = requests.Session()\n"
        f"s.get({url + RUN_PATH!r}, headers={AUTH!r}).json()",
        "coreclaw_client": f"from coreclaw import CoreClawClient\n"
        f"c = CoreClawClient(api_key={KEY!r}, base_url={url!r})\n"
        f"c.scraper({PEER_SCRAPER!r}).run(input={{}})",
        "async_httpx": _async_statement(url, ""),
        "async_aiohttp": _async_statement(url, ', async_backend="aiohttp"'),
    }


def _async_statement(url: str, options: str) -> str:
    return (
        "import asyncio\nimport coreclaw_ext as ce\n"
        "async def _main():\n"
        f"    c = ce.create_client({KEY!r}, base_url={url!r}{options})\n"
        f"    await ce.aget_worker_run(c, {RUN_ID!r})\n"
        "    await c.aclose()\n"
        "asyncio.run(_main())"
    )


def _probes(url: str) -> tuple[list[Probe], dict[str, str]]:
    """The probes that can run here, and why the others cannot."""
    missing: dict[str, str] = {}
    statements = _statements(url)
    if importlib.util.find_spec("requests") is None:
        missing["requests"] = "requests not installed"
    if version_of("coreclaw-client") is None:
        missing["coreclaw_client"] = "coreclaw-client not installed"
    if importlib.util.find_spec("aiohttp") is None:
        missing["async_aiohttp"] = "aiohttp not installed"
    probes = [python_probe(n, st) for n, st in statements.items() if n not in missing]
    probes.append(command_probe("import_httpx", [sys.executable, "-c", "import httpx"]))
    cli = Path(sys.executable).with_name("coreclaw-py")
    if cli.exists():
        env = {"CORECLAW_API_KEY": KEY, "CORECLAW_BASE_URL": url}
        probes.append(command_probe("cli", [str(cli), "run", "get", RUN_ID], env))
    else:
        missing["cli"] = f"{cli} not found (pip install -e . installs it)"
    curl = shutil.which("curl")
    if curl:
        header = f"Authorization: {AUTH['Authorization']}"
        probes.append(command_probe("curl", [curl, "-s", "-H", header, url + RUN_PATH]))
    else:
        missing["curl"] = "curl not found"
    return probes, missing


def bench_cold(server: FastServer, s: Settings) -> list[Row]:
    probes, missing = _probes(server.url)
    progress(f"cold start: {s.cold_rounds} rounds of {len(probes)} fresh processes")
    with bytecode_env() as env:
        result = interleave_probes(probes, s.cold_rounds, env, s.process_warm_up)
    return [*_first_call_rows(result, missing), *_cli_rows(result, missing)]


def _first_call_rows(result: dict[str, ProbeTimes], missing: dict[str, str]) -> list[Row]:
    ref = result["httpx"]
    inside, whole = Spread.of(ref.inside), Spread.of(ref.whole)
    rows = [
        Row(
            id="cold.httpx",
            section="cold",
            measurement="cold start: import httpx + httpx.Client + first call (run detail) "
            "+ .json(), fresh interpreter (reference)",
            value=f"statement {ms(inside.median)}, whole process {ms(whole.median)}",
            number=inside.median * 1e3,
            unit="ms",
            samples={"statement_ms": scaled(ref.inside, 1e3), "process_ms": scaled(ref.whole, 1e3)},
        )
    ]
    ext = "cold start: import coreclaw_ext + create_client + first call " + FIRST_CALL
    for kind in ("statement", "process"):
        row = _paired_row(
            f"cold.ext.{kind}", f"{ext}, {kind} time vs httpx's", result, "ext", "httpx", kind
        )
        row.target = f"{LE} {COLD_TARGET:.2f}{TIMES} httpx"
        row.met = row.ratio is not None and row.ratio <= COLD_TARGET
        rows.append(row)
    peers = {
        "requests": "cold start: import requests + Session + first call (run detail) + .json() "
        "(peer)",
        "coreclaw_client": "cold start: import coreclaw (coreclaw-client) + CoreClawClient + first "
        "call (scraper(...).run, POST v1) (peer)",
    }
    for name, label in peers.items():
        row_id = f"cold.{name}"
        if name in missing:
            rows.append(Row(row_id, "cold", label).unavailable(missing[name]))
        else:
            rows.append(
                _paired_row(
                    row_id,
                    f"{label}, statement time vs httpx's",
                    result,
                    name,
                    "httpx",
                    "statement",
                )
            )
    base = result["async_httpx"]
    rows.append(
        Row(
            id="cold.async.httpx",
            section="cold",
            measurement="first async call: import coreclaw_ext + create_client() + "
            "aget_worker_run + aclose in asyncio.run, default backend (reference)",
            value=f"statement {ms(Spread.of(base.inside).median)}, "
            f"whole process {ms(Spread.of(base.whole).median)}",
            number=Spread.of(base.inside).median * 1e3,
            unit="ms",
        )
    )
    label = 'first async call with create_client(async_backend="aiohttp"), vs the default backend'
    if "async_aiohttp" in missing:
        rows.append(Row("cold.async.aiohttp", "cold", label).unavailable(missing["async_aiohttp"]))
    else:
        rows.append(
            _paired_row(
                "cold.async.aiohttp", label, result, "async_aiohttp", "async_httpx", "statement"
            )
        )
    return rows


def _paired_row(
    row_id: str, label: str, result: dict[str, ProbeTimes], name: str, ref: str, kind: str
) -> Row:
    values = {n: result[n].inside if kind == "statement" else result[n].whole for n in (name, ref)}
    ratio, delta = paired(values, name, ref)
    own = Spread.of(values[name])
    whole_ratio, _ = paired({n: result[n].whole for n in (name, ref)}, name, ref)
    row = Row(
        id=row_id,
        section="cold",
        measurement=label,
        value=f"{ms(own.median)} ({signed_ms(delta.median)})"
        + (f"; whole process {times(whole_ratio.median)}" if kind == "statement" else ""),
        number=own.median * 1e3,
        unit="ms",
        samples={f"{kind}_ms": scaled(values[name], 1e3)},
    )
    set_ratio(row, ratio)
    set_delta(row, delta, "ms", 1e3)
    return row


def _cli_rows(result: dict[str, ProbeTimes], missing: dict[str, str]) -> list[Row]:
    rows: list[Row] = []
    references = {
        "import_httpx": "python -c 'import httpx', whole process (reference)",
        "curl": "curl -s of the run-detail URL, whole process (reference)",
    }
    for name, label in references.items():
        row = Row(f"cli.{name}", "cold", label)
        if name in missing:
            rows.append(row.unavailable(missing[name]))
            continue
        own = Spread.of(result[name].whole)
        row.value, row.number, row.unit = ms(own.median), own.median * 1e3, "ms"
        row.samples = {"process_ms": scaled(result[name].whole, 1e3)}
        rows.append(row)
    for row_id, ref, what in (
        ("cli.run_get", "import_httpx", "python -c 'import httpx'"),
        ("cli.run_get.vs_curl", "curl", "curl -s"),
    ):
        label = f"coreclaw-py run get RUN, whole process, vs {what} (no target)"
        if "cli" in missing or ref in missing:
            rows.append(Row(row_id, "cold", label).unavailable(missing.get("cli") or missing[ref]))
        else:
            rows.append(_paired_row(row_id, label, result, "cli", ref, "process"))
    return rows
