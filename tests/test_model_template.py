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
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests import spec_cases
from tests.proc import ROOT, VENV_BIN, assert_ok, copy_for_regen, regen_check_in, run
from tests.test_fuzz_parsing import json_values, mutated

GENERATED = ROOT / "generated" / "coreclaw_api"
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = ROOT / "spec" / "generator-config.yaml"
FEATURES = ROOT / "tests" / "data" / "model_template_features.yaml"
MODELS = sorted(p.stem for p in (GENERATED / "models").glob("*.py") if p.stem != "__init__")

# A valid value per model, to mutate: taken from the spec's examples (so a new model is seeded
# without a table edit), plus two bodies the examples do not hold whole.
SEEDS: dict[str, Any] = {
    **spec_cases.model_seeds(),
    "ErrorEnvelope": {"code": 11000, "message": "bad", "details": ["x"]},
    "RunCallback": {
        "run_slug": "R",
        "run_status": "succeeded",
        "error_message": "",
        "running_duration": 3,
    },
}
# Models with nothing to seed: free-form objects, whose every payload is valid.
UNSEEDED = {"ResultRow", "WorkerInput", "WorkerDetailParametersCustom"}
# The models fuzzed since the template was written keep their depth; newer ones get fewer
# examples each, which still hits every kind of damage several times.
DEEP = {"SyncRerunResult", "RerunAccepted", "RunRecord", "LogData", "ResultPage", "RerunEnvelope"}


def _generate(
    spec: Path, out: Path, *, ours: bool, config: Path = CONFIG, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the pinned generator as regen.sh does, with our templates or the stock ones."""
    env = {**os.environ, "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    templates = ["--custom-template-path", str(ROOT / "spec" / "templates")] if ours else []
    return run(
        [
            str(VENV_BIN / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--config",
            str(config),
            "--meta",
            "none",
            *templates,
            "--output-path",
            str(out),
        ],
        timeout=300,
        cwd=cwd or out.parent,
        env=env,
    )


@contextmanager
def _packages(
    spec: Path, *names: tuple[str, bool], config: Path = CONFIG
) -> Iterator[dict[str, ModuleType]]:
    """Generate ``spec`` once per (package name, ours?) and import each ``models`` package."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, ours in names:
            assert_ok(_generate(spec, Path(tmp) / name, ours=ours, config=config))
        sys.path.insert(0, tmp)
        try:
            yield {name: importlib.import_module(f"{name}.models") for name, _ in names}
        finally:
            sys.path.remove(tmp)
            for name, _ in names:
                for module in [m for m in sys.modules if m == name or m.startswith(f"{name}.")]:
                    del sys.modules[module]


@pytest.fixture(scope="module")
def stock() -> Iterator[ModuleType]:
    """The same spec generated with the stock model template, imported as ``stock_api``."""
    with _packages(SPEC, ("stock_api", False)) as packages:
        yield packages["stock_api"]


@pytest.fixture(scope="module")
def features() -> Iterator[dict[str, ModuleType]]:
    """tests/data/model_template_features.yaml with both templates."""
    with _packages(FEATURES, ("feat_stock", False), ("feat_ours", True)) as packages:
        yield packages


def _class_names() -> list[str]:
    """Every generated model class (enum ``Literal`` aliases have no ``from_dict`` to compare)."""
    from coreclaw_api import models

    return sorted(name for name in models.__all__ if isinstance(getattr(models, name), type))


def _tagged(value: Any) -> Any:
    """``value`` with the class name of every model in it, at every level."""
    if attrs.has(type(value)):
        fields = {f.name: _tagged(getattr(value, f.name)) for f in attrs.fields(type(value))}
        return (type(value).__name__, fields)
    if isinstance(value, list):
        return [_tagged(item) for item in value]
    if isinstance(value, dict):
        return {key: _tagged(item) for key, item in value.items()}
    if type(value).__name__ == "Unset":
        return "UNSET"
    return (type(value).__name__, value)


def _outcome(cls: Any, payload: Any) -> tuple[str, Any]:
    """What ``from_dict`` makes of ``payload`` (classes included), and its ``to_dict``."""
    try:
        parsed = cls.from_dict(payload)
    except Exception as exc:  # the stock template lets several types escape; compare them
        return ("raises", type(exc).__name__)
    try:
        back = parsed.to_dict()
    except Exception as exc:
        back = ("to_dict raises", type(exc).__name__)
    return (repr(_tagged(parsed)), repr(back))


def test_every_model_has_a_seed() -> None:
    missing = set(_class_names()) - set(SEEDS) - UNSEEDED
    assert not missing, f"no example reaches these models: {sorted(missing)}"


@pytest.mark.parametrize("name", _class_names())
def test_same_outcome_as_the_stock_template(stock: ModuleType, name: str) -> None:
    from coreclaw_api import models

    ours, theirs = getattr(models, name), getattr(stock, name)

    @settings(max_examples=150 if name in DEEP else 40, deadline=None)
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
        if expected[0] == "raises":
            assert _outcome(cls, body) == expected
        else:
            parsed = cls.from_dict(body)
            assert type(parsed.data).__name__ == expected[0]
            assert parsed.to_dict()["data"] == expected[1]


def test_model_unions_test_required_keys_first() -> None:
    # The fast path exists only if the template saw the models' required keys.
    source = (GENERATED / "models" / "rerun_envelope.py").read_text(encoding="utf-8")
    parse = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef) and node.name == "_parse_data"
    ]
    assert len(parse) == 1
    body = ast.get_source_segment(source, parse[0]) or ""
    assert 'if "run_slug" in data and "run_status" in data and "is_finished" in data:' in body


# --- schema features our spec does not use yet -------------------------------------------

FEATURE_MODELS = [
    "Holder",
    "Left",
    "Right",
    "Nothing",
    "Counts",
    "MixedExtras",
    "OnlyExample",
    "ATitledModel",
    "Tree",
    "HolderByKey",
]
_STAMP = "2026-11-29T10:00:00Z"
FEATURE_SEEDS: dict[str, Any] = {
    "Holder": {
        "choice": {"name": "n", "stamp": _STAMP},
        "maybe_choice": {"size": 1},
        "choice_or_null": None,
        "stamp": _STAMP,
        "day": "2026-11-29",
        "flavour": "sweet",
        "level": 2,
        "many": [{"size": 2}, {"name": "m", "stamp": _STAMP}],
        "text_or_null": None,
        "odd \"quoted' name": "q",
        "with_default": 7,
        "by_key": {"k": {"name": "n", "stamp": _STAMP}},
    },
    "Left": {"name": "n", "stamp": _STAMP},
    "Right": {"size": 3},
    "Counts": {"a": 1, "b": 2},
    "MixedExtras": {"label": "l", "extra": {"size": 4}},
    "OnlyExample": {"n": 1},
    "ATitledModel": {"z": "z"},
    "Tree": {"child": {"child": {}}},
    "HolderByKey": {"k": {"name": "n", "stamp": _STAMP}},
}
feature_leaves = st.one_of(
    json_values,
    st.sampled_from([_STAMP, "2026-11-29", "sweet", "sour", 1, 2, "not a date"]),
)


@pytest.mark.parametrize("name", FEATURE_MODELS)
def test_features_same_outcome_as_the_stock_template(
    features: dict[str, ModuleType], name: str
) -> None:
    ours, theirs = getattr(features["feat_ours"], name), getattr(features["feat_stock"], name)

    @settings(max_examples=300, deadline=None)
    @given(st.one_of(mutated(FEATURE_SEEDS.get(name, {})), feature_leaves))
    def check(payload: Any) -> None:
        assert _outcome(ours, payload) == _outcome(theirs, payload)

    check()


def _doc(cls: Any) -> str:
    return " ".join((cls.__doc__ or "").split())


def test_docstrings_match_the_stock_template(
    stock: ModuleType, features: dict[str, ModuleType]
) -> None:
    from coreclaw_api import models

    pairs = [(getattr(models, n), getattr(stock, n)) for n in _class_names()]
    pairs += [
        (getattr(features["feat_ours"], n), getattr(features["feat_stock"], n))
        for n in FEATURE_MODELS
    ]
    differ = [ours.__name__ for ours, theirs in pairs if _doc(ours) != _doc(theirs)]
    assert not differ, differ


def test_docstrings_without_attribute_docstrings_match(tmp_path: Path) -> None:
    config = tmp_path / "config.yaml"
    config.write_text(
        CONFIG.read_text(encoding="utf-8").replace(
            "docstrings_on_attributes: true", "docstrings_on_attributes: false"
        ),
        encoding="utf-8",
    )
    assert "docstrings_on_attributes: false" in config.read_text(encoding="utf-8")
    with _packages(FEATURES, ("attr_stock", False), ("attr_ours", True), config=config) as pkgs:
        for name in FEATURE_MODELS:
            ours, theirs = getattr(pkgs["attr_ours"], name), getattr(pkgs["attr_stock"], name)
            assert _doc(ours) == _doc(theirs), name
        assert "Attributes:" in (pkgs["attr_ours"].ATitledModel.__doc__ or "")


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
    proc = _generate(spec, tmp_path / "out", ours=True)
    assert proc.returncode != 0
    assert "does not support multipart" in proc.stdout + proc.stderr


def test_regen_refuses_models_that_import_each_other(tmp_path: Path) -> None:
    import yaml

    repo = copy_for_regen(tmp_path / "repo")
    spec_path = repo / "spec" / "openapi.yaml"
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    schemas = spec["components"]["schemas"]
    schemas["Ping"] = {
        "type": "object",
        "properties": {"pong": {"$ref": "#/components/schemas/Pong"}},
    }
    schemas["Pong"] = {
        "type": "object",
        "properties": {"ping": {"$ref": "#/components/schemas/Ping"}},
    }
    spec_path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    proc = regen_check_in(repo)
    assert proc.returncode == 1
    assert "cannot be imported first" in proc.stderr, proc.stderr
