"""What the ext generator knows about each operation, read from the spec and the generated code.

``scripts/gen_ext.py`` renders ``coreclaw_ext/_generated`` from these records. The spec says
what an operation is (method, path, parameters, markers); the freshly generated
``coreclaw_api`` package says what openapi-python-client named things (modules, keyword
arguments, model classes), so the two can never disagree about a name.
"""

from __future__ import annotations

import importlib
import inspect
import keyword
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


def load_spec(path: Path) -> dict[str, Any]:
    """The spec as plain data: libyaml's parser when present (7x faster here), with the same
    safe constructor as ``yaml.safe_load``, so the result is the same."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    return spec


# How each kind of path id is checked and shaped before it goes into a URL. A path parameter
# of another name stops the generator: a new kind of id needs a decision, not a guess.
ID_KINDS = {
    "workerId": "encode_worker_id",
    "runId": "encode_run_id",
    "workerTaskId": "encode_task_id",
    "queueId": "encode_queue_id",
}
# Query and body values that name a Worker are shaped like the path id (``owner/name`` ->
# ``owner~name``), as the API expects.
WORKER_VALUE_NAMES = frozenset({"worker_id"})
MARKERS = (
    "x-coreclaw-creates-run",
    "x-coreclaw-idempotent",
    "x-coreclaw-sync-wait",
    "x-coreclaw-paged",
    "x-coreclaw-resource-method",
    "x-coreclaw-retry-note",
)


class SpecError(Exception):
    """The spec asks for something the generator refuses to produce."""


def snake(name: str) -> str:
    """``getWorkerRun`` -> ``get_worker_run`` (the rule openapi-python-client applies too)."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).replace("-", "_").lower()


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


@dataclass
class Arg:
    """One argument of a convenience: a path id, a query parameter or a body field."""

    api_name: str
    where: str  # "path", "query" or "body"
    required: bool
    schema: dict[str, Any]
    gen_name: str = ""  # the keyword the generated function takes ("" for body fields)
    description: str = ""

    @property
    def form_input(self) -> bool:
        """A Worker input object: the convenience takes form fields flat and builds it."""
        return self.where == "body" and self.schema.get("x-coreclaw-form-input") is True

    @property
    def name(self) -> str:
        """The convenience's argument name: the API's own, unless it is a Python keyword."""
        base = snake(self.api_name) if self.where == "path" else self.api_name
        return f"{base}_" if keyword.iskeyword(base) else base


@dataclass
class Operation:
    operation_id: str
    method: str
    path: str
    tag: str
    summary: str
    module: str  # the generated module, e.g. coreclaw_api.api.worker_runs.get_worker_run
    path_args: list[Arg]
    query_args: list[Arg]
    body_args: list[Arg]
    body_model: str | None
    data_types: list[str]  # model class names of ``data`` (several for a oneOf); [] = no data
    creates_run: bool
    idempotent: bool
    sync_wait: bool
    retry_note: str
    resource: str
    resource_method: str
    paged: str | None  # the array property a paged list answers with
    paged_item: str | None = None  # model class of one item of that array
    public: bool = False
    waits: bool = False  # the answer names a new run that the convenience can wait for
    sync_answer: str | None = None  # with is_async=False: the model of the synchronous answer
    async_answer: str | None = None  # with is_async true or left out: the accepted answer
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return snake(self.operation_id)

    @property
    def validation_worker(self) -> str | None:
        """Where the Worker id of an input check comes from: the path, the body, or nowhere."""
        if not any(a.form_input for a in self.body_args):
            return None
        if any(a.api_name == "workerId" for a in self.path_args):
            return "_worker_id"
        if any(a.api_name == "worker_id" for a in self.body_args):
            return "_body['worker_id']"
        return None

    @property
    def retry_class(self) -> str:
        if self.creates_run:
            return "starts a run: never repeated once sent"
        if self.method == "GET":
            return "read: retried"
        return (
            "write, repeatable: retried" if self.idempotent else "write: never repeated once sent"
        )

    @property
    def iterator(self) -> str | None:
        if self.paged is None:
            return None
        return "iter_" + self.name.removeprefix("list_")


def _data_types(spec: dict[str, Any], op: dict[str, Any], op_id: str) -> list[str]:
    response = resolve(spec, op["responses"]["200"])
    schema = response["content"]["application/json"]["schema"]
    envelope = resolve(spec, schema)
    data = envelope.get("properties", {}).get("data")
    if data is None:
        return []
    if "data" not in envelope.get("required", []):
        raise SpecError(f"{op_id}: an envelope that declares data must require it")
    variants = data.get("oneOf", [data])
    names = [ref_name(v) for v in variants]
    if any(n is None for n in names):
        raise SpecError(f"{op_id}: data must be a $ref or a oneOf of $refs")
    return [n for n in names if n is not None]


def _has_run_slug(spec: dict[str, Any], model: str) -> bool:
    schema = spec["components"]["schemas"][model]
    return "run_slug" in schema.get("required", [])


def _generated_names(module: Any, api_names: list[str]) -> dict[str, str]:
    """The generated keyword argument of each API parameter name, from its signature."""
    params = list(inspect.signature(module.sync_detailed).parameters)
    out = {}
    for api in api_names:
        base = snake(api)
        for candidate in (base, f"{base}_"):
            if candidate in params:
                out[api] = candidate
                break
        else:
            raise SpecError(f"{module.__name__}: no generated argument for {api!r} in {params}")
    return out


def _markers(op: dict[str, Any], op_id: str, method: str) -> tuple[bool, bool, bool]:
    creates_run = op.get("x-coreclaw-creates-run", False) is True
    sync_wait = op.get("x-coreclaw-sync-wait", False) is True
    if method == "GET":
        if "x-coreclaw-idempotent" in op and op["x-coreclaw-idempotent"] is not True:
            raise SpecError(f"{op_id}: a GET is a read and is always idempotent")
        idempotent = True
    else:
        if not isinstance(op.get("x-coreclaw-idempotent"), bool):
            raise SpecError(f"{op_id}: every write needs an explicit x-coreclaw-idempotent")
        idempotent = op["x-coreclaw-idempotent"]
    if creates_run and idempotent:
        raise SpecError(
            f"{op_id}: marked both x-coreclaw-creates-run and idempotent; a run-creating call "
            "must never be repeated once sent"
        )
    if not isinstance(op.get("x-coreclaw-retry-note"), str):
        raise SpecError(f"{op_id}: x-coreclaw-retry-note (why it is or is not retried) is missing")
    return creates_run, idempotent, sync_wait


def _answers(spec: dict[str, Any], op: Operation) -> None:
    """Tell the synchronous answer from the accepted one: only the first has ``run_status``."""
    if not (op.sync_wait and len(op.data_types) == 2):
        return
    schemas = spec["components"]["schemas"]
    sync = [m for m in op.data_types if "run_status" in schemas[m].get("required", [])]
    if len(sync) != 1:
        raise SpecError(f"{op.operation_id}: cannot tell the synchronous answer from the other")
    op.sync_answer = sync[0]
    op.async_answer = next(m for m in op.data_types if m != sync[0])


def operations(spec: dict[str, Any]) -> list[Operation]:
    """Every operation of the spec, with the names the generated package gave its parts."""
    models = importlib.import_module("coreclaw_api.models")
    out: list[Operation] = []
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            op_id = op["operationId"]
            upper = method.upper()
            creates_run, idempotent, sync_wait = _markers(op, op_id, upper)
            tag = op["tags"][0]
            module_name = f"coreclaw_api.api.{snake(tag)}.{snake(op_id)}"
            module = importlib.import_module(module_name)
            params = [resolve(spec, p) for p in op.get("parameters", [])]
            path_args = [
                Arg(
                    p["name"], "path", True, p["schema"], snake(p["name"]), p.get("description", "")
                )
                for p in params
                if p["in"] == "path"
            ]
            for arg in path_args:
                if arg.api_name not in ID_KINDS:
                    raise SpecError(f"{op_id}: path parameter {arg.api_name!r} has no id kind")
            query = [p for p in params if p["in"] == "query"]
            gen_names = _generated_names(module, [p["name"] for p in query])
            query_args = [
                Arg(
                    p["name"],
                    "query",
                    bool(p.get("required", False)),
                    p["schema"],
                    gen_names[p["name"]],
                    p.get("description", ""),
                )
                for p in query
            ]
            body_args: list[Arg] = []
            body_model = None
            if "requestBody" in op:
                body_schema = resolve(spec, op["requestBody"])["content"]["application/json"][
                    "schema"
                ]
                body_model = ref_name(body_schema)
                if body_model is None:
                    raise SpecError(f"{op_id}: the request body must be a component $ref")
                resolved = resolve(spec, body_schema)
                required = set(resolved.get("required", []))
                body_args = [
                    Arg(name, "body", name in required, sub, "", sub.get("description", ""))
                    for name, sub in resolved.get("properties", {}).items()
                ]
                getattr(models, body_model)  # fails early if the generator named it otherwise
            data_types = _data_types(spec, op, op_id)
            for model in data_types:
                getattr(models, model)
            paged = op.get("x-coreclaw-paged")
            paged_item = None
            if paged is not None:
                if len(data_types) != 1:
                    raise SpecError(f"{op_id}: a paged list answers with one data model")
                items = spec["components"]["schemas"][data_types[0]]["properties"][paged]["items"]
                paged_item = ref_name(items)
            method_name = op.get("x-coreclaw-resource-method")
            if not isinstance(method_name, str) or not method_name.isidentifier():
                raise SpecError(f"{op_id}: x-coreclaw-resource-method is missing or not a name")
            out.append(
                Operation(
                    operation_id=op_id,
                    method=upper,
                    path=path,
                    tag=tag,
                    summary=op.get("summary", ""),
                    module=module_name,
                    path_args=path_args,
                    query_args=query_args,
                    body_args=body_args,
                    body_model=body_model,
                    data_types=data_types,
                    creates_run=creates_run,
                    idempotent=idempotent,
                    sync_wait=sync_wait,
                    retry_note=op["x-coreclaw-retry-note"],
                    resource=snake(tag),
                    resource_method=method_name,
                    paged=paged,
                    paged_item=paged_item,
                    public=op.get("security", None) == [],
                    waits=creates_run
                    and bool(data_types)
                    and all(_has_run_slug(spec, m) for m in data_types),
                )
            )
    for item in out:
        _answers(spec, item)
    names = [o.name for o in out]
    if len(set(names)) != len(names):
        raise SpecError("two operations map to the same function name")
    pairs = [(o.resource, o.resource_method) for o in out]
    if len(set(pairs)) != len(pairs):
        raise SpecError("two operations map to the same resource method")
    return out
