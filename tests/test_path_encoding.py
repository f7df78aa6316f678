"""Worker and run ids: what is accepted, how it is spelled, and what the server receives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coreclaw_ext as ce
from tests.conftest import ClientFactory
from tests.loopback import LoopbackServer, json_reply

WORKER_OK = [
    ("01KPD6M5YQADCQKGVKPDZVYC63", "01KPD6M5YQADCQKGVKPDZVYC63"),
    ("coreclaw/google-maps-scraper", "coreclaw~google-maps-scraper"),
    ("coreclaw~google-maps-scraper", "coreclaw~google-maps-scraper"),
    ("a b", "a b"),
    ("ü-worker", "ü-worker"),
    ("%2F", "%2F"),
    ("a?b=1", "a?b=1"),
    ("a#frag", "a#frag"),
    ("...", "..."),
    ("owner/.hidden", "owner~.hidden"),
]

WORKER_BAD = [
    ("", "empty"),
    ("   ", "empty"),
    (".", "dot segment"),
    ("..", "dot segment"),
    ("a/b/c", "more than one '/'"),
    ("/name", "empty owner"),
    ("owner/", "empty name"),
    ("./name", "owner '.'"),
    ("owner/..", "name '..'"),
    ("~name", "empty owner"),
    ("owner~", "empty name"),
    ("..~x", "owner '..'"),
    ("own/er~x", "mixes"),
    ("a\nb", "control"),
    ("a\x00b", "control"),
    ("a\x7fb", "control"),
]


@pytest.mark.parametrize(("value", "expected"), WORKER_OK)
def test_worker_id_spelling(value: str, expected: str) -> None:
    assert ce.encode_worker_id(value) == expected


@pytest.mark.parametrize(("value", "reason"), WORKER_BAD)
def test_worker_id_rejected_with_reason(value: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason.replace("'", ".").replace("(", r"\(")):
        ce.encode_worker_id(value)


@pytest.mark.parametrize("value", [None, 3, b"owner/name", ["a"]])
def test_worker_id_must_be_text(value: object) -> None:
    with pytest.raises(TypeError):
        ce.encode_worker_id(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["", " ", ".", "..", "a\tb", "\x1b[31m"])
def test_run_id_rejected(value: str) -> None:
    with pytest.raises(ValueError):
        ce.encode_run_id(value)


@pytest.mark.parametrize("value", ["01KZAZTK3BEMEDXA54396WMGC2", "a/b", "...", "x y"])
def test_run_id_accepted_unchanged(value: str) -> None:
    assert ce.encode_run_id(value) == value


@pytest.mark.parametrize(("value", "expected"), WORKER_OK)
def test_worker_id_spelling_is_the_same_when_repeated(value: str, expected: str) -> None:
    # The second call is answered from the cache of checked ids.
    assert [ce.encode_worker_id(value) for _ in range(3)] == [expected] * 3


@pytest.mark.parametrize(("value", "reason"), WORKER_BAD)
def test_rejected_worker_id_is_rejected_every_time(value: str, reason: str) -> None:
    for _ in range(3):
        with pytest.raises(ValueError):
            ce.encode_worker_id(value)


@pytest.mark.parametrize("value", ["", "..", "a\tb"])
def test_rejected_run_id_is_rejected_every_time(value: str) -> None:
    for _ in range(3):
        with pytest.raises(ValueError):
            ce.encode_run_id(value)


class _Sneaky(str):
    """A str subclass posing as an id that is in the cache (same hash, equal to anything)."""

    def __hash__(self) -> int:
        return hash("owner/cached")

    def __eq__(self, other: object) -> bool:
        return True


class _SneakyRun(_Sneaky):
    def __hash__(self) -> int:
        return hash("run-cached")


def test_str_subclasses_are_checked_not_looked_up() -> None:
    assert ce.encode_worker_id("owner/cached") == "owner~cached"
    with pytest.raises(ValueError, match="dot segment"):
        ce.encode_worker_id(_Sneaky(".."))
    assert ce.encode_run_id("run-cached") == "run-cached"
    with pytest.raises(ValueError, match="dot segment"):
        ce.encode_run_id(_SneakyRun(".."))


def test_id_cache_is_bounded() -> None:
    from coreclaw_ext import _paths
    from coreclaw_ext._consts import ENCODED_ID_CACHE_SIZE

    for i in range(ENCODED_ID_CACHE_SIZE * 2 + 5):
        assert ce.encode_worker_id(f"owner/w{i}") == f"owner~w{i}"
        assert ce.encode_run_id(f"r{i}") == f"r{i}"
    assert 0 < len(_paths._worker_ids) <= ENCODED_ID_CACHE_SIZE
    assert 0 < len(_paths._run_ids) <= ENCODED_ID_CACHE_SIZE


# What the server sees on the wire, request line exactly as sent.
WIRE_WORKER = [
    ("w-1", "/api/v2/workers/w-1/runs/last/rerun"),
    ("owner/name", "/api/v2/workers/owner~name/runs/last/rerun"),
    ("owner~name", "/api/v2/workers/owner~name/runs/last/rerun"),
    ("a?b=1", "/api/v2/workers/a%3Fb%3D1/runs/last/rerun"),
    ("a#frag", "/api/v2/workers/a%23frag/runs/last/rerun"),
    ("%2F", "/api/v2/workers/%252F/runs/last/rerun"),
    ("a b", "/api/v2/workers/a%20b/runs/last/rerun"),
    ("ü", "/api/v2/workers/%C3%BC/runs/last/rerun"),
    ("a+b;c", "/api/v2/workers/a%2Bb%3Bc/runs/last/rerun"),
    ("...", "/api/v2/workers/.../runs/last/rerun"),
]


@pytest.mark.parametrize(("value", "path"), WIRE_WORKER)
def test_worker_id_on_the_wire(
    server: LoopbackServer, make_client: ClientFactory, value: str, path: str
) -> None:
    client = make_client()
    server.queue(json_reply({"run_slug": "R"}))
    ce.rerun_worker_last_run(client, value)
    assert [r.target for r in server.requests] == [path]


WIRE_RUN = [
    ("R1", "/api/v2/worker-runs/R1"),
    ("a/b", "/api/v2/worker-runs/a%2Fb"),
    ("a?x", "/api/v2/worker-runs/a%3Fx"),
    ("ü", "/api/v2/worker-runs/%C3%BC"),
]


@pytest.mark.parametrize(("value", "path"), WIRE_RUN)
def test_run_id_on_the_wire(
    server: LoopbackServer, make_client: ClientFactory, value: str, path: str
) -> None:
    client = make_client()
    server.queue(json_reply({"slug": value, "status": "running"}))
    ce.get_worker_run(client, value)
    server.queue(json_reply({"list": []}))
    ce.get_worker_run_log(client, value)
    server.queue(json_reply({"list": []}))
    ce.list_worker_run_results(client, value, offset=1, limit=5)
    assert [r.target for r in server.requests] == [
        path,
        f"{path}/log",
        f"{path}/result?offset=1&limit=5",
    ]


@pytest.mark.parametrize("value", ["", ".", "..", "a/b/c", "a\x00"])
def test_rejected_ids_send_nothing(
    server: LoopbackServer, make_client: ClientFactory, value: str
) -> None:
    client = make_client()
    with pytest.raises(ValueError):
        ce.rerun_worker_last_run(client, value)
    with pytest.raises(ValueError):
        ce.get_worker_run(client, value if value != "a/b/c" else "..")
    assert server.requests == []


def test_any_worker_id_is_rejected_or_lands_in_one_segment(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(max_retries=0)

    @settings(max_examples=300, deadline=None)
    @given(st.text(max_size=40))
    def check(value: str) -> None:
        server.reset()
        server.always(json_reply({"run_slug": "R"}))
        try:
            ce.rerun_worker_last_run(client, value)
        except ValueError:
            assert server.requests == []
            return
        assert len(server.requests) == 1
        target = server.requests[0].target
        assert "?" not in target and "#" not in target
        segments = target.split("/")
        assert segments[:4] == ["", "api", "v2", "workers"]
        assert segments[5:] == ["runs", "last", "rerun"]
        assert segments[4] not in ("", ".", "..")

    check()


def test_the_operation_cache_keeps_only_short_paths() -> None:
    from coreclaw_ext import _paths

    _paths._operation_cache.clear()
    long_id = "x" * 900
    found = _paths.find_operation("GET", f"/api/v2/worker-runs/{long_id}".encode())
    assert found is not None and found.operation_id == "getWorkerRun"
    assert _paths._operation_cache == {}
    _paths.find_operation("GET", b"/api/v2/worker-runs/R1")
    assert len(_paths._operation_cache) == 1
