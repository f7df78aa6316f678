"""Digest an OpenAPI file into its checkable facts, and hold our spec to such a digest.

The official upstream file may not ship with the project, but the facts our spec owes it
(methods, paths, parameters, security, request fields, response codes) may: ``write`` keeps
them, without any prose, in spec/upstream-digest.json, and ``check`` compares
spec/openapi.yaml with that. Descriptions, examples and ``x-`` keys never reach a digest, so
our spec is free to add them. ``check`` exits 0 on a match, 1 on differences, 2 when an input
is unreadable.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
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


class SpecError(ValueError):
    """The input parses but is not an OpenAPI document (or digest) this tool can read."""


class _Loader(yaml.SafeLoader):
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


def digest(spec: dict[str, Any], source: bytes | None = None) -> dict[str, Any]:
    """The facts of every operation; ``source`` is the bytes ``spec`` was read from."""
    if source is None:
        source = json.dumps(spec, sort_keys=True).encode()
    default_security = spec.get("security", [])
    operations: dict[str, Any] = {}
    for path, raw_item in _dict(spec.get("paths", {}), "paths").items():
        path_item = _dict(raw_item, path)
        for method in HTTP_METHODS:
            if method not in path_item:
                continue
            op = _dict(path_item[method], f"{method} {path}")
            op_id = op.get("operationId") or f"{method.upper()} {path}"
            if op_id in operations:
                raise SpecError(f"{method} {path}: duplicate operationId {op_id}")
            operations[op_id] = {
                "method": method,
                "path": path,
                "security": _security(op.get("security", default_security), op_id),
                "parameters": _parameters(spec, path_item, op, op_id),
                "request_body": _request_body(spec, op, op_id),
                "responses": sorted(str(code) for code in _dict(op.get("responses", {}), op_id)),
            }
    return {
        "format": FORMAT,
        "source_sha256": hashlib.sha256(source).hexdigest(),
        "operation_count": len(operations),
        "operations": operations,
    }


def render(doc: dict[str, Any]) -> str:
    return json.dumps(doc, indent=2, sort_keys=True) + "\n"


def load_digest(path: Path) -> dict[str, Any]:
    doc, _ = load_document(path)
    if doc.get("format") != FORMAT or not isinstance(doc.get("operations"), dict):
        raise SpecError(f"{path}: not a format-{FORMAT} spec digest")
    return doc


def _show(facts: dict[str, Any], key: str) -> str:
    return json.dumps(facts[key], sort_keys=True) if key in facts else "absent"


def _compare_facts(label: str, want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    return [
        f"{label}{key} differs: upstream {_show(want, key)}, ours {_show(got, key)}"
        for key in sorted((want.keys() | got.keys()) - {"name", "in"})
        # Compared as JSON text: Python's == would take true for 1 and 0 for false.
        if _show(want, key) != _show(got, key)
    ]


def _compare_named(label: str, want: dict[Any, Any], got: dict[Any, Any]) -> list[str]:
    lines = []
    for key in sorted(want.keys() | got.keys()):
        name = " ".join(key) if isinstance(key, tuple) else key
        if key not in got:
            lines.append(f"{label} {name}: missing")
        elif key not in want:
            lines.append(f"{label} {name}: extra")
        else:
            lines.extend(_compare_facts(f"{label} {name}: ", want[key], got[key]))
    return lines


def _compare_body(want: dict[str, Any] | None, got: dict[str, Any] | None) -> list[str]:
    if want is None or got is None:
        return [] if want is got else [f"request body: {'missing' if got is None else 'extra'}"]
    flags = ("required", "required_fields", "additional_properties")
    lines = _compare_facts("request body ", {k: want[k] for k in flags}, {k: got[k] for k in flags})
    return lines + _compare_named("body field", want["fields"], got["fields"])


def _head(op: dict[str, Any]) -> dict[str, Any]:
    # Security alternatives are tried in any order, so only the set of schemes counts.
    return {"method": op["method"], "path": op["path"], "security": sorted(set(op["security"]))}


def _by_key(params: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["in"], p["name"]): p for p in params}


def _compare_operation(want: dict[str, Any], got: dict[str, Any]) -> list[str]:
    lines = _compare_facts("", _head(want), _head(got))
    lines += _compare_named("parameter", _by_key(want["parameters"]), _by_key(got["parameters"]))
    lines += _compare_body(want["request_body"], got["request_body"])
    codes: list[dict[str, Any]] = [{code: {} for code in op["responses"]} for op in (want, got)]
    return lines + _compare_named("response", *codes)


def compare(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Every difference of ``actual`` (our spec's digest) from ``expected`` (upstream's),
    one line each, prefixed with the operationId and grouped by operation."""
    want, got = expected["operations"], actual["operations"]
    lines = []
    for op_id in sorted(want.keys() | got.keys()):
        if op_id not in got or op_id not in want:
            op = want.get(op_id) or got[op_id]
            kind = "missing" if op_id not in got else "extra"
            lines.append(f"{op_id}: {kind} operation ({op['method'].upper()} {op['path']})")
            continue
        lines += [f"{op_id}: {line}" for line in _compare_operation(want[op_id], got[op_id])]
    return lines


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
            result = digest(doc, raw)
            args.output.write_text(render(result), encoding="utf-8")
            print(f"wrote {args.output}: {result['operation_count']} operations")
            return 0
        reference = load_digest(args.digest)
        doc, raw = load_document(args.spec)
        ours = digest(doc, raw)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        print(f"spec_digest: {exc}", file=sys.stderr)
        return 2
    differences = compare(reference, ours)
    for line in differences:
        print(line)
    if differences:
        print(f"{len(differences)} difference(s) between {args.spec} and {args.digest}")
        return 1
    print(f"{args.spec} matches {args.digest} ({ours['operation_count']} operations)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
