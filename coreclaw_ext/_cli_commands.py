"""The command line's dedicated commands for the calls users make most.

    coreclaw-py worker run WORKER [--input @FILE|-|JSON] [--version V] [--sync] [--wait]
    coreclaw-py worker list [--keyword K] [--all]
    coreclaw-py run get RUN
    coreclaw-py run log RUN
    coreclaw-py run results RUN [--all] [--page-size N] [--page N] [--format json|jsonl|csv]
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

from ._cli_output import (
    Outcome,
    UsageError,
    format_fields,
    format_log_line,
    format_table,
    safe,
    stdout_closed,
)


def __getattr__(name: str) -> Any:
    # ``write_results`` brings csv, secrets and the result-header model: it is imported by the
    # first command that writes rows (as a module attribute, which tests may replace), not at
    # every start of the command line.
    if name == "write_results":
        from ._write import write_results  # noqa: PLC0415

        globals()[name] = write_results
        return write_results
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


RESULT_FORMATS = ("json", "jsonl", "csv")
EXPORT_FORMATS = ("csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss")
RUN_STATUSES = ("ready", "running", "succeeded", "failed", "aborting")
RUN_COLUMNS = ("slug", "scraper_title", "status", "results", "started_at", "finished_at")
WORKER_COLUMNS = ("path", "title", "slug", "username")
LIST_PAGE_SIZE = 20
PAGE_SIZE = 20
ALL_PAGE_SIZE = 100


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
        "validate": args.validate,
    }
    if args.wait:
        return finish(cc.run_worker(client, args.worker, wait=True, **options, **waiting(args)))
    started = cc.run_worker(client, args.worker, **options)
    return started_outcome(started)


def started_outcome(started: Any) -> Outcome:
    """A run start's answer: the new slug, or (synchronous) the fields and the result rows."""
    data = started.to_dict()
    if set(data) == {"run_slug"}:
        return Outcome(data, safe(started.run_slug))
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
    return Outcome({"scraper": rows}, text)  # the API's own key for a list of Workers


def cmd_run_abort(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    if args.wait:
        options = {} if args.timeout is None else {"wait_timeout": args.timeout}
        stopped = cc.abort_run(client, args.run_id, wait=True, **options)
        assert stopped is not None
        data = stopped.to_dict()
        return Outcome(data, format_fields(data))
    cc.abort_worker_run(client, args.run_id)
    return Outcome(
        None,
        f"abort accepted: {safe(args.run_id)}",  # the API's answer carries no data
    )


def _progress_bar(done: int, total: int | None) -> None:
    shown = f"{done / total:6.1%} of {total:,} bytes" if total else f"{done:,} bytes"
    print(f"\r{shown}", end="" if total is None or done < total else "\n", file=sys.stderr)


def cmd_run_export(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    if args.output:
        saved = cc.download_results(
            client,
            args.run_id,
            args.output,
            format=args.format or "csv",
            filter_keys=args.filter_keys,
            overwrite=args.overwrite,
            on_progress=_progress_bar if sys.stderr.isatty() else None,
        )
        data = {"path": str(saved.path), "bytes": saved.bytes, "format": saved.format}
        return Outcome(data, f"saved {saved.bytes:,} bytes to {safe(str(saved.path))}")
    exported = cc.export_worker_run_results(
        client, args.run_id, format=args.format, filter_keys=args.filter_keys
    )
    return Outcome(exported.to_dict(), safe(exported.download_url))


def cmd_run_get(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    data = cc.get_worker_run(client, args.run_id).to_dict()
    return Outcome(data, format_fields(data))


def cmd_run_log(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    data = cc.get_worker_run_log(client, args.run_id).to_dict()
    lines = [format_log_line(line) for line in data.get("list") or []]
    if data.get("all_logs_url"):
        lines.append(f"all_logs_url: {safe(data['all_logs_url'])}")
    return Outcome(data, "\n".join(lines))


def _stream_results(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    """``--format``: rows go to stdout as they arrive, one page held at a time, never all."""
    write_results = sys.modules[__name__].write_results  # imported on first use: __getattr__
    rows: Any
    if args.all:
        size = ALL_PAGE_SIZE if args.page_size is None else args.page_size
        rows = cc.iter_worker_run_results(client, args.run_id, page_size=size)
    else:
        page = cc.list_worker_run_results(
            client,
            args.run_id,
            offset=1 if args.page is None else args.page,
            limit=PAGE_SIZE if args.page_size is None else args.page_size,
        ).to_dict()
        rows = page["list"]
        headers = page.get("headers") or []
    try:
        write_results(
            rows,
            sys.stdout,
            format=args.format,
            headers=None if args.all else headers,
        )
    except BrokenPipeError:
        return Outcome(None, "", stdout_closed(), output=False)
    return Outcome(None, "", output=False)


def cmd_run_results(client: cc.CoreClawClient, args: argparse.Namespace) -> Outcome:
    if args.format is not None:
        return _stream_results(client, args)
    if args.all:
        size = ALL_PAGE_SIZE if args.page_size is None else args.page_size
        walk = cc.iter_worker_run_results(client, args.run_id, page_size=size)
        rows = list(walk)
        headers = [h.to_dict() for h in walk.headers or []]
        data: dict[str, Any] = {"count": len(rows), "headers": headers, "list": rows}
    else:
        page = cc.list_worker_run_results(
            client,
            args.run_id,
            offset=1 if args.page is None else args.page,
            limit=PAGE_SIZE if args.page_size is None else args.page_size,
        ).to_dict()
        data = {
            "count": page.get("count"),
            "headers": page.get("headers") or [],
            "list": page["list"],
            "page_index": page.get("page_index"),
            "page_size": page.get("page_size"),
        }
    return Outcome(data, format_table(data["headers"], data["list"]))


def add_run_parser(commands: Any) -> Any:
    """``run get/log/results/list/abort/export``."""
    run = commands.add_parser(
        "run", help="read, list, abort and export runs", description="Runs of Workers."
    )
    actions = run.add_subparsers(dest="action", required=True, metavar="ACTION")
    get = actions.add_parser(
        "get",
        help="the run record",
        description="Print a run record.",
        epilog="example: coreclaw-py run get 01KZAZTK3BEMEDXA54396WMGC2 --json",
    )
    get.set_defaults(handler=cmd_run_get)
    log = actions.add_parser(
        "log",
        help="the run's summary log",
        description="Print a run log.",
        epilog="example: coreclaw-py run log 01KZAZTK3BEMEDXA54396WMGC2",
    )
    log.set_defaults(handler=cmd_run_log)
    results = actions.add_parser(
        "results",
        help="the run's result rows",
        description="Print a run's result rows.",
        epilog="example: coreclaw-py run results 01KZAZTK3BEMEDXA54396WMGC2 --all --json",
    )
    results.add_argument("--all", action="store_true", help="every row, page by page")
    results.add_argument(
        "--page-size",
        type=int,
        metavar="N",
        help=f"rows per page, 1-100 (default {PAGE_SIZE}; {ALL_PAGE_SIZE} with --all)",
    )
    results.add_argument("--page", type=int, metavar="N", help="page number, from 1 (default 1)")
    results.add_argument(
        "--format",
        choices=RESULT_FORMATS,
        help="stream the rows to stdout as a JSON array, JSON Lines or CSV (header row: the "
        "result's column keys), page by page, without holding them all",
    )
    results.set_defaults(handler=cmd_run_results)
    for action in (get, log, results):
        action.add_argument("run_id", metavar="RUN", help="the run slug")
    add_run_actions(actions)
    return actions


def add_run_actions(actions: Any) -> None:
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
    listing.add_argument("--page", type=int, metavar="N", help="page number, from 1")
    listing.add_argument("--page-size", type=int, metavar="N", help="runs per page, 1-100")
    listing.set_defaults(handler=cmd_run_list)
    abort = actions.add_parser(
        "abort",
        help="ask the server to abort a run",
        description="Abort a run. Success means the abort was accepted; the run may stay "
        "'aborting' for a while (check it with 'run get').",
        epilog="example: coreclaw-py run abort 01KZAZTK3BEMEDXA54396WMGC2",
    )
    abort.add_argument("run_id", metavar="RUN", help="the run slug")
    abort.add_argument("--wait", action="store_true", help="wait until the run has stopped")
    abort.add_argument("--timeout", type=float, metavar="S", help="--wait: seconds (default 120)")
    abort.set_defaults(handler=cmd_run_abort)
    export = actions.add_parser(
        "export",
        help="export a run's results: print the download URL, or download it (-o)",
        description="Ask the server to export a run's results and print the download URL, or "
        "with -o download the file (atomically; the API key is never sent to the file's host).",
        epilog="example: coreclaw-py run export 01KZAZTK3BEMEDXA54396WMGC2 --format jsonl",
    )
    export.add_argument("run_id", metavar="RUN", help="the run slug")
    export.add_argument("--format", choices=EXPORT_FORMATS, help="file format (server: csv)")
    export.add_argument("--filter-keys", metavar="K1,K2", help="only these result columns")
    export.add_argument(
        "-o", "--output", metavar="FILE", help="download the file here (progress on a terminal)"
    )
    export.add_argument("--overwrite", action="store_true", help="-o: replace an existing file")
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
    run.add_argument(
        "--validate",
        action="store_true",
        help="check --input against the Worker's input schema first; nothing starts if it fails",
    )
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
