"""Parsing run status callbacks."""

from __future__ import annotations

import json
from typing import Any

import pytest

import coreclaw_ext as ce

CURRENT = {
    "run_slug": "01KKDXV2G26BT7NH4ZQR2R4NPZ",
    "run_status": "succeeded",
    "error_message": "",
    "execution_start_timestamp": 1782091200,
    "execution_end_timestamp": 1782091210,
    "running_duration": 10,
    "result_count": 3,
    "result_message": "done",
}


@pytest.mark.parametrize("form", ["bytes", "str", "dict"])
def test_parses_every_input_form(form: str) -> None:
    body: Any = {
        "bytes": json.dumps(CURRENT).encode(),
        "str": json.dumps(CURRENT),
        "dict": CURRENT,
    }[form]
    callback = ce.parse_run_callback(body)
    assert callback.run_slug == CURRENT["run_slug"]
    assert callback.run_status == "succeeded"
    assert callback.result_count == 3 and callback.running_duration == 10


def test_accepts_the_legacy_integer_run_id() -> None:
    legacy = {k: v for k, v in CURRENT.items() if k != "run_slug"} | {"run_id": 123456}
    assert ce.parse_run_callback(legacy).run_slug == "123456"


def test_minimal_and_unknown_fields() -> None:
    callback = ce.parse_run_callback({"run_slug": "R", "run_status": "aborted", "new_field": 1})
    assert callback.run_status == "aborted"
    assert callback.additional_properties == {"new_field": 1}


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"not json", "not JSON"),
        (b"[" * 100_000, "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        ("{}", "missing required field 'run_slug'"),
        ({"run_slug": "R"}, "missing required field 'run_status'"),
        ({"run_slug": 5, "run_status": "x"}, "run_slug: expected string"),
        (
            {"run_slug": "R", "run_status": "x", "result_count": "3"},
            "result_count: expected integer",
        ),
        ({"run_id": True, "run_status": "x"}, "run_id"),
        ({"run_slug": "", "run_status": "x"}, "empty run_slug"),
        ({"code": 0, "message": "success", "data": {}}, "missing required field"),
    ],
)
def test_rejects_what_is_not_a_callback(body: Any, fragment: str) -> None:
    with pytest.raises(ce.InvalidCallbackError, match=fragment) as info:
        ce.parse_run_callback(body)
    assert isinstance(info.value, ValueError)


def test_rejects_other_python_types() -> None:
    with pytest.raises(TypeError):
        ce.parse_run_callback(42)  # type: ignore[arg-type]
