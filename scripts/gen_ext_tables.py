"""The cross-operation files of ``coreclaw_ext/_generated``: exports, resources, tables.

Split from ``gen_ext.py`` (which writes one module per operation); both read the same
``ext_model.Operation`` records.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ext_model import Arg, Operation
from ext_signatures import return_type, variants

HEADER = '"""{doc}\n\nWritten by scripts/gen_ext.py during scripts/regen.sh; do not edit.\n"""\n\n'


def _module_of(name: str, op: Operation, overrides: dict[str, str]) -> str:
    """Where a public name lives, relative to ``coreclaw_ext`` (an override wins)."""
    return overrides.get(name, f"._generated.ops.{op.name}")


def _from_generated(module: str) -> str:
    """A module path relative to ``coreclaw_ext``, as seen from ``coreclaw_ext._generated``."""
    if module.startswith("._generated."):
        return "." + module.removeprefix("._generated.")
    return "." + module


def package_module(
    ops: list[Operation],
    overrides: dict[str, str],
    exported: Callable[[Operation], list[str]],
    mixin: tuple[str, str],
) -> str:
    """``_generated/__init__.py``: the lazy export table and the client's resource properties.

    One module rather than two, as both load with every program's first call.
    """
    lazy = {name: _module_of(name, op, overrides) for op in ops for name in exported(op)}
    lines = [f"    {name!r}: {module!r},\n" for name, module in sorted(lazy.items())]
    # For type checkers: the same names, imported where the lazy table points.
    api = [
        f"from {_from_generated(module)} import {name} as {name}\n"
        for name, module in sorted(lazy.items())
    ]
    mixin_import, mixin_class = mixin
    return (
        HEADER.format(
            doc="Code generated from spec/openapi.yaml for the ext layer: every generated public\n"
            "name and the module it is imported from (``LAZY``), and ``CoreClawClient``'s\n"
            "resource properties (``ResourcesMixin``), whose classes load on first use."
        )
        + "from __future__ import annotations\n\n"
        + "from typing import TYPE_CHECKING\n\n"
        + "if TYPE_CHECKING:\n"
        + "".join(f"    {line}" for line in api)
        + mixin_import
        + "\n__all__ = [\n"
        + "".join(f"    {name!r},\n" for name in sorted(lazy))
        + "]\n\nLAZY: dict[str, str] = {\n"
        + "".join(lines)
        + "}\n\nALL: tuple[str, ...] = tuple(__all__)\n"
        + mixin_class
    )


def _forward(op: Operation, params: list[str]) -> str:
    names = [a.name for a in op.path_args]
    keywords = [p.split(":")[0].strip() for p in params if p != "*" and not _is_path(op, p)]
    return ", ".join(["self._client", *names, *(f"{k}={k}" for k in keywords)])


def _is_path(op: Operation, param: str) -> bool:
    return param.split(":", maxsplit=1)[0].strip() in {a.name for a in op.path_args}


def resources_module(
    ops: list[Operation], overrides: dict[str, str], params: Callable[..., list[str]]
) -> tuple[str, tuple[str, str]]:
    """``resource_classes.py`` (the classes), and the client's mixin for ``__init__.py`` (its
    import for type checkers and its class).

    The mixin imports a class only when its property is first read: the classes are some
    70 KB of byte code that a program's first plain call would otherwise load (about 5 ms).
    """
    by_resource: dict[str, list[Operation]] = {}
    for op in ops:
        by_resource.setdefault(op.resource, []).append(op)
    models = sorted({m for op in ops for m in op.data_types} | {"RunRecord"})
    items = sorted({op.paged_item for op in ops if op.paged_item and op.paged_item != "ResultRow"})
    out = [
        HEADER.format(doc="Resource-style access: ``client.<tag>.<method>(...)``, sync and async."),
        "from __future__ import annotations\n\n",
        "from collections.abc import Mapping, Sequence\n",
        "from typing import TYPE_CHECKING, Any, Literal, overload\n\n",
        "from coreclaw_api.client import AuthenticatedClient\n\n",
        "from .._consts import DEFAULT_WAIT_TIMEOUT, POLL_INTERVALS\n",
        "from .._consts import RESULTS_PAGE_SIZE as PAGE_SIZE\n",
        "from .._options import TimeoutArg\n\n",
        "if TYPE_CHECKING:\n",
        f"    from coreclaw_api.models import {', '.join(sorted(set(models) | set(items)))}\n\n",
        "    from .._pagination import AsyncItems, AsyncResultRows, Items, ResultRows\n",
        "    from .._waiting import StatusCallback\n\n",
        "# Used by the annotations and defaults below, whichever operations the spec has.\n",
        "_ = (Any, Literal, Mapping, Sequence, DEFAULT_WAIT_TIMEOUT, POLL_INTERVALS, PAGE_SIZE)"
        "\n\n\n",
        "class Resource:\n",
        '    """Operations of one spec tag, bound to a client."""\n\n',
        "    __slots__ = ('_client',)\n\n",
        "    def __init__(self, client: AuthenticatedClient) -> None:\n",
        "        self._client = client\n\n",
        "    def __repr__(self) -> str:\n",
        "        return f'<{type(self).__name__} resource>'\n",
    ]
    for resource, members in by_resource.items():
        cls = "".join(part.capitalize() for part in resource.split("_"))
        out.append(f"\n\nclass {cls}(Resource):\n")
        out.append(
            f'    """The ``{members[0].tag}`` operations; ``a``-prefixed methods are async."""\n'
        )
        for op in members:
            for is_async in (False, True):
                out.append(_method(op, is_async, overrides, params, return_type))
            if op.iterator:
                out.append(_iter_method(op, overrides, params, False))
                out.append(_iter_method(op, overrides, params, True))
    names = ["".join(part.capitalize() for part in resource.split("_")) for resource in by_resource]
    mixin_import = f"    from .resource_classes import {', '.join(sorted(names))}\n"
    mixin = [
        "\n\nclass ResourcesMixin:\n",
        '    """The resource properties of ``CoreClawClient``."""\n\n',
        "    __slots__ = ()\n",
    ]
    for (resource, members), cls in zip(by_resource.items(), names, strict=True):
        mixin.append(
            f"\n    @property\n    def {resource}(self) -> {cls}:\n"
            f'        """``{members[0].tag}``: '
            f'{", ".join(m.resource_method for m in members)}."""\n'
            f"        from .resource_classes import {cls}\n\n"
            f"        return {cls}(self)  # type: ignore[arg-type]\n"
        )
    return "".join(out), (mixin_import, "".join(mixin))


def _method(
    op: Operation,
    is_async: bool,
    overrides: dict[str, str],
    params: Callable[..., list[str]],
    return_type: Callable[[Operation, str | None], str],
) -> str:
    func = ("a" if is_async else "") + op.name
    method = ("a" if is_async else "") + op.resource_method
    source = _from_generated(_module_of(func, op, overrides))
    prefix = "async def" if is_async else "def"
    out = ""
    for variant in variants(op):
        decl = ", ".join(["self", *params(op, variant=variant)])
        out += (
            f"\n    @overload\n    {prefix} {method}({decl}) -> {return_type(op, variant)}: ...\n"
        )
    sig = params(op, variant=None)
    decl = ", ".join(["self", *sig])
    awaited = "await " if is_async else ""
    if op.waits:
        # Two calls, one per overload, so the type checker sees which answer comes back.
        no_wait = params(op, variant="nowait")
        body = (
            (
                "        if wait:\n"
                f"            return {awaited}_f({_forward(op, sig)})\n"
                f"        return {awaited}_f({_forward(op, no_wait)})\n"
            )
            .replace("wait=wait", "wait=True", 1)
            .replace("wait=wait", "wait=False", 1)
        )
    else:
        body = f"        return {awaited}_f({_forward(op, sig)})\n"
    return out + (
        f"\n    {prefix} {method}({decl}) -> {return_type(op, None)}:\n"
        f'        """``{func}``: {op.summary}."""\n'
        f"        from {source} import {func} as _f\n\n" + body
    )


def _iter_method(
    op: Operation, overrides: dict[str, str], params: Callable[..., list[str]], is_async: bool
) -> str:
    func = ("a" if is_async else "") + str(op.iterator)
    base = op.resource_method.removeprefix("list")
    method = ("aiter" if is_async else "iter") + base
    rows = op.paged_item == "ResultRow"
    cls = ("Async" if is_async else "") + ("ResultRows" if rows else "Items")
    item = "" if rows else f"[{op.paged_item}]"
    source = _from_generated(_module_of(func, op, overrides))
    sig = params(op, variant=None, iterator=True)
    decl = ", ".join(["self", *sig])
    return (
        f"\n    def {method}({decl}) -> {cls}{item}:\n"
        f'        """``{func}``: every item of ``{op.name}``."""\n'
        f"        from {source} import {func} as _f\n\n"
        f"        return _f({_forward(op, sig)})\n"
    )


def _arg_row(arg: Arg) -> tuple[str, str, str, bool]:
    kind = arg.schema.get("type", "object")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    # The API's own field, sent as given: for a Worker input object that is ``raw_input``.
    name = f"raw_{arg.name}" if arg.form_input else arg.name
    return (name, arg.api_name, str(kind), arg.required)


def table_module(ops: list[Operation]) -> str:
    rows = []
    for op in ops:
        fields: dict[str, Any] = {
            "operation_id": op.operation_id,
            "name": op.name,
            "method": op.method,
            "path": op.path,
            "summary": op.summary,
            "resource": op.resource,
            "resource_method": op.resource_method,
            "path_args": tuple(a.name for a in op.path_args),
            "query_args": tuple(_arg_row(a) for a in op.query_args),
            "body_args": tuple(_arg_row(a) for a in op.body_args),
            "returns": tuple(op.data_types),
            "creates_run": op.creates_run,
            "idempotent": op.idempotent,
            "sync_wait": op.sync_wait,
            "waits": op.waits,
            "paged": op.paged,
            "iterator": op.iterator,
            "retry_class": op.retry_class,
            "retry_note": op.retry_note,
        }
        rows.append(
            "    OpSpec(\n"
            + "".join(f"        {k}={v!r},\n" for k, v in fields.items())
            + "    ),\n"
        )
    return (
        HEADER.format(doc="Every operation as the CLI and the tests see it, in spec order.")
        + "from typing import NamedTuple\n\n\n"
        + "class OpSpec(NamedTuple):\n"
        + '    """One operation; argument rows are (name, api name, JSON type, required)."""\n\n'
        + "    operation_id: str\n    name: str\n    method: str\n    path: str\n    summary: str\n"
        + "    resource: str\n    resource_method: str\n    path_args: tuple[str, ...]\n"
        + "    query_args: tuple[tuple[str, str, str, bool], ...]\n"
        + "    body_args: tuple[tuple[str, str, str, bool], ...]\n"
        + "    returns: tuple[str, ...]\n    creates_run: bool\n    idempotent: bool\n"
        + "    sync_wait: bool\n    waits: bool\n    paged: str | None\n    iterator: str | None\n"
        + "    retry_class: str\n    retry_note: str\n\n\n"
        + "OPERATIONS: tuple[OpSpec, ...] = (\n"
        + "".join(rows)
        + ")\n\nBY_NAME: dict[str, OpSpec] = {op.name: op for op in OPERATIONS}\n"
    )


def readme_table(ops: list[Operation]) -> str:
    head = (
        "| operation | method and path | function (async: `a` prefix) | resource method "
        "| retries | sync wait |\n| --- | --- | --- | --- | --- | --- |\n"
    )
    rows = [
        f"| `{op.operation_id}` | `{op.method} {op.path}` | `{op.name}`"
        + (f", `{op.iterator}`" if op.iterator else "")
        + f" | `client.{op.resource}.{op.resource_method}` | {op.retry_class} "
        f"| {'yes, with `is_async=False`' if op.sync_wait else '—'} |\n"
        for op in ops
    ]
    writes = [
        f"| `{op.operation_id}` | {'yes' if op.idempotent and not op.creates_run else '**no**'} "
        f"| {op.retry_note} |\n"
        for op in ops
        if op.method != "GET"
    ]
    return (
        head
        + "".join(rows)
        + "\nEvery call that is not a read, and whether it is repeated after an unknown outcome "
        "(a 5xx answer, a read timeout, a connection lost after sending):\n\n"
        + "| operation | repeated | why |\n| --- | --- | --- |\n"
        + "".join(writes)
    )
