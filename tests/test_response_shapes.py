"""Typed data: the right rerun shape wins, open status values parse, log lines of both forms."""

from __future__ import annotations

from typing import Any

import pytest
from coreclaw_api.models.log_line import LogLine
from coreclaw_api.models.rerun_accepted import RerunAccepted
from coreclaw_api.models.sync_rerun_result import SyncRerunResult

import coreclaw_ext as ce
from tests.conftest import ClientFactory, arun
from tests.loopback import LoopbackServer, json_reply

PAGE = {
    "count": 2,
    "headers": [{"key": "title", "label": "Title"}, {"key": "url", "label": "URL"}],
    "list": [
        {"title": "A", "url": "https://a", "__coreclaw_data_id__": 1},
        {"title": "B", "url": "https://b"},
    ],
    "page_index": 1,
    "page_size": 20,
}
SYNC = {
    "run_slug": "01KZAZTK3BEMEDXA54396WMGC2",
    "run_status": "succeeded",
    "execution_start_timestamp": 1786001000,
    "execution_end_timestamp": 1786001008,
    "running_duration": 8,
    "is_finished": True,
    "results": PAGE,
}


def test_async_rerun_is_rerun_accepted(server: LoopbackServer, make_client: ClientFactory) -> None:
    client = make_client()
    server.queue(json_reply({"run_slug": "R1"}))
    result = ce.rerun_worker_last_run(client, "o/n")
    assert isinstance(result, RerunAccepted)
    assert result.run_slug == "R1"


@pytest.mark.parametrize(
    "data",
    [
        SYNC,
        {**SYNC, "is_finished": False, "run_status": "running"},
        {
            "run_slug": "R2",
            "run_status": "running",
            "is_finished": False,
        },  # wait ran out, no rows yet
    ],
)
def test_sync_rerun_is_never_swallowed_by_the_async_shape(
    server: LoopbackServer, make_client: ClientFactory, data: dict[str, Any]
) -> None:
    client = make_client()
    server.queue(json_reply(data))
    result = ce.rerun_worker_last_run(client, "o/n", is_async=False)
    assert isinstance(result, SyncRerunResult)
    assert result.run_slug == data["run_slug"]
    assert result.is_finished is data["is_finished"]


def test_sync_rerun_rows_are_dicts_keyed_by_headers(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client()
    server.queue(json_reply(SYNC))
    result = ce.rerun_worker_last_run(client, "o/n", is_async=False)
    assert isinstance(result, SyncRerunResult)
    page = result.results
    assert not isinstance(page, type(None))
    keys = [h.key for h in page.headers]  # type: ignore[union-attr]
    rows = [row.to_dict() for row in page.list_]  # type: ignore[union-attr]
    assert keys == ["title", "url"]
    assert rows[0] == {"title": "A", "url": "https://a", "__coreclaw_data_id__": 1}


@pytest.mark.parametrize(
    "status", ["ready", "running", "succeeded", "failed", "aborting", "aborted", "paused-by-ops"]
)
def test_any_run_status_parses(
    server: LoopbackServer, make_client: ClientFactory, status: str
) -> None:
    client = make_client()
    server.queue(
        json_reply({"slug": "R", "status": status, "results": 3, "usage": "1.00", "new_field": [1]})
    )
    run = ce.get_worker_run(client, "R")
    assert run.status == status
    assert run.results == 3
    assert run.additional_properties == {"new_field": [1]}


def test_log_lines_as_objects_and_strings(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client()
    line = {"type": 2, "group": "4976", "content": "SYSTEM: Running...", "timestamp": 1786001001000}
    server.queue(
        json_reply(
            {"all_logs_url": "https://s/x.txt", "result_count": 1, "list": [line, "Run finished"]}
        )
    )
    log = ce.get_worker_run_log(client, "R")
    assert isinstance(log.list_, list)
    first, second = log.list_
    assert (
        isinstance(first, LogLine)
        and first.content == "SYSTEM: Running..."
        and first.timestamp == 1786001001000
    )
    assert second == "Run finished"


def test_result_page_async(server: LoopbackServer, make_client: ClientFactory) -> None:
    client = make_client()
    server.queue(json_reply(PAGE))
    page = arun(client, ce.alist_worker_run_results(client, "R", offset=1, limit=20))
    assert page.count == 2 and len(page.list_) == 2
    assert server.requests[0].target == "/api/v2/worker-runs/R/result?offset=1&limit=20"
