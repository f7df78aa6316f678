"""Rerun a Worker's latest run, wait for it to finish, then read all of its rows.

    CORECLAW_API_KEY=... python examples/rerun_and_wait.py coreclaw/google-maps-scraper

The wait budget (--wait-timeout) is how long to keep polling; each HTTP call still has its own
short timeout, so a stuck connection never eats the whole budget.
"""

from __future__ import annotations

import argparse
import sys

import coreclaw_ext as cc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("worker", help="owner/name, owner~name or a Worker slug")
    parser.add_argument(
        "--wait-timeout", type=float, default=3600.0, help="seconds to keep polling"
    )
    parser.add_argument("--poll-interval", type=float, action="append", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    with cc.create_client() as client:
        try:
            run = cc.rerun_worker_last_run(
                client,
                args.worker,
                wait=True,
                wait_timeout=args.wait_timeout,
                poll_intervals=args.poll_interval or (2, 5, 10, 15),
                on_status=lambda r, elapsed: print(
                    f"  {elapsed:5.0f} s  {r.status}", file=sys.stderr
                ),
            )
        except cc.RunWaitTimeout as err:
            print(f"gave up waiting: {err}", file=sys.stderr)
            return 1
        except cc.CoreClawError as err:
            print(f"error: {err}", file=sys.stderr)
            return 1
        print(f"run {run.slug} finished: {run.status}")
        if run.status != "succeeded":
            return 1
        rows = list(cc.iter_worker_run_results(client, run.slug))
        print(f"{len(rows)} rows")
        for row in rows[:5]:
            print(" ", row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
