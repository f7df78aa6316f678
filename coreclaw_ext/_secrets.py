"""Keeping API keys out of logs, error text, reprs and printed URLs.

Every key handed to ``create_client`` is registered here; ``redact`` replaces registered keys
and any ``token=`` query value. A logging filter applies it to the loggers of httpx and
httpcore, which print full URLs (``?token=`` included) at INFO and DEBUG.
"""

from __future__ import annotations

import logging
import re
import threading
from urllib.parse import urlsplit, urlunsplit

from ._consts import LOGGER_NAME

MASK = "***"
# Shorter strings are not plausible keys, and masking every occurrence of, say, "k" would
# shred log lines; ``token=`` values are masked whatever their length.
_MIN_SECRET_LENGTH = 8
_TOKEN_PARAM = re.compile(r"(?i)([?&;]token=)[^&#\s\"'<>]*")
_secrets: set[str] = set()
_lock = threading.Lock()
_installed: list[bool] = []  # non-empty once the log filter is in place

# Loggers whose records may carry a URL; a logger's filters do not see its children's records,
# so each is named.
_FILTERED_LOGGERS = (
    LOGGER_NAME,
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
    "httpcore.socks",
)


def register_secret(secret: str) -> None:
    """Remember a key so that ``redact`` hides it; install the log filter once."""
    with _lock:
        if len(secret) >= _MIN_SECRET_LENGTH:
            _secrets.add(secret)
        if not _installed:
            for name in _FILTERED_LOGGERS:
                logging.getLogger(name).addFilter(_RedactingFilter())
            _installed.append(True)


def redact(text: str) -> str:
    """Return ``text`` with registered keys and ``token=`` values replaced by ``***``."""
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    if "token=" in text.lower():
        text = _TOKEN_PARAM.sub(lambda m: m.group(1) + MASK, text)
    return text


def redact_url(url: object) -> str:
    """A URL safe to print: no user info, no ``token`` value, no registered key."""
    text = str(url)
    try:
        parts = urlsplit(text)
    except ValueError:
        return redact(text)
    if parts.username is not None or parts.password is not None:
        host = parts.hostname or ""
        netloc = f"{MASK}@{host}" + (f":{parts.port}" if parts.port else "")
        text = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return redact(text)


class _RedactingFilter(logging.Filter):
    """Rewrites a record's message when it holds a key or a ``token=`` value."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is the logging module's business, not ours
            return True
        clean = redact(message)
        if clean != message:
            record.msg = clean
            record.args = None
        return True
