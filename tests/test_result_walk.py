"""Result-row walks read rows straight from the decoded page: the same rows, bookkeeping and
errors as the model path (``list_worker_run_results`` + ``ResultRow.to_dict``), no models."""

from __future__ import annotations

import importlib
import itertools
import json
import math
from collections.abc import Iterator
from functools import partial
from typing import Any

import pytest
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.result_page import ResultPage
from coreclaw_api.models.result_page_envelope import ResultPageEnvelope
from coreclaw_api.models.result_row import ResultRow

import coreclaw_ext as ce
from coreclaw_ext import _json
from coreclaw_ext._pagination import ResultRows
from coreclaw_ext._paths import find_operation
from tests import spec_cases
from tests.conftest import TEST_KEY, ClientFactory, arun
from tests.loopback import LoopbackServer, Recorded, Reply, envelope, json_reply

JSON = {"Content-Type": "application/json"}
HEADERS = [{"key": "title", "label": "Title"}, {"key": "n"}]
# Rows as a scraper sends them: extra internal keys, nesting, nulls, unicode, numbers of every
# kind (NaN and a 100-digit integer are JSON the standard library accepts).
ROWS: list[dict[str, Any]] = [
    {"title": "A", "n": 0, "__coreclaw_data_id__": 9, "z": None, "a": [1, {"b": "ü"}]},
    {"n": 1, "title": "B \U0001f600", "price": 1.0, "neg": -0.0, "big": 10**100},
    {"title": "", "n": 2, "nan": math.nan, "inf": -math.inf, "t": True, "e": 1e-300},
    {"title": 'tab\there \\ "quoted"', "n": 3, "nested": {"x": {"y": []}}, "lone": "\udc00"},
    {"n": 4},
]
# Rows every fast decoder decodes itself (the ones above make it hand the page to json.loads).
PLAIN_ROWS: list[dict[str, Any]] = [
    {"title": f"row {i} \u00e9\u20ac", "n": i, "f": i / 7, "ok": i % 2 == 0, "none": None}
    for i in range(5)
]


def page_reply(rows: list[dict[str, Any]], page: int, count: int, request_id: str = "req") -> Reply:
    data = {"count": count, "headers": HEADERS, "list": rows, "page_index": page, "page_size": 2}
    return json_reply(data, request_id=request_id)


def paged(rows: list[dict[str, Any]]) -> Any:
    def respond(rec: Recorded) -> Reply:
        query = dict(part.split("=") for part in rec.query.split("&") if part)
        page, size = int(query["offset"]), int(query["limit"])
        start = (page - 1) * size
        return page_reply(rows[start : start + size], page, len(rows), f"req-p{page}")

    return respond


def identical(a: Any, b: Any) -> bool:
    """Equal values of the same types, keys in the same order, floats bit for bit."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (
            a == b and math.copysign(1, a) == math.copysign(1, b)
        )
    if isinstance(a, dict):
        return list(a) == list(b) and all(identical(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def model_rows(client: Any, pages: int, size: int) -> list[dict[str, Any]]:
    """The rows as the model path gives them: ResultPage models, each row dumped."""
    out: list[dict[str, Any]] = []
    for page in range(1, pages + 1):
        result = ce.list_worker_run_results(client, "R", offset=page, limit=size)
        out += [row.to_dict() for row in result.list_]
    return out


@pytest.fixture(params=["stdlib", "msgspec", "orjson"])
def decoder(request: pytest.FixtureRequest) -> Iterator[str]:
    if request.param != "stdlib":
        pytest.importorskip(request.param)
    previous = _json.use(request.param)
    yield request.param
    _json.use(previous)


@pytest.fixture
def no_models(monkeypatch: pytest.MonkeyPatch) -> None:
    """Building any result model fails the test (AssertionError is no parse error to map)."""

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("a result model was built")

    for cls in (ResultRow, ResultPage, ResultPageEnvelope):
        monkeypatch.setattr(cls, "from_dict", classmethod(refuse))


# --- the same rows ---------------------------------------------------------------------------


@pytest.mark.parametrize("served", [ROWS, PLAIN_ROWS], ids=["corners", "plain"])
def test_rows_are_those_of_the_model_path_exactly(
    server: LoopbackServer, make_client: ClientFactory, decoder: str, served: list[Any]
) -> None:
    server.always(paged(served))
    client = make_client()
    expected = model_rows(client, 3, 2)
    assert identical(expected, served)
    rows = list(ce.iter_worker_run_results(client, "R", page_size=2))
    assert identical(rows, expected)
    assert [type(r) for r in rows] == [dict] * len(served)


@pytest.mark.parametrize("served", [ROWS, PLAIN_ROWS], ids=["corners", "plain"])
def test_async_rows_are_those_of_the_model_path_exactly(
    server: LoopbackServer, make_client: ClientFactory, decoder: str, served: list[Any]
) -> None:
    server.always(paged(served))
    client = make_client()
    expected = model_rows(client, 3, 2)

    async def collect() -> list[dict[str, Any]]:
        return [row async for row in ce.aiter_worker_run_results(client, "R", page_size=2)]

    assert identical(arun(client, collect()), expected)


def test_no_model_is_built_for_rows(
    server: LoopbackServer, make_client: ClientFactory, no_models: None
) -> None:
    server.always(paged(ROWS))
    client = make_client()
    rows = ce.iter_worker_run_results(client, "R", page_size=2)
    assert len(list(rows)) == len(ROWS)
    assert rows.count == len(ROWS)
    assert rows.headers is not None and [h.key for h in rows.headers] == ["title", "n"]
    assert rows.headers[0].label == "Title"

    async def collect() -> int:
        return len([row async for row in ce.aiter_worker_run_results(client, "R", page_size=2)])

    assert arun(client, collect()) == len(ROWS)


def test_headers_are_the_models_of_the_first_page(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(paged(ROWS))
    client = make_client()
    page = ce.list_worker_run_results(client, "R", offset=1, limit=2)
    rows = ce.iter_worker_run_results(client, "R", page_size=2)
    next(rows)
    assert rows.headers == page.headers


def test_every_rows_iterator_skips_the_models(
    server: LoopbackServer, make_client: ClientFactory, no_models: None
) -> None:
    # Every paged list of ResultRow in the spec, with its example arguments.
    rows_ops = [
        op
        for op in spec_cases.ops()
        if op.paged
        and hasattr(importlib.import_module(f"coreclaw_ext._generated.ops.{op.name}"), "_rows_page")
    ]
    assert len(rows_ops) >= 3
    server.always(paged(ROWS))
    client = make_client()
    for op in rows_ops:
        call = spec_cases.calls(op)[0]
        filters = {k: v for k, v in call.kwargs.items() if k not in ("offset", "limit")}
        iterator = getattr(ce, str(op.iterator))
        assert identical(list(iterator(client, *call.args, **filters, page_size=2)), ROWS)


@pytest.mark.parametrize(
    "name",
    ["list_worker_run_results", "list_last_worker_run_results", "list_worker_last_run_results"],
)
def test_the_transport_checks_every_rows_page_against_the_spec(name: str) -> None:
    # What lets the rows skip the models: the transport finds the operation of the generated
    # request, so it checks the page's shape (rows objects, integers integers) before we read it.
    module = importlib.import_module(f"coreclaw_ext._generated.ops.{name}")
    op = next(o for o in spec_cases.ops() if o.name == name)
    args = spec_cases.calls(op)[0].args
    kwargs = module._op._get_kwargs(*args, offset=1, limit=100)
    found = find_operation(kwargs["method"].upper(), kwargs["url"].encode())
    assert found is not None and found.data_required
    assert found.data_shape == {"$ref": "ResultPage"}


# --- the same errors -------------------------------------------------------------------------


def outcome(func: Any) -> tuple[type[BaseException], str, Any]:
    with pytest.raises(ce.CoreClawError) as info:
        func()
    err = info.value
    return type(err), str(err), getattr(err, "status_code", None)


@pytest.mark.parametrize(
    "reply",
    [
        json_reply({"list": ["not a row"], "count": 1}),  # the shape check
        json_reply({"list": [{"n": 1}], "count": "1"}),
        json_reply({"list": [{"n": 1}], "page_index": True}),
        json_reply({"list": [{"n": 1}], "headers": [{"label": "no key"}]}),
        json_reply(None),  # no data
        json_reply(None, code=11004, message="run not found"),  # an error envelope on 200
        json_reply(None, status=404, code=11004, message="run not found"),
        Reply(200, b"<html>busy</html>", {"Content-Type": "text/html"}),
        Reply(201, envelope({"list": [{"n": 1}]}), JSON),  # not the documented answer
        Reply(418, b"teapot", JSON),
    ],
    ids=[
        "row-not-object",
        "count-string",
        "page-index-bool",
        "header-without-key",
        "no-data",
        "error-code-on-200",
        "404",
        "html",
        "201",
        "418",
    ],
)
def test_a_bad_page_raises_what_the_model_path_raises(
    server: LoopbackServer, make_client: ClientFactory, reply: Reply
) -> None:
    server.always(reply)
    client = make_client(max_retries=0)
    expected = outcome(lambda: ce.list_worker_run_results(client, "R", offset=1, limit=100))
    assert outcome(lambda: list(ce.iter_worker_run_results(client, "R"))) == expected

    async def walk() -> None:
        async for _row in ce.aiter_worker_run_results(client, "R"):
            pass

    assert outcome(lambda: arun(client, walk())) == expected


def test_a_plain_generated_client_gets_the_same_rows_and_errors(server: LoopbackServer) -> None:
    # No ext transport: the page goes through the generated parser, as a model page would.
    server.always(paged(ROWS))
    with AuthenticatedClient(base_url=server.url, token=TEST_KEY) as plain:
        rows = list(ce.iter_worker_run_results(plain, "R", page_size=2))
        assert identical(rows, model_rows(plain, 3, 2))
        server.always(json_reply({"list": ["not a row"]}))
        expected = outcome(lambda: ce.list_worker_run_results(plain, "R", offset=1, limit=100))
        assert expected[0] is ce.UnexpectedResponseError
        assert outcome(lambda: list(ce.iter_worker_run_results(plain, "R"))) == expected
        server.always(json_reply(None, status=404, code=11004, message="run not found"))
        assert outcome(lambda: list(ce.iter_worker_run_results(plain, "R")))[0] is (
            ce.NotFoundError
        )


def test_a_model_fetch_still_gives_dict_rows(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    # ResultRows built by hand over the model call, as before: rows are dumped to dicts.
    server.always(paged(ROWS))
    client = make_client()
    rows = ResultRows(partial(ce.list_worker_run_results, client, "R"), "list_", 2, "results")
    assert identical(list(rows), model_rows(client, 3, 2))
    assert rows.count == len(ROWS) and rows.headers is not None


# --- retries, timeouts, an error in the middle of a walk ----------------------------------------


def test_retries_and_timeouts_are_the_transports(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client()
    server.queue(json_reply(None, status=503, code=10000, message="busy"), page_reply(ROWS, 1, 5))
    assert len(list(ce.iter_worker_run_results(client, "R"))) == 5
    assert len(server.requests) == 2  # the 503 was retried
    server.reset()
    server.always(Reply(200, envelope({"list": []}), JSON, delay=1.0))
    with pytest.raises(ce.APITimeoutError):
        list(ce.iter_worker_run_results(client, "R", timeout=0.2, max_retries=0))
    assert len(server.requests) == 1


def test_an_error_leaves_the_walk_where_it_was(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(
        page_reply(ROWS[:2], 1, 5),
        Reply(fault="reset"),
        page_reply(ROWS[2:4], 2, 5),
        Reply(fault="reset"),
        page_reply(ROWS[4:], 3, 5),
    )
    rows = ce.iter_worker_run_results(make_client(max_retries=0), "R", page_size=2)
    got = [next(rows), next(rows)]
    with pytest.raises(ce.APIConnectionError):
        next(rows)
    got.append(next(rows))  # page 2 asked again
    it = iter(rows)
    assert it is rows
    got.append(next(it))
    with pytest.raises(ce.APIConnectionError):
        for row in rows:
            got.append(row)
    got += list(rows)  # page 3 asked again
    assert identical(got, ROWS)
    assert [r.query for r in server.requests] == [
        "offset=1&limit=2",
        "offset=2&limit=2",
        "offset=2&limit=2",
        "offset=3&limit=2",
        "offset=3&limit=2",
    ]
    assert list(rows) == []  # done, nothing more is asked
    assert len(server.requests) == 5


def test_an_async_error_leaves_the_walk_where_it_was(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(page_reply(ROWS[:2], 1, 3), Reply(fault="reset"), page_reply(ROWS[2:3], 2, 3))
    client = make_client(max_retries=0)

    async def walk() -> list[dict[str, Any]]:
        rows = ce.aiter_worker_run_results(client, "R", page_size=2)
        got = [await rows.__anext__(), await rows.__anext__()]
        with pytest.raises(ce.APIConnectionError):
            await rows.__anext__()
        got += [row async for row in rows]
        return got

    assert identical(arun(client, walk()), ROWS[:3])


def test_a_fetch_raising_stop_iteration_ends_the_walk() -> None:
    # As before: a StopIteration out of fetch ends the iteration (it does not loop).
    calls = []

    def fetch(**kwargs: Any) -> Any:
        calls.append(kwargs)
        if len(calls) > 1:
            raise StopIteration
        return {"list": [{"n": 1}]}

    assert list(ResultRows(fetch, "list", 1, "x")) == [{"n": 1}]
    assert len(calls) == 2


# --- capture_responses -----------------------------------------------------------------------


def test_capture_responses_records_every_page(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(paged(ROWS))
    client = make_client()
    with ce.capture_responses() as pages:
        model_rows(client, 3, 2)
    with ce.capture_responses() as walked:
        list(ce.iter_worker_run_results(client, "R", page_size=2))
    assert [r.request_id for r in walked] == ["req-p1", "req-p2", "req-p3"]
    assert [(r.status_code, r.request_id) for r in walked] == [
        (r.status_code, r.request_id) for r in pages
    ]
    assert all(w.headers.keys() == p.headers.keys() for w, p in zip(walked, pages, strict=True))

    async def walk() -> list[Any]:
        with ce.capture_responses() as seen:
            [row async for row in ce.aiter_worker_run_results(client, "R", page_size=2)]
        return list(seen)

    assert [r.request_id for r in arun(client, walk())] == ["req-p1", "req-p2", "req-p3"]


def test_a_request_id_that_is_not_a_string_is_not_recorded(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    body = json.dumps({"code": 0, "message": "ok", "request_id": 7, "data": {"list": []}})
    server.always(Reply(200, body.encode(), JSON))
    client = make_client()
    with ce.capture_responses() as walked:
        list(ce.iter_worker_run_results(client, "R"))
    with ce.capture_responses() as listed:
        ce.list_worker_run_results(client, "R")
    assert [r.request_id for r in walked] == [r.request_id for r in listed] == [None]


def test_rows_iteration_is_chained_in_c() -> None:
    # The speed of a walk: rows come out of itertools.chain, no Python frame per row.
    rows = ResultRows(
        lambda **_: {"list": [{"n": i} for i in range(3)], "count": 3}, "list", 3, "x"
    )
    assert ResultRows.__next__ is itertools.chain.__next__
    assert isinstance(rows, ce.Items)
    assert list(rows) == [{"n": 0}, {"n": 1}, {"n": 2}] and rows.count == 3
