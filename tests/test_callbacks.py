"""Parsing run status callbacks."""

from __future__ import annotations

import json
import re
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


UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@pytest.mark.parametrize(
    ("slug", "fragment"),
    [
        (".", "dot segment"),
        ("..", "dot segment"),
        ("last", "fixed segment"),
        (" ", "empty or whitespace"),
        ("01KZ\x1b[2J", "control characters"),
        ("01KZ\r\nX-Injected: 1", "control characters"),
        ("01KZ\x85", "control characters"),
        ("01KZ\x00", "control characters"),
        ("01KZ\udc80", "lone surrogate"),
        ("\ud800", "lone surrogate"),
        ("R" * 5000, "at most"),
        ("\u6771" * 400, "at most"),  # 400 characters, 3600 bytes once encoded
    ],
)
def test_refuses_a_slug_no_later_call_could_use(slug: str, fragment: str) -> None:
    bodies: list[Any] = [
        {"run_slug": slug, "run_status": "succeeded"},
        json.dumps({"run_slug": slug, "run_status": "succeeded"}),
        json.dumps({"run_id": slug, "run_status": "failed"}).encode(),
    ]
    for body in bodies:
        with pytest.raises(ce.InvalidCallbackError, match=fragment) as info:
            ce.parse_run_callback(body)
        message = str(info.value)
        assert isinstance(info.value, ValueError)
        assert message.isascii() and not UNSAFE.search(message), message
        assert len(message) < 300  # shortened, whatever the sender sent
        assert message.startswith("callback run_slug ")


def test_accepts_the_slugs_a_call_can_use() -> None:
    for slug in ("01KZAZTK3BEMEDXA54396WMGC2", "run-42", "a.b", "...", "\u6771\u4eac", "R" * 300):
        assert ce.parse_run_callback({"run_slug": slug, "run_status": "running"}).run_slug == slug


def test_refuses_a_legacy_run_id_too_long_to_print() -> None:
    with pytest.raises(ce.InvalidCallbackError, match="run_id"):
        ce.parse_run_callback({"run_id": 10**5000, "run_status": "failed"})
    with pytest.raises(ce.InvalidCallbackError, match="not JSON"):
        ce.parse_run_callback(b'{"run_id": ' + b"9" * 5000 + b', "run_status": "failed"}')


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe\x00",
        b'{"run_slug": "R", "run_status": "x"' + b"}" * 3,
        b"{" * 100_000,
        b'{"a": ' * 50_000 + b"1" + b"}" * 50_000,
        b"null",
        b'"\\udc80"',
        b'{"run_slug": ["R"], "run_status": "x"}',
        b'{"run_slug": "R", "run_status": {"x": 1}}',
        b"",
    ],
)
def test_any_body_is_a_callback_or_an_invalid_callback_error(body: bytes) -> None:
    with pytest.raises(ce.InvalidCallbackError) as info:
        ce.parse_run_callback(body)
    assert not UNSAFE.search(str(info.value))
