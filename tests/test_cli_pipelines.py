"""``run results --format``, error messages naming the option typed, and shell completion."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import coreclaw_ext as cc
from coreclaw_ext import cli
from tests.cli_support import KEY
from tests.loopback import LoopbackServer, Reply, json_reply

RUN = "01KZAZTK3BEMEDXA54396WMGC2"
RUN_PATH = f"/api/v2/worker-runs/{RUN}"
HEADERS = [{"key": "url", "label": "URL"}, {"key": "title", "label": "Title"}]
ROWS = [{"title": f"row {i}", "url": f"https://example.com/{i}", "n": i} for i in range(7)]


@pytest.fixture(autouse=True)
def _cli_env(_no_env_config: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORECLAW_API_KEY", KEY)
    for name in ("CORECLAW_LOG", "CORECLAW_POLL_INTERVALS"):
        monkeypatch.delenv(name, raising=False)


def pages(size: int) -> list[Reply]:
    chunks = [ROWS[i : i + size] for i in range(0, len(ROWS), size)]
    return [
        json_reply({"count": len(ROWS), "headers": HEADERS, "list": chunk, "page_index": n + 1})
        for n, chunk in enumerate(chunks)
    ]


def request_lines(server: LoopbackServer) -> list[str]:
    return [f"{r.method} {r.target}" for r in server.requests]


# --- run results --format -------------------------------------------------------------------


def test_results_all_jsonl_streams_every_page(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(*pages(3))
    result = run_cli("run", "results", RUN, "--all", "--page-size", "3", "--format", "jsonl")
    assert result.code == 0, result.err
    assert [json.loads(line) for line in result.out.splitlines()] == ROWS
    assert request_lines(server) == [f"GET {RUN_PATH}/result?offset={n}&limit=3" for n in (1, 2, 3)]


def test_results_all_csv_header_order_from_result_headers(
    server: LoopbackServer, run_cli: Any
) -> None:
    server.queue(*pages(3))
    result = run_cli("run", "results", RUN, "--all", "--page-size", "3", "--format", "csv")
    assert result.code == 0, result.err
    table = list(csv.reader(io.StringIO(result.out)))
    assert table[0] == ["url", "title", "n"]  # the headers' order, then the row's other keys
    assert table[1:] == [[r["url"], r["title"], str(r["n"])] for r in ROWS]


def test_results_all_json_array_and_one_page(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(*pages(4))
    result = run_cli("run", "results", RUN, "--all", "--page-size", "4", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == ROWS
    server.reset()
    server.queue(pages(2)[1])
    one = run_cli("run", "results", RUN, "--page", "2", "--page-size", "2", "--format", "jsonl")
    assert [json.loads(line) for line in one.out.splitlines()] == ROWS[2:4]
    assert request_lines(server) == [f"GET {RUN_PATH}/result?offset=2&limit=2"]


def test_results_default_output_unchanged(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(*pages(4))
    result = run_cli("--json", "run", "results", RUN, "--all", "--page-size", "4")
    assert result.json() == {"count": len(ROWS), "headers": HEADERS, "list": ROWS}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_results_format_never_holds_every_row(
    server: LoopbackServer, run_cli: Any, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    """Each row is on stdout before the next one is pulled: no list of all rows is built."""
    real = cc.iter_worker_run_results
    pulled: list[int] = []

    class Watched:
        def __init__(self, walk: Any) -> None:
            self.walk = walk

        @property
        def headers(self) -> Any:
            return self.walk.headers

        def __iter__(self) -> Iterator[dict[str, Any]]:
            for index, row in enumerate(self.walk):
                if index:
                    written = sys.stdout.getvalue()  # type: ignore[attr-defined]
                    assert ROWS[index - 1]["url"] in written, "rows were held back"
                pulled.append(index)
                yield row

        def __len__(self) -> int:  # a list() of the rows would call this: refuse
            raise AssertionError("the rows were collected into a list")

    monkeypatch.setattr(cc, "iter_worker_run_results", lambda *a, **k: Watched(real(*a, **k)))
    server.queue(*pages(2))
    result = run_cli("run", "results", RUN, "--all", "--page-size", "2", "--format", fmt)
    assert result.code == 0, result.err
    assert pulled == list(range(len(ROWS)))


def test_results_format_closed_stdout_exits_141(
    server: LoopbackServer, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def closed(*_args: Any, **_kwargs: Any) -> int:
        raise BrokenPipeError

    monkeypatch.setattr("coreclaw_ext._cli_commands.write_results", closed)
    server.queue(*pages(7))
    result = run_cli("run", "results", RUN, "--all", "--format", "jsonl")
    assert result.code == 141


# --- errors name the option typed -----------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["run", "results", RUN, "--page-size", "500"], "--page-size must be between 1 and 100"),
        (["run", "results", RUN, "--all", "--page-size", "0"], "--page-size must be between 1"),
        (["run", "results", RUN, "--page", "0"], "--page must be >= 1, got 0"),
        (["run", "list", "--page-size", "500"], "--page-size must be between 1 and 100"),
        (["run", "list", "--page", "0"], "--page must be >= 1, got 0"),
        (["worker", "list", "--page", "-3"], "--page must be >= 1, got -3"),
        (["rerun-last", "owner/name", "--limit", "500"], "--limit must be between 1 and 100"),
        (["rerun-last", "owner/name", "--offset", "-1"], "--offset must be >= 0, got -1"),
        (["worker", "run", "owner/name", "--version", "latest"], "--version 'latest' is refused"),
    ],
)
def test_errors_name_the_option(
    server: LoopbackServer, run_cli: Any, args: list[str], message: str
) -> None:
    result = run_cli(*args)
    assert result.code == 2
    assert result.err.startswith(f"error: {message}"), result.err
    assert server.requests == []
    as_json = run_cli("--json", *args)
    assert as_json.code == 2
    assert json.loads(as_json.err)["error"]["message"].startswith(message)


def test_version_message_says_omit_the_option(run_cli: Any) -> None:
    result = run_cli("worker", "run", "owner/name", "--version", "latest")
    assert "omit --version to run" in result.err
    assert "version not available" in result.err  # the server's own words stay as they are


def test_page_above_100_is_a_page_number(server: LoopbackServer, run_cli: Any) -> None:
    server.queue(json_reply({"count": 0, "list": []}))
    result = run_cli("--json", "run", "list", "--page", "200")
    assert result.code == 0, result.err
    assert request_lines(server) == ["GET /api/v2/worker-runs?offset=200&limit=20"]


def test_reword_leaves_other_errors() -> None:
    err = ValueError("base_url must be an http(s) URL")
    assert cli.reword(err, ("run", "list")) is err
    typed = cli.reword(TypeError("limit must be an int, not str"), ("run", "results"))
    assert str(typed) == "--page-size must be an int, not str"
    assert type(typed) is TypeError


# --- shell completion -----------------------------------------------------------------------


def command_names() -> dict[str, list[str]]:
    root = cli._walk(cli.build_parser())
    return {name: list(node.commands) for name, node in root.commands.items()}


def script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    assert cli.main(["completion", shell]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def test_completion_needs_no_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CORECLAW_API_KEY")
    assert "complete -o default -F _coreclaw_py coreclaw-py" in script("bash", capsys)


def bash_complete(path: Path, *words: str) -> list[str]:
    quoted = " ".join(f"'{w}'" for w in words)
    program = (
        f"source '{path}'\n"
        f"COMP_WORDS=({quoted}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))\n"
        '_coreclaw_py; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        ["bash", "--norc", "-c", program], capture_output=True, text=True, check=True, timeout=30
    )
    return done.stdout.split()


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
def test_bash_completion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = script("bash", capsys)
    path = tmp_path / "coreclaw-py.bash"
    path.write_text(text, encoding="utf-8")
    subprocess.run(["bash", "-n", str(path)], check=True, timeout=30)
    for command, actions in command_names().items():
        assert command in text
        for action in actions:
            assert action in text
    assert bash_complete(path, "coreclaw-py", "run", "") == command_names()["run"]
    assert "rerun-last" in bash_complete(path, "coreclaw-py", "")
    assert bash_complete(path, "coreclaw-py", "--auth", "") == ["bearer", "api-key", "query"]
    assert bash_complete(path, "coreclaw-py", "run", "list", "--status", "f") == ["failed"]
    assert bash_complete(path, "coreclaw-py", "run", "results", "R", "--format", "") == [
        "json",
        "jsonl",
        "csv",
    ]
    options = bash_complete(path, "coreclaw-py", "--json", "run", "results", "R", "--")
    assert {"--all", "--page-size", "--page", "--format", "--base-url"} <= set(options)
    # an option's value is not taken for a command: "worker run run --v" completes worker run
    assert bash_complete(path, "coreclaw-py", "worker", "run", "run", "--v") == [
        "--version",
        "--validate",
    ]


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_completion(
    shell: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = script(shell, capsys)
    for command, actions in command_names().items():
        assert command in text
        for action in actions:
            assert action in text
    for choice in ("bearer", "api-key", "query", "succeeded", "jsonl"):
        assert choice in text
    if shell == "fish":
        assert "complete -c coreclaw-py -l auth -x -a 'bearer api-key query'" in text
        assert "__fish_seen_subcommand_from run && __fish_seen_subcommand_from results" in text
    else:
        assert text.startswith("#compdef coreclaw-py\n")
    binary = shutil.which(shell)
    if binary is not None:
        path = tmp_path / f"coreclaw-py.{shell}"
        path.write_text(text, encoding="utf-8")
        flag = "--no-execute" if shell == "fish" else "-n"
        subprocess.run([binary, flag, str(path)], check=True, timeout=30)


def test_completion_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--json", "completion", "fish"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["shell"] == "fish"
    assert data["script"] == cli.completion_script("fish")
