"""Checked by mypy --strict in tests/test_typing.py: what users' code gets from each call."""

from __future__ import annotations

from typing import Any, assert_type

from coreclaw_api.models import (
    RerunAccepted,
    RunAccepted,
    RunRecord,
    SyncRerunResult,
    SyncRunResult,
    WorkerTaskCreated,
)

import coreclaw_ext as cc


async def uses(client: cc.CoreClawClient, flag: bool) -> None:
    assert_type(cc.rerun_worker_last_run(client, "o/n"), RerunAccepted)
    assert_type(cc.rerun_worker_last_run(client, "o/n", is_async=False), SyncRerunResult)
    assert_type(cc.rerun_worker_last_run(client, "o/n", wait=True), RunRecord)
    assert_type(cc.rerun_worker_run(client, "r", is_async=flag), SyncRerunResult | RerunAccepted)
    assert_type(cc.run_worker(client, "o/n", input={"k": 1}), RunAccepted)
    assert_type(cc.run_worker(client, "o/n", is_async=False), SyncRunResult)
    assert_type(await cc.arun_worker_task(client, "t", wait=True), RunRecord)
    assert_type(client.workers.run("o/n", is_async=False), SyncRunResult)
    assert_type(await client.worker_runs.arerun_last(), RerunAccepted)
    assert_type(cc.abort_worker_run(client, "r"), None)
    assert_type(
        cc.create_worker_task(client, worker_id="o/n", title="t", input={}), WorkerTaskCreated
    )
    assert_type(cc.get_worker_run(client, "r"), RunRecord)
    for record in cc.iter_worker_runs(client, status="failed"):
        assert_type(record, RunRecord)
    for row in client.worker_runs.iter_results("r"):
        assert_type(row, dict[str, Any])
