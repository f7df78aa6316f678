"""An httpx async transport on aiohttp, for ``create_client(async_backend="aiohttp")``.

httpx's own async stack manages a few hundred calls per second at high concurrency on this
project's machines; aiohttp's does several times more. Everything above the transport (auth,
retries, timeouts, redaction, error mapping) is unchanged because this class sits where
``httpx.AsyncHTTPTransport`` would.

aiohttp exceptions are mapped to the httpx exception that says whether the request can have
reached the server: only failures to connect become ``ConnectError``/``ConnectTimeout``, which
the retry policy treats as "never sent". A dropped connection after sending must never look like
a connect error, or a run-creating POST would be repeated.

Per call it does little besides aiohttp's own work. On the aiohttp it was checked against
(3.14) it sends through the connector directly (``_aiohttp_direct``: what
``session.request`` does for these calls, without its general-purpose steps; any other
aiohttp takes ``session.request``);
the ``ClientTimeout`` of each timeout setting is kept; aiohttp gets no cookie jar (httpx's side
decides cookies); the answer's headers become ``httpx.Headers`` in one pass; and a small answer
that arrived whole within half the read timeout is handed over already read, as
``_body.aread_body`` would leave it. ``tests/test_aiohttp_transport.py`` runs the error mapping
and proxies on both send paths.
"""

from __future__ import annotations

import asyncio
import os
import ssl
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import httpx
from yarl import URL

from ._aiohttp_direct import _SESSION_ATTRS, DIRECT_PATH, send_direct
from ._secrets import redact

_SMALL_BODY = 64 * 1024
"""A plain body of a known length up to this that has already arrived whole is read in one go,
not streamed."""

_MAX_TIMEOUTS = 32
"""Distinct timeout settings whose ``aiohttp.ClientTimeout`` is kept (per transport)."""


def _ssl_setting(verify: bool | str | ssl.SSLContext) -> bool | ssl.SSLContext:
    if isinstance(verify, str):
        # A CA bundle, or a directory of hashed certificates (as httpx takes it).
        if os.path.isdir(verify):
            return ssl.create_default_context(capath=verify)
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


def _headers(raw: tuple[tuple[bytes, bytes], ...]) -> httpx.Headers:
    # What ``httpx.Headers(raw)`` builds, without its per-item type checks: aiohttp hands
    # the names and values over as bytes, exactly as received.
    headers = httpx.Headers()
    headers._list = [(name, name.lower(), value) for name, value in raw]
    return headers


def _extensions(answer: aiohttp.ClientResponse) -> dict[str, Any]:
    return {"http_version": b"HTTP/1.1", "reason_phrase": (answer.reason or "").encode()}


_DIRECT_PATH = DIRECT_PATH  # read here when a session is made (tests switch it off)


class AiohttpTransport(httpx.AsyncBaseTransport):
    """Sends httpx requests with one ``aiohttp.ClientSession``, created in the running loop."""

    def __init__(
        self,
        *,
        verify: bool | str | ssl.SSLContext = True,
        max_connections: int = 100,
        proxy: str | None = None,
    ) -> None:
        self._ssl = _ssl_setting(verify)
        self._max_connections = max_connections
        self._proxy = proxy
        self._proxy_url = None if proxy is None else URL(proxy)
        self._session: aiohttp.ClientSession | None = None
        self._direct = False
        self._timeouts: dict[tuple[Any, Any, Any], aiohttp.ClientTimeout] = {}

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(
                limit=self._max_connections, limit_per_host=0, ssl=self._ssl
            )
            session = aiohttp.ClientSession(
                connector=connector,
                auto_decompress=False,
                skip_auto_headers=("User-Agent",),
                # Cookies are httpx's business: those given to the client arrive here as a
                # Cookie header, and what answers set is never stored (as in ``_lean``), so
                # both backends send the same. aiohttp's own jar would keep and resend them.
                cookie_jar=aiohttp.DummyCookieJar(),
            )
            # aiohttp re-sends a GET (any method it deems idempotent) once on a fresh
            # connection when a kept-alive one turns out dead after sending, so
            # max_retries=0 would still mean two requests, and the retry would bypass the
            # policy (and its log line). Retries are decided only by the policy above us:
            # a dropped connection surfaces as RemoteProtocolError and a safe call is retried
            # there, on a new connection. The switch has no public name (aiohttp >= 3.10).
            if hasattr(session, "_retry_connection"):
                session._retry_connection = False
            self._direct = (
                _DIRECT_PATH
                and all(hasattr(session, name) for name in _SESSION_ATTRS)
                and hasattr(session._connector, "_timeout_ceil_threshold")
                # Nothing that session.request would add to a request is set up.
                and not session._trace_configs
                and not session._middlewares
                and not session._default_headers
                and session._default_auth is None
                and session._base_url is None
            )
            self._session = session
        return self._session

    def _timeout(self, timeout: dict[str, Any]) -> aiohttp.ClientTimeout:
        """The request's httpx timeouts as aiohttp's (immutable, so one per setting is kept)."""
        key = (timeout.get("pool"), timeout.get("connect"), timeout.get("read"))
        found = self._timeouts.get(key)
        if found is None:
            if len(self._timeouts) >= _MAX_TIMEOUTS:
                self._timeouts.clear()
            found = self._timeouts[key] = aiohttp.ClientTimeout(
                total=None, connect=key[0], sock_connect=key[1], sock_read=key[2]
            )
        return found

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        started = time.perf_counter()
        session = self._session
        if session is None or session.closed:
            session = self._get_session()
        timeout: dict[str, Any] = request.extensions.get("timeout") or {}
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, _, v in request.headers._list]
        url = URL(str(request.url), encoded=True)
        try:
            if self._direct:
                answer = await send_direct(
                    session,
                    request.method,
                    url,
                    headers=headers,
                    data=request.content or None,
                    timeout=self._timeout(timeout),
                    proxy=self._proxy_url,
                )
            else:
                answer = await session.request(
                    request.method,
                    url,
                    headers=headers,
                    data=request.content or None,
                    allow_redirects=False,
                    compress=None,
                    proxy=self._proxy,
                    timeout=self._timeout(timeout),
                )
        except (TimeoutError, aiohttp.ClientError) as exc:
            # aiohttp's text names the full URL (a ?token= included): redacted, and not chained.
            raise _map_exception(exc) from None
        status = answer.status
        length = answer.content_length
        if (
            length is not None
            and length <= _SMALL_BODY
            and status >= 200
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
            response = httpx.Response(
                status,
                headers=_headers(answer.raw_headers),
                stream=httpx.ByteStream(body),
                request=request,
                extensions=_extensions(answer),
            )
            read = timeout.get("read")
            if isinstance(read, int | float) and time.perf_counter() - started < read / 2:
                # Handed over read, as the transport above would leave it after reading the
                # stream (``_body.aread_body``): it then checks only the size limit. Its other
                # check, the attempt's deadline, cannot have been reached: that deadline is
                # never shorter than the read timeout (``_transport._Exchange``), and this
                # whole exchange took less than half of it. A slower one keeps the stream, and
                # the check (tests/test_aiohttp_transport.py holds both to this).
                response._content = body
                response.is_stream_consumed = True
                response.is_closed = True
                response._num_bytes_downloaded = len(body)
            return response
        return httpx.Response(
            status,
            headers=_headers(answer.raw_headers),
            stream=_AiohttpStream(answer),
            request=request,
            extensions=_extensions(answer),
        )

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
