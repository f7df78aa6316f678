"""``update_worker_task`` and ``aupdate_worker_task``: update a saved task.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from typing import Any

from coreclaw_api.api.worker_tasks import update_worker_task as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.update_worker_task_request import UpdateWorkerTaskRequest

from ..._options import TimeoutArg, call_scope
from ..._paths import encode_task_id
from ..._unwrap import acall_op_ack, call_op_ack
from ..._validate import (
    check_choice,
    check_integer,
    check_text,
)


def update_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    title: str | None = None,
    description: str | None = None,
    schedule_enabled: int | None = None,
    schedule_type: int | None = None,
    schedule_time: str | None = None,
    schedule_weekday: int | None = None,
    schedule_day: int | None = None,
    schedule_once_date: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> None:
    """Update a saved task.

    ``PUT /api/v2/worker-tasks/{workerTaskId}`` (updateWorkerTask). Sending the same values
    again leaves the task as the first attempt did.
    """
    _worker_task_id = encode_task_id(worker_task_id)
    _body: dict[str, Any] = {}
    if title is not None:
        _body["title"] = check_text("title", title)
    if description is not None:
        _body["description"] = check_text("description", description)
    if schedule_enabled is not None:
        _body["schedule_enabled"] = check_choice("schedule_enabled", schedule_enabled, (0, 1))
    if schedule_type is not None:
        _body["schedule_type"] = check_choice("schedule_type", schedule_type, (1, 2, 3, 4))
    if schedule_time is not None:
        _body["schedule_time"] = check_text("schedule_time", schedule_time)
    if schedule_weekday is not None:
        _body["schedule_weekday"] = check_choice(
            "schedule_weekday", schedule_weekday, (1, 2, 3, 4, 5, 6, 7)
        )
    if schedule_day is not None:
        _body["schedule_day"] = check_integer("schedule_day", schedule_day, 1, 31)
    if schedule_once_date is not None:
        _body["schedule_once_date"] = check_text("schedule_once_date", schedule_once_date)
    with call_scope(timeout, max_retries):
        return call_op_ack(
            _op, _worker_task_id, client=client, body=UpdateWorkerTaskRequest.from_dict(_body)
        )


async def aupdate_worker_task(
    client: AuthenticatedClient,
    worker_task_id: str,
    *,
    title: str | None = None,
    description: str | None = None,
    schedule_enabled: int | None = None,
    schedule_type: int | None = None,
    schedule_time: str | None = None,
    schedule_weekday: int | None = None,
    schedule_day: int | None = None,
    schedule_once_date: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> None:
    """Async twin of ``update_worker_task``."""
    _worker_task_id = encode_task_id(worker_task_id)
    _body: dict[str, Any] = {}
    if title is not None:
        _body["title"] = check_text("title", title)
    if description is not None:
        _body["description"] = check_text("description", description)
    if schedule_enabled is not None:
        _body["schedule_enabled"] = check_choice("schedule_enabled", schedule_enabled, (0, 1))
    if schedule_type is not None:
        _body["schedule_type"] = check_choice("schedule_type", schedule_type, (1, 2, 3, 4))
    if schedule_time is not None:
        _body["schedule_time"] = check_text("schedule_time", schedule_time)
    if schedule_weekday is not None:
        _body["schedule_weekday"] = check_choice(
            "schedule_weekday", schedule_weekday, (1, 2, 3, 4, 5, 6, 7)
        )
    if schedule_day is not None:
        _body["schedule_day"] = check_integer("schedule_day", schedule_day, 1, 31)
    if schedule_once_date is not None:
        _body["schedule_once_date"] = check_text("schedule_once_date", schedule_once_date)
    with call_scope(timeout, max_retries):
        return await acall_op_ack(
            _op, _worker_task_id, client=client, body=UpdateWorkerTaskRequest.from_dict(_body)
        )
