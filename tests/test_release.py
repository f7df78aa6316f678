"""The release gate: scripts/api_compat.py and scripts/release (make release).

The compatibility rules are tested on tiny packages and specs written here; the gate itself
runs in scratch git repositories made from this work tree (every file git would keep), where
a test tags a release, makes a breaking change and sees the gate refuse it without a major
bump. One full run builds twice, checks the two builds are byte-identical, runs twine check
and the smoke test in a fresh venv, and prints the upload command without uploading.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.proc import REGEN_ENV, ROOT, describe, run
from tests.scripts import load_script

release = load_script("scripts/release.py", "coreclaw_scripts_release")
ac = release.api_compat

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Release Test",
    "GIT_AUTHOR_EMAIL": "release-test@example.invalid",
    "GIT_COMMITTER_NAME": "Release Test",
    "GIT_COMMITTER_EMAIL": "release-test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
    **REGEN_ENV,
}


# --- the Python API rules, on tiny packages -----------------------------------------------

EXT_INIT = '''
"""A stand-in for coreclaw_ext."""

from ._generated import ALL as _GENERATED_ALL
from ._impl import Runs, Thing, fetch
from ._version import __version__

__all__ = ["Runs", "Thing", "__version__", "fetch"]
__all__.extend(_GENERATED_ALL)
'''

EXT_IMPL = """
import attrs


def fetch(client: object, run_id: str, *, timeout: float = 10.0) -> "Thing":
    return Thing(slug=run_id)


def _private_helper(x: int) -> int:
    return x


class Runs:
    def get(self, run_id: str) -> str:
        return run_id


@attrs.define
class Thing:
    slug: str
    size: int = 0

    def describe(self, verbose: bool = False) -> str:
        return self.slug

    @property
    def runs(self) -> Runs:
        return Runs()
"""

EXT_GENERATED = """
__all__ = ["generated_op"]


def generated_op(x: int) -> int:
    return x


ALL: tuple[str, ...] = tuple(__all__)
"""

API_INIT = """
def api_call(a: int, b: int = 1) -> int:
    return a + b
"""


def write_tree(root: Path, version: str = "1.0.0", /, **edits: tuple[str, str]) -> Path:
    """A checkout-like tree (coreclaw_api under generated/); ``edits`` maps a file key
    (ext, impl, generated, api) to a (old, new) text replacement."""
    files = {
        "ext": (root / "coreclaw_ext" / "__init__.py", EXT_INIT),
        "impl": (root / "coreclaw_ext" / "_impl.py", EXT_IMPL),
        "generated": (root / "coreclaw_ext" / "_generated.py", EXT_GENERATED),
        "api": (root / "generated" / "coreclaw_api" / "__init__.py", API_INIT),
    }
    for key, (path, original) in files.items():
        text = original
        if key in edits:
            old, new = edits[key]
            assert old in text, (key, old)
            text = text.replace(old, new)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    (root / "coreclaw_ext" / "_version.py").write_text(
        f'__version__ = "{version}"\n', encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def old_api(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    facts: dict[str, Any] = ac.python_api(write_tree(tmp_path_factory.mktemp("old")))
    return facts


def breaking(old: dict[str, Any], tree: Path) -> list[str]:
    return [str(c) for c in ac.compare_python(old, ac.python_api(tree)) if c.breaking]


def test_the_public_surface_is_read(old_api: dict[str, Any]) -> None:
    assert {
        "coreclaw_ext.fetch",
        "coreclaw_ext.generated_op",  # merged into __all__ with __all__.extend(...)
        "coreclaw_ext.Thing.describe",
        "coreclaw_ext.Thing.runs.get",  # a resource reached through a property
        "coreclaw_api.api_call",
    } <= old_api.keys()
    assert not any("_private_helper" in path or "._impl" in path for path in old_api)
    assert old_api["coreclaw_ext.Thing"]["init_fields"] == {"slug": True, "size": False}


def test_no_change_is_compatible(old_api: dict[str, Any], tmp_path: Path) -> None:
    assert ac.compare_python(old_api, ac.python_api(write_tree(tmp_path))) == []


PY_BREAKS: list[tuple[str, dict[str, tuple[str, str]], list[str]]] = [
    (
        "public name removed",
        {"ext": ('"fetch"]', "]")},
        ["coreclaw_ext.fetch: function removed"],
    ),
    (
        "generated name removed",
        {"generated": ('["generated_op"]', "[]")},
        ["coreclaw_ext.generated_op: function removed"],
    ),
    (
        "public name renamed",
        {"api": ("def api_call(", "def api_invoke(")},
        ["coreclaw_api.api_call: function removed"],
    ),
    (
        "parameter became required",
        {"impl": ("timeout: float = 10.0", "timeout: float")},
        ["coreclaw_ext.fetch: parameter timeout became required"],
    ),
    (
        "return type changed",
        {"impl": (') -> "Thing":', ') -> "Thing | None":')},
        ["coreclaw_ext.fetch: return type changed: Thing -> Thing | None"],
    ),
    (
        "new required parameter",
        {"impl": ("timeout: float = 10.0)", "timeout: float = 10.0, token: str)")},
        ["coreclaw_ext.fetch: new required parameter token"],
    ),
    (
        "parameter removed",
        {"impl": (", *, timeout: float = 10.0)", ")")},
        ["coreclaw_ext.fetch: parameter timeout removed"],
    ),
    (
        "positional parameters swapped",
        {"impl": ("client: object, run_id: str,", "run_id: str, client: object,")},
        [
            "coreclaw_ext.fetch: parameter client moved from position 0 to 1",
            "coreclaw_ext.fetch: parameter run_id moved from position 1 to 0",
        ],
    ),
    (
        "parameter became keyword-only",
        {"impl": ("def describe(self, verbose", "def describe(self, *, verbose")},
        [
            "coreclaw_ext.Thing.describe: parameter verbose changed kind: "
            "positional or keyword -> keyword-only"
        ],
    ),
    (
        "model field became required",
        {"impl": ("size: int = 0", "size: int")},
        ["coreclaw_ext.Thing: field size became required (constructor argument)"],
    ),
    (
        "model gained a required field",
        {"impl": ("size: int = 0", "size: int = 0\n    color: str")},
        ["coreclaw_ext.Thing: new required field color (constructor argument)"],
    ),
    (
        "model field type changed",
        {"impl": ("slug: str", "slug: int")},
        ["coreclaw_ext.Thing.slug: type changed: str -> int"],
    ),
    (
        "resource method removed",
        {"impl": ("def get(self, run_id", "def fetch_one(self, run_id")},
        [
            "coreclaw_ext.Runs.get: function removed",
            "coreclaw_ext.Thing.runs.get: function removed",
        ],
    ),
    (
        "class removed, reported once",
        {"ext": ('"Runs", ', "")},
        ["coreclaw_ext.Runs: class removed"],
    ),
]


@pytest.mark.parametrize(
    ("edits", "expected"), [pytest.param(e, x, id=name) for name, e, x in PY_BREAKS]
)
def test_python_breaking_changes(
    old_api: dict[str, Any],
    tmp_path: Path,
    edits: dict[str, tuple[str, str]],
    expected: list[str],
) -> None:
    assert breaking(old_api, write_tree(tmp_path, **edits)) == expected


def test_compatible_python_changes(old_api: dict[str, Any], tmp_path: Path) -> None:
    tree = write_tree(
        tmp_path,
        impl=("timeout: float = 10.0)", "timeout: float = 30.0, retries: int = 0)"),
        api=("def api_call(", "def api_new(x: int) -> int:\n    return x\n\n\ndef api_call("),
    )
    changes = ac.compare_python(old_api, ac.python_api(tree))
    assert [c for c in changes if c.breaking] == []
    assert {str(c) for c in changes} == {
        "coreclaw_ext.fetch: parameter timeout default changed: 10.0 -> 30.0",
        "coreclaw_api.api_new: function added",
    }


def test_private_changes_are_not_api(old_api: dict[str, Any], tmp_path: Path) -> None:
    tree = write_tree(tmp_path, impl=("def _private_helper(x: int)", "def _private_helper()"))
    assert ac.compare_python(old_api, ac.python_api(tree)) == []


def test_the_real_packages_are_read() -> None:
    facts = ac.python_api(ROOT)
    assert "coreclaw_ext.create_client" in facts
    assert "coreclaw_ext.rerun_worker_last_run" in facts  # generated, merged into __all__
    assert "coreclaw_ext.CoreClawClient.worker_runs.get" in facts
    assert "coreclaw_ext.cli.main" in facts  # the console script
    assert "coreclaw_ext.cli.build_parser" not in facts
    assert any(p.startswith("coreclaw_api.api.worker_runs.") for p in facts)
    assert "coreclaw_api.models.RunRecord" in facts
    assert [f for f, v in facts.items() if v["kind"] == "unresolved"] == []
    assert ac.compare_python(facts, facts) == []


# --- the spec rules -------------------------------------------------------------------------


def base_spec() -> dict[str, Any]:
    record = {
        "type": "object",
        "required": ["slug", "status"],
        "properties": {
            "slug": {"type": "string"},
            "status": {"type": "string"},
            "results": {"type": "integer"},
        },
    }
    envelope = {
        "type": "object",
        "required": ["code", "data"],
        "properties": {"code": {"type": "integer"}, "data": {"$ref": "#/components/schemas/Run"}},
    }
    ok = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Env"}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1.0.0"},
        "security": [{"BearerAuth": []}, {"ApiKeyAuth": []}],
        "paths": {
            "/runs/{runId}": {
                "get": {
                    "operationId": "getRun",
                    "parameters": [
                        {
                            "name": "runId",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "view",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["short", "full"]},
                        },
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {"type": "integer", "minimum": 1, "maximum": 100},
                        },
                    ],
                    "responses": {"200": {"description": "ok", **ok}, "404": {"description": "x"}},
                },
                "post": {
                    "operationId": "updateRun",
                    "requestBody": {
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "note": {"type": "string"},
                                        "size": {"type": ["integer", "null"]},
                                    },
                                }
                            }
                        }
                    },
                    "responses": {"200": {"description": "ok"}},
                },
            }
        },
        "components": {"schemas": {"Run": record, "Env": envelope}},
    }


def _get(s: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = s["paths"]["/runs/{runId}"]["get"]
    return result


def _post(s: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = s["paths"]["/runs/{runId}"]["post"]
    return result


def _query(s: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(p for p in _get(s)["parameters"] if p["name"] == name)
    return found


def _body(s: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = _post(s)["requestBody"]["content"]["application/json"]["schema"]
    return result


def _run(s: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = s["components"]["schemas"]["Run"]
    return result


SPEC_BREAKS: list[tuple[str, Callable[[dict[str, Any]], Any], list[str]]] = [
    (
        "operation removed",
        lambda s: s["paths"]["/runs/{runId}"].pop("post"),
        ["updateRun: operation removed (POST /runs/{runId})"],
    ),
    (
        "operation renamed",
        lambda s: _post(s).update(operationId="patchRun"),
        ["updateRun: renamed to patchRun (POST /runs/{runId})"],
    ),
    (
        "path changed",
        lambda s: s["paths"].update({"/r/{runId}": s["paths"].pop("/runs/{runId}")}),
        [
            "getRun: path changed: /runs/{runId} -> /r/{runId}",
            "updateRun: path changed: /runs/{runId} -> /r/{runId}",
        ],
    ),
    (
        "response field removed",
        lambda s: _run(s)["properties"].pop("results"),
        ["getRun: response 200 field data.results: removed"],
    ),
    (
        "response field made optional",
        lambda s: _run(s).update(required=["slug"]),
        ["getRun: response 200 field data.status: may now be absent"],
    ),
    (
        "response field type changed",
        lambda s: _run(s)["properties"]["results"].update(type=["integer", "null"]),
        ["getRun: response 200 field data.results: type changed: integer -> ['integer', 'null']"],
    ),
    (
        "success status removed",
        lambda s: _get(s)["responses"].update({"201": _get(s)["responses"].pop("200")}),
        ["getRun: response 200: removed"],
    ),
    (
        "parameter became required",
        lambda s: _query(s, "view").update(required=True),
        ["getRun: query parameter view: became required"],
    ),
    (
        "required parameter added",
        lambda s: _get(s)["parameters"].append(
            {"name": "token", "in": "query", "required": True, "schema": {"type": "string"}}
        ),
        ["getRun: query parameter token: added, required"],
    ),
    (
        "parameter removed",
        lambda s: _get(s)["parameters"].pop(2),
        ["getRun: query parameter limit: removed"],
    ),
    (
        "enum narrowed",
        lambda s: _query(s, "view")["schema"].update(enum=["short"]),
        ["getRun: query parameter view: enum values removed: ['full']"],
    ),
    (
        "bounds tightened",
        lambda s: _query(s, "limit")["schema"].update(minimum=5, maximum=50),
        [
            "getRun: query parameter limit: minimum raised: 1 -> 5",
            "getRun: query parameter limit: maximum lowered: 100 -> 50",
        ],
    ),
    (
        "parameter type narrowed",
        lambda s: _query(s, "view")["schema"].update(type="integer"),
        ["getRun: query parameter view: type narrowed: string -> integer"],
    ),
    (
        "body became required",
        lambda s: _post(s)["requestBody"].update(required=True),
        ["updateRun: request body: became required"],
    ),
    (
        "body field removed",
        lambda s: _body(s)["properties"].pop("note"),
        ["updateRun: body field note: removed"],
    ),
    (
        "body field became required",
        lambda s: _body(s).update(required=["note"]),
        ["updateRun: body field note: became required"],
    ),
    (
        "body field no longer nullable",
        lambda s: _body(s)["properties"]["size"].update(type="integer"),
        ["updateRun: body field size: type narrowed: ['integer', 'null'] -> integer"],
    ),
    (
        "body closed",
        lambda s: _body(s).update(additionalProperties=False),
        ["updateRun: request body: no longer accepts other fields"],
    ),
    (
        "security scheme dropped",
        lambda s: _get(s).update(security=[{"BearerAuth": []}]),
        ["getRun: security ApiKeyAuth no longer accepted"],
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), [pytest.param(m, x, id=name) for name, m, x in SPEC_BREAKS]
)
def test_spec_breaking_changes(
    mutate: Callable[[dict[str, Any]], Any], expected: list[str]
) -> None:
    new = base_spec()
    mutate(new)
    found = [str(c) for c in ac.compare_specs(base_spec(), new) if c.breaking]
    assert found == expected


def test_compatible_spec_changes() -> None:
    new = base_spec()
    _run(new)["properties"]["origin"] = {"type": "string"}  # a new response field
    _query(new, "view")["schema"]["enum"].append("raw")  # an input accepts more
    _query(new, "limit")["schema"]["maximum"] = 500
    new["paths"]["/runs"] = {"get": {"operationId": "listRuns", "responses": {"200": {}}}}
    _get(new)["parameters"].append({"name": "x", "in": "header", "schema": {"type": "string"}})
    changes = ac.compare_specs(base_spec(), new)
    assert [c for c in changes if c.breaking] == []
    assert {str(c) for c in changes} == {
        "getRun: header parameter x: added",
        "getRun: response 200 field data.origin: added",
        "listRuns: operation added",
    }


def test_the_project_spec_is_compatible_with_itself() -> None:
    spec, _ = ac.sd.load_document(ROOT / "spec" / "openapi.yaml")
    assert ac.compare_specs(spec, spec) == []


# --- versions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "major"),
    [
        ("0.1.0", "0.1.1", False),
        ("0.1.0", "0.2.0", True),
        ("0.1.3", "1.0.0", True),
        ("1.2.0", "1.3.0", False),
        ("1.2.0", "2.0.0", True),
        ("1.2.0", "2.0.0rc1", True),
    ],
)
def test_what_counts_as_a_major_bump(old: str, new: str, major: bool) -> None:
    assert ac.is_major_bump(ac.parse_version(old), ac.parse_version(new)) is major


def test_check_verdicts(tmp_path: Path) -> None:
    old = write_tree(tmp_path / "old", "1.2.0")
    broken = {"ext": ('"fetch"]', "]")}
    same = ac.check(write_tree(tmp_path / "a", "1.2.1"), old, old_version="1.2.0", against="x")
    assert same.ok and same.breaking == []
    minor = ac.check(
        write_tree(tmp_path / "b", "1.3.0", **broken), old, old_version="1.2.0", against="x"
    )
    assert not minor.ok
    assert (
        "need a major version bump: 1.2.0 -> 1.3.0 is not one (at least 2.0.0)" in minor.problems[0]
    )
    major = ac.check(
        write_tree(tmp_path / "c", "2.0.0", **broken), old, old_version="1.2.0", against="x"
    )
    assert major.ok and [str(c) for c in major.breaking] == ["coreclaw_ext.fetch: function removed"]
    back = ac.check(write_tree(tmp_path / "d", "1.1.0"), old, old_version="1.2.0", against="x")
    assert back.problems == ["version 1.1.0 is not above the last release 1.2.0 (x)"]
    none = ac.check(write_tree(tmp_path / "e", "1.0.0"), None, old_version=None, against=None)
    assert none.ok and none.messages == ["no previous release: compatibility check skipped"]


# --- the gate in scratch repositories ------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    proc = run(
        ["git", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false", *args],
        timeout=60,
        cwd=repo,
        env=GIT_ENV,
    )
    assert proc.returncode == 0, describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    return proc.stdout


def date_changelog(repo: Path, version: str, date: str = "2026-01-15") -> None:
    path = repo / "CHANGELOG.md"
    text = path.read_text(encoding="utf-8")
    heading = re.compile(rf"^## {re.escape(version)}\b.*$", re.MULTILINE)
    if heading.search(text):
        text = heading.sub(f"## {version} ({date})", text, count=1)
    else:
        text = text.replace("\n## ", f"\n## {version} ({date})\n\n- A scratch entry.\n\n## ", 1)
    path.write_text(text, encoding="utf-8")


def set_version(repo: Path, version: str) -> None:
    """What 'scripts/release bump' leaves behind (its regen changes only API_VERSION here)."""
    path = repo / "coreclaw_ext" / "_version.py"
    path.write_text(
        re.sub(r'__version__ = "[^"]+"', f'__version__ = "{version}"', path.read_text()),
        encoding="utf-8",
    )
    release.set_spec_version(repo / "spec" / "openapi.yaml", version)
    index = repo / "generated" / "coreclaw_api" / "_spec_index.py"
    index.write_text(
        re.sub(r'API_VERSION = "[^"]+"', f'API_VERSION = "{version}"', index.read_text()),
        encoding="utf-8",
    )


_NOT_PROJECT = {
    ".venv",
    "node_modules",
    "build",
    "dist",
    ".git",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
}


def _project_files() -> list[Path]:
    """The files git would commit here; in an unpacked sdist (no git), every project file."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if listed.returncode == 0:
        return [ROOT / os.fsdecode(name) for name in listed.stdout.split(b"\0") if name]
    return [
        path
        for path in ROOT.rglob("*")
        if not _NOT_PROJECT & set(path.relative_to(ROOT).parts) and path.name != "PKG-INFO"
    ]


@pytest.fixture(scope="module")
def origin(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This work tree as git would commit it, with the current version's CHANGELOG entry dated."""
    repo = tmp_path_factory.mktemp("origin") / "repo"
    for source in _project_files():
        if source.is_file():
            (repo / source.relative_to(ROOT)).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / source.relative_to(ROOT))
    git(repo.parent, "init", "--quiet", "--initial-branch=main", str(repo))
    date_changelog(repo, ac.read_version(repo))
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "-m", "scratch")
    return repo


@pytest.fixture
def repo(origin: Path, tmp_path: Path) -> Path:
    clone = tmp_path / "repo"
    git(tmp_path, "clone", "--quiet", str(origin), str(clone))
    return clone


def gate(repo: Path, *args: str, make: bool = False) -> subprocess.CompletedProcess[str]:
    cmd = (
        ["make", "--no-print-directory", "-o", "venv", "release"]
        if make
        else [str(repo / "scripts" / "release"), *args]
    )
    return run(cmd, timeout=300, cwd=repo, env=GIT_ENV)


def refused(proc: subprocess.CompletedProcess[str], words: str) -> None:
    detail = describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert proc.returncode != 0, detail
    assert "REFUSED: " in proc.stderr and words in proc.stderr, detail
    assert "python -m twine upload" not in proc.stdout, detail


def commit(repo: Path, message: str) -> None:
    git(repo, "commit", "--quiet", "--all", "-m", message)


def test_refuses_a_dirty_tree(repo: Path) -> None:
    readme = repo / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nedited\n", encoding="utf-8")
    refused(gate(repo, make=True), "the work tree is not clean")


def test_refuses_an_untracked_file(repo: Path) -> None:
    (repo / "coreclaw_ext" / "_scratch.py").write_text("X = 1\n", encoding="utf-8")
    refused(gate(repo), "?? coreclaw_ext/_scratch.py")


def test_refuses_a_missing_changelog_entry(repo: Path) -> None:
    set_version(repo, "0.9.1")
    commit(repo, "bump without a changelog entry")
    refused(gate(repo), "CHANGELOG.md has no entry for 0.9.1")


def test_refuses_an_unreleased_changelog_entry(repo: Path) -> None:
    path = repo / "CHANGELOG.md"
    version = ac.read_version(repo)
    text = re.sub(
        rf"^## {re.escape(version)} .*$",
        f"## {version} (unreleased)",
        path.read_text(),
        count=1,
        flags=re.MULTILINE,
    )
    path.write_text(text, encoding="utf-8")
    commit(repo, "unreleased")
    refused(gate(repo), f"CHANGELOG.md marks {version} as unreleased")


def test_refuses_versions_that_disagree(repo: Path) -> None:
    path = repo / "coreclaw_ext" / "_version.py"
    path.write_text(path.read_text().replace(ac.read_version(repo), "7.7.7"), encoding="utf-8")
    commit(repo, "version edited by hand")
    refused(gate(repo), "run 'scripts/release bump 7.7.7'")


def test_refuses_a_version_already_tagged_elsewhere(repo: Path) -> None:
    version = ac.read_version(repo)
    git(repo, "tag", f"v{version}")
    (repo / "LICENSE").write_text((repo / "LICENSE").read_text() + "\n", encoding="utf-8")
    commit(repo, "after the release, same version")
    refused(gate(repo), f"v{version} already exists on commit")


def test_refuses_drift_from_the_upstream_digest(repo: Path) -> None:
    spec = repo / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    assert "      operationId: getWorkerRun\n" in text
    spec.write_text(
        text.replace("      operationId: getWorkerRun\n", "      operationId: fetchWorkerRun\n"),
        encoding="utf-8",
    )
    commit(repo, "renamed an operation")
    refused(gate(repo), "differs from spec/upstream-digest.json")


def _break_python_api(repo: Path) -> None:
    init = repo / "coreclaw_ext" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    assert '    "encode_task_id",\n' in text
    init.write_text(text.replace('    "encode_task_id",\n', "", 1), encoding="utf-8")
    waiting = repo / "coreclaw_ext" / "_waiting.py"
    text = waiting.read_text(encoding="utf-8")
    head = text.index("def wait_for_run(")
    end = text.index(":\n", text.index(") -> RunRecord", head))
    signature = text[head:end]
    assert "timeout: float = DEFAULT_WAIT_TIMEOUT," in signature
    changed = signature.replace("timeout: float = DEFAULT_WAIT_TIMEOUT,", "timeout: float,")
    changed = changed.replace(") -> RunRecord", ") -> RunRecord | None")
    waiting.write_text(text[:head] + changed + text[end:], encoding="utf-8")


def test_the_gate_refuses_a_breaking_change_without_a_major_bump(repo: Path) -> None:
    version = ac.read_version(repo)
    git(repo, "tag", "-a", f"v{version}", "-m", f"release {version}")
    git(repo, "checkout", "--quiet", "-b", "breaking")
    _break_python_api(repo)
    old = ac.parse_version(version)
    patch = f"{old.major}.{old.minor}.{old.micro + 1}"
    set_version(repo, patch)
    date_changelog(repo, patch)
    commit(repo, "a breaking change in a patch release")
    proc = gate(repo)
    refused(proc, f"3 breaking change(s) since {version} (v{version}) need a major version bump")
    for line in (
        "coreclaw_ext.encode_task_id: function removed",
        "coreclaw_ext.wait_for_run: parameter timeout became required",
        "coreclaw_ext.wait_for_run: return type changed: RunRecord -> RunRecord | None",
    ):
        assert line in proc.stdout, proc.stdout

    major = f"{old.major}.{old.minor + 1}.0" if old.major == 0 else f"{old.major + 1}.0.0"
    set_version(repo, major)
    date_changelog(repo, major)
    commit(repo, "the same change as a major release")
    proc = gate(repo, "--preflight")
    assert proc.returncode == 0, describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert "compatible: the version bump covers the changes" in proc.stdout
    assert "preflight passed" in proc.stdout


def test_the_gate_refuses_a_breaking_spec_change(repo: Path) -> None:
    """A response field dropped from our spec (the upstream digest has no response fields, so
    only the spec-level check can see it)."""
    version = ac.read_version(repo)
    git(repo, "tag", f"v{version}")
    spec = repo / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    field = "        err_msg:\n          type: string\n"
    start = text.index("    RunRecord:\n")
    at = text.index(field, start)
    end = text.index("\n", text.index("description:", at + len(field))) + 1
    spec.write_text(text[:at] + text[end:], encoding="utf-8")
    old = ac.parse_version(version)
    patch = f"{old.major}.{old.minor}.{old.micro + 1}"
    set_version(repo, patch)
    date_changelog(repo, patch)
    commit(repo, "a response field dropped")
    proc = gate(repo, "--preflight")
    refused(proc, "breaking change(s)")
    assert "getWorkerRun: response 200 field data.err_msg: removed" in proc.stdout, proc.stdout


def test_bump_sets_the_one_version_and_derives_the_rest(repo: Path) -> None:
    spec = repo / "spec" / "openapi.yaml"
    before = spec.read_text(encoding="utf-8").splitlines()
    proc = run([repo / "scripts" / "release", "bump", "3.1.0"], timeout=300, cwd=repo, env=GIT_ENV)
    assert proc.returncode == 0, describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert ac.read_version(repo) == "3.1.0"
    assert release.check_versions(repo) == "3.1.0"
    after = spec.read_text(encoding="utf-8").splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(changed) == 1 and changed[0][1] == "  version: 3.1.0", changed
    status = git(repo, "status", "--porcelain").split()
    assert sorted(status[1::2]) == [
        "coreclaw_ext/_version.py",
        "generated/coreclaw_api/_spec_index.py",
        "spec/openapi.yaml",
    ]
    assert yaml.safe_load(spec.read_text(encoding="utf-8"))["info"]["version"] == "3.1.0"
    bad = run([repo / "scripts" / "release", "bump", "three"], timeout=60, cwd=repo, env=GIT_ENV)
    assert bad.returncode == 1 and "not a version" in bad.stderr


def test_set_spec_version_quotes_what_yaml_would_read_as_a_number(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text(
        "openapi: 3.1.0\ninfo:\n  title: x\n  version: 0.1.0\npaths: {}\n", encoding="utf-8"
    )
    release.set_spec_version(path, "2.0")
    assert yaml.safe_load(path.read_text())["info"]["version"] == "2.0"
    assert '  version: "2.0"\n' in path.read_text()


def test_a_full_release_is_reproducible_and_uploads_nothing(repo: Path, tmp_path: Path) -> None:
    proc = gate(repo, make=True)
    detail = describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert proc.returncode == 0, detail
    version = ac.read_version(repo)
    out = proc.stdout
    assert "no previous release: compatibility check skipped" in out, detail
    printed = dict(
        (name, digest)
        for digest, name in re.findall(r"^  ([0-9a-f]{64})  (\S+)$", out, flags=re.MULTILINE)
    )
    assert sorted(printed) == [
        f"coreclaw_openapi-{version}-py3-none-any.whl",
        f"coreclaw_openapi-{version}.tar.gz",
    ], detail
    dist = repo / "dist"
    for name, digest in printed.items():
        assert hashlib.sha256((dist / name).read_bytes()).hexdigest() == digest
    assert '"run_slug": "RUN1"' in out and f'"cli": "coreclaw-py {version}"' in out, detail
    assert "Nothing was uploaded. To publish:" in out
    assert f"git tag -a v{version}" in out
    assert f"python -m twine upload dist/coreclaw_openapi-{version}-py3-none-any.whl" in out

    # Once more, from another export and folder: the very same bytes.
    tree = ac.export_tree(repo, "HEAD", tmp_path / "again")
    epoch = git(repo, "log", "-1", "--format=%ct").strip()
    again = release.build(tree, tmp_path / "again-dist", epoch)
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in again} == printed
    # dist/ is ignored by git, so the tree is still clean for the next run.
    assert git(repo, "status", "--porcelain") == ""
