"""Which download links may be fetched, and keeping signed links out of errors and logs.

A signed link is a secret like the API key: once checked, only its origin is shown, and
httpx's own request log lines are rewritten while a download runs.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import unquote, urlsplit

import httpx
from coreclaw_api.client import AuthenticatedClient

from ._client import ClientSettings, _is_loopback
from .errors import UnexpectedResponseError

_HTTPX_LOG = logging.getLogger("httpx")  # logs each request's full URL at INFO


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


class Links:
    """The API client's key and its stance on plain http, applied to every link of a download."""

    def __init__(
        self,
        client: AuthenticatedClient,
        settings: ClientSettings | None,
        allow_insecure_http: bool,
    ) -> None:
        self.key: str | None = getattr(getattr(settings, "auth", None), "_key", None)
        api = urlsplit(str(getattr(client, "_base_url", "")))
        self.insecure_ok = (
            bool(allow_insecure_http)
            or bool(getattr(settings, "allow_insecure_http", False))
            or (api.scheme == "http" and not _is_loopback(api.hostname or "localhost"))
        )
        self._hidden = _HideLinks()

    def check(self, url: object, *, given: bool) -> tuple[str, str, str]:
        """``(url, host, origin)`` if ``url`` may be fetched; else ValueError (given by the
        caller) or UnexpectedResponseError (sent by a server)."""
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
        shown = f"[{host}]" if ":" in host else host  # an IPv6 literal
        shown += f":{port}" if port is not None else ""
        origin = f"{parts.scheme}://{shown}"
        self._hidden.hide(url, origin)
        return url, shown, origin

    @contextmanager
    def hidden_from_logs(self) -> Iterator[None]:
        _HTTPX_LOG.addFilter(self._hidden)
        try:
            yield
        finally:
            _HTTPX_LOG.removeFilter(self._hidden)
