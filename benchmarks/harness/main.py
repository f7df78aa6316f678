"""Options and the run: which sections, in which order, against one server process."""

from __future__ import annotations

import argparse
import contextlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from tests.fast_server_proc import FastServer, fast_server

from . import decoders
from .cold import bench_cold
from .common import Row, progress
from .decoders import STDLIB
from .fanout import bench_async
from .imports import bench_imports
from .memory import bench_memory
from .misc import Regen, bench_build, bench_regen, bench_sequential_connections
from .mock import bench_mock
from .parse import bench_parse
from .procs import bytecode_cache
from .report import header, load_average, machine_info, markdown_table, summary
from .settings import FAST_PATH_IN_FLIGHT, IN_FLIGHT_LEVELS, PROFILES, SECTIONS, Settings
from .sync import bench_sync
from .walk import bench_walk


@contextlib.contextmanager
def _server_if(needed: bool) -> Iterator[FastServer | None]:
    if not needed:
        yield None
        return
    with fast_server() as server:
        progress(f"fast server at {server.url}")
        yield server


def run(settings: Settings, sections: Sequence[str], decoder: str = STDLIB) -> dict[str, Any]:
    started = time.perf_counter()
    load_before = load_average()
    decoder_line = decoders.describe(decoder)
    default_decoder = decoders.setting()
    with decoders.using(decoder), contextlib.ExitStack() as stack:
        if settings.bytecode_cache:
            stack.enter_context(bytecode_cache())
        rows, seconds = _sections(settings, sections, decoder, default_decoder)
    machine = machine_info()
    machine["json_decoder"] = decoder_line
    machine["load_average_before"] = load_before
    machine["load_average_after"] = load_average()
    return {
        "machine": machine,
        "settings": asdict(settings),
        "decoder": decoder,
        "in_flight": list(IN_FLIGHT_LEVELS),
        "fast_path_in_flight": FAST_PATH_IN_FLIGHT,
        "elapsed_s": round(time.perf_counter() - started, 1),
        "section_seconds": {k: round(v, 1) for k, v in seconds.items()},
        "rows": [asdict(row) for row in rows],
        "_rows": rows,
    }


ServerJob = tuple[str, frozenset[str], Callable[[FastServer], list[Row]]]
Job = tuple[str, frozenset[str], Callable[[], list[Row]]]


def _jobs(
    s: Settings, decoder: str, default_decoder: str | None, background: Regen | None
) -> tuple[list[ServerJob], list[Job]]:
    """(jobs that need the server, jobs that do not), in running order; each job is (its name,
    the sections whose rows it makes, what to call)."""
    one = frozenset
    with_server: list[ServerJob] = [
        ("sync", one({"sync"}), lambda srv: bench_sync(srv, s)),
        ("connections", one({"connections"}), lambda srv: bench_sequential_connections(srv, s)),
        ("async", one({"async", "connections"}), lambda srv: bench_async(srv, s)),
        ("walk", one({"walk"}), lambda srv: bench_walk(srv, s, default_decoder)),
        ("build", one({"build"}), lambda srv: bench_build(srv, s)),
        ("cold", one({"cold"}), lambda srv: bench_cold(srv, s)),
        ("memory", one({"memory"}), lambda srv: bench_memory(srv, s, decoder, default_decoder)),
    ]
    alone: list[Job] = [
        ("mock", one({"mock"}), lambda: bench_mock(s)),
        ("parse", one({"parse"}), lambda: bench_parse(s)),
        ("imports", one({"imports"}), lambda: bench_imports(s)),
        ("regen", one({"regen"}), lambda: bench_regen(s, background)),
    ]
    return with_server, alone


def _sections(
    settings: Settings, sections: Sequence[str], decoder: str, default_decoder: str | None
) -> tuple[list[Row], dict[str, float]]:
    """Run the jobs the sections need; their rows in SECTIONS order, and seconds per job."""
    wanted = set(sections)
    seconds: dict[str, float] = {}
    made: list[Row] = []
    background: Regen | None = None
    if "regen" in wanted and settings.regen_in_background:
        progress("regen: scripts/regen.sh --check x 1, in the background")
        background = Regen()
        background.start()
    with_server, alone = _jobs(settings, decoder, default_decoder, background)
    with_server = [job for job in with_server if job[1] & wanted]
    alone = [job for job in alone if job[1] & wanted]
    try:
        with _server_if(bool(with_server)) as server:
            for name, _, serve in with_server:
                assert server is not None
                started = time.perf_counter()
                made += serve(server)
                seconds[name] = time.perf_counter() - started
        for name, _, work in alone:
            started = time.perf_counter()
            made += work()
            seconds[name] = time.perf_counter() - started
    finally:
        if background is not None:
            background.stop()
    order = {name: i for i, name in enumerate(SECTIONS)}
    rows = sorted((row for row in made if row.section in wanted), key=lambda r: order[r.section])
    return rows, seconds


def main(argv: Sequence[str] | None = None, description: str | None = None) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help="fewer rounds, about 2 min")
    parser.add_argument(
        "--smoke", action="store_true", help="tiny counts, for the test suite; numbers mean nothing"
    )
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the results as JSON")
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run (default all: {','.join(SECTIONS)})",
    )
    parser.add_argument("--async-calls", type=int, help="override timed calls per async chunk")
    parser.add_argument("--async-rounds", type=int, help="override measured async rounds")
    parser.add_argument("--walk-rows", type=int, help="override rows per walk (pages of 100)")
    parser.add_argument(
        "--decoder",
        default=STDLIB,
        help="JSON decoder pinned for the in-process rows (coreclaw_ext._json.use): stdlib "
        f"(default), msgspec, orjson, ..., or '{decoders.LEAVE}' for the library's own setting",
    )
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
    if args.walk_rows:
        settings = replace(settings, walk_rows=args.walk_rows)

    if args.decoder not in (STDLIB, decoders.LEAVE) and (why := decoders.check(args.decoder)):
        parser.error(f"--decoder {args.decoder}: {why}")
    result = run(settings, sections, args.decoder)
    rows: list[Row] = result.pop("_rows")
    print(header(result))
    print(markdown_table(rows))
    print("\nTargets:")
    print("\n".join(summary(rows)))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
        progress(f"wrote {args.json}")
    return 0
