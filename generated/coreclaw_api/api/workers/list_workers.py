from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.worker_list_envelope import WorkerListEnvelope
from ...types import UNSET, Response, Unset

if TYPE_CHECKING:
    from ...models.error_envelope import ErrorEnvelope


def _get_kwargs(
    *,
    offset: int | Unset = 1,
    limit: int | Unset = 20,
    keyword: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["offset"] = offset

    params["limit"] = limit

    params["keyword"] = keyword

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v2/workers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | WorkerListEnvelope | None:
    if response.status_code >= 400:  # the models of error answers load with the first one
        from ...models.error_envelope import ErrorEnvelope

    if response.status_code == 200:
        response_200 = WorkerListEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | WorkerListEnvelope]:
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
    keyword: str | Unset = UNSET,
) -> Response[ErrorEnvelope | WorkerListEnvelope]:
    """List your Workers

     Returns one page of the Workers that belong to the caller, optionally narrowed by a
    search word. The answer may carry no total count, so keep asking for the next page
    until `scraper` comes back empty.

    Args:
        offset (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.
        keyword (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WorkerListEnvelope]
    """

    kwargs = _get_kwargs(
        offset=offset,
        limit=limit,
        keyword=keyword,
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
    keyword: str | Unset = UNSET,
) -> ErrorEnvelope | WorkerListEnvelope | None:
    """List your Workers

     Returns one page of the Workers that belong to the caller, optionally narrowed by a
    search word. The answer may carry no total count, so keep asking for the next page
    until `scraper` comes back empty.

    Args:
        offset (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.
        keyword (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WorkerListEnvelope
    """

    return sync_detailed(
        client=client,
        offset=offset,
        limit=limit,
        keyword=keyword,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 1,
    limit: int | Unset = 20,
    keyword: str | Unset = UNSET,
) -> Response[ErrorEnvelope | WorkerListEnvelope]:
    """List your Workers

     Returns one page of the Workers that belong to the caller, optionally narrowed by a
    search word. The answer may carry no total count, so keep asking for the next page
    until `scraper` comes back empty.

    Args:
        offset (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.
        keyword (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WorkerListEnvelope]
    """

    kwargs = _get_kwargs(
        offset=offset,
        limit=limit,
        keyword=keyword,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    offset: int | Unset = 1,
    limit: int | Unset = 20,
    keyword: str | Unset = UNSET,
) -> ErrorEnvelope | WorkerListEnvelope | None:
    """List your Workers

     Returns one page of the Workers that belong to the caller, optionally narrowed by a
    search word. The answer may carry no total count, so keep asking for the next page
    until `scraper` comes back empty.

    Args:
        offset (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 20.
        keyword (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WorkerListEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            offset=offset,
            limit=limit,
            keyword=keyword,
        )
    ).parsed
