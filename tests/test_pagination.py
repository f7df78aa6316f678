"""Iterating result rows: pages 1, 2, 3 ... once each; stop on an empty page or at count."""

from __future__ import annotations

from typing import Any

import pytest

import coreclaw_ext as ce
from tests.conftest import ClientFactory, arun
from tests.loopback import LoopbackServer, Recorded, Reply, json_reply

HEADERS = [{"key": "n", "label": "N"}]


def paged(
    total: int, *, served: int | None = None, count: int | None = None, echo_index: bool = True
) -> Any:
    """A server holding ``served`` rows (default ``total``) that reports ``count`` (default total)."""
    rows = served if served is not None else total

    def respond(rec: Recorded) -> Reply:
        query = dict(part.split("=") for part in rec.query.split("&") if part)
        page, size = int(query["offset"]), int(query["limit"])
        start = (max(page, 1) - 1) * size
        data: dict[str, Any] = {
            "count": count if count is not None else total,
            "headers": HEADERS,
            "list": [{"n": i} for i in range(start, min(start + size, rows))],
            "page_size": size,
        }
        if echo_index:
            data["page_index"] = page
        return json_reply(data)

    return respond


def pages_asked(server: LoopbackServer) -> list[str]:
    return [r.query for r in server.requests]


@pytest.mark.parametrize(
    ("total", "page_size", "queries"),
    [
        (0, 100, ["offset=1&limit=100"]),
        (5, 100, ["offset=1&limit=100"]),
        (100, 100, ["offset=1&limit=100"]),
        (200, 100, ["offset=1&limit=100", "offset=2&limit=100"]),
        (7, 3, ["offset=1&limit=3", "offset=2&limit=3", "offset=3&limit=3"]),
        (6, 3, ["offset=1&limit=3", "offset=2&limit=3"]),
    ],
)
def test_walks_each_page_once(
    server: LoopbackServer,
    make_client: ClientFactory,
    total: int,
    page_size: int,
    queries: list[str],
) -> None:
    server.always(paged(total))
    rows = list(ce.iter_worker_run_results(make_client(), "R", page_size=page_size))
    assert rows == [{"n": i} for i in range(total)]
    assert pages_asked(server) == queries


def test_count_larger_than_rows_served_stops_on_empty_page(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(paged(10, served=4, count=10))
    rows = list(ce.iter_worker_run_results(make_client(), "R", page_size=2))
    assert rows == [{"n": i} for i in range(4)]
    assert pages_asked(server) == ["offset=1&limit=2", "offset=2&limit=2", "offset=3&limit=2"]


def test_count_smaller_than_rows_served_stops_at_count(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(paged(10, count=5))
    rows = list(ce.iter_worker_run_results(make_client(), "R", page_size=4))
    assert rows == [{"n": i} for i in range(5)]
    assert len(server.requests) == 2


def test_without_count_or_page_index_pages_until_empty(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    def no_count(rec: Recorded) -> Reply:
        reply = paged(5, echo_index=False)(rec)
        return reply

    server.always(no_count)
    rows = list(ce.iter_worker_run_results(make_client(), "R", page_size=2))
    assert len(rows) == 5


def test_server_ignoring_the_page_is_an_error_not_a_loop(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(
        json_reply({"headers": HEADERS, "list": [{"n": 0}], "page_index": 1, "page_size": 1})
    )
    with pytest.raises(ce.UnexpectedResponseError, match="asked for page 2"):
        list(ce.iter_worker_run_results(make_client(), "R", page_size=1))
    assert len(server.requests) == 2


def test_rows_keep_every_key(server: LoopbackServer, make_client: ClientFactory) -> None:
    server.queue(
        json_reply(
            {
                "count": 1,
                "headers": [{"key": "title", "label": "T"}],
                "list": [{"title": "A", "__coreclaw_data_id__": 9}],
            }
        )
    )
    assert list(ce.iter_worker_run_results(make_client(), "R")) == [
        {"title": "A", "__coreclaw_data_id__": 9}
    ]


def test_lazy_iteration_requests_nothing_until_used(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(paged(300))
    iterator = ce.iter_worker_run_results(make_client(), "R")
    assert server.requests == []
    assert next(iterator) == {"n": 0}
    assert len(server.requests) == 1


@pytest.mark.parametrize("size", [0, 101, "10", True])
def test_bad_page_size(server: LoopbackServer, make_client: ClientFactory, size: object) -> None:
    with pytest.raises((ValueError, TypeError)):
        list(ce.iter_worker_run_results(make_client(), "R", page_size=size))  # type: ignore[arg-type]
    assert server.requests == []


def test_async_iterator(server: LoopbackServer, make_client: ClientFactory) -> None:
    server.always(paged(250))
    client = make_client()

    async def collect() -> list[dict[str, Any]]:
        return [row async for row in ce.aiter_worker_run_results(client, "R")]

    rows = arun(client, collect())
    assert rows == [{"n": i} for i in range(250)]
    assert pages_asked(server) == ["offset=1&limit=100", "offset=2&limit=100", "offset=3&limit=100"]


def test_iterator_exposes_headers_and_count(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(paged(3))
    rows = ce.iter_worker_run_results(make_client(), "R", page_size=2)
    assert rows.headers is None and rows.count is None
    first = next(rows)
    assert first == {"n": 0}
    assert [h.key for h in rows.headers or []] == ["n"] and rows.count == 3
    assert list(rows) == [{"n": 1}, {"n": 2}]
    assert list(rows) == []  # exhausted, and no further request
    assert len(server.requests) == 2


def test_page_zero_is_accepted_only_for_the_first_page(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(json_reply({"headers": HEADERS, "list": [{"n": 0}], "page_index": 0}))
    with pytest.raises(ce.UnexpectedResponseError, match="asked for page 2"):
        list(ce.iter_worker_run_results(make_client(), "R", page_size=1))
    assert len(server.requests) == 2


def test_unguided_server_repeating_a_page_is_an_error(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(json_reply({"list": [{"n": 0}]}))  # no count, no page_index, ignores offset
    with pytest.raises(ce.UnexpectedResponseError, match="repeats page 1"):
        list(ce.iter_worker_run_results(make_client(), "R", page_size=1))
    assert len(server.requests) == 2


def test_identical_rows_on_consecutive_pages_are_fine_when_the_server_guides(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(
        json_reply({"count": 2, "list": [{"n": 0}], "page_index": 1}),
        json_reply({"count": 2, "list": [{"n": 0}], "page_index": 2}),
    )
    assert list(ce.iter_worker_run_results(make_client(), "R", page_size=1)) == [{"n": 0}, {"n": 0}]
