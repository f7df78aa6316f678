"""Hypothesis throws arbitrary bodies at every operation: the outcome is always a typed result
whose fields have the spec's types, or a CoreClawError; never a raw parser exception."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from coreclaw_api._spec_index import OPERATIONS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coreclaw_ext as ce
from coreclaw_ext._generated.table import OpSpec
from coreclaw_ext._shape import mismatch
from tests import spec_cases

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


def _valid(op: OpSpec) -> Any:
    """The ``data`` of the operation's first success example ({} for answers without data)."""
    example = next(iter(spec_cases.success_examples(op).values()))
    return example.get("data", {})


OPS = {op.operation_id: op for op in spec_cases.ops()}
VALID: dict[str, Any] = {op_id: _valid(op) for op_id, op in OPS.items()}


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

SHAPES = {op.operation_id: op.data_shape for op in OPERATIONS}


def _call(op: OpSpec) -> Callable[[ce.CoreClawClient], Any]:
    call = spec_cases.calls(op)[-1].with_callback("http://127.0.0.1:9/hooks")
    function = getattr(ce, op.name)
    return lambda client: function(client, *call.args, **call.kwargs)


def test_every_spec_operation_is_fuzzed() -> None:
    assert set(OPS) == set(SHAPES)


def fuzz(op_id: str, examples: int) -> None:
    op = OPS[op_id]
    call = _call(op)
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

    @settings(max_examples=examples, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(case=bodies(op_id))
    def check(case: tuple[int, bytes]) -> None:
        reply["status"], reply["body"] = case
        try:
            result = call(client)
        except ce.CoreClawError:
            return
        assert isinstance(result, spec_cases.data_types(op))
        if result is not None:
            assert mismatch(result.to_dict(), SHAPES[op_id]) is None

    try:
        check()
    finally:
        client.close()


# The four operations fuzzed hardest since the start keep their depth; every other one gets
# enough examples to hit each kind of damage several times without slowing the suite down.
DEEP = {"rerunWorkerLastRun", "getWorkerRun", "getWorkerRunLog", "listWorkerRunResults"}


@pytest.mark.parametrize("op_id", sorted(OPS))
def test_fuzz_operation(op_id: str) -> None:
    fuzz(op_id, 250 if op_id in DEEP else 60)
