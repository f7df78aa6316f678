from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.create_worker_task_request import CreateWorkerTaskRequest
from ...models.worker_task_created_envelope import WorkerTaskCreatedEnvelope
from ...types import Response

if TYPE_CHECKING:
    from ...models.error_envelope import ErrorEnvelope


def _get_kwargs(
    *,
    body: CreateWorkerTaskRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v2/worker-tasks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | WorkerTaskCreatedEnvelope | None:
    if response.status_code >= 400:  # the models of error answers load with the first one
        from ...models.error_envelope import ErrorEnvelope

    if response.status_code == 200:
        response_200 = WorkerTaskCreatedEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = ErrorEnvelope.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ErrorEnvelope.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        from ... import errors

        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | WorkerTaskCreatedEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWorkerTaskRequest,
) -> Response[ErrorEnvelope | WorkerTaskCreatedEnvelope]:
    """Create a saved task

     Saves a Worker together with its input, and optionally a schedule, as a task that
    can be run again later. Wrap the input in `parameters.custom` as for a run; a task
    saved with a flat input cannot be run. The answer carries the new task's slug.

    This call is not idempotent: repeating it creates a second, identical task.

    Args:
        body (CreateWorkerTaskRequest): A new saved task. The schedule fields only matter when
            `schedule_enabled` is 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WorkerTaskCreatedEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateWorkerTaskRequest,
) -> ErrorEnvelope | WorkerTaskCreatedEnvelope | None:
    """Create a saved task

     Saves a Worker together with its input, and optionally a schedule, as a task that
    can be run again later. Wrap the input in `parameters.custom` as for a run; a task
    saved with a flat input cannot be run. The answer carries the new task's slug.

    This call is not idempotent: repeating it creates a second, identical task.

    Args:
        body (CreateWorkerTaskRequest): A new saved task. The schedule fields only matter when
            `schedule_enabled` is 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WorkerTaskCreatedEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateWorkerTaskRequest,
) -> Response[ErrorEnvelope | WorkerTaskCreatedEnvelope]:
    """Create a saved task

     Saves a Worker together with its input, and optionally a schedule, as a task that
    can be run again later. Wrap the input in `parameters.custom` as for a run; a task
    saved with a flat input cannot be run. The answer carries the new task's slug.

    This call is not idempotent: repeating it creates a second, identical task.

    Args:
        body (CreateWorkerTaskRequest): A new saved task. The schedule fields only matter when
            `schedule_enabled` is 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WorkerTaskCreatedEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateWorkerTaskRequest,
) -> ErrorEnvelope | WorkerTaskCreatedEnvelope | None:
    """Create a saved task

     Saves a Worker together with its input, and optionally a schedule, as a task that
    can be run again later. Wrap the input in `parameters.custom` as for a run; a task
    saved with a flat input cannot be run. The answer carries the new task's slug.

    This call is not idempotent: repeating it creates a second, identical task.

    Args:
        body (CreateWorkerTaskRequest): A new saved task. The schedule fields only matter when
            `schedule_enabled` is 1.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WorkerTaskCreatedEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
