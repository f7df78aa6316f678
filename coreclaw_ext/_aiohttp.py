"""An httpx async transport on aiohttp, for ``create_client(async_backend="aiohttp")``.

httpx's own async stack manages a few hundred calls per second at high concurrency on this
project's machines; aiohttp's does several times more. Everything above the transport (auth,
retries, timeouts, redaction, error mapping) is unchanged because this class sits where
``httpx.AsyncHTTPTransport`` would.

aiohttp exceptions are mapped to the httpx exception that says whether the request can have
reached the server: only failures to connect become ``ConnectError``/``ConnectTimeout``, which
the retry policy treats as "never sent". A dropped connection after sending must never look like
a connect error, or a run-creating POST would be repeated.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import httpx
from yarl import URL

from ._secrets import redact

_SMALL_BODY = 64 * 1024
"""A plain body of a known length up to this that has already arrived whole is read in one go,
not streamed."""


def _ssl_setting(verify: bool | str) -> bool | ssl.SSLContext:
    if isinstance(verify, str):
        return ssl.create_default_context(cafile=verify)
    return verify


def _map_exception(exc: BaseException) -> httpx.TransportError:
    message = redact(str(exc)) or type(exc).__name__
    if isinstance(exc, aiohttp.ClientConnectorError):
        return httpx.ConnectError(message)  # the TCP/TLS connection was never established
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(message)  # waiting for a pooled or new connection
    if isinstance(
        exc, aiohttp.SocketTimeoutError | aiohttp.ServerTimeoutError | asyncio.TimeoutError
    ):
        return httpx.ReadTimeout(message)
    if isinstance(exc, aiohttp.ClientPayloadError):
        return httpx.ReadError(message)
    if isinstance(exc, aiohttp.ClientOSError):
        return httpx.ReadError(message)  # reset while sending or reading: may have reached it
    return httpx.RemoteProtocolError(message)  # disconnected, malformed answer, anything else


class _AiohttpStream(httpx.AsyncByteStream):
    """An aiohttp response body as an httpx stream; closing it before the end drops the
    connection (it cannot be reused with unread bytes on it)."""

    def __init__(self, answer: aiohttp.ClientResponse) -> None:
        self._answer = answer

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._answer.content.iter_any():
                yield chunk
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise _map_exception(exc) from None

    async def aclose(self) -> None:
        # After the last byte aiohttp has already put the connection back in the pool, and
        # this does nothing; before it, the connection is closed.
        self._answer.close()


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Sends httpx requests with one ``aiohttp.ClientSession``, created in the running loop."""

    def __init__(
        self, *, verify: bool | str = True, max_connections: int = 100, proxy: str | None = None
    ) -> None:
        self._ssl = _ssl_setting(verify)
        self._max_connections = max_connections
        self._proxy = proxy
        self._session: aiohttp.ClientSession | None = None

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(
                limit=self._max_connections, limit_per_host=0, ssl=self._ssl
            )
            session = aiohttp.ClientSession(
                connector=connector, auto_decompress=False, skip_auto_headers=("User-Agent",)
            )
            # aiohttp re-sends a GET (any method it deems idempotent) once on a fresh
            # connection when a kept-alive one turns out dead after sending, so
            # max_retries=0 would still mean two requests, and the retry would bypass the
            # policy (and its log line). Retries are decided only by the policy above us:
            # a dropped connection surfaces as RemoteProtocolError and a safe call is retried
            # there, on a new connection. The switch has no public name (aiohttp >= 3.10).
            if hasattr(session, "_retry_connection"):
                session._retry_connection = False
            self._session = session
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._get_session()
        timeout: dict[str, Any] = request.extensions.get("timeout") or {}
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw]
        try:
            answer = await session.request(
                request.method,
                URL(str(request.url), encoded=True),
                headers=headers,
                data=request.content or None,
                allow_redirects=False,
                compress=None,
                proxy=self._proxy,
                timeout=aiohttp.ClientTimeout(
                    total=None,
                    connect=timeout.get("pool"),
                    sock_connect=timeout.get("connect"),
                    sock_read=timeout.get("read"),
                ),
            )
        except (TimeoutError, aiohttp.ClientError) as exc:
            # aiohttp's text names the full URL (a ?token= included): redacted, and not chained.
            raise _map_exception(exc) from None
        stream: httpx.AsyncByteStream
        length = answer.content_length
        if (
            length is not None
            and length <= _SMALL_BODY
            and answer.status >= 200
            and answer.content.is_eof()
            and "Content-Encoding" not in answer.headers
        ):
            # The common case, a small plain JSON body that has already arrived whole: one
            # read (which cannot wait) is several async-generator layers cheaper than a
            # stream. Anything else is streamed, so the caller's size limit and deadline
            # apply as the bytes arrive.
            try:
                body = await answer.read()
            except (TimeoutError, aiohttp.ClientError) as exc:
                answer.close()
                raise _map_exception(exc) from None
            except BaseException:
                answer.close()
                raise
            answer.release()
            stream = httpx.ByteStream(body)
        else:
            stream = _AiohttpStream(answer)
        return httpx.Response(
            answer.status,
            headers=answer.raw_headers,
            stream=stream,
            request=request,
            extensions={
                "http_version": b"HTTP/1.1",
                "reason_phrase": (answer.reason or "").encode(),
            },
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
