"""write_results / awrite_results: CSV, JSON Lines and JSON arrays, streamed and atomic."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
import math
import tracemalloc
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from coreclaw_api.models.result_header import ResultHeader

import coreclaw_ext as ce
from coreclaw_ext._write import awrite_results, write_results
from tests.conftest import ClientFactory, arun
from tests.loopback import LoopbackServer, Recorded, Reply, json_reply


def read_csv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


ROWS: list[dict[str, Any]] = [
    {"a": 1, "b": "x", "extra": True},
    {"b": "y", "a": 2.5, "nested": {"k": [1, "é"]}},
    {"a": None, "b": '=HYPERLINK("http://evil")', "extra": False},
    {"a": math.nan, "b": "+1", "extra": [math.inf]},
]


# --- CSV -------------------------------------------------------------------------------------


def test_csv_follows_the_header_order_then_the_first_rows_other_keys(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    target = tmp_path / "r.csv"
    headers: list[Any] = [{"key": "b", "label": "B"}, ResultHeader(key="a", label="A"), "missing"]
    with caplog.at_level(logging.WARNING, logger="coreclaw_ext"):
        assert write_results(iter(ROWS), target, headers=headers) == 4
    assert read_csv(target) == [
        ["b", "a", "missing", "extra"],
        ["x", "1", "", "true"],
        ["y", "2.5", "", ""],
        ['=HYPERLINK("http://evil")', "", "", "false"],  # data is written as it is
        ["+1", "", "", "[null]"],  # NaN: empty cell; inf inside JSON text: null
    ]
    assert "nested" in caplog.text  # keys only later rows have are left out, and said so


def test_csv_without_headers_takes_the_first_rows_keys(tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    write_results([{"z": {"deep": [1, 2]}, "y": "ü"}, {"y": "v", "z": 3}], target)
    assert read_csv(target) == [["z", "y"], ['{"deep": [1, 2]}', "ü"], ["3", "v"]]
    assert target.read_bytes().startswith(b"z,y\r\n")  # RFC 4180 line ends


def test_csv_header_order_comes_from_the_iterators_first_page(
    server: LoopbackServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    server.always(rows_server(5))
    target = tmp_path / "r.csv"
    rows = ce.iter_worker_run_results(make_client(), "R1", page_size=2)
    assert rows.headers is None  # nothing fetched yet: headers fill in with the first page
    assert write_results(rows, target) == 5
    assert read_csv(target)[0] == ["second", "first"]
    assert read_csv(target)[1:] == [[f"s{i}", str(i)] for i in range(5)]


def test_async_csv_from_the_async_iterator(
    server: LoopbackServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    server.always(rows_server(3))
    client = make_client()
    target = tmp_path / "r.csv"
    count = arun(client, awrite_results(ce.aiter_worker_run_results(client, "R1"), target))
    assert count == 3
    assert read_csv(target) == [["second", "first"], ["s0", "0"], ["s1", "1"], ["s2", "2"]]


def test_no_rows_gives_the_header_row_when_headers_are_known(
    server: LoopbackServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    server.always(rows_server(0))
    assert write_results(ce.iter_worker_run_results(make_client(), "R"), tmp_path / "a.csv") == 0
    assert read_csv(tmp_path / "a.csv") == [["second", "first"]]
    assert write_results([], tmp_path / "b.csv") == 0
    assert (tmp_path / "b.csv").read_bytes() == b""


def rows_server(count: int) -> Any:
    def respond(rec: Recorded) -> Reply:
        query = dict(p.split("=") for p in rec.query.split("&"))
        page, size = int(query["offset"]), int(query["limit"])
        listed = [
            {"first": i, "second": f"s{i}"}
            for i in range((page - 1) * size, min(page * size, count))
        ]
        headers = [{"key": "second", "label": "Second"}, {"key": "first", "label": "First"}]
        return json_reply({"count": count, "headers": headers, "list": listed})

    return respond


# --- JSON Lines and JSON ---------------------------------------------------------------------


def test_jsonl_round_trip_utf8_and_null_for_nan(tmp_path: Path) -> None:
    target = tmp_path / "r.jsonl"
    assert write_results(ROWS, target, format="jsonl") == 4
    text = target.read_text(encoding="utf-8")
    assert '"é"' in text  # ensure_ascii=False
    lines = text.splitlines()
    assert len(lines) == 4 and text.endswith("\n")
    back = [json.loads(line) for line in lines]  # strict: no NaN/Infinity tokens
    assert "NaN" not in text and "Infinity" not in text
    assert back[:3] == ROWS[:3]
    assert back[3] == {"a": None, "b": "+1", "extra": [None]}


@pytest.mark.parametrize("count", [0, 1, 3])
def test_json_is_one_streamed_array(tmp_path: Path, count: int) -> None:
    target = tmp_path / "r.json"
    rows = [{"i": i, "s": "ß"} for i in range(count)]
    assert write_results(iter(rows), target, format="json") == count
    assert json.loads(target.read_text(encoding="utf-8")) == rows


def test_json_with_nan_is_strict(tmp_path: Path) -> None:
    write_results([{"v": math.nan, "w": {"x": -math.inf}}], tmp_path / "r.json", format="json")
    assert json.loads((tmp_path / "r.json").read_text()) == [{"v": None, "w": {"x": None}}]


# --- targets ---------------------------------------------------------------------------------


def test_an_open_text_file_is_written_as_given_and_left_open() -> None:
    out = io.StringIO()
    out.write("# before\n")
    assert write_results([{"a": 1}, {"a": 2}], out, format="jsonl") == 2
    assert out.getvalue() == '# before\n{"a": 1}\n{"a": 2}\n'
    assert not out.closed


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    with (tmp_path / "b").open("wb") as f, pytest.raises(TypeError, match="text mode"):
        write_results([{"a": 1}], f)  # type: ignore[arg-type]


def test_an_existing_file_is_refused_before_any_row_is_pulled(tmp_path: Path) -> None:
    target = tmp_path / "r.csv"
    target.write_text("keep")
    pulled: list[int] = []

    def rows() -> Iterator[dict[str, int]]:
        pulled.append(1)
        yield {"a": 1}

    with pytest.raises(FileExistsError):
        write_results(rows(), target)
    assert pulled == [] and target.read_text() == "keep"
    assert write_results(rows(), target, overwrite=True) == 1
    assert read_csv(target) == [["a"], ["1"]]


def test_a_failure_midway_leaves_no_file_and_keeps_an_old_one(tmp_path: Path) -> None:
    def rows() -> Iterator[dict[str, int]]:
        yield {"a": 1}
        raise ce.APIConnectionError("connection lost on page 2")

    with pytest.raises(ce.APIConnectionError):
        write_results(rows(), tmp_path / "new.csv")
    assert leftovers(tmp_path) == []
    (tmp_path / "old.csv").write_text("old")
    with pytest.raises(ce.APIConnectionError):
        write_results(rows(), tmp_path / "old.csv", format="json", overwrite=True)
    assert (tmp_path / "old.csv").read_text() == "old" and leftovers(tmp_path) == ["old.csv"]


def test_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        write_results([], tmp_path / "x", format="xml")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="mapping"):
        write_results([{"a": 1}, ["not", "a", "row"]], tmp_path / "y")  # type: ignore[list-item]
    assert leftovers(tmp_path) == []


def test_awrite_results_takes_async_and_plain_iterables(tmp_path: Path) -> None:
    async def agen() -> AsyncIterator[dict[str, int]]:
        for i in range(3):
            await asyncio.sleep(0)
            yield {"i": i}

    async def main() -> tuple[int, int]:
        a = await awrite_results(agen(), tmp_path / "a.jsonl", format="jsonl")
        b = await awrite_results([{"i": 9}], tmp_path / "b.csv")
        return a, b

    assert asyncio.run(main()) == (3, 1)
    assert (tmp_path / "a.jsonl").read_text() == '{"i": 0}\n{"i": 1}\n{"i": 2}\n'
    assert read_csv(tmp_path / "b.csv") == [["i"], ["9"]]


# --- bounded memory --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json"])  # jsonl writes rows as json does
def test_200k_rows_stream_in_bounded_memory(tmp_path: Path, fmt: str) -> None:
    def rows() -> Iterator[dict[str, Any]]:
        for i in range(200_000):
            yield {"id": i, "name": f"place {i}", "rating": i / 7, "tags": ["a", "b"]}

    target = tmp_path / f"big.{fmt}"
    tracemalloc.start()
    try:
        count = write_results(rows(), target, format=fmt)  # type: ignore[arg-type]
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    size = target.stat().st_size
    print(f"200k rows {fmt}: {size / 1e6:.1f} MB written, peak traced memory {peak / 1e6:.2f} MB")
    assert count == 200_000
    assert size > 10_000_000  # far more than the bound below: nothing was held
    assert peak < 2 * 1024 * 1024
