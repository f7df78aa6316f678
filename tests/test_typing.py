"""Types that tell the truth: mypy --strict on code written the way users write it.

``tests/data/typed_usage.py`` asserts (``typing.assert_type``) what each call returns: the
synchronous answer for ``is_async=False``, the accepted one otherwise, the final record with
``wait=True``, ``None`` for answers without data, item types from iterators. A regression in
the generated overloads fails here.
"""

from __future__ import annotations

from pathlib import Path

from tests.proc import ROOT, VENV_BIN, assert_ok, run


def test_user_code_type_checks_as_written() -> None:
    proc = run(
        [VENV_BIN / "mypy", "--strict", ROOT / "tests" / "data" / "typed_usage.py"], timeout=300
    )
    assert_ok(proc)
    assert "Success" in proc.stdout


def test_a_wrong_expectation_fails(tmp_path: Path) -> None:
    # The check above can fail: the same file with one expectation flipped does not pass.
    source = (ROOT / "tests" / "data" / "typed_usage.py").read_text(encoding="utf-8")
    flipped = source.replace(
        'assert_type(cc.rerun_worker_last_run(client, "o/n"), RerunAccepted)',
        'assert_type(cc.rerun_worker_last_run(client, "o/n"), SyncRerunResult)',
    )
    assert flipped != source
    target = tmp_path / "flipped.py"
    target.write_text(flipped, encoding="utf-8")
    proc = run([VENV_BIN / "mypy", "--strict", target], timeout=300)
    assert proc.returncode != 0 and "[assert-type]" in proc.stdout
