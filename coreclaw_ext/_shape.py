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

# Exact Python types per JSON type: json.loads makes no subclasses, and bool must not pass
# for integer.
_PY_TYPES: dict[str, frozenset[type]] = {
    "object": frozenset({dict}),
    "array": frozenset({list}),
    "string": frozenset({str}),
    "integer": frozenset({int}),
    "number": frozenset({int, float}),
    "boolean": frozenset({bool}),
    "null": frozenset({type(None)}),
}


def _allowed(kind: Any) -> frozenset[type] | None:
    if kind is None:
        return None
    kinds = kind if isinstance(kind, list) else (kind,)
    return frozenset().union(*(_PY_TYPES[k] for k in kinds))


def mismatch(value: Any, schema: Any, where: str = "data") -> str | None:
    """Where ``value`` first departs from ``schema``, as ``data.results.list[3]: ...``; or None."""
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"]]
    if "not" in schema and mismatch(value, schema["not"], where) is None:
        # Used to keep oneOf shapes apart (an async rerun answer never has sync fields).
        return f"{where}: has fields this shape must not have"
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
    allowed = _allowed(kind)
    if allowed is not None and type(value) not in allowed:
        kinds = kind if isinstance(kind, list) else (kind,)
        return f"{where}: expected {' or '.join(kinds)}, got {_json_type(value)}"
    if type(value) is dict:
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
    elif type(value) is list:
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


def _leaf_types(kind: Any) -> frozenset[type]:
    return _allowed(kind) or frozenset()


def _is_leaf(schema: Any) -> bool:
    return "type" in schema and not (
        {"$ref", "oneOf", "anyOf", "properties", "items", "required"} & schema.keys()
    )


def _compile(schema: Any) -> Check:
    if "$ref" in schema:
        return _ref(schema["$ref"])
    if "not" in schema:
        excluded = _compile(schema["not"])
        rest = _compile({k: v for k, v in schema.items() if k != "not"})
        return lambda value: not excluded(value) and rest(value)
    variants = schema.get("oneOf") or schema.get("anyOf")
    if variants is not None:
        options = tuple(_compile(variant) for variant in variants)
        return lambda value: any(option(value) for option in options)
    allowed = _allowed(schema.get("type"))
    required = tuple(schema.get("required", ()))
    props = (schema.get("properties") or {}).items()
    # Properties that are a bare type are checked inline, without a call per field.
    leaves = tuple((name, _leaf_types(sub["type"])) for name, sub in props if _is_leaf(sub))
    nested = tuple((name, _compile(sub)) for name, sub in props if not _is_leaf(sub))
    items = _compile(schema["items"]) if schema.get("items") is not None else None

    def check(value: Any) -> bool:
        kind = type(value)
        if allowed is not None and kind not in allowed:
            return False
        if kind is dict:
            for name in required:
                if name not in value:
                    return False
            for name, types in leaves:
                if name in value and type(value[name]) not in types:
                    return False
            for name, sub in nested:
                if name in value and not sub(value[name]):
                    return False
        elif kind is list and items is not None:
            for item in value:
                if not items(item):
                    return False
        return True

    return check
