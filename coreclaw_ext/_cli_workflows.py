"""The command line's workflow commands: wait, collect, batches, saved tasks, the run queue.

coreclaw-py run wait RUN [--timeout S]
coreclaw-py run collect RUN -o DIR [--max-rows N]
coreclaw-py batch run FILE.jsonl [--concurrency N] [--journal FILE] [--wait]
coreclaw-py task list|get|create|run|update|delete ...
coreclaw-py queue add|list|activate|release ...
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import coreclaw_ext as cc

from ._cli_commands import read_json_object
from ._cli_output import Outcome, UsageError, format_fields, format_table

Finish = Callable[[Any], Outcome]
WaitOptions = Callable[[argparse.Namespace], dict[str, Any]]
EXIT_BATCH_INCOMPLETE = 1


def cmd_run_wait(
    client: Any, args: argparse.Namespace, finish: Finish, waiting: WaitOptions
) -> Outcome:
    options = waiting(args)
    return finish(
        cc.wait_for_run(
            client,
            args.run_id,
            timeout=options["wait_timeout"],
            on_status=options["on_status"],
            **(
                {"poll_intervals": options["poll_intervals"]} if "poll_intervals" in options else {}
            ),
        )
    )


def cmd_run_collect(client: Any, args: argparse.Namespace) -> Outcome:
    """The run's record, log and rows into one folder: run.json, log.json, results.jsonl."""
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    record = cc.get_worker_run(client, args.run_id)
    (folder / "run.json").write_text(json.dumps(record.to_dict(), indent=2) + "\n", "utf-8")
    log = cc.get_worker_run_log(client, args.run_id)
    (folder / "log.json").write_text(json.dumps(log.to_dict(), indent=2) + "\n", "utf-8")
    rows = cc.iter_worker_run_results(client, args.run_id)
    limited = (row for i, row in enumerate(rows) if args.max_rows is None or i < args.max_rows)
    count = cc.write_results(limited, folder / "results.jsonl", format="jsonl", overwrite=True)
    data = {"run_slug": args.run_id, "status": record.status, "rows": count, "folder": str(folder)}
    return Outcome(data, format_fields(data))


def _batch_items(path: str) -> list[dict[str, Any]]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"batch run: cannot read {path!r}: {exc.strerror}") from None
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as exc:
            raise UsageError(f"{path}:{number}: not JSON: {exc}") from None
        if not isinstance(item, dict):
            raise UsageError(f"{path}:{number}: each line must be a JSON object")
        items.append(item)
    return items


def cmd_batch_run(client: Any, args: argparse.Namespace, waiting: WaitOptions) -> Outcome:
    items = _batch_items(args.file)
    options = waiting(args) if args.wait else {}
    outcomes = cc.run_many(
        client,
        items,
        concurrency=args.concurrency,
        journal=args.journal,
        wait=args.wait,
        **{k: v for k, v in options.items() if k in ("wait_timeout", "poll_intervals")},
    )
    rows = [
        {
            "index": o.index,
            "status": o.status,
            "run_slug": o.run_slug,
            "error": None if o.error is None else str(o.error),
        }
        for o in outcomes
    ]
    bad = [o for o in outcomes if not o.ok]
    text = format_table([{"key": k} for k in ("index", "status", "run_slug", "error")], rows)
    return Outcome(rows, text, EXIT_BATCH_INCOMPLETE if bad else 0)


# --- saved tasks ------------------------------------------------------------------------------


def _task_fields(args: argparse.Namespace) -> dict[str, Any]:
    fields = {
        "title": args.title,
        "description": args.description,
        "schedule_type": args.schedule_type,
        "schedule_enabled": args.schedule_enabled,
        "schedule_time": args.schedule_time,
        "schedule_weekday": args.schedule_weekday,
        "schedule_day": args.schedule_day,
        "schedule_once_date": args.schedule_once_date,
    }
    return {k: v for k, v in fields.items() if v is not None}


def cmd_task(
    client: Any, args: argparse.Namespace, finish: Finish, waiting: WaitOptions
) -> Outcome:
    action = args.task_action
    if action == "list":
        items = list(cc.iter_worker_tasks(client, worker_id=args.worker, keyword=args.keyword))
        rows = [t.to_dict() for t in items]
        columns = ("slug", "title", "worker_slug", "version")
        shown = [{k: r.get(k) for k in columns} for r in rows]
        return Outcome(
            rows, format_table([{"key": k} for k in columns], shown) if rows else "(none)"
        )
    if action == "get":
        data = cc.get_worker_task(client, args.task_id).to_dict()
        return Outcome(data, format_fields(data))
    if action == "create":
        created = cc.create_worker_task(
            client,
            worker_id=args.worker,
            input=read_json_object("--input", args.input) if args.input else {},
            version=args.version,
            **_task_fields(args),
        )
        return Outcome(created.to_dict(), created.slug)
    if action == "run":
        if args.wait:
            return finish(cc.run_worker_task(client, args.task_id, wait=True, **waiting(args)))
        started = cc.run_worker_task(client, args.task_id)
        return Outcome(started.to_dict(), started.run_slug)
    if action == "update":
        fields = _task_fields(args)
        if args.input:
            cc.update_worker_task_input(
                client,
                args.task_id,
                input=read_json_object("--input", args.input),
                version=args.version,
            )
        if fields:
            cc.update_worker_task(client, args.task_id, **fields)
        if not fields and not args.input:
            raise UsageError("task update: give --input or at least one field to change")
        return Outcome(None, f"updated: {args.task_id}")  # the API's answer carries no data
    cc.delete_worker_task(client, args.task_id)
    return Outcome(None, f"deleted: {args.task_id}")


# --- the run queue ----------------------------------------------------------------------------


def _outcomes(result: Any) -> Outcome:
    rows = [r.to_dict() for r in result.results]
    failed = [r for r in result.results if not r.success]
    text = format_table([{"key": k} for k in ("queue_ref", "success", "error")], rows)
    return Outcome({"results": rows}, text, 1 if failed else 0)


def cmd_queue(client: Any, args: argparse.Namespace) -> Outcome:
    action = args.queue_action
    if action == "add":
        queued = cc.queued_run_worker(
            client,
            args.worker,
            input=read_json_object("--input", args.input) if args.input else None,
            version=args.version,
        )
        return Outcome(queued.to_dict(), format_fields(queued.to_dict()))
    if action == "list":
        rows = [i.to_dict() for i in cc.iter_run_queue_items(client, status=args.status)]
        columns = ("queue_ref", "queue_status")
        shown = [{k: r.get(k) for k in columns} for r in rows]
        return Outcome(
            rows, format_table([{"key": k} for k in columns], shown) if rows else "(none)"
        )
    if action == "activate":
        return _outcomes(cc.activate_run_queue_items(client, queue_refs=args.queue_refs))
    return _outcomes(
        cc.release_run_queue_items(client, queue_refs=args.queue_refs, reason=args.reason)
    )


# --- parsers ----------------------------------------------------------------------------------


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1, got {text!r}")
    return value


def add_run_actions(
    actions: Any, positive: Callable[[str], float], finish: Finish, waiting: WaitOptions
) -> None:
    wait = actions.add_parser(
        "wait",
        help="wait for a run to finish",
        description="Poll a run until it finishes and print its record (exit code 12 if it "
        "did not succeed).",
        epilog="example: coreclaw-py run wait 01KZAZTK3BEMEDXA54396WMGC2 --timeout 1800",
    )
    wait.add_argument("run_id", metavar="RUN", help="the run slug")
    wait.add_argument("--timeout", type=positive, metavar="S", help="seconds to keep polling")
    wait.set_defaults(handler=lambda client, args: cmd_run_wait(client, args, finish, waiting))
    collect = actions.add_parser(
        "collect",
        help="save a run's record, log and rows in one folder",
        description="Write run.json, log.json and results.jsonl for a run into a folder.",
        epilog="example: coreclaw-py run collect 01KZAZTK3BEMEDXA54396WMGC2 -o ./run",
    )
    collect.add_argument("run_id", metavar="RUN", help="the run slug")
    collect.add_argument("-o", "--output", required=True, metavar="DIR", help="target folder")
    collect.add_argument("--max-rows", type=_positive_int, metavar="N", help="at most N rows")
    collect.set_defaults(handler=cmd_run_collect)


def add_parsers(
    commands: Any, positive: Callable[[str], float], finish: Finish, waiting: WaitOptions
) -> None:
    batch = commands.add_parser(
        "batch", help="start many runs from a JSON Lines file", description="Batches."
    )
    batch_actions = batch.add_subparsers(dest="action", required=True, metavar="ACTION")
    run = batch_actions.add_parser(
        "run",
        help="start one run per line",
        description="Start one run per line of FILE (each a JSON object with worker_id and input, "
        "or run_id, or worker_task_id). With --journal, running it again resumes: runs already "
        "started are never started twice. Exit 1 if any item did not start (or finish).",
        epilog="example: coreclaw-py batch run items.jsonl --concurrency 4 --journal batch.journal",
    )
    run.add_argument("file", metavar="FILE.jsonl")
    run.add_argument("--concurrency", type=_positive_int, default=4, metavar="N")
    run.add_argument("--journal", metavar="FILE", help="record progress here; rerun to resume")
    run.add_argument("--wait", action="store_true", help="wait for every run to finish")
    run.add_argument("--timeout", type=positive, metavar="S", help="--wait: budget per run")
    run.set_defaults(handler=lambda client, args: cmd_batch_run(client, args, waiting))

    task = commands.add_parser("task", help="saved tasks", description="Saved tasks.")
    tasks = task.add_subparsers(dest="task_action", required=True, metavar="ACTION")
    listing = tasks.add_parser(
        "list", help="list saved tasks", epilog="example: coreclaw-py task list --keyword coffee"
    )
    listing.add_argument("--worker", metavar="WORKER")
    listing.add_argument("--keyword", metavar="K")
    get = tasks.add_parser(
        "get", help="one task", epilog="example: coreclaw-py task get 01KX4ZM5DE8Y8GAZQ7R0KYZ3FD"
    )
    create = tasks.add_parser(
        "create",
        help="save a task",
        epilog="example: coreclaw-py task create owner/name --title Daily --input @in.json",
    )
    create.add_argument("worker", metavar="WORKER")
    run_task = tasks.add_parser(
        "run", help="run a task", epilog="example: coreclaw-py task run TASK --wait"
    )
    run_task.add_argument("--wait", action="store_true")
    run_task.add_argument("--timeout", type=positive, metavar="S")
    update = tasks.add_parser(
        "update",
        help="change a task",
        epilog="example: coreclaw-py task update TASK --schedule-enabled 0",
    )
    delete = tasks.add_parser(
        "delete", help="delete a task", epilog="example: coreclaw-py task delete TASK"
    )
    for sub in (get, run_task, update, delete):
        sub.add_argument("task_id", metavar="TASK", help="the task slug")
    for sub in (create, update):
        sub.add_argument("--title")
        sub.add_argument("--description")
        sub.add_argument("--input", metavar="@FILE|-|JSON", help="form fields as a JSON object")
        sub.add_argument("--version", metavar="V")
        for flag in ("schedule-type", "schedule-enabled", "schedule-weekday", "schedule-day"):
            sub.add_argument(f"--{flag}", type=int, metavar="N")
        sub.add_argument("--schedule-time", metavar="HH:MM")
        sub.add_argument("--schedule-once-date", metavar="YYYY-MM-DD")
    task.set_defaults(handler=lambda client, args: cmd_task(client, args, finish, waiting))

    queue = commands.add_parser("queue", help="the run queue", description="The Run Queue.")
    queues = queue.add_subparsers(dest="queue_action", required=True, metavar="ACTION")
    add = queues.add_parser(
        "add",
        help="queue a run",
        epilog="example: coreclaw-py queue add owner/name --input @in.json",
    )
    add.add_argument("worker", metavar="WORKER")
    add.add_argument("--input", metavar="@FILE|-|JSON")
    add.add_argument("--version", metavar="V")
    qlist = queues.add_parser(
        "list", help="queued items", epilog="example: coreclaw-py queue list --status waiting"
    )
    qlist.add_argument("--status", choices=("waiting", "inactive"))
    activate = queues.add_parser(
        "activate",
        help="start waiting items",
        epilog="example: coreclaw-py queue activate 123456 123457",
    )
    release = queues.add_parser(
        "release",
        help="remove items",
        epilog="example: coreclaw-py queue release 123456 --reason done",
    )
    release.add_argument("--reason")
    for sub in (activate, release):
        sub.add_argument("queue_refs", nargs="+", metavar="QUEUE_REF")
    queue.set_defaults(handler=cmd_queue)
