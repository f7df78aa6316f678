"""Running a command from a test with a hard timeout and a readable failure message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Not resolved: .venv/bin/python is usually a symlink to the base interpreter.
VENV_BIN = Path(sys.executable).parent
REGEN_ENV = {"CORECLAW_VENV": str(VENV_BIN.parent)}


def describe(cmd: Sequence[str], out: str, err: str, rc: int | None) -> str:
    return (
        f"command: {' '.join(map(str, cmd))}\nexit code: {rc}\n"
        f"--- stdout ---\n{out}\n--- stderr ---\n{err}"
    )


def run(
    cmd: Sequence[str | Path],
    *,
    timeout: float,
    cwd: Path = ROOT,
    env: Mapping[str, str] | None = None,
    replace_env: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run ``cmd``; ``env`` is added to this process's environment (or replaces it with
    ``replace_env``). A timeout fails the test with whatever was printed."""
    args = [str(part) for part in cmd]
    full_env = dict(env or {}) if replace_env else {**os.environ, **(env or {})}
    try:
        return subprocess.run(
            args,
            cwd=cwd,
            env=full_env,
            capture_output=True,
            text=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode(errors="replace") if isinstance(exc.stdout, bytes) else ""
        err = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else ""
        pytest.fail(f"timed out after {timeout} s\n" + describe(args, out, err, None))


def assert_ok(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 0, describe(proc.args, proc.stdout, proc.stderr, proc.returncode)


_COPY_IGNORE = shutil.ignore_patterns("__pycache__", ".ruff_cache", ".mypy_cache", "*.pyc")


def copy_for_regen(dest: Path) -> Path:
    """A minimal copy of the repo that regen.sh can run in (it finds its root from itself)."""
    dest.mkdir()
    for name in ("spec", "scripts", "generated"):
        shutil.copytree(ROOT / name, dest / name, ignore=_COPY_IGNORE)
    (dest / "coreclaw_ext").mkdir()
    shutil.copytree(
        ROOT / "coreclaw_ext" / "_generated",
        dest / "coreclaw_ext" / "_generated",
        ignore=_COPY_IGNORE,
    )
    # An input of regen: it writes the operations' shape checks into the spec index.
    shutil.copy2(ROOT / "coreclaw_ext" / "_shape_compiler.py", dest / "coreclaw_ext")
    for name in ("requirements-dev.lock", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    return dest


def regen_check_in(copy: Path) -> subprocess.CompletedProcess[str]:
    return run([copy / "scripts" / "regen.sh", "--check"], timeout=300, cwd=copy, env=REGEN_ENV)
