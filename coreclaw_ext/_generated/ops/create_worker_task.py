"""``create_worker_task`` and ``acreate_worker_task``: create a saved task.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coreclaw_api.api.worker_tasks import create_worker_task as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.create_worker_task_request import CreateWorkerTaskRequest
from coreclaw_api.models.worker_task_created import WorkerTaskCreated

from ..._input_schema import acheck_input, check_input
from ..._inputs import build_input, check_version
from ..._options import TimeoutArg, call_scope
from ..._paths import encode_worker_id
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_choice,
    check_integer,
    check_text,
)


def create_worker_task(
    client: AuthenticatedClient,
    *,
    worker_id: str,
    title: str,
    description: str | None = None,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
    schedule_enabled: int | None = None,
    schedule_type: int | None = None,
    schedule_time: str | None = None,
    schedule_weekday: int | None = None,
    schedule_day: int | None = None,
    schedule_once_date: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> WorkerTaskCreated:
    """Create a saved task.

    ``POST /api/v2/worker-tasks`` (createWorkerTask). Repeating it would create a duplicate
    task. ``input=`` takes the form fields flat (sent under ``input.parameters.custom``;
    ``proxy_region=`` under ``parameters.system``); ``raw_input=`` sends an input object as
    given. ``validate=True`` first checks the form fields against the Worker's input schema and
    raises ``InputValidationError`` listing every problem, starting nothing (off by default: it
    costs one more request per Worker every few minutes). ``retry_unsafe=True`` allows retries
    that may repeat the call on the server.
    """
    _body: dict[str, Any] = {}
    _body["worker_id"] = encode_worker_id(worker_id)
    _body["title"] = check_text("title", title)
    if description is not None:
        _body["description"] = check_text("description", description)
    _input = build_input(input, raw_input, proxy_region, required=True)
    if _input is not None:
        _body["input"] = _input
    if version is not None:
        _body["version"] = check_version(version)
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
    if validate:
        check_input(client, _body["worker_id"], _body.get("input"))
    with call_scope(timeout, max_retries, retry_unsafe):
        return call_op(_op, client=client, body=CreateWorkerTaskRequest.from_dict(_body))


async def acreate_worker_task(
    client: AuthenticatedClient,
    *,
    worker_id: str,
    title: str,
    description: str | None = None,
    input: Mapping[str, Any] | None = None,
    raw_input: Mapping[str, Any] | None = None,
    proxy_region: str | None = None,
    validate: bool = False,
    version: str | None = None,
    schedule_enabled: int | None = None,
    schedule_type: int | None = None,
    schedule_time: str | None = None,
    schedule_weekday: int | None = None,
    schedule_day: int | None = None,
    schedule_once_date: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> WorkerTaskCreated:
    """Async twin of ``create_worker_task``."""
    _body: dict[str, Any] = {}
    _body["worker_id"] = encode_worker_id(worker_id)
    _body["title"] = check_text("title", title)
    if description is not None:
        _body["description"] = check_text("description", description)
    _input = build_input(input, raw_input, proxy_region, required=True)
    if _input is not None:
        _body["input"] = _input
    if version is not None:
        _body["version"] = check_version(version)
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
    if validate:
        await acheck_input(client, _body["worker_id"], _body.get("input"))
    with call_scope(timeout, max_retries, retry_unsafe):
        return await acall_op(_op, client=client, body=CreateWorkerTaskRequest.from_dict(_body))
