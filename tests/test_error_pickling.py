"""Every exception class pickles with its fields: processes hand errors to each other."""

from __future__ import annotations

import inspect
import pickle
from typing import Any

import pytest

import coreclaw_ext as ce
from coreclaw_ext import errors

CLASSES = [
    cls
    for _name, cls in inspect.getmembers(errors, inspect.isclass)
    if issubclass(cls, ce.CoreClawError)
]
FIELDS: dict[str, Any] = {
    "status_code": 429,
    "code": 13000,
    "code_name": "RATE_LIMITED",
    "request_id": "req-1",
    "details": ["d"],
    "headers": {"x-a": "b"},
    "retry_after": 1.5,
    "body_excerpt": "<html>",
    "method": "GET",
    "url": "https://h/p",
    "run_id": "R1",
    "last_run": None,
    "waited": 3.0,
    "run_slug": "R1",
    "error": None,
    "raw_slug": "'x'",
    "worker_id": "o~n",
    "problems": [],
    "record": None,
    "log_tail": ["l"],
}


def _make(cls: type[ce.CoreClawError]) -> ce.CoreClawError:
    signature = inspect.signature(cls.__init__)
    kwargs = {
        name: FIELDS[name]
        for name, param in signature.parameters.items()
        if param.kind is param.KEYWORD_ONLY and name in FIELDS
    }
    if "kwargs" in signature.parameters:  # RateLimitError passes APIError's fields on
        kwargs.update(status_code=429, code=13000, request_id="req-1")
    return cls("went wrong", **kwargs)


def test_every_error_class_is_covered() -> None:
    assert len(CLASSES) >= 15


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_pickle_round_trip_keeps_every_field(cls: type[ce.CoreClawError]) -> None:
    err = _make(cls)
    err.run_started, err.run_slug = True, "R9"
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert str(back) == str(err) and back.args == err.args
    assert back.__dict__ == err.__dict__
    assert back.run_started and back.run_slug == "R9"
