"""The httpx transports every client built by ``create_client`` sends through.

One place, below the generated code, does for every operation what the generated code does
not: per-operation timeouts, retries with backoff, the envelope check and error mapping
(before the generated parser can crash on an HTML page), and a redacted debug log line.
Sync and async share ``_Exchange``; only the I/O differs.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from ._consts import LOGGER_NAME, SYNC_RUN_READ_TIMEOUT
from ._mapping import check_response, parse_retry_after, unexpected
from ._operations import find_operation
from ._options import CURRENT as CALL_OPTIONS
from ._retry import RetryPolicy, may_retry_error, may_retry_exception
from ._secrets import redact_url
from ._sleep import async_sleep
from .errors import APIConnectionError, APIError, APITimeoutError, UnexpectedResponseError

logger = logging.getLogger(LOGGER_NAME)
_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


class ParsedResponse(httpx.Response):
    """A response whose envelope was already decoded by the transport.

    The generated parser calls ``json()`` once; handing it the decoded object saves a second
    parse of every body.
    """

    def json(self, **kwargs: Any) -> Any:
        payload = self.__dict__.pop("_coreclaw_payload", _MISSING)
        if payload is _MISSING or kwargs:
            return super().json(**kwargs)
        return payload


_MISSING = object()


def _is_sync_run(request: httpx.Request) -> bool:
    content = request.content
    if b"is_async" not in content:  # cheap test first: most bodies are {} or asynchronous
        return False
    try:
        body = json.loads(content)
    except ValueError:
        return False
    return isinstance(body, dict) and body.get("is_async") is False


class _Exchange:
    """The state of one logical call across its attempts."""

    __slots__ = (
        "attempt",
        "data_required",
        "data_shape",
        "max_retries",
        "policy",
        "request",
        "safe",
        "started",
    )

    def __init__(
        self, request: httpx.Request, policy: RetryPolicy, sync_read_timeout: float
    ) -> None:
        self.request = request
        self.policy = policy
        self.attempt = 0
        self.started = time.perf_counter()
        op = find_operation(request.method, request.url.raw_path)
        options = CALL_OPTIONS.get()
        retry_unsafe = policy.retry_unsafe
        self.max_retries = policy.max_retries
        if options is not None:
            if options.max_retries is not None:
                self.max_retries = options.max_retries
            if options.retry_unsafe is not None:
                retry_unsafe = options.retry_unsafe
        if op is not None:
            # A call that starts a run is never repeated once sent, whatever else the table
            # says; only the caller's retry_unsafe consent overrides that.
            self.safe = (op.idempotent and not op.creates_run) or retry_unsafe
            self.data_required, self.data_shape = op.data_required, op.data_shape
        else:
            self.safe = request.method in _IDEMPOTENT_METHODS or retry_unsafe
            self.data_required, self.data_shape = False, None
        if options is not None and options.timeout is not None:
            request.extensions["timeout"] = options.timeout.as_dict()
        elif op is not None and op.sync_wait and _is_sync_run(request):
            current = dict(request.extensions.get("timeout") or {})
            read = current.get("read")
            current["read"] = max(read if isinstance(read, int | float) else 0.0, sync_read_timeout)
            request.extensions["timeout"] = current

    def _log(self, status: object, request_id: object = None) -> None:
        # One line per exchange: path only (never the query, which may hold ?token=).
        if logger.isEnabledFor(logging.DEBUG):  # also tested by the caller on the hot path
            logger.debug(
                "%s %s -> %s in %.1f ms (attempt %d)%s",
                self.request.method,
                self.request.url.path,
                status,
                (time.perf_counter() - self.started) * 1000,
                self.attempt + 1,
                f" request_id={request_id}" if isinstance(request_id, str) and request_id else "",
            )

    def _retry_delay(self, reason: str, retry_after: float | None = None) -> float:
        delay = self.policy.delay(self.attempt, retry_after)
        logger.info(
            "retrying %s %s in %.2f s (retry %d of %d) after %s",
            self.request.method,
            self.request.url.path,
            delay,
            self.attempt + 1,
            self.max_retries,
            reason,
        )
        self.attempt += 1
        return delay

    def on_exception(self, exc: httpx.TransportError) -> float:
        """A delay before the next attempt, or raise the mapped transport error."""
        self._log(type(exc).__name__)
        if self.attempt < self.max_retries and may_retry_exception(exc, safe=self.safe):
            return self._retry_delay(type(exc).__name__)
        method, url = self.request.method, redact_url(self.request.url)
        detail = str(exc) or type(exc).__name__
        if isinstance(exc, httpx.TimeoutException):
            raise APITimeoutError(
                f"{type(exc).__name__} on {method} {url}: {detail}", method=method, url=url
            ) from exc
        raise APIConnectionError(
            f"{type(exc).__name__} on {method} {url}: {detail}", method=method, url=url
        ) from exc

    def undecodable(self, response: httpx.Response, exc: httpx.DecodingError) -> Exception:
        """The error for a body that cannot be decoded (a bad gzip stream, say)."""
        self._log(response.status_code)
        return unexpected(
            f"response body cannot be decoded: {exc}", response.status_code, response.headers, b""
        )

    def on_response(self, response: httpx.Response) -> float | httpx.Response:
        """The checked response, a delay before the next attempt, or raise the mapped error."""
        try:
            payload = check_response(
                response.status_code,
                response.headers,
                response.content,
                data_required=self.data_required,
                data_shape=self.data_shape,
            )
        except UnexpectedResponseError as err:
            self._log(response.status_code, err.request_id)
            raise
        except APIError as err:
            self._log(response.status_code, err.request_id)
            if self.attempt < self.max_retries and may_retry_error(err, safe=self.safe):
                return self._retry_delay(
                    f"HTTP {err.status_code}" + (f" code {err.code}" if err.code else ""),
                    parse_retry_after(response.headers),
                )
            raise
        if logger.isEnabledFor(logging.DEBUG):
            self._log(response.status_code, payload.get("request_id"))
        response.__class__ = ParsedResponse
        response.__dict__["_coreclaw_payload"] = payload
        return response


class CoreClawTransport(httpx.BaseTransport):
    """Sync transport: retries, timeouts and error mapping around an inner transport."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        *,
        sync_read_timeout: float = SYNC_RUN_READ_TIMEOUT,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._sync_read_timeout = sync_read_timeout
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        exchange = _Exchange(request, self._policy, self._sync_read_timeout)
        while True:
            exchange.started = time.perf_counter()
            try:
                response = self._inner.handle_request(request)
            except httpx.TransportError as exc:
                self._sleep(exchange.on_exception(exc))
                continue
            try:
                response.read()
            except httpx.DecodingError as exc:
                response.close()
                raise exchange.undecodable(response, exc) from exc
            except httpx.TransportError as exc:
                outcome: float | httpx.Response = exchange.on_exception(exc)
            else:
                outcome = exchange.on_response(response)
            if isinstance(outcome, httpx.Response):
                return outcome
            self._sleep(outcome)

    def close(self) -> None:
        self._inner.close()


class AsyncCoreClawTransport(httpx.AsyncBaseTransport):
    """Async twin of ``CoreClawTransport``."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        sync_read_timeout: float = SYNC_RUN_READ_TIMEOUT,
        sleep: Callable[[float], Awaitable[None]] = async_sleep,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._sync_read_timeout = sync_read_timeout
        self._sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        exchange = _Exchange(request, self._policy, self._sync_read_timeout)
        while True:
            exchange.started = time.perf_counter()
            try:
                response = await self._inner.handle_async_request(request)
            except httpx.TransportError as exc:
                await self._sleep(exchange.on_exception(exc))
                continue
            try:
                await response.aread()
            except httpx.DecodingError as exc:
                await response.aclose()
                raise exchange.undecodable(response, exc) from exc
            except httpx.TransportError as exc:
                outcome: float | httpx.Response = exchange.on_exception(exc)
            else:
                outcome = exchange.on_response(response)
            if isinstance(outcome, httpx.Response):
                return outcome
            await self._sleep(outcome)

    async def aclose(self) -> None:
        await self._inner.aclose()
