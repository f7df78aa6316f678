"""The command line beyond rerun-last/run get: ``api`` for every operation, and the dedicated
worker and run commands, each against a loopback server that records what was sent."""

from __future__ import annotations

import json
from typing import Any

import pytest

from coreclaw_ext._generated.table import OpSpec
from tests import spec_cases
from tests.cli_support import KEY, Result
from tests.loopback import LoopbackServer, Reply, envelope, json_reply
from tests.test_cli import RUN, api_error, record, request_lines

JSON = {"Content-Type": "application/json"}
OPS = spec_cases.ops()


@pytest.fixture(autouse=True)
def _cli_env(_no_env_config: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORECLAW_API_KEY", KEY)
    for name in ("CORECLAW_LOG", "CORECLAW_POLL_INTERVALS"):
        monkeypatch.delenv(name, raising=False)


def _success(op: OpSpec) -> Reply:
    example = next(iter(spec_cases.success_examples(op).values()))
    return Reply(200, json.dumps(example).encode(), JSON)


def _cli_args(op: OpSpec) -> list[str]:
    """``api OPERATION IDS --param ... --body ...`` from the spec's first example call."""
    call = spec_cases.calls(op)[0]
    params = [spec_cases.resolve(p) for p in spec_cases.raw_operation(op).get("parameters", [])]
    args = ["api", op.operation_id, *call.args]
    for param in params:
        if param["in"] == "query":
            args += ["--param", f"{param['name']}={spec_cases.resolve(param)['example']}"]
    body = next(iter(spec_cases.body_examples(op).values()), None)
    if body is not None:
        if "callback_url" in body:
            body = {**body, "callback_url": "http://127.0.0.1:9/hooks"}
        args += ["--body", json.dumps(body)]
    return args


@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_api_reaches_every_operation(server: LoopbackServer, run_cli: Any, op: OpSpec) -> None:
    server.queue(_success(op))
    result: Result = run_cli("--json", *_cli_args(op))
    assert result.code == 0, result.err
    assert len(server.requests) == 1
    sent = server.requests[0]
    assert sent.method == op.method
    template = op.path.split("/")
    got = sent.path.split("/")
    assert len(got) == len(template)
    assert all(t == g for t, g in zip(template, got, strict=True) if not t.startswith("{"))
    example = next(iter(spec_cases.success_examples(op).values()))
    printed = result.json()
    assert printed == example.get("data") if op.returns else printed is None
    body = next(iter(spec_cases.body_examples(op).values()), None)
    if body is not None:  # --body holds the API's own fields and is sent as given
        sent_body = sent.json()
        assert {k: v for k, v in sent_body.items() if k != "callback_url"} == {
            k: v for k, v in body.items() if k != "callback_url"
        }


@pytest.mark.parametrize("name", ["getWorkerRun", "get_worker_run", "worker_runs.get"])
def test_api_accepts_each_spelling_of_an_operation(
    server: LoopbackServer, run_cli: Any, name: str
) -> None:
    server.queue(json_reply(record("running")))
    result = run_cli("--json", "api", name, RUN)
    assert result.code == 0 and result.json()["slug"] == RUN
    assert request_lines(server) == [f"GET /api/v2/worker-runs/{RUN}"]


def test_api_list_needs_no_key_and_shows_every_operation(
    run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CORECLAW_API_KEY")
    result = run_cli("api", "--list")
    assert result.code == 0
    for op in OPS:
        assert op.operation_id in result.out and op.path in result.out
    assert len(run_cli("--json", "api", "--list").json()) == len(OPS) == 39


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["api", "noSuchOperation"], "unknown operation"),
        (["api", "getWorkerRun"], "takes RUN_ID"),
        (["api", "getWorkerRun", RUN, "--param", "limit=5"], "expected NAME=VALUE"),
        (["api", "listWorkerRuns", "--param", "limit=many"], "expects integer"),
        (["api", "listWorkerRuns", "--param", "limit=500"], "limit must be between 1 and 100"),
        (["api", "getWorkerRun", RUN, "--body", "{}"], "takes no request body"),
        (["api", "runWorker", "o~n", "--body", '{"nope": 1}'], "--body field 'nope'"),
        (["api", "runWorker", "o~n", "--body", "[1]"], "JSON object"),
        (["api", "runWorker", "o~n", "--body", "@/no/such/file.json"], "cannot read"),
        (["api", "getWorkerRun", "last"], "fixed segment"),
        (["api", "getWorkerRun", RUN, "--wait"], "does not start a run"),
    ],
)
def test_api_refuses_bad_input_before_sending(
    server: LoopbackServer, run_cli: Any, args: list[str], message: str
) -> None:
    result = run_cli(*args)
    assert result.code == 2
    assert message in result.err
    assert server.requests == []


def test_api_maps_errors_to_the_usual_exit_codes(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(api_error(404, 11004))
    assert run_cli("api", "getWorkerTask", "01KX4ZM5DE8Y8GAZQ7R0KYZ3FD").code == 4


# --- dedicated commands ---------------------------------------------------------------------


def test_worker_run_sends_flat_input_under_parameters_custom(
    server: LoopbackServer, run_cli: Any, tmp_path: Any
) -> None:
    server.queue(json_reply({"run_slug": RUN}))
    path = tmp_path / "input.json"
    path.write_text(json.dumps({"keyword": "coffee", "max_results": 5}), encoding="utf-8")
    result = run_cli("worker", "run", "coreclaw/google-maps-scraper", "--input", f"@{path}")
    assert result.code == 0 and result.out.strip() == RUN
    sent = server.requests[0]
    assert sent.method == "POST"
    assert sent.path == "/api/v2/workers/coreclaw~google-maps-scraper/runs"
    assert sent.json() == {
        "input": {"parameters": {"custom": {"keyword": "coffee", "max_results": 5}}}
    }


def test_worker_run_refuses_version_latest(server: LoopbackServer, run_cli: Any) -> None:
    result = run_cli("worker", "run", "o/n", "--version", "latest")
    assert result.code == 2 and "omit" in result.err
    assert server.requests == []


def test_worker_run_wait_prints_the_final_record(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply({"run_slug": RUN}), json_reply(record("succeeded")))
    result = run_cli("--json", "worker", "run", "o/n", "--wait")
    assert result.code == 0 and result.json()["status"] == "succeeded"
    assert request_lines(server) == [
        "POST /api/v2/workers/o~n/runs",
        f"GET /api/v2/worker-runs/{RUN}",
    ]


def test_run_abort_and_export(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(
        Reply(200, envelope(None), JSON),
        json_reply({"download_url": "https://files.example.com/r.csv"}),
    )
    assert run_cli("run", "abort", RUN).code == 0
    result = run_cli("run", "export", RUN, "--format", "jsonl", "--filter-keys", "title,url")
    assert result.code == 0 and result.out.strip() == "https://files.example.com/r.csv"
    assert request_lines(server) == [
        f"POST /api/v2/worker-runs/{RUN}/abort",
        f"GET /api/v2/worker-runs/{RUN}/result/export?format=jsonl&filter_keys=title%2Curl",
    ]


def test_run_list_all_walks_every_page(server: LoopbackServer, run_cli: Any) -> None:
    runs = [record("failed", scraper_title="Maps")]
    server.queue(
        json_reply({"count": 2, "list": runs}),
        json_reply({"count": 2, "list": [record("failed", scraper_title="Maps 2")]}),
    )
    result = run_cli("--json", "run", "list", "--worker", "o/n", "--status", "failed", "--all")
    assert result.code == 0 and result.json()["count"] == 2
    queries = [dict(part.split("=") for part in r.query.split("&")) for r in server.requests]
    assert [q["offset"] for q in queries] == ["1", "2"]
    assert all(q["worker_id"] == "o~n" and q["status"] == "failed" for q in queries)


def test_worker_list_prints_a_table(server: LoopbackServer, run_cli: Any) -> None:
    worker = {"path": "coreclaw~maps", "title": "Maps", "slug": "01KP", "username": "coreclaw"}
    server.queue(json_reply({"scraper": [worker]}))
    result = run_cli("worker", "list", "--keyword", "maps")
    assert result.code == 0
    assert "coreclaw~maps" in result.out and "Maps" in result.out
    assert "keyword=maps" in server.requests[0].query
    assert KEY not in result.out
