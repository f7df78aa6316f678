"""Write ``coreclaw_api/_spec_index.py``: the facts the ext layer reads from the spec.

The generated client knows nothing of the spec's ``x-coreclaw-*`` extensions or of which
operations start runs, so regen.sh runs this script next to openapi-python-client. The
transport in ``coreclaw_ext`` uses the table to pick retry and timeout policy per operation,
which is why adding an operation to the spec needs no hand-written path list.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ext_model import load_spec

# The shape checks are written by the compiler the library uses for other schemas, loaded
# from this tree's own file (not an installed copy) and alone: it imports nothing of ours, and
# the coreclaw_ext package it belongs to may be what this regen is about to rewrite.
_COMPILER = Path(__file__).resolve().parent.parent / "coreclaw_ext" / "_shape_compiler.py"
_spec = importlib.util.spec_from_file_location("_shape_compiler", _COMPILER)
assert _spec is not None and _spec.loader is not None
_shape_compiler = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_shape_compiler)
index_source = _shape_compiler.index_source

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
IDEMPOTENT_METHODS = {"GET", "PUT", "DELETE", "HEAD", "OPTIONS"}


def resolve(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        parts = node["$ref"].removeprefix("#/").split("/")
        target: Any = spec
        for part in parts:
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


SHAPE_KEYWORDS = ("type", "properties", "required", "items", "oneOf", "anyOf", "not", "$ref")


def shape(node: Any) -> Any:
    """The part of a schema that constrains JSON types: no descriptions, examples or formats.

    ``$ref`` keeps only the component name; the ext layer resolves it in ``SCHEMAS``.
    """
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key in SHAPE_KEYWORDS:
            if key not in node:
                continue
            value = node[key]
            if key == "$ref":
                out[key] = value.rsplit("/", 1)[-1]
            elif key == "properties":
                out[key] = {name: shape(sub) for name, sub in value.items()}
            elif key in ("oneOf", "anyOf"):
                out[key] = [shape(sub) for sub in value]
            elif key in ("items", "not"):
                out[key] = shape(value)
            else:
                out[key] = value
        return out
    return node


def data_kind(spec: dict[str, Any], op: dict[str, Any]) -> tuple[bool, Any]:
    """Whether the 200 envelope requires ``data``, and the shape ``data`` must have."""
    response = op.get("responses", {}).get("200")
    if response is None:
        return False, None
    response = resolve(spec, response)
    media = response.get("content", {}).get("application/json")
    if media is None:
        return False, None
    schema = resolve(spec, media["schema"])
    if "data" not in schema.get("properties", {}):
        return False, None
    required = "data" in schema.get("required", [])
    return required, shape(schema["properties"]["data"])


def path_regex(path: str) -> str:
    pattern = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path))
    return f"{pattern}$"


def reserved_segments(paths: list[str]) -> dict[str, list[str]]:
    """Per path parameter, the fixed segments other routes have where it stands.

    ``/worker-runs/{runId}`` beside ``/worker-runs/last`` means a run id ``last`` would call
    another operation; the ext layer refuses such ids before sending.
    """
    split = [path.strip("/").split("/") for path in paths]

    def shape(segments: list[str]) -> list[str]:
        return ["{}" if seg.startswith("{") else seg for seg in segments]

    out: dict[str, set[str]] = {}
    for segments in split:
        for i, seg in enumerate(segments):
            if not seg.startswith("{"):
                continue
            name = seg.strip("{}")
            prefix = shape(segments[:i])
            for other in split:
                if len(other) > i and shape(other[:i]) == prefix and not other[i].startswith("{"):
                    out.setdefault(name, set()).add(other[i])
    return {name: sorted(words) for name, words in sorted(out.items())}


def component_shapes(spec: dict[str, Any]) -> dict[str, Any]:
    return {name: shape(node) for name, node in spec["components"]["schemas"].items()}


def build_schemas(schemas: dict[str, Any]) -> str:
    """``_spec_schemas.py``: the component schemas, for explaining a mismatch.

    Apart from the index because a good answer never needs them: the index holds the
    operations' checks already compiled, and a program loads these only to say what is wrong.
    """
    return (
        '"""Component schemas reduced to what constrains JSON types (scripts/spec_index.py).\n\n'
        "Written by scripts/spec_index.py during scripts/regen.sh; do not edit.\n"
        '"""\n\n'
        "from typing import Any\n\n"
        f"SCHEMAS: dict[str, Any] = {schemas!r}\n"
    )


def build(spec: dict[str, Any], schemas: dict[str, Any] | None = None) -> str:
    """``_spec_index.py``; ``schemas`` are ``component_shapes(spec)`` when already made."""
    schemas = component_shapes(spec) if schemas is None else schemas
    rows: list[tuple[int, str]] = []
    shapes: list[tuple[str, Any]] = []
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            op = item.get(method)
            if op is None:
                continue
            upper = method.upper()
            required, kind = data_kind(spec, op)
            creates_run = bool(op.get("x-coreclaw-creates-run", False))
            idempotent = bool(op.get("x-coreclaw-idempotent", upper in IDEMPOTENT_METHODS))
            if creates_run and idempotent:
                sys.exit(
                    f"spec_index: {op['operationId']} is marked both x-coreclaw-creates-run and "
                    "idempotent; a call that starts a run must never be repeated once sent"
                )
            shapes.append((op["operationId"], kind))
            rows.append(
                (
                    path.count("{"),
                    "    OperationInfo(\n"
                    f"        operation_id={op['operationId']!r},\n"
                    f"        method={upper!r},\n"
                    f"        path={path!r},\n"
                    f"        path_regex={path_regex(path)!r},\n"
                    f"        idempotent={idempotent!r},\n"
                    f"        creates_run={creates_run!r},\n"
                    f"        sync_wait={bool(op.get('x-coreclaw-sync-wait', False))!r},\n"
                    f"        data_required={required!r},\n"
                    f"        data_shape={kind!r},\n"
                    "    ),\n",
                )
            )
    # Literal paths first, so ``/worker-runs/last`` would win over ``/worker-runs/{runId}``.
    rows.sort(key=lambda row: row[0])
    codes = spec["info"].get("x-coreclaw-error-codes", [])
    # Written as sorted tuples: a frozenset's repr follows the hash seed and would vary by run.
    reserved = "".join(
        f"    {name!r}: frozenset({tuple(words)!r}),\n"
        for name, words in reserved_segments(list(spec["paths"])).items()
    )
    code_lines = "".join(
        f"    {c['code']}: ({c['key']!r}, {c['message']!r}, {c['http_status']!r}),\n" for c in codes
    )
    return (
        '"""Operation and application-code tables taken from spec/openapi.yaml.\n\n'
        "Written by scripts/spec_index.py during scripts/regen.sh; do not edit.\n"
        '"""\n\n'
        "import re\n"
        "from operator import itemgetter\n"
        "from typing import TYPE_CHECKING, Any, NamedTuple\n\n"
        f"API_VERSION = {spec['info']['version']!r}\n\n"
        "if TYPE_CHECKING:\n\n"
        "    class _OperationFields(NamedTuple):\n"
        + "".join(f"        {name}: {kind}\n" for name, kind in OPERATION_FIELDS)
        + "\nelse:  # typing.NamedTuple and collections.namedtuple would compile code at import\n"
        + _runtime_fields()
        + "class OperationInfo(_OperationFields):\n"
        '    """What the ext layer needs to know about one operation."""\n\n'
        "    __slots__ = ()\n\n"
        "    @property\n"
        "    def path_pattern(self) -> re.Pattern[str]:\n"
        '        """The path template as a pattern matching the end of a path; compiled on first\n'
        '        use (39 patterns cost ~5 ms of every start), then from the re module cache."""\n'
        "        return re.compile(self.path_regex)\n\n\n"
        "OPERATIONS: tuple[OperationInfo, ...] = (\n" + "".join(row for _, row in rows) + ")\n\n"
        "# Per path parameter, values that would turn the path into another operation's.\n"
        "RESERVED_SEGMENTS: dict[str, frozenset[str]] = {\n" + reserved + "}\n\n"
        "# code -> (key, documented message, documented HTTP status or None)\n"
        "ERROR_CODES: dict[int, tuple[str, str, int | None]] = {\n" + code_lines + "}\n\n"
        "# Per operation, a yes/no check of its answer's data against its shape, written\n"
        "# by coreclaw_ext/_shape_compiler.py (a first call then compiles none).\n"
        + index_source(schemas, shapes)
    )


OPERATION_FIELDS = (
    ("operation_id", "str"),
    ("method", "str"),
    ("path", "str"),
    ("path_regex", "str"),
    ("idempotent", "bool"),
    ("creates_run", "bool"),
    ("sync_wait", "bool"),
    ("data_required", "bool"),
    ("data_shape", "Any"),
)


def _runtime_fields() -> str:
    """The run-time base of ``OperationInfo``: the named tuple, written out."""
    names = [name for name, _ in OPERATION_FIELDS]
    args = ", ".join(names)
    lines = [
        "    class _OperationFields(tuple):",
        "        __slots__ = ()",
        f"        _fields = {tuple(names)!r}",
        "        __match_args__ = _fields",
        "",
        f"        def __new__(cls, {args}):",
        f"            return tuple.__new__(cls, ({args}))",
        "",
        "        def __repr__(self):",
        '            inner = ", ".join(f"{k}={v!r}" for k, v in zip(self._fields, self))',
        '            return f"{type(self).__name__}({inner})"',
        "",
        "        def __getnewargs__(self):",
        "            return tuple(self)",
        "",
        "        def _asdict(self):",
        "            return dict(zip(self._fields, self))",
        "",
        "        def _replace(self, **changes):",
        "            return type(self)(**{**self._asdict(), **changes})",
        "",
        *(f"        {name} = property(itemgetter({i}))" for i, name in enumerate(names)),
    ]
    return "\n".join(lines) + "\n\n\n"


def main() -> None:
    spec_path, out_path = Path(sys.argv[1]), Path(sys.argv[2])
    spec = load_spec(spec_path)
    schemas = component_shapes(spec)
    out_path.write_text(build(spec, schemas), encoding="utf-8")
    out_path.with_name("_spec_schemas.py").write_text(build_schemas(schemas), encoding="utf-8")


if __name__ == "__main__":
    main()
