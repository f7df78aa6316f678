"""Turning a response into a mapped error, before the generated parser can trip over it.

The generated code raises ``JSONDecodeError`` on HTML bodies, ``KeyError`` on bodies of the
wrong shape and ``ValueError`` on statuses outside ``http.HTTPStatus``; so the decision is
taken here, on the raw status, headers and bytes.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from coreclaw_api._spec_index import ERROR_CODES

from ._consts import ERROR_EXCERPT_CHARS, RETRY_AFTER_MAX
from ._json import loads
from ._shape import conforms, mismatch
from .errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    UnexpectedResponseError,
    UnprocessableEntityError,
)

_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

_BY_CODE: dict[int, type[APIError]] = {
    11000: BadRequestError,
    12001: AuthenticationError,
    12002: AuthenticationError,
    11004: NotFoundError,
    50001: NotFoundError,
    60001: NotFoundError,
    70001: NotFoundError,
    13000: RateLimitError,
    10000: InternalServerError,
    14000: InternalServerError,
}

KNOWN_STATUSES = frozenset(int(s) for s in HTTPStatus)
# Patterns as text: re compiles each the first time an error needs it (and caches it), not
# at every start.
_SPACES = r"\s+"
# h11's words for a status line it parsed but will not deliver: 000-099 ("InformationalResponse
# status_code should be in range [100, 200), not 99") and an unrequested 101.
_REFUSED_STATUS = r"status_code should be in range \[\d+, \d+\), not (\d{1,3})\b"
_UNREQUESTED_UPGRADE = "_SWITCH_UPGRADE event without a pending proposal"


def code_name(code: int | None) -> str | None:
    """The key of an application code (``11004`` -> ``NOT_FOUND``), or None when unknown."""
    if code is None:
        return None
    entry = ERROR_CODES.get(code)
    return entry[0] if entry else None


def excerpt(content: bytes) -> str:
    """A short one-line view of a body, for error messages."""
    text = content[: ERROR_EXCERPT_CHARS * 4].decode("utf-8", errors="replace")
    text = re.sub(_SPACES, " ", text).strip()
    if len(text) > ERROR_EXCERPT_CHARS:
        text = text[:ERROR_EXCERPT_CHARS] + "..."
    return text or "(empty body)"


def parse_retry_after(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header (seconds or HTTP date), capped; None if absent."""
    raw = headers.get("retry-after")
    if raw is None:
        return None
    raw = raw.strip()
    seconds: float
    try:
        seconds = float(raw)
    except ValueError:
        from email.utils import parsedate_to_datetime  # noqa: PLC0415 - rare: HTTP-date form

        try:
            when = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        if when.tzinfo is None:
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), RETRY_AFTER_MAX)


def protocol_error_status(message: str) -> int | None:
    """The status of a response httpx refused as a protocol error, when that was the reason.

    aiohttp hands such a status (``HTTP/1.1 099``, a ``101`` without an upgrade asked for) to
    the caller, httpx raises ``RemoteProtocolError``; both must become the same
    ``UnexpectedResponseError``, never a connection error (which a GET would retry).
    """
    match = re.search(_REFUSED_STATUS, message)
    if match is not None:
        return int(match.group(1))
    if _UNREQUESTED_UPGRADE in message:
        return 101
    return None


def _request_id(payload: Mapping[str, Any] | None, headers: Mapping[str, str]) -> str | None:
    if payload is not None:
        value = payload.get("request_id")
        if isinstance(value, str) and value:
            return value
    return headers.get("x-request-id")


def _details(payload: Mapping[str, Any]) -> list[str] | None:
    value = payload.get("details")
    if isinstance(value, list):
        return [str(item) for item in value]
    return None


def _envelope_code(payload: object) -> int | None:
    if isinstance(payload, dict):
        code = payload.get("code")
        if type(code) is int:
            return code
    return None


def api_error(
    status: int,
    headers: Mapping[str, str],
    payload: Mapping[str, Any] | None,
    content: bytes,
) -> APIError:
    """Build the error for a status >= 400 or a 2xx envelope with a non-zero code."""
    code = _envelope_code(payload)
    if payload is not None and code is not None:
        raw_message = payload.get("message")
        message = raw_message if isinstance(raw_message, str) and raw_message else "(no message)"
        details = _details(payload)
    else:
        payload, message, details = None, excerpt(content), None
    if status >= 500:
        cls: type[APIError] = InternalServerError
    elif status >= 400:
        cls = _BY_STATUS.get(status, APIError)
    else:
        cls = _BY_CODE.get(code, APIError) if code is not None else APIError
    kwargs: dict[str, Any] = {
        "status_code": status,
        "code": code,
        "code_name": code_name(code),
        "request_id": _request_id(payload, headers),
        "details": details,
        "headers": headers,
    }
    if cls is RateLimitError:
        kwargs["retry_after"] = parse_retry_after(headers)
    return cls(message, **kwargs)


def unexpected(
    reason: str, status: int, headers: Mapping[str, str], content: bytes, payload: object = None
) -> UnexpectedResponseError:
    return UnexpectedResponseError(
        reason,
        status_code=status,
        body_excerpt=excerpt(content),
        request_id=_request_id(payload if isinstance(payload, dict) else None, headers),
        headers=headers,
    )


def check_response(
    status: int,
    headers: Mapping[str, str],
    content: bytes,
    *,
    data_required: bool = False,
    data_shape: Any = None,
) -> Any:
    """Return the decoded envelope of a good answer, or raise the mapped error.

    The rule, in order: status >= 400 -> by status; 2xx envelope with a non-zero code -> by code;
    2xx that is not a valid envelope, or lacks ``data`` the operation requires ->
    ``UnexpectedResponseError``; any other status -> ``UnexpectedResponseError``.
    """
    if status >= 400:
        try:
            payload = loads(content) if content else None
        except (ValueError, RecursionError):
            payload = None
        raise api_error(status, headers, payload if isinstance(payload, dict) else None, content)
    if not 200 <= status < 300 or status not in KNOWN_STATUSES:
        raise unexpected(f"unexpected HTTP status {status}", status, headers, content)
    try:
        payload = loads(content)  # json.loads, or a faster decoder with the same results
    except (ValueError, RecursionError):  # bad JSON, bad UTF-8, or nesting past the stack
        raise unexpected("response body is not JSON", status, headers, content) from None
    if type(payload) is not dict:
        raise unexpected("response body is not a JSON object", status, headers, content)
    code = _envelope_code(payload)
    if code is None:
        raise unexpected(
            "response envelope has no integer 'code'", status, headers, content, payload
        )
    if code != 0:
        raise api_error(status, headers, payload, content)
    if type(payload.get("message")) is not str:
        raise unexpected(
            "response envelope has no string 'message'", status, headers, content, payload
        )
    data = payload.get("data")
    if data is None:  # absent or null
        if data_required:
            raise unexpected("response envelope lacks 'data'", status, headers, content, payload)
    elif data_shape is not None and not conforms(data, data_shape):
        problem = mismatch(data, data_shape)
        if problem is not None:
            raise unexpected(
                f"response does not match the spec: {problem}", status, headers, content, payload
            )
    return payload
