"""The three clients of the per-call rows (raw httpx, generated, coreclaw_ext) and the canned
answers for MockTransport."""

from __future__ import annotations

import httpx
from coreclaw_api.api.worker_runs import get_worker_run as gen_get_worker_run
from coreclaw_api.api.worker_runs import list_worker_run_results as gen_list_results
from coreclaw_api.api.worker_runs import rerun_worker_last_run as gen_rerun
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.rerun_request import RerunRequest

import coreclaw_ext as ce

from .common import RUN_ID, WORKER
from .peers import RERUN_PATH, RESULT_PATH, RUN_PATH
from .timing import SyncCall

OPS = ("rerun", "run_detail", "result_page")
OP_LABELS = {
    "rerun": "rerun (seed op, POST)",
    "run_detail": "run detail (GET)",
    "result_page": "result page 100 rows (GET)",
}
# The per-call targets are about the cost of a call; a result page also builds 100 row models,
# which raw json() does not (the parse rows isolate that), so its rows are reported only.
TARGET_OPS = ("rerun", "run_detail")
CLIENT_LABELS = {
    "raw": "raw httpx.Client + json()",
    "generated": "generated sync_detailed",
    "ext": "coreclaw_ext convenience",
}


def raw_sync_calls(client: httpx.Client) -> dict[str, SyncCall]:
    params = {"offset": 1, "limit": 100}
    return {
        "rerun": lambda _i: client.post(RERUN_PATH, json={}).json(),
        "run_detail": lambda _i: client.get(RUN_PATH).json(),
        "result_page": lambda _i: client.get(RESULT_PATH, params=params).json(),
    }


def generated_sync_calls(client: AuthenticatedClient) -> dict[str, SyncCall]:
    def rerun(_i: int) -> object:
        return gen_rerun.sync_detailed(WORKER, client=client, body=RerunRequest()).parsed

    def run_detail(_i: int) -> object:
        return gen_get_worker_run.sync_detailed(RUN_ID, client=client).parsed

    def result_page(_i: int) -> object:
        return gen_list_results.sync_detailed(RUN_ID, client=client, offset=1, limit=100).parsed

    return {"rerun": rerun, "run_detail": run_detail, "result_page": result_page}


def ext_sync_calls(client: ce.CoreClawClient) -> dict[str, SyncCall]:
    def rerun(_i: int) -> object:
        return ce.rerun_worker_last_run(client, "owner/bench")

    def run_detail(_i: int) -> object:
        return ce.get_worker_run(client, RUN_ID)

    def result_page(_i: int) -> object:
        return ce.list_worker_run_results(client, RUN_ID, offset=1, limit=100)

    return {"rerun": rerun, "run_detail": run_detail, "result_page": result_page}


def triples(
    raw: httpx.Client, generated: AuthenticatedClient, ext: ce.CoreClawClient
) -> dict[str, dict[str, SyncCall]]:
    r, g, e = raw_sync_calls(raw), generated_sync_calls(generated), ext_sync_calls(ext)
    return {op: {"raw": r[op], "generated": g[op], "ext": e[op]} for op in OPS}
