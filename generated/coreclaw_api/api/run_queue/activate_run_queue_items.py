from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.queue_batch_result_envelope import QueueBatchResultEnvelope
from ...models.queue_refs_request import QueueRefsRequest
from ...types import Response

if TYPE_CHECKING:
    from ...models.error_envelope import ErrorEnvelope


def _get_kwargs(
    *,
    body: QueueRefsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v2/run-queue/items/activate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | QueueBatchResultEnvelope | None:
    if response.status_code >= 400:  # the models of error answers load with the first one
        from ...models.error_envelope import ErrorEnvelope

    if response.status_code == 200:
        response_200 = QueueBatchResultEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | QueueBatchResultEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: QueueRefsRequest,
) -> Response[ErrorEnvelope | QueueBatchResultEnvelope]:
    """Activate queue items

     Starts the given waiting queue items as runs. Each item gets its own outcome in
    `results`; an item that could not be started is reported with `success` false in a
    successful answer, not as an error.

    This call creates runs and is not idempotent.

    Args:
        body (QueueRefsRequest): The Run Queue items to act on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | QueueBatchResultEnvelope]
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
    body: QueueRefsRequest,
) -> ErrorEnvelope | QueueBatchResultEnvelope | None:
    """Activate queue items

     Starts the given waiting queue items as runs. Each item gets its own outcome in
    `results`; an item that could not be started is reported with `success` false in a
    successful answer, not as an error.

    This call creates runs and is not idempotent.

    Args:
        body (QueueRefsRequest): The Run Queue items to act on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | QueueBatchResultEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: QueueRefsRequest,
) -> Response[ErrorEnvelope | QueueBatchResultEnvelope]:
    """Activate queue items

     Starts the given waiting queue items as runs. Each item gets its own outcome in
    `results`; an item that could not be started is reported with `success` false in a
    successful answer, not as an error.

    This call creates runs and is not idempotent.

    Args:
        body (QueueRefsRequest): The Run Queue items to act on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | QueueBatchResultEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: QueueRefsRequest,
) -> ErrorEnvelope | QueueBatchResultEnvelope | None:
    """Activate queue items

     Starts the given waiting queue items as runs. Each item gets its own outcome in
    `results`; an item that could not be started is reported with `success` false in a
    successful answer, not as an error.

    This call creates runs and is not idempotent.

    Args:
        body (QueueRefsRequest): The Run Queue items to act on.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | QueueBatchResultEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
