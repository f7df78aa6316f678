"""run_many / arun_many: bounded, paced by 429s, never a run twice, resumable from a journal.

Most tests use tests/batch_server.py, a loopback server in its own process that counts the
starts it accepted per item; the crash test SIGKILLs a batch running in a subprocess. The
numbers the lead quotes are printed (run with ``-s`` to see them).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any
from urllib.request import Request, urlopen

import pytest

import coreclaw_ext as cc
from coreclaw_ext._batch import (
    BatchOutcome,
    BatchTimeoutError,
    UnknownOutcomeError,
    arun_many,
    run_many,
)
from coreclaw_ext._journal import Journal, JournalError, JournalWarning, item_key
from tests import batch_server
from tests.batch_server import item_id, items
from tests.conftest import TEST_KEY, ClientFactory, arun
from tests.loopback import LoopbackServer, Recorded, Reply, json_reply

SCRIPT = Path(__file__).with_name("batch_server.py")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "batch_runs.py"
MODES = pytest.mark.parametrize("mode", ["sync", "async"])
FAST = {"poll_intervals": (0.01,)}


class BatchServer:
    def __init__(self, url: str) -> None:
        self.url = url

    def _post(self, path: str, body: dict[str, Any]) -> None:
        request = Request(f"{self.url}{path}", data=json.dumps(body).encode(), method="POST")
        with urlopen(request, timeout=10):  # loopback only
            pass

    def stats(self) -> dict[str, Any]:
        with urlopen(f"{self.url}/__stats", timeout=10) as response:
            result: dict[str, Any] = json.loads(response.read())
            return result

    def reset(self, **config: Any) -> None:
        self._post("/__reset", config)

    def config(self, **config: Any) -> None:
        self._post("/__config", config)


@pytest.fixture(scope="module")
def _batch_server() -> Iterator[BatchServer]:
    proc = subprocess.Popen(
        [sys.executable, str(SCRIPT), "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("PORT "), line
        yield BatchServer(f"http://127.0.0.1:{int(line.split()[1])}")
    finally:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        proc.stdout.close()


@pytest.fixture
def srv(_batch_server: BatchServer) -> BatchServer:
    _batch_server.reset()
    return _batch_server


def batch(
    mode: str, client: cc.CoreClawClient, todo: list[Any], **kwargs: Any
) -> list[BatchOutcome]:
    if mode == "sync":
        return run_many(client, todo, **kwargs)
    return arun(client, arun_many(client, todo, **kwargs))


def records(journal: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in journal.read_text().splitlines()]


def events(journal: Path, index: int) -> list[str]:
    return [r["event"] for r in records(journal)[1:] if r["key"].startswith(f"{index}:")]


def started_slug(rec: Recorded) -> Reply:
    return json_reply({"run_slug": "run-" + rec.path.split("/")[4]})


# --- checking items ---------------------------------------------------------------------


def test_every_bad_item_is_listed_and_nothing_is_sent(
    srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    client = make_client(base_url=srv.url)
    bad: list[Any] = [
        {"worker_id": "o/fine"},
        {"worker_id": "a/b/c"},
        {"worker_id": "o/x", "run_id": "R"},
        {},
        {"worker_id": "o/x", "inptu": {"k": 1}},
        {"worker_id": "o/x", "version": "latest"},
        {"run_id": "R", "input": {"k": 1}},
        {"worker_task_id": "T", "callback_url": "ftp://example.com"},
        {"worker_id": "o/x", "input": {"k": float("nan")}},
        {"worker_id": "o/x", "input": {"k": 1}, "raw_input": {"parameters": {}}},
        "o/x",
    ]
    journal = tmp_path / "j.jsonl"
    with pytest.raises(ValueError, match="10 of 11 batch items are not valid") as caught:
        run_many(client, bad, journal=journal)
    text = str(caught.value)
    assert "nothing was sent" in text and "item 0:" not in text
    assert all(f"item {i}:" in text for i in range(1, 11)), text
    assert "unknown key 'inptu'" in text and "exactly one of" in text and "latest" in text
    with pytest.raises(ValueError, match="10 of 11"):
        arun(client, arun_many(client, bad, journal=journal))
    not_items: Any = ["o/x", 1]
    with pytest.raises(TypeError, match="2 of 2"):
        run_many(client, not_items)
    not_a_list: Any = {"worker_id": "o/x"}
    with pytest.raises(TypeError, match="list of mappings"):
        run_many(client, not_a_list)
    with pytest.raises(ValueError, match="concurrency"):
        run_many(client, [{"worker_id": "o/x"}], concurrency=0)
    with pytest.raises(ValueError, match="total_timeout"):
        run_many(client, [{"worker_id": "o/x"}], total_timeout=float("inf"))
    assert srv.stats()["requests"] == 0
    assert not journal.exists()


def test_items_are_sent_as_the_start_functions_send_them(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.always(started_slug)
    todo: list[dict[str, Any]] = [
        {
            "worker_id": "o/n",
            "input": {"keyword": "coffee"},
            "proxy_region": "US",
            "version": "v1.2.8",
            "callback_url": "https://example.com/cb",
        },
        {"worker_id": "o/raw", "raw_input": {"parameters": {"custom": {"a": 1}}}},
        {"run_id": "R1", "callback_url": "https://example.com/cb"},
        {"worker_task_id": "T1"},
    ]
    outcomes = run_many(make_client(), todo, concurrency=1)
    assert [o.status for o in outcomes] == ["started"] * 4
    assert {r.path: r.json() for r in server.requests} == {
        "/api/v2/workers/o~n/runs": {
            "input": {
                "parameters": {"custom": {"keyword": "coffee"}, "system": {"proxy_region": "US"}}
            },
            "version": "v1.2.8",
            "callback_url": "https://example.com/cb",
        },
        "/api/v2/workers/o~raw/runs": {"input": {"parameters": {"custom": {"a": 1}}}},
        "/api/v2/worker-runs/R1/rerun": {"callback_url": "https://example.com/cb"},
        "/api/v2/worker-tasks/T1/runs": {},
    }


# --- clean runs, waiting --------------------------------------------------------------


@MODES
def test_a_clean_batch_starts_every_item_once(
    mode: str, srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    client, n, journal = make_client(base_url=srv.url), 30, tmp_path / "clean.jsonl"
    seen: list[tuple[int, int, int]] = []
    outcomes = batch(
        mode,
        client,
        items(n),
        concurrency=4,
        journal=journal,
        on_progress=lambda done, total, o: seen.append((done, total, o.index)),
    )
    assert [o.status for o in outcomes] == ["started"] * n
    assert [o.index for o in outcomes] == list(range(n))
    assert [o.run_slug for o in outcomes] == [f"run-{item_id(i)}" for i in range(n)]
    assert [done for done, _, _ in seen] == list(range(1, n + 1))
    assert {total for _, total, _ in seen} == {n}
    assert sorted(index for _, _, index in seen) == list(range(n))
    stats = srv.stats()
    print(
        f"\nclean run ({mode}): items {n}, start requests {stats['start_requests']}, "
        f"accepted starts {stats['accepted']}, duplicates {len(stats['duplicates'])}"
    )
    assert stats["per_item"] == {item_id(i): 1 for i in range(n)}
    assert stats["start_requests"] == n
    lines = records(journal)
    assert lines[0]["items"] == n and lines[0]["event"] == "batch"
    assert Counter(r["event"] for r in lines[1:]) == {"sending": n, "started": n}
    again = batch(mode, client, items(n), journal=journal)
    assert {o.status for o in again} == {"skipped-already-started"}
    assert all(o.resumed and o.attempts == 0 for o in again)
    assert [o.run_slug for o in again] == [o.run_slug for o in outcomes]
    assert srv.stats()["start_requests"] == n


@MODES
def test_wait_returns_each_final_record(
    mode: str, srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    client, journal = make_client(base_url=srv.url), tmp_path / "wait.jsonl"
    outcomes = batch(mode, client, items(6), wait=True, journal=journal, **FAST)
    assert [o.status for o in outcomes] == ["finished"] * 6
    assert all(o.ok and o.record and o.record.status == "succeeded" for o in outcomes)
    assert [r.get("run_status") for r in records(journal) if r["event"] == "finished"] == [
        "succeeded"
    ] * 6
    srv.config(status="failed")  # a resumed batch waits for the runs it finds, again
    again = batch(mode, client, items(6), wait=True, journal=journal, **FAST)
    assert [o.status for o in again] == ["finished"] * 6
    assert all(o.resumed and not o.ok and o.record and o.record.status == "failed" for o in again)
    assert srv.stats()["start_requests"] == 6


@MODES
def test_a_run_that_outlasts_its_wait_is_reported_with_its_slug(
    mode: str, srv: BatchServer, make_client: ClientFactory
) -> None:
    srv.reset(status="running")
    client = make_client(base_url=srv.url)
    outcomes = batch(mode, client, items(2), wait=True, wait_timeout=0.05, **FAST)
    for i, outcome in enumerate(outcomes):
        assert outcome.status == "failed"
        assert isinstance(outcome.error, cc.RunWaitTimeout) and outcome.error.run_started
        assert outcome.run_slug == outcome.error.run_slug == f"run-{item_id(i)}"


# --- 429s -----------------------------------------------------------------------------


@MODES
@pytest.mark.parametrize("client_retries", [0, 2])
def test_twenty_percent_429s_start_every_item_exactly_once(
    mode: str, client_retries: int, srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    srv.reset(rate_429=0.2, seed=7)
    client, n, journal = (
        make_client(base_url=srv.url, max_retries=client_retries),
        40,
        tmp_path / "j",
    )
    outcomes = batch(
        mode,
        client,
        items(n),
        concurrency=4,
        journal=journal,
        rate_limit_backoff=0.005,
        rate_limit_retries=10,
    )
    stats = srv.stats()
    by_batch = sum(o.attempts - 1 for o in outcomes)
    print(
        f"\n20 % 429 run ({mode}, client max_retries={client_retries}): items {n}, "
        f"start requests {stats['start_requests']}, 429s {stats['limited']}, accepted starts "
        f"{stats['accepted']}, 429s retried by the batch {by_batch}, by the client "
        f"{stats['limited'] - by_batch}, duplicates {len(stats['duplicates'])}"
    )
    assert [o.status for o in outcomes] == ["started"] * n
    assert stats["per_item"] == {item_id(i): 1 for i in range(n)}
    assert stats["limited"] >= 4
    assert stats["start_requests"] == n + stats["limited"]
    assert Counter(r["event"] for r in records(journal)[1:])["refused"] == by_batch
    if client_retries == 0:
        assert by_batch == stats["limited"]


@MODES
def test_a_429_pauses_every_start_of_the_batch_for_its_retry_after(
    mode: str, server: LoopbackServer, make_client: ClientFactory
) -> None:
    seen: list[tuple[float, str]] = []
    lock = threading.Lock()

    def respond(rec: Recorded) -> Reply:
        with lock:
            seen.append((time.monotonic(), rec.path))
            first = len(seen) == 1
        if first:
            return json_reply(
                None, status=429, code=13000, message="slow down", headers={"Retry-After": "0.6"}
            )
        return started_slug(rec)

    server.always(respond)
    todo = [{"worker_id": f"o/w{i}"} for i in range(8)]
    outcomes = batch(mode, make_client(max_retries=0), todo, concurrency=4)
    assert [o.status for o in outcomes] == ["started"] * 8
    t0, refused = seen[0]
    after = [(t - t0, path) for t, path in seen[1:]]
    # Starts already sent when the 429 came back still arrive; then nothing until it reopens.
    assert not [d for d, _ in after if 0.1 <= d < 0.55], after
    assert next(d for d, path in after if path == refused) >= 0.55
    assert Counter(path for _, path in seen)[refused] == 2
    assert sorted(o.attempts for o in outcomes) == [1] * 7 + [2]


def test_rate_limit_retries_are_bounded_and_a_refused_item_is_sent_again_later(
    server: LoopbackServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    limited = [True]

    def respond(rec: Recorded) -> Reply:
        if "stuck" in rec.path and limited[0]:
            return json_reply(None, status=429, code=13000, message="slow down")
        return started_slug(rec)

    server.always(respond)
    client, journal = make_client(max_retries=0), tmp_path / "j.jsonl"
    todo = [{"worker_id": "o/ok1"}, {"worker_id": "o/stuck"}, {"worker_id": "o/ok2"}]
    first = run_many(client, todo, journal=journal, rate_limit_retries=2, rate_limit_backoff=0.001)
    assert [o.status for o in first] == ["started", "failed", "started"]
    assert isinstance(first[1].error, cc.RateLimitError) and first[1].run_slug is None
    assert first[1].attempts == 3
    assert events(journal, 1) == ["sending", "refused"] * 3
    limited[0] = False  # refused means never started: the next batch may send it
    second = run_many(client, todo, journal=journal)
    assert [o.status for o in second] == [
        "skipped-already-started",
        "started",
        "skipped-already-started",
    ]
    assert Counter(r.path for r in server.requests) == {
        "/api/v2/workers/o~ok1/runs": 1,
        "/api/v2/workers/o~stuck/runs": 4,
        "/api/v2/workers/o~ok2/runs": 1,
    }


@MODES
def test_call_options_around_a_batch_reach_its_workers(
    mode: str, server: LoopbackServer, make_client: ClientFactory
) -> None:
    replies = [json_reply(None, status=429, code=13000, message="slow down")]
    server.always(lambda rec: replies.pop() if replies else started_slug(rec))
    with cc.call_options(max_retries=0):  # so the batch, not the client, sees the 429
        outcomes = batch(
            mode, make_client(max_retries=3), [{"worker_id": "o/a"}], rate_limit_backoff=0.001
        )
    assert outcomes[0].status == "started" and outcomes[0].attempts == 2


# --- what is refused, what is in doubt ------------------------------------------------


@MODES
def test_refused_in_doubt_and_accepted_starts_are_told_apart(
    mode: str, server: LoopbackServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    def respond(rec: Recorded) -> Reply:
        worker = rec.path.split("/")[4]
        if worker == "o~bad":
            return json_reply(None, status=400, code=11000, message="bad input")
        if worker == "o~boom":
            return json_reply(None, status=500, code=10000, message="oops")
        reply = started_slug(rec)
        reply.delay = 0.5 if worker == "o~slow" else 0.0
        return reply

    server.always(respond)
    client, journal = make_client(max_retries=2), tmp_path / "j.jsonl"
    todo = [{"worker_id": w} for w in ("o/bad", "o/boom", "o/slow", "o/fine")]
    first = batch(mode, client, todo, journal=journal, timeout=0.25)
    assert [o.status for o in first] == ["failed", "unknown", "unknown", "started"]
    assert isinstance(first[0].error, cc.BadRequestError)
    for outcome, cause in ((first[1], cc.InternalServerError), (first[2], cc.APITimeoutError)):
        assert isinstance(outcome.error, UnknownOutcomeError)
        assert isinstance(outcome.error.error, cause)
        assert "check before retrying" in str(outcome.error)
    assert [events(journal, i)[-1] for i in range(4)] == [
        "refused",
        "unknown",
        "unknown",
        "started",
    ]
    server.always(started_slug)
    second = batch(mode, client, todo, journal=journal)
    assert [o.status for o in second] == [
        "started",
        "unknown",
        "unknown",
        "skipped-already-started",
    ]
    assert "Check before retrying" in str(second[1].error)
    posts = Counter(r.path.split("/")[4] for r in server.requests)
    assert posts == {"o~bad": 2, "o~boom": 1, "o~slow": 1, "o~fine": 1}
    third = batch(mode, client, todo, journal=journal, resend_unknown=True)  # after checking
    assert [o.status for o in third] == [
        "skipped-already-started",
        "started",
        "started",
        "skipped-already-started",
    ]


def test_a_start_that_never_reached_a_server_is_refused_and_may_be_sent_again(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    client, journal = make_client(base_url=f"http://127.0.0.1:{port}"), tmp_path / "j.jsonl"
    for _ in range(2):
        outcome = run_many(client, [{"worker_id": "o/x"}], journal=journal)[0]
        assert outcome.status == "failed" and isinstance(outcome.error, cc.APIConnectionError)
    assert events(journal, 0) == ["sending", "refused"] * 2


@MODES
def test_total_timeout_leaves_the_rest_not_started(
    mode: str, srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    srv.reset(delay=0.15)
    client, journal = make_client(base_url=srv.url), tmp_path / "j.jsonl"
    outcomes = batch(mode, client, items(12), concurrency=2, total_timeout=0.35, journal=journal)
    started = [o.index for o in outcomes if o.status == "started"]
    rest = [o for o in outcomes if o.status != "started"]
    assert 2 <= len(started) <= 8 and max(started) < min(o.index for o in rest)
    assert {o.status for o in rest} == {"not-started"}
    assert all(isinstance(o.error, BatchTimeoutError) for o in rest)
    assert "no run was started" in str(rest[0].error)
    assert srv.stats()["accepted"] == len(started)
    assert all(not events(journal, o.index) for o in rest)
    again = batch(mode, client, items(12), concurrency=4, journal=journal)
    assert Counter(o.status for o in again) == {
        "skipped-already-started": len(started),
        "started": len(rest),
    }
    assert srv.stats()["per_item"] == {item_id(i): 1 for i in range(12)}


@MODES
def test_a_failing_progress_callback_stops_the_batch_with_a_sound_journal(
    mode: str, srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    srv.reset(delay=0.05)
    client, journal = make_client(base_url=srv.url), tmp_path / "j.jsonl"

    def progress(done: int, total: int, outcome: BatchOutcome) -> None:
        if done == 2:
            raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        batch(mode, client, items(20), concurrency=2, journal=journal, on_progress=progress)
    lines = records(journal)[1:]
    sent = {r["key"] for r in lines if r["event"] == "sending"}
    assert sent == {r["key"] for r in lines if r["event"] == "started"}  # none left in doubt
    assert 2 <= srv.stats()["accepted"] == len(sent) < 20
    again = batch(mode, client, items(20), concurrency=4, journal=journal)
    assert {o.status for o in again} == {"skipped-already-started", "started"}
    assert srv.stats()["per_item"] == {item_id(i): 1 for i in range(20)}


# --- the journal ----------------------------------------------------------------------


def test_a_journal_of_another_item_list_is_refused_before_sending(
    srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    client, journal = make_client(base_url=srv.url), tmp_path / "j.jsonl"
    run_many(client, items(5), journal=journal)
    changed = [*items(5)[:2], {"worker_id": "o/other"}, *items(5)[3:]]
    for other in (items(6), items(4), changed, list(reversed(items(5)))):
        with pytest.raises(JournalError, match="another item list"):
            run_many(client, other, journal=journal)
    with pytest.raises(JournalError, match="changed: item 2"):
        run_many(client, changed, journal=journal)
    notes = tmp_path / "notes.jsonl"
    notes.write_text('{"hello": 1}\n{"x": 2}\n')
    with pytest.raises(JournalError, match="line 1 is not a valid record"):
        run_many(client, items(1), journal=notes)
    assert srv.stats()["start_requests"] == 5


def test_a_torn_last_line_is_dropped_with_a_warning(
    srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    client, journal = make_client(base_url=srv.url), tmp_path / "j.jsonl"
    run_many(client, items(3), journal=journal)
    with journal.open("ab") as file:
        file.write(b'{"event":"sending","key":"0:ab')  # the crash came mid-write
    with pytest.warns(JournalWarning, match="damaged last line"):
        again = run_many(client, items(3), journal=journal)
    assert {o.status for o in again} == {"skipped-already-started"}
    assert len(records(journal)) == 7  # header + 3 x (sending, started): the tail is gone
    assert srv.stats()["start_requests"] == 3


def test_a_torn_sending_record_means_the_start_was_never_sent(
    srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    journal, todo = tmp_path / "j.jsonl", items(1)
    Journal(journal, [item_key(0, todo[0])]).close()  # the header, then the crash:
    with journal.open("ab") as file:
        file.write(b'{"event":"sending","key":"0:')  # sending is fsynced before the request
    with pytest.warns(JournalWarning):
        outcome = run_many(make_client(base_url=srv.url), todo, journal=journal)[0]
    assert outcome.status == "started" and srv.stats()["start_requests"] == 1


def test_a_damaged_record_before_the_last_line_is_refused(
    srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    client, journal = make_client(base_url=srv.url), tmp_path / "j.jsonl"
    run_many(client, items(2), journal=journal)
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join([*lines[:2], b"garbage\n", *lines[3:]]))
    with pytest.raises(JournalError, match="line 3 is not a valid record"):
        run_many(client, items(2), journal=journal)
    assert srv.stats()["start_requests"] == 2


def test_one_journal_serves_one_batch_at_a_time(
    srv: BatchServer, make_client: ClientFactory, tmp_path: Path
) -> None:
    journal, todo = tmp_path / "j.jsonl", items(2)
    held = Journal(journal, [item_key(i, item) for i, item in enumerate(todo)])
    try:
        with pytest.raises(JournalError, match="in use by another running batch"):
            run_many(make_client(base_url=srv.url), todo, journal=journal)
    finally:
        held.close()
    assert srv.stats()["start_requests"] == 0


# --- crashes, processes ---------------------------------------------------------------


def batch_process(srv: BatchServer, journal: Path, n: int, mode: str) -> subprocess.Popen[str]:
    flags = ["--async"] if mode == "async" else []
    return subprocess.Popen(
        [sys.executable, str(SCRIPT), "batch", srv.url, str(journal), str(n), *flags],
        env={**os.environ, "CORECLAW_API_KEY": TEST_KEY},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@MODES
def test_a_batch_killed_mid_flight_and_resumed_never_starts_a_run_twice(
    mode: str, srv: BatchServer, tmp_path: Path
) -> None:
    n, journal = 12, tmp_path / "killed.jsonl"
    srv.reset(delay=0.02, slow_from=6, slow_delay=5.0)  # items 6+ hang: killed in flight
    first = batch_process(srv, journal, n, mode)
    try:
        deadline = time.monotonic() + 15
        while True:
            stats = srv.stats()
            done = journal.read_text().count('"event":"started"') if journal.exists() else 0
            if len(stats["in_flight"]) == 3 and done == 6:
                break
            assert first.poll() is None, first.communicate()
            assert time.monotonic() < deadline, (stats, done)
            time.sleep(0.02)
        os.kill(first.pid, signal.SIGKILL)
        first.communicate(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate(timeout=10)
    assert first.returncode == -signal.SIGKILL
    at_kill = srv.stats()
    answered = {int(r["key"].split(":")[0]) for r in records(journal) if r["event"] == "started"}
    srv.config(slow_delay=0.02)
    second = batch_process(srv, journal, n, mode)
    out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err
    outcomes = [json.loads(line[8:]) for line in out.splitlines() if line.startswith("OUTCOME ")]
    status = {o["index"]: o["status"] for o in outcomes}
    final = srv.stats()
    unknown = {i for i, s in status.items() if s == "unknown"}
    print(
        f"\nkilled+resumed run ({mode}): items {n}; at the kill the server had accepted "
        f"{at_kill['accepted']} ({len(answered)} answered, {len(at_kill['in_flight'])} in "
        f"flight); resumed: {Counter(status.values())}; accepted starts in all "
        f"{final['accepted']}, start requests {final['start_requests']}, duplicates "
        f"{len(final['duplicates'])}"
    )
    assert len(status) == n
    assert {item_id(i) for i in unknown} == set(at_kill["in_flight"])  # in doubt, reported
    assert all(o["error"] == "UnknownOutcomeError" for o in outcomes if o["status"] == "unknown")
    assert {i for i, s in status.items() if s == "skipped-already-started"} == answered
    assert {i for i, s in status.items() if s == "started"} == set(range(n)) - answered - unknown
    assert final["per_item"] == {item_id(i): 1 for i in range(n)}  # every item started once
    assert final["start_requests"] == n  # and nothing in doubt was sent again
    assert len(answered) >= 1 and len(unknown) >= 1 and len(unknown) + len(answered) < n


def test_a_process_pool_shares_a_batch_one_client_and_journal_per_process(
    srv: BatchServer, tmp_path: Path
) -> None:
    journals = [str(tmp_path / f"shard-{k}.jsonl") for k in range(2)]
    shard_args = ([srv.url] * 2, [TEST_KEY] * 2, [0, 10], [10, 10], journals)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        first = list(pool.map(batch_server.shard, *shard_args))
        again = list(pool.map(batch_server.shard, *shard_args))
    assert first == [{"started": 10}, {"started": 10}]
    assert again == [{"skipped-already-started": 10}] * 2
    stats = srv.stats()
    print(
        f"\nprocess pool (2 processes): items 20, accepted starts {stats['accepted']}, "
        f"start requests {stats['start_requests']}"
    )
    assert stats["per_item"] == {item_id(i): 1 for i in range(20)}
    assert stats["start_requests"] == 20


# --- the example ----------------------------------------------------------------------

# Until coreclaw_ext exports the batch names, the example runs with them set from _batch.
SHIM = """
import runpy, sys
import coreclaw_ext, coreclaw_ext._batch, coreclaw_ext._journal
for name in ("run_many", "arun_many", "BatchOutcome"):
    setattr(coreclaw_ext, name, getattr(coreclaw_ext._batch, name))
coreclaw_ext.JournalError = coreclaw_ext._journal.JournalError
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")
"""


def run_example(srv: BatchServer, *args: str) -> subprocess.CompletedProcess[str]:
    wired = hasattr(cc, "run_many")
    prefix = [str(EXAMPLE)] if wired else ["-c", SHIM, str(EXAMPLE)]
    return subprocess.run(
        [sys.executable, *prefix, *args],
        env={**os.environ, "CORECLAW_API_KEY": TEST_KEY, "CORECLAW_BASE_URL": srv.url},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_batch_example_resumes_from_its_journal(srv: BatchServer, tmp_path: Path) -> None:
    todo = tmp_path / "items.jsonl"
    todo.write_text("".join(json.dumps(item) + "\n" for item in items(4)))
    args = (
        "o/extra",
        "--items",
        str(todo),
        "--journal",
        str(tmp_path / "j.jsonl"),
        "--wait",
        "--poll-interval",
        "0.01",
    )
    first = run_example(srv, *args)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        f"{item}: finished (succeeded) run run-{ident}"
        for item, ident in [
            ("o/w0", "o~w0"),
            ("R1", "R1"),
            ("T2", "T2"),
            ("o/w3", "o~w3"),
            ("o/extra", "o~extra"),
        ]
    ]
    assert "[5/5]" in first.stderr
    second = run_example(srv, *args)
    assert second.returncode == 0, second.stderr
    assert all(line.endswith("[from the journal]") for line in second.stdout.splitlines())
    assert srv.stats()["start_requests"] == 5
    helped = run_example(srv, "--help")
    assert helped.returncode == 0 and "CORECLAW_API_KEY" in helped.stdout
