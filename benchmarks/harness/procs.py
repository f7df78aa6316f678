"""Fresh processes, timed: a Python statement (the child times it itself) or any command.

Every child of a run (``bytecode_cache()``, all profiles but smoke) uses one private
``PYTHONPYCACHEPREFIX`` that the warm-up fills: this project's machines set
``PYTHONDONTWRITEBYTECODE=1``, which would compile our modules from source on every run but
not httpx's (site-packages has byte code), and a wheel install has byte code for everything.
The parent times the whole process and waits without a timeout (a timed ``Popen.wait`` polls
in steps of up to 50 ms); a timer kills a child that hangs.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from .common import ROOT, rotated

CHILD_TIMEOUT = 60.0


@dataclass(frozen=True)
class Probe:
    name: str
    argv: tuple[str, ...]
    timed_inside: bool  # the child prints its own statement time as its last line
    env: dict[str, str] = field(default_factory=dict)


def python_probe(name: str, statement: str | None) -> Probe:
    """``python -c`` that times ``statement`` (None: nothing, a bare interpreter)."""
    code = "import time as _t\n_s = _t.perf_counter()\n"
    if statement:
        code += f"{statement}\n"
    code += "print(_t.perf_counter() - _s)\n"
    return Probe(name, (sys.executable, "-c", code), timed_inside=True)


def command_probe(name: str, argv: Sequence[str], env: dict[str, str] | None = None) -> Probe:
    return Probe(name, tuple(argv), timed_inside=False, env=dict(env or {}))


_cache_dir: str | None = None  # set by bytecode_cache() for the whole run


@contextmanager
def bytecode_cache() -> Iterator[None]:
    """One private byte-code cache for every child of the run (removed at the end)."""
    global _cache_dir  # noqa: PLW0603 - one cache for the run, shared by every section
    with tempfile.TemporaryDirectory(prefix="bench-pyc-") as cache_dir:
        _cache_dir = cache_dir
        try:
            yield
        finally:
            _cache_dir = None


@contextmanager
def bytecode_env() -> Iterator[dict[str, str]]:
    """The children's environment, without CORECLAW_* settings, using the run's byte-code
    cache when ``bytecode_cache()`` is active (else the environment as it is: the smoke
    profile, whose numbers mean nothing, saves compiling the standard library)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORECLAW_")}
    if _cache_dir is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = _cache_dir
    yield env


def run_probe(probe: Probe, env: dict[str, str]) -> tuple[float, float | None]:
    """(whole-process wall, the child's own statement time or None) in seconds."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        probe.argv,
        cwd=ROOT,
        env={**env, **probe.env},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(CHILD_TIMEOUT, proc.kill)
    watchdog.start()
    try:
        out, err = proc.communicate()
    finally:
        watchdog.cancel()
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(
            f"probe {probe.name} failed with exit code {proc.returncode}: {err.strip()[-500:]}"
        )
    inside = float(out.strip().rsplit("\n", 1)[-1]) if probe.timed_inside else None
    return wall, inside


@dataclass
class ProbeTimes:
    whole: list[float] = field(default_factory=list)
    inside: list[float] = field(default_factory=list)


def interleave_probes(
    probes: Sequence[Probe], rounds: int, env: dict[str, str], warm_up: bool = True
) -> dict[str, ProbeTimes]:
    """One warm-up run of each probe, then ``rounds`` rotated rounds of all of them."""
    for probe in probes if warm_up else ():  # warm-up: byte-code caches, page cache
        run_probe(probe, env)
    result = {probe.name: ProbeTimes() for probe in probes}
    by_name = {probe.name: probe for probe in probes}
    for rnd in range(rounds):
        for name in rotated(list(by_name), rnd):
            whole, inside = run_probe(by_name[name], env)
            result[name].whole.append(whole)
            if inside is not None:
                result[name].inside.append(inside)
    return result
