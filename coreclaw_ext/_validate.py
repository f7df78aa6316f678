"""Checking convenience arguments before anything is sent."""

from __future__ import annotations

import math
from urllib.parse import urlsplit


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
    return value
