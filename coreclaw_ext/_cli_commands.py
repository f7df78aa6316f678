"""The command line's dedicated commands for the calls users make most.

    coreclaw-py worker run WORKER [--input @FILE|-|JSON] [--version V] [--sync] [--wait]
    coreclaw-py worker list [--keyword K] [--all]
    coreclaw-py run list [--worker W] [--status S] [--all]
    coreclaw-py run abort RUN
    coreclaw-py run export RUN [--format F] [--filter-keys K]

Everything else is reachable through ``coreclaw-py api``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import coreclaw_ext as cc

from ._cli_output import Outcome, UsageError, format_fields, format_table

EXPORT_FORMATS = ("csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss")
RUN_STATUSES = ("ready", "running", "succeeded", "failed", "aborting")
RUN_COLUMNS = ("slug", "scraper_title", "status", "results", "started_at", "finished_at")
WORKER_COLUMNS = ("path", "title", "slug", "username")
LIST_PAGE_SIZE = 20


def read_json_object(flag: str, source: str) -> dict[str, Any]:
    """``@file``, ``-`` (stdin) or inline JSON, which must be an object."""
    try:
        if source == "-":
            text = sys.stdin.read()
        elif source.startswith("@"):
            text = Path(source[1:]).read_text(encoding="utf-8")
        else:
            text = source
    except OSError as exc:
        raise UsageError(f"{flag}: cannot read {source[1:]!r}: {exc.strerror}") from None
    try:
        value = json.loads(text)
    except ValueError as exc:
        raise UsageError(f"{flag} is not JSON: {exc}") from None
    if not isinstance(value, dict):
        raise UsageError(f"{flag} must be a JSON object")
    return value


Finish = Callable[[Any], Outcome]
WaitOptions = Callable[[argparse.Namespace], dict[str, Any]]


def cmd_worker_run(
    client: cc.CoreClawClient, args: argparse.Namespace, finish: Finish, waiting: WaitOptions
) -> Outcome:
    options: dict[str, Any] = {
        "input": read_json_object("--input", args.input) if args.input else None,
        "version": args.version,
        "callback_url": args.callback_url,
        "is_async": False if args.sync else None,
    }
    if args.wait:
        return finish(cc.run_worker(client, args.worker, wait=True, **options, **waiting(args)))
    started = cc.run_worker(client, args.worker, **options)
    data = started.to_dict()
    if set(data) == {"run_slug"}:
        return Outcome(data, started.run_slug)
    page = data.get("results") or {}
    text = format_fields({k: v for k, v in data.items() if k != "results"})
    if page.get("list"):
        text += "\n\n" + format_table(page.get("headers") or [], page["list"])
    return Outcome(data, text)


def _rows(items: list[Any], columns: tuple[str, ...]) -> tuple[list[dict[str, Any]], str]:
    rows = [item.to_dict() for item in items]
    shown = [{k: row.get(k) for k in columns} for row in rows]
    return rows, format_table([{"key": k} for k in columns], shown) if rows else "(none)"


def cmd_run_list(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    filters = {"worker_id": args.worker, "status": args.status}
    if args.all:
        items = list(cc.iter_worker_runs(client, **filters))
    else:
        items = cc.list_worker_runs(
            client, **filters, offset=args.page or 1, limit=args.page_size or LIST_PAGE_SIZE
        ).list_
    rows, text = _rows(items, RUN_COLUMNS)
    return Outcome({"count": len(rows), "list": rows}, text)


def cmd_worker_list(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    if args.all:
        items = list(cc.iter_workers(client, keyword=args.keyword))
    else:
        page = cc.list_workers(
            client, keyword=args.keyword, offset=args.page or 1, limit=LIST_PAGE_SIZE
        )
        items = list(page.scraper)
    rows, text = _rows(items, WORKER_COLUMNS)
    return Outcome({"count": len(rows), "list": rows}, text)


def cmd_run_abort(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    cc.abort_worker_run(client, args.run_id)
    return Outcome({"run_slug": args.run_id, "abort": "accepted"}, f"abort accepted: {args.run_id}")


def cmd_run_export(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    exported = cc.export_worker_run_results(
        client, args.run_id, format=args.format, filter_keys=args.filter_keys
    )
    return Outcome(exported.to_dict(), exported.download_url)


def add_run_actions(actions: Any, page_size: Callable[[str], int]) -> None:
    """``run list``, ``run abort`` and ``run export`` beside ``run get/log/results``."""
    listing = actions.add_parser(
        "list",
        help="runs of this month (or --all of them, page by page)",
        description="List runs, newest first, optionally of one Worker or status.",
        epilog="example: coreclaw-py run list --worker coreclaw/google-maps-scraper "
        "--status failed",
    )
    listing.add_argument("--worker", metavar="WORKER", help="only this Worker's runs")
    listing.add_argument("--status", choices=RUN_STATUSES, help="only runs with this status")
    listing.add_argument("--all", action="store_true", help="every page")
    listing.add_argument("--page", type=page_size, metavar="N", help="page number, from 1")
    listing.add_argument("--page-size", type=page_size, metavar="N", help="runs per page, 1-100")
    listing.set_defaults(handler=cmd_run_list)
    abort = actions.add_parser(
        "abort",
        help="ask the server to abort a run",
        description="Abort a run. Success means the abort was accepted; the run may stay "
        "'aborting' for a while (check it with 'run get').",
        epilog="example: coreclaw-py run abort 01KZAZTK3BEMEDXA54396WMGC2",
    )
    abort.add_argument("run_id", metavar="RUN", help="the run slug")
    abort.set_defaults(handler=cmd_run_abort)
    export = actions.add_parser(
        "export",
        help="export a run's results; prints the download URL",
        description="Ask the server to export a run's results and print the download URL.",
        epilog="example: coreclaw-py run export 01KZAZTK3BEMEDXA54396WMGC2 --format jsonl",
    )
    export.add_argument("run_id", metavar="RUN", help="the run slug")
    export.add_argument("--format", choices=EXPORT_FORMATS, help="file format (server: csv)")
    export.add_argument("--filter-keys", metavar="K1,K2", help="only these result columns")
    export.set_defaults(handler=cmd_run_export)


def add_worker_parser(
    commands: Any, positive: Callable[[str], float], finish: Finish, waiting: WaitOptions
) -> None:
    worker = commands.add_parser("worker", help="start and list Workers", description="Workers.")
    actions = worker.add_subparsers(dest="action", required=True, metavar="ACTION")
    run = actions.add_parser(
        "run",
        help="start a Worker with input",
        description="Start a run of a Worker; prints the new run's slug (or, with --sync, the "
        "server's answer; with --wait, the final run record).",
        epilog="example: coreclaw-py worker run coreclaw/google-maps-scraper --input @input.json "
        "--wait",
    )
    run.add_argument("worker", metavar="WORKER", help="owner/name, owner~name or a slug")
    run.add_argument(
        "--input", metavar="@FILE|-|JSON", help="form fields as a JSON object (see 'api getWorker')"
    )
    run.add_argument("--version", metavar="V", help="a concrete Worker version (default: latest)")
    run.add_argument("--sync", action="store_true", help="let the server wait (up to 5 minutes)")
    run.add_argument("--wait", action="store_true", help="poll the run until it finishes")
    run.add_argument("--timeout", type=positive, metavar="S", help="--wait: seconds to poll")
    run.add_argument("--callback-url", metavar="URL", help="URL the server calls when done")
    run.set_defaults(handler=lambda client, args: cmd_worker_run(client, args, finish, waiting))
    listing = actions.add_parser(
        "list",
        help="your Workers",
        description="List the Workers of this account.",
        epilog="example: coreclaw-py worker list --keyword maps",
    )
    listing.add_argument("--keyword", metavar="K", help="match title, slug or path")
    listing.add_argument("--all", action="store_true", help="every page")
    listing.add_argument("--page", type=int, metavar="N", help="page number, from 1")
    listing.set_defaults(handler=cmd_worker_list)
