"""The README's demo runs end to end against Prism and shows typed results and a CLI session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_demo_runs() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py")],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "RerunAccepted(run_slug='01KZAZTK3BEMEDXA54396WMGC2'" in out
    assert "status succeeded, finished True" in out
    assert "{'title': 'Blue Bottle Coffee', 'url': 'https://example.com/a'}" in out
    assert "$ coreclaw-py --base-url" in out and "Title\tURL" in out
    assert out.rstrip().endswith("Prism stopped; demo done.")
    assert "demo-key" not in out
