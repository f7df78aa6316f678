"""Digest an OpenAPI file into its checkable facts, and hold our spec to such a digest.

The official upstream file may not ship with the project, but the facts our spec owes it
(methods, paths, parameters, security, request fields, response codes, the application
error-code table) may: ``write`` keeps them, without any prose, in spec/upstream-digest.json,
and ``check`` compares spec/openapi.yaml with that. Descriptions, examples and ``x-`` keys
never reach a digest (the error-code table's codes and keys are the one exception), so our
spec is free to add them. ``check`` exits 0 on a match, 1 on differences, 2 when an input is
unreadable.

``differences()`` gives the same comparison as structured records (scripts/spec_diff.py
reports them), and ``response_fields()`` the typed response fields that a digest of the
untyped upstream file leaves out (scripts/api_compat.py compares two versions of our spec).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIGEST = ROOT / "spec" / "upstream-digest.json"
DEFAULT_SPEC = ROOT / "spec" / "openapi.yaml"
FORMAT = 1
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
# What a client or a validator acts on. Everything else in a schema is left to our own words.
FACT_KEYS = ("type", "format", "minimum", "maximum", "enum", "default")
# Where a spec may list its application error codes, in the order they are read. A code is
# kept with its key (an identifier); the message is prose and stays out of the digest.
ERROR_CODE_LISTS = (
    ("x-error-codes",),
    ("info", "x-error-codes"),
    ("info", "x-coreclaw-error-codes"),
)
DESCRIPTION_TABLE = "info.description table"
# Code 0 is success, not an entry of the error table (some specs list it, others do not).
SUCCESS_CODE = "0"


class SpecError(ValueError):
    """The input parses but is not an OpenAPI document (or digest) this tool can read."""


# libyaml's parser when PyYAML has it (ten times faster on our spec), the same rules either way.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):  # type: ignore[misc]
    """SafeLoader without the timestamp rule, so a date-like default stays the string JSON has."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in rules if tag != "tag:yaml.org,2002:timestamp"]
    for first, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# A wrong shape becomes a SpecError (exit 2), not a traceback from deep in the digest.
def _dict(node: Any, where: str) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise SpecError(f"{where}: expected a mapping, got {type(node).__name__}")
    return node


def _list(node: Any, where: str) -> list[Any]:
    if not isinstance(node, list):
        raise SpecError(f"{where}: expected a list, got {type(node).__name__}")
    return node


def load_document(path: Path) -> tuple[dict[str, Any], bytes]:
    """The parsed mapping and the exact bytes it came from (the digest hashes those)."""
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    # YAML would read JSON too, but json's error messages point at JSON mistakes plainly.
    doc = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_Loader)
    return _dict(doc, str(path)), raw


def require_openapi(doc: dict[str, Any], where: str) -> dict[str, Any]:
    """``doc`` itself when it is an OpenAPI 3 document with paths, else a SpecError."""
    version = doc.get("openapi")
    if not isinstance(version, str) or not version.startswith("3."):
        raise SpecError(f"{where}: not an OpenAPI 3 document (openapi: {version!r})")
    _dict(doc.get("paths"), f"{where}: paths")
    return doc


def _resolve(spec: dict[str, Any], node: Any, where: str) -> dict[str, Any]:
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or not ref.startswith("#/") or ref in seen:
            raise SpecError(f"{where}: cannot resolve $ref {ref!r}")
        seen.add(ref)
        target: Any = spec
        for token in ref[2:].split("/"):
            key = token.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or key not in target:
                raise SpecError(f"{where}: dangling $ref {ref}")
            target = target[key]
        # OpenAPI 3.1 allows keywords beside $ref; they narrow the target, so they win.
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        node = {**target, **siblings} if isinstance(target, dict) else target
    return _dict(node, where)


def _facts(spec: dict[str, Any], schema: Any, where: str, nested: bool = True) -> dict[str, Any]:
    if isinstance(schema, bool):  # JSON Schema's true/false schemas state no facts
        return {}
    node = _resolve(spec, schema, where)
    out = {key: node[key] for key in FACT_KEYS if key in node}
    if isinstance(out.get("type"), list):
        # ["array", "null"] and ["null", "array"] are one type; the order is noise.
        out["type"] = sorted(out["type"], key=str)
    # One level of items catches a wrong element type without following recursive schemas.
    if nested and "items" in node:
        items = _facts(spec, node["items"], f"{where}.items", nested=False)
        if items:
            out["items"] = items
    return out


def _parameters(
    spec: dict[str, Any], path_item: dict[str, Any], op: dict[str, Any], where: str
) -> list[dict[str, Any]]:
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    # Path-level parameters apply to each operation unless the operation redefines them.
    raws = [*_list(path_item.get("parameters", []), where), *_list(op.get("parameters", []), where)]
    for raw in raws:
        param = _resolve(spec, raw, f"{where} parameter")
        name, place = param.get("name"), param.get("in")
        if not isinstance(name, str) or not isinstance(place, str):
            raise SpecError(f"{where}: parameter without name or in")
        entry: dict[str, Any] = {"name": name, "in": place, "required": bool(param.get("required"))}
        if "schema" in param:
            entry.update(_facts(spec, param["schema"], f"{where} parameter {name}"))
        merged[(place, name)] = entry
    return [merged[key] for key in sorted(merged)]


def _security(requirements: Any, where: str) -> list[str]:
    names = set()
    for requirement in _list(requirements, f"{where} security"):
        # Schemes in one requirement are presented together; {} lets anonymous callers in.
        names.add("+".join(sorted(_dict(requirement, f"{where} security"))) or "anonymous")
    return sorted(names)


def _request_body(spec: dict[str, Any], op: dict[str, Any], where: str) -> dict[str, Any] | None:
    if "requestBody" not in op:
        return None
    body = _resolve(spec, op["requestBody"], f"{where} requestBody")
    content = _dict(body.get("content", {}), f"{where} requestBody")
    # The client sends JSON; another media type only counts when JSON is not offered.
    media = content.get("application/json") or next(iter(content.values()), None) or {}
    schema = _resolve(spec, _dict(media, where).get("schema", {}), f"{where} body schema")
    fields = _dict(schema.get("properties", {}), f"{where} body properties")
    extra = schema.get("additionalProperties")
    return {
        "required": bool(body.get("required", False)),
        "fields": {name: _facts(spec, sub, f"{where} body {name}") for name, sub in fields.items()},
        "required_fields": sorted(_list(schema.get("required", []), f"{where} body required")),
        # A schema for extra properties still admits them: only `false` closes the object.
        "additional_properties": None if extra is None else extra is not False,
    }


_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")


def _description_table(text: str) -> dict[str, str] | None:
    """The first Markdown table with a Code and a Key column, as {code: key}."""
    header: list[str] | None = None
    table: dict[str, str] = {}
    for line in [*text.splitlines(), ""]:
        row = _TABLE_ROW.match(line)
        cells = [c.strip().strip("`") for c in row.group(1).split("|")] if row else None
        if header is None:
            lowered = [c.lower() for c in cells or []]
            if "code" in lowered and "key" in lowered:
                header = lowered
            continue
        if cells is None:
            break  # the table ended
        if all(set(c) <= set("-: ") for c in cells):
            continue  # the |---|---| rule
        if len(cells) != len(header):
            raise SpecError(f"{DESCRIPTION_TABLE}: row {line.strip()!r} has the wrong width")
        entry = dict(zip(header, cells, strict=True))
        if not entry["code"].lstrip("-").isdigit() or not entry["key"]:
            raise SpecError(f"{DESCRIPTION_TABLE}: row {line.strip()!r} has no code or key")
        table[str(int(entry["code"]))] = entry["key"]
    return table if header is not None else None


def error_code_tables(spec: dict[str, Any]) -> dict[str, dict[str, str]]:
    """Each error-code table the spec has, by where it is (``x-error-codes``, ...), as
    {code: key}; code 0 (success) is left out."""
    tables: dict[str, dict[str, str]] = {}
    for where in ERROR_CODE_LISTS:
        node: Any = spec
        for step in where:
            node = node.get(step) if isinstance(node, dict) else None
        if node is None:
            continue
        label = ".".join(where)
        table: dict[str, str] = {}
        for raw_entry in _list(node, label):
            entry = _dict(raw_entry, label)
            code, key = entry.get("code"), entry.get("key")
            if isinstance(code, bool) or not isinstance(code, int) or not isinstance(key, str):
                raise SpecError(f"{label}: entry without an integer code and a string key")
            table[str(code)] = key
        tables[label] = table
    info = spec.get("info")
    description = info.get("description") if isinstance(info, dict) else None
    if isinstance(description, str):
        from_text = _description_table(description)
        if from_text is not None:
            tables[DESCRIPTION_TABLE] = from_text
    for table in tables.values():
        table.pop(SUCCESS_CODE, None)
    return tables


def error_codes(spec: dict[str, Any]) -> dict[str, str] | None:
    """The union of the spec's error-code tables as {code: key}, or None when it has none.
    Where two tables give one code different keys, the first table read wins (see
    ``error_code_notes`` for such disagreements)."""
    tables = error_code_tables(spec)
    if not tables:
        return None
    merged: dict[str, str] = {}
    for table in tables.values():
        for code, key in table.items():
            merged.setdefault(code, key)
    return {code: merged[code] for code in sorted(merged, key=int)}


def error_code_notes(spec: dict[str, Any]) -> list[str]:
    """Where a spec's own error-code tables disagree with each other (not drift: both
    versions are kept in the union, but the maintainer should know)."""
    tables = error_code_tables(spec)
    notes = []
    names = list(tables)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            a, b = tables[first], tables[second]
            for code in sorted(a.keys() | b.keys(), key=int):
                if code not in b:
                    notes.append(f"error code {code} {a[code]} is in {first} but not in {second}")
                elif code not in a:
                    notes.append(f"error code {code} {b[code]} is in {second} but not in {first}")
                elif a[code] != b[code]:
                    notes.append(
                        f"error code {code} is {a[code]} in {first}, {b[code]} in {second}"
                    )
    return notes


def operations(spec: dict[str, Any]) -> dict[str, tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """{operationId: (method, path, path item, operation)} in document order."""
    found: dict[str, tuple[str, str, dict[str, Any], dict[str, Any]]] = {}
    for path, raw_item in _dict(spec.get("paths", {}), "paths").items():
        path_item = _dict(raw_item, path)
        for method in HTTP_METHODS:
            if method not in path_item:
                continue
            op = _dict(path_item[method], f"{method} {path}")
            op_id = op.get("operationId") or f"{method.upper()} {path}"
            if op_id in found:
                raise SpecError(f"{method} {path}: duplicate operationId {op_id}")
            found[op_id] = (method, path, path_item, op)
    return found


# Deep enough for envelope -> data -> list -> row -> field; recursive schemas stop there.
MAX_FIELD_DEPTH = 6


def _walk_fields(
    spec: dict[str, Any],
    schema: Any,
    prefix: str,
    required: bool,
    out: dict[str, dict[str, Any]],
    *,
    depth: int,
    where: str,
    record: bool = True,
) -> None:
    if isinstance(schema, bool) or depth > MAX_FIELD_DEPTH:
        return
    node = _resolve(spec, schema, where)
    if prefix and record:
        facts = _facts(spec, node, where, nested=False)
        facts.pop("default", None)
        entry = out.setdefault(prefix, {"required": required, **facts})
        entry["required"] = entry["required"] and required
    # The parts of a composition describe this same field: they add properties, not a level.
    for part in _list(node.get("allOf", []), f"{where} allOf"):
        _walk_fields(spec, part, prefix, required, out, depth=depth + 1, where=where, record=False)
    # A field of one alternative is not promised by the other: none of them is required.
    for keyword in ("oneOf", "anyOf"):
        for part in _list(node.get(keyword, []), f"{where} {keyword}"):
            _walk_fields(spec, part, prefix, False, out, depth=depth + 1, where=where, record=False)
    needed = set(_list(node.get("required", []), f"{where} required"))
    for name, sub in _dict(node.get("properties", {}), f"{where} properties").items():
        path = f"{prefix}.{name}" if prefix else name
        _walk_fields(
            spec, sub, path, required and name in needed, out, depth=depth + 1, where=where
        )
    if "items" in node:
        _walk_fields(
            spec, node["items"], f"{prefix}[]", required, out, depth=depth + 1, where=where
        )


def response_fields(spec: dict[str, Any], op: dict[str, Any], where: str) -> dict[str, Any]:
    """{status code: {field path: facts}} of an operation's JSON answers, fields flattened
    (``data.list[].slug``); ``required`` is true only when every level on the way is."""
    answers: dict[str, Any] = {}
    for code, raw in _dict(op.get("responses", {}), where).items():
        response = _resolve(spec, raw, f"{where} response {code}")
        content = _dict(response.get("content", {}), f"{where} response {code}")
        media = content.get("application/json") or next(iter(content.values()), None) or {}
        fields: dict[str, dict[str, Any]] = {}
        schema = _dict(media, where).get("schema")
        if schema is not None:
            _walk_fields(spec, schema, "", True, fields, depth=0, where=f"{where} response {code}")
        answers[str(code)] = {name: fields[name] for name in sorted(fields)}
    return answers


def digest(spec: dict[str, Any], source: bytes | None = None) -> dict[str, Any]:
    """The facts of every operation; ``source`` is the bytes ``spec`` was read from."""
    if source is None:
        source = json.dumps(spec, sort_keys=True).encode()
    default_security = spec.get("security", [])
    facts: dict[str, Any] = {}
    for op_id, (method, path, path_item, op) in operations(spec).items():
        facts[op_id] = {
            "method": method,
            "path": path,
            "security": _security(op.get("security", default_security), op_id),
            "parameters": _parameters(spec, path_item, op, op_id),
            "request_body": _request_body(spec, op, op_id),
            "responses": sorted(str(code) for code in _dict(op.get("responses", {}), op_id)),
        }
    result: dict[str, Any] = {
        "format": FORMAT,
        "source_sha256": hashlib.sha256(source).hexdigest(),
        "operation_count": len(facts),
        "operations": facts,
    }
    # Only a spec that has an error-code table gets the key (format 1 digests may lack it).
    codes = error_codes(spec)
    if codes is not None:
        result["error_codes"] = codes
    return result


def render(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, sort_keys=True) + "\n"


def load_digest(path: Path) -> dict[str, Any]:
    doc, _ = load_document(path)
    if doc.get("format") != FORMAT or not isinstance(doc.get("operations"), dict):
        raise SpecError(f"{path}: not a format-{FORMAT} spec digest")
    return doc


class _Absent:
    def __repr__(self) -> str:
        return "absent"


ABSENT: Any = _Absent()


def _show(value: Any) -> str:
    return "absent" if value is ABSENT else json.dumps(value, sort_keys=True)


@dataclass(frozen=True)
class Difference:
    """One fact where ``ours`` differs from ``upstream``; ``line`` is how ``check`` prints it
    (and the key spec/upstream-deviations.yaml uses).

    ``change`` is "missing" (upstream has it, ours does not), "extra" (only ours has it) or
    "differs" (both have it; ``fact`` names what differs). ``operation`` is the operationId,
    or None for the error-code table."""

    operation: str | None
    subject: str
    change: str
    line: str
    fact: str | None = None
    upstream: Any = field(default=ABSENT, compare=False)
    ours: Any = field(default=ABSENT, compare=False)

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "operation": self.operation,
            "subject": self.subject,
            "change": self.change,
            "fact": self.fact,
            "line": self.line,
        }
        for name in ("upstream", "ours"):
            value = getattr(self, name)
            if value is not ABSENT:
                out[name] = value
        return out


def _prefix(op: str | None) -> str:
    return "" if op is None else f"{op}: "


def _compare_facts(
    op: str | None, subject: str, label: str, want: dict[str, Any], got: dict[str, Any]
) -> list[Difference]:
    lines = []
    for key in sorted((want.keys() | got.keys()) - {"name", "in"}):
        up, ours = want.get(key, ABSENT), got.get(key, ABSENT)
        # Compared as JSON text: Python's == would take true for 1 and 0 for false.
        if _show(up) == _show(ours):
            continue
        line = f"{_prefix(op)}{label}{key} differs: upstream {_show(up)}, ours {_show(ours)}"
        lines.append(Difference(op, subject, "differs", line, key, up, ours))
    return lines


def _compare_named(
    op: str | None, label: str, want: dict[Any, Any], got: dict[Any, Any]
) -> list[Difference]:
    lines = []
    for key in sorted(want.keys() | got.keys()):
        name = " ".join(key) if isinstance(key, tuple) else key
        subject = f"{label} {name}"
        if key not in got:
            line = f"{_prefix(op)}{subject}: missing"
            lines.append(Difference(op, subject, "missing", line, None, want[key]))
        elif key not in want:
            line = f"{_prefix(op)}{subject}: extra"
            lines.append(Difference(op, subject, "extra", line, None, ours=got[key]))
        else:
            lines.extend(_compare_facts(op, subject, f"{subject}: ", want[key], got[key]))
    return lines


def _compare_body(
    op: str, want: dict[str, Any] | None, got: dict[str, Any] | None
) -> list[Difference]:
    if want is None or got is None:
        if want is got:
            return []
        change = "missing" if got is None else "extra"
        line = f"{op}: request body: {change}"
        up, ours = (ABSENT, got) if want is None else (want, ABSENT)
        return [Difference(op, "request body", change, line, None, up, ours)]
    flags = ("required", "required_fields", "additional_properties")
    lines = _compare_facts(
        op, "request body", "request body ", {k: want[k] for k in flags}, {k: got[k] for k in flags}
    )
    return lines + _compare_named(op, "body field", want["fields"], got["fields"])


def _head(op: dict[str, Any]) -> dict[str, Any]:
    # Security alternatives are tried in any order, so only the set of schemes counts.
    return {"method": op["method"], "path": op["path"], "security": sorted(set(op["security"]))}


def _by_key(params: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["in"], p["name"]): p for p in params}


def _compare_parameters(
    op_id: str, want: dict[tuple[str, str], Any], got: dict[tuple[str, str], Any]
) -> list[Difference]:
    """Parameters by (in, name); one that only moved (same name, one place on each side) is
    reported as its ``in`` changing, then compared as one parameter."""
    lines = []
    gone = [key for key in want if key not in got]
    new = [key for key in got if key not in want]
    for old_key in gone:
        name = old_key[1]
        same_name = [key for key in new if key[1] == name]
        if len(same_name) != 1 or sum(key[1] == name for key in gone) != 1:
            continue
        new_key = same_name[0]
        subject = f"parameter {name}"
        line = f'{op_id}: {subject}: in differs: upstream "{old_key[0]}", ours "{new_key[0]}"'
        lines.append(Difference(op_id, subject, "differs", line, "in", old_key[0], new_key[0]))
        lines += _compare_facts(op_id, subject, f"{subject}: ", want[old_key], got[new_key])
        want = {k: v for k, v in want.items() if k != old_key}
        got = {k: v for k, v in got.items() if k != new_key}
    return lines + _compare_named(op_id, "parameter", want, got)


def _compare_operation(op_id: str, want: dict[str, Any], got: dict[str, Any]) -> list[Difference]:
    head_w, head_g = _head(want), _head(got)
    lines = [
        d
        for key in ("method", "path", "security")
        for d in _compare_facts(op_id, key, "", {key: head_w[key]}, {key: head_g[key]})
    ]
    lines += _compare_parameters(op_id, _by_key(want["parameters"]), _by_key(got["parameters"]))
    lines += _compare_body(op_id, want["request_body"], got["request_body"])
    codes: list[dict[str, Any]] = [{code: {} for code in op["responses"]} for op in (want, got)]
    return lines + _compare_named(op_id, "response", *codes)


def _renames(want: dict[str, Any], got: dict[str, Any]) -> dict[str, str]:
    """{upstream operationId: ours} for operations that only changed their operationId: the
    same method and path, and neither id on the other side."""
    gone = {(want[i]["method"], want[i]["path"]): i for i in sorted(want.keys() - got.keys())}
    new = {(got[i]["method"], got[i]["path"]): i for i in sorted(got.keys() - want.keys())}
    return {gone[key]: new[key] for key in sorted(gone.keys() & new.keys())}


def differences(expected: dict[str, Any], actual: dict[str, Any]) -> list[Difference]:
    """Every difference of ``actual`` (our spec's digest) from ``expected`` (upstream's),
    grouped by operation, then the error-code table's."""
    want, got = expected["operations"], actual["operations"]
    renamed = _renames(want, got)
    ours_of = {**{op_id: op_id for op_id in want}, **renamed}
    paired = set(renamed.values())
    lines: list[Difference] = []
    for op_id in sorted(want.keys() | got.keys()):
        if op_id in paired:
            continue  # reported under the upstream id it was renamed from
        mine = ours_of.get(op_id, op_id)
        if op_id in renamed:
            line = f'{mine}: operationId differs: upstream "{op_id}", ours "{mine}"'
            lines.append(
                Difference(mine, "operationId", "differs", line, "operationId", op_id, mine)
            )
        if mine not in got or op_id not in want:
            op = want.get(op_id) or got[op_id]
            kind = "missing" if mine not in got else "extra"
            line = f"{op_id}: {kind} operation ({op['method'].upper()} {op['path']})"
            up, ours = (op, ABSENT) if kind == "missing" else (ABSENT, op)
            lines.append(Difference(op_id, "operation", kind, line, None, up, ours))
            continue
        lines += _compare_operation(mine, want[op_id], got[mine])
    # Without an upstream table (a spec without one, a digest from before tables were kept)
    # there is nothing to hold ours to.
    if "error_codes" in expected:
        tables = [
            {code: {"key": key} for code, key in doc.get("error_codes", {}).items()}
            for doc in (expected, actual)
        ]
        by_number = [{int(code): v for code, v in table.items()} for table in tables]
        lines += _compare_named(None, "error code", *by_number)
    return lines


def compare(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Every difference of ``actual`` (our spec's digest) from ``expected`` (upstream's),
    one line each, prefixed with the operationId and grouped by operation."""
    return [d.line for d in differences(expected, actual)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Digest OpenAPI facts; check our spec.")
    commands = parser.add_subparsers(dest="command", required=True)
    write = commands.add_parser("write", help="digest an OpenAPI file (the official one)")
    write.add_argument("source", type=Path)
    write.add_argument("-o", "--output", type=Path, default=DEFAULT_DIGEST)
    check = commands.add_parser("check", help="compare our spec with a digest")
    check.add_argument("--digest", type=Path, default=DEFAULT_DIGEST)
    check.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    args = parser.parse_args(argv)
    try:
        if args.command == "write":
            doc, raw = load_document(args.source)
            result = digest(require_openapi(doc, str(args.source)), raw)
            args.output.write_text(render(result), encoding="utf-8")
            print(f"wrote {args.output}: {result['operation_count']} operations")
            return 0
        reference = load_digest(args.digest)
        doc, raw = load_document(args.spec)
        ours = digest(require_openapi(doc, str(args.spec)), raw)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"spec_digest: {exc}", file=sys.stderr)
        return 2
    found = compare(reference, ours)
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} difference(s) between {args.spec} and {args.digest}")
        return 1
    print(f"{args.spec} matches {args.digest} ({ours['operation_count']} operations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
