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
    if variants:  # an empty list (invalid JSON Schema) counts as no variants
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


# A yes/no check per schema, compiled once into Python source: it builds no messages and
# makes one call per object, so the common case (a valid payload) costs a few dict lookups
# and type tests. ``mismatch`` runs only to explain a failure.
_compiled: dict[int, tuple[Any, Check]] = {}
_COMPILED_MAX = 256  # the operation table has a handful; ad-hoc schemas must not pile up


def conforms(value: Any, schema: Any) -> bool:
    """Whether ``value`` matches ``schema``; the same answer as ``mismatch(...) is None``."""
    entry = _compiled.get(id(schema))
    # The schema is kept alive in the entry, so its id cannot be reused by another object.
    if entry is None or entry[0] is not schema:
        if len(_compiled) >= _COMPILED_MAX:
            _compiled.clear()
        entry = _compiled[id(schema)] = (schema, _Compiler().build(schema))
    return entry[1](value)


_ABSENT = object()


def _resolve(schema: Any) -> Any:
    while "$ref" in schema and len(schema) == 1:
        schema = SCHEMAS[schema["$ref"]]
    return schema


def _is_leaf(schema: Any) -> bool:
    """A schema that is only a JSON type, checked inline rather than by a call."""
    return schema.get("type") is not None and not (
        {"$ref", "oneOf", "anyOf", "properties", "items", "required", "not"} & schema.keys()
    )


class _Compiler:
    """Writes one Python function per (sub)schema and ``exec``s them together.

    Property names reach the source only through ``repr``; everything else in it is made
    here, so the source is as trusted as this module.
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {"_ABSENT": _ABSENT}
        self.refs: dict[str, str] = {}
        self.count = 0

    def build(self, schema: Any) -> Check:
        entry = self.function(schema)
        exec("\n".join(self.lines), self.names)  # noqa: S102 - source written above, from the spec
        check: Check = self.names[entry]
        return check

    def _new(self, prefix: str) -> str:
        self.count += 1
        return f"_{prefix}{self.count}"

    def _const(self, value: Any) -> str:
        name = self._new("k")
        self.names[name] = value
        return name

    def _type_test(self, type_expr: str, kinds: Any) -> str:
        """An expression, true when the Python type ``type_expr`` is none of JSON's ``kinds``."""
        allowed = _allowed(kinds) or frozenset()
        if len(allowed) == 1:
            (only,) = allowed
            return f"{type_expr} is not {self._const(only)}"
        return f"{type_expr} not in {self._const(allowed)}"

    def _value_test(self, subject: str, schema: Any) -> str:
        """An expression, true when ``subject`` does not match ``schema``."""
        target = _resolve(schema)
        if _is_leaf(target):  # a bare type (also behind a $ref) is tested inline
            return self._type_test(f"type({subject})", target["type"])
        return f"not {self.function(schema)}({subject})"

    def function(self, schema: Any) -> str:
        """The name of a function checking ``schema``, writing it if needed."""
        if "$ref" in schema:
            ref = schema["$ref"]
            name = self.refs.get(ref)
            if name is None:  # registered first, so recursive schemas terminate
                name = self.refs[ref] = self._new("ref")
                self._write(name, SCHEMAS[ref])
            return name
        name = self._new("c")
        self._write(name, schema)
        return name

    def _write(self, name: str, schema: Any) -> None:
        if "$ref" in schema:
            target = self.function(schema)
            self.lines += [f"def {name}(v):", f"    return {target}(v)"]
            return
        if "not" in schema:
            excluded = self.function(schema["not"])
            rest = self.function({k: v for k, v in schema.items() if k != "not"})
            self.lines += [f"def {name}(v):", f"    return not {excluded}(v) and {rest}(v)"]
            return
        variants = schema.get("oneOf") or schema.get("anyOf")
        if variants:  # an empty list means no variants, as in ``mismatch``
            calls = " or ".join(f"{self.function(variant)}(v)" for variant in variants)
            self.lines += [f"def {name}(v):", f"    return {calls}"]
            return
        body = ["    t = type(v)"]
        if schema.get("type") is not None:
            body += [f"    if {self._type_test('t', schema['type'])}:", "        return False"]
        dict_part: list[str] = []
        required = list(schema.get("required", ()))
        if required:
            missing = " or ".join(f"{field!r} not in v" for field in required)
            dict_part += [f"        if {missing}:", "            return False"]
        for field, declared in (schema.get("properties") or {}).items():
            dict_part.append(f"        x = v.get({field!r}, _ABSENT)")
            test = self._value_test("x", declared)
            dict_part += [f"        if x is not _ABSENT and {test}:", "            return False"]
        if dict_part:
            body += ["    if t is dict:", *dict_part]
        items = schema.get("items")
        if items is not None:
            item_test = self._value_test("x", items)
            body += [
                f"    {'elif' if dict_part else 'if'} t is list:",
                "        for x in v:",
                f"            if {item_test}:",
                "                return False",
            ]
        self.lines += [f"def {name}(v):", *body, "    return True"]
