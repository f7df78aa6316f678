"""The release gate (run as scripts/release or make release). It never uploads.

    scripts/release                  check, build twice, twine check, smoke-test; print the upload
    scripts/release --preflight      only the checks before the build (fast)
    scripts/release bump X.Y.Z       set the version: coreclaw_ext/_version.py, then the spec's
                                     info.version and the generated API_VERSION (by regen)

The version lives in coreclaw_ext/_version.py (hatchling reads it for the wheel);
spec/openapi.yaml's info.version and coreclaw_api._spec_index.API_VERSION are derived from it
by ``bump`` and must not be edited by hand (the gate and tests/test_tooling.py check that all
three agree).

The gate refuses, in this order: a dirty work tree (changed, staged or untracked files); the
three versions disagreeing; no CHANGELOG.md entry ``## X.Y.Z`` (or one still marked
unreleased, or empty); a tag vX.Y.Z that exists on another commit; our spec drifting from
spec/upstream-digest.json (scripts/spec-diff --against-digest); breaking changes since the
previous release tag without a major bump (scripts/api_compat.py); two builds of the same
commit that differ. The builds come from ``git archive HEAD`` (only committed files), with
``SOURCE_DATE_EPOCH`` set to the commit's time, by ``python -m build --no-isolation`` with the
pinned hatchling of this venv. Then ``twine check --strict``, a fresh venv with only the wheel
installed, and a smoke test there (imports, versions, the console script, one call against a
loopback server). Exit 0 when the release is ready, 1 when refused, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import yaml

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:  # run as a script it is sys.path[0] already
    sys.path.append(_HERE)
import api_compat  # noqa: E402 - the sibling scripts, found through the path above
import spec_diff  # noqa: E402
import spec_digest as sd  # noqa: E402

ROOT = sd.ROOT
DIST_NAME = "coreclaw-openapi"
FILE_STEM = "coreclaw_openapi"
SPEC = Path("spec") / "openapi.yaml"
SPEC_INDEX = Path("generated") / "coreclaw_api" / "_spec_index.py"
CHANGELOG = Path("CHANGELOG.md")
API_VERSION_LINE = re.compile(r'^API_VERSION = "([^"]+)"$', re.MULTILINE)
HEADING = re.compile(r"^## +(\S+)(.*)$")
BUILD_TIMEOUT = 300.0
INSTALL_TIMEOUT = 600.0


class Refused(Exception):
    """The release is not ready: exit 1."""


def _run(
    cmd: list[str], *, cwd: Path, timeout: float = 120.0, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def git(repo: Path, *args: str) -> str:
    proc = _run(["git", *args], cwd=repo)
    if proc.returncode != 0:
        raise Refused(f"git {' '.join(args)}: {proc.stderr.strip() or proc.stdout.strip()}")
    return proc.stdout.strip()


def _step(text: str) -> None:
    print(f"release: {text}", flush=True)


# --- the versions --------------------------------------------------------------------------


def spec_version(tree: Path) -> str:
    doc, _ = sd.load_document(tree / SPEC)
    info = doc.get("info", {})
    version = info.get("version") if isinstance(info, dict) else None
    if not isinstance(version, str):
        raise Refused(f"{SPEC}: info.version must be a string, got {version!r}")
    return version


def index_version(tree: Path) -> str | None:
    path = tree / SPEC_INDEX
    match = API_VERSION_LINE.search(path.read_text(encoding="utf-8")) if path.exists() else None
    return match.group(1) if match else None


def check_versions(tree: Path) -> str:
    """The one version, after checking that its derived copies agree with it."""
    try:
        version = api_compat.read_version(tree)
        parsed = api_compat.parse_version(version)
    except api_compat.CompatError as exc:
        raise Refused(str(exc)) from exc
    if str(parsed) != version:
        raise Refused(f"version {version!r} is not in canonical form ({parsed})")
    derived = {
        str(SPEC) + " info.version": spec_version(tree),
        str(SPEC_INDEX): index_version(tree),
    }
    wrong = [f"{where} has {found}" for where, found in derived.items() if found != version]
    if wrong:
        raise Refused(
            f"{api_compat.VERSION_FILE} says {version} but " + ", ".join(wrong) + ": run "
            f"'scripts/release bump {version}' (the spec's version is derived, never edited)"
        )
    return version


def check_changelog(tree: Path, version: str) -> None:
    path = tree / CHANGELOG
    if not path.exists():
        raise Refused(f"{CHANGELOG} is missing")
    lines = path.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        match = HEADING.match(line)
        if match is None or match.group(1) != version:
            continue
        if "unreleased" in match.group(2).lower():
            raise Refused(
                f"{CHANGELOG} marks {version} as unreleased: replace '{match.group(2).strip()}' "
                "with the release date in the release commit"
            )
        body = []
        for following in lines[index + 1 :]:
            if following.startswith("## "):
                break
            body.append(following)
        if not any(text.strip() for text in body):
            raise Refused(f"{CHANGELOG}: the {version} entry is empty")
        return
    raise Refused(f"{CHANGELOG} has no entry for {version} (a heading '## {version} (date)')")


# --- the checks before a build -------------------------------------------------------------


def check_clean(repo: Path) -> None:
    git(repo, "rev-parse", "--verify", "HEAD")
    status = git(repo, "status", "--porcelain", "--untracked-files=all")
    if status:
        entries = status.splitlines()
        shown = "\n  ".join(entries[:10]) + ("\n  ..." if len(entries) > 10 else "")
        raise Refused(
            "the work tree is not clean (commit or remove these first; a release is built "
            f"from the commit, and must be reproducible from it):\n  {shown}"
        )


def check_tag(repo: Path, version: str) -> str | None:
    """The tag of this version when it already points at HEAD; refuses one elsewhere."""
    tag = f"{api_compat.TAG_PREFIX}{version}"
    found = _run(
        ["git", "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}^{{commit}}"], cwd=repo
    )
    if found.returncode != 0:
        return None
    if found.stdout.strip() != git(repo, "rev-parse", "HEAD"):
        raise Refused(
            f"{tag} already exists on commit {found.stdout.strip()[:12]}: "
            f"{version} is released; bump the version"
        )
    return tag


def check_drift(tree: Path) -> None:
    spec_doc, raw = sd.load_document(tree / SPEC)
    ours = sd.digest(spec_doc, raw)
    upstream = sd.load_digest(tree / "spec" / "upstream-digest.json")
    deviations = spec_diff.load_deviations(tree / "spec" / "upstream-deviations.yaml")
    result = spec_diff.report(upstream, ours, deviations, notes=[], upstream_changes=None)
    if not result["equal"]:
        lines = [d.line for d in result["differences"]]
        lines += [f"stale deviation: {s['line']}" for s in result["stale_deviations"]]
        raise Refused(
            "spec/openapi.yaml differs from spec/upstream-digest.json (scripts/spec-diff "
            "--against-digest):\n  " + "\n  ".join(lines)
        )


def check_compat(repo: Path, tree: Path, work: Path, against: str | None) -> None:
    try:
        verdict = api_compat.gate(repo, tree, against_tag=against, work=work)
    except api_compat.CompatError as exc:
        raise Refused(f"compatibility check: {exc}") from exc
    report = api_compat.render(verdict)
    for line in report.splitlines():
        print(f"  {line}")
    if not verdict.ok:
        raise Refused("; ".join(verdict.problems))


def preflight(repo: Path, work: Path, against: str | None) -> tuple[str, Path, str | None]:
    """The checks before a build; returns the version, the exported tree of HEAD and the tag."""
    _step("the work tree is clean")
    check_clean(repo)
    tree = api_compat.export_tree(repo, "HEAD", work / "head")
    _step("one version (coreclaw_ext/_version.py; the spec and _spec_index agree)")
    version = check_versions(tree)
    _step(f"CHANGELOG.md has an entry for {version}")
    check_changelog(tree, version)
    tag = check_tag(repo, version)
    _step("spec/openapi.yaml matches the upstream digest")
    try:
        check_drift(tree)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise Refused(f"drift check: {exc}") from exc
    _step("compatibility with the previous release")
    check_compat(repo, tree, work / "compat", against)
    return version, tree, tag


# --- building and trying the result -----------------------------------------------------------


def source_date_epoch(repo: Path) -> str:
    return os.environ.get("SOURCE_DATE_EPOCH") or git(repo, "log", "-1", "--format=%ct", "HEAD")


def build(tree: Path, outdir: Path, epoch: str) -> list[Path]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "PYTHONDONTWRITEBYTECODE": "1"}
    proc = _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(outdir), str(tree)],
        cwd=tree,
        env=env,
        timeout=BUILD_TIMEOUT,
    )
    if proc.returncode != 0:
        raise Refused(f"the build failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    built = sorted(outdir.iterdir())
    if sorted(p.suffix for p in built) != [".gz", ".whl"]:
        raise Refused(f"expected one sdist and one wheel, got {[p.name for p in built]}")
    return built


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reproducible_build(repo: Path, work: Path) -> tuple[list[Path], str]:
    """Builds HEAD twice, from two exports in different folders; refuses unless identical."""
    epoch = source_date_epoch(repo)
    runs = []
    for name in ("a", "b"):
        tree = api_compat.export_tree(repo, "HEAD", work / f"build-src-{name}")
        runs.append(build(tree, work / f"build-out-{name}", epoch))
    first, second = runs
    if [p.name for p in first] != [p.name for p in second]:
        raise Refused(f"two builds named their files differently: {first} {second}")
    for a, b in zip(first, second, strict=True):
        if sha256(a) != sha256(b):
            raise Refused(f"two builds of HEAD differ: {a.name} is not reproducible")
    return first, epoch


def twine_check(files: list[Path]) -> None:
    proc = _run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, files)], cwd=files[0].parent
    )
    if proc.returncode != 0:
        raise Refused(f"twine check failed:\n{proc.stdout}\n{proc.stderr}")


SMOKE = textwrap.dedent(
    """
    import importlib.metadata
    import json
    import subprocess
    import sys
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from pathlib import Path

    import coreclaw_api
    import coreclaw_ext
    from coreclaw_api import _spec_index
    from coreclaw_ext import create_client

    expected = sys.argv[1]
    seen = []
    BODY = json.dumps(
        {"code": 0, "message": "success", "request_id": "r", "data": {"run_slug": "RUN1"}}
    ).encode()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            seen.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(BODY)))
            self.end_headers()
            self.wfile.write(BODY)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = "http://127.0.0.1:%d" % server.server_address[1]
        client = create_client("smoke-key", base_url=url)
        result = coreclaw_ext.rerun_worker_last_run(client, "owner/name")
    finally:
        server.shutdown()
        server.server_close()
    cli = Path(sys.executable).with_name("coreclaw-py")
    shown = subprocess.run([str(cli), "--version"], capture_output=True, text=True, timeout=60)
    report = {
        "run_slug": result.run_slug,
        "requests": seen,
        "versions": [
            coreclaw_ext.__version__,
            _spec_index.API_VERSION,
            importlib.metadata.version("coreclaw-openapi"),
        ],
        "cli": shown.stdout.strip(),
        "files": [coreclaw_api.__file__, coreclaw_ext.__file__],
    }
    print(json.dumps(report))
    assert result.run_slug == "RUN1", report
    assert seen == ["/api/v2/workers/owner~name/runs/last/rerun"], report
    assert report["versions"] == [expected] * 3, report
    assert shown.returncode == 0 and expected in shown.stdout, report
    assert all("site-packages" in Path(f).parts for f in report["files"]), report
    """
)


def smoke_test(wheel: Path, version: str, work: Path) -> str:
    """Installs only the wheel (and its dependencies) into a fresh venv and uses it there."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "CORECLAW_API_KEY"}
        and not k.startswith("CORECLAW_")
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    venv = work / "smoke-venv"
    proc = _run([sys.executable, "-m", "venv", str(venv)], cwd=work, env=env)
    if proc.returncode != 0:
        raise Refused(f"cannot create a fresh venv: {proc.stderr}")
    python = venv / "bin" / "python"
    proc = _run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheel)],
        cwd=work,
        env=env,
        timeout=INSTALL_TIMEOUT,
    )
    if proc.returncode != 0:
        raise Refused(f"the wheel does not install into a fresh venv:\n{proc.stderr[-3000:]}")
    # Run from an empty folder: the imports can only come from the fresh venv.
    empty = work / "smoke-cwd"
    empty.mkdir()
    proc = _run([str(python), "-c", SMOKE, version], cwd=empty, env=env)
    if proc.returncode != 0:
        raise Refused(f"the smoke test failed in the fresh venv:\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout.strip().splitlines()[-1]


def release(repo: Path, dist: Path, *, against: str | None, only_preflight: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="release-") as tmp:
        work = Path(tmp)
        version, _tree, tag = preflight(repo, work, against)
        if only_preflight:
            _step(f"preflight passed for {version} (no build: --preflight)")
            return 0
        _step("two builds of HEAD (SOURCE_DATE_EPOCH = the commit time) give identical bytes")
        files, epoch = reproducible_build(repo, work)
        for path in files:
            print(f"  {sha256(path)}  {path.name}")
        _step("twine check --strict")
        twine_check(files)
        _step("the wheel in a fresh venv: install and smoke test")
        wheel = next(p for p in files if p.suffix == ".whl")
        print(f"  {smoke_test(wheel, version, work)}")
        dist.mkdir(parents=True, exist_ok=True)
        for old in dist.glob(f"{FILE_STEM}-{version}*"):
            old.unlink()
        kept = []
        for path in files:
            shutil.copy2(path, dist / path.name)
            kept.append(dist / path.name)
    shown = [os.path.relpath(p, Path.cwd()) for p in kept]
    head = git(repo, "rev-parse", "--short=12", "HEAD")
    print(f"\nRelease {version} is ready (commit {head}, SOURCE_DATE_EPOCH={epoch}).")
    print("Nothing was uploaded. To publish:")
    if tag is None:
        print(
            f"  git tag -a {api_compat.TAG_PREFIX}{version} -m '{DIST_NAME} {version}' && "
            f"git push origin {api_compat.TAG_PREFIX}{version}"
        )
    print(f"  python -m twine upload {' '.join(shown)}")
    return 0


# --- bump ------------------------------------------------------------------------------------


def _yaml_scalar(version: str) -> str:
    """The version as YAML that reads back as this string (1.0 would read as a number)."""
    return version if yaml.safe_load(version) == version else f'"{version}"'


def set_spec_version(path: Path, version: str) -> None:
    """Rewrites the one ``info.version`` line, leaving every other byte of the spec alone."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    in_info = False
    for index, line in enumerate(lines):
        if re.match(r"^\S", line):
            in_info = line.rstrip() == "info:"
            continue
        match = re.match(r"^( +)version:( *)\S.*?(\r?\n)?$", line)
        if in_info and match and len(match.group(1)) == 2:
            lines[index] = f"  version: {_yaml_scalar(version)}{match.group(3) or ''}"
            path.write_text("".join(lines), encoding="utf-8")
            return
    raise Refused(f"{path}: no 'version:' line directly under 'info:'")


def bump(repo: Path, version: str) -> int:
    try:
        parsed = api_compat.parse_version(version)
    except api_compat.CompatError as exc:
        raise Refused(str(exc)) from exc
    if str(parsed) != version:
        raise Refused(f"give the version in canonical form: {parsed}")
    path = repo / api_compat.VERSION_FILE
    text = path.read_text(encoding="utf-8")
    old = api_compat.read_version(repo)
    path.write_text(
        api_compat.VERSION_LINE.sub(f'__version__ = "{version}"', text, count=1), encoding="utf-8"
    )
    set_spec_version(repo / SPEC, version)
    print(f"{api_compat.VERSION_FILE}: {old} -> {version}; {SPEC} info.version follows")
    proc = _run([str(repo / "scripts" / "regen.sh")], cwd=repo, timeout=600)
    sys.stdout.write(proc.stdout)
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        raise Refused("regen failed: coreclaw_api._spec_index.API_VERSION is stale")
    check_versions(repo)
    print(f"next: a CHANGELOG.md entry '## {version} (YYYY-MM-DD)', commit, then make release")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release", description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--preflight", action="store_true", help="only the checks, no build")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where to put the files")
    parser.add_argument("--against-tag", help="compare with this tag, not the newest older one")
    commands = parser.add_subparsers(dest="command")
    bumping = commands.add_parser(
        "bump", help="set the version in its one place and derive the rest"
    )
    bumping.add_argument("version")
    args = parser.parse_args(argv)
    try:
        if args.command == "bump":
            return bump(ROOT, args.version)
        return release(ROOT, args.dist, against=args.against_tag, only_preflight=args.preflight)
    except Refused as exc:
        print(f"release: REFUSED: {exc}", file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired as exc:
        print(f"release: REFUSED: timed out: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
