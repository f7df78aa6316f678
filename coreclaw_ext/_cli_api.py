"""``coreclaw-py api``: every operation of the spec from the command line.

    coreclaw-py api --list
    coreclaw-py api OPERATION [ID ...] [--param NAME=VALUE ...] [--body @FILE|-|JSON] [--wait]

OPERATION is an ``operationId`` (``getWorkerRun``), its function name (``get_worker_run``) or
its resource method (``worker_runs.get``). The operation table is generated from the spec
(``coreclaw_ext._generated.table``), so a new operation needs no line here.
"""

from __future__ import annotations

import argparse
import json
from functools import cache
from typing import TYPE_CHECKING, Any

import coreclaw_ext as cc

from ._cli_commands import read_json_object
from ._cli_output import Outcome, UsageError, format_fields, format_table

if TYPE_CHECKING:
    from ._generated.table import OpSpec


def _operations() -> tuple[OpSpec, ...]:
    # Loaded by the ``api`` command only: the other commands start without the table.
    from ._generated.table import OPERATIONS  # noqa: PLC0415

    return OPERATIONS


@cache
def _by_key() -> dict[str, OpSpec]:
    by_key: dict[str, OpSpec] = {}
    for op in _operations():
        by_key[op.operation_id] = by_key[op.name] = op
        by_key[f"{op.resource}.{op.resource_method}"] = op
    return by_key


def find(name: str) -> OpSpec:
    by_key = _by_key()
    op = by_key.get(name) or by_key.get(name.replace("-", "_"))
    if op is None:
        raise UsageError(f"unknown operation {name!r}; 'coreclaw-py api --list' shows them all")
    return op


def operation_list() -> str:
    rows = [
        {
            "operation": op.operation_id,
            "method": op.method,
            "path": op.path,
            "function": op.name,
            "resource": f"{op.resource}.{op.resource_method}",
        }
        for op in _operations()
    ]
    return format_table([{"key": k} for k in rows[0]], rows)


def _convert(op: OpSpec, flag: str, kind: str, text: str) -> Any:
    try:
        if kind == "integer":
            return int(text)
        if kind == "boolean":
            lowered = text.lower()
            if lowered not in ("true", "false", "1", "0"):
                raise ValueError(text)
            return lowered in ("true", "1")
        if kind == "array":
            return json.loads(text) if text.startswith("[") else [p for p in text.split(",") if p]
        if kind == "object":
            value = json.loads(text)
            if not isinstance(value, dict):
                raise ValueError(text)
            return value
    except ValueError:
        raise UsageError(f"{op.operation_id}: {flag} expects {kind}, got {text!r}") from None
    return text


def arguments(op: OpSpec, args: argparse.Namespace) -> dict[str, Any]:
    """Keyword arguments of the convenience from ``--body`` and ``--param`` (which wins)."""
    known = {api: (name, kind) for name, api, kind, _req in op.query_args + op.body_args}
    body_fields = {api for _name, api, _kind, _req in op.body_args}
    out: dict[str, Any] = {}
    if args.body is not None:
        if not body_fields:
            raise UsageError(f"{op.operation_id} takes no request body")
        for api, value in read_json_object("--body", args.body).items():
            if api not in body_fields:
                raise UsageError(
                    f"--body field {api!r} is not one of {', '.join(sorted(body_fields))}"
                )
            out[known[api][0]] = value
    for item in args.param or []:
        api, sep, text = item.partition("=")
        if not sep or api not in known:
            names = ", ".join(known) or "none"
            raise UsageError(f"--param {item!r}: expected NAME=VALUE with NAME one of: {names}")
        name, kind = known[api]
        out[name] = _convert(op, f"--param {api}", kind, text)
    return out


def _text(op: OpSpec, data: Any) -> str:
    if data is None:
        return "ok"
    if op.paged and isinstance(data.get(op.paged), list):
        rows = data[op.paged]
        headers = data.get("headers") or []
        table = format_table(headers, rows) if rows else "(no items)"
        rest = {k: v for k, v in data.items() if k not in (op.paged, "headers")}
        return (format_fields(rest) + "\n\n" if rest else "") + table
    return format_fields(data)


def cmd_api(client: cc.CoreClawClient | None, args: argparse.Namespace) -> Outcome:
    if args.list or args.operation is None:
        rows = [op._asdict() for op in _operations()]
        return Outcome(rows, operation_list())
    op = find(args.operation)
    if len(args.ids) != len(op.path_args):
        wanted = " ".join(a.upper() for a in op.path_args) or "no ids"
        raise UsageError(f"{op.operation_id} takes {wanted}; got {len(args.ids)} id(s)")
    kwargs = arguments(op, args)
    if args.wait:
        if not op.waits:
            raise UsageError(f"--wait: {op.operation_id} does not start a run")
        kwargs["wait"] = True
    assert client is not None
    result = getattr(cc, op.name)(client, *args.ids, **kwargs)
    data = None if result is None else result.to_dict()
    return Outcome(data, _text(op, data))


def add_parser(commands: Any) -> None:
    api = commands.add_parser(
        "api",
        help="call any API operation (see --list)",
        description="Call any operation of the API by its operationId, function or resource "
        "name. Query and body fields go in --param NAME=VALUE (the API's names) or --body.",
        epilog="example: coreclaw-py api getWorkerRun 01KZAZTK3BEMEDXA54396WMGC2\n"
        "         coreclaw-py api listWorkerRuns --param status=running --param limit=5\n"
        "         coreclaw-py api runWorker coreclaw~google-maps-scraper --body @run.json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    api.add_argument("operation", nargs="?", metavar="OPERATION", help="e.g. getWorkerRun")
    api.add_argument("ids", nargs="*", metavar="ID", help="the path ids the operation takes")
    api.add_argument("--list", action="store_true", help="list every operation and stop")
    api.add_argument(
        "--param", action="append", metavar="NAME=VALUE", help="a query or body field; repeat"
    )
    api.add_argument("--body", metavar="@FILE|-|JSON", help="the body fields as a JSON object")
    api.add_argument("--wait", action="store_true", help="for a run start: wait for the run")
    api.set_defaults(handler=cmd_api, needs_client=lambda a: not (a.list or a.operation is None))
