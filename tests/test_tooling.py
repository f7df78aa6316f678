"""The project's quality gates, run as subprocesses: each must pass on the working tree.

Spec validators (openapi-spec-validator, Spectral, Redocly), the regen drift check, mypy
(strict, per pyproject) and ruff. Tools come from the venv of the running interpreter, so
the suite works from any venv that has the dev tools installed. Every subprocess has a
bounded timeout.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from coreclaw_api import _spec_index

import coreclaw_ext
from tests import spec_cases
from tests.proc import (
    REGEN_ENV,
    ROOT,
    VENV_BIN,
    assert_ok,
    copy_for_regen,
    describe,
    regen_check_in,
    run,
)

SPEC = ROOT / "spec" / "openapi.yaml"
VENV = VENV_BIN.parent
NODE_BIN = ROOT / "node_modules" / ".bin"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def venv_tool(name: str, module: str) -> list[str]:
    """The console script ``name`` of this venv, or ``python -m module`` when it is missing."""
    exe = VENV_BIN / name
    if exe.is_file() and os.access(exe, os.X_OK):
        return [str(exe)]
    return [sys.executable, "-m", module]


def node_tool(name: str) -> str:
    exe = NODE_BIN / name
    assert exe.exists(), f"{exe} is missing; run 'make node' (npm ci)"
    return str(exe)


def load_spec() -> dict[str, Any]:
    with SPEC.open(encoding="utf-8") as fh:
        spec = yaml.safe_load(fh)
    assert isinstance(spec, dict), "spec/openapi.yaml is not a YAML mapping"
    return spec


# --- spec validators ----------------------------------------------------------------------


def test_openapi_spec_validator() -> None:
    cmd = [*venv_tool("openapi-spec-validator", "openapi_spec_validator"), str(SPEC)]
    proc = run(cmd, timeout=120)
    assert_ok(proc)
    assert "OK" in proc.stdout, describe(proc.args, proc.stdout, proc.stderr, proc.returncode)


# A Spectral "stylish" result line: "  12:3  error  rule-name  message  path".
_SPECTRAL_ERROR = re.compile(r"^\s*\d+:\d+\s+error\s", re.MULTILINE)


def test_spectral_lint() -> None:
    cmd = [node_tool("spectral"), "lint", str(SPEC), "--fail-severity=error"]
    proc = run(cmd, timeout=180)
    assert_ok(proc)
    output = proc.stdout + proc.stderr
    errors = _SPECTRAL_ERROR.findall(output)
    assert not errors, "spectral reported errors:\n" + output


def test_redocly_lint() -> None:
    cmd = [node_tool("redocly"), "lint", str(SPEC)]
    env = {"REDOCLY_TELEMETRY": "off", "REDOCLY_SUPPRESS_UPDATE_NOTICE": "true"}
    proc = run(cmd, timeout=180, env=env)
    assert_ok(proc)


# --- generated code -----------------------------------------------------------------------


def test_regen_check_up_to_date() -> None:
    proc = run([ROOT / "scripts" / "regen.sh", "--check"], timeout=300, env=REGEN_ENV)
    assert_ok(proc)
    assert "up to date" in proc.stdout, describe(
        proc.args, proc.stdout, proc.stderr, proc.returncode
    )


@pytest.fixture
def regen_copy(tmp_path: Path) -> Path:
    return copy_for_regen(tmp_path / "repo")


def test_regen_check_passes_on_unmodified_copy(regen_copy: Path) -> None:
    proc = regen_check_in(regen_copy)
    assert_ok(proc)


def _modify(pkg: Path) -> str:
    target = pkg / "client.py"
    target.write_text(target.read_text(encoding="utf-8") + "\n# hand edit\n", encoding="utf-8")
    return "client.py"


def _add_leftover(pkg: Path) -> str:
    (pkg / "models" / "leftover_model.py").write_text("LEFTOVER = 1\n", encoding="utf-8")
    return "leftover_model.py"


def _delete(pkg: Path) -> str:
    (pkg / "types.py").unlink()
    return "types.py"


@pytest.mark.parametrize(
    "damage", [_modify, _add_leftover, _delete], ids=["modified", "leftover", "deleted"]
)
def test_regen_check_detects_drift(regen_copy: Path, damage: Any) -> None:
    pkg = regen_copy / "generated" / "coreclaw_api"
    assert pkg.is_dir()
    name = damage(pkg)
    proc = regen_check_in(regen_copy)
    detail = describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert proc.returncode == 1, detail
    assert name in proc.stdout, detail
    assert "stale" in proc.stderr, detail


# --- Python gates -------------------------------------------------------------------------


def test_mypy_strict() -> None:
    # Options (strict, packages coreclaw_ext and coreclaw_api, mypy_path) come from pyproject.
    proc = run([*venv_tool("mypy", "mypy")], timeout=300)
    assert_ok(proc)
    assert "Success" in proc.stdout, describe(proc.args, proc.stdout, proc.stderr, proc.returncode)


def test_ruff_check() -> None:
    proc = run([*venv_tool("ruff", "ruff"), "check", "--no-cache", "."], timeout=120)
    assert_ok(proc)


# --- spec facts ---------------------------------------------------------------------------


def test_versions_agree() -> None:
    spec_version = load_spec()["info"]["version"]
    assert isinstance(spec_version, str), f"info.version must be a string: {spec_version!r}"
    assert spec_version == coreclaw_ext.__version__
    assert spec_version == _spec_index.API_VERSION


def _operations(path_items: Mapping[str, Any], where: str) -> Iterator[tuple[str, Any]]:
    for path, item in path_items.items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            label = f"{where} {method.upper()} {path}"
            yield label, op
            for cb_name, callback in (op.get("callbacks") or {}).items():
                if isinstance(callback, dict):
                    yield from _operations(callback, f"{label} callback {cb_name}:")


def test_response_status_keys_are_strings() -> None:
    spec = load_spec()
    checked = 0
    bad: list[str] = []
    for section in ("paths", "webhooks"):
        for label, op in _operations(spec.get(section) or {}, section):
            responses = op.get("responses")
            assert isinstance(responses, dict) and responses, f"{label}: no responses"
            for key in responses:
                checked += 1
                if not isinstance(key, str):
                    bad.append(f"{label}: {key!r} ({type(key).__name__})")
    assert checked > 0, "no operation responses found in the spec"
    assert not bad, "response status keys must be quoted strings in YAML:\n" + "\n".join(bad)


def test_package_imports_lazily_but_exports_everything() -> None:
    code = (
        "import sys, coreclaw_ext as c\n"
        "assert 'httpx' not in sys.modules and 'coreclaw_api' not in sys.modules\n"
        "missing = [n for n in c.__all__ if getattr(c, n, None) is None]\n"
        "assert not missing, missing\n"
        "assert set(dir(c)) >= set(c.__all__)\n"
        "print('ok')\n"
    )
    proc = run([sys.executable, "-c", code], timeout=60)
    assert_ok(proc)
    assert proc.stdout.strip() == "ok"


def _loaded(op: Any) -> list[str]:
    # waiting polls the new run's record, so a run start with wait support loads that too.
    own = [f"{op.resource}.{op.name}"]
    return sorted([*own, "worker_runs.get_worker_run"] if op.waits else own)


@pytest.mark.parametrize("op", spec_cases.ops(), ids=lambda op: op.name)
def test_a_convenience_loads_only_its_own_operation(op: Any) -> None:
    code = (
        "import sys, coreclaw_ext as c\n"
        f"getattr(c, {op.name!r})\n"
        "prefix = 'coreclaw_api.api.'\n"
        "print(sorted({m[len(prefix):] for m in sys.modules if m.startswith(prefix)"
        " and m.count('.') == 3}))\n"
    )
    proc = run([sys.executable, "-c", code], timeout=60)
    assert_ok(proc)
    assert proc.stdout.strip() == repr(_loaded(op))


def test_regen_refuses_models_that_import_each_other(regen_copy: Path) -> None:
    # Two schemas holding each other: our model template imports models at module level, so
    # the generated pair would fail on import; regen must say so rather than write it.
    spec = regen_copy / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")
    pair = (
        "    CycleA:\n      type: object\n      properties:\n"
        "        b:\n          $ref: '#/components/schemas/CycleB'\n"
        "    CycleB:\n      type: object\n      properties:\n"
        "        a:\n          $ref: '#/components/schemas/CycleA'\n"
    )
    spec.write_text(text.replace("\n  schemas:\n", "\n  schemas:\n" + pair, 1), encoding="utf-8")
    proc = run([regen_copy / "scripts" / "regen.sh"], timeout=300, cwd=regen_copy, env=REGEN_ENV)
    detail = describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert proc.returncode != 0, detail
    assert "cannot be imported first" in proc.stderr, detail
