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

* **Headers normalised once.** httpx's ``build_request`` copies and normalises the headers
  four times per request (the client's, merged, the request's, then again with ``Host`` and
  ``Content-Length`` in front). For a plain path, a JSON body or bytes and plain headers,
  ``build_plain`` normalises them once and hands the request its ``Headers`` as they are; the
  method, URL, header order and values, body and extensions are httpx's own
  (``tests/test_lean.py`` compares them with ``httpx.Client.build_request``).

The async client (``LeanAsyncClient``) is in ``_async_http``, loaded with a first async
call. All of these rely on httpx 0.28 internals (``_merge_url``, ``_cookies``,
``URL._uri_reference``), and the dependency pin keeps httpx at 0.28.x. Should they move,
``_FAST_URLS``, ``_FAST_BUILD`` and ``_async_http._FAST_SEND`` turn the shortcuts off by
themselves, and the tests fail.
"""

from __future__ import annotations

import re
from json import JSONEncoder
from typing import Any

import httpx

# Requests of the shape generated code sends (see the module docstring).
# Parameter names and values that urlencode leaves as they are.
_PLAIN_PARAM = re.compile(r"[A-Za-z0-9\-._~]*")
_JSON = b"application/json"
# What json.dumps(..., ensure_ascii=False, separators=(",", ":"), allow_nan=False) uses, made
# once: json.dumps makes a new encoder for every call with arguments.
_ENCODER = JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
# httpx 0.28 encodes a json= body with json.dumps (compact, not ASCII-escaped, no NaN) and
# keeps headers as (raw key, lower key, value) triples; the request shortcut relies on both.
_FAST_BUILD = isinstance(getattr(httpx.Headers({"A": "b"}), "_list", None), list)


def plain_query(params: dict[Any, Any]) -> str | None:
    """The query string httpx would make of ``params``, when every name and value is plain."""
    parts = []
    for name, value in params.items():
        kind = type(value)
        if kind is int:
            text = str(value)
        elif kind is str and _PLAIN_PARAM.fullmatch(value):
            text = value
        else:
            return None
        if type(name) is not str or not _PLAIN_PARAM.fullmatch(name):
            return None
        parts.append(f"{name}={text}")
    return "&".join(parts)


def build_plain(
    method: str,
    url: httpx.URL,
    *,
    content: bytes | None,
    json: Any,
    headers: Any,
    client_headers: httpx.Headers,
    timeout: httpx.Timeout,
) -> httpx.Request:
    """The request httpx's ``build_request`` makes for ``url`` (merged already) with a JSON
    body or bytes and plain ``headers``, on a client with ``client_headers`` and ``timeout``."""
    given = httpx.Headers(headers)._list  # the same checks and errors as httpx's
    names = {lower for _, lower, _ in given}
    items = [(raw, value) for raw, lower, value in client_headers._list if lower not in names]
    items += [(raw, value) for raw, _, value in given]
    present = {raw.lower() for raw, _ in items}
    implied: tuple[tuple[bytes, bytes], ...]
    if json is not None:
        body = _ENCODER.encode(json).encode("utf-8")
        implied = ((b"Content-Length", str(len(body)).encode()), (b"Content-Type", _JSON))
    else:
        body = content or b""
        implied = ((b"Content-Length", str(len(body)).encode()),) if body else ()
    for raw, value in implied:  # httpx's setdefault: only where the caller set none
        if raw.lower() not in present:
            items.append((raw, value))
            present.add(raw.lower())
    method = method.upper()
    auto = []
    if b"host" not in present and url.host:
        auto.append((b"Host", url.netloc))
    if (
        b"content-length" not in present
        and b"transfer-encoding" not in present
        and method in ("POST", "PUT", "PATCH")
    ):
        auto.append((b"Content-Length", b"0"))
    final = httpx.Headers()
    final._list = [(raw, raw.lower(), value) for raw, value in auto + items]
    request = httpx.Request(
        method,
        url,
        headers=final,  # copied as it is, not normalised again
        stream=httpx.ByteStream(body),
        extensions={"timeout": timeout.as_dict()},
    )
    request.read()
    return request


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
