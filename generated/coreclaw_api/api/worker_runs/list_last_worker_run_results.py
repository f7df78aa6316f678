from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.result_page_envelope import ResultPageEnvelope
from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    from ...models.error_envelope import ErrorEnvelope


def _get_kwargs(
    *,
    offset: int | Unset = 1,
    limit: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["offset"] = offset

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v2/worker-runs/last/result",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | ResultPageEnvelope | None:
    if response.status_code >= 400:  # the models of error answers load with the first one
        from ...models.error_envelope import ErrorEnvelope

    if response.status_code == 200:
        response_200 = ResultPageEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | ResultPageEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 1,
    limit: int | Unset = 20,
) -> Response[ErrorEnvelope | ResultPageEnvelope]:
    """List the account's latest run's result rows

     Returns one page of result rows of the most recent run in the account. Pages are
    numbered from 1; a page past the end has an empty `list`. The latest run can change
    between pages, so page through a run slug when the rows must come from one run.

    Args:
        offset (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ResultPageEnvelope]
    """

    kwargs = _get_kwargs(
        offset=offset,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 1,
    limit: int | Unset = 20,
) -> ErrorEnvelope | ResultPageEnvelope | None:
    """List the account's latest run's result rows

     Returns one page of result rows of the most recent run in the account. Pages are
    numbered from 1; a page past the end has an empty `list`. The latest run can change
    between pages, so page through a run slug when the rows must come from one run.

    Args:
        offset (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ResultPageEnvelope
    """

    return sync_detailed(
        client=client,
        offset=offset,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 1,
    limit: int | Unset = 20,
) -> Response[ErrorEnvelope | ResultPageEnvelope]:
    """List the account's latest run's result rows

     Returns one page of result rows of the most recent run in the account. Pages are
    numbered from 1; a page past the end has an empty `list`. The latest run can change
    between pages, so page through a run slug when the rows must come from one run.

    Args:
        offset (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | ResultPageEnvelope]
    """

    kwargs = _get_kwargs(
        offset=offset,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 1,
    limit: int | Unset = 20,
) -> ErrorEnvelope | ResultPageEnvelope | None:
    """List the account's latest run's result rows

     Returns one page of result rows of the most recent run in the account. Pages are
    numbered from 1; a page past the end has an empty `list`. The latest run can change
    between pages, so page through a run slug when the rows must come from one run.

    Args:
        offset (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | ResultPageEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            offset=offset,
            limit=limit,
        )
    ).parsed
