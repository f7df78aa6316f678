"""Workflows on loopback servers: input built and checked before a paid start, run-and-collect,
abort and wait. The server records every request, so "nothing was started" is observable."""

from __future__ import annotations

from typing import Any

import pytest

import coreclaw_ext as ce
from coreclaw_ext import _input_schema
from tests.conftest import ClientFactory, arun
from tests.loopback import LoopbackServer, Reply, envelope, json_reply

JSON = {"Content-Type": "application/json"}
SCHEMA = {
    "type": "object",
    "required": ["keyword"],
    "properties": {
        "keyword": {"type": "string", "minLength": 1},
        "max_results": {"type": "integer", "minimum": 1, "maximum": 500},
    },
    "additionalProperties": False,
}
PAGE = {
    "count": 2,
    "headers": [{"key": "title", "label": "Title"}],
    "list": [{"title": "a"}, {"title": "b"}],
    "page_index": 1,
    "page_size": 100,
}


@pytest.fixture(autouse=True)
def _fresh_schema_cache() -> None:
    _input_schema._cache.clear()


def record(status: str, **extra: Any) -> dict[str, Any]:
    return {"slug": "R1", "status": status, **extra}


def lines(server: LoopbackServer) -> list[str]:
    return [f"{r.method} {r.path}" for r in server.requests]


# --- input where the API expects it ----------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "sent"),
    [
        (
            {"input": {"keyword": "coffee"}},
            {"input": {"parameters": {"custom": {"keyword": "coffee"}}}},
        ),
        (
            {"input": {"keyword": "tea"}, "proxy_region": "US"},
            {
                "input": {
                    "parameters": {"custom": {"keyword": "tea"}, "system": {"proxy_region": "US"}}
                }
            },
        ),
        ({"raw_input": {"anything": [1]}}, {"input": {"anything": [1]}}),
        ({"version": "v1.2.8"}, {"version": "v1.2.8"}),
        ({}, {}),
    ],
    ids=["flat-fields", "proxy-region", "raw-input", "version", "nothing"],
)
def test_run_worker_sends_input_where_the_api_expects_it(
    server: LoopbackServer, make_client: ClientFactory, kwargs: dict[str, Any], sent: Any
) -> None:
    server.queue(json_reply({"run_slug": "R1"}))
    started = ce.run_worker(make_client(), "owner/name", **kwargs)
    assert started.run_slug == "R1"
    assert server.requests[0].json() == sent
    assert server.requests[0].path == "/api/v2/workers/owner~name/runs"


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"version": "latest"}, ValueError, "omit"),
        ({"version": "LATEST "}, ValueError, "omit"),
        ({"input": {"a": 1}, "raw_input": {"b": 2}}, ValueError, "not both"),
        ({"input": ["keyword"]}, TypeError, "mapping"),
        ({"input": {"n": float("nan")}}, ValueError, "JSON"),
    ],
)
def test_bad_input_is_refused_before_sending(
    server: LoopbackServer,
    make_client: ClientFactory,
    kwargs: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        ce.run_worker(make_client(), "o/n", **kwargs)
    assert server.requests == []


def test_saved_tasks_take_input_the_same_way(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(json_reply({"slug": "T1"}), Reply(200, envelope(None), JSON))
    client = make_client()
    created = ce.create_worker_task(client, worker_id="o/n", title="t", input={"keyword": "k"})
    assert created.slug == "T1"
    assert server.requests[0].json() == {
        "worker_id": "o~n",
        "title": "t",
        "input": {"parameters": {"custom": {"keyword": "k"}}},
    }
    assert ce.update_worker_task_input(client, "T1", input={"keyword": "z"}) is None
    assert server.requests[1].json() == {"input": {"parameters": {"custom": {"keyword": "z"}}}}
    with pytest.raises(ValueError, match="required"):
        ce.create_worker_task(client, worker_id="o/n", title="t")
    assert len(server.requests) == 2


# --- input checked against the Worker's schema before a paid start ---------------------------


def test_validate_lists_every_problem_and_starts_nothing(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(json_reply({"input_schema": SCHEMA}))
    with pytest.raises(ce.InputValidationError) as info:
        ce.run_worker(
            make_client(), "o/n", input={"max_results": 9000, "extra": True}, validate=True
        )
    err = info.value
    assert isinstance(err, ValueError) and not err.run_started
    paths = sorted(p.path for p in err.problems)
    assert paths == ["(input)", "(input)", "max_results"]
    assert any("keyword" in p.message for p in err.problems)
    assert "max_results: expected maximum: 500, got 9000" in str(err)
    assert lines(server) == ["GET /api/v2/workers/o~n/input-schema"]  # no POST


def test_valid_input_starts_and_the_schema_is_fetched_once(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(
        json_reply({"input_schema": SCHEMA}),
        json_reply({"run_slug": "R1"}),
        json_reply({"run_slug": "R2"}),
    )
    client = make_client()
    for _ in range(2):
        ce.run_worker(client, "o/n", input={"keyword": "coffee"}, validate=True)
    assert lines(server) == [
        "GET /api/v2/workers/o~n/input-schema",
        "POST /api/v2/workers/o~n/runs",
        "POST /api/v2/workers/o~n/runs",
    ]


def test_validate_async_and_for_a_new_task(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(json_reply({"input_schema": SCHEMA}))
    client = make_client()
    with pytest.raises(ce.InputValidationError):
        arun(
            client,
            ce.acreate_worker_task(client, worker_id="o/n", title="t", input={}, validate=True),
        )
    assert lines(server) == ["GET /api/v2/workers/o~n/input-schema"]


def test_a_broken_schema_is_a_typed_error(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(json_reply({"input_schema": {"type": 12}}))
    with pytest.raises(ce.UnexpectedResponseError, match="not a valid JSON Schema"):
        ce.run_worker(make_client(), "o/n", input={"keyword": "x"}, validate=True)
    assert [r.method for r in server.requests] == ["GET"]


# --- run, wait, collect ----------------------------------------------------------------------


def test_run_and_collect_returns_every_row(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(
        json_reply({"run_slug": "R1"}),
        json_reply(record("succeeded")),
        json_reply(PAGE),
    )
    got = ce.run_worker_and_collect(make_client(), "o/n", input={"keyword": "k"})
    assert got.record.status == "succeeded" and got.rows == PAGE["list"]
    assert got.headers is not None and [h.key for h in got.headers] == ["title"]
    assert not got.truncated


def test_run_and_collect_bounded_rows(server: LoopbackServer, make_client: ClientFactory) -> None:
    server.queue(json_reply({"run_slug": "R1"}), json_reply(record("succeeded")), json_reply(PAGE))
    got = ce.run_worker_and_collect(make_client(), "o/n", max_rows=1)
    assert got.rows == [{"title": "a"}] and got.truncated


def test_a_failed_run_raises_with_record_and_log_tail(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    log = {"list": [{"content": f"line {i}", "type": 2} for i in range(30)], "result_count": 0}
    server.queue(
        json_reply({"run_slug": "R1"}),
        json_reply(record("failed", err_msg="captcha")),
        json_reply(log),
    )
    with pytest.raises(ce.RunFailedError) as info:
        ce.run_worker_and_collect(make_client(), "o/n")
    err = info.value
    assert err.run_started and err.run_slug == "R1" and err.record.status == "failed"
    assert err.log_tail[-1] == "line 29" and len(err.log_tail) == 20
    assert "captcha" in str(err) and "line 29" in str(err)


def test_reading_rows_after_the_run_finished_fails_with_the_slug(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(
        json_reply({"run_slug": "R1"}),
        json_reply(record("succeeded")),
        Reply(401, envelope(None, code=12001, message="authentication required"), JSON),
    )
    with pytest.raises(ce.RunStartedError) as info:
        ce.run_worker_and_collect(make_client(), "o/n")
    assert info.value.run_slug == "R1" and isinstance(info.value.error, ce.AuthenticationError)


def test_run_and_collect_async(server: LoopbackServer, make_client: ClientFactory) -> None:
    server.queue(json_reply({"run_slug": "R1"}), json_reply(record("succeeded")), json_reply(PAGE))
    client = make_client()
    got = arun(client, ce.arun_worker_and_collect(client, "o/n"))
    assert got.rows == PAGE["list"]


# --- abort -----------------------------------------------------------------------------------


def test_abort_and_wait_until_the_run_stopped(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(
        Reply(200, envelope(None), JSON),
        json_reply(record("aborting")),
        json_reply(record("aborted")),
    )
    stopped = ce.abort_run(make_client(), "R1", wait=True, poll_intervals=[0.01])
    assert stopped is not None and stopped.status == "aborted"
    assert lines(server) == [
        "POST /api/v2/worker-runs/R1/abort",
        "GET /api/v2/worker-runs/R1",
        "GET /api/v2/worker-runs/R1",
    ]


def test_a_run_stuck_aborting_ends_the_wait_with_a_clear_error(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(Reply(200, envelope(None), JSON))
    server.always(json_reply(record("aborting")))
    with pytest.raises(ce.RunWaitTimeout, match="still 'aborting'") as info:
        ce.abort_run(make_client(), "R1", wait=True, wait_timeout=0.2, poll_intervals=[0.05])
    assert info.value.last_run.status == "aborting"


def test_abort_last_run_with_wait_aborts_by_id(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(
        json_reply(record("running")),
        Reply(200, envelope(None), JSON),
        json_reply(record("failed")),
    )
    got = ce.abort_last_run(make_client(), worker_id="o/n", wait=True, poll_intervals=[0.01])
    assert got is not None and got.status == "failed"
    assert lines(server) == [
        "GET /api/v2/workers/o~n/runs/last",
        "POST /api/v2/worker-runs/R1/abort",
        "GET /api/v2/worker-runs/R1",
    ]


def test_abort_without_wait_uses_the_last_endpoints(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(
        Reply(200, envelope(None), JSON), Reply(200, b'{"code":0,"message":"ok","data":{}}', JSON)
    )
    client = make_client()
    assert ce.abort_last_run(client) is None
    assert arun(client, ce.aabort_last_run(client, worker_id="o/n")) is None
    assert lines(server) == [
        "POST /api/v2/worker-runs/last/abort",
        "POST /api/v2/workers/o~n/runs/last/abort",
    ]


# --- the HTTP side of a successful call --------------------------------------------------------


def test_capture_responses_gives_request_ids_without_changing_results(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(
        json_reply(record("running"), request_id="req-a1"),
        Reply(200, envelope(None, request_id="req-a2"), {**JSON, "X-Extra": "1"}),
    )
    client = make_client()
    with ce.capture_responses() as seen:
        run = ce.get_worker_run(client, "R1")
        assert ce.abort_worker_run(client, "R1") is None
    assert run.slug == "R1"
    assert [r.request_id for r in seen] == ["req-a1", "req-a2"]
    assert seen.last is not None and seen.last.status_code == 200
    assert seen.last.headers["x-extra"] == "1"
    server.queue(json_reply(record("running")))
    ce.get_worker_run(client, "R1")  # outside the block: nothing recorded
    assert len(seen) == 2


# --- saved tasks and the run queue -----------------------------------------------------------


def test_a_task_from_creation_to_deletion(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    ack = Reply(200, envelope(None), JSON)
    server.queue(
        json_reply({"slug": "T1"}),
        json_reply({"run_slug": "R1"}),
        json_reply(record("succeeded")),
        ack,
        ack,
        ack,
    )
    client = make_client()
    task = client.worker_tasks.create(worker_id="o/n", title="Daily", input={"keyword": "k"})
    final = ce.run_worker_task(client, task.slug, wait=True)
    assert final.status == "succeeded"
    assert ce.update_worker_task(client, "T1", schedule_type=1, schedule_time="09:00") is None
    assert (
        ce.update_worker_task_input(client, "T1", input={"keyword": "z"}, version="v1.0.2") is None
    )
    assert client.worker_tasks.delete("T1") is None
    assert lines(server) == [
        "POST /api/v2/worker-tasks",
        "POST /api/v2/worker-tasks/T1/runs",
        "GET /api/v2/worker-runs/R1",
        "PUT /api/v2/worker-tasks/T1",
        "PUT /api/v2/worker-tasks/T1/input",
        "DELETE /api/v2/worker-tasks/T1",
    ]
    assert server.requests[3].json() == {"schedule_type": 1, "schedule_time": "09:00"}
    with pytest.raises(ValueError, match="schedule_type must be one of"):
        ce.update_worker_task(client, "T1", schedule_type=9)


def test_the_queue_reports_each_item(server: LoopbackServer, make_client: ClientFactory) -> None:
    outcomes = {
        "results": [
            {"queue_ref": "1", "success": True},
            {"queue_ref": "2", "success": False, "error": "item is not in waiting state"},
        ]
    }
    server.queue(
        json_reply({"queue_ref": "1", "queue_status": "waiting", "queued": True}),
        json_reply({"count": 1, "list": [{"queue_ref": "1", "queue_status": "waiting"}]}),
        json_reply(outcomes),
        json_reply(outcomes),
        json_reply({"results": [{"queue_ref": "2", "success": True}]}),
    )
    client = make_client()
    queued = ce.queued_run_worker(client, "o/n", input={"keyword": "k"})
    assert queued.queue_ref == "1" and queued.queued is True
    assert [item.queue_ref for item in ce.iter_run_queue_items(client, status="waiting")] == ["1"]
    activated = ce.activate_run_queue_items(client, queue_refs=["1", "2"])
    assert [(r.queue_ref, r.success) for r in activated.results] == [("1", True), ("2", False)]
    released = ce.release_run_queue_items(client, queue_refs=["1", "2"], reason="done")
    assert released.results[1].error == "item is not in waiting state"
    assert ce.release_run_queue_item(client, "2").results[0].success
    assert server.requests[0].json() == {"input": {"parameters": {"custom": {"keyword": "k"}}}}
    assert server.requests[3].json() == {"queue_refs": ["1", "2"], "reason": "done"}
    with pytest.raises(TypeError, match="queue_refs"):
        ce.activate_run_queue_items(client, queue_refs="1")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="fixed segment"):
        ce.release_run_queue_item(client, "activate")
