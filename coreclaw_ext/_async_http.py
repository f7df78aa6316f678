"""The async halves of the lean httpx client and of the transport.

A client loads this module with its first async call (``CoreClawClient._open_async``): a
sync program never pays for these classes. They are twins of ``_lean.LeanClient`` and
``_transport.CoreClawTransport``; what the twins share (the request shortcuts, ``_Exchange``,
the body limits) stays there.
"""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from ._body import (
    _ADVERTISES_UNBOUNDED,
    _accept_bounded_encodings,
    _BodyTooLarge,
    _DeadlineExceeded,
    aread_body,
)
from ._consts import ATTEMPT_DEADLINE, MAX_BODY_BYTES, SYNC_RUN_READ_TIMEOUT
from ._lean import _DEFAULT, _LeanMixin
from ._retry import RetryPolicy, async_sleep
from ._transport import _Exchange
from ._validate import check_int, check_seconds

_httpx_log = logging.getLogger("httpx")
try:  # the pieces of httpx 0.28's own send path the async shortcut reuses
    from httpx._client import BoundAsyncStream as _BoundAsyncStream
    from httpx._client import ClientState as _ClientState

    _CLOSED, _OPENED = _ClientState.CLOSED, _ClientState.OPENED
    _FAST_SEND = all(
        callable(getattr(httpx.AsyncClient, name, None))
        for name in ("_transport_for_url", "_set_timeout", "_build_redirect_request")
    )
except ImportError:  # another httpx: its own send path, unchanged
    _FAST_SEND = False


class LeanAsyncClient(_LeanMixin, httpx.AsyncClient):
    """``httpx.AsyncClient`` without a cookie jar and with one URL parse per request.

    At hundreds of calls in flight two more costs show (the aiohttp backend's calls cost a
    fraction of httpx's own pool, so what httpx's client does around them matters): with no
    auth flow, event hook or redirect to follow, ``request`` hands the request to the
    transport itself, without ``send``'s auth-flow generator and redirect loop (each a
    coroutine or generator held per call in flight); and an answer the transport has already
    read and closed is not wrapped in a stream that only exists to time its closing (it made a
    reference cycle per call for the garbage collector), its ``elapsed`` is set directly.
    """

    async def request(
        self,
        method: str,
        url: httpx.URL | str,
        *,
        content: Any = None,
        data: Any = None,
        files: Any = None,
        json: Any = None,
        params: Any = None,
        headers: Any = None,
        cookies: Any = None,
        auth: Any = _DEFAULT,
        follow_redirects: Any = _DEFAULT,
        timeout: Any = _DEFAULT,
        extensions: Any = None,
    ) -> httpx.Response:
        # httpx's request is build_request then send (then _send_single_request); here the
        # shortcut is taken inline, so a call in flight holds one coroutine, not three.
        if cookies is not None:  # per-request cookies: httpx's path, with its deprecation warning
            return await super().request(
                method,
                url,
                content=content,
                data=data,
                files=files,
                json=json,
                params=params,
                headers=headers,
                cookies=cookies,
                auth=auth,
                follow_redirects=follow_redirects,
                timeout=timeout,
                extensions=extensions,
            )
        request = self.build_request(
            method,
            url,
            content=content,
            data=data,
            files=files,
            json=json,
            params=params,
            headers=headers,
            timeout=timeout,
            extensions=extensions,
        )
        transport = self._shortcut(request, auth, follow_redirects)
        if transport is None:
            return await self.send(request, auth=auth, follow_redirects=follow_redirects)
        start = time.perf_counter()
        try:
            response: httpx.Response = await transport.handle_async_request(request)
        except httpx.RequestError as exc:  # what httpx's request_context does
            exc.request = request
            raise
        try:
            self._received(request, response, start)
            if not response.is_closed:
                await response.aread()
        except BaseException:
            await response.aclose()
            raise
        return response

    def _shortcut(
        self, request: httpx.Request, auth: Any, follow_redirects: Any
    ) -> httpx.AsyncBaseTransport | None:
        """The transport to hand ``request`` to directly, or None for httpx's own send: with
        no auth flow, event hook, redirect to follow or user info in the URL."""
        if (
            not _FAST_SEND
            or auth is not _DEFAULT
            or self._auth is not None
            or self._event_hooks["request"]
            or self._event_hooks["response"]
            or (self.follow_redirects if follow_redirects is _DEFAULT else follow_redirects)
            or request.url.userinfo
        ):
            return None
        if self._state == _CLOSED:
            raise RuntimeError("Cannot send a request, as the client has been closed.")
        self._state = _OPENED
        self._set_timeout(request)
        if not isinstance(request.stream, httpx.AsyncByteStream):
            raise RuntimeError("Attempted to send a sync request with an AsyncClient instance.")
        transport: httpx.AsyncBaseTransport = self._transport_for_url(request.url)
        return transport

    def _received(self, request: httpx.Request, response: httpx.Response, start: float) -> None:
        """What httpx's ``_send_single_request`` and ``send`` do to an answer, but for
        following redirects and reading it."""
        response.request = request
        if response.is_closed:
            response.elapsed = datetime.timedelta(seconds=time.perf_counter() - start)
        else:
            inner = response.stream
            assert isinstance(inner, httpx.AsyncByteStream)
            response.stream = _BoundAsyncStream(inner, response=response, start=start)
        response.default_encoding = self._default_encoding
        if _httpx_log.isEnabledFor(logging.INFO):
            _httpx_log.info(
                'HTTP Request: %s %s "%s %d %s"',
                request.method,
                request.url,
                response.http_version,
                response.status_code,
                response.reason_phrase,
            )
        response.history = []
        if response.has_redirect_location:  # not followed: offered, as httpx does
            response.next_request = self._build_redirect_request(request, response)


class AsyncCoreClawTransport(httpx.AsyncBaseTransport):
    """Async twin of ``CoreClawTransport``, with the same limits, checked the same way.

    The deadline is checked as body bytes arrive rather than by a timer: a timer per attempt
    (``call_later`` or ``asyncio.timeout``) measured +2.5-4 % CPU per call on the aiohttp
    path, for what the per-chunk check already stops (a trickled body).
    """

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        sync_read_timeout: float = SYNC_RUN_READ_TIMEOUT,
        sleep: Callable[[float], Awaitable[None]] = async_sleep,
        max_body_bytes: int = MAX_BODY_BYTES,
        attempt_deadline: float = ATTEMPT_DEADLINE,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._sync_read_timeout = sync_read_timeout
        self._sleep = sleep
        self._max_body_bytes = check_int("max_body_bytes", max_body_bytes, 1)
        self._attempt_deadline = check_seconds("attempt_deadline", attempt_deadline)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if _ADVERTISES_UNBOUNDED:
            _accept_bounded_encodings(request)
        exchange = _Exchange(request, self._policy, self._sync_read_timeout, self._attempt_deadline)
        limit = self._max_body_bytes
        while True:
            started = exchange.started = time.perf_counter()
            try:
                response = await self._inner.handle_async_request(request)
            except httpx.TransportError as exc:
                await self._sleep(exchange.on_exception(exc))
                continue
            outcome: float | httpx.Response
            try:
                await aread_body(response, limit, started + exchange.budget)
            except httpx.TransportError as exc:
                outcome = exchange.on_exception(exc)
            except _DeadlineExceeded:
                outcome = exchange.on_exception(exchange.deadline_exceeded())
            except _BodyTooLarge as exc:
                outcome = exchange.too_large(response, exc.head, limit)
            except httpx.DecodingError as exc:
                raise exchange.undecodable(response, exc) from exc
            else:
                outcome = exchange.on_response(response)
            if isinstance(outcome, httpx.Response):
                return outcome
            await self._sleep(outcome)

    async def aclose(self) -> None:
        await self._inner.aclose()
