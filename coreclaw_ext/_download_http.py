"""One download over a plain httpx client: redirects, retries, streaming to a temp file.

The link is fetched without auth, none of the API client's headers, no cookie jar, no proxy
settings from the environment beyond the proxy the API client resolved, and no automatic
redirects: each redirect is followed here, its target checked (``_download_url``) like the
first URL. The body is streamed chunk by chunk into an ``AtomicFile``, so a failure of any
kind leaves nothing under the final name. ``Download`` holds the state and every decision,
sync and async alike; ``fetch`` and ``afetch`` only do the I/O of one attempt.
"""

from __future__ import annotations

import http.cookiejar
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from os import PathLike
from typing import IO, Any

import httpx
from coreclaw_api.client import AuthenticatedClient

from ._client import DEFAULT_TIMEOUT, USER_AGENT, ClientSettings
from ._consts import LOGGER_NAME, RETRYABLE_STATUSES
from ._download_url import Links
from ._mapping import api_error
from ._options import Record, TimeoutArg, check_max_retries, to_timeout
from ._retry import RetryPolicy
from ._retry import async_sleep as default_async_sleep
from ._validate import check_int, check_seconds
from ._write import AtomicFile
from .errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    CoreClawError,
    RateLimitError,
    UnexpectedResponseError,
)

logger = logging.getLogger(LOGGER_NAME)
Progress = Callable[[int, int | None], None]
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ERROR_BODY_BYTES = 4096


class Options(Record):
    on_progress: Progress | None
    chunk_size: int
    timeout: TimeoutArg
    deadline: float | None
    max_retries: int | None
    allow_insecure_http: bool


def _no_cookies() -> http.cookiejar.CookieJar:
    # A jar whose policy accepts no domain: a Set-Cookie is never stored, so never sent on.
    return http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))


class Download:
    """State of one download across attempts and redirects; the I/O is in ``fetch``."""

    def __init__(
        self,
        client: AuthenticatedClient,
        opts: Options,
        path: str | PathLike[str],
        overwrite: bool,
    ) -> None:
        settings: ClientSettings | None = getattr(client, "_settings", None)
        base_timeout = getattr(client, "_timeout", None)
        timeout, deadline, max_retries = opts.timeout, opts.deadline, opts.max_retries
        self.timeout = to_timeout(timeout) if timeout is not None else DEFAULT_TIMEOUT
        if timeout is None and isinstance(base_timeout, httpx.Timeout):
            self.timeout = to_timeout(base_timeout)
        self.chunk_size = check_int("chunk_size", opts.chunk_size, 1)
        self.deadline = None if deadline is None else check_seconds("deadline", deadline)
        self.policy = settings.policy if settings is not None else RetryPolicy()
        self.max_retries = (
            self.policy.max_retries if max_retries is None else check_max_retries(max_retries)
        )
        self.sleep = settings.sleep if settings is not None else time.sleep
        self.async_sleep = settings.async_sleep if settings is not None else default_async_sleep
        self.transport_args: dict[str, Any] = {
            "verify": settings.httpx_verify if settings is not None else True,
            "proxy": settings.proxy if settings is not None else None,
            "trust_env": getattr(settings, "trust_env", True),  # SSL_CERT_FILE and the like
        }
        self.links = Links(client, settings, opts.allow_insecure_http)
        self.on_progress = opts.on_progress
        self.url = self.current = self.origin = self.host = ""
        self.started = time.monotonic()
        self.attempt = self.written = 0
        self.expected: int | None = None
        # Last, so that bad options are reported before an existing file is.
        self.target = AtomicFile(path, overwrite=overwrite)

    def _client_args(self) -> dict[str, Any]:
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        return {"headers": headers, "cookies": _no_cookies(), "timeout": self.timeout}

    def plain_client(self) -> httpx.Client:
        transport = httpx.HTTPTransport(**self.transport_args)
        return httpx.Client(transport=transport, trust_env=False, **self._client_args())

    def plain_async_client(self) -> httpx.AsyncClient:
        transport = httpx.AsyncHTTPTransport(**self.transport_args)
        return httpx.AsyncClient(transport=transport, trust_env=False, **self._client_args())

    @contextmanager
    def guarded(self) -> Iterator[None]:
        """While the download runs, httpx logs only origins; however it ends, no part file."""
        try:
            with self.links.hidden_from_logs():
                yield
        finally:
            self.target.discard()

    def check_url(self, url: object, *, given: bool) -> str:
        self.current, self.host, self.origin = self.links.check(url, given=given)
        return self.current

    def start(self, url: object, *, given: bool) -> None:
        self.url = self.check_url(url, given=given)
        self.started = time.monotonic()

    def restart(self) -> str:
        self.written, self.expected = 0, None
        return self.check_url(self.url, given=False)

    def left(self) -> float | None:
        """Seconds left of the overall deadline (None without one); raise once it is spent."""
        if self.deadline is None:
            return None
        left = self.deadline - (time.monotonic() - self.started)
        if left <= 0:
            raise APITimeoutError(
                f"download from {self.host} ran past its deadline of {self.deadline:g} s",
                method="GET",
                url=self.origin,
            )
        return left

    def request_timeout(self) -> httpx.Timeout:
        left = self.left()
        if left is None:
            return self.timeout
        parts = self.timeout.as_dict()
        return httpx.Timeout(
            **{k: min(v if v is not None else left, left) for k, v in parts.items()}
        )

    def redirect(self, response: httpx.Response, hops: int) -> str | None:
        if response.status_code not in _REDIRECTS:
            return None
        status, location = response.status_code, response.headers.get("location")
        if not location:
            raise UnexpectedResponseError(
                f"redirect from {self.host} without a Location", status_code=status
            )
        if hops >= MAX_REDIRECTS:
            raise UnexpectedResponseError(
                f"more than {MAX_REDIRECTS} redirects", status_code=status
            )
        try:
            target = str(response.url.join(location))
        except (ValueError, httpx.InvalidURL):
            raise UnexpectedResponseError(
                "redirect to an invalid URL", status_code=status
            ) from None
        return self.check_url(target, given=False)

    def refused(self, response: httpx.Response, body: bytes) -> CoreClawError:
        status = response.status_code
        if status >= 400:
            note = f"download from {self.host} failed: ".encode()
            return api_error(status, response.headers, None, note + body)
        return UnexpectedResponseError(
            f"unexpected HTTP status {status} from download host {self.host}", status_code=status
        )

    def begin(self, response: httpx.Response) -> int | None:
        try:
            self.expected = int(response.headers.get("content-length", ""))
        except ValueError:
            self.expected = None
        encoded = response.headers.get("content-encoding", "identity").lower() != "identity"
        total = None if encoded else self.expected  # Content-Length counts the encoded bytes
        self.progress(0, total)
        return total

    def progress(self, done: int, total: int | None) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total)

    def advance(self, chunk: bytes, handle: IO[bytes], total: int | None) -> None:
        handle.write(chunk)
        self.written += len(chunk)
        self.progress(self.written, total)
        self.left()

    def finish(self, response: httpx.Response, handle: IO[bytes]) -> None:
        received = response.num_bytes_downloaded
        if self.expected is not None and received != self.expected:
            raise UnexpectedResponseError(
                f"download from {self.host} ended after {received} of {self.expected} bytes "
                "(Content-Length mismatch); nothing was kept",
                status_code=response.status_code,
            )
        self.target.commit(handle)

    def mapped(self, exc: httpx.HTTPError) -> CoreClawError:
        detail = str(exc) or type(exc).__name__
        if self.current:
            detail = detail.replace(self.current, self.origin)
        of = f" of {self.expected}" if self.expected is not None else ""
        text = f"{type(exc).__name__} on GET {self.origin} after {self.written}{of} bytes: {detail}"
        if isinstance(exc, httpx.TimeoutException):
            return APITimeoutError(text, method="GET", url=self.origin)
        if isinstance(exc, httpx.TransportError):
            return APIConnectionError(text, method="GET", url=self.origin)
        return UnexpectedResponseError(text)  # a body that cannot be decoded

    def retry_delay(self, exc: httpx.HTTPError | CoreClawError) -> float:
        """Seconds to wait before trying again from zero, or raise the failure (typed)."""
        err = self.mapped(exc) if isinstance(exc, httpx.HTTPError) else exc
        transient = isinstance(err, APIConnectionError) or (
            isinstance(err, APIError) and err.status_code in RETRYABLE_STATUSES
        )
        if not transient or self.written or self.attempt >= self.max_retries:
            raise err
        after = err.retry_after if isinstance(err, RateLimitError) else None
        delay = self.policy.delay(self.attempt, after)
        left = self.left()
        if left is not None and delay >= left:
            raise err
        self.attempt += 1
        logger.info(
            "retrying download from %s in %.2f s (retry %d of %d) after %s",
            self.host, delay, self.attempt, self.max_retries, type(err).__name__,
        )  # fmt: skip
        return delay


def fetch(http: httpx.Client, dl: Download) -> None:
    """One attempt, from the first URL through its redirects to the committed file."""
    url = dl.restart()
    for hops in range(MAX_REDIRECTS + 1):
        with http.stream("GET", url, timeout=dl.request_timeout()) as response:
            following = dl.redirect(response, hops)
            if following is None:
                if not response.is_success:
                    raise dl.refused(response, next(response.iter_raw(_ERROR_BODY_BYTES), b""))
                total = dl.begin(response)
                with dl.target.open_binary() as handle:
                    for chunk in response.iter_bytes(dl.chunk_size):
                        dl.advance(chunk, handle, total)
                    dl.finish(response, handle)
                return
        url = following


async def afetch(http: httpx.AsyncClient, dl: Download) -> None:
    """Async twin of ``fetch``."""
    url = dl.restart()
    for hops in range(MAX_REDIRECTS + 1):
        async with http.stream("GET", url, timeout=dl.request_timeout()) as response:
            following = dl.redirect(response, hops)
            if following is None:
                if not response.is_success:
                    body = await anext(response.aiter_raw(_ERROR_BODY_BYTES), b"")
                    raise dl.refused(response, body)
                total = dl.begin(response)
                with dl.target.open_binary() as handle:
                    async for chunk in response.aiter_bytes(dl.chunk_size):
                        dl.advance(chunk, handle, total)
                    dl.finish(response, handle)  # the fsync blocks the loop briefly, once
                return
        url = following
