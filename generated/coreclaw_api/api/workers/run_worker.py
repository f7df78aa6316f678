from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.run_start_envelope import RunStartEnvelope
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
        "url": "/api/v2/workers/{worker_id}/runs".format(
            worker_id=quote(str(worker_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | RunStartEnvelope | None:
    if response.status_code >= 400:  # the models of error answers load with the first one
        from ...models.error_envelope import ErrorEnvelope

    if response.status_code == 200:
        response_200 = RunStartEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | RunStartEnvelope]:
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
) -> Response[ErrorEnvelope | RunStartEnvelope]:
    """Run a Worker

     Starts a run of a Worker with the input given in the body. Form fields go under
    `input.parameters.custom` (a flat `input` is rejected); platform settings such as
    the proxy region go under `input.parameters.system`. Leave `version` out to run the
    latest version; the literal `latest` is rejected.

    With `is_async` true (the server's default) the answer carries only the new
    `run_slug`; with `is_async` false the server waits up to five minutes and answers
    with the run's status and a page of its results. When the plan's concurrency limit
    is reached the call fails and no run is created.

    This call creates a run and is not idempotent: repeating it starts another paid run.

    Args:
        worker_id (str):
        body (RunWorkerRequest): Input and options of a new run. Only the fields that are set are
            sent. The Run Queue
            takes the same body but ignores `is_async`, `limit` and `offset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | RunStartEnvelope]
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
) -> ErrorEnvelope | RunStartEnvelope | None:
    """Run a Worker

     Starts a run of a Worker with the input given in the body. Form fields go under
    `input.parameters.custom` (a flat `input` is rejected); platform settings such as
    the proxy region go under `input.parameters.system`. Leave `version` out to run the
    latest version; the literal `latest` is rejected.

    With `is_async` true (the server's default) the answer carries only the new
    `run_slug`; with `is_async` false the server waits up to five minutes and answers
    with the run's status and a page of its results. When the plan's concurrency limit
    is reached the call fails and no run is created.

    This call creates a run and is not idempotent: repeating it starts another paid run.

    Args:
        worker_id (str):
        body (RunWorkerRequest): Input and options of a new run. Only the fields that are set are
            sent. The Run Queue
            takes the same body but ignores `is_async`, `limit` and `offset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | RunStartEnvelope
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
) -> Response[ErrorEnvelope | RunStartEnvelope]:
    """Run a Worker

     Starts a run of a Worker with the input given in the body. Form fields go under
    `input.parameters.custom` (a flat `input` is rejected); platform settings such as
    the proxy region go under `input.parameters.system`. Leave `version` out to run the
    latest version; the literal `latest` is rejected.

    With `is_async` true (the server's default) the answer carries only the new
    `run_slug`; with `is_async` false the server waits up to five minutes and answers
    with the run's status and a page of its results. When the plan's concurrency limit
    is reached the call fails and no run is created.

    This call creates a run and is not idempotent: repeating it starts another paid run.

    Args:
        worker_id (str):
        body (RunWorkerRequest): Input and options of a new run. Only the fields that are set are
            sent. The Run Queue
            takes the same body but ignores `is_async`, `limit` and `offset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | RunStartEnvelope]
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
) -> ErrorEnvelope | RunStartEnvelope | None:
    """Run a Worker

     Starts a run of a Worker with the input given in the body. Form fields go under
    `input.parameters.custom` (a flat `input` is rejected); platform settings such as
    the proxy region go under `input.parameters.system`. Leave `version` out to run the
    latest version; the literal `latest` is rejected.

    With `is_async` true (the server's default) the answer carries only the new
    `run_slug`; with `is_async` false the server waits up to five minutes and answers
    with the run's status and a page of its results. When the plan's concurrency limit
    is reached the call fails and no run is created.

    This call creates a run and is not idempotent: repeating it starts another paid run.

    Args:
        worker_id (str):
        body (RunWorkerRequest): Input and options of a new run. Only the fields that are set are
            sent. The Run Queue
            takes the same body but ignores `is_async`, `limit` and `offset`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | RunStartEnvelope
    """

    return (
        await asyncio_detailed(
            worker_id=worker_id,
            client=client,
            body=body,
        )
    ).parsed
