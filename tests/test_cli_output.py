"""What the command line prints when the server is hostile: no terminal control sequence and
no lone surrogate reaches stdout or stderr, ``--json`` is strict JSON, and a closed pipe ends
the command quietly."""

from __future__ import annotations

import io
import json
import logging
import math
import re
import subprocess
import sys
from typing import Any

import pytest

from coreclaw_ext import _cli_output as out
from coreclaw_ext import cli
from tests.cli_support import KEY, Result
from tests.loopback import LoopbackServer, Reply, json_reply
from tests.test_cli import JSON, RUN, SCRIPT, record, request_lines, run_script, script_env

# ESC/CSI colour, OSC window title ended by BEL, CR, backspace, CSI as a C1 control, NEL, a
# lone surrogate, NUL, DEL, a line break and a tab: every kind of thing a terminal acts on.
EVIL = "A\x1b[31mB\x1b]0;pwned\x07C\rD\x08E\x9b2JF\x85G\udc80H\x00I\x7fJ\nK\tL"
# What may reach a terminal: printable text, and the tabs and line breaks of our own layout.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


@pytest.fixture(autouse=True)
def _cli_env(_no_env_config: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORECLAW_API_KEY", KEY)
    for name in ("CORECLAW_LOG", "CORECLAW_POLL_INTERVALS"):
        monkeypatch.delenv(name, raising=False)


def raw_reply(data: Any, status: int = 200, **envelope: Any) -> Reply:
    """An envelope as a hostile server writes it: ``\\udc80`` escapes, ``1e999`` numbers."""
    body = {"code": 0, "message": "success", "request_id": "req-test", **envelope, "data": data}
    text = json.dumps(body).replace('"__INF__"', "1e999").replace('"__NINF__"', "-1e999")
    return Reply(status, text.replace('"__NAN__"', "NaN").encode(), JSON)


def assert_clean(result: Result) -> None:
    for text in (result.out, result.err):
        found = UNSAFE.search(text)
        assert found is None, f"{found.group()!r} reached the terminal in {text!r}"


def strict_json(text: str) -> Any:
    def refuse(name: str) -> Any:
        raise ValueError(f"not JSON: {name}")

    return json.loads(text, parse_constant=refuse)


EVIL_RECORD = record("failed", scraper_title=EVIL, err_msg=EVIL, usage=EVIL) | {
    EVIL: EVIL,
    "big": "__INF__",
    "small": "__NINF__",
    "odd": "__NAN__",
    "nested": [EVIL, {"deep": "__INF__"}],
}
EVIL_LOG = {
    "all_logs_url": EVIL,
    "list": [
        {"type": 2, "content": EVIL, "timestamp": 1786001000351, "group": EVIL},
        {"type": 77, "content": EVIL},
        EVIL,
    ],
}
EVIL_PAGE = {
    "count": 1,
    "headers": [{"key": EVIL, "label": EVIL}, {"key": "n", "label": EVIL}],
    "list": [{EVIL: EVIL, "n": [EVIL, "__INF__"]}],
}
EVIL_SYNC = {"run_slug": EVIL, "run_status": EVIL, "is_finished": True, "results": EVIL_PAGE}
EVIL_WORKERS = {"scraper": [{"path": EVIL, "title": EVIL, "slug": EVIL, "username": EVIL}]}
EVIL_RUNS = {"count": 1, "list": [record(EVIL, slug=EVIL, scraper_title=EVIL)]}

COMMANDS = [
    (["run", "get", RUN], EVIL_RECORD),
    (["run", "log", RUN], EVIL_LOG),
    (["run", "results", RUN], EVIL_PAGE),
    (["run", "results", RUN, "--all"], EVIL_PAGE),
    (["rerun-last", "owner/name", "--sync"], EVIL_SYNC),
    (["rerun-last", "owner/name"], {"run_slug": EVIL}),
    (["worker", "run", "owner/name"], {"run_slug": EVIL}),
    (["worker", "list"], EVIL_WORKERS),
    (["run", "list"], EVIL_RUNS),
    (["run", "export", RUN], {"download_url": EVIL}),
    (["api", "getWorkerRun", RUN], EVIL_RECORD),
    (["api", "listWorkerRuns"], EVIL_RUNS),
    (["api", "getWorkerRunLog", RUN], EVIL_LOG),
]
IDS = [" ".join(args[:2]) + ("/all" if "--all" in args else "") for args, _ in COMMANDS]


def strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*strings(k), *strings(v))]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


def finite(value: Any) -> Any:
    """The data as --json must print it: non-finite numbers as strings."""
    if isinstance(value, str) and value in ("__INF__", "__NINF__", "__NAN__"):
        return {"__INF__": "Infinity", "__NINF__": "-Infinity", "__NAN__": "NaN"}[value]
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [finite(v) for v in value]
    return value


@pytest.mark.parametrize(("args", "data"), COMMANDS, ids=IDS)
def test_human_output_escapes_what_the_server_sent(
    server: LoopbackServer, run_cli: Any, args: list[str], data: Any
) -> None:
    server.always(raw_reply(data))
    result = run_cli(*args)
    assert result.code == 0, result.err
    assert_clean(result)
    assert result.err == ""
    assert "\\x1b[31mB\\x1b]0;pwned\\x07C" in result.out
    assert "\\x9b2JF" in result.out and "\\udc80H\\x00I\\x7fJ" in result.out


@pytest.mark.parametrize(("args", "data"), COMMANDS, ids=IDS)
def test_json_output_is_strict_and_keeps_the_text(
    server: LoopbackServer, run_cli: Any, args: list[str], data: Any
) -> None:
    server.always(raw_reply(data))
    result = run_cli("--json", *args)
    assert result.code == 0, result.err
    assert_clean(result)
    printed = strict_json(result.out)
    assert EVIL in strings(printed)  # the text itself, unchanged
    if args[:2] in (["run", "get"], ["api", "getWorkerRun"]):
        assert printed == finite(EVIL_RECORD)


def test_one_line_per_record_whatever_the_values_hold(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(raw_reply(EVIL_RECORD), raw_reply(EVIL_LOG), raw_reply(EVIL_PAGE))
    fields = run_cli("run", "get", RUN).out.splitlines()
    assert len(fields) == len(EVIL_RECORD)
    shown = {line.split(":", 1)[0]: line.split(":", 1)[1].strip() for line in fields}
    assert (shown["big"], shown["small"], shown["odd"]) == ("Infinity", "-Infinity", "NaN")
    log = run_cli("run", "log", RUN).out.splitlines()
    assert len(log) == 4
    assert log[1].startswith("- 77 A\\x1b[31m")
    table = run_cli("run", "results", RUN).out.splitlines()
    assert len(table) == 2 and all(line.count("\t") == 1 for line in table)
    assert "J K L" in table[0]  # a cell's line break and tab became spaces


@pytest.mark.usefixtures("_fast_polls")
def test_wait_failure_and_progress_are_escaped(
    server: LoopbackServer, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    server.queue(json_reply({"run_slug": RUN}), raw_reply(record(EVIL)))
    server.queue(raw_reply(record("failed", err_msg=EVIL) | {"slug": EVIL}))
    result = run_cli("rerun-last", "owner/name", "--wait")
    assert result.code == 12
    assert_clean(result)
    lines = result.err.splitlines()
    assert len(lines) == 3  # two progress lines and the error line, each on one line
    assert lines[-1].startswith("error: run A\\x1b[31mB") and lines[-1].endswith("K\\tL")


@pytest.fixture
def _fast_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORECLAW_POLL_INTERVALS", "0.01")


@pytest.mark.parametrize("as_json", [False, True])
def test_error_line_escapes_the_server_message(
    server: LoopbackServer, run_cli: Any, as_json: bool
) -> None:
    server.queue(raw_reply(None, 404, code=11004, message=EVIL, request_id=EVIL))
    result = run_cli(*(["--json"] if as_json else []), "--max-retries", "0", "run", "get", RUN)
    assert (result.code, result.out) == (4, "")
    assert_clean(result)
    assert result.err.count("\n") == 1
    if as_json:
        error = strict_json(result.err)["error"]
        assert (error["message"], error["request_id"]) == (EVIL, EVIL)
    else:
        assert result.err.startswith("error: HTTP 404, code 11004 NOT_FOUND: A\\x1b[31mB")


def test_debug_log_lines_are_escaped(
    server: LoopbackServer, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CORECLAW_LOG", "debug")
    server.queue(raw_reply(EVIL_RECORD, request_id=EVIL))
    result = run_cli("run", "get", RUN)
    assert result.code == 0
    assert_clean(result)
    assert "DEBUG coreclaw_ext" in result.err


# --- the pieces -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain text, café, 東京, 😀", "plain text, café, 東京, 😀"),
        ("\x1b[2J\x1b]8;;http://x\x07", "\\x1b[2J\\x1b]8;;http://x\\x07"),
        ("a\r\nb\tc\x08\x00", "a\\r\\nb\\tc\\x08\\x00"),
        ("\x7f\x80\x9b\x9f\xa0", "\\x7f\\x80\\x9b\\x9f\xa0"),
        ("\ud800\udfff", "\\ud800\\udfff"),
        ("back\\slash", "back\\slash"),
    ],
)
def test_safe(text: str, shown: str) -> None:
    assert out.safe(text) == shown
    assert out.safe_layout(text.replace("\n", "")) == shown.replace("\\n", "").replace("\\t", "\t")


def test_json_text_is_strict_and_escapes_raw_controls() -> None:
    data = {"s": EVIL, EVIL: [math.inf, -math.inf, math.nan, 1.5, {"x": math.inf}], "t": "東京"}
    for ascii_only in (False, True):
        text = out.json_text(data, indent=2, ascii_only=ascii_only)
        assert not UNSAFE.search(text)
        assert "東京" in text if not ascii_only else text.isascii()
        assert strict_json(text) == {
            "s": EVIL,
            EVIL: ["Infinity", "-Infinity", "NaN", 1.5, {"x": "Infinity"}],
            "t": "東京",
        }
    assert out.json_text([1, "a"]) == '[1, "a"]'


def test_json_text_of_deeply_nested_data() -> None:
    deep: Any = "\udc80"
    for _ in range(400):
        deep = [deep]
    assert strict_json(out.json_text(deep, indent=2)) == deep


def test_formatters() -> None:
    assert out.format_fields({"k\x1b": "v\r", "n": None, "x": [math.inf]}).splitlines() == [
        "k\\x1b: v\\r",
        "n:     ",
        "x:     [Infinity]",
    ]
    assert out.format_table([{"key": "a", "label": "A\x9b"}], [{"a": "x\ny\x1b"}]) == (
        "A\\x9b\nx y\\x1b"
    )
    assert out.format_log_line({"type": 2, "content": "c\nd", "timestamp": "\x1b"}) == (
        "\\x1b INFO c\\nd"
    )
    assert out.format_log_line({"type": "\x1b", "content": None}) == "- \\x1b "
    assert out.format_log_line("\x1b") == "\\x1b"


class _Stream(io.StringIO):
    def __init__(self, encoding: str = "utf-8", fail: BaseException | None = None) -> None:
        super().__init__()
        self._encoding, self._fail = encoding, fail

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def write(self, text: str) -> int:
        if self._fail is not None:
            raise self._fail
        text.encode(self._encoding)  # strict, as a real stream in that encoding is
        return super().write(text)


def test_output_to_a_stream_that_cannot_encode_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    ascii_out, latin_out = _Stream("ascii"), _Stream("latin-1")
    monkeypatch.setattr(sys, "stdout", ascii_out)
    data = {"t": "café 東京 \udc80"}
    assert out.deliver(out.Outcome(data, out.format_fields(data)), as_json=False) == 0
    assert ascii_out.getvalue() == "t: caf\\xe9 \\u6771\\u4eac \\udc80\n"
    monkeypatch.setattr(sys, "stdout", latin_out)
    assert out.deliver(out.Outcome(data, ""), as_json=True) == 0
    assert strict_json(latin_out.getvalue()) == data


@pytest.mark.parametrize("as_json", [False, True])
def test_broken_pipe_in_process_returns_141(monkeypatch: pytest.MonkeyPatch, as_json: bool) -> None:
    monkeypatch.setattr(sys, "stdout", _Stream(fail=BrokenPipeError()))
    assert out.deliver(out.Outcome({"a": 1}, "a: 1"), as_json=as_json) == 141
    assert out.deliver(out.Outcome({"a": 1}, "a: 1", code=12), as_json=as_json) == 12


def test_a_broken_stderr_is_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", _Stream(fail=BrokenPipeError()))
    out.note("lost")
    monkeypatch.setattr(sys, "stderr", None)
    out.note("lost")
    problem = out.Problem("X", "x", 4, {"message": "x"})
    assert out.deliver(out.Outcome(None, "", 4, problem, output=False), as_json=True) == 4


def test_safe_formatter_escapes_messages_and_keeps_traceback_lines() -> None:
    formatter = out.SafeFormatter("%(levelname)s %(message)s")
    try:
        raise ValueError("bad\x1b")
    except ValueError:
        exc_info = sys.exc_info()
    rec = logging.LogRecord("x", logging.INFO, __file__, 1, "id=%s", ("\x1b[2J\n",), exc_info)
    text = formatter.format(rec)
    first, *rest = text.splitlines()
    assert first == "INFO id=\\x1b[2J\\n"
    assert rest[0].startswith("Traceback") and rest[-1] == "ValueError: bad\\x1b"


# --- a closed pipe, for real ----------------------------------------------------------------


def _big_results(server: LoopbackServer) -> None:
    """Three pages of 100 rows, about 1.5 MB printed: far more than a pipe's buffer."""
    headers = [{"key": "title", "label": "Title"}]

    def page(index: int) -> Reply:
        rows = [{"title": f"{index}-{i} " + "x" * 5000} for i in range(100)] if index <= 3 else []
        return json_reply({"count": 300, "headers": headers, "list": rows, "page_index": index})

    server.queue(*(page(i) for i in (1, 2, 3)))


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("as_json", [False, True], ids=["human", "json"])
def test_head_closing_the_pipe_ends_quietly(
    server: LoopbackServer, as_json: bool, unbuffered: bool
) -> None:
    _big_results(server)
    env = {k: v for k, v in script_env().items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:  # python -u: the text layer writes straight to the pipe
        env["PYTHONUNBUFFERED"] = "1"
    flag = "--json " if as_json else ""
    shell = (
        f"'{SCRIPT}' --base-url {server.url} {flag}run results {RUN} --all | head -1; "
        'echo "status=${PIPESTATUS[0]}" >&2'
    )
    done = subprocess.run(
        ["bash", "-c", shell],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.stdout == ("{\n" if as_json else "Title\n")
    assert done.stderr == "status=141\n"  # no traceback, no "Exception ignored"
    assert len(request_lines(server)) == 3


def run_unread(*args: str, unbuffered: bool = False) -> tuple[int, bytes]:
    """Run the script with a stdout whose reader left before the command wrote anything."""
    env = {k: v for k, v in script_env().items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    proc = subprocess.Popen(
        [str(SCRIPT), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
    )
    assert proc.stdout is not None
    proc.stdout.close()
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize(
    "args", [["run", "get", RUN], ["--json", "run", "get", RUN], ["api", "--list"]]
)
def test_a_reader_that_left_before_anything_was_written(
    server: LoopbackServer, args: list[str], unbuffered: bool
) -> None:
    server.always(json_reply(record("running")))
    assert run_unread("--base-url", server.url, *args, unbuffered=unbuffered) == (141, b"")


def test_help_into_a_closed_pipe_is_quiet() -> None:
    code, err = run_unread("--help")  # argparse itself ignores the failed write
    assert (code in (0, 141), err) == (True, b"")


def test_an_error_still_has_its_own_code_when_stdout_is_closed(server: LoopbackServer) -> None:
    server.queue(raw_reply(None, 404, code=11004, message="gone"))
    code, err = run_unread("--base-url", server.url, "--max-retries", "0", "run", "get", RUN)
    assert code == 4
    assert err.startswith(b"error: HTTP 404")


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_script_with_a_strict_encoding_prints_hostile_text(
    server: LoopbackServer, encoding: str
) -> None:
    env = script_env(PYTHONIOENCODING=encoding)
    server.queue(raw_reply(EVIL_RECORD | {"t": "東京"}), raw_reply(EVIL_RECORD | {"t": "東京"}))
    human = run_script("--base-url", server.url, "run", "get", RUN, env=env)
    assert human.code == 0, human.err
    assert_clean(human)
    as_json = run_script("--base-url", server.url, "--json", "run", "get", RUN, env=env)
    assert as_json.code == 0, as_json.err
    assert_clean(as_json)
    assert strict_json(as_json.out)["t"] == "東京"
    assert ("東京" in human.out) == (encoding == "utf-8")


def test_exit_code_141_is_documented() -> None:
    assert "141" in cli.EXIT_CODES_HELP
