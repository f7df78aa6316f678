"""Checking convenience arguments before anything is sent."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
"""Unicode category Cc: C0 controls, DEL and C1 controls (refused in ids and text arguments)."""


def check_int(name: str, value: object, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < low or (high is not None and value > high):
        bounds = f"between {low} and {high}" if high is not None else f">= {low}"
        raise ValueError(f"{name} must be {bounds}, got {value}")
    return value


def check_seconds(name: str, value: object, *, allow_zero: bool = False) -> float:
    """A finite number of seconds above 0 (or >= 0): an unbounded or NaN wait is never accepted."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number of seconds, not {type(value).__name__}")
    if not math.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "above 0"
        raise ValueError(f"{name} must be a finite number of seconds {bound}, got {value!r}")
    return float(value)


def check_bool(name: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def check_callback_url(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"callback_url must be a str, not {type(value).__name__}")
    try:
        parts = urlsplit(value)
    except ValueError as exc:
        raise ValueError(f"callback_url is not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("callback_url must be an absolute http:// or https:// URL")
    if any(ch.isspace() or ord(ch) < 32 for ch in value):
        raise ValueError("callback_url must not contain whitespace or control characters")
    _check_encodable("callback_url", value)
    return value


def check_integer(name: str, value: object, minimum: int | None, maximum: int | None) -> int:
    """An int (not a bool) within the schema's bounds; either bound may be absent."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if minimum is not None and maximum is not None:
        return check_int(name, value, minimum, maximum)
    if minimum is not None:
        return check_int(name, value, minimum)
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum}, got {value}")
    return int(value)


def check_choice(name: str, value: object, choices: tuple[object, ...]) -> Any:
    """One of the schema's enum values, of the same type (so ``True`` is not taken for ``1``)."""
    shown = ", ".join(repr(c) for c in choices)
    if type(value) not in {type(c) for c in choices}:
        raise TypeError(f"{name} must be one of {shown}, not a {type(value).__name__}")
    if value not in choices:
        raise ValueError(f"{name} must be one of {shown}, got {value!r}")
    return value


def check_text(name: str, value: object) -> str:
    """A str without control characters (sent as a query value or a JSON string)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    value = str.__str__(value)
    if CONTROL.search(value):
        raise ValueError(f"{name} must not contain control characters")
    _check_encodable(name, value)
    return value


def _check_encodable(name: str, text: str) -> None:
    # httpx sends UTF-8; a lone surrogate would fail there, after the checks, untyped.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(f"{name} is not valid text (it holds a lone surrogate)") from None


def check_str_list(name: str, value: object) -> list[str]:
    """A list of non-empty strings (a bare str is refused: it is not a list of one)."""
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple):
        raise TypeError(f"{name} must be a list of str, not {type(value).__name__}")
    out = [check_text(f"{name}[{i}]", item) for i, item in enumerate(value)]
    if any(not item for item in out):
        raise ValueError(f"{name} must not hold empty strings")
    return out


def check_object(name: str, value: object) -> dict[str, Any]:
    """A JSON object: a mapping with str keys whose values JSON can encode, copied."""
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping (a JSON object), not {type(value).__name__}")
    out = dict(value)
    if any(not isinstance(key, str) for key in out):
        raise TypeError(f"{name} must have str keys only")
    try:
        text = json.dumps(out, allow_nan=False, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError) as exc:
        raise ValueError(f"{name} cannot be sent as JSON: {exc}") from None
    _check_encodable(name, text)
    return out
