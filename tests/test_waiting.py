"""Waiting for runs: the poll schedule, final and non-final statuses, the wait budget, 404 grace,
and rerun(wait=True) including a synchronous rerun whose server-side wait ran out."""

from __future__ import annotations

import logging

import pytest

import coreclaw_ext as ce
from tests.conftest import ClientFactory, arun
from tests.loopback import LoopbackServer, Reply, envelope, json_reply

JSON = {"Content-Type": "application/json"}


class FakeClock:
    """A clock that only moves when the code under test sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)


def run(status: str) -> Reply:
    return json_reply({"slug": "R", "status": status})


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.mark.parametrize("final", ["succeeded", "failed", "aborted"])
def test_polls_on_schedule_until_final(
    server: LoopbackServer, make_client: ClientFactory, clock: FakeClock, final: str
) -> None:
    statuses = [
        "ready",
        "running",
        "running",
        "mystery-status",
        "aborting",
        "running",
        "running",
        final,
    ]
    server.queue(*(run(s) for s in statuses))
    seen: list[tuple[str, float]] = []
    record = ce.wait_for_run(
        make_client(),
        "R",
        clock=clock,
        sleep=clock.sleep,
        on_status=lambda r, t: seen.append((r.status, t)),
    )
    assert record.status == final
    assert clock.sleeps == [2.0, 5.0, 10.0, 15.0, 15.0, 15.0, 15.0]
    assert [s for s, _ in seen] == statuses
    assert [t for _, t in seen] == [0.0, 2.0, 7.0, 17.0, 32.0, 47.0, 62.0, 77.0]
    assert {r.target for r in server.requests} == {"/api/v2/worker-runs/R"}
    assert len(server.requests) == len(statuses)


def test_already_final_returns_without_sleeping(
    server: LoopbackServer, make_client: ClientFactory, clock: FakeClock
) -> None:
    server.queue(run("succeeded"))
    assert ce.wait_for_run(make_client(), "R", clock=clock, sleep=clock.sleep).status == "succeeded"
    assert clock.sleeps == []


def test_aborting_forever_ends_in_wait_timeout_with_last_run(
    server: LoopbackServer, make_client: ClientFactory, clock: FakeClock
) -> None:
    server.always(run("aborting"))
    with pytest.raises(ce.RunWaitTimeout) as info:
        ce.wait_for_run(make_client(), "R", timeout=60, clock=clock, sleep=clock.sleep)
    err = info.value
    assert err.last_run is not None and err.last_run.status == "aborting"
    assert err.run_id == "R" and err.waited == 60.0
    assert "aborting" in str(err)
    # 0, 2, 7, 17, 32, 47, then a last check at the deadline (60), never past it.
    assert clock.sleeps == [2.0, 5.0, 10.0, 15.0, 15.0, 13.0]
    assert len(server.requests) == 7
    assert isinstance(err, ce.CoreClawError)


def test_never_polls_faster_than_the_schedule(
    server: LoopbackServer, make_client: ClientFactory, clock: FakeClock
) -> None:
    server.always(run("running"))
    with pytest.raises(ce.RunWaitTimeout):
        ce.wait_for_run(
            make_client(), "R", timeout=100, poll_intervals=(3, 7), clock=clock, sleep=clock.sleep
        )
    assert clock.sleeps[:-1] == [3.0] + [7.0] * (len(clock.sleeps) - 2)
    assert 0 < clock.sleeps[-1] <= 7.0
    assert sum(clock.sleeps) == 100.0


def test_wait_budget_is_not_the_http_timeout(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    # Each poll has a 0.2 s HTTP timeout, the wait budget is far longer; a slow poll is retried.
    client = make_client(timeout=0.2)
    server.queue(
        Reply(200, envelope({"slug": "R", "status": "running"}), JSON, delay=0.5), run("succeeded")
    )
    clock = FakeClock()
    assert (
        ce.wait_for_run(client, "R", timeout=5, clock=clock, sleep=clock.sleep).status
        == "succeeded"
    )


def test_transient_errors_follow_the_retry_policy(
    server: LoopbackServer, make_client: ClientFactory, clock: FakeClock
) -> None:
    server.queue(run("running"), Reply(503, b"busy"), run("succeeded"))
    assert ce.wait_for_run(make_client(), "R", clock=clock, sleep=clock.sleep).status == "succeeded"
    server.reset()
    server.always(Reply(503, b"busy"))
    with pytest.raises(ce.InternalServerError):
        ce.wait_for_run(make_client(max_retries=1), "R", clock=clock, sleep=clock.sleep)
    assert len(server.requests) == 2


def test_brief_404_after_creation_is_polled_through(
    server: LoopbackServer, make_client: ClientFactory, clock: FakeClock
) -> None:
    not_found = Reply(404, envelope(None, code=11004, message="not found"), JSON)
    server.queue(not_found, not_found, run("succeeded"))
    assert ce.wait_for_run(make_client(), "R", clock=clock, sleep=clock.sleep).status == "succeeded"
    server.reset()
    server.always(not_found)
    with pytest.raises(ce.NotFoundError):
        ce.wait_for_run(make_client(), "R", clock=clock, sleep=clock.sleep)
    assert len(server.requests) == 4  # 0, 2, 7 (within grace), 17 (past it: raised)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"timeout": -1}, ValueError),
        ({"timeout": float("nan")}, ValueError),
        ({"timeout": float("inf")}, ValueError),
        ({"timeout": "60"}, TypeError),
        ({"poll_intervals": ()}, ValueError),
        ({"poll_intervals": (0,)}, ValueError),
        ({"poll_intervals": (float("nan"),)}, ValueError),
    ],
)
def test_bad_wait_settings(
    server: LoopbackServer,
    make_client: ClientFactory,
    kwargs: dict[str, object],
    error: type[Exception],
) -> None:
    with pytest.raises(error):
        ce.wait_for_run(make_client(), "R", **kwargs)  # type: ignore[arg-type]
    assert server.requests == []


def test_wait_steps_are_logged_at_info(
    server: LoopbackServer,
    make_client: ClientFactory,
    clock: FakeClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    server.queue(run("running"), run("succeeded"))
    with caplog.at_level(logging.INFO, logger="coreclaw_ext"):
        ce.wait_for_run(make_client(), "R", clock=clock, sleep=clock.sleep)
    assert [r.getMessage() for r in caplog.records if r.name == "coreclaw_ext"] == [
        "run R is running after 0 s; next check in 2 s"
    ]


def test_await_run(server: LoopbackServer, make_client: ClientFactory, clock: FakeClock) -> None:
    server.queue(run("ready"), run("running"), run("failed"))
    client = make_client()
    record = arun(client, ce.await_run(client, "R", clock=clock, sleep=clock.asleep))
    assert record.status == "failed"
    assert clock.sleeps == [2.0, 5.0]


def test_rerun_and_wait(
    server: LoopbackServer, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("coreclaw_ext._waiting.time.sleep", lambda _s: None)
    server.queue(
        json_reply({"run_slug": "NEW"}),
        json_reply({"slug": "NEW", "status": "running"}),
        json_reply({"slug": "NEW", "status": "succeeded"}),
    )
    record = ce.rerun_worker_last_run(make_client(), "o/n", wait=True)
    assert record.slug == "NEW" and record.status == "succeeded"
    assert [(r.method, r.target) for r in server.requests] == [
        ("POST", "/api/v2/workers/o~n/runs/last/rerun"),
        ("GET", "/api/v2/worker-runs/NEW"),
        ("GET", "/api/v2/worker-runs/NEW"),
    ]
    assert server.requests[0].json() == {}


def test_sync_rerun_that_ran_out_of_server_wait_continues_by_polling(
    server: LoopbackServer, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("coreclaw_ext._waiting.time.sleep", lambda _s: None)
    unfinished = {
        "run_slug": "NEW",
        "run_status": "running",
        "is_finished": False,
        "results": {"list": []},
    }
    server.queue(
        json_reply(unfinished),
        json_reply({"slug": "NEW", "status": "running"}),
        json_reply({"slug": "NEW", "status": "succeeded"}),
    )
    record = ce.rerun_worker_last_run(make_client(), "o/n", is_async=False, wait=True)
    assert record.status == "succeeded"
    assert server.requests[0].json() == {"is_async": False}
    assert len(server.requests) == 3


def test_sync_rerun_without_wait_reports_unfinished(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    server.queue(json_reply({"run_slug": "NEW", "run_status": "running", "is_finished": False}))
    result = ce.rerun_worker_last_run(make_client(), "o/n", is_async=False)
    assert isinstance(result, ce.RerunResult.__args__[0])  # type: ignore[attr-defined]
    assert result.is_finished is False  # type: ignore[union-attr]
    assert len(server.requests) == 1


def test_async_rerun_and_wait(server: LoopbackServer, make_client: ClientFactory) -> None:
    server.queue(json_reply({"run_slug": "NEW"}), json_reply({"slug": "NEW", "status": "failed"}))
    client = make_client()
    record = arun(
        client, ce.arerun_worker_last_run(client, "o/n", wait=True, poll_intervals=(0.01,))
    )
    assert record.status == "failed"


@pytest.mark.parametrize("slug", ["", "..", "a\x00b"])
def test_rerun_wait_with_an_unusable_slug_is_a_server_fault_not_bad_input(
    server: LoopbackServer, make_client: ClientFactory, slug: str
) -> None:
    server.queue(json_reply({"run_slug": slug}))
    with pytest.raises(ce.RunStartedError, match="cannot be used to wait for it") as info:
        ce.rerun_worker_last_run(make_client(), "o/n", wait=True)
    assert len(server.requests) == 1  # the POST went out; nothing else, and no ValueError
    err = info.value
    assert not isinstance(err, ValueError) and err.run_started and err.run_slug is None
    assert err.raw_slug == ascii(slug) and "\x00" not in str(err)


def test_an_absurdly_long_slug_is_shown_shortened(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    # A lone surrogate, escaped as JSON allows, then 100,000 more characters.
    body = '{"code": 0, "message": "ok", "data": {"run_slug": "\\udc80' + "x" * 100_000 + '"}}'
    server.queue(Reply(200, body.encode(), {"Content-Type": "application/json"}))
    with pytest.raises(ce.RunStartedError) as info:
        ce.rerun_worker_last_run(make_client(), "o/n", wait=True)
    assert info.value.raw_slug is not None and len(info.value.raw_slug) < 200
    assert len(str(info.value)) < 400
