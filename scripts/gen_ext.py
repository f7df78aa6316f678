"""Write ``coreclaw_ext/_generated``: a typed convenience per spec operation, sync and async.

Run by scripts/regen.sh after openapi-python-client, with the freshly generated
``coreclaw_api`` importable. For every operation it writes one module holding the convenience
(named after the ``operationId``), its ``a``-prefixed async twin and, for paged lists, the
iterators; then the resource classes, the package module (the lazy export table and the
client's resource properties) and the operation table the CLI
and the tests read. Nothing in the output is written by hand, so a new operation in the spec
needs no hand-written line here.

    python scripts/gen_ext.py SPEC OUT_DIR README_FRAGMENT
"""

from __future__ import annotations

import importlib
import inspect
import json
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ext_model import Operation, load_spec, operations
from ext_signatures import PAGING, check, client_type, params, return_type, returns, variants
from gen_ext_tables import (
    package_module,
    readme_table,
    resources_module,
    table_module,
)

HEADER = '"""{doc}\n\nWritten by scripts/gen_ext.py during scripts/regen.sh; do not edit.\n"""\n\n'
OVERRIDES_FILE = Path(__file__).resolve().parent.parent / "spec" / "ext-overrides.json"


def docstring(op: Operation) -> str:
    lines = [f"``{op.method} {op.path}`` ({op.operation_id}). {op.retry_note}"]
    if op.sync_wait:
        lines.append(
            "``is_async=False`` makes the server wait up to five minutes; the read timeout of that "
            "call is raised to match."
        )
    if op.waits:
        lines.append(
            "``wait=True`` then polls the new run (see ``wait_for_run``; ``wait_timeout`` is the "
            "wait budget) and returns its final ``RunRecord``; once the run has started, any "
            "failure raises ``RunStartedError`` (or ``RunWaitTimeout``) carrying its slug."
        )
    if op.validation_worker is not None:
        lines.append(
            "``input=`` takes the form fields flat (sent under ``input.parameters.custom``; "
            "``proxy_region=`` under ``parameters.system``); ``raw_input=`` sends an input object "
            "as given. ``validate=True`` first checks the form fields against the Worker's input "
            "schema and raises ``InputValidationError`` listing every problem, starting nothing "
            "(off by default: it costs one more request per Worker every few minutes)."
        )
    if not op.idempotent:
        lines.append("``retry_unsafe=True`` allows retries that may repeat the call on the server.")
    wrapped = textwrap.wrap(" ".join(lines), width=92)
    return "\n    ".join([f"{op.summary}.", "", *wrapped, ""])


def check_lines(op: Operation) -> list[str]:
    """The statements that check and shape the path ids and query values of a call."""
    lines = [f"_{a.name} = {check(a)}" for a in op.path_args]
    for a in op.query_args:
        lines.append(f"_{a.name} = UNSET if {a.name} is None else {check(a)}")
    return lines


def body_lines(op: Operation, is_async: bool) -> list[str]:
    """The statements of a convenience: check everything, then one generated call."""
    lines = check_lines(op)
    if op.body_model:
        lines.append("_body: dict[str, Any] = {}")
        for a in op.body_args:
            if a.form_input:
                built = f"build_input({a.name}, raw_{a.name}, proxy_region, required={a.required})"
                lines.append(f"_{a.name} = {built}")
                lines.append(f"if _{a.name} is not None:")
                lines.append(f"    _body[{a.api_name!r}] = _{a.name}")
            elif a.required:
                lines.append(f"_body[{a.api_name!r}] = {check(a)}")
            else:
                lines.append(f"if {a.name} is not None:")
                lines.append(f"    _body[{a.api_name!r}] = {check(a)}")
    if op.validation_worker is not None:
        checker = "await acheck_input" if is_async else "check_input"
        lines.append("if validate:")
        lines.append(f"    {checker}(client, {op.validation_worker}, _body.get('input'))")
    kwargs = [f"_{a.name}" for a in op.path_args] + ["client=client"]
    kwargs += [f"{a.gen_name}=_{a.name}" for a in op.query_args]
    if op.body_model:
        kwargs.append(f"body={op.body_model}.from_dict(_body)")
    caller = "call_op" if op.data_types else "call_op_ack"
    if op.creates_run and op.data_types:  # an unreadable 2xx answer to a start says it started
        caller = "call_op_start"
    if is_async:
        caller = f"await a{caller}"
    call = f"{caller}(_op, {', '.join(kwargs)})"
    if op.waits:  # checked before the start is sent, never after
        lines.append("wait = check_wait(wait, wait_timeout, poll_intervals, on_status)")
    scope = "timeout, max_retries" + ("" if op.idempotent else ", retry_unsafe")
    lines.append(f"with call_scope({scope}):")
    if not op.waits:
        lines.append(f"    return {call}")
        return lines
    waiter = "await await_started" if is_async else "wait_for_started"
    lines += [
        f"    started: {returns(op)} = {call}",
        "    if not wait:",
        "        return started",
        f"    return {waiter}(",
        "        client,",
        "        started,",
        "        timeout=wait_timeout,",
        "        poll_intervals=poll_intervals,",
        "        on_status=on_status,",
        "    )",
    ]
    return lines


def function(op: Operation, is_async: bool) -> str:
    name = ("a" if is_async else "") + op.name
    prefix = "async def" if is_async else "def"
    doc = f"Async twin of ``{op.name}``." if is_async else docstring(op)
    out = []
    for variant in variants(op):
        decl = ", ".join([f"client: {client_type(op)}", *params(op, variant=variant)])
        out.append(f"@overload\n{prefix} {name}({decl}) -> {return_type(op, variant)}: ...\n")
    decl = ", ".join([f"client: {client_type(op)}", *params(op, variant=None)])
    body = "\n    ".join(body_lines(op, is_async))
    out.append(
        f'{prefix} {name}({decl}) -> {return_type(op, None)}:\n    """{doc}"""\n    {body}\n'
    )
    return "\n".join(out)


def rows_page_functions(op: Operation) -> str:
    """``_rows_page``/``_arows_page``: one page of a result-rows list as decoded, no models.

    The same checks as the convenience, then the generated request (``_get_kwargs``) sent on
    the client's httpx client; ``page_data`` takes ``data`` from the envelope the transport
    decoded and checked (see ``coreclaw_ext/_pagination.py``).
    """
    if op.body_model or op.waits:
        raise SystemExit(f"gen_ext: {op.operation_id}: a rows list sends no body, starts no run")
    request = ", ".join(
        [f"_{a.name}" for a in op.path_args] + [f"{a.gen_name}=_{a.name}" for a in op.query_args]
    )
    scope = "timeout, max_retries" + ("" if op.idempotent else ", retry_unsafe")
    out = []
    for is_async in (False, True):
        name = "_arows_page" if is_async else "_rows_page"
        prefix = "async def" if is_async else "def"
        fetch = "await apage_data" if is_async else "page_data"
        decl = ", ".join([f"client: {client_type(op)}", *params(op, variant=None)])
        doc = (
            "Async twin of ``_rows_page``."
            if is_async
            else f"One page of ``{op.name}`` as decoded: its ``data``, the rows plain dicts."
        )
        body = "\n    ".join(
            [
                *check_lines(op),
                f"with call_scope({scope}):",
                f"    return {fetch}(_op, client, _op._get_kwargs({request}))",
            ]
        )
        out.append(f'{prefix} {name}({decl}) -> dict[str, Any]:\n    """{doc}"""\n    {body}\n')
    return "\n\n".join(out)


def iterator_functions(op: Operation, item_attr: str) -> str:
    list_name, it = op.name, op.iterator
    filters = [a for a in op.query_args if a.api_name not in PAGING]
    forwards = ", ".join(
        [f"{a.name}={a.name}" for a in filters] + ["timeout=timeout", "max_retries=max_retries"]
    )
    paths = "".join(f"{a.name}, " for a in op.path_args)
    rows = op.paged_item == "ResultRow"
    out = [rows_page_functions(op)] if rows else []
    for is_async in (False, True):
        cls = ("Async" if is_async else "") + ("ResultRows" if rows else "Items")
        item = "" if rows else f"[{op.paged_item}]"
        name = ("a" if is_async else "") + str(it)
        # Rows come from the decoded page (the JSON key); items from the page model.
        if rows:
            target, items = ("_arows_page" if is_async else "_rows_page"), str(op.paged)
        else:
            target, items = ("a" if is_async else "") + list_name, item_attr
        decl = ", ".join([f"client: {client_type(op)}", *params(op, variant=None, iterator=True)])
        doc = (
            f"Async twin of ``{it}``."
            if is_async
            else f"Every item of ``{list_name}``, page by page.\n\n    "
            + "\n    ".join(
                textwrap.wrap(
                    "Fetches pages 1, 2, ... of ``page_size`` only as they are consumed and stops "
                    "at an empty page or once ``count`` items came, whichever is first; the "
                    "iterator's ``count`` fills in as pages arrive."
                    + (
                        " Rows are the dicts of the decoded answer, never built as models."
                        if rows
                        else ""
                    ),
                    width=92,
                )
            )
            + "\n    "
        )
        out.append(
            f"def {name}({decl}) -> {cls}{item}:\n"
            f'    """{doc}"""\n'
            f"    return {cls}(\n"
            f"        partial({target}, client, {paths}{forwards}),\n"
            f"        {items!r},\n"
            f"        page_size,\n"
            f"        {op.operation_id!r},\n"
            "    )\n"
        )
    return "\n\n".join(out)


def op_module(op: Operation) -> str:
    models = sorted({*op.data_types, *([op.body_model] if op.body_model else [])})
    if op.waits:
        models = sorted({*models, "RunRecord"})
    if op.paged_item and op.paged_item != "ResultRow":
        models = sorted({*models, op.paged_item})
    imports = [
        "from __future__ import annotations",
        "",
        "from collections.abc import Mapping, Sequence",
        "from functools import partial",
        "from typing import Any, Literal, overload",
        "",
        f"from {op.module.rsplit('.', 1)[0]} import {op.module.rsplit('.', 1)[1]} as _op",
        "from coreclaw_api.client import AuthenticatedClient, Client",
        *[f"from coreclaw_api.models.{snake_module(m)} import {m}" for m in models],
        "from coreclaw_api.types import UNSET",
        "",
        "from ..._consts import DEFAULT_WAIT_TIMEOUT, POLL_INTERVALS",
        "from ..._input_schema import acheck_input, check_input",
        "from ..._inputs import build_input, check_version",
        "from ..._consts import RESULTS_PAGE_SIZE as PAGE_SIZE",
        "from ..._options import TimeoutArg, call_scope",
        "from ..._pagination import AsyncItems, AsyncResultRows, Items, ResultRows",
        "from ..._pagination import apage_data, page_data",
        "from ..._paths import encode_queue_id, encode_run_id, encode_task_id, encode_worker_id",
        "from ..._unwrap import acall_op, acall_op_ack, acall_op_start",
        "from ..._unwrap import call_op, call_op_ack, call_op_start",
        "from ..._validate import (",
        "    check_bool, check_callback_url, check_choice, check_integer, check_object,",
        "    check_str_list, check_text,",
        ")",
    ]
    if op.waits:
        imports.append(
            "from ..._waiting import StatusCallback, await_started, check_wait, wait_for_started"
        )
    parts = ["\n".join(imports) + "\n", function(op, False), function(op, True)]
    if op.iterator:
        parts.append(iterator_functions(op, item_attr(op)))
    doc = f"``{op.name}`` and ``a{op.name}``: {op.summary[0].lower()}{op.summary[1:]}."
    return HEADER.format(doc=doc) + "\n\n".join(parts)


def snake_module(model: str) -> str:
    cls = getattr(importlib.import_module("coreclaw_api.models"), model)
    return str(cls.__module__).rsplit(".", 1)[1]


def item_attr(op: Operation) -> str:
    cls = getattr(importlib.import_module("coreclaw_api.models"), op.data_types[0])
    fields = inspect.signature(cls).parameters  # a model's fields are its __init__'s
    for candidate in (str(op.paged), f"{op.paged}_"):
        if candidate in fields:
            return candidate
    raise SystemExit(f"gen_ext: {op.operation_id}: no attribute for {op.paged!r}")


def exported(op: Operation) -> list[str]:
    names = [op.name, f"a{op.name}"]
    if op.iterator:
        names += [op.iterator, f"a{op.iterator}"]
    return names


def main() -> None:
    spec_path, out_dir, readme_out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    spec = load_spec(spec_path)
    ops = operations(spec)
    overrides: dict[str, str] = json.loads(OVERRIDES_FILE.read_text(encoding="utf-8"))
    unknown = set(overrides) - {n for op in ops for n in exported(op)}
    if unknown:
        raise SystemExit(
            f"gen_ext: ext-overrides.json names no generated function: {sorted(unknown)}"
        )
    ops_dir = out_dir / "ops"
    ops_dir.mkdir(parents=True)
    (ops_dir / "__init__.py").write_text(
        HEADER.format(doc="One module per operation: a first call loads only its own code."),
        "utf-8",
    )
    for op in ops:
        (ops_dir / f"{op.name}.py").write_text(op_module(op), encoding="utf-8")
    classes, mixin = resources_module(ops, overrides, params)
    (out_dir / "__init__.py").write_text(package_module(ops, overrides, exported, mixin), "utf-8")
    (out_dir / "resource_classes.py").write_text(classes, "utf-8")
    (out_dir / "table.py").write_text(table_module(ops), "utf-8")
    readme_out.write_text(readme_table(ops), encoding="utf-8")


if __name__ == "__main__":
    main()
