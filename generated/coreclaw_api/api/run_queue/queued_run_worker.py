from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.queued_run_envelope import QueuedRunEnvelope
from ...models.run_worker_request import RunWorkerRequest
from ...types import Response

if TYPE_CHECKING:
    from ...models.error_envelope import ErrorEnvelope


def _get_kwargs(
    worker_id: str,
    *,
    body: RunWorkerRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v2/workers/{worker_id}/queued-runs".format(
            worker_id=quote(str(worker_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | QueuedRunEnvelope | None:
    if response.status_code >= 400:  # the models of error answers load with the first one
        from ...models.error_envelope import ErrorEnvelope

    if response.status_code == 200:
        response_200 = QueuedRunEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | QueuedRunEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    worker_id: str,
    *,
    client: AuthenticatedClient,
    body: RunWorkerRequest,
) -> Response[ErrorEnvelope | QueuedRunEnvelope]:
    """Queue a run of a Worker

     Puts a run of a Worker, with the input given in the body, into the Run Queue instead
    of starting it. The body is the same as for starting a run, but `is_async`, `limit`
    and `offset` have no effect here. When the balance is too low the item is held as
    `waiting` rather than refused. A waiting item does not start on its own: activate it.

    This call is not idempotent: repeating it queues a second run.

    Args:
        worker_id (str):
        body (RunWorkerRequest): Input and options of a new run. Only the fields that are set are
            sent. The Run Queue
            takes the same body but ignores `is_async`, `limit` and `offset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | QueuedRunEnvelope]
    """

    kwargs = _get_kwargs(
        worker_id=worker_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    worker_id: str,
    *,
    client: AuthenticatedClient,
    body: RunWorkerRequest,
) -> ErrorEnvelope | QueuedRunEnvelope | None:
    """Queue a run of a Worker

     Puts a run of a Worker, with the input given in the body, into the Run Queue instead
    of starting it. The body is the same as for starting a run, but `is_async`, `limit`
    and `offset` have no effect here. When the balance is too low the item is held as
    `waiting` rather than refused. A waiting item does not start on its own: activate it.

    This call is not idempotent: repeating it queues a second run.

    Args:
        worker_id (str):
        body (RunWorkerRequest): Input and options of a new run. Only the fields that are set are
            sent. The Run Queue
            takes the same body but ignores `is_async`, `limit` and `offset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | QueuedRunEnvelope
    """

    return sync_detailed(
        worker_id=worker_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    worker_id: str,
    *,
    client: AuthenticatedClient,
    body: RunWorkerRequest,
) -> Response[ErrorEnvelope | QueuedRunEnvelope]:
    """Queue a run of a Worker

     Puts a run of a Worker, with the input given in the body, into the Run Queue instead
    of starting it. The body is the same as for starting a run, but `is_async`, `limit`
    and `offset` have no effect here. When the balance is too low the item is held as
    `waiting` rather than refused. A waiting item does not start on its own: activate it.

    This call is not idempotent: repeating it queues a second run.

    Args:
        worker_id (str):
        body (RunWorkerRequest): Input and options of a new run. Only the fields that are set are
            sent. The Run Queue
            takes the same body but ignores `is_async`, `limit` and `offset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | QueuedRunEnvelope]
    """

    kwargs = _get_kwargs(
        worker_id=worker_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    worker_id: str,
    *,
    client: AuthenticatedClient,
    body: RunWorkerRequest,
) -> ErrorEnvelope | QueuedRunEnvelope | None:
    """Queue a run of a Worker

     Puts a run of a Worker, with the input given in the body, into the Run Queue instead
    of starting it. The body is the same as for starting a run, but `is_async`, `limit`
    and `offset` have no effect here. When the balance is too low the item is held as
    `waiting` rather than refused. A waiting item does not start on its own: activate it.

    This call is not idempotent: repeating it queues a second run.

    Args:
        worker_id (str):
        body (RunWorkerRequest): Input and options of a new run. Only the fields that are set are
            sent. The Run Queue
            takes the same body but ignores `is_async`, `limit` and `offset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | QueuedRunEnvelope
    """

    return (
        await asyncio_detailed(
            worker_id=worker_id,
            client=client,
            body=body,
        )
    ).parsed
