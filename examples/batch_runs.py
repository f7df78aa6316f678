"""Start many runs, a few at a time, with a journal so that no run is ever started twice.

    CORECLAW_API_KEY=... python examples/batch_runs.py --items items.jsonl --journal batch.jsonl
    CORECLAW_API_KEY=... python examples/batch_runs.py owner/a owner/b --journal b.jsonl --wait

Each line of the items file is one run: {"worker_id": "owner/name", "input": {...}},
{"run_id": "..."} (a rerun of that run) or {"worker_task_id": "..."} (a saved task). Worker
ids given on the command line become {"worker_id": ...} items.

After an interruption (Ctrl-C, a crash, a reboot), run the same command again: the journal
says which runs were already started, and those are skipped (or waited for, with --wait). A
start whose answer never arrived is reported "unknown": check the Worker's runs before
retrying it; it is never sent again by itself. A 429 pauses the whole batch, then the refused
start is sent again (refused means nothing was started).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import coreclaw_ext as cc


def read_items(path: Path) -> list[dict[str, Any]]:
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except ValueError as exc:
                raise SystemExit(f"{path}:{number}: not JSON: {exc}") from None
    return items


def describe(outcome: cc.BatchOutcome) -> str:
    what = next(
        str(outcome.item[k]) for k in ("worker_id", "run_id", "worker_task_id") if k in outcome.item
    )
    text = f"{what}: {outcome.status}"
    if outcome.record is not None:
        text += f" ({outcome.record.status})"
    if outcome.run_slug:
        text += f" run {outcome.run_slug}"
    if outcome.resumed:
        text += " [from the journal]"
    if outcome.error is not None:
        text += f": {outcome.error}"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("workers", nargs="*", help="Worker ids to run (owner/name)")
    parser.add_argument("--items", type=Path, help="a JSON Lines file, one item per line")
    parser.add_argument("--journal", type=Path, required=True, help="the batch's journal file")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--wait", action="store_true", help="wait for every run to finish")
    parser.add_argument("--wait-timeout", type=float, default=3600.0)
    parser.add_argument("--total-timeout", type=float, help="stop sending starts after this")
    parser.add_argument("--poll-interval", type=float, action="append", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    items = read_items(args.items) if args.items else []
    items += [{"worker_id": worker} for worker in args.workers]
    if not items:
        parser.error("give Worker ids or --items FILE")

    def progress(done: int, total: int, outcome: cc.BatchOutcome) -> None:
        print(f"[{done}/{total}] {describe(outcome)}", file=sys.stderr)

    with cc.create_client() as client:
        try:
            outcomes = cc.run_many(
                client,
                items,
                concurrency=args.concurrency,
                journal=args.journal,
                wait=args.wait,
                wait_timeout=args.wait_timeout,
                poll_intervals=args.poll_interval or (2, 5, 10, 15),
                total_timeout=args.total_timeout,
                on_progress=progress,
            )
        except (ValueError, TypeError, cc.JournalError) as exc:
            print(f"error: {exc}", file=sys.stderr)  # nothing was sent
            return 2
    for outcome in outcomes:
        print(describe(outcome))
    unknown = sum(o.status == "unknown" for o in outcomes)
    if unknown:
        print(
            f"{unknown} start(s) in doubt: check the Worker's runs before retrying them",
            file=sys.stderr,
        )
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
