"""Requests of the shape generated code sends, built as httpx builds them, with less copying.

httpx's ``build_request`` copies and normalises the headers four times per request (the
client's, merged, the request's, then again with ``Host`` and ``Content-Length`` in front).
For a plain path, a JSON body or bytes and plain headers, ``build_plain`` normalises them once
and hands the request its ``Headers`` as they are; the method, URL, header order and values,
body and extensions are httpx's own (``tests/test_lean.py`` compares them with
``httpx.Client.build_request`` over generated shapes). Anything else takes httpx's build.
"""

from __future__ import annotations

import re
from json import JSONEncoder
from typing import Any

import httpx

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
