"""Saving an export to a file: without the API key, atomically, in bounded memory.

The public functions and their retry loops, sync and async; what one attempt does, and
whether a failure is tried again, is decided by ``_download_http.Download`` for both, and
the checks every link must pass are in ``_download_url``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Literal

import httpx
from coreclaw_api.client import AuthenticatedClient

from ._consts import LOGGER_NAME
from ._download_http import Download, Options, Progress, afetch, fetch
from ._generated.ops.export_worker_run_results import (
    aexport_worker_run_results,
    export_worker_run_results,
)
from ._options import TimeoutArg
from .errors import CoreClawError

logger = logging.getLogger(LOGGER_NAME)
ExportFormat = Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"]
DEFAULT_CHUNK_SIZE = 64 * 1024


@dataclass(frozen=True, slots=True)
class DownloadResult:
    """A finished download: the file, its size and where it came from (host only)."""

    path: Path
    bytes: int
    format: str | None
    url_host: str


def _result(dl: Download, fmt: str | None) -> DownloadResult:
    path = dl.target.path
    dl.progress(dl.written, dl.written)
    logger.debug("downloaded %d bytes from %s to %s", dl.written, dl.host, path)
    return DownloadResult(path=path, bytes=dl.written, format=fmt, url_host=dl.host)


def _run(dl: Download, fmt: str | None) -> DownloadResult:
    with dl.guarded(), dl.plain_client() as http:
        while True:
            try:
                fetch(http, dl)
                return _result(dl, fmt)
            except (httpx.HTTPError, CoreClawError) as exc:
                dl.sleep(dl.retry_delay(exc))


async def _arun(dl: Download, fmt: str | None) -> DownloadResult:
    with dl.guarded():
        async with dl.plain_async_client() as http:
            while True:
                try:
                    await afetch(http, dl)
                    return _result(dl, fmt)
                except (httpx.HTTPError, CoreClawError) as exc:
                    await dl.async_sleep(dl.retry_delay(exc))


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
    opts = Options(on_progress, chunk_size, timeout, deadline, max_retries, allow_insecure_http)
    dl = Download(client, opts, path, overwrite)
    export = export_worker_run_results(
        client, run_id, format=format, filter_keys=filter_keys, timeout=timeout,
        max_retries=max_retries,
    )  # fmt: skip
    dl.start(export.download_url, given=False)
    return _run(dl, format)


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
    opts = Options(on_progress, chunk_size, timeout, deadline, max_retries, allow_insecure_http)
    dl = Download(client, opts, path, overwrite)
    export = await aexport_worker_run_results(
        client, run_id, format=format, filter_keys=filter_keys, timeout=timeout,
        max_retries=max_retries,
    )  # fmt: skip
    dl.start(export.download_url, given=False)
    return await _arun(dl, format)


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
    opts = Options(on_progress, chunk_size, timeout, deadline, max_retries, allow_insecure_http)
    dl = Download(client, opts, path, overwrite)
    dl.start(url, given=True)
    return _run(dl, format)


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
    opts = Options(on_progress, chunk_size, timeout, deadline, max_retries, allow_insecure_http)
    dl = Download(client, opts, path, overwrite)
    dl.start(url, given=True)
    return await _arun(dl, format)
