"""Does this tree break users of the last release? The release gate's compatibility check.

    python scripts/api_compat.py                      against the newest v* tag below our version
    python scripts/api_compat.py --against-tag v0.1.0
    python scripts/api_compat.py --against-wheel coreclaw_openapi-0.1.0-py3-none-any.whl
    python scripts/api_compat.py --against-tree DIR   (a checkout of the old version)

Two checks, each comparing the old version with the new one:

- The public Python API of ``coreclaw_ext`` and ``coreclaw_api``, read statically by griffe
  (nothing is imported): the names in ``__all__`` (including the generated names merged into
  it), public modules and their public names, the public members of public classes, the
  resources reached through properties (``client.worker_runs.get``), and the console script's
  ``coreclaw_ext.cli.main``. Breaking: a name removed (or renamed), a parameter removed, moved,
  of another kind or made required, a new required parameter or attrs/dataclass field, a
  changed return or attribute annotation, an overload removed, a base class removed. A changed
  default is reported, not counted. griffe's own breakage rules do not compare annotations
  yet, so those are compared here as text.
- The spec (the digest facts of scripts/spec_digest.py plus the typed response fields):
  an operation removed or renamed, its method or path changed, a security scheme dropped, a
  parameter or body field removed, made required, narrowed (type, enum, bounds), a body made
  required or closed, a success status removed, a response field removed, made optional or
  given another type.

Breaking changes need a major version bump; while the major version is 0 a minor bump is a
major one (0.1 -> 0.2), as in Cargo's reading of semantic versioning. Exit 0 when compatible
(or when there is no previous release), 1 when the bump is too small, 2 on bad input.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import griffe
from packaging.version import InvalidVersion, Version

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:  # run as a script it is sys.path[0] already
    sys.path.append(_HERE)
import spec_digest as sd  # noqa: E402 - the sibling script, found through the path above

ROOT = sd.ROOT
PACKAGES = ("coreclaw_ext", "coreclaw_api")
# Modules whose Python names are not API, or only some of them are: the command line's
# contract is its commands and exit codes (tests/test_cli.py), but the console script
# coreclaw-py = coreclaw_ext.cli:main must stay importable.
ONLY_NAMES = {"coreclaw_ext.cli": ("main",), "coreclaw_ext.__main__": ()}
VERSION_FILE = Path("coreclaw_ext") / "_version.py"
VERSION_LINE = re.compile(r'^__version__ = "([^"]+)"$', re.MULTILINE)
TAG_PREFIX = "v"
MAX_DEPTH = 6


class CompatError(ValueError):
    """Bad input: exit 2."""


@dataclass(frozen=True)
class Change:
    """One difference between the old and the new version. ``breaking`` ones need a major bump."""

    where: str
    what: str
    breaking: bool = True

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


# --- reading the Python API ------------------------------------------------------------------


def _text(expr: Any) -> str | None:
    return None if expr is None else str(expr)


def _params(func: griffe.Function) -> list[dict[str, Any]]:
    return [
        {
            "name": p.name,
            "kind": p.kind.value if p.kind is not None else "positional or keyword",
            "required": bool(p.required),
            "annotation": _text(p.annotation),
            "default": _text(p.default),
        }
        for p in func.parameters
    ]


def _signature(func: griffe.Function) -> str:
    parts = []
    for p in _params(func):
        text = p["name"] + (f": {p['annotation']}" if p["annotation"] else "")
        parts.append(text + (f" = {p['default']}" if p["default"] is not None else ""))
    return f"({', '.join(parts)}) -> {_text(func.returns)}"


def _init_fields(cls: griffe.Class) -> dict[str, bool] | None:
    """{constructor argument: required} for a class whose constructor takes its fields, else None.

    An explicit __init__ is read from its parameters: the generated models and clients are
    plain classes with one since issue 14 (no attrs on a program's first call). An attrs or
    dataclass class without one has a generated __init__, read from the fields by argument
    name (attrs drops a leading underscore: ``_base_url`` is ``base_url=``), so an attrs
    release and a plain one compare alike.
    """
    init = cls.members.get("__init__")
    if isinstance(init, griffe.Function) and not init.is_alias:
        return {
            p["name"]: p["required"]
            for p in _params(init)
            if p["name"] != "self" and p["kind"] not in {"variadic positional", "variadic keyword"}
        }
    decorators = [str(d.value) for d in cls.decorators]
    if not any(re.search(r"(^|\.|_)(define|frozen|dataclass|attrs|s)\b", d) for d in decorators):
        return None
    dataclass = any(re.search(r"(^|\.)dataclass\b", d) for d in decorators)
    fields: dict[str, bool] = {}
    try:
        bases = cls.resolved_bases  # an attrs subclass's __init__ takes its bases' fields first
    except (griffe.AliasResolutionError, griffe.CyclicAliasError, ValueError):
        bases = []
    for base in reversed(bases):
        fields.update(_init_fields(base) or {})
    for name, member in cls.members.items():
        if not isinstance(member, griffe.Attribute) or name.startswith("__"):
            continue
        if "instance-attribute" not in member.labels or member.annotation is None:
            continue
        value = _text(member.value)
        compact = (value or "").replace(" ", "")
        if "init=False" in compact:
            continue
        alias = re.search(r"\balias=['\"]([^'\"]+)['\"]", compact)
        argument = alias.group(1) if alias else name if dataclass else name.lstrip("_")
        is_field_call = re.match(r"^(\w+\.)?(_?attrs_)?(field|ib|attrib)\(", compact) is not None
        required = value is None or (
            is_field_call and not re.search(r"\b(default|factory|default_factory)=", compact)
        )
        fields[argument] = required
    return fields


class _Reader:
    """Walks the public API of the loaded packages into {public path: facts}."""

    def __init__(self, loader: griffe.GriffeLoader) -> None:
        self.loader = loader
        self.facts: dict[str, dict[str, Any]] = {}
        self.first_path: dict[str, str] = {}

    def lookup(self, path: str) -> Any:
        try:
            return self.loader.modules_collection.get_member(path)
        except (KeyError, ValueError):
            return None

    def target(self, obj: Any) -> Any:
        try:
            return obj.final_target if obj.is_alias else obj
        except (griffe.AliasResolutionError, griffe.CyclicAliasError):
            return None

    def exports(self, module: griffe.Module) -> dict[str, Any] | None:
        """{name: object} of ``__all__``, or None when the module has none. ``__all__.extend(X)``
        and ``__all__ += X`` with X an imported tuple of another module's ``__all__`` (how
        coreclaw_ext merges the generated names) are followed; griffe leaves them out."""
        if module.exports is None:
            return None
        found: dict[str, Any] = {}
        for name in module.exports:
            found[str(name)] = module.members.get(str(name))
        source = module.filepath
        if isinstance(source, Path) and source.is_file():
            for extra in self._extended_all(ast.parse(source.read_text(encoding="utf-8"))):
                member = module.members.get(extra)
                attribute = self.target(member) if member is not None else None
                origin = attribute.parent if attribute is not None else None
                value = _text(attribute.value) if attribute is not None else None
                if isinstance(origin, griffe.Module) and value in {
                    "__all__",
                    "tuple(__all__)",
                    "list(__all__)",
                }:
                    for name, obj in (self.exports(origin) or {}).items():
                        found.setdefault(name, obj)
        return found

    @staticmethod
    def _extended_all(tree: ast.Module) -> Iterator[str]:
        for node in tree.body:
            if (
                isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Attribute)
                and isinstance(node.value.func.value, ast.Name)
                and node.value.func.value.id == "__all__"
                and node.value.func.attr == "extend"
                and len(node.value.args) == 1
                and isinstance(node.value.args[0], ast.Name)
            ):
                yield node.value.args[0].id
            elif (
                isinstance(node, ast.AugAssign)
                and isinstance(node.target, ast.Name)
                and node.target.id == "__all__"
                and isinstance(node.value, ast.Name)
            ):
                yield node.value.id

    def module(self, module: griffe.Module, path: str) -> None:
        self.facts[path] = {"kind": "module"}
        only = ONLY_NAMES.get(path)
        exported = self.exports(module)
        if only is not None:
            members = {name: module.members.get(name) for name in only}
        elif exported is not None:
            members = exported
        else:
            members = {
                name: member
                for name, member in module.members.items()
                if not name.startswith("_") and not member.is_alias and not member.is_module
            }
        for name, member in sorted(members.items()):
            self.object(member, f"{path}.{name}", depth=1)
        if only is not None:
            return
        for name, sub in sorted(module.modules.items()):
            if not name.startswith("_") and f"{path}.{name}" not in self.facts:
                self.module(sub, f"{path}.{name}")

    def object(self, member: Any, path: str, depth: int) -> None:
        obj = self.target(member) if member is not None else None
        if obj is None:
            # An export griffe cannot follow (outside both packages): its name still counts.
            self.facts[path] = {"kind": "unresolved"}
            return
        canonical = obj.path
        first = self.first_path.setdefault(canonical, path)
        if first != path and obj.is_class:
            self.facts[path] = {"kind": "alias", "of": first}
            return
        if obj.is_module:
            self.facts[path] = {"kind": "module"}
        elif obj.is_class:
            self.klass(obj, path, depth)
        elif obj.is_function:
            self.facts[path] = {
                "kind": "function",
                "parameters": _params(obj),
                "returns": _text(obj.returns),
                "overloads": sorted(_signature(o) for o in obj.overloads or []),
            }
        else:
            self.facts[path] = {
                "kind": "property" if "property" in obj.labels else "attribute",
                "annotation": _text(obj.annotation),
            }
            self.through_property(obj, path, depth)

    def klass(self, cls: griffe.Class, path: str, depth: int) -> None:
        self.facts[path] = {
            "kind": "class",
            "bases": [str(b) for b in cls.bases],
            "init_fields": _init_fields(cls),
        }
        if depth > MAX_DEPTH:
            return
        try:
            members = cls.all_members
        except (griffe.AliasResolutionError, griffe.CyclicAliasError, ValueError):
            members = cls.members
        for name, member in sorted(members.items()):
            if name.startswith("_") and name != "__init__":
                continue
            self.object(member, f"{path}.{name}", depth + 1)

    def through_property(self, obj: Any, path: str, depth: int) -> None:
        """A property whose annotation is one of our classes (client.worker_runs) is walked
        as that class: its methods are reached as client.worker_runs.get."""
        annotation = obj.annotation
        canonical = getattr(annotation, "canonical_path", None)
        if "property" not in obj.labels or not isinstance(canonical, str):
            return
        if canonical.split(".", 1)[0] not in PACKAGES or depth > MAX_DEPTH:
            return
        cls = self.lookup(canonical)
        cls = self.target(cls) if cls is not None else None
        if cls is not None and cls.is_class:
            for name, member in sorted(cls.all_members.items()):
                if not name.startswith("_"):
                    self.object(member, f"{path}.{name}", depth + 1)


def search_paths(tree: Path) -> list[Path]:
    """Where the packages live in a checkout (coreclaw_api under generated/) or a wheel."""
    paths = [tree]
    if (tree / "generated" / "coreclaw_api").is_dir():
        paths.append(tree / "generated")
    return paths


def python_api(tree: Path) -> dict[str, dict[str, Any]]:
    """{public path: facts} of both packages in ``tree`` (a checkout or an unpacked wheel)."""
    loader = griffe.GriffeLoader(
        search_paths=[str(p) for p in search_paths(tree)], allow_inspection=False
    )
    modules = {}
    for package in PACKAGES:
        try:
            modules[package] = loader.load(package, try_relative_path=False)
        except (ImportError, griffe.LoadingError) as exc:
            raise CompatError(f"{tree}: cannot read package {package}: {exc}") from exc
    loader.resolve_aliases(implicit=False, external=False)
    reader = _Reader(loader)
    for package, module in modules.items():
        if not isinstance(module, griffe.Module):
            raise CompatError(f"{tree}: {package} is not a package")
        reader.module(module, package)
    return reader.facts


# --- comparing the Python API ------------------------------------------------------------

_POSITIONAL = {"positional-only", "positional or keyword"}
# A parameter that may now be passed in more ways than before breaks no caller.
_LOOSER_KINDS = {
    ("positional-only", "positional or keyword"),
    ("keyword-only", "positional or keyword"),
}


def _compare_function(path: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    new_params = {p["name"]: (i, p) for i, p in reversed(list(enumerate(new["parameters"])))}
    kinds = {p["kind"] for p in new["parameters"]}
    var_args, var_kwargs = "variadic positional" in kinds, "variadic keyword" in kinds
    for index, param in enumerate(old["parameters"]):
        name = param["name"]
        if name not in new_params:
            swallowed = (param["kind"] == "keyword-only" and var_kwargs) or (
                param["kind"] == "positional-only" and var_args
            )
            if not swallowed:
                yield Change(path, f"parameter {name} removed")
            continue
        new_index, new_param = new_params[name]
        if new_param["required"] and not param["required"]:
            yield Change(path, f"parameter {name} became required")
        if param["kind"] in _POSITIONAL and new_param["kind"] in _POSITIONAL and new_index != index:
            yield Change(path, f"parameter {name} moved from position {index} to {new_index}")
        if (
            param["kind"] != new_param["kind"]
            and (param["kind"], new_param["kind"]) not in _LOOSER_KINDS
        ):
            yield Change(
                path, f"parameter {name} changed kind: {param['kind']} -> {new_param['kind']}"
            )
        if (
            not param["required"]
            and not new_param["required"]
            and param["default"] != new_param["default"]
        ):
            yield Change(
                path,
                f"parameter {name} default changed: {param['default']} -> {new_param['default']}",
                breaking=False,
            )
    old_names = {p["name"] for p in old["parameters"]}
    for param in new["parameters"]:
        if param["name"] not in old_names and param["required"]:
            yield Change(path, f"new required parameter {param['name']}")
    if old["returns"] is not None and old["returns"] != new["returns"]:
        yield Change(path, f"return type changed: {old['returns']} -> {new['returns']}")
    for signature in sorted(set(old["overloads"]) - set(new["overloads"])):
        yield Change(path, f"overload removed: {signature}")


def _compare_class(path: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    for base in old["bases"]:
        if base not in new["bases"]:
            yield Change(path, f"base class {base} removed")
    old_fields, new_fields = old["init_fields"], new["init_fields"]
    if old_fields is None or new_fields is None:
        return
    for name, required in new_fields.items():
        if name not in old_fields and required:
            yield Change(path, f"new required field {name} (constructor argument)")
        elif name in old_fields and required and not old_fields[name]:
            yield Change(path, f"field {name} became required (constructor argument)")


def compare_python(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[Change]:
    """Breaking changes first, then the rest (additions, changed defaults)."""
    changes: list[Change] = []
    removed = sorted(old.keys() - new.keys())
    removed_set = set(removed)
    for path in removed:
        parent = path.rsplit(".", 1)[0]
        if parent in removed_set:
            continue  # reported with its module or class
        changes.append(Change(path, f"{old[path]['kind']} removed"))
    for path in sorted(old.keys() & new.keys()):
        a, b = old[path], new[path]
        if a["kind"] != b["kind"]:
            if {a["kind"], b["kind"]} <= {"attribute", "property"}:
                continue
            changes.append(Change(path, f"changed from {a['kind']} to {b['kind']}"))
        elif a["kind"] == "function":
            changes.extend(_compare_function(path, a, b))
        elif a["kind"] == "class":
            changes.extend(_compare_class(path, a, b))
        elif a["kind"] in {"attribute", "property"} and a["annotation"] not in {
            None,
            b["annotation"],
        }:
            changes.append(Change(path, f"type changed: {a['annotation']} -> {b['annotation']}"))
    added = sorted(new.keys() - old.keys())
    added_set = set(added)
    for path in added:
        if path.rsplit(".", 1)[0] not in added_set:
            changes.append(Change(path, f"{new[path]['kind']} added", breaking=False))
    return sorted(changes, key=lambda c: not c.breaking)


# --- comparing two specs -------------------------------------------------------------------


def _types(facts: dict[str, Any]) -> set[str] | None:
    """The JSON types a fact allows; None for any."""
    kind = facts.get("type")
    if kind is None:
        return None
    return {str(t) for t in (kind if isinstance(kind, list) else [kind])}


def _narrowed(where: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    """What a caller could send before and may not now (an input got stricter)."""
    old_t, new_t = _types(old), _types(new)
    if new_t is not None and (old_t is None or not old_t <= new_t):
        yield Change(where, f"type narrowed: {old.get('type', 'any')} -> {new['type']}")
    if "enum" in new:
        gone = [v for v in old.get("enum", []) if v not in new["enum"]] if "enum" in old else None
        if gone is None:
            yield Change(where, f"now limited to {new['enum']}")
        elif gone:
            yield Change(where, f"enum values removed: {gone}")
    if "minimum" in new and ("minimum" not in old or new["minimum"] > old["minimum"]):
        yield Change(where, f"minimum raised: {old.get('minimum', 'none')} -> {new['minimum']}")
    if "maximum" in new and ("maximum" not in old or new["maximum"] < old["maximum"]):
        yield Change(where, f"maximum lowered: {old.get('maximum', 'none')} -> {new['maximum']}")


def _compare_inputs(op_id: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    old_params = {(p["in"], p["name"]): p for p in old["parameters"]}
    new_params = {(p["in"], p["name"]): p for p in new["parameters"]}
    for key, param in old_params.items():
        where = f"{op_id}: {key[0]} parameter {key[1]}"
        if key not in new_params:
            yield Change(where, "removed")
            continue
        if new_params[key]["required"] and not param["required"]:
            yield Change(where, "became required")
        yield from _narrowed(where, param, new_params[key])
    for key, param in new_params.items():
        if key not in old_params:
            where = f"{op_id}: {key[0]} parameter {key[1]}"
            yield Change(
                where, "added, required" if param["required"] else "added", param["required"]
            )
    old_body, new_body = old["request_body"], new["request_body"]
    if old_body is None:
        if new_body is not None and new_body["required"]:
            yield Change(f"{op_id}: request body", "now required")
        return
    if new_body is None:
        yield Change(f"{op_id}: request body", "removed")
        return
    if new_body["required"] and not old_body["required"]:
        yield Change(f"{op_id}: request body", "became required")
    if (
        old_body["additional_properties"] is not False
        and new_body["additional_properties"] is False
    ):
        yield Change(f"{op_id}: request body", "no longer accepts other fields")
    for name, facts in old_body["fields"].items():
        where = f"{op_id}: body field {name}"
        if name not in new_body["fields"]:
            yield Change(where, "removed")
            continue
        yield from _narrowed(where, facts, new_body["fields"][name])
    for name in new_body["required_fields"]:
        if name not in old_body["required_fields"]:
            yield Change(f"{op_id}: body field {name}", "became required")


def _compare_answers(op_id: str, old: dict[str, Any], new: dict[str, Any]) -> Iterator[Change]:
    for code, fields in old.items():
        if not code.startswith("2"):
            continue
        if code not in new:
            yield Change(f"{op_id}: response {code}", "removed")
            continue
        for name, facts in fields.items():
            where = f"{op_id}: response {code} field {name}"
            now = new[code].get(name)
            if now is None:
                yield Change(where, "removed")
                continue
            if facts["required"] and not now["required"]:
                yield Change(where, "may now be absent")
            old_t, new_t = _types(facts), _types(now)
            if old_t is not None and (new_t is None or not new_t <= old_t):
                yield Change(where, f"type changed: {facts['type']} -> {now.get('type', 'any')}")
        for name in sorted(new[code].keys() - fields.keys()):
            yield Change(f"{op_id}: response {code} field {name}", "added", breaking=False)


def compare_specs(old_spec: dict[str, Any], new_spec: dict[str, Any]) -> list[Change]:
    """Breaking API changes from ``old_spec`` to ``new_spec`` (and, not breaking, additions)."""
    old, new = sd.digest(old_spec), sd.digest(new_spec)
    old_ops, new_ops = sd.operations(old_spec), sd.operations(new_spec)
    changes: list[Change] = []
    for op_id, facts in old["operations"].items():
        if op_id not in new["operations"]:
            route = f"{facts['method'].upper()} {facts['path']}"
            renamed = [
                other
                for other, now in new["operations"].items()
                if (now["method"], now["path"]) == (facts["method"], facts["path"])
                and other not in old["operations"]
            ]
            what = f"renamed to {renamed[0]}" if renamed else "operation removed"
            changes.append(Change(op_id, f"{what} ({route})"))
            continue
        now = new["operations"][op_id]
        for key in ("method", "path"):
            if facts[key] != now[key]:
                changes.append(Change(op_id, f"{key} changed: {facts[key]} -> {now[key]}"))
        for scheme in sorted(set(facts["security"]) - set(now["security"])):
            changes.append(Change(op_id, f"security {scheme} no longer accepted"))
        changes.extend(_compare_inputs(op_id, facts, now))
        changes.extend(
            _compare_answers(
                op_id,
                sd.response_fields(old_spec, old_ops[op_id][3], op_id),
                sd.response_fields(new_spec, new_ops[op_id][3], op_id),
            )
        )
    for op_id in sorted(new["operations"].keys() - old["operations"].keys()):
        changes.append(Change(op_id, "operation added", breaking=False))
    return sorted(changes, key=lambda c: not c.breaking)


# --- versions and the gate -----------------------------------------------------------------


def read_version(tree: Path) -> str:
    path = tree / VERSION_FILE
    try:
        match = VERSION_LINE.search(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CompatError(f"{path}: {exc}") from exc
    if match is None:
        raise CompatError(f'{path}: no line __version__ = "X.Y.Z"')
    return match.group(1)


def parse_version(text: str) -> Version:
    try:
        return Version(text)
    except InvalidVersion as exc:
        raise CompatError(f"not a version: {text!r}") from exc


def is_major_bump(old: Version, new: Version) -> bool:
    """A bump that may break: the major version, or the minor one while the major is 0."""
    if old.major == 0 and new.major == 0:
        return new.minor > old.minor
    return new.major > old.major


def release_tags(repo: Path) -> dict[Version, str]:
    """{version: tag} for every tag vX.Y.Z of the repository."""
    proc = subprocess.run(
        ["git", "tag", "--list", f"{TAG_PREFIX}*"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise CompatError(f"{repo}: git tag failed: {proc.stderr.strip()}")
    tags = {}
    for tag in proc.stdout.split():
        try:
            tags[Version(tag[len(TAG_PREFIX) :])] = tag
        except InvalidVersion:
            continue
    return tags


def previous_release(repo: Path, current: Version) -> str | None:
    """The tag of the newest release older than ``current``, or None when there is none."""
    older = [v for v in release_tags(repo) if v < current]
    return release_tags(repo)[max(older)] if older else None


def export_tree(repo: Path, ref: str, dest: Path) -> Path:
    """The files of ``ref`` (a tag or commit) in ``dest``, as git has them."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = dest.parent / f"{dest.name}.tar"
    proc = subprocess.run(
        ["git", "archive", "--format=tar", f"--output={archive}", ref],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise CompatError(f"git archive {ref}: {proc.stderr.strip()}")
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    archive.unlink()
    return dest


def unpack_wheel(wheel: Path, dest: Path) -> Path:
    try:
        with zipfile.ZipFile(wheel) as zf:
            zf.extractall(dest)
    except (OSError, zipfile.BadZipFile) as exc:
        raise CompatError(f"{wheel}: {exc}") from exc
    return dest


def _wheel_version(wheel: Path) -> str:
    parts = wheel.name.split("-")
    if len(parts) < 3:
        raise CompatError(f"{wheel}: not a wheel file name")
    return parts[1]


@dataclass
class Verdict:
    old_version: str | None
    new_version: str
    against: str | None
    python: list[Change]
    spec: list[Change]
    problems: list[str]
    messages: list[str]

    @property
    def breaking(self) -> list[Change]:
        return [c for c in [*self.python, *self.spec] if c.breaking]

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_json(self) -> dict[str, Any]:
        def rows(changes: Iterable[Change]) -> list[dict[str, Any]]:
            return [{"where": c.where, "what": c.what, "breaking": c.breaking} for c in changes]

        return {
            "ok": self.ok,
            "old_version": self.old_version,
            "new_version": self.new_version,
            "against": self.against,
            "python": rows(self.python),
            "spec": rows(self.spec),
            "problems": self.problems,
            "messages": self.messages,
        }


def check(
    new_tree: Path,
    old_tree: Path | None,
    *,
    old_version: str | None,
    against: str | None,
    old_spec: Path | None = None,
) -> Verdict:
    """The gate: compare ``new_tree`` with ``old_tree`` (None: no previous release)."""
    new_version = read_version(new_tree)
    verdict = Verdict(old_version, new_version, against, [], [], [], [])
    if old_tree is None or old_version is None:
        verdict.messages.append("no previous release: compatibility check skipped")
        return verdict
    old_v, new_v = parse_version(old_version), parse_version(new_version)
    if new_v <= old_v:
        verdict.problems.append(
            f"version {new_version} is not above the last release {old_version} ({against})"
        )
    verdict.python = compare_python(python_api(old_tree), python_api(new_tree))
    spec_file = old_spec or old_tree / "spec" / "openapi.yaml"
    if spec_file.is_file():
        old_doc, _ = sd.load_document(spec_file)
        new_doc, _ = sd.load_document(new_tree / "spec" / "openapi.yaml")
        verdict.spec = compare_specs(old_doc, new_doc)
    else:
        verdict.messages.append(f"no old spec at {spec_file}: spec-level check skipped")
    if verdict.breaking and not is_major_bump(old_v, new_v):
        need = (
            f"{old_v.major}.{old_v.minor + 1}.0 or a new major version"
            if old_v.major == 0
            else f"{old_v.major + 1}.0.0"
        )
        verdict.problems.append(
            f"{len(verdict.breaking)} breaking change(s) since {old_version} ({against}) "
            f"need a major version bump: {old_version} -> {new_version} is not one "
            f"(at least {need})"
        )
    elif (
        not verdict.breaking
        and any(not c.breaking for c in verdict.python + verdict.spec)
        and new_v.release[:2] == old_v.release[:2]
    ):
        verdict.messages.append(
            "new public names or operations: a minor version bump is usual for additions"
        )
    return verdict


def render(verdict: Verdict, *, verbose: bool = False) -> str:
    lines = []
    if verdict.against is not None:
        lines.append(
            f"api-compat: {verdict.new_version} against {verdict.old_version} ({verdict.against})"
        )
    for title, changes in (("Python API", verdict.python), ("spec", verdict.spec)):
        breaking = [c for c in changes if c.breaking]
        other = [c for c in changes if not c.breaking]
        if breaking:
            lines.append(f"Breaking changes in the {title} ({len(breaking)}):")
            lines += [f"  {c}" for c in breaking]
        if other:
            lines.append(f"Other changes in the {title} ({len(other)}, not breaking)")
            if verbose:
                lines += [f"  {c}" for c in other]
    lines += verdict.messages
    lines += [f"REFUSED: {p}" for p in verdict.problems]
    if verdict.ok and verdict.against is not None:
        lines.append("compatible: the version bump covers the changes")
    return "\n".join(lines)


def gate(
    repo: Path,
    new_tree: Path,
    *,
    against_tag: str | None = None,
    work: Path,
) -> Verdict:
    """The release gate's use: the tree of HEAD against the previous release tag."""
    current = parse_version(read_version(new_tree))
    tag = against_tag or previous_release(repo, current)
    if tag is None:
        return check(new_tree, None, old_version=None, against=None)
    old_tree = export_tree(repo, tag, work / "old")
    return check(new_tree, old_tree, old_version=read_version(old_tree), against=tag)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    against = parser.add_mutually_exclusive_group()
    against.add_argument("--against-tag", help="a release tag (default: the newest below ours)")
    against.add_argument("--against-wheel", type=Path, help="a released wheel")
    against.add_argument("--against-tree", type=Path, help="a checkout of the old version")
    parser.add_argument("--old-spec", type=Path, help="the old spec (with --against-wheel)")
    parser.add_argument("--tree", type=Path, default=ROOT, help="the new tree (default: here)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list additions too")
    args = parser.parse_args(argv)
    try:
        with tempfile.TemporaryDirectory(prefix="api-compat-") as tmp:
            work = Path(tmp)
            if args.against_wheel is not None:
                old = unpack_wheel(args.against_wheel, work / "wheel")
                verdict = check(
                    args.tree,
                    old,
                    old_version=_wheel_version(args.against_wheel),
                    against=args.against_wheel.name,
                    old_spec=args.old_spec,
                )
            elif args.against_tree is not None:
                verdict = check(
                    args.tree,
                    args.against_tree,
                    old_version=read_version(args.against_tree),
                    against=str(args.against_tree),
                    old_spec=args.old_spec,
                )
            else:
                verdict = gate(args.tree, args.tree, against_tag=args.against_tag, work=work)
    except (OSError, ValueError) as exc:
        print(f"api-compat: {exc}", file=sys.stderr)
        return 2
    print(
        json.dumps(verdict.as_json(), indent=2)
        if args.json
        else render(verdict, verbose=args.verbose)
    )
    return 0 if verdict.ok else 1


if __name__ == "__main__":
    sys.exit(main())
