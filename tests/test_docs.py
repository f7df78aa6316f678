"""The reference site builds (docs/build.py, as `make docs` runs it) with warnings as errors.

pdoc (pinned in requirements-dev.lock) renders the API docs from the code; the landing page is
the README. Any warning raised on the way fails the build, and the pages must be there and
name the main entry points.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.proc import ROOT, assert_ok, describe, run


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("docs")
    proc = run(
        [sys.executable, "-W", "error", ROOT / "docs" / "build.py", "--strict", "--output", out],
        timeout=300,
        cwd=ROOT,
    )
    assert_ok(proc)
    detail = describe(proc.args, proc.stdout, proc.stderr, proc.returncode)
    assert "warning" not in proc.stderr.lower(), detail
    return out


def test_the_landing_page_is_the_readme(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "<h1" in index and "coreclaw-openapi" in index
    assert 'id="quick-start"' in index
    assert "pip install coreclaw-openapi" in index
    for name in ("create_client", "run_worker"):
        assert name in index, name
    # The landing page links to the API pages.
    assert 'href="coreclaw_ext.html"' in index
    assert 'href="coreclaw_api.html"' in index


def test_the_coreclaw_ext_page_documents_the_api(site: Path) -> None:
    page = (site / "coreclaw_ext.html").read_text(encoding="utf-8")
    for name in ("create_client", "run_worker"):
        assert re.search(rf'id="{name}"', page), f"no entry for {name} in coreclaw_ext.html"
    assert (site / "coreclaw_api.html").is_file()
    assert (site / "search.js").is_file()


def test_make_docs_builds_into_build_docs() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(
        r"^docs: venv\n\t\$\(PY\) docs/build.py --strict --output build/docs$",
        makefile,
        re.MULTILINE,
    ), "the docs target must build strictly into build/docs"
    assert re.search(r"^\.PHONY: .*\bdocs\b", makefile, re.MULTILINE)


def test_pdoc_is_pinned() -> None:
    lock = (ROOT / "requirements-dev.lock").read_text(encoding="utf-8")
    assert re.search(r"^pdoc==\d", lock, re.MULTILINE)
