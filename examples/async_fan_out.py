"""Rerun several Workers at once, wait for all of them, and count their rows (asyncio).

    CORECLAW_API_KEY=... python examples/async_fan_out.py owner/a owner/b owner/c

At most --concurrency reruns are in flight. A rerun POST is never retried once the server may
have received it, so a flaky network cannot start duplicate paid runs.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

import coreclaw_ext as cc


async def rerun_and_count(
    client: cc.CoreClawClient, worker: str, gate: asyncio.Semaphore, polls: tuple[float, ...]
) -> tuple[str, str, int]:
    async with gate:
        run = await cc.arerun_worker_last_run(client, worker, wait=True, poll_intervals=polls)
    rows = 0
    if run.status == "succeeded":
        async for _row in cc.aiter_worker_run_results(client, run.slug):
            rows += 1
    return worker, run.status, rows


async def run_all(workers: list[str], concurrency: int, polls: tuple[float, ...]) -> int:
    gate = asyncio.Semaphore(concurrency)
    async with cc.create_client() as client:
        outcomes = await asyncio.gather(
            *(rerun_and_count(client, w, gate, polls) for w in workers), return_exceptions=True
        )
    failed = 0
    for worker, outcome in zip(workers, outcomes, strict=True):
        if isinstance(outcome, BaseException):
            failed += 1
            print(f"{worker}: error: {outcome}")
        else:
            _, status, rows = outcome
            failed += status != "succeeded"
            print(f"{worker}: {status}, {rows} rows")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("workers", nargs="+")
    parser.add_argument("--concurrency", type=int, default=5)
    parser.add_argument("--poll-interval", type=float, action="append", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    polls = tuple(args.poll_interval or (2, 5, 10, 15))
    return asyncio.run(run_all(args.workers, args.concurrency, polls))


if __name__ == "__main__":
    sys.exit(main())
