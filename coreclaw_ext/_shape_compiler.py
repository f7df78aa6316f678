"""Writing the yes/no shape checks as Python source, for regen and for ad-hoc schemas.

``scripts/spec_index.py`` writes the checks of every operation's ``data`` into
``coreclaw_api/_spec_index.py`` with this compiler, so a first call runs a check that was
compiled with the rest of the index instead of compiling one (about 0.9 ms of every start).
``_shape.conforms`` compiles here only the schemas the index does not hold (callbacks, tests).

The source is self-contained: type tests name builtin types, property names reach it only
through ``repr``, and everything else in it is made here, so it is as trusted as this module.
It takes the component schemas as an argument and imports nothing of ours: at regen time the
index it resolves against is the one being written, not the one installed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

Check = Callable[[Any], bool]

# Exact Python types per JSON type, by name: json.loads makes no subclasses, and bool must
# not pass for integer. (``_shape._PY_TYPES`` holds the same table as type objects.)
PY_TYPE_NAMES: dict[str, tuple[str, ...]] = {
    "object": ("dict",),
    "array": ("list",),
    "string": ("str",),
    "integer": ("int",),
    "number": ("float", "int"),
    "boolean": ("bool",),
    "null": ("_NoneType",),
}
# The first lines of every compiled source: the names its type tests and lookups use.
PRELUDE = ("_ABSENT = object()", "_NoneType = type(None)")


def _allowed_names(kind: Any) -> tuple[str, ...]:
    kinds = kind if isinstance(kind, list) else (kind,)
    return tuple(sorted({name for k in kinds for name in PY_TYPE_NAMES[k]}))


def _is_leaf(schema: Any) -> bool:
    """A schema that is only a JSON type, checked inline rather than by a call."""
    return schema.get("type") is not None and not (
        {"$ref", "oneOf", "anyOf", "properties", "items", "required", "not"} & schema.keys()
    )


class ShapeCompiler:
    """Writes one Python function per (sub)schema; functions of a ``$ref`` are shared."""

    def __init__(self, schemas: Mapping[str, Any], prefix: str = "_") -> None:
        self.schemas = schemas
        self.prefix = prefix
        self.lines: list[str] = []
        self.refs: dict[str, str] = {}
        self.consts: dict[tuple[str, ...], str] = {}
        self.count = 0

    def source(self) -> str:
        """Everything written so far, with the constants its type tests use."""
        consts = [
            f"{name} = frozenset(({', '.join(types)}))" for types, name in self.consts.items()
        ]
        return "\n".join([*PRELUDE, *consts, *self.lines]) + "\n"

    def build(self, schema: Any) -> Check:
        """A check of ``schema``, compiled now (schemas the index does not hold)."""
        entry = self.function(schema)
        names: dict[str, Any] = {"Any": Any}
        exec(self.source(), names)  # noqa: S102 - source written here, from the spec
        check: Check = names[entry]
        return check

    def _new(self, kind: str) -> str:
        self.count += 1
        return f"{self.prefix}{kind}{self.count}"

    def _resolve(self, schema: Any) -> Any:
        while "$ref" in schema and len(schema) == 1:
            schema = self.schemas[schema["$ref"]]
        return schema

    def _type_test(self, type_expr: str, kinds: Any) -> str:
        """An expression, true when the Python type ``type_expr`` is none of JSON's ``kinds``."""
        allowed = _allowed_names(kinds)
        if len(allowed) == 1:
            return f"{type_expr} is not {allowed[0]}"
        name = self.consts.get(allowed)
        if name is None:
            name = self.consts[allowed] = self._new("k")
        return f"{type_expr} not in {name}"

    def _value_test(self, subject: str, schema: Any) -> str:
        """An expression, true when ``subject`` does not match ``schema``."""
        target = self._resolve(schema)
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
                self._write(name, self.schemas[ref])
            return name
        name = self._new("c")
        self._write(name, schema)
        return name

    def _write(self, name: str, schema: Any) -> None:
        if "$ref" in schema:
            target = self.function(schema)
            self.lines += [f"def {name}(v: Any) -> bool:", f"    return {target}(v)"]
            return
        if "not" in schema:
            excluded = self.function(schema["not"])
            rest = self.function({k: v for k, v in schema.items() if k != "not"})
            test = f"    return not {excluded}(v) and {rest}(v)"
            self.lines += [f"def {name}(v: Any) -> bool:", test]
            return
        variants = schema.get("oneOf") or schema.get("anyOf")
        if variants:  # an empty list means no variants, as in ``mismatch``
            calls = " or ".join(f"{self.function(variant)}(v)" for variant in variants)
            self.lines += [f"def {name}(v: Any) -> bool:", f"    return {calls}"]
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
        self.lines += [f"def {name}(v: Any) -> bool:", *body, "    return True"]


def index_source(schemas: Mapping[str, Any], shapes: Iterable[tuple[str, Any]]) -> str:
    """Module source defining ``DATA_CHECKS``: operation id -> check of its ``data`` shape.

    Operations whose ``data`` is not checked (no shape) are left out. Checks of the same
    component are one function, shared by every operation that returns it.
    """
    compiler = ShapeCompiler(schemas, prefix="_check_")
    by_shape: dict[str, str] = {}  # inline shapes (a oneOf of two components) written once
    table = ""
    for op_id, shape in shapes:
        if shape is not None:
            key = repr(shape)
            name = by_shape.get(key) or by_shape.setdefault(key, compiler.function(shape))
            table += f"    {op_id!r}: {name},\n"
    return compiler.source() + "\n\nDATA_CHECKS: dict[str, Any] = {\n" + table + "}\n"
