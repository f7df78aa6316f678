"""The httpx clients a ``CoreClawClient`` sends through: httpx's, minus costs it never needs.

* **No cookie jar.** The API authenticates by key and sets no cookies, yet httpx parses every
  answer's headers into a ``http.cookiejar`` (8-12 % of a call). Here a ``Set-Cookie`` is never
  stored, so it is never sent back; cookies given to the client (``with_cookies``) are sent as
  given, on every request.
* **No second URL parse.** httpx parses each relative URL, then parses it again merged onto
  the base URL (10-15 % of a call), and a third time to add query parameters (40-75 us on a
  result page). A plain path, which is what every generated operation sends (ids
  percent-encoded, dot segments refused by ``_paths``), with plain parameters (ints and
  strings of unreserved characters: page numbers, sizes, statuses), is joined onto the base
  URL's parsed form directly; anything else (a query in the path, a fragment, ``%`` not
  followed by two hex digits, ``/.``, a long or absolute URL, other parameter values, client
  parameters) takes httpx's own path. Both give the same URL: ``tests/test_lean.py`` checks
  that over generated paths and parameters.

A request of the shape generated code sends is built with its headers normalised once
(``_lean_request``). All of these rely on httpx 0.28 internals (``_merge_url``, ``_cookies``,
``URL._uri_reference``), and the dependency pin keeps httpx at 0.28.x. Should they move,
``_FAST_URLS``, ``_FAST_BUILD`` and ``_FAST_SEND`` turn the shortcuts off by themselves, and
the tests fail.
"""

from __future__ import annotations

import datetime
import logging
import re
import time
from typing import Any

import httpx

from ._lean_request import _FAST_BUILD, build_plain, plain_query

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

_DEFAULT: Any = httpx.USE_CLIENT_DEFAULT
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


class _KeptCookies(httpx.Cookies):
    """The client's own cookies, sent as given; what answers set is never stored."""

    def extract_cookies(self, response: httpx.Response) -> None:
        return None

    def __bool__(self) -> bool:
        # Asked once per request; httpx's answer walks the jar through three generators. An
        # empty jar's table is an empty dict; anything else gets httpx's own answer.
        table = getattr(self.jar, "_cookies", None)
        if type(table) is dict and not table:
            return False
        return super().__bool__()


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
        merged = self._fast_url(url, None)
        if merged is None:
            return super()._merge_url(url)  # type: ignore[misc, no-any-return]
        return merged

    def build_request(
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
        timeout: Any = _DEFAULT,
        extensions: Any = None,
    ) -> httpx.Request:
        if params and type(params) is dict and not self.params:  # type: ignore[attr-defined]
            query = plain_query(params)
            merged = None if query is None else self._fast_url(url, query)
            if merged is not None:
                url, params = merged, None
        if (
            _FAST_BUILD
            and data is None
            and files is None
            and params is None
            and cookies is None
            and extensions is None
            and timeout is _DEFAULT
            and type(method) is str
            and (headers is None or type(headers) is dict)
            and (content is None or (type(content) is bytes and json is None))
            and not self._cookies
        ):
            return self._build_plain(method, url, content, json, headers)
        return super().build_request(  # type: ignore[misc, no-any-return]
            method,
            url,
            content=content,
            data=data,
            files=files,
            json=json,
            params=params,
            headers=headers,
            cookies=cookies,
            timeout=timeout,
            extensions=extensions,
        )

    def _build_plain(
        self, method: str, url: httpx.URL | str, content: bytes | None, json: Any, headers: Any
    ) -> httpx.Request:
        return build_plain(
            method,
            self._merge_url(url),
            content=content,
            json=json,
            headers=headers,
            client_headers=self.headers,  # type: ignore[attr-defined]
            timeout=self.timeout,  # type: ignore[attr-defined]
        )

    def _fast_url(self, url: httpx.URL | str, query: str | None) -> httpx.URL | None:
        """``url`` joined onto the base URL (with ``query``), or None for httpx's own merge."""
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
                ref = base[0]  # a named tuple: _make skips _replace's keyword bookkeeping
                merged._uri_reference = ref._make(
                    (ref[0], ref[1], ref[2], ref[3], base[1] + url[1:], query, ref[6])
                )
                return merged
        return None

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
