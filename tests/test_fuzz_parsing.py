"""Hypothesis throws arbitrary bodies at every operation: the outcome is always a typed result
whose fields have the spec's types, or a CoreClawError; never a raw parser exception."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
from coreclaw_api._spec_index import OPERATIONS
from coreclaw_api.models.log_data import LogData
from coreclaw_api.models.rerun_accepted import RerunAccepted
from coreclaw_api.models.result_page import ResultPage
from coreclaw_api.models.run_record import RunRecord
from coreclaw_api.models.sync_rerun_result import SyncRerunResult
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coreclaw_ext as ce
from coreclaw_ext._shape import mismatch

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)

VALID: dict[str, Any] = {
    "rerunWorkerLastRun": {
        "run_slug": "R",
        "run_status": "succeeded",
        "is_finished": True,
        "running_duration": 3,
        "results": {
            "count": 1,
            "headers": [{"key": "t", "label": "T"}],
            "list": [{"t": "x"}],
            "page_index": 1,
            "page_size": 20,
        },
    },
    "getWorkerRun": {
        "slug": "R",
        "status": "running",
        "results": 1,
        "usage": "1.00",
        "started_at": 1,
        "finished_at": 0,
    },
    "getWorkerRunLog": {
        "all_logs_url": "u",
        "result_count": 1,
        "list": ["line", {"type": 2, "group": "g", "content": "c", "timestamp": 1}],
    },
    "listWorkerRunResults": {
        "count": 1,
        "headers": [{"key": "t", "label": "T"}],
        "list": [{"t": "x"}],
        "page_index": 1,
        "page_size": 20,
    },
}


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> Any:
    """The valid payload with one field replaced, removed or added, possibly nested."""
    if not isinstance(base, dict) or not base:
        return draw(json_values)
    value = dict(base)
    key = draw(st.sampled_from(sorted(value)))
    action = draw(st.sampled_from(["replace", "delete", "add", "recurse"]))
    if action == "replace":
        value[key] = draw(json_values)
    elif action == "delete":
        del value[key]
    elif action == "add":
        value[draw(st.text(max_size=6))] = draw(json_values)
    else:
        value[key] = draw(mutated(value[key]))
    return value


def bodies(op_id: str) -> st.SearchStrategy[tuple[int, bytes]]:
    """(status, body) pairs: mostly 200 envelopes around a damaged valid payload, plus
    error envelopes, arbitrary JSON, truncated JSON and raw bytes under any status."""
    near_valid = st.builds(
        lambda data, rid: {"code": 0, "message": "success", "request_id": rid, "data": data},
        mutated(VALID[op_id]),
        st.text(max_size=6),
    ).map(lambda v: (200, json.dumps(v).encode()))
    envelope = st.fixed_dictionaries(
        {
            "code": st.sampled_from([0, 11000, 13000, 70001]) | json_values,
            "message": st.just("m") | json_values,
        },
        optional={
            "request_id": json_values,
            "data": mutated(VALID[op_id]) | json_values,
            "details": json_values,
        },
    )
    as_json = (envelope | json_values).map(lambda v: json.dumps(v).encode())
    truncated = as_json.flatmap(lambda b: st.integers(0, max(len(b) - 1, 0)).map(lambda n: b[:n]))
    anything = st.tuples(STATUSES, as_json | truncated | st.binary(max_size=64))
    return st.one_of(near_valid, near_valid, near_valid, anything)


STATUSES = st.sampled_from(
    [200, 200, 200, 200, 201, 204, 299, 302, 400, 401, 403, 404, 422, 429, 500, 502, 520, 599]
)

CALLS: dict[str, Callable[[ce.CoreClawClient], Any]] = {
    "rerunWorkerLastRun": lambda c: ce.rerun_worker_last_run(c, "o/n", is_async=False),
    "getWorkerRun": lambda c: ce.get_worker_run(c, "R"),
    "getWorkerRunLog": lambda c: ce.get_worker_run_log(c, "R"),
    "listWorkerRunResults": lambda c: ce.list_worker_run_results(c, "R", offset=1, limit=20),
}
TYPES: dict[str, tuple[type, ...]] = {
    "rerunWorkerLastRun": (SyncRerunResult, RerunAccepted),
    "getWorkerRun": (RunRecord,),
    "getWorkerRunLog": (LogData,),
    "listWorkerRunResults": (ResultPage,),
}
SHAPES = {op.operation_id: op.data_shape for op in OPERATIONS}


def test_every_spec_operation_is_fuzzed() -> None:
    assert set(CALLS) == set(SHAPES)


def fuzz(op_id: str) -> None:
    reply: dict[str, Any] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            reply["status"], content=reply["body"], headers={"Content-Type": "application/json"}
        )

    client = ce.create_client(
        "fuzz-key-123456",
        base_url="http://127.0.0.1:9",
        transport=httpx.MockTransport(handler),
        max_retries=0,
    )

    @settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(case=bodies(op_id))
    def check(case: tuple[int, bytes]) -> None:
        reply["status"], reply["body"] = case
        try:
            result = CALLS[op_id](client)
        except ce.CoreClawError:
            return
        assert isinstance(result, TYPES[op_id])
        assert mismatch(result.to_dict(), SHAPES[op_id]) is None

    try:
        check()
    finally:
        client.close()


def test_fuzz_rerun() -> None:
    fuzz("rerunWorkerLastRun")


def test_fuzz_get_worker_run() -> None:
    fuzz("getWorkerRun")


def test_fuzz_get_worker_run_log() -> None:
    fuzz("getWorkerRunLog")


def test_fuzz_list_worker_run_results() -> None:
    fuzz("listWorkerRunResults")
