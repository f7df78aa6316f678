"""Test cases derived from spec/openapi.yaml, so a new operation is covered without a table edit.

For each operation: the arguments of a valid call (path ids, query values and body fields from
the spec's examples), its success examples with the ``data`` they carry, and its documented
error statuses. The generated operation table (``coreclaw_ext._generated.table``) says how the
convenience names each argument.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

import yaml
from coreclaw_api import models

from coreclaw_ext._generated.table import OPERATIONS, OpSpec
from tests.scripts import ROOT

SPEC_PATH = ROOT / "spec" / "openapi.yaml"
METHODS = ("get", "put", "post", "delete", "patch")


@functools.cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


def resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def raw_operation(op: OpSpec) -> dict[str, Any]:
    operation: dict[str, Any] = spec()["paths"][op.path][op.method.lower()]
    return operation


def _example(node: dict[str, Any]) -> Any:
    if "example" in node:
        return node["example"]
    examples = node.get("examples") or {}
    first = next(iter(examples.values()), None)
    if isinstance(first, dict) and "value" in first:
        return first["value"]
    schema = resolve(node.get("schema", {}))
    for key in ("example", "default"):
        if key in schema:
            return schema[key]
    if schema.get("examples"):
        return schema["examples"][0]
    if schema.get("enum"):
        return schema["enum"][0]
    raise AssertionError(f"no example for parameter {node.get('name')!r}")


@dataclass(frozen=True)
class Call:
    """A valid call of one operation's convenience."""

    op: OpSpec
    args: tuple[str, ...]
    kwargs: dict[str, Any]

    def with_callback(self, url: str) -> Call:
        """The same call with any ``callback_url`` pointing at ``url`` (a loopback address)."""
        if "callback_url" not in self.kwargs:
            return self
        return Call(self.op, self.args, {**self.kwargs, "callback_url": url})


def body_examples(op: OpSpec) -> dict[str, dict[str, Any]]:
    """The request body examples by name ({} for an operation without a body)."""
    body = raw_operation(op).get("requestBody")
    if body is None:
        return {}
    media = resolve(body)["content"]["application/json"]
    return {name: resolve(ex)["value"] for name, ex in (media.get("examples") or {}).items()}


def calls(op: OpSpec) -> list[Call]:
    """One call per request body example (one call for operations without a body)."""
    params = [resolve(p) for p in raw_operation(op).get("parameters", [])]
    args = tuple(str(_example(p)) for p in params if p["in"] == "path")
    names = {api: name for name, api, _kind, _req in op.query_args + op.body_args}
    query = {names[p["name"]]: _example(p) for p in params if p["in"] == "query"}
    bodies = list(body_examples(op).values()) or [{}]
    return [Call(op, args, {**query, **{names[k]: v for k, v in body.items()}}) for body in bodies]


def fill_path(op: OpSpec, args: tuple[str, ...]) -> str:
    """The operation's path with its ``{placeholders}`` replaced by ``args``, in order."""
    values = iter(args)
    return re.sub(r"\{[^}]+\}", lambda _m: next(values), op.path)


def success_examples(op: OpSpec) -> dict[str, dict[str, Any]]:
    """The 200 answer examples by name: whole envelopes."""
    response = resolve(raw_operation(op)["responses"]["200"])
    media = response["content"]["application/json"]
    return {name: resolve(ex)["value"] for name, ex in media["examples"].items()}


def error_statuses(op: OpSpec) -> list[int]:
    return sorted(int(code) for code in raw_operation(op)["responses"] if code != "200")


def data_types(op: OpSpec) -> tuple[type, ...]:
    """The classes the convenience may return (``type(None)`` for answers without data)."""
    if not op.returns:
        return (type(None),)
    return tuple(getattr(models, name) for name in op.returns)


def envelope_class(op: OpSpec) -> type:
    response = resolve(raw_operation(op)["responses"]["200"])
    ref = response["content"]["application/json"]["schema"]["$ref"]
    cls: type = getattr(models, ref.rsplit("/", 1)[-1])
    return cls


def body_class(op: OpSpec) -> Any:
    """The generated model class of the operation's request body."""
    body = resolve(raw_operation(op)["requestBody"])["content"]["application/json"]
    return getattr(models, body["schema"]["$ref"].rsplit("/", 1)[-1])


def ops() -> list[OpSpec]:
    return list(OPERATIONS)


def op_ids() -> list[str]:
    return [op.operation_id for op in OPERATIONS]


def _pascal(name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in name.replace("-", "_").split("_"))


def _walk(value: Any, schema: dict[str, Any], name: str | None, out: dict[str, Any]) -> None:
    """Record, for each model class the schema tree names, the first example value it meets."""
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = ref.rsplit("/", 1)[-1]
        schema = resolve(schema)
    variants = schema.get("oneOf") or schema.get("anyOf")
    if variants:
        for variant in variants:
            target = resolve(variant)
            fits = isinstance(value, dict) and set(target.get("required", [])) <= set(value)
            if fits and (target.get("type", "object") == "object" or "$ref" in variant):
                _walk(value, variant, None, out)
                return
        return
    if isinstance(value, dict) and (schema.get("type") == "object" or "properties" in schema):
        if name is not None:
            out.setdefault(name, value)
        for prop, sub in (schema.get("properties") or {}).items():
            if prop in value:
                inline = None if "$ref" in sub else f"{name}{_pascal(prop)}" if name else None
                _walk(value[prop], sub, inline, out)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in value:
            _walk(item, schema["items"], None, out)


@functools.cache
def model_seeds() -> dict[str, Any]:
    """A valid example value for every model the spec's examples reach, by class name."""
    out: dict[str, Any] = {}
    for op in OPERATIONS:
        raw = raw_operation(op)
        response = resolve(raw["responses"]["200"])["content"]["application/json"]
        for example in success_examples(op).values():
            _walk(example, response["schema"], None, out)
        if "requestBody" in raw:
            media = resolve(raw["requestBody"])["content"]["application/json"]
            for body in body_examples(op).values():
                _walk(body, media["schema"], None, out)
    return out
