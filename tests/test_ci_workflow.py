"""The hosted-CI workflow (.github/workflows/ci.yml): linted by zizmor, and holding what it must.

zizmor (pinned in requirements-dev.lock, so `make venv` brings it) runs offline: it checks the
workflow against GitHub's schema (--strict-collection) and audits it, pedantic persona, for
injection, unpinned actions, persisted credentials, broad permissions and the like. The rest
checks the content: the Python matrix is what pyproject.toml supports, the drift job runs
scripts/spec-diff against the digest, the release gate runs only on tags and after the tests.
"""

from __future__ import annotations

import os
import re
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.proc import ROOT, VENV_BIN, describe, run

WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def zizmor(*args: str | Path) -> list[str | Path]:
    exe = VENV_BIN / "zizmor"
    assert exe.is_file(), f"{exe} is missing: run 'make venv' (zizmor is in requirements-dev.lock)"
    return [exe, "--offline", "--no-config", "--color=never", "--no-progress", *args]


# Offline means offline: no token reaches zizmor, whatever the shell has.
OFFLINE_ENV = {
    k: v
    for k, v in os.environ.items()
    if k not in {"GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN", "GH_HOST"}
}


def load() -> dict[Any, Any]:
    doc = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


def steps(job: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = load()["jobs"][job]["steps"]
    return found


def commands(job: str) -> str:
    return "\n".join(step.get("run", "") for step in steps(job))


def test_zizmor_finds_nothing() -> None:
    proc = run(
        zizmor("--strict-collection", "--persona=pedantic", WORKFLOW),
        timeout=60,
        env=OFFLINE_ENV,
        replace_env=True,
    )
    assert proc.returncode == 0, describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert "No findings" in proc.stdout + proc.stderr


# name: (workflow, what zizmor must say about it)
BAD = {
    "injection.yml": (
        """\
        name: bad
        on: pull_request_target
        permissions: {}
        jobs:
          t:
            runs-on: ubuntu-24.04
            steps:
              - uses: actions/checkout@v4
              - run: echo "${{ github.event.pull_request.title }}"
        """,
        "template-injection",
    ),
    "schema.yml": (
        """\
        name: bad
        on: push
        jobs:
          t:
            runs-on: ubuntu-24.04
            stepz:
              - run: echo hi
        """,
        "'stepz' was unexpected",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_zizmor_really_lints(tmp_path: Path, name: str) -> None:
    """The linter runs offline and refuses a bad workflow, so a pass above means something."""
    path = tmp_path / ".github" / "workflows" / name
    path.parent.mkdir(parents=True)
    workflow, finding = BAD[name]
    path.write_text(textwrap.dedent(workflow), encoding="utf-8")
    proc = run(zizmor("--strict-collection", path), timeout=60, env=OFFLINE_ENV, replace_env=True)
    detail = describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert proc.returncode != 0, detail
    assert finding in proc.stdout + proc.stderr, detail


def supported_pythons() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    versions = [
        c.rsplit(" :: ", 1)[1]
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    lowest = re.fullmatch(r">=(3\.\d+)", project["requires-python"])
    assert lowest is not None, project["requires-python"]
    assert min(versions, key=lambda v: int(v.split(".")[1])) == lowest.group(1)
    return versions


def test_the_matrix_is_every_supported_python() -> None:
    job = load()["jobs"]["test"]
    assert job["strategy"]["matrix"]["python"] == supported_pythons()
    assert job["strategy"]["fail-fast"] is False
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
    assert setup["with"]["python-version"] == "${{ matrix.python }}"
    assert "make test" in commands("test")


def test_the_classifiers_claim_only_tested_pythons() -> None:
    """Honest classifiers: every version claimed is one CI tests (above), and the interpreter
    running this suite is one of them."""
    versions = supported_pythons()
    assert len(versions) == len(set(versions)), versions
    assert f"{sys.version_info.major}.{sys.version_info.minor}" in versions, versions
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "Programming Language :: Python :: 3 :: Only" in project["classifiers"]
    assert sum(c.startswith("Development Status :: ") for c in project["classifiers"]) == 1
    # The license is the SPDX expression (PEP 639); a License classifier beside it is refused.
    assert project["license"] == "MIT"
    assert not any(c.startswith("License :: ") for c in project["classifiers"])


def test_triggers() -> None:
    # PyYAML reads the key "on" as True (YAML 1.1).
    triggers = load()[True]
    assert triggers["push"]["tags"] == ["v*"]
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers
    assert "pull_request_target" not in triggers


def test_the_drift_check_runs_against_the_digest() -> None:
    assert "scripts/spec-diff --against-digest" in commands("drift")
    assert (ROOT / "scripts" / "spec-diff").stat().st_mode & 0o111


def test_the_release_gate_runs_on_tags_after_the_tests() -> None:
    job = load()["jobs"]["release-gate"]
    assert job["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert set(job["needs"]) == {"test", "drift"}
    assert "make release" in commands("release-gate")
    checkout = job["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0, "the compatibility check needs the older tags"
    assert "upload" not in commands("release-gate"), "the gate never uploads to an index"


def test_actions_are_pinned_and_permissions_minimal() -> None:
    doc = load()
    assert doc["permissions"] == {}
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)@(\S+)(?: # (v\S+))?", text)
    assert uses
    for action, ref, comment in uses:
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{action} is not pinned to a commit: {ref}"
        assert comment, f"{action}@{ref} lacks its '# vX.Y.Z' comment"
    for name, job in doc["jobs"].items():
        assert job.get("permissions") == {"contents": "read"}, name
        assert "timeout-minutes" in job, name
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False, name


def test_run_blocks_are_valid_shell_and_name_real_make_targets(tmp_path: Path) -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    phony = set(re.search(r"^\.PHONY: (.*)$", makefile, re.MULTILINE).group(1).split())  # type: ignore[union-attr]
    for name in load()["jobs"]:
        for index, step in enumerate(steps(name)):
            script = step.get("run")
            if script is None:
                continue
            path = tmp_path / f"{name}-{index}.sh"
            path.write_text(script, encoding="utf-8")
            proc = run(["bash", "-n", path], timeout=30)
            assert proc.returncode == 0, describe(proc.args, script, proc.stderr, proc.returncode)
            for target in re.findall(r"\bmake (\w[\w-]*)", script):
                assert target in phony, f"{name}: make {target} is not a Makefile target"
