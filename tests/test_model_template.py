"""Our model template (spec/templates/model.py.jinja) against the generator's stock one.

The template exists for speed: models are imported at module level instead of inside every
``from_dict``/``to_dict`` call, and a union of models checks required keys before trying a
model. These tests show that nothing else changed: the same payloads give the same result
(or the same exception type) with our models as with models from the stock template,
generated here from the same spec.
"""

from __future__ import annotations

import ast
import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.proc import ROOT, assert_ok, run
from tests.test_fuzz_parsing import VALID, json_values, mutated

GENERATED = ROOT / "generated" / "coreclaw_api"
MODELS = sorted(p.stem for p in (GENERATED / "models").glob("*.py") if p.stem != "__init__")
VENV_BIN = Path(sys.executable).parent

# A valid ``data`` (or whole body) per model, to mutate; the rest start from random JSON.
SEEDS: dict[str, Any] = {
    "SyncRerunResult": VALID["rerunWorkerLastRun"],
    "RerunAccepted": {"run_slug": "R"},
    "RunRecord": VALID["getWorkerRun"],
    "LogData": VALID["getWorkerRunLog"],
    "ResultPage": VALID["listWorkerRunResults"],
    "RerunEnvelope": {"code": 0, "message": "ok", "data": VALID["rerunWorkerLastRun"]},
    "RunEnvelope": {"code": 0, "message": "ok", "data": VALID["getWorkerRun"]},
    "LogEnvelope": {"code": 0, "message": "ok", "data": VALID["getWorkerRunLog"]},
    "ResultPageEnvelope": {"code": 0, "message": "ok", "data": VALID["listWorkerRunResults"]},
    "ErrorEnvelope": {"code": 11000, "message": "bad", "details": ["x"]},
    "RunCallback": {
        "run_slug": "R",
        "run_status": "succeeded",
        "error_message": "",
        "running_duration": 3,
    },
}


@pytest.fixture(scope="module")
def stock() -> Iterator[ModuleType]:
    """The same spec generated with the stock model template, imported as ``stock_api``."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "stock_api"
        env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
        proc = run(
            [
                str(VENV_BIN / "openapi-python-client"),
                "generate",
                "--path",
                str(ROOT / "spec" / "openapi.yaml"),
                "--config",
                str(ROOT / "spec" / "generator-config.yaml"),
                "--meta",
                "none",
                "--output-path",
                str(out),
            ],
            timeout=300,
            cwd=tmp,
            env=env,
        )
        assert_ok(proc)
        sys.path.insert(0, tmp)
        try:
            yield importlib.import_module("stock_api.models")
        finally:
            sys.path.remove(tmp)
            for name in [m for m in sys.modules if m == "stock_api" or m.startswith("stock_api.")]:
                del sys.modules[name]


def _class_names() -> list[str]:
    from coreclaw_api import models

    return sorted(models.__all__)


def _outcome(cls: Any, payload: Any) -> tuple[str, Any]:
    try:
        parsed = cls.from_dict(payload)
    except Exception as exc:  # the stock template lets several types escape; compare them
        return ("raises", type(exc).__name__)
    return (type(parsed).__name__, parsed.to_dict())


def test_every_model_has_a_seed() -> None:
    assert set(SEEDS) | {"ResultRow", "ResultHeader", "LogLine", "RerunRequest"} >= set(
        _class_names()
    )


@pytest.mark.parametrize("name", _class_names())
def test_same_outcome_as_the_stock_template(stock: ModuleType, name: str) -> None:
    from coreclaw_api import models

    ours, theirs = getattr(models, name), getattr(stock, name)

    @settings(max_examples=150, deadline=None)
    @given(st.one_of(mutated(SEEDS.get(name, {})), json_values))
    def check(payload: Any) -> None:
        assert _outcome(ours, payload) == _outcome(theirs, payload)

    check()


RERUN_CASES: list[tuple[Any, tuple[str, Any]]] = [
    ({"run_slug": "R"}, ("RerunAccepted", {"run_slug": "R"})),
    (
        {"run_slug": "R", "run_status": "running", "is_finished": False},
        ("SyncRerunResult", {"run_slug": "R", "run_status": "running", "is_finished": False}),
    ),
    # Required keys of the synchronous shape but a nested value that cannot be read: like the
    # stock template, the next model is tried (the ext transport refuses such bodies first).
    (
        {"run_slug": "R", "run_status": "x", "is_finished": True, "results": "bad"},
        (
            "RerunAccepted",
            {"run_slug": "R", "run_status": "x", "is_finished": True, "results": "bad"},
        ),
    ),
    ("not an object", ("raises", "TypeError")),
    ({}, ("raises", "KeyError")),
]


@pytest.mark.parametrize(("data", "expected"), RERUN_CASES)
def test_rerun_union_table(stock: ModuleType, data: Any, expected: tuple[str, Any]) -> None:
    from coreclaw_api.models import RerunEnvelope

    body = {"code": 0, "message": "ok", "data": data}
    for cls in (RerunEnvelope, stock.RerunEnvelope):
        kind, value = _outcome(cls, body)
        if expected[0] == "raises":
            assert (kind, value) == expected
        else:
            assert kind == "RerunEnvelope"
            assert type(cls.from_dict(body).data).__name__ == expected[0]
            assert value["data"] == expected[1]


def _function_level_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    found.append(f"{path.name}:{inner.lineno} in {node.name}")
    return found


def test_models_import_nothing_per_call() -> None:
    found = [
        hit
        for name in MODELS
        for hit in _function_level_imports(GENERATED / "models" / f"{name}.py")
    ]
    assert not found, found


def test_function_level_import_detector_can_fail(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from os import path\n    return path\n", encoding="utf-8")
    assert _function_level_imports(sample) == ["sample.py:2 in f"]


def test_each_model_module_imports_first_in_a_fresh_interpreter() -> None:
    # Module-level imports between models would fail here if the spec ever had a cycle.
    code = (
        "import importlib, sys\n"
        f"for name in {MODELS!r}:\n"
        "    for m in [m for m in sys.modules if m.startswith('coreclaw_api')]:\n"
        "        del sys.modules[m]\n"
        "    importlib.import_module('coreclaw_api.models.' + name)\n"
        "print('ok', len(" + repr(MODELS) + "))\n"
    )
    proc = run([sys.executable, "-c", code], timeout=120)
    assert_ok(proc)
    assert proc.stdout.strip() == f"ok {len(MODELS)}"


MULTIPART_SPEC = """
openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /upload:
    post:
      operationId: upload
      requestBody:
        content:
          multipart/form-data:
            schema:
              type: object
              properties:
                name: {type: string}
      responses:
        "200": {description: ok}
"""


def test_template_refuses_a_multipart_body(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(MULTIPART_SPEC, encoding="utf-8")
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = run(
        [
            str(VENV_BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--meta",
            "none",
            "--custom-template-path",
            str(ROOT / "spec" / "templates"),
            "--output-path",
            str(tmp_path / "out"),
        ],
        timeout=300,
        cwd=tmp_path,
        env=env,
    )
    assert proc.returncode != 0
    assert "does not support multipart" in proc.stdout + proc.stderr
