"""Checking a decoded ``data`` payload against the JSON types the spec declares.

The generated ``from_dict`` methods do not check types: ``{"slug": ["R"]}`` would become a
``RunRecord`` whose ``slug`` is a list, and a string where an object belongs crashes them
with ``AttributeError``. The transport runs this check first, so a typed result really has
the declared types and anything else is an ``UnexpectedResponseError`` naming the field.
"""

from __future__ import annotations

from typing import Any

from coreclaw_api._spec_index import SCHEMAS

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
