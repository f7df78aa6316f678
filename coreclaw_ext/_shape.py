"""Checking a decoded ``data`` payload against the JSON types the spec declares.

The generated ``from_dict`` methods do not check types: ``{"slug": ["R"]}`` would become a
``RunRecord`` whose ``slug`` is a list, and a string where an object belongs crashes them
with ``AttributeError``. The transport runs this check first, so a typed result really has
the declared types and anything else is an ``UnexpectedResponseError`` naming the field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coreclaw_api._spec_index import DATA_CHECKS, OPERATIONS

Check = Callable[[Any], bool]

# Exact Python types per JSON type: json.loads makes no subclasses, and bool must not pass
# for integer. (``_shape_compiler.PY_TYPE_NAMES`` holds the same table by name.)
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
    return _mismatch(value, schema, where, _schemas())


def _schemas() -> dict[str, Any]:
    # Loaded to explain a failure (or compile an ad-hoc check): a good answer never needs them.
    from coreclaw_api._spec_schemas import SCHEMAS  # noqa: PLC0415

    return SCHEMAS


def _mismatch(value: Any, schema: Any, where: str, schemas: dict[str, Any]) -> str | None:
    while "$ref" in schema:
        schema = schemas[schema["$ref"]]
    if "not" in schema and _mismatch(value, schema["not"], where, schemas) is None:
        # Used to keep oneOf shapes apart (an async rerun answer never has sync fields).
        return f"{where}: has fields this shape must not have"
    variants = schema.get("oneOf") or schema.get("anyOf")
    if variants:  # an empty list (invalid JSON Schema) counts as no variants
        first: str | None = None
        for variant in variants:
            problem = _mismatch(value, variant, where, schemas)
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
                    problem = _mismatch(value[name], sub, f"{where}.{name}", schemas)
                    if problem:
                        return problem
    elif type(value) is list:
        items = schema.get("items")
        if items is not None:
            for index, item in enumerate(value):
                problem = _mismatch(item, items, f"{where}[{index}]", schemas)
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


# A yes/no check per schema: it builds no messages and makes one call per object, so the
# common case (a valid payload) costs a few dict lookups and type tests. ``mismatch`` runs
# only to explain a failure. Operations' shapes come compiled with the index (regen writes
# them with ``_shape_compiler``); any other schema is compiled at its first check.
_PRECOMPILED: dict[int, tuple[Any, Check]] = {
    id(op.data_shape): (op.data_shape, DATA_CHECKS[op.operation_id])
    for op in OPERATIONS
    if op.data_shape is not None
}
_compiled: dict[int, tuple[Any, Check]] = dict(_PRECOMPILED)
_COMPILED_MAX = 256  # the index's own and a handful more; ad-hoc schemas must not pile up


def conforms(value: Any, schema: Any) -> bool:
    """Whether ``value`` matches ``schema``; the same answer as ``mismatch(...) is None``."""
    entry = _compiled.get(id(schema))
    # The schema is kept alive in the entry, so its id cannot be reused by another object.
    if entry is None or entry[0] is not schema:
        if len(_compiled) >= _COMPILED_MAX:
            _compiled.clear()
            _compiled.update(_PRECOMPILED)
        entry = _compiled[id(schema)] = (schema, _compile(schema))
    return entry[1](value)


def _compile(schema: Any) -> Check:
    from ._shape_compiler import ShapeCompiler  # noqa: PLC0415 - only for ad-hoc schemas

    return ShapeCompiler(_schemas()).build(schema)
