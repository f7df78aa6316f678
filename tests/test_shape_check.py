"""The spec-driven type check that runs before the generated parser."""

from __future__ import annotations

from typing import Any

import pytest
from coreclaw_api._spec_index import OPERATIONS
from coreclaw_api._spec_schemas import SCHEMAS
from hypothesis import given, settings
from hypothesis import strategies as st

from coreclaw_ext._shape import conforms, mismatch
from tests.test_fuzz_parsing import VALID, json_values, mutated

RUN = {"$ref": "RunRecord"}
LOG = {"$ref": "LogData"}
RERUN = {"oneOf": [{"$ref": "SyncRerunResult"}, {"$ref": "RerunAccepted"}]}
PAGE = {"$ref": "ResultPage"}

TABLE: list[tuple[Any, dict[str, Any], str | None]] = [
    ({"slug": "R", "status": "running"}, RUN, None),
    ({"slug": "R", "status": "new-status", "extra": {"x": 1}}, RUN, None),
    ({"slug": "R"}, RUN, "data: missing required field 'status'"),
    ({"slug": 5, "status": "x"}, RUN, "data.slug: expected string, got integer"),
    (
        {"slug": "R", "status": "x", "results": True},
        RUN,
        "data.results: expected integer, got boolean",
    ),
    (
        {"slug": "R", "status": "x", "results": 1.5},
        RUN,
        "data.results: expected integer, got number",
    ),
    ("R", RUN, "data: expected object, got string"),
    ({"list": ["a", {"content": "b", "type": 2}]}, LOG, None),
    ({"list": [{"type": 2}]}, LOG, "data.list[0]: missing required field 'content'"),
    ({"list": [3]}, LOG, "data.list[0]: expected object, got integer"),
    ({"list": "nope"}, LOG, "data.list: expected array, got string"),
    ({"run_slug": "R"}, RERUN, None),
    (
        {"run_slug": "R", "run_status": "succeeded", "is_finished": True, "results": {"list": []}},
        RERUN,
        None,
    ),
    ({"run_slug": None}, RERUN, "data: missing required field 'run_status'"),
    ({"run_slug": "R", "queue_ref": "q1"}, RERUN, None),
    (
        {"run_slug": "R", "run_status": "succeeded", "is_finished": True, "results": {"list": "x"}},
        RERUN,
        "data.results.list: expected array, got string",
    ),
    ({"run_slug": "R", "is_finished": True}, RERUN, "data: missing required field 'run_status'"),
    ({"list": [{"a": 1}, {"b": [1]}], "headers": [{"key": "a"}]}, PAGE, None),
    ({"list": [[1]]}, PAGE, "data.list[0]: expected object, got array"),
    (
        {"list": [], "headers": [{"label": "A"}]},
        PAGE,
        "data.headers[0]: missing required field 'key'",
    ),
    ({"list": [], "count": None}, PAGE, "data.count: expected integer, got null"),
    ({"code": 1, "message": "m", "details": None}, {"$ref": "ErrorEnvelope"}, None),
    (
        {"code": 1, "message": "m", "details": [1]},
        {"$ref": "ErrorEnvelope"},
        "data.details[0]: expected string, got integer",
    ),
]


@pytest.mark.parametrize(("value", "schema", "problem"), TABLE)
def test_mismatch_table(value: Any, schema: dict[str, Any], problem: str | None) -> None:
    assert mismatch(value, schema) == problem


@pytest.mark.parametrize(("value", "schema", "problem"), TABLE)
def test_fast_check_agrees_with_the_table(
    value: Any, schema: dict[str, Any], problem: str | None
) -> None:
    assert conforms(value, schema) is (problem is None)


SCHEMA_CASES = [
    (op.operation_id, op.data_shape) for op in OPERATIONS if op.data_shape is not None
] + [(name, {"$ref": name}) for name in sorted(SCHEMAS)]


@pytest.mark.parametrize(("name", "schema"), SCHEMA_CASES, ids=[c[0] for c in SCHEMA_CASES])
def test_fast_check_agrees_with_mismatch_on_any_json(name: str, schema: Any) -> None:
    base = VALID.get(name, {})

    @settings(max_examples=200, deadline=None)
    @given(st.one_of(mutated(base), json_values))
    def check(value: Any) -> None:
        assert conforms(value, schema) is (mismatch(value, schema) is None)

    check()


TREE = {
    "type": "object",
    "required": ["name"],
    "properties": {
        "name": {"type": "string"},
        "children": {"type": "array", "items": {"$ref": "Tree"}},
    },
}


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ({"name": "a"}, True),
        ({"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}, True),
        ({"name": "a", "children": [{"name": "b", "children": [{"name": 3}]}]}, False),
        ({"name": "a", "children": [{"children": []}]}, False),
    ],
)
def test_fast_check_handles_a_recursive_schema(
    monkeypatch: pytest.MonkeyPatch, value: Any, ok: bool
) -> None:
    monkeypatch.setitem(SCHEMAS, "Tree", TREE)
    schema = {"$ref": "Tree"}
    assert conforms(value, schema) is ok
    assert (mismatch(value, schema) is None) is ok


ODD = "a'b\"c\\\n}: return True #"
ODD_SCHEMA = {"type": "object", "required": [ODD], "properties": {ODD: {"type": "string"}}}


@pytest.mark.parametrize(
    ("value", "ok"), [({ODD: "x"}, True), ({ODD: 1}, False), ({"a": "x"}, False), ({}, False)]
)
def test_fast_check_quotes_property_names(value: Any, ok: bool) -> None:
    assert conforms(value, ODD_SCHEMA) is ok
    assert (mismatch(value, ODD_SCHEMA) is None) is ok


EDGE_SCHEMAS: list[dict[str, Any]] = [
    {"anyOf": []},
    {"oneOf": [], "type": "string"},
    {"anyOf": [], "type": "object", "required": ["a"]},
    {"type": "object", "properties": {"a": {"type": None}}},
    {"type": None},
]


@pytest.mark.parametrize("schema", EDGE_SCHEMAS, ids=[str(s) for s in EDGE_SCHEMAS])
def test_fast_check_agrees_on_degenerate_schemas(schema: dict[str, Any]) -> None:
    for value in (None, 1, "s", [], {}, {"a": 1}, {"a": "x"}, {"a": None}):
        assert conforms(value, schema) is (mismatch(value, schema) is None), value


def test_compiled_checks_do_not_pile_up() -> None:
    from coreclaw_ext import _shape

    for i in range(_shape._COMPILED_MAX * 3):
        assert conforms({"n": i}, {"type": "object", "properties": {"n": {"type": "integer"}}})
    assert len(_shape._compiled) <= _shape._COMPILED_MAX


def test_operation_shapes_use_the_checks_compiled_with_the_index() -> None:
    from coreclaw_api._spec_index import DATA_CHECKS

    from coreclaw_ext import _shape

    with_shape = [op for op in OPERATIONS if op.data_shape is not None]
    assert sorted(DATA_CHECKS) == sorted(op.operation_id for op in with_shape)
    for op in with_shape:
        conforms({}, op.data_shape)
        assert _shape._compiled[id(op.data_shape)][1] is DATA_CHECKS[op.operation_id]


def test_index_checks_survive_the_cache_limit() -> None:
    from coreclaw_api._spec_index import DATA_CHECKS

    from coreclaw_ext import _shape

    for i in range(_shape._COMPILED_MAX + 1):  # ad-hoc schemas overflow the cache once
        conforms({"n": i}, {"type": "object", "properties": {"n": {"type": "integer"}}})
    op = next(op for op in OPERATIONS if op.operation_id == "getWorkerRun")
    assert _shape._compiled[id(op.data_shape)][1] is DATA_CHECKS["getWorkerRun"]


def test_compiled_type_names_match_the_type_table() -> None:
    import builtins

    from coreclaw_ext._shape import _PY_TYPES
    from coreclaw_ext._shape_compiler import PY_TYPE_NAMES

    named = {"_NoneType": type(None)}
    as_types = {
        kind: frozenset(named.get(n) or getattr(builtins, n) for n in names)
        for kind, names in PY_TYPE_NAMES.items()
    }
    assert as_types == _PY_TYPES
