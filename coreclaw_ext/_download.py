"""Saving an export to a file: without the API key, atomically, in bounded memory.

The download link is fetched with a separate plain httpx client: no auth, none of the API
client's headers, no cookie jar, no proxy settings from the environment beyond the proxy the
API client resolved, no automatic redirects. Redirects are followed here, each target checked
like the first URL. The body is streamed chunk by chunk into ``AtomicFile``, so a failure of
any kind leaves nothing under the final name. A signed link is a secret too: only its host
appears in errors, logs and the result.
"""

from __future__ import annotations

import http.cookiejar
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import IO, Any, Literal, NamedTuple
from urllib.parse import unquote, urlsplit

import httpx
from coreclaw_api.client import AuthenticatedClient

from ._client import DEFAULT_TIMEOUT, USER_AGENT, ClientSettings, _is_loopback
from ._consts import LOGGER_NAME, RETRYABLE_STATUSES
from ._generated.ops.export_worker_run_results import (
    aexport_worker_run_results,
    export_worker_run_results,
)
from ._mapping import api_error
from ._options import TimeoutArg, check_max_retries, to_timeout
from ._retry import RetryPolicy
from ._sleep import async_sleep as default_async_sleep
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
_HTTPX_LOG = logging.getLogger("httpx")  # logs each request's full URL at INFO
ExportFormat = Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"]
Progress = Callable[[int, int | None], None]
DEFAULT_CHUNK_SIZE = 64 * 1024
MAX_REDIRECTS = 5
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_ERROR_BODY_BYTES = 4096


@dataclass(frozen=True, slots=True)
class DownloadResult:
    """A finished download: the file, its size and where it came from (host only)."""

    path: Path
    bytes: int
    format: str | None
    url_host: str


class _Options(NamedTuple):
    on_progress: Progress | None
    chunk_size: int
    timeout: TimeoutArg
    deadline: float | None
    max_retries: int | None
    allow_insecure_http: bool


class _HideLinks(logging.Filter):
    """Rewrites httpx's request log lines ("HTTP Request: GET <url> ...") while a download runs,
    so that a signed link shows as its origin only."""

    def __init__(self) -> None:
        super().__init__()
        self.links: dict[str, str] = {}

    def hide(self, url: str, origin: str) -> None:
        self.links[url] = self.links[str(httpx.URL(url))] = origin + "/***"

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = clean = record.getMessage()
        except Exception:  # a broken record is the logging module's business
            return True
        for link in sorted(self.links, key=len, reverse=True):
            clean = clean.replace(link, self.links[link])
        if clean != message:
            record.msg, record.args = clean, None
        return True


def _no_cookies() -> http.cookiejar.CookieJar:
    # A jar whose policy accepts no domain: a Set-Cookie is never stored, so never sent on.
    return http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))


class _Download:
    """State of one download across attempts and redirects; the I/O is in ``_fetch``."""

    def __init__(self, client: AuthenticatedClient, opts: _Options) -> None:
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
            "verify": settings.verify if settings is not None else True,
            "proxy": settings.proxy if settings is not None else None,
            "trust_env": getattr(settings, "trust_env", True),  # SSL_CERT_FILE and the like
        }
        self.key: str | None = getattr(getattr(settings, "auth", None), "_key", None)
        api = urlsplit(str(getattr(client, "_base_url", "")))
        self.insecure_ok = (
            bool(opts.allow_insecure_http)
            or bool(getattr(settings, "allow_insecure_http", False))
            or (api.scheme == "http" and not _is_loopback(api.hostname or "localhost"))
        )
        self.on_progress = opts.on_progress
        self.url = self.current = self.origin = self.host = ""
        self.started = time.monotonic()
        self.attempt = self.written = 0
        self.expected: int | None = None
        self.links = _HideLinks()

    def client_args(self) -> dict[str, Any]:
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        return {"headers": headers, "cookies": _no_cookies(), "timeout": self.timeout}

    def check_url(self, url: object, *, given: bool) -> str:
        """``url`` if it may be fetched; else ValueError (given by the caller) or
        UnexpectedResponseError (sent by a server)."""
        bad = ValueError if given else UnexpectedResponseError
        if not isinstance(url, str):
            raise bad(f"download URL must be a str, not {type(url).__name__}")
        if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
            raise bad("download URL contains whitespace or control characters")
        try:
            parts = urlsplit(url)
            host, port = parts.hostname or "", parts.port
            httpx.URL(url)
        except (ValueError, httpx.InvalidURL):
            raise bad("download URL is not a valid URL") from None
        if parts.scheme not in ("http", "https") or not host:
            raise bad(f"download URL must be an absolute http(s) URL, not {parts.scheme[:10]!r}")
        if parts.username is not None or parts.password is not None:
            raise bad(f"download URL for {host} carries user credentials; refusing it")
        if self.key and (self.key in url or self.key in unquote(url)):
            raise bad(f"download URL for {host} carries the API key; refusing to send it")
        if parts.scheme == "http" and not self.insecure_ok and not _is_loopback(host):
            raise bad(
                f"refusing a plain-http download from {host!r}; use https, or pass "
                "allow_insecure_http=True if this host is trusted"
            )
        self.current = url
        shown = f"[{host}]" if ":" in host else host  # an IPv6 literal
        self.host = shown + (f":{port}" if port is not None else "")
        self.origin = f"{parts.scheme}://{self.host}"
        self.links.hide(url, self.origin)
        return url

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

    def finish(self, response: httpx.Response) -> None:
        received = response.num_bytes_downloaded
        if self.expected is not None and received != self.expected:
            raise UnexpectedResponseError(
                f"download from {self.host} ended after {received} of {self.expected} bytes "
                "(Content-Length mismatch); nothing was kept",
                status_code=response.status_code,
            )

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

    def retry_delay(self, err: CoreClawError) -> float:
        """Seconds to wait before trying again from zero, or raise ``err``."""
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

    def result(self, path: Path, fmt: str | None) -> DownloadResult:
        self.progress(self.written, self.written)
        logger.debug("downloaded %d bytes from %s to %s", self.written, self.host, path)
        return DownloadResult(path=path, bytes=self.written, format=fmt, url_host=self.host)


def _fetch(http: httpx.Client, dl: _Download, target: AtomicFile) -> None:
    url = dl.restart()
    for hops in range(MAX_REDIRECTS + 1):
        with http.stream("GET", url, timeout=dl.request_timeout()) as response:
            following = dl.redirect(response, hops)
            if following is None:
                if not response.is_success:
                    raise dl.refused(response, next(response.iter_raw(_ERROR_BODY_BYTES), b""))
                total = dl.begin(response)
                with target.open_binary() as handle:
                    for chunk in response.iter_bytes(dl.chunk_size):
                        dl.advance(chunk, handle, total)
                    dl.finish(response)
                    target.commit(handle)
                return
        url = following


async def _afetch(http: httpx.AsyncClient, dl: _Download, target: AtomicFile) -> None:
    url = dl.restart()
    for hops in range(MAX_REDIRECTS + 1):
        async with http.stream("GET", url, timeout=dl.request_timeout()) as response:
            following = dl.redirect(response, hops)
            if following is None:
                if not response.is_success:
                    body = await anext(response.aiter_raw(_ERROR_BODY_BYTES), b"")
                    raise dl.refused(response, body)
                total = dl.begin(response)
                with target.open_binary() as handle:
                    async for chunk in response.aiter_bytes(dl.chunk_size):
                        dl.advance(chunk, handle, total)
                    dl.finish(response)
                    target.commit(handle)  # the fsync blocks the loop briefly, once
                return
        url = following


def _run(dl: _Download, target: AtomicFile, fmt: str | None) -> DownloadResult:
    transport = httpx.HTTPTransport(**dl.transport_args)
    _HTTPX_LOG.addFilter(dl.links)
    try:
        with httpx.Client(transport=transport, trust_env=False, **dl.client_args()) as http:
            while True:
                try:
                    _fetch(http, dl, target)
                    return dl.result(target.path, fmt)
                except httpx.HTTPError as exc:
                    dl.sleep(dl.retry_delay(dl.mapped(exc)))
                except CoreClawError as err:
                    dl.sleep(dl.retry_delay(err))
    finally:
        _HTTPX_LOG.removeFilter(dl.links)
        target.discard()


async def _arun(dl: _Download, target: AtomicFile, fmt: str | None) -> DownloadResult:
    transport = httpx.AsyncHTTPTransport(**dl.transport_args)
    _HTTPX_LOG.addFilter(dl.links)
    try:
        async with httpx.AsyncClient(
            transport=transport, trust_env=False, **dl.client_args()
        ) as http:
            while True:
                try:
                    await _afetch(http, dl, target)
                    return dl.result(target.path, fmt)
                except httpx.HTTPError as exc:
                    await dl.async_sleep(dl.retry_delay(dl.mapped(exc)))
                except CoreClawError as err:
                    await dl.async_sleep(dl.retry_delay(err))
    finally:
        _HTTPX_LOG.removeFilter(dl.links)
        target.discard()


def download_results(
    client: AuthenticatedClient,
    run_id: str,
    path: str | PathLike[str],
    *,
    format: ExportFormat = "csv",
    filter_keys: str | None = None,
    on_progress: Progress | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    timeout: TimeoutArg = None,
    deadline: float | None = None,
    max_retries: int | None = None,
    overwrite: bool = False,
    allow_insecure_http: bool = False,
) -> DownloadResult:
    """Export a run's results (``export_worker_run_results``) and save the file to ``path``.

    The key is never sent to the download host: a plain client fetches the link, without the
    API client's auth, headers or cookies (its proxy, TLS verification and timeouts are kept);
    only https, or http to a loopback host, unless ``allow_insecure_http=True``. The file is
    streamed to a temporary file beside ``path`` and moved into place once complete; an
    existing ``path`` raises ``FileExistsError`` before anything is sent, unless
    ``overwrite=True``. ``on_progress(done, total)`` is called when the answer arrives, after
    each chunk, and once at the end (``total`` None while the size is unknown). ``format`` and
    ``filter_keys`` go to the export call; ``timeout`` (default: the client's) and
    ``max_retries`` apply to it and to the download; ``deadline`` bounds the download in
    seconds. A connection error, timeout, 429 or 5xx before the first byte is written is
    retried from zero; once bytes were written, a failure ends the download.
    """
    opts = _Options(on_progress, chunk_size, timeout, deadline, max_retries, allow_insecure_http)
    dl, target = _Download(client, opts), AtomicFile(path, overwrite=overwrite)
    export = export_worker_run_results(
        client, run_id, format=format, filter_keys=filter_keys, timeout=timeout,
        max_retries=max_retries,
    )  # fmt: skip
    dl.start(export.download_url, given=False)
    return _run(dl, target, format)


async def adownload_results(
    client: AuthenticatedClient,
    run_id: str,
    path: str | PathLike[str],
    *,
    format: ExportFormat = "csv",
    filter_keys: str | None = None,
    on_progress: Progress | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    timeout: TimeoutArg = None,
    deadline: float | None = None,
    max_retries: int | None = None,
    overwrite: bool = False,
    allow_insecure_http: bool = False,
) -> DownloadResult:
    """Async twin of ``download_results``."""
    opts = _Options(on_progress, chunk_size, timeout, deadline, max_retries, allow_insecure_http)
    dl, target = _Download(client, opts), AtomicFile(path, overwrite=overwrite)
    export = await aexport_worker_run_results(
        client, run_id, format=format, filter_keys=filter_keys, timeout=timeout,
        max_retries=max_retries,
    )  # fmt: skip
    dl.start(export.download_url, given=False)
    return await _arun(dl, target, format)


def download_export(
    client: AuthenticatedClient,
    url: str,
    path: str | PathLike[str],
    *,
    format: str | None = None,
    on_progress: Progress | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    timeout: TimeoutArg = None,
    deadline: float | None = None,
    max_retries: int | None = None,
    overwrite: bool = False,
    allow_insecure_http: bool = False,
) -> DownloadResult:
    """Save the file at ``url`` (a ``download_url`` you already have, such as the last run's
    export) to ``path``, as ``download_results`` does. ``format`` only labels the result; a
    URL that may not be fetched raises ``ValueError`` before anything is sent.
    """
    opts = _Options(on_progress, chunk_size, timeout, deadline, max_retries, allow_insecure_http)
    dl, target = _Download(client, opts), AtomicFile(path, overwrite=overwrite)
    dl.start(url, given=True)
    return _run(dl, target, format)


async def adownload_export(
    client: AuthenticatedClient,
    url: str,
    path: str | PathLike[str],
    *,
    format: str | None = None,
    on_progress: Progress | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    timeout: TimeoutArg = None,
    deadline: float | None = None,
    max_retries: int | None = None,
    overwrite: bool = False,
    allow_insecure_http: bool = False,
) -> DownloadResult:
    """Async twin of ``download_export``."""
    opts = _Options(on_progress, chunk_size, timeout, deadline, max_retries, allow_insecure_http)
    dl, target = _Download(client, opts), AtomicFile(path, overwrite=overwrite)
    dl.start(url, given=True)
    return await _arun(dl, target, format)
