"""The httpx transports every client built by ``create_client`` sends through.

One place, below the generated code, does for every operation what the generated code does
not: per-operation timeouts, retries with backoff, the envelope check and error mapping
(before the generated parser can crash on an HTML page), a bounded body read (size and
per-attempt deadline), and a redacted debug log line. Sync and async share ``_Exchange`` and
the body reader; only the I/O differs.

The body is read by ``_body.py`` (bounded in size and time), never by httpx's ``read()``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx

from ._body import (
    _ADVERTISES_UNBOUNDED,
    _accept_bounded_encodings,
    _BodyTooLarge,
    _DeadlineExceeded,
    _set_content,
    read_body,
)
from ._consts import ATTEMPT_DEADLINE, LOGGER_NAME, MAX_BODY_BYTES, SYNC_RUN_READ_TIMEOUT
from ._mapping import check_response, parse_retry_after, protocol_error_status, unexpected
from ._options import current as call_options_in_force
from ._paths import find_operation
from ._retry import RetryPolicy, may_retry_error, may_retry_exception
from ._secrets import redact_url
from ._validate import check_int, check_seconds
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
        "budget",
        "data_required",
        "data_shape",
        "max_retries",
        "policy",
        "request",
        "safe",
        "started",
    )

    def __init__(
        self,
        request: httpx.Request,
        policy: RetryPolicy,
        sync_read_timeout: float,
        attempt_deadline: float,
    ) -> None:
        self.request = request
        self.policy = policy
        self.attempt = 0
        self.started = time.perf_counter()
        op = find_operation(request.method, request.url.raw_path)
        options = call_options_in_force()
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
        # The deadline of one attempt (sending to the last body byte; the read timeout is per
        # chunk, so it alone never stops a body trickled a byte at a time). A synchronous run
        # gets its long read timeout plus the margin. Otherwise it is the larger of the margin
        # and the read timeout in force (the client's, or a per-call one): a longer timeout
        # the caller asked for is never cut short by the margin, and a shorter one still bounds
        # each wait for bytes while the deadline bounds the whole attempt.
        if options is not None and options.timeout is not None:
            per_call = options.timeout.as_dict()
            request.extensions["timeout"] = per_call
            self.budget = _at_least(attempt_deadline, per_call.get("read"))
        elif op is not None and op.sync_wait and _is_sync_run(request):
            current = dict(request.extensions.get("timeout") or {})
            read = current.get("read")
            long_read = max(read if isinstance(read, int | float) else 0.0, sync_read_timeout)
            current["read"] = long_read
            request.extensions["timeout"] = current
            self.budget = long_read + attempt_deadline
        else:
            timeout = request.extensions.get("timeout")
            self.budget = _at_least(attempt_deadline, timeout.get("read") if timeout else None)

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
        if isinstance(exc, httpx.RemoteProtocolError):
            # h11 refuses a status line of 000-099 or a 101 nobody asked for with a protocol
            # error, where aiohttp hands the status over: both end as the same error class.
            status = protocol_error_status(str(exc))
            if status is not None:
                self._log(status)
                raise unexpected(f"unexpected HTTP status {status}", status, {}, b"") from None
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

    def deadline_exceeded(self) -> httpx.ReadTimeout:
        """The error for an attempt past its deadline: a read timeout, retried like one."""
        return httpx.ReadTimeout(
            f"the attempt took longer than its {self.budget:g} s deadline", request=self.request
        )

    def too_large(self, response: httpx.Response, head: bytes, limit: int) -> float:
        """An error status is still mapped by status (from the start of its body, cut at the
        limit), so a huge 503 page is retried like a small one; any other status is refused."""
        if response.status_code >= 400:
            _set_content(response, head)
            outcome = self.on_response(response)  # always raises or retries for >= 400
            assert not isinstance(outcome, httpx.Response)
            return outcome
        self._log(response.status_code)
        raise unexpected(
            f"response body larger than {limit} bytes",
            response.status_code,
            response.headers,
            head,
        )

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


def _at_least(seconds: float, read: object) -> float:
    return max(seconds, read) if isinstance(read, int | float) else seconds


class CoreClawTransport(httpx.BaseTransport):
    """Sync transport: retries, timeouts, body limits and error mapping around an inner one.

    ``max_body_bytes`` bounds a body after decompression; ``attempt_deadline`` bounds one
    attempt from sending to the last body byte (see ``_Exchange`` for how it combines with the
    read timeouts). The sync deadline is checked as body bytes arrive; headers are bounded by
    the read timeout per chunk and httpcore's header size limit.
    """

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        *,
        sync_read_timeout: float = SYNC_RUN_READ_TIMEOUT,
        sleep: Callable[[float], None] = time.sleep,
        max_body_bytes: int = MAX_BODY_BYTES,
        attempt_deadline: float = ATTEMPT_DEADLINE,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._sync_read_timeout = sync_read_timeout
        self._sleep = sleep
        self._max_body_bytes = check_int("max_body_bytes", max_body_bytes, 1)
        self._attempt_deadline = check_seconds("attempt_deadline", attempt_deadline)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if _ADVERTISES_UNBOUNDED:
            _accept_bounded_encodings(request)
        exchange = _Exchange(request, self._policy, self._sync_read_timeout, self._attempt_deadline)
        limit = self._max_body_bytes
        while True:
            started = exchange.started = time.perf_counter()
            try:
                response = self._inner.handle_request(request)
            except httpx.TransportError as exc:
                self._sleep(exchange.on_exception(exc))
                continue
            outcome: float | httpx.Response
            try:
                read_body(response, limit, started + exchange.budget)
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
            self._sleep(outcome)

    def close(self) -> None:
        self._inner.close()
