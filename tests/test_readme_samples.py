"""The README's Python samples run and type-check as written, so none can rot.

Each ```python block is run, in order and in one namespace, against the fake API of
``tests/spec_server.py`` (every operation answered from the spec's examples); and each block is
type-checked with ``mypy --strict`` as it stands, after a short prelude that gives the names
the README's prose introduces (``run_id``, ``request_body``).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.proc import ROOT, VENV_BIN, assert_ok, describe, run
from tests.spec_server import spec_server

README = ROOT / "README.md"
PRELUDE = (
    "import coreclaw_ext as cc\n"
    "client = cc.create_client()\n"
    'run_id = "01KZAZTK3BEMEDXA54396WMGC2"\n'
    'request_body = b\'{"run_slug": "01KZAZTK3BEMEDXA54396WMGC2", "run_status": "succeeded"}\'\n'
    'run = cc.rerun_worker_last_run(client, "coreclaw/google-maps-scraper")\n'
)


def samples() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_the_readme_has_samples() -> None:
    assert len(samples()) >= 8


def test_every_sample_runs_against_the_api(tmp_path: Path) -> None:
    script = tmp_path / "samples.py"
    body = "".join(
        f"print('--- sample {i}', flush=True)\n{block}\n" for i, block in enumerate(samples())
    )
    script.write_text(PRELUDE + body, encoding="utf-8")
    with spec_server() as url:
        proc = run(
            [sys.executable, script],
            timeout=120,
            cwd=tmp_path,
            env={"CORECLAW_API_KEY": "ck_readme_0123456789", "CORECLAW_BASE_URL": url},
        )
    assert_ok(proc)
    assert f"--- sample {len(samples()) - 1}" in proc.stdout, describe(
        proc.args, proc.stdout, proc.stderr, proc.returncode
    )


def test_every_sample_type_checks(tmp_path: Path) -> None:
    files = []
    for i, block in enumerate(samples()):
        target = tmp_path / f"sample_{i}.py"
        target.write_text(PRELUDE + block, encoding="utf-8")
        files.append(target)
    proc = run(
        [VENV_BIN / "mypy", "--strict", "--allow-redefinition", "--no-incremental", *files],
        timeout=300,
        cwd=ROOT,
    )
    assert_ok(proc)
