"""Properties every operation of the spec must have, checked for all of them at once.

Each test iterates the spec (through ``tests/spec_cases.py``), so an operation added to the spec
is covered here, and one that lacks a convenience, an async twin, a resource method, a retry
decision or an example fails here.
"""

from __future__ import annotations

import asyncio
import copy
import importlib
import inspect
import json
from typing import Any

import pytest
from coreclaw_api._spec_index import OPERATIONS, RESERVED_SEGMENTS, OperationInfo

import coreclaw_ext as ce
from coreclaw_ext._generated.table import OpSpec
from tests import spec_cases
from tests.conftest import ClientFactory
from tests.loopback import LoopbackServer, Reply, envelope
from tests.scripts import load_script

OPS = spec_cases.ops()
JSON = {"Content-Type": "application/json"}


def test_the_table_holds_every_spec_operation() -> None:
    in_spec = {
        op["operationId"]
        for item in spec_cases.spec()["paths"].values()
        for method, op in item.items()
        if method in spec_cases.METHODS
    }
    assert {op.operation_id for op in OPS} == in_spec
    assert {op.operation_id for op in OPERATIONS} == in_spec
    upstream = json.loads((spec_cases.SPEC_PATH.parent / "upstream-digest.json").read_text())
    assert set(upstream["operations"]) <= in_spec  # every official operation is here


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_every_operation_is_complete(op: OpSpec) -> None:
    raw = spec_cases.raw_operation(op)
    sync, async_ = getattr(ce, op.name), getattr(ce, f"a{op.name}")
    assert not inspect.iscoroutinefunction(sync) and inspect.iscoroutinefunction(async_)
    assert op.name in ce.__all__ and f"a{op.name}" in ce.__all__
    client = ce.create_client("k" * 20, base_url="http://127.0.0.1:9")
    resource = getattr(client, op.resource)
    assert callable(getattr(resource, op.resource_method))
    assert inspect.iscoroutinefunction(getattr(resource, f"a{op.resource_method}"))
    if op.method != "GET":
        assert isinstance(raw.get("x-coreclaw-idempotent"), bool), "no retry decision"
    assert isinstance(raw.get("x-coreclaw-retry-note"), str) and raw["x-coreclaw-retry-note"]
    assert spec_cases.success_examples(op), "no success example"
    if "requestBody" in raw:
        assert spec_cases.body_examples(op), "no request body example"
    for ref in raw.get("parameters", []):
        param = spec_cases.resolve(ref)
        assert "example" in param or "examples" in param, f"no example for {param['name']}"
    if op.paged:
        assert op.iterator in ce.__all__ and f"a{op.iterator}" in ce.__all__
    signature = inspect.signature(sync)
    assert {"timeout", "max_retries"} <= set(signature.parameters)
    assert ("retry_unsafe" in signature.parameters) == (not op.idempotent)
    assert sync.__doc__ and op.operation_id in sync.__doc__


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_success_examples_round_trip_through_the_models(op: OpSpec) -> None:
    envelope_cls: Any = spec_cases.envelope_class(op)
    for name, example in spec_cases.success_examples(op).items():
        model = envelope_cls.from_dict(copy.deepcopy(example))
        assert model.to_dict() == example, name


def test_run_creating_operations_are_the_documented_ones() -> None:
    creating = {op.operation_id for op in OPS if op.creates_run}
    assert creating == {
        "runWorker",
        "runWorkerTask",
        "rerunWorkerRun",
        "rerunLastWorkerRun",
        "rerunWorkerLastRun",
        "queuedRunWorker",
        "activateRunQueueItems",
    }
    assert all(not op.idempotent for op in OPS if op.creates_run)


def test_reserved_segments_come_from_the_path_table() -> None:
    assert "last" in RESERVED_SEGMENTS["runId"]
    assert {"activate", "release"} <= RESERVED_SEGMENTS["queueId"]
    for word in RESERVED_SEGMENTS["runId"]:
        with pytest.raises(ValueError, match="fixed segment"):
            ce.encode_run_id(word)
    for word in RESERVED_SEGMENTS["queueId"]:
        with pytest.raises(ValueError, match="fixed segment"):
            ce.encode_queue_id(word)


# --- retry safety on the wire, for every operation -------------------------------------------


def _first_success(op: OpSpec) -> bytes:
    example = next(iter(spec_cases.success_examples(op).values()))
    return json.dumps(example).encode()


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_a_5xx_is_retried_only_when_the_spec_says_it_is_safe(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec
) -> None:
    call = spec_cases.calls(op)[0].with_callback("http://127.0.0.1:9/hooks")
    server.queue(
        Reply(503, envelope(None, code=10000, message="busy"), JSON),
        Reply(200, _first_success(op), JSON),
    )
    client = make_client(max_retries=2)
    safe = op.idempotent and not op.creates_run
    if safe:
        getattr(ce, op.name)(client, *call.args, **call.kwargs)
        assert len(server.requests) == 2
    else:
        with pytest.raises(ce.InternalServerError):
            getattr(ce, op.name)(client, *call.args, **call.kwargs)
        assert len(server.requests) == 1, "a call that is not safe to repeat was repeated"
    assert all(r.method == op.method for r in server.requests)


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_a_429_is_retried_for_every_operation(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec
) -> None:
    # 429 means the server refused before doing anything, so even a run start may repeat it.
    call = spec_cases.calls(op)[0].with_callback("http://127.0.0.1:9/hooks")
    server.queue(
        Reply(429, envelope(None, code=13000, message="too many requests"), JSON),
        Reply(200, _first_success(op), JSON),
    )
    result = getattr(ce, op.name)(make_client(max_retries=1), *call.args, **call.kwargs)
    assert isinstance(result, spec_cases.data_types(op))
    assert len(server.requests) == 2


@pytest.mark.parametrize("op", [op for op in OPS if not op.idempotent], ids=lambda op: op.name)
def test_retry_unsafe_is_the_callers_consent(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec
) -> None:
    call = spec_cases.calls(op)[0].with_callback("http://127.0.0.1:9/hooks")
    server.queue(
        Reply(503, envelope(None, code=10000, message="busy"), JSON),
        Reply(200, _first_success(op), JSON),
    )
    getattr(ce, op.name)(make_client(), *call.args, **call.kwargs, retry_unsafe=True)
    assert len(server.requests) == 2


def test_the_run_marker_forces_no_retry_even_if_the_table_says_idempotent(
    server: LoopbackServer, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The generator refuses such a spec; the transport does not rely on that.
    from coreclaw_ext import _transport

    real = next(op for op in OPERATIONS if op.operation_id == "rerunWorkerLastRun")
    forged = real._replace(idempotent=True)

    def find(method: str, raw_path: bytes) -> OperationInfo | None:
        return forged if method == "POST" else None

    monkeypatch.setattr(_transport, "find_operation", find)
    server.queue(Reply(503, envelope(None, code=10000, message="busy"), JSON))
    with pytest.raises(ce.InternalServerError):
        ce.rerun_worker_last_run(make_client(), "o/n")
    assert len(server.requests) == 1


# --- arguments are checked from the schema before anything is sent ---------------------------


def _bad_values(op: OpSpec) -> list[Any]:
    cases = []
    raw = spec_cases.raw_operation(op)
    schemas: dict[str, dict[str, Any]] = {}
    for ref in raw.get("parameters", []):
        param = spec_cases.resolve(ref)
        if param["in"] == "query":
            schemas[param["name"]] = spec_cases.resolve(param["schema"])
    if "requestBody" in raw:
        body = spec_cases.resolve(raw["requestBody"])["content"]["application/json"]["schema"]
        schemas.update(spec_cases.resolve(body).get("properties", {}))
    names = {api: name for name, api, _kind, _req in op.query_args + op.body_args}
    for api, schema in schemas.items():
        name, kind = names[api], schema.get("type")
        if kind == "integer":
            cases.append((name, "3", TypeError))
            cases.append((name, True, TypeError))
            if "maximum" in schema:
                cases.append((name, schema["maximum"] + 1, ValueError))
            if "minimum" in schema:
                cases.append((name, schema["minimum"] - 1, ValueError))
        elif kind == "boolean":
            cases.append((name, "yes", TypeError))
        elif "enum" in schema:
            cases.append((name, "not-a-choice", ValueError))
        elif kind == "string":
            cases.append((name, 5, TypeError))
    return [
        pytest.param(op, name, value, error, id=f"{op.name}-{name}-{value!r}")
        for name, value, error in cases
    ]


@pytest.mark.parametrize(
    ("op", "name", "value", "error"), [case for op in OPS for case in _bad_values(op)]
)
def test_bad_arguments_fail_before_sending(
    server: LoopbackServer,
    make_client: ClientFactory,
    op: OpSpec,
    name: str,
    value: Any,
    error: type[Exception],
) -> None:
    call = spec_cases.calls(op)[0]
    with pytest.raises(error, match=name):
        getattr(ce, op.name)(make_client(), *call.args, **{**call.kwargs, name: value})
    assert server.requests == []


@pytest.mark.parametrize("op", [op for op in OPS if op.path_args], ids=lambda op: op.name)
@pytest.mark.parametrize("bad", ["", "..", "a\nb"])
def test_bad_path_ids_fail_before_sending(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec, bad: str
) -> None:
    call = spec_cases.calls(op)[0]
    with pytest.raises(ValueError):
        getattr(ce, op.name)(make_client(), bad, *call.args[1:], **call.kwargs)
    assert server.requests == []


@pytest.mark.parametrize("op", [op for op in OPS if op.paged], ids=lambda op: op.name)
def test_every_paged_list_iterates_all_pages(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec
) -> None:
    example = next(iter(spec_cases.success_examples(op).values()))
    data = example["data"]
    items = data[op.paged]
    assert items, "a paged example needs at least one item"
    pages = [
        {**data, op.paged: items, "count": 2 * len(items), "page_index": 1},
        {**data, op.paged: items, "count": 2 * len(items), "page_index": 2},
    ]
    if "count" not in data:  # lists without a count stop at an empty page
        pages = [
            {k: v for k, v in page.items() if k not in ("count", "page_index")} for page in pages
        ]
        pages[1] = {**pages[1], op.paged: [{**items[0], **_changed(items[0])}]}
        pages.append({op.paged: []})
    server.queue(*(Reply(200, envelope(page), JSON) for page in pages))
    call = spec_cases.calls(op)[0]
    filters = {k: v for k, v in call.kwargs.items() if k not in ("offset", "limit")}
    got = list(getattr(ce, str(op.iterator))(make_client(), *call.args, **filters, page_size=7))
    expected_count = len(items) * 2 if "count" in data else len(items) + 1
    assert len(got) == expected_count
    offsets = [r.query for r in server.requests]
    assert all("limit=7" in q for q in offsets)
    assert [q.split("offset=")[1].split("&")[0] for q in offsets] == [
        str(i + 1) for i in range(len(pages))
    ]


def _changed(item: dict[str, Any]) -> dict[str, Any]:
    key = next(k for k, v in item.items() if isinstance(v, str))
    return {key: item[key] + "-2"}


@pytest.mark.parametrize("op", [op for op in OPS if op.paged], ids=lambda op: op.name)
def test_every_paged_list_iterates_async(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec
) -> None:
    example = next(iter(spec_cases.success_examples(op).values()))
    server.queue(
        Reply(200, envelope({**example["data"], op.paged: []}), JSON),
    )
    call = spec_cases.calls(op)[0]
    filters = {k: v for k, v in call.kwargs.items() if k not in ("offset", "limit")}
    client = make_client()

    async def run() -> list[Any]:
        try:
            it = getattr(ce, f"a{op.iterator}")(client, *call.args, **filters)
            return [item async for item in it]
        finally:
            await client.get_async_httpx_client().aclose()

    assert asyncio.run(run()) == []
    assert len(server.requests) == 1


# --- the generator refuses a spec it cannot make safe ----------------------------------------


def _ext_model() -> Any:
    return load_script("scripts/ext_model.py", "coreclaw_scripts_ext_model")


def _mutated(op_id: str, **markers: Any) -> dict[str, Any]:
    spec = copy.deepcopy(spec_cases.spec())
    for item in spec["paths"].values():
        for method, op in item.items():
            if method in spec_cases.METHODS and op["operationId"] == op_id:
                for key, value in markers.items():
                    name = "x-coreclaw-" + key.replace("_", "-")
                    if value is None:
                        op.pop(name, None)
                    else:
                        op[name] = value
    return spec


@pytest.mark.parametrize(
    ("op_id", "markers", "message"),
    [
        ("runWorker", {"idempotent": True}, "marked both"),
        ("abortWorkerRun", {"idempotent": None}, "explicit x-coreclaw-idempotent"),
        ("getWorkerRun", {"retry_note": None}, "retry-note"),
        ("getWorkerRun", {"idempotent": False}, "always idempotent"),
        ("getWorkerRun", {"resource_method": None}, "resource-method"),
    ],
)
def test_the_generator_refuses_unsafe_or_incomplete_markers(
    op_id: str, markers: dict[str, Any], message: str
) -> None:
    model = _ext_model()
    model.operations(spec_cases.spec())  # the real spec is fine
    with pytest.raises(model.SpecError, match=message):
        model.operations(_mutated(op_id, **markers))


def test_the_spec_index_refuses_a_run_creating_idempotent_operation() -> None:
    index = load_script("scripts/spec_index.py", "coreclaw_scripts_spec_index")
    with pytest.raises(SystemExit, match="marked both"):
        index.build(_mutated("rerunWorkerRun", idempotent=True))


# --- timeouts and the generic path, for every operation --------------------------------------


def _sync_example(op: OpSpec) -> bytes:
    examples = spec_cases.success_examples(op)
    return json.dumps(examples.get("sync") or next(iter(examples.values()))).encode()


@pytest.mark.parametrize("op", [op for op in OPS if op.sync_wait], ids=lambda op: op.name)
def test_every_sync_wait_operation_gets_the_long_read_timeout(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec
) -> None:
    # Ordinary read timeout 0.2 s, synchronous tier 3 s; the server answers after 0.5 s.
    call = spec_cases.calls(op)[0].with_callback("http://127.0.0.1:9/hooks")
    kwargs = {k: v for k, v in call.kwargs.items() if k != "is_async"}
    client = make_client(timeout=0.2, sync_run_timeout=3.0, max_retries=0)
    server.queue(Reply(200, _sync_example(op), JSON, delay=0.5))
    result = getattr(ce, op.name)(client, *call.args, **kwargs, is_async=False)
    assert isinstance(result, spec_cases.data_types(op))
    server.queue(Reply(200, _first_success(op), JSON, delay=0.5))
    with pytest.raises(ce.APITimeoutError):
        getattr(ce, op.name)(client, *call.args, **kwargs)  # asynchronous: the ordinary tier


def _generated_call(op: OpSpec) -> tuple[Any, tuple[Any, ...], dict[str, Any]]:
    """The generated module of ``op`` and arguments for its ``sync_detailed``."""
    module = importlib.import_module(f"coreclaw_api.api.{op.resource}.{op.name}")
    kwargs: dict[str, Any] = {}
    body = next(iter(spec_cases.body_examples(op).values()), None)
    if body is not None:
        fields = {k: v for k, v in body.items() if k != "callback_url"}
        kwargs["body"] = spec_cases.body_class(op).from_dict(fields)
    return module, tuple(spec_cases.calls(op)[0].args), kwargs


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_call_and_unwrap_work_on_every_generated_operation(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec
) -> None:
    module, args, kwargs = _generated_call(op)
    client = make_client()
    server.queue(Reply(200, _first_success(op), JSON), Reply(200, _first_success(op), JSON))
    data = ce.call(module.sync_detailed, *args, client=client, **kwargs)
    assert isinstance(data, spec_cases.data_types(op))
    unwrapped = ce.unwrap(module.sync_detailed(*args, client=client, **kwargs))
    assert isinstance(unwrapped, spec_cases.data_types(op))
    server.queue(Reply(200, _first_success(op), JSON))

    async def run() -> Any:
        try:
            return await ce.acall(module.asyncio_detailed, *args, client=client, **kwargs)
        finally:
            await client.get_async_httpx_client().aclose()

    assert isinstance(asyncio.run(run()), spec_cases.data_types(op))


# --- after a run starts, every failure says so ------------------------------------------------

WAIT_FAILURES = {
    "429-storm": [Reply(429, envelope(None, code=13000, message="too many requests"), JSON)] * 3,
    "404-after-grace": [Reply(404, envelope(None, code=11004, message="not found"), JSON)],
    "401": [Reply(401, envelope(None, code=12001, message="authentication required"), JSON)],
    "400": [Reply(400, envelope(None, code=11000, message="invalid argument"), JSON)],
    "connection-lost": [Reply(fault="reset")] * 3,
}


@pytest.mark.parametrize("failure", sorted(WAIT_FAILURES))
@pytest.mark.parametrize("op", [op for op in OPS if op.waits], ids=lambda op: op.name)
def test_a_failure_after_the_start_carries_the_run(
    server: LoopbackServer,
    make_client: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
    op: OpSpec,
    failure: str,
) -> None:
    monkeypatch.setattr("coreclaw_ext._waiting.NOT_FOUND_GRACE", -1.0)  # a 404 is final at once
    call = spec_cases.calls(op)[0].with_callback("http://127.0.0.1:9/hooks")
    kwargs = {k: v for k, v in call.kwargs.items() if k != "is_async"}
    server.queue(
        Reply(
            200,
            json.dumps(
                {"code": 0, "message": "success", "data": {"run_slug": "01NEWRUN"}}
            ).encode(),
            JSON,
        ),
        *WAIT_FAILURES[failure],
    )
    with pytest.raises(ce.RunStartedError) as info:
        getattr(ce, op.name)(make_client(max_retries=2), *call.args, **kwargs, wait=True)
    err = info.value
    assert err.run_started and err.run_slug == "01NEWRUN" and "01NEWRUN" in str(err)
    assert isinstance(err.error, ce.CoreClawError) and err.__cause__ is err.error
    assert not isinstance(err, ce.APIError)  # never taken for a refused start
    posts = [r for r in server.requests if r.method == "POST"]
    assert len(posts) == 1, "the start was repeated"


def _text_args(op: OpSpec) -> list[str]:
    return [name for name, _api, kind, _req in op.query_args + op.body_args if kind == "string"]


@pytest.mark.parametrize(
    ("op", "name"),
    [pytest.param(op, name, id=f"{op.name}-{name}") for op in OPS for name in _text_args(op)],
)
def test_text_that_cannot_be_sent_is_refused_before_sending(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec, name: str
) -> None:
    call = spec_cases.calls(op)[0]
    with pytest.raises((ValueError, TypeError)):
        getattr(ce, op.name)(make_client(), *call.args, **{**call.kwargs, name: "a\udc80b"})
    assert server.requests == []


@pytest.mark.parametrize("op", [op for op in OPS if op.path_args], ids=lambda op: op.name)
@pytest.mark.parametrize("bad", ["\udc80", "x" * 5000], ids=["lone-surrogate", "too-long"])
def test_path_ids_that_cannot_be_sent_are_refused(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec, bad: str
) -> None:
    call = spec_cases.calls(op)[0]
    with pytest.raises(ValueError):
        getattr(ce, op.name)(make_client(), bad, *call.args[1:], **call.kwargs)
    assert server.requests == []


# --- from a hostile review: nothing may look like "not started" once a start went out ---------


@pytest.mark.parametrize("op", [op for op in OPS if not op.idempotent], ids=lambda op: op.name)
@pytest.mark.parametrize("value", ["no", "false", 1, [True]])
def test_retry_unsafe_must_be_a_bool(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec, value: object
) -> None:
    call = spec_cases.calls(op)[0].with_callback("http://127.0.0.1:9/hooks")
    with pytest.raises(TypeError, match="retry_unsafe"):
        getattr(ce, op.name)(make_client(), *call.args, **call.kwargs, retry_unsafe=value)
    with pytest.raises(TypeError, match="retry_unsafe"), ce.call_options(retry_unsafe=value):  # type: ignore[arg-type]
        pass
    assert server.requests == []


def test_create_client_retry_unsafe_must_be_a_bool() -> None:
    with pytest.raises(TypeError, match="retry_unsafe"):
        ce.create_client("k" * 20, retry_unsafe="false")  # type: ignore[arg-type]


BAD_WAITS: list[tuple[dict[str, Any], type[Exception]]] = [
    ({"wait": "no"}, TypeError),
    ({"wait": True, "wait_timeout": -1}, ValueError),
    ({"wait": True, "wait_timeout": float("nan")}, ValueError),
    ({"wait": True, "wait_timeout": "x"}, TypeError),
    ({"wait": True, "poll_intervals": []}, ValueError),
    ({"wait": True, "poll_intervals": [-1]}, ValueError),
    ({"wait": True, "on_status": 1}, TypeError),
]


@pytest.mark.parametrize(("settings", "error"), BAD_WAITS)
@pytest.mark.parametrize("op", [op for op in OPS if op.waits], ids=lambda op: op.name)
def test_bad_wait_settings_are_refused_before_the_start(
    server: LoopbackServer,
    make_client: ClientFactory,
    op: OpSpec,
    settings: dict[str, Any],
    error: type[Exception],
) -> None:
    call = spec_cases.calls(op)[0].with_callback("http://127.0.0.1:9/hooks")
    with pytest.raises(error):
        getattr(ce, op.name)(make_client(), *call.args, **call.kwargs, **settings)
    assert server.requests == []


@pytest.mark.parametrize("op", [op for op in OPS if op.waits], ids=lambda op: op.name)
def test_a_failing_progress_callback_still_names_the_run(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec
) -> None:
    def broken(_run: Any, _elapsed: float) -> None:
        raise ValueError("user callback")

    call = spec_cases.calls(op)[0].with_callback("http://127.0.0.1:9/hooks")
    kwargs = {k: v for k, v in call.kwargs.items() if k != "is_async"}
    server.queue(
        Reply(200, envelope({"run_slug": "R7"}), JSON),
        Reply(200, envelope({"slug": "R7", "status": "running"}), JSON),
    )
    with pytest.raises(ce.RunStartedError) as info:
        getattr(ce, op.name)(make_client(), *call.args, **kwargs, wait=True, on_status=broken)
    assert info.value.run_slug == "R7" and isinstance(info.value.error, ValueError)


@pytest.mark.parametrize("op", [op for op in OPS if op.creates_run], ids=lambda op: op.name)
@pytest.mark.parametrize("data", [{"status": "ready"}, {"run_slug": 5}, None])
def test_an_unreadable_accepted_start_says_it_may_have_started(
    server: LoopbackServer, make_client: ClientFactory, op: OpSpec, data: object
) -> None:
    call = spec_cases.calls(op)[0].with_callback("http://127.0.0.1:9/hooks")
    body = {"code": 0, "message": "success", "data": data}
    server.queue(Reply(200, json.dumps(body).encode(), JSON))
    with pytest.raises(ce.UnexpectedResponseError) as info:
        getattr(ce, op.name)(make_client(), *call.args, **call.kwargs)
    assert info.value.run_started, "an accepted start must never look refused"
    assert len(server.requests) == 1
