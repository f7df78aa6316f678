"""The command line's workflow commands against a loopback server that records every request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli_support import KEY
from tests.loopback import LoopbackServer, Reply, envelope, json_reply

JSON = {"Content-Type": "application/json"}
RUN = "01KZAZTK3BEMEDXA54396WMGC2"


@pytest.fixture(autouse=True)
def _cli_env(_no_env_config: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORECLAW_API_KEY", KEY)
    monkeypatch.setenv("CORECLAW_POLL_INTERVALS", "0.01")
    monkeypatch.delenv("CORECLAW_LOG", raising=False)


def record(status: str) -> dict[str, Any]:
    return {"slug": RUN, "status": status, "results": 1}


def lines(server: LoopbackServer) -> list[str]:
    return [f"{r.method} {r.path}" for r in server.requests]


def test_run_wait_prints_the_final_record(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply(record("running")), json_reply(record("succeeded")))
    result = run_cli("--json", "run", "wait", RUN)
    assert result.code == 0 and result.json()["status"] == "succeeded"
    server.queue(json_reply(record("failed")))
    assert run_cli("run", "wait", RUN).code == 12


def test_run_collect_writes_one_folder(
    server: LoopbackServer, run_cli: Any, tmp_path: Path
) -> None:
    page = {"count": 2, "headers": [{"key": "t", "label": "T"}], "list": [{"t": "a"}, {"t": "b"}]}
    server.queue(
        json_reply(record("succeeded")),
        json_reply({"list": [{"content": "done", "type": 2}], "result_count": 2}),
        json_reply(page),
    )
    result = run_cli("run", "collect", RUN, "-o", str(tmp_path / "out"))
    assert result.code == 0, result.err
    out = tmp_path / "out"
    assert json.loads((out / "run.json").read_text())["status"] == "succeeded"
    assert json.loads((out / "log.json").read_text())["list"][0]["content"] == "done"
    rows = [json.loads(x) for x in (out / "results.jsonl").read_text().splitlines()]
    assert rows == [{"t": "a"}, {"t": "b"}]


def test_batch_run_with_a_journal_never_starts_twice(
    server: LoopbackServer, run_cli: Any, tmp_path: Path
) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text(
        '{"worker_id": "o/a", "input": {"k": 1}}\n{"worker_id": "o/b"}\n\n', encoding="utf-8"
    )
    journal = tmp_path / "batch.journal"
    server.always(lambda rec: json_reply({"run_slug": "R-" + rec.path.split("/")[4]}))
    first = run_cli("--json", "batch", "run", str(items), "--journal", str(journal))
    assert first.code == 0, first.err
    assert sorted(o["run_slug"] for o in first.json()) == ["R-o~a", "R-o~b"]
    again = run_cli("--json", "batch", "run", str(items), "--journal", str(journal))
    assert again.code == 0
    assert {o["status"] for o in again.json()} == {"skipped-already-started"}
    assert len([r for r in server.requests if r.method == "POST"]) == 2


def test_batch_run_refuses_a_bad_file(server: LoopbackServer, run_cli: Any, tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text('{"worker_id": "o/a"}\nnot json\n', encoding="utf-8")
    result = run_cli("batch", "run", str(items))
    assert result.code == 2 and "items.jsonl:2" in result.err
    assert server.requests == []


def test_task_commands(server: LoopbackServer, run_cli: Any) -> None:
    ack = Reply(200, envelope(None), JSON)
    server.queue(
        json_reply({"slug": "T1"}),
        json_reply({"run_slug": RUN}),
        json_reply(record("succeeded")),
        ack,
        ack,
        ack,
    )
    assert (
        run_cli("task", "create", "o/n", "--title", "Daily", "--input", '{"k": 1}').out.strip()
        == "T1"
    )
    assert run_cli("task", "run", "T1", "--wait").code == 0
    assert (
        run_cli("task", "update", "T1", "--schedule-enabled", "1", "--input", '{"k": 2}').code == 0
    )
    assert run_cli("task", "delete", "T1").code == 0
    assert lines(server) == [
        "POST /api/v2/worker-tasks",
        "POST /api/v2/worker-tasks/T1/runs",
        f"GET /api/v2/worker-runs/{RUN}",
        "PUT /api/v2/worker-tasks/T1/input",
        "PUT /api/v2/worker-tasks/T1",
        "DELETE /api/v2/worker-tasks/T1",
    ]
    assert server.requests[0].json()["input"] == {"parameters": {"custom": {"k": 1}}}


def test_queue_commands_report_each_item(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(
        json_reply({"queue_ref": "1", "queue_status": "waiting", "queued": True}),
        json_reply(
            {
                "results": [
                    {"queue_ref": "1", "success": True},
                    {"queue_ref": "2", "success": False, "error": "no"},
                ]
            }
        ),
    )
    assert run_cli("queue", "add", "o/n", "--input", '{"k": 1}').code == 0
    result = run_cli("--json", "queue", "activate", "1", "2")
    assert result.code == 1  # one item did not start
    assert [r["success"] for r in result.json()["results"]] == [True, False]
    assert server.requests[1].json() == {"queue_refs": ["1", "2"]}


def test_run_abort_wait_and_export_download(
    server: LoopbackServer, run_cli: Any, tmp_path: Path
) -> None:
    server.always(
        lambda rec: (
            Reply(200, b"title\r\na\r\n", {"Content-Type": "text/csv"})
            if rec.path == "/files/r.csv"
            else json_reply({"download_url": f"{server.url}/files/r.csv"})
            if rec.path.endswith("/export")
            else Reply(200, envelope(None), JSON)
            if rec.path.endswith("/abort")
            else json_reply(record("aborted"))
        )
    )
    assert run_cli("--json", "run", "abort", RUN, "--wait").json()["status"] == "aborted"
    target = tmp_path / "r.csv"
    result = run_cli("run", "export", RUN, "--format", "csv", "-o", str(target))
    assert result.code == 0, result.err
    assert target.read_bytes() == b"title\r\na\r\n"
    file_request = next(r for r in server.requests if r.path == "/files/r.csv")
    assert KEY not in json.dumps(file_request.headers) and "authorization" not in {
        k.lower() for k in file_request.headers
    }
    assert run_cli("run", "export", RUN, "-o", str(target)).code == 2  # exists: refused


def test_ctrl_c_while_waiting_says_the_run_goes_on(
    server: LoopbackServer, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(_self: object) -> float:
        raise KeyboardInterrupt  # as Ctrl-C between two polls

    monkeypatch.setattr("coreclaw_ext._waiting._Wait.next_delay", interrupt)
    server.queue(json_reply({"run_slug": RUN}), json_reply(record("running")))
    result = run_cli("worker", "run", "o/n", "--wait")
    assert result.code == 130
    assert f"run {RUN} goes on" in result.err and f"run wait {RUN}" in result.err


def test_wait_interrupted_pickles_with_its_slug() -> None:
    import pickle

    import coreclaw_ext as ce

    back = pickle.loads(pickle.dumps(ce.WaitInterrupted("R1")))
    assert isinstance(back, KeyboardInterrupt) and back.run_slug == "R1"


def test_worker_run_validate_lists_problems_and_starts_nothing(
    server: LoopbackServer, run_cli: Any
) -> None:
    from coreclaw_ext import _input_schema

    _input_schema._cache.clear()
    schema = {
        "type": "object",
        "required": ["keyword"],
        "properties": {"keyword": {"type": "string"}},
    }
    server.queue(json_reply({"input_schema": schema}))
    result = run_cli("worker", "run", "o/n", "--input", '{"keyword": 5}', "--validate")
    assert result.code == 2 and "keyword: expected type: 'string', got 5" in result.err
    assert lines(server) == ["GET /api/v2/workers/o~n/input-schema"]


@pytest.mark.parametrize(
    "args",
    [
        ["--json", "run", "get", RUN],
        ["run", "get", RUN, "--json"],
        ["run", "--json", "get", RUN],
        ["run", "get", "--max-retries", "0", RUN, "--json"],
        ["run", "get", RUN, "--max-retries=0", "--json"],
    ],
)
def test_global_options_anywhere_on_the_line(
    server: LoopbackServer, run_cli: Any, args: list[str]
) -> None:
    server.queue(json_reply(record("running")))
    result = run_cli(*args)
    assert result.code == 0 and result.json()["slug"] == RUN


def test_hoisting_stops_at_a_double_dash() -> None:
    from coreclaw_ext.cli import hoist_globals

    assert hoist_globals(["api", "x", "--json", "--", "--json"]) == [
        "--json",
        "api",
        "x",
        "--",
        "--json",
    ]
    assert hoist_globals(["run", "get", "R", "--base-url", "http://h"]) == [
        "--base-url",
        "http://h",
        "run",
        "get",
        "R",
    ]


def test_allow_insecure_http_flag_and_environment(
    run_cli: Any, monkeypatch: pytest.MonkeyPatch, server: LoopbackServer
) -> None:
    refused = run_cli("run", "get", RUN, base_url="http://203.0.113.9:9")
    assert refused.code == 2 and "allow_insecure_http" in refused.err
    assert server.requests == []
    # With the opt-in the client is built; the call itself then fails to connect quickly.
    monkeypatch.setenv("CORECLAW_ALLOW_INSECURE_HTTP", "1")
    from coreclaw_ext import cli

    args = cli.build_parser().parse_args(["run", "get", RUN])
    assert args.allow_insecure_http is True


def test_every_subcommand_help_carries_an_example() -> None:
    import argparse

    from coreclaw_ext import cli

    def walk(parser: argparse.ArgumentParser, path: list[str]) -> list[tuple[str, str]]:
        found = []
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found += walk(sub, [*path, name])
        if not found and path:
            found.append((" ".join(path), parser.format_help()))
        return found

    leaves = walk(cli.build_parser(), [])
    assert len(leaves) >= 20
    missing = [name for name, text in leaves if "example: coreclaw-py" not in text]
    assert not missing, missing


def test_json_output_uses_the_apis_own_key_names(server: LoopbackServer, run_cli: Any) -> None:
    page = {"count": 1, "headers": [{"key": "t", "label": "T"}], "list": [{"t": "a"}]}
    worker = {"path": "o~n", "title": "N", "slug": "S", "username": "o"}
    server.queue(
        json_reply(page), json_reply({"scraper": [worker]}), Reply(200, envelope(None), JSON)
    )
    assert set(run_cli("--json", "run", "results", RUN).json()) >= {"count", "headers", "list"}
    assert run_cli("--json", "worker", "list").json() == {"scraper": [worker]}
    aborted = run_cli("--json", "run", "abort", RUN)
    assert aborted.code == 0 and aborted.json() is None  # the API's answer has no data
