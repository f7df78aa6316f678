"""The ``coreclaw-py`` command line, through its entry points.

Most tests call ``main([...])`` in-process against the recording loopback server; a few run
the installed console script (and ``python -m coreclaw_ext``) in a subprocess, and one drives
it against the Prism mock of the spec. Every run checks that the canary key never reaches
stdout or stderr.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import coreclaw_ext as ce
from coreclaw_ext import cli
from tests.cli_support import KEY, Result, assert_no_key
from tests.loopback import LoopbackServer, Recorded, Reply, envelope, json_reply

RUN = "01KZAZTK3BEMEDXA54396WMGC2"
RERUN_PATH = "/api/v2/workers/owner~name/runs/last/rerun"
RUN_PATH = f"/api/v2/worker-runs/{RUN}"
REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "coreclaw-py"
JSON = {"Content-Type": "application/json"}

HEADERS = [{"key": "title", "label": "Title"}, {"key": "url", "label": "URL"}]
ROWS = [
    {"title": "Blue Bottle Coffee", "url": "https://example.com/a"},
    {"title": "Stumptown Coffee", "url": "https://example.com/b"},
]
PAGE = {"count": 2, "headers": HEADERS, "list": ROWS, "page_index": 1, "page_size": 20}
SYNC = {
    "run_slug": RUN,
    "run_status": "succeeded",
    "is_finished": True,
    "running_duration": 8,
    "results": {**PAGE, "page_size": 5},
}


def record(status: str, **extra: Any) -> dict[str, Any]:
    return {"slug": RUN, "status": status, "results": 2, "started_at": 1786001000, **extra}


def api_error(status: int, code: int, message: str = "not found") -> Reply:
    return Reply(status, envelope(None, code=code, message=message), JSON)


@pytest.fixture(autouse=True)
def _cli_env(_no_env_config: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORECLAW_API_KEY", KEY)
    for name in ("CORECLAW_LOG", "CORECLAW_POLL_INTERVALS"):
        monkeypatch.delenv(name, raising=False)


def script_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORECLAW_")}
    return {**env, "CORECLAW_API_KEY": KEY, **extra}


def run_script(
    *args: str, env: dict[str, str] | None = None, command: list[str] | None = None
) -> Result:
    proc = subprocess.run(
        [*(command or [str(SCRIPT)]), *args],
        capture_output=True,
        text=True,
        env=env if env is not None else script_env(),
        timeout=60,
        check=False,
    )
    assert_no_key(proc.stdout, proc.stderr)
    return Result(proc.returncode, proc.stdout, proc.stderr)


def request_lines(server: LoopbackServer) -> list[str]:
    return [f"{r.method} {r.target}" for r in server.requests]


def refused_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# --- rerun-last -----------------------------------------------------------------------------


def test_rerun_last_prints_the_new_run_slug(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply({"run_slug": RUN}))
    result = run_cli("rerun-last", "owner/name")
    assert (result.code, result.out, result.err) == (0, f"{RUN}\n", "")
    assert request_lines(server) == [f"POST {RERUN_PATH}"]
    assert server.requests[0].json() == {}
    assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"


def test_rerun_last_json(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply({"run_slug": RUN}))
    result = run_cli("--json", "rerun-last", "owner~name")
    assert result.code == 0
    assert result.json() == {"run_slug": RUN}


def test_rerun_last_sync_sends_is_async_false_and_limit(
    server: LoopbackServer, run_cli: Any
) -> None:
    server.queue(json_reply(SYNC))
    result = run_cli("--json", "rerun-last", "owner/name", "--sync", "--limit", "5")
    assert result.code == 0
    assert request_lines(server) == [f"POST {RERUN_PATH}"]
    assert server.requests[0].json() == {"is_async": False, "limit": 5}
    assert result.json() == SYNC


def test_rerun_last_sync_human_shows_status_and_rows(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply(SYNC))
    result = run_cli("rerun-last", "owner/name", "--sync")
    assert result.code == 0
    lines = result.out.splitlines()
    assert "run_slug:         " + RUN in lines
    assert "run_status:       succeeded" in lines
    assert "is_finished:      true" in lines
    assert lines[-3:] == [
        "Title\tURL",
        "Blue Bottle Coffee\thttps://example.com/a",
        "Stumptown Coffee\thttps://example.com/b",
    ]


def test_rerun_last_every_body_field(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply({"run_slug": RUN}))
    result = run_cli(
        "rerun-last",
        "owner/name",
        "--sync",
        "--limit",
        "100",
        "--offset",
        "0",
        "--callback-url",
        "https://hooks.example.com/runs",
    )
    assert result.code == 0
    assert server.requests[0].json() == {
        "is_async": False,
        "limit": 100,
        "offset": 0,
        "callback_url": "https://hooks.example.com/runs",
    }


# --- run get / log / results ----------------------------------------------------------------


def test_run_get_human_and_json(server: LoopbackServer, run_cli: Any) -> None:
    detail = record("running", scraper_title="Google Maps Scraper", usage="0.35")
    server.queue(json_reply(detail), json_reply(detail))
    human = run_cli("run", "get", RUN)
    assert human.code == 0
    assert human.out.splitlines() == [
        f"slug:          {RUN}",
        "status:        running",
        "scraper_title: Google Maps Scraper",
        "results:       2",
        "usage:         0.35",
        "started_at:    1786001000 (2026-08-06T07:23:20Z)",
    ]
    as_json = run_cli("--json", "run", "get", RUN)
    assert as_json.code == 0
    assert as_json.json() == detail
    assert request_lines(server) == [f"GET {RUN_PATH}"] * 2


LOG = {
    "all_logs_url": "https://storage.example.com/logs.txt",
    "result_count": 2,
    "list": [
        {"type": 1, "content": "debug line", "timestamp": 1786001000351},
        {"type": 2, "group": "g", "content": "SYSTEM: Running...", "timestamp": 1786001001000},
        {"type": 3, "content": "careful", "timestamp": 0},
        {"type": 4, "content": "boom", "timestamp": 1786001002000},
        {"type": 9, "content": "odd level"},
        "a plain string line",
    ],
}


def test_run_log_human(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply(LOG))
    result = run_cli("run", "log", RUN)
    assert result.code == 0
    assert request_lines(server) == [f"GET {RUN_PATH}/log"]
    assert result.out.splitlines() == [
        "2026-08-06T07:23:20.351Z DEBUG debug line",
        "2026-08-06T07:23:21.000Z INFO SYSTEM: Running...",
        "1970-01-01T00:00:00.000Z WARN careful",
        "2026-08-06T07:23:22.000Z ERROR boom",
        "- 9 odd level",
        "a plain string line",
        "all_logs_url: https://storage.example.com/logs.txt",
    ]


def test_run_log_json(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply(LOG))
    result = run_cli("--json", "run", "log", RUN)
    assert result.code == 0
    assert result.json() == LOG


def test_run_results_one_page(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply(PAGE), json_reply({**PAGE, "page_index": 2, "page_size": 5}))
    human = run_cli("run", "results", RUN)
    assert human.code == 0
    assert human.out == (
        "Title\tURL\nBlue Bottle Coffee\thttps://example.com/a\n"
        "Stumptown Coffee\thttps://example.com/b\n"
    )
    as_json = run_cli("--json", "run", "results", RUN, "--page", "2", "--page-size", "5")
    assert as_json.json() == {
        "count": 2,
        "headers": HEADERS,
        "list": ROWS,
        "page_index": 2,
        "page_size": 5,
    }
    assert request_lines(server) == [
        f"GET {RUN_PATH}/result?offset=1&limit=20",
        f"GET {RUN_PATH}/result?offset=2&limit=5",
    ]


def test_run_results_table_cells_stay_on_one_line(server: LoopbackServer, run_cli: Any) -> None:
    rows = [{"title": "a\tb\nc", "url": None, "extra": "internal"}, {"title": 7, "url": [1]}]
    server.queue(json_reply({**PAGE, "list": rows}))
    result = run_cli("run", "results", RUN)
    assert result.out.splitlines() == ["Title\tURL", "a b c\t", "7\t[1]"]


def test_run_results_all(server: LoopbackServer, run_cli: Any) -> None:
    rows = [{"title": f"row {i}", "url": f"https://example.com/{i}"} for i in range(3)]

    def pages() -> list[Reply]:
        return [
            json_reply({"count": 3, "headers": HEADERS, "list": rows[:2], "page_index": 1}),
            json_reply({"count": 3, "headers": HEADERS, "list": rows[2:], "page_index": 2}),
        ]

    server.queue(*pages())
    as_json = run_cli("--json", "run", "results", RUN, "--all", "--page-size", "2")
    assert as_json.code == 0
    assert as_json.json() == {
        "count": 3,
        "headers": HEADERS,
        "list": rows,
    }
    assert request_lines(server) == [
        f"GET {RUN_PATH}/result?offset=1&limit=2",
        f"GET {RUN_PATH}/result?offset=2&limit=2",
    ]
    server.reset()
    server.queue(*pages())
    human = run_cli("run", "results", RUN, "--all")
    assert human.code == 0
    assert human.out.splitlines() == ["Title\tURL"] + [
        f"row {i}\thttps://example.com/{i}" for i in range(3)
    ]
    assert request_lines(server)[0] == f"GET {RUN_PATH}/result?offset=1&limit=100"


# --- --wait ---------------------------------------------------------------------------------


@pytest.fixture
def fast_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORECLAW_POLL_INTERVALS", "0.01")


def queue_lifecycle(server: LoopbackServer, *statuses: str) -> None:
    server.queue(
        json_reply({"run_slug": RUN}), *(json_reply(record(status)) for status in statuses)
    )


@pytest.mark.usefixtures("fast_polls")
def test_wait_polls_until_succeeded(server: LoopbackServer, run_cli: Any) -> None:
    queue_lifecycle(server, "ready", "running", "succeeded")
    result = run_cli("rerun-last", "owner/name", "--wait")
    assert result.code == 0
    assert request_lines(server) == [f"POST {RERUN_PATH}"] + [f"GET {RUN_PATH}"] * 3
    assert "status:     succeeded" in result.out.splitlines()
    # One heartbeat line per poll, on a terminal or not (CI logs show the wait is alive).
    assert [line.split("] ", 1)[1] for line in result.err.splitlines()] == [
        f"{RUN} ready",
        f"{RUN} running",
        f"{RUN} succeeded",
    ]


@pytest.mark.usefixtures("fast_polls")
def test_wait_json_prints_the_final_record(server: LoopbackServer, run_cli: Any) -> None:
    queue_lifecycle(server, "running", "succeeded")
    result = run_cli("--json", "rerun-last", "owner/name", "--sync", "--wait", "--timeout", "30")
    assert result.code == 0
    assert result.json() == record("succeeded")
    assert server.requests[0].json() == {"is_async": False}


@pytest.mark.usefixtures("fast_polls")
def test_wait_shows_progress_on_a_terminal(
    server: LoopbackServer, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    queue_lifecycle(server, "running", "running", "succeeded")
    result = run_cli("rerun-last", "owner/name", "--wait")
    assert result.code == 0
    progress = result.err.splitlines()
    assert [line.split("] ", 1)[1] for line in progress] == [
        f"{RUN} running",
        f"{RUN} running",
        f"{RUN} succeeded",
    ]
    assert all(line.startswith("[") and " s] " in line for line in progress)


@pytest.mark.usefixtures("fast_polls")
def test_wait_failed_run_exits_12_and_prints_the_record(
    server: LoopbackServer, run_cli: Any
) -> None:
    queue_lifecycle(server, "running")
    server.queue(json_reply(record("failed", err_msg="worker crashed")))
    result = run_cli("--json", "rerun-last", "owner/name", "--wait")
    assert result.code == 12
    assert result.json() == record("failed", err_msg="worker crashed")
    message = f"run {RUN} finished with status 'failed': worker crashed"
    assert json.loads(result.err) == {
        "error": {
            "type": "RunNotSucceeded",
            "message": message,
            "run_slug": RUN,
            "status": "failed",
            "exit_code": 12,
        }
    }
    server.queue(
        json_reply({"run_slug": RUN}), json_reply(record("failed", err_msg="worker crashed"))
    )
    human = run_cli("rerun-last", "owner/name", "--wait")
    assert human.code == 12
    assert "status:     failed" in human.out.splitlines()
    assert human.err.splitlines()[-1] == f"error: {message}"  # after one heartbeat per poll


@pytest.mark.usefixtures("fast_polls")
def test_wait_budget_spent_exits_11(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply({"run_slug": RUN}))
    server.always(json_reply(record("running")))
    result = run_cli("rerun-last", "owner/name", "--wait", "--timeout", "0.1")
    assert result.code == 11
    assert result.out == ""
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert errors[0].startswith(f"error: run {RUN} still 'running' after ")


# --- errors and exit codes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "code", "message"),
    [
        (api_error(401, 12001, "bad key"), 3, "HTTP 401, code 12001 UNAUTHORIZED: bad key"),
        (api_error(404, 11004), 4, "HTTP 404, code 11004 NOT_FOUND: not found"),
        (api_error(400, 11000, "bad"), 5, "HTTP 400, code 11000 INVALID_ARGUMENT: bad"),
        (api_error(422, 11000, "bad"), 5, "HTTP 422, code 11000 INVALID_ARGUMENT: bad"),
        (api_error(429, 13000, "slow"), 6, "HTTP 429, code 13000 RATE_LIMITED: slow"),
        (api_error(500, 10000, "oops"), 7, "HTTP 500, code 10000 SYSTEM_ERROR: oops"),
        (api_error(200, 11004), 4, "HTTP 200, code 11004 NOT_FOUND: not found"),
        (api_error(200, 12002, "no"), 3, "HTTP 200, code 12002 INVALID_TOKEN: no"),
        (api_error(403, 12002, "no"), 1, "HTTP 403, code 12002 INVALID_TOKEN: no"),
        (Reply(403, b"<html>forbidden</html>", {"Content-Type": "text/html"}), 1, "HTTP 403"),
        (api_error(409, 99999, "conflict"), 1, "HTTP 409, code 99999"),
        (Reply(200, b"<html>hi</html>", {"Content-Type": "text/html"}), 10, "HTTP 200: "),
    ],
    ids=[
        "401",
        "404",
        "400",
        "422",
        "429",
        "500",
        "200-code",
        "200-auth",
        "403",
        "403-html",
        "409",
        "html",
    ],
)
def test_error_exit_codes(
    server: LoopbackServer, run_cli: Any, reply: Reply, code: int, message: str
) -> None:
    server.queue(reply)
    result = run_cli("--max-retries", "0", "run", "get", RUN)
    assert result.code == code
    assert result.out == ""
    assert result.err.startswith(f"error: {message}")
    assert len(result.err.splitlines()) == 1
    assert request_lines(server) == [f"GET {RUN_PATH}"]


def test_error_line_is_str_of_the_error(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(api_error(404, 11004))
    result = run_cli("--max-retries", "0", "rerun-last", "owner/name")
    assert (result.code, result.out) == (4, "")
    assert result.err == "error: HTTP 404, code 11004 NOT_FOUND: not found (request_id req-test)\n"


def test_json_error_is_one_json_line_on_stderr(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(api_error(404, 11004))
    result = run_cli("--json", "--max-retries", "0", "rerun-last", "owner/name")
    assert (result.code, result.out) == (4, "")
    assert result.err.count("\n") == 1
    assert json.loads(result.err) == {
        "error": {
            "type": "NotFoundError",
            "message": "not found",
            "status_code": 404,
            "code": 11004,
            "code_name": "NOT_FOUND",
            "request_id": "req-test",
            "exit_code": 4,
        }
    }


@pytest.mark.parametrize(
    ("args", "code", "kind"),
    [
        (["run", "get", "."], 2, "ValueError"),
        (["api", "noSuchOperation"], 2, "UsageError"),
        (["run", "get", RUN], 8, "APIConnectionError"),
    ],
)
def test_json_error_for_each_kind(run_cli: Any, args: list[str], code: int, kind: str) -> None:
    result = run_cli("--json", "--max-retries", "0", *args, base_url=refused_url())
    assert (result.code, result.out) == (code, "")
    error = json.loads(result.err)["error"]
    assert (error["type"], error["exit_code"]) == (kind, code)
    assert error["message"]


def test_json_error_of_a_started_run_names_it(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply({"run_slug": RUN}))
    server.always(api_error(403, 12002, "no"))
    human = run_cli("--max-retries", "0", "rerun-last", "owner/name", "--wait")
    assert human.code == 13
    lines = human.err.splitlines()
    assert len(lines) == 2 and lines[1] == (
        f"error: run {RUN} was started and goes on: coreclaw-py run get {RUN}"
    )
    server.reset()
    server.queue(json_reply({"run_slug": RUN}))
    server.always(api_error(403, 12002, "no"))
    as_json = run_cli("--json", "--max-retries", "0", "rerun-last", "owner/name", "--wait")
    error = json.loads(as_json.err)["error"]
    assert (as_json.code, error["type"], error["exit_code"]) == (13, "RunStartedError", 13)
    assert (error["run_started"], error["run_slug"]) == (True, RUN)


def test_connection_refused_exits_8(run_cli: Any) -> None:
    result = run_cli("--max-retries", "0", "run", "get", RUN, base_url=refused_url())
    assert result.code == 8
    assert result.err.startswith("error: ")
    assert len(result.err.splitlines()) == 1


def test_read_timeout_exits_9(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(Reply(200, envelope(record("running")), JSON, delay=1.0))
    result = run_cli("--http-timeout", "0.2", "--max-retries", "0", "run", "get", RUN)
    assert result.code == 9
    assert result.err.startswith("error: ")


def test_max_retries_is_passed_on(server: LoopbackServer, run_cli: Any) -> None:
    server.always(api_error(503, 10000, "busy"))
    result = run_cli("--max-retries", "1", "run", "get", RUN)
    assert result.code == 7
    assert len(server.requests) == 2


def test_exit_code_table_order_and_docs() -> None:
    # No entry is shadowed by an earlier entry for one of its base classes.
    for i, (cls, _code) in enumerate(cli.ERROR_EXITS):
        assert not any(issubclass(cls, earlier) for earlier, _ in cli.ERROR_EXITS[:i])
    assert cli.ERROR_EXITS[-1] == (ce.CoreClawError, 1)
    cases: list[tuple[ce.CoreClawError, int]] = [
        (ce.APITimeoutError("t"), 9),
        (ce.APIConnectionError("c"), 8),
        (ce.AuthenticationError("a", status_code=401), 3),
        (ce.NotFoundError("n", status_code=404), 4),
        (ce.BadRequestError("b", status_code=400), 5),
        (ce.UnprocessableEntityError("u", status_code=422), 5),
        (ce.RateLimitError("r", status_code=429), 6),
        (ce.InternalServerError("i", status_code=502), 7),
        (ce.UnexpectedResponseError("x"), 10),
        (ce.RunWaitTimeout("w", run_id=RUN), 11),
        (ce.APIError("e", status_code=403), 1),
        (ce.CoreClawError("e"), 1),
        (ce.InvalidCallbackError("refused before sending"), 2),  # also a ValueError
    ]
    for err, code in cases:
        assert cli.exit_code_for(err) == code, err
    # The table in --help is the module docstring's, and it names every code used.
    assert cli.__doc__ is not None
    table = cli.EXIT_CODES_HELP.split("\n", 1)[1]
    assert table in cli.__doc__
    documented = {int(line.split()[0]) for line in table.splitlines()}
    used = {code for _, code in cli.ERROR_EXITS} | {0, 2, 12, 130, 141}
    assert documented == used


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert cli.EXIT_CODES_HELP in out
    assert "CORECLAW_API_KEY" in out
    assert "CORECLAW_POLL_INTERVALS" not in out
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"coreclaw-py {ce.__version__}\n"


# --- usage and configuration errors: exit 2, nothing sent -----------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["rerun-last", "owner/name", "--limit", "0"],
        ["rerun-last", "owner/name", "--limit", "101"],
        ["rerun-last", "owner/name", "--limit", "five"],
        ["rerun-last", "owner/name", "--offset", "-1"],
        ["rerun-last", "owner/name", "--timeout", "10"],
        ["rerun-last", "owner/name", "--wait", "--timeout", "0"],
        ["rerun-last", "owner/name", "--callback-url", "ftp://example.com/hook"],
        ["rerun-last", "../name"],
        ["rerun-last", "a/b/c"],
        ["run", "get", ".."],
        ["run", "results", RUN, "--page-size", "0"],
        ["run", "results", RUN, "--page-size", "101"],
        ["run", "results", RUN, "--page", "-1"],
        ["run", "results", RUN, "--all", "--page-size", "500"],
        ["run", "results", RUN, "--all", "--page", "2"],
        ["--http-timeout", "-1", "run", "get", RUN],
        ["--http-timeout", "nan", "run", "get", RUN],
        ["--max-retries", "-1", "run", "get", RUN],
        ["--auth", "basic", "run", "get", RUN],
        ["run", "delete", RUN],
        ["run"],
        [],
    ],
)
def test_usage_errors_exit_2_and_send_nothing(
    server: LoopbackServer, run_cli: Any, args: list[str]
) -> None:
    result = run_cli(*args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.strip()
    assert server.requests == []


def test_missing_api_key_exits_2(
    server: LoopbackServer, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CORECLAW_API_KEY")
    result = run_cli("run", "get", RUN)
    assert result.code == 2
    assert result.err == "error: no API key: set the CORECLAW_API_KEY environment variable\n"
    assert server.requests == []


def test_insecure_base_url_exits_2(server: LoopbackServer, run_cli: Any) -> None:
    result = run_cli("run", "get", RUN, base_url="http://api.example.com")
    assert result.code == 2
    assert "plain http" in result.err


@pytest.mark.parametrize(
    ("name", "value"), [("CORECLAW_LOG", "chatty"), ("CORECLAW_POLL_INTERVALS", "soon")]
)
def test_bad_environment_values_exit_2(
    server: LoopbackServer,
    run_cli: Any,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    value: str,
) -> None:
    monkeypatch.setenv(name, value)
    result = run_cli("rerun-last", "owner/name", "--wait")
    assert result.code == 2
    assert name in result.err
    assert server.requests == []


# --- logging and the key --------------------------------------------------------------------


def test_nothing_is_logged_by_default(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(api_error(503, 10000, "busy"), json_reply(record("running")))
    result = run_cli("run", "get", RUN)  # one retry, which the library logs at INFO
    assert (result.code, result.err) == (0, "")


@pytest.mark.parametrize("auth", ["bearer", "api-key", "query"])
@pytest.mark.usefixtures("fast_polls")
def test_debug_log_goes_to_stderr_without_the_key(
    server: LoopbackServer, run_cli: Any, monkeypatch: pytest.MonkeyPatch, auth: str
) -> None:
    monkeypatch.setenv("CORECLAW_LOG", "debug")
    queue_lifecycle(server, "running")
    server.queue(api_error(503, 10000, "busy"), json_reply(record("succeeded")))
    result = run_cli("--auth", auth, "rerun-last", "owner/name", "--wait")
    assert result.code == 0
    assert f"DEBUG coreclaw_ext: POST {RERUN_PATH} -> 200" in result.err
    assert "INFO coreclaw_ext: retrying GET" in result.err
    sent = server.requests[0]
    credential = {
        "bearer": sent.headers.get("authorization"),
        "api-key": sent.headers.get("api-key"),
        "query": sent.query,
    }[auth]
    assert credential is not None and KEY in credential  # the key was used, never shown
    logger = logging.getLogger("coreclaw_ext")
    assert not any(
        isinstance(h, logging.StreamHandler) and h.stream is sys.stderr for h in logger.handlers
    )


@pytest.mark.parametrize("auth", ["bearer", "api-key", "query"])
def test_failures_never_show_the_key(
    server: LoopbackServer, run_cli: Any, monkeypatch: pytest.MonkeyPatch, auth: str
) -> None:
    monkeypatch.setenv("CORECLAW_LOG", "debug")

    def echo(rec: Recorded) -> Reply:  # a hostile server echoing the request back
        text = f"{rec.target} {rec.headers}"
        return Reply(500, envelope(None, code=10000, message=text), {"X-Echo": text, **JSON})

    server.always(echo)
    results = [
        run_cli("--auth", auth, "--max-retries", "1", "run", "get", RUN),
        run_cli("--auth", auth, "--max-retries", "0", "rerun-last", "owner/name"),
        run_cli("--auth", auth, "--max-retries", "0", "run", "log", RUN, base_url=refused_url()),
    ]
    assert [r.code for r in results] == [7, 7, 8]
    assert "***" in results[0].err


def test_info_level_hides_debug_lines(
    server: LoopbackServer, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CORECLAW_LOG", "INFO")
    server.queue(api_error(503, 10000, "busy"), json_reply(record("running")))
    result = run_cli("run", "get", RUN)
    assert result.code == 0
    assert "retrying GET" in result.err
    assert "DEBUG" not in result.err


# --- the installed console script and python -m ---------------------------------------------


def test_script_rerun_last_sync(server: LoopbackServer) -> None:
    server.queue(json_reply(SYNC))
    result = run_script(
        "--base-url", server.url, "--json", "rerun-last", "owner/name", "--sync", "--limit", "5"
    )
    assert result.code == 0, result.err
    assert result.json() == SYNC
    assert request_lines(server) == [f"POST {RERUN_PATH}"]
    assert server.requests[0].json() == {"is_async": False, "limit": 5}


def test_script_error_exit_code(server: LoopbackServer) -> None:
    server.queue(api_error(404, 11004))
    result = run_script("--base-url", server.url, "--max-retries", "0", "run", "get", RUN)
    assert result.code == 4
    assert result.err == "error: HTTP 404, code 11004 NOT_FOUND: not found (request_id req-test)\n"


def test_script_missing_key_exits_2(server: LoopbackServer) -> None:
    env = script_env()
    del env["CORECLAW_API_KEY"]
    result = run_script("--base-url", server.url, "run", "get", RUN, env=env)
    assert result.code == 2
    assert "CORECLAW_API_KEY" in result.err
    assert server.requests == []


def test_script_wait_with_debug_log_and_query_auth(server: LoopbackServer) -> None:
    queue_lifecycle(server, "running", "failed")
    env = script_env(CORECLAW_POLL_INTERVALS="0.01", CORECLAW_LOG="debug")
    result = run_script(
        "--base-url", server.url, "--auth", "query", "rerun-last", "owner/name", "--wait", env=env
    )
    assert result.code == 12
    assert "status:     failed" in result.out.splitlines()
    assert "DEBUG coreclaw_ext" in result.err
    assert server.requests[0].query == f"token={KEY}"


def test_python_dash_m(server: LoopbackServer) -> None:
    server.queue(json_reply(record("running")))
    result = run_script(
        "--base-url",
        server.url,
        "--json",
        "run",
        "get",
        RUN,
        command=[sys.executable, "-m", "coreclaw_ext"],
    )
    assert result.code == 0, result.err
    assert result.json() == record("running")


# --- against the Prism mock of the spec -----------------------------------------------------


@pytest.mark.parametrize("auth", ["bearer", "api-key", "query"])
def test_against_prism(prism_url: str, capsys: pytest.CaptureFixture[str], auth: str) -> None:
    def run_json(*args: str) -> Any:
        code = cli.main(["--base-url", prism_url, "--auth", auth, "--json", *args])
        out, err = capsys.readouterr()
        assert_no_key(out, err)
        assert (code, err) == (0, "")
        return json.loads(out)

    started = run_json("rerun-last", "coreclaw/google-maps-scraper")
    run_slug = started["run_slug"]
    assert run_slug == RUN
    detail = run_json("run", "get", run_slug)
    assert detail["slug"] == RUN and detail["status"] == "running"
    results = run_json("run", "results", run_slug, "--all")
    assert results["count"] == 2
    assert [row["title"] for row in results["list"]] == ["Blue Bottle Coffee", "Stumptown Coffee"]
    log = run_json("run", "log", run_slug)
    assert len(log["list"]) == 2


def test_script_against_prism(prism_url: str) -> None:
    result = run_script("--base-url", prism_url, "run", "results", RUN)
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == "Title\tURL"
