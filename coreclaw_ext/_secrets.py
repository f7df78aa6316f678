"""Keeping API keys out of logs, error text, reprs and printed URLs.

Every key handed to ``create_client`` is registered here while a client uses it;
``redact`` replaces registered keys and any ``token=`` query value. A logging filter applies
it to the loggers of httpx and httpcore, which print full URLs (``?token=`` included) at INFO
and DEBUG.

The registry is bounded by the clients alive, not by the clients ever made: a registration is
counted per key and released when its client is closed or garbage collected, so one redaction
costs the same after ten thousand short-lived clients as after one. A key shared by several
live clients stays registered until the last of them lets go.

``KeyAuth`` puts the key on each request in one of the three ways the API accepts.
"""

from __future__ import annotations

import bisect
import logging
import os
import re
import threading
from collections import deque
from collections.abc import Callable, Generator
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

import httpx

from ._consts import LOGGER_NAME

MASK = "***"
# Shorter strings are not plausible keys, and masking every occurrence of, say, "k" would
# shred log lines; ``token=`` values are masked whatever their length.
_MIN_SECRET_LENGTH = 8
# A pattern, compiled (and cached) by re at its first use rather than at every start.
_TOKEN_PATTERN = r"(?i)([?&;]token=)[^&#\s\"'<>]*"  # noqa: S105 - a pattern, not a secret

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


class _Registry:
    """The registered keys, their holder counts, and the snapshot ``redact`` reads.

    ``redact`` never takes the lock: it reads ``active``, a tuple replaced whole on every
    change (longest key first, so a key that contains another is masked whole). Releases come
    from garbage-collector finalizers too, which may run while this very thread holds the lock,
    so a release only queues the key (``deque.append`` is atomic) and the queue is applied
    under the lock by the next register, release or count.
    """

    __slots__ = ("active", "counts", "installed", "lock", "ordered", "released")

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.ordered: list[str] = []
        self.active: tuple[str, ...] = ()
        self.released: deque[str] = deque()
        self.lock = threading.Lock()
        self.installed = False

    def drain_locked(self) -> None:
        """Apply queued releases; the caller holds the lock."""
        changed = False
        released = self.released
        while released:
            secret = released.popleft()
            left = self.counts.get(secret, 0) - 1
            if left > 0:
                self.counts[secret] = left
                continue
            if self.counts.pop(secret, None) is not None:
                index = bisect.bisect_left(self.ordered, -len(secret), key=_longest_first)
                while self.ordered[index] != secret:  # same length, other keys: a short scan
                    index += 1
                del self.ordered[index]
                changed = True
        if changed:
            self.active = tuple(self.ordered)

    def try_drain(self) -> None:
        # Never blocks: a finalizer may run inside a locked section of this same thread.
        if self.lock.acquire(blocking=False):
            try:
                self.drain_locked()
            finally:
                self.lock.release()


def _longest_first(secret: str) -> int:
    return -len(secret)


_registry = _Registry()


class _Release:
    """Releases one registration, once; safe to call from a finalizer."""

    __slots__ = ("_secret",)

    def __init__(self, secret: str | None) -> None:
        self._secret = secret

    def __call__(self) -> None:
        secret, self._secret = self._secret, None
        if secret is not None:
            _registry.released.append(secret)
            _registry.try_drain()

    def __repr__(self) -> str:
        return "<release of a registered key>"


def register_secret(secret: str) -> Callable[[], None]:
    """Remember a key so that ``redact`` hides it; install the log filter once.

    Returns a function that drops this registration (idempotent): the key stays registered
    while any other registration of it is held. Callers that never call it keep the key
    registered for the life of the process.
    """
    registry = _registry
    with registry.lock:
        registry.drain_locked()
        registered = len(secret) >= _MIN_SECRET_LENGTH
        if registered:
            count = registry.counts.get(secret, 0)
            registry.counts[secret] = count + 1
            if count == 0:
                bisect.insort(registry.ordered, secret, key=_longest_first)
                registry.active = tuple(registry.ordered)
        if not registry.installed:
            for name in _FILTERED_LOGGERS:
                logging.getLogger(name).addFilter(_RedactingFilter())
            registry.installed = True
    return _Release(secret if registered else None)


def registered_count() -> int:
    """How many distinct keys are registered now (for tests and diagnostics)."""
    with _registry.lock:
        _registry.drain_locked()
        return len(_registry.counts)


def redact(text: str) -> str:
    """Return ``text`` with registered keys and ``token=`` values replaced by ``***``."""
    if _registry.released:
        _registry.try_drain()
    for secret in _registry.active:
        if secret in text:
            text = text.replace(secret, MASK)
    if "token=" in text.lower():
        text = re.sub(_TOKEN_PATTERN, lambda m: m.group(1) + MASK, text)
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
        try:
            port = parts.port
        except ValueError:
            port = None
        netloc = f"{MASK}@{host}" + (f":{port}" if port else "")
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


def _after_fork_in_child() -> None:
    # The parent's lock may have been held by a thread that does not exist in the child.
    _registry.lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)

AuthMode = Literal["bearer", "api-key", "query"]


class KeyAuth(httpx.Auth):
    """An httpx auth flow that adds the key; its repr never shows it.

    The key is added per request rather than as a default client header because httpx masks
    only ``Authorization`` in header reprs, so an ``api-key`` default header would print.
    """

    __slots__ = ("_key", "header_value", "mode")

    def __init__(self, mode: AuthMode, key: str) -> None:
        self.mode = mode
        self._key = key
        self.header_value = f"Bearer {key}" if mode == "bearer" else key

    def register(self) -> Callable[[], None]:
        """Register the key with the redactor; returns the function that releases it."""
        return register_secret(self._key)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.mode == "bearer":
            request.headers["Authorization"] = self.header_value
        elif self.mode == "api-key":
            request.headers["api-key"] = self.header_value
        else:
            request.url = request.url.copy_merge_params({"token": self._key})
        yield request

    def __str__(self) -> str:
        return repr(self)

    def __repr__(self) -> str:
        return f"KeyAuth(mode={self.mode!r}, key='***')"
