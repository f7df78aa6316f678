from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.export_envelope import ExportEnvelope
from ...models.export_worker_last_run_results_format import (
    ExportWorkerLastRunResultsFormat,
)
from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    from ...models.error_envelope import ErrorEnvelope


def _get_kwargs(
    worker_id: str,
    *,
    format_: ExportWorkerLastRunResultsFormat | Unset = "csv",
    filter_keys: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_

    params["format"] = json_format_

    params["filter_keys"] = filter_keys

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v2/workers/{worker_id}/runs/last/export".format(
            worker_id=quote(str(worker_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ExportEnvelope | None:
    if response.status_code >= 400:  # the models of error answers load with the first one
        from ...models.error_envelope import ErrorEnvelope

    if response.status_code == 200:
        response_200 = ExportEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ExportEnvelope]:
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
    format_: ExportWorkerLastRunResultsFormat | Unset = "csv",
    filter_keys: str | Unset = UNSET,
) -> Response[ErrorEnvelope | ExportEnvelope]:
    """Export a Worker's latest run's results

     Prepares a file with all result rows of one Worker's most recent run and answers
    with a link to it. The link may be temporary, so download it promptly.

    Args:
        worker_id (str):
        format_ (ExportWorkerLastRunResultsFormat | Unset):  Default: 'csv'.
        filter_keys (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ExportEnvelope]
    """

    kwargs = _get_kwargs(
        worker_id=worker_id,
        format_=format_,
        filter_keys=filter_keys,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    worker_id: str,
    *,
    client: AuthenticatedClient,
    format_: ExportWorkerLastRunResultsFormat | Unset = "csv",
    filter_keys: str | Unset = UNSET,
) -> ErrorEnvelope | ExportEnvelope | None:
    """Export a Worker's latest run's results

     Prepares a file with all result rows of one Worker's most recent run and answers
    with a link to it. The link may be temporary, so download it promptly.

    Args:
        worker_id (str):
        format_ (ExportWorkerLastRunResultsFormat | Unset):  Default: 'csv'.
        filter_keys (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ExportEnvelope
    """

    return sync_detailed(
        worker_id=worker_id,
        client=client,
        format_=format_,
        filter_keys=filter_keys,
    ).parsed


async def asyncio_detailed(
    worker_id: str,
    *,
    client: AuthenticatedClient,
    format_: ExportWorkerLastRunResultsFormat | Unset = "csv",
    filter_keys: str | Unset = UNSET,
) -> Response[ErrorEnvelope | ExportEnvelope]:
    """Export a Worker's latest run's results

     Prepares a file with all result rows of one Worker's most recent run and answers
    with a link to it. The link may be temporary, so download it promptly.

    Args:
        worker_id (str):
        format_ (ExportWorkerLastRunResultsFormat | Unset):  Default: 'csv'.
        filter_keys (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ExportEnvelope]
    """

    kwargs = _get_kwargs(
        worker_id=worker_id,
        format_=format_,
        filter_keys=filter_keys,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    worker_id: str,
    *,
    client: AuthenticatedClient,
    format_: ExportWorkerLastRunResultsFormat | Unset = "csv",
    filter_keys: str | Unset = UNSET,
) -> ErrorEnvelope | ExportEnvelope | None:
    """Export a Worker's latest run's results

     Prepares a file with all result rows of one Worker's most recent run and answers
    with a link to it. The link may be temporary, so download it promptly.

    Args:
        worker_id (str):
        format_ (ExportWorkerLastRunResultsFormat | Unset):  Default: 'csv'.
        filter_keys (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ExportEnvelope
    """

    return (
        await asyncio_detailed(
            worker_id=worker_id,
            client=client,
            format_=format_,
            filter_keys=filter_keys,
        )
    ).parsed
