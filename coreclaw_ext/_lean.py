"""The httpx clients a ``CoreClawClient`` sends through: httpx's, minus two costs it never needs.

* **No cookie jar.** The API authenticates by key and sets no cookies, yet httpx parses every
  answer's headers into a ``http.cookiejar`` (8-12 % of a call). Here a ``Set-Cookie`` is never
  stored, so it is never sent back; cookies given to the client (``with_cookies``) are sent as
  given, on every request.
* **No second URL parse.** httpx parses each relative URL, then parses it again merged onto
  the base URL (10-15 % of a call). A plain path, which is what every generated operation
  sends (ids percent-encoded, dot segments refused by ``_paths``), is joined onto the base
  URL's parsed form directly; anything else (a query, a fragment, ``%`` not followed by two
  hex digits, ``/.``, a long or absolute URL) takes httpx's own path. Both give the same URL:
  ``tests/test_lean.py`` checks that over generated paths.

Both rely on httpx 0.28 internals (``_merge_url``, ``_cookies``, ``URL._uri_reference``), and
the dependency pin keeps httpx at 0.28.x. Should they move, ``_FAST_URLS`` turns the URL
shortcut off by itself, and the tests fail.
"""

from __future__ import annotations

import re
from typing import Any

import httpx

# Characters a path keeps unchanged through httpx's parser (unreserved, sub-delims, ":@/"),
# plus %XX escapes, which it leaves as they are.
_PLAIN_PATH = re.compile(r"/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*")
_MAX_FAST_PATH = 2048


def _fast_urls_work() -> bool:
    try:
        reference = httpx.URL("http://127.0.0.1/")._uri_reference
        return hasattr(reference, "_replace") and reference.path == "/"
    except Exception:  # an httpx without the internals: the shortcut stays off
        return False


_FAST_URLS = _fast_urls_work()


class _KeptCookies(httpx.Cookies):
    """The client's own cookies, sent as given; what answers set is never stored."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None


class _LeanMixin:
    """What the sync and async clients share; see the module docstring."""

    _cookies: httpx.Cookies
    base_url: httpx.URL

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._cookies = _KeptCookies(self._cookies)
        self._lean_base: tuple[httpx.URL, tuple[Any, str] | None] | None = None

    @property
    def cookies(self) -> httpx.Cookies:
        return self._cookies

    @cookies.setter
    def cookies(self, cookies: Any) -> None:
        self._cookies = _KeptCookies(cookies)

    def _merge_url(self, url: httpx.URL | str) -> httpx.URL:
        if (
            _FAST_URLS
            and type(url) is str
            and len(url) <= _MAX_FAST_PATH
            and "/." not in url
            and "//" not in url
            and _PLAIN_PATH.fullmatch(url)
        ):
            base = self._base_parts()
            if base is not None:
                merged = httpx.URL.__new__(httpx.URL)
                merged._uri_reference = base[0]._replace(path=base[1] + url[1:])
                return merged
        return super()._merge_url(url)  # type: ignore[misc, no-any-return]

    def _base_parts(self) -> tuple[Any, str] | None:
        """The base URL's parsed form and its path (which ends in "/"), or None if the base
        URL has a query or fragment (httpx's own merge then)."""
        base = self.base_url
        cached = self._lean_base
        if cached is None or cached[0] is not base:
            reference = base._uri_reference
            plain = reference.query is None and reference.fragment is None
            parts = (reference, reference.path or "/") if plain else None
            cached = self._lean_base = (base, parts)
        return cached[1]


class LeanClient(_LeanMixin, httpx.Client):
    """``httpx.Client`` without a cookie jar and with one URL parse per request."""


class LeanAsyncClient(_LeanMixin, httpx.AsyncClient):
    """``httpx.AsyncClient`` without a cookie jar and with one URL parse per request."""
