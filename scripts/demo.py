"""Demo: rerun a Worker against a Prism mock of the spec and show the typed answers.

    make demo        # or: .venv/bin/python scripts/demo.py

Starts Prism on a free loopback port, reruns ``coreclaw/google-maps-scraper`` in the
background and then synchronously, reads the run detail and its first page of results, does
the same from the command line with ``coreclaw-py``, and stops Prism. Prism answers with the
spec's examples; ``Prefer: example=sync`` asks it for the synchronous one. No real API key is
needed or printed.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import UTC, datetime

from coreclaw_api.models import ResultPage, RunRecord, SyncRerunResult
from coreclaw_api.types import Unset
from prism_mock import PrismError, prism_mock

import coreclaw_ext as ce

WORKER = "coreclaw/google-maps-scraper"
API_KEY = "demo-key"  # Prism checks that a key is sent, not which one
RUN = "01KZAZTK3BEMEDXA54396WMGC2"  # the run slug of the spec's examples


def _when(timestamp: int | Unset) -> str:
    if isinstance(timestamp, Unset) or timestamp <= 0:
        return "-"
    return datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def show_page(page: ResultPage) -> None:
    columns = [] if isinstance(page.headers, Unset) else [h.label or h.key for h in page.headers]
    print(
        f"  page {page.page_index} (size {page.page_size}): {len(page.list_)} of "
        f"{page.count} rows; columns: {', '.join(columns) or '-'}"
    )
    for row in page.list_:
        print(f"    {row.to_dict()}")


def show_run(run: RunRecord) -> None:
    print(f"  run {run.slug}: status {run.status}")
    print(f"  worker {run.scraper_title} {run.version} ({run.scraper_slug}), from {run.origin}")
    print(f"  started {_when(run.started_at)}, finished {_when(run.finished_at)}")
    print(f"  {run.results} rows so far, {run.duration} s, usage {run.usage}")


def demo(base_url: str) -> None:
    with ce.create_client(API_KEY, base_url=base_url) as client:
        print(f"1. Rerun {WORKER} in the background")
        accepted = ce.rerun_worker_last_run(client, WORKER)
        print(f"  {accepted!r}")

        print(f"\n2. Rerun {WORKER} and wait for it (Prefer: example=sync)")
        with ce.create_client(
            API_KEY, base_url=base_url, headers={"Prefer": "example=sync"}
        ) as sync_client:
            result = ce.rerun_worker_last_run(
                sync_client, WORKER, is_async=False, limit=20, offset=1
            )
        if not isinstance(result, SyncRerunResult):
            raise RuntimeError(f"expected a synchronous result, got {type(result).__name__}")
        print(f"  run {result.run_slug}: status {result.run_status}, finished {result.is_finished}")
        if isinstance(result.results, ResultPage):
            show_page(result.results)

        print(f"\n3. Run detail of {accepted.run_slug}")
        show_run(ce.get_worker_run(client, accepted.run_slug))

        print("\n4. First page of its results")
        show_page(ce.list_worker_run_results(client, accepted.run_slug, offset=1, limit=20))


def cli_session(base_url: str) -> None:
    """The same steps through the ``coreclaw-py`` command line, shown as a shell session."""
    env = {**os.environ, "CORECLAW_API_KEY": API_KEY}
    commands = [
        ["rerun-last", WORKER],
        ["run", "get", RUN],
        ["run", "log", RUN],
        ["run", "results", RUN, "--all"],
        ["--json", "run", "get", RUN],
    ]
    print("\n5. The same from the command line (CORECLAW_API_KEY is set in the environment)")
    for args in commands:
        print(f"\n$ coreclaw-py --base-url {base_url} {shlex.join(args)}")
        done = subprocess.run(
            [sys.executable, "-m", "coreclaw_ext", "--base-url", base_url, *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        print(done.stdout.rstrip() or done.stderr.rstrip())
        if done.returncode != 0:
            raise RuntimeError(f"coreclaw-py {shlex.join(args)} exited {done.returncode}")


def main() -> int:
    try:
        with prism_mock() as base_url:
            print(f"Prism mock of spec/openapi.yaml is listening on {base_url}\n")
            demo(base_url)
            cli_session(base_url)
    except (PrismError, ce.CoreClawError, RuntimeError) as exc:
        print(f"\ndemo failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print("\nPrism stopped; demo done.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
