"""Build the wheel and sdist, check what is inside, and use the wheel from a fresh venv.

The build runs with ``--no-isolation`` (build and hatchling come from the current venv), so it
needs no network. The fresh venv is a plain one (no system site-packages); pip installs the
wheel's dependencies from whatever package index this machine is configured with.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tarfile
import textwrap
import zipfile
from dataclasses import dataclass
from email.message import Message
from email.parser import Parser
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import coreclaw_ext
from tests.proc import ROOT, assert_ok, describe, run

DIST_NAME = "coreclaw-openapi"
# httpx, attrs and python-dateutil are the generated code's; sniffio is there for async
# throughput (see pyproject.toml); jsonschema checks Worker input (validate=True); aiohttp only
# under the [aiohttp] extra, msgspec only under [fast-json].
ALLOWED_DEPENDENCIES = {"httpx", "attrs", "python-dateutil", "sniffio", "jsonschema"}
EXTRAS = {"aiohttp": {"aiohttp"}, "fast-json": {"msgspec"}}


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    outdir = tmp_path_factory.mktemp("dist")
    proc = run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", outdir, ROOT],
        timeout=300,
    )
    assert_ok(proc)
    wheels = sorted(outdir.glob("*.whl"))
    sdists = sorted(outdir.glob("*.tar.gz"))
    assert len(wheels) == 1, f"expected one wheel in {outdir}: {sorted(outdir.iterdir())}"
    assert len(sdists) == 1, f"expected one sdist in {outdir}: {sorted(outdir.iterdir())}"
    return Built(wheel=wheels[0], sdist=sdists[0])


def _wheel_names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as zf:
        return zf.namelist()


def _wheel_metadata(wheel: Path) -> Message:
    with zipfile.ZipFile(wheel) as zf:
        names = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        assert len(names) == 1, f"expected one METADATA in the wheel, got {names}"
        text = zf.read(names[0]).decode("utf-8")
    return Parser().parsestr(text)


def _spec_version() -> str:
    with (ROOT / "spec" / "openapi.yaml").open(encoding="utf-8") as fh:
        version = yaml.safe_load(fh)["info"]["version"]
    assert isinstance(version, str)
    return version


def test_wheel_contents(built: Built) -> None:
    names = set(_wheel_names(built.wheel))
    for required in (
        "coreclaw_api/__init__.py",
        "coreclaw_api/py.typed",
        "coreclaw_api/_spec_index.py",
        "coreclaw_ext/__init__.py",
        "coreclaw_ext/py.typed",
        "coreclaw_ext/_version.py",
    ):
        assert required in names, f"{required} missing from {built.wheel.name}: {sorted(names)}"
    misplaced = sorted(n for n in names if n.startswith("generated/"))
    assert not misplaced, f"wheel keeps the generated/ prefix: {misplaced}"
    stray = sorted(
        n
        for n in names
        if not n.startswith(("coreclaw_api/", "coreclaw_ext/")) and ".dist-info/" not in n
    )
    assert not stray, f"unexpected top-level files in the wheel: {stray}"
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in names), sorted(names)


def test_wheel_metadata(built: Built) -> None:
    meta = _wheel_metadata(built.wheel)
    assert meta["Name"] == DIST_NAME
    assert meta["Version"] == coreclaw_ext.__version__
    assert meta["Version"] == _spec_version()
    assert meta["Requires-Python"] == ">=3.11"
    assert meta["License-Expression"] == "MIT"
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert set(urls) == {"Repository", "Documentation", "Changelog", "Issues"}, urls
    repo = urls["Repository"]
    assert repo.startswith("https://github.com/"), repo
    assert urls["Issues"] == f"{repo}/issues"
    assert urls["Changelog"].startswith(f"{repo}/blob/main/"), urls
    assert any(c.startswith("Development Status :: ") for c in meta.get_all("Classifier") or [])
    runtime: set[str] = set()
    extras: dict[str, set[str]] = {}
    for line in meta.get_all("Requires-Dist") or []:
        req = Requirement(line)
        if req.marker is not None and "extra" in str(req.marker):
            extra = str(req.marker).split("==")[1].strip().strip("'\"")
            extras.setdefault(extra, set()).add(canonicalize_name(req.name))
            continue
        runtime.add(canonicalize_name(req.name))
    assert extras == EXTRAS
    assert runtime == ALLOWED_DEPENDENCIES, (
        f"runtime dependencies must be exactly {sorted(ALLOWED_DEPENDENCIES)}, "
        f"got {sorted(runtime)}"
    )


def test_sdist_contents(built: Built) -> None:
    with tarfile.open(built.sdist, "r:gz") as tf:
        names = tf.getnames()
    prefix = built.sdist.name.removesuffix(".tar.gz") + "/"
    assert all(n.startswith(prefix) for n in names), f"sdist entries outside {prefix}: {names}"
    relative = {n.removeprefix(prefix) for n in names}
    for required in (
        "pyproject.toml",
        "spec/openapi.yaml",
        "generated/coreclaw_api/__init__.py",
        "generated/coreclaw_api/py.typed",
        "coreclaw_ext/__init__.py",
        *SDIST_EXTRAS,
    ):
        assert required in relative, f"{required} missing from {built.sdist.name}"
    for folder in SDIST_FOLDERS:
        assert any(n.startswith(folder + "/") for n in relative), (
            f"{folder}/ missing from {built.sdist.name}"
        )
    assert not any("__pycache__" in n or n.endswith(".pyc") for n in relative), sorted(relative)


# Beyond the package sources: what the sdist's own test suite reads or runs.
SDIST_FOLDERS = ("tests", "scripts", "examples", "benchmarks", "docs", ".ci", ".github")
SDIST_EXTRAS = tuple(
    name
    for name in (
        "Makefile",
        "package.json",
        "package-lock.json",
        ".spectral.yaml",
        "requirements-dev.lock",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        ".github/workflows/ci.yml",
        "docs/build.py",
    )
    if (ROOT / name).exists()
)


def _collected(cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    proc = run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        timeout=300,
        cwd=cwd,
        env=env,
        replace_env=True,
    )
    detail = describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert proc.returncode == 0, detail
    found = re.search(r"^(\d+) tests? collected", proc.stdout, re.MULTILINE)
    assert found is not None, detail
    assert "error" not in proc.stdout.lower().split(found.group(0))[-1], detail
    return int(found.group(1)), detail


@pytest.fixture(scope="module")
def unpacked_sdist(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("sdist")
    with tarfile.open(built.sdist, "r:gz") as tf:
        tf.extractall(dest, filter="data")
    (top,) = dest.iterdir()
    return top


def _sdist_env(top: Path) -> dict[str, str]:
    # The repo's venv (this interpreter) with the unpacked sources first on the path.
    env = _clean_env()
    env["PYTHONPATH"] = os.pathsep.join([str(top), str(top / "generated")])
    return env


@pytest.mark.timeout(600)
def test_sdist_collects_the_whole_suite(unpacked_sdist: Path) -> None:
    """Collecting proves every test module imports and finds its files; running all of it
    here would double the suite's time."""
    in_repo, _ = _collected(ROOT, _clean_env())
    in_sdist, detail = _collected(unpacked_sdist, _sdist_env(unpacked_sdist))
    assert in_sdist == in_repo, f"the sdist collects {in_sdist} tests, the repo {in_repo}\n{detail}"


@pytest.mark.timeout(600)
def test_sdist_runs_a_fast_subset(unpacked_sdist: Path) -> None:
    env = _sdist_env(unpacked_sdist)
    probe = run(
        [
            sys.executable,
            "-c",
            "import coreclaw_api, coreclaw_ext; print(coreclaw_api.__file__); "
            "print(coreclaw_ext.__file__)",
        ],
        timeout=60,
        cwd=unpacked_sdist,
        env=env,
        replace_env=True,
    )
    assert_ok(probe)
    for line in probe.stdout.split():
        assert Path(line).resolve().is_relative_to(unpacked_sdist.resolve()), probe.stdout
    proc = run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_spec_parity.py",
            "tests/test_shape_check.py",
        ],
        timeout=300,
        cwd=unpacked_sdist,
        env=env,
        replace_env=True,
    )
    assert_ok(proc)
    assert " passed" in proc.stdout, describe(proc.args, proc.stdout, proc.stderr, proc.returncode)


# Runs inside the fresh venv: a loopback server answering POST with a rerun envelope.
_SMOKE = textwrap.dedent(
    """
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    import coreclaw_api
    import coreclaw_ext
    from coreclaw_ext import create_client

    seen = []
    BODY = json.dumps(
        {"code": 0, "message": "success", "request_id": "r", "data": {"run_slug": "RUN1"}}
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            seen.append(["POST", self.path])
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = "http://127.0.0.1:%d" % server.server_address[1]
        result = coreclaw_ext.rerun_worker_last_run(create_client("k", base_url=url), "owner/name")
    finally:
        server.shutdown()
        server.server_close()
    print(result.run_slug)
    print(json.dumps({
        "run_slug": result.run_slug,
        "requests": seen,
        "coreclaw_api": coreclaw_api.__file__,
        "coreclaw_ext": coreclaw_ext.__file__,
    }))
    """
)


def _clean_env() -> dict[str, str]:
    env = dict(os.environ)
    for name in (
        "PYTHONPATH",
        "PYTHONHOME",
        "VIRTUAL_ENV",
        "CORECLAW_API_KEY",
        "CORECLAW_BASE_URL",
    ):
        env.pop(name, None)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.mark.timeout(600)
def test_wheel_works_in_fresh_venv(built: Built, tmp_path: Path) -> None:
    env = _clean_env()
    venv_dir = tmp_path / "venv"
    assert_ok(
        run(
            [sys.executable, "-m", "venv", venv_dir],
            timeout=120,
            cwd=tmp_path,
            env=env,
            replace_env=True,
        )
    )
    cfg = (venv_dir / "pyvenv.cfg").read_text(encoding="utf-8")
    assert "include-system-site-packages = false" in cfg, cfg
    python = venv_dir / "bin" / "python"

    proc = run(
        [python, "-m", "pip", "install", "--disable-pip-version-check", built.wheel],
        timeout=300,
        cwd=tmp_path,
        env=env,
        replace_env=True,
    )
    assert_ok(proc)

    # cwd is tmp_path, not the repo, so the imports can only come from the fresh venv.
    proc = run([python, "-c", _SMOKE], timeout=120, cwd=tmp_path, env=env, replace_env=True)
    assert_ok(proc)
    detail = describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert "RUN1" in proc.stdout, detail
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["run_slug"] == "RUN1", detail
    assert report["requests"] == [["POST", "/api/v2/workers/owner~name/runs/last/rerun"]], detail
    site = venv_dir.resolve()
    for module in ("coreclaw_api", "coreclaw_ext"):
        location = Path(report[module]).resolve()
        assert location.is_relative_to(site), f"{module} imported from {location}, not {site}"
        assert "site-packages" in location.parts, f"{module} imported from {location}"
