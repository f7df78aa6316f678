"""``update_worker_task_input`` and ``aupdate_worker_task_input``: replace a saved task's input.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coreclaw_api.api.worker_tasks import update_worker_task_input as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.update_worker_task_input_request import UpdateWorkerTaskInputRequest

from ..._inputs import build_input, check_version
from ..._options import TimeoutArg, call_scope
from ..._paths import encode_task_id
from ..._unwrap import acall_op_ack, call_op_ack


def update_worker_task_input(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    version: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> None:
    """Replace a saved task's input.

    ``PUT /api/v2/worker-tasks/{workerTaskId}/input`` (updateWorkerTaskInput). Sending the same
    input again leaves the task as the first attempt did.
    """
    _worker_task_id = encode_task_id(worker_task_id)
    _body: dict[str, Any] = {}
    _input = build_input(input, raw_input, proxy_region, required=True)
    if _input is not None:
        _body["input"] = _input
    if version is not None:
        _body["version"] = check_version(version)
    with call_scope(timeout, max_retries):
        return call_op_ack(
            _op, _worker_task_id, client=client, body=UpdateWorkerTaskInputRequest.from_dict(_body)
        )


async def aupdate_worker_task_input(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    version: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> None:
    """Async twin of ``update_worker_task_input``."""
    _worker_task_id = encode_task_id(worker_task_id)
    _body: dict[str, Any] = {}
    _input = build_input(input, raw_input, proxy_region, required=True)
    if _input is not None:
        _body["input"] = _input
    if version is not None:
        _body["version"] = check_version(version)
    with call_scope(timeout, max_retries):
        return await acall_op_ack(
            _op, _worker_task_id, client=client, body=UpdateWorkerTaskInputRequest.from_dict(_body)
        )
