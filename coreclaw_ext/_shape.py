"""Checking a decoded ``data`` payload against the JSON types the spec declares.

The generated ``from_dict`` methods do not check types: ``{"slug": ["R"]}`` would become a
``RunRecord`` whose ``slug`` is a list, and a string where an object belongs crashes them
with ``AttributeError``. The transport runs this check first, so a typed result really has
the declared types and anything else is an ``UnexpectedResponseError`` naming the field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coreclaw_api._spec_index import SCHEMAS

Check = Callable[[Any], bool]

_TYPE_CHECKS: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: type(v) is int,
    "number": lambda v: type(v) in (int, float),
    "boolean": lambda v: type(v) is bool,
    "null": lambda v: v is None,
}


def mismatch(value: Any, schema: Any, where: str = "data") -> str | None:
    """Where ``value`` first departs from ``schema``, as ``data.results.list[3]: ...``; or None."""
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"]]
    variants = schema.get("oneOf") or schema.get("anyOf")
    if variants is not None:
        first: str | None = None
        for variant in variants:
            problem = mismatch(value, variant, where)
            if problem is None:
                return None
            first = first or problem
        return first
    kind = schema.get("type")
    if kind is not None:
        kinds = kind if isinstance(kind, list) else (kind,)
        if not any(_TYPE_CHECKS[k](value) for k in kinds):
            return f"{where}: expected {' or '.join(kinds)}, got {_json_type(value)}"
    if isinstance(value, dict):
        for name in schema.get("required", ()):
            if name not in value:
                return f"{where}: missing required field {name!r}"
        properties = schema.get("properties")
        if properties:
            for name, sub in properties.items():
                if name in value:
                    problem = mismatch(value[name], sub, f"{where}.{name}")
                    if problem:
                        return problem
    elif isinstance(value, list):
        items = schema.get("items")
        if items is not None:
            for index, item in enumerate(value):
                problem = mismatch(item, items, f"{where}[{index}]")
                if problem:
                    return problem
    return None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return {dict: "object", list: "array", str: "string", int: "integer", float: "number"}.get(
        type(value), type(value).__name__
    )


# A yes/no check per schema, compiled once: it builds no messages, so the common case (a
# valid payload) costs a few dict lookups. ``mismatch`` runs only to explain a failure.
_compiled: dict[int, Check] = {}
_by_name: dict[str, Check] = {}


def conforms(value: Any, schema: Any) -> bool:
    """Whether ``value`` matches ``schema``; the same answer as ``mismatch(...) is None``."""
    check = _compiled.get(id(schema))
    if check is None:
        check = _compiled[id(schema)] = _compile(schema)
    return check(value)


def _ref(name: str) -> Check:
    def check(value: Any) -> bool:
        target = _by_name.get(name)
        if target is None:
            target = _by_name[name] = _compile(SCHEMAS[name])
        return target(value)

    return check


def _compile(schema: Any) -> Check:
    if "$ref" in schema:
        return _ref(schema["$ref"])
    variants = schema.get("oneOf") or schema.get("anyOf")
    if variants is not None:
        options = tuple(_compile(variant) for variant in variants)
        return lambda value: any(option(value) for option in options)
    kind = schema.get("type")
    kinds = () if kind is None else tuple(kind if isinstance(kind, list) else (kind,))
    type_checks = tuple(_TYPE_CHECKS[k] for k in kinds)
    required = tuple(schema.get("required", ()))
    properties = tuple(
        (name, _compile(sub)) for name, sub in (schema.get("properties") or {}).items()
    )
    items = _compile(schema["items"]) if schema.get("items") is not None else None

    def check(value: Any) -> bool:
        if type_checks and not any(t(value) for t in type_checks):
            return False
        if isinstance(value, dict):
            for name in required:
                if name not in value:
                    return False
            for name, sub in properties:
                if name in value and not sub(value[name]):
                    return False
        elif items is not None and isinstance(value, list):
            for item in value:
                if not items(item):
                    return False
        return True

    return check
