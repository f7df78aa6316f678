"""The settings and connection pools a client shares with its copies, and their state.

Connection pools (the inner httpx or aiohttp transports) live in a ``_Pools`` object that a
client shares with its copies (``with_options``, ``with_headers``, ``with_cookies``,
``with_timeout``); each copy has its own httpx client on top, with its own headers, timeout
and retry policy. The async pool belongs to the event loop that first used it; a forked child
never uses its parent's pools.
"""

from __future__ import annotations

import os
import sys
import threading
import time
import warnings
import weakref
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import httpx

from ._config import AsyncBackend
from ._consts import ATTEMPT_DEADLINE, MAX_BODY_BYTES
from ._options import Record
from ._retry import RetryPolicy
from ._retry import async_sleep as default_async_sleep
from ._secrets import KeyAuth
from .errors import ClientClosedError, EventLoopMismatchError

if TYPE_CHECKING:
    import ssl

    from ._coreclaw_client import CoreClawClient


class ClientSettings(Record):
    """Everything the ext layer adds to a generated client; kept out of reprs.

    A named tuple (``_options.Record``), not a frozen dataclass: as immutable, and made at
    import in a fraction of the time.
    """

    auth: KeyAuth
    policy: RetryPolicy
    sync_read_timeout: float
    max_connections: int
    verify: bool | str
    proxy: str | None
    transport: httpx.BaseTransport | None = None
    async_transport: httpx.AsyncBaseTransport | None = None
    async_backend: AsyncBackend = "httpx"
    sleep: Callable[[float], None] = time.sleep
    async_sleep: Callable[[float], Awaitable[None]] = default_async_sleep
    trust_env: bool = True
    allow_insecure_http: bool = False
    max_body_bytes: int = MAX_BODY_BYTES
    attempt_deadline: float = ATTEMPT_DEADLINE
    # The CA bundle create_client loaded while checking it (SSL_CERT_FILE or verify=<file>),
    # for the httpx transports to use as is; aiohttp keeps its own default context.
    ssl_context: ssl.SSLContext | None = None

    @property
    def httpx_verify(self) -> bool | str | ssl.SSLContext:
        """What the httpx transports get as ``verify``."""
        return self.verify if self.ssl_context is None else self.ssl_context

    def __repr__(self) -> str:
        return f"ClientSettings(auth={self.auth!r}, max_retries={self.policy.max_retries})"


class _Pools:
    """The connection pools a client shares with its copies, and their state.

    ``sync``/``async_`` are the inner transports (httpx's or aiohttp's pools), made on first
    use; ``loop`` is the event loop the async pool belongs to (bound by the first async call);
    ``sync_closed``/``async_closed`` say which kinds of call are refused. ``release_key`` drops
    the key's registration in the redactor: called once both sides are closed, or by the
    garbage collector when the last client of the family is gone.
    """

    __slots__ = (
        "__weakref__",
        "async_",
        "async_closed",
        "lock",
        "loop",
        "release_key",
        "settings",
        "sync",
        "sync_closed",
    )

    def __init__(self, settings: ClientSettings) -> None:
        self.settings = settings
        self.sync: httpx.BaseTransport | None = None
        self.async_: httpx.AsyncBaseTransport | None = None
        self.loop: object | None = None
        self.sync_closed = False
        self.async_closed = False
        self.lock = threading.Lock()
        self.release_key = self._hold_key()

    def _hold_key(self) -> weakref.finalize[Any, Any]:
        release = weakref.finalize(self, self.settings.auth.register())
        release.atexit = False  # nothing to redact after exit
        return release

    def sync_inner(self) -> httpx.BaseTransport:
        """The shared sync pool, made on first use; the caller holds ``lock``."""
        if self.sync is None:
            settings = self.settings
            self.sync = settings.transport or httpx.HTTPTransport(
                verify=settings.httpx_verify,
                limits=_limits(settings.max_connections),
                proxy=settings.proxy,
                trust_env=settings.trust_env,
            )
        return self.sync

    def async_inner(self) -> httpx.AsyncBaseTransport:
        """The shared async pool, made on first use; the caller holds ``lock``."""
        if self.async_ is None:
            self.async_ = self.settings.async_transport or _async_inner(self.settings)
        return self.async_

    def bind_loop(self, loop: object) -> None:
        """Tie the async pool to ``loop``, or refuse a call from any other loop."""
        with self.lock:
            bound = self.loop
            if bound is None:
                self.loop = loop
                return
        if bound is not loop:
            raise EventLoopMismatchError(
                "this client's async connections belong to the event loop that first used "
                f"it, which {'has ended' if _loop_is_closed(bound) else 'is another one'}; "
                "nothing was sent. A client serves one event loop: create it inside the loop "
                "(one per asyncio.run) and close it there (async with, or await "
                "client.aclose())"
            )

    def release_if_closed(self) -> None:
        if self.sync_closed and self.async_closed:
            self.release_key()

    def after_fork(self) -> None:
        """In a forked child: forget the parent's pools (the next call opens fresh ones)."""
        self.lock = threading.Lock()  # the parent's may have been held by a thread now gone
        self.loop = None
        if self.sync is not None and self.sync is not self.settings.transport:
            self.sync = None  # its sockets are the child's copies: closed, never shut down
        if self.async_ is not None and self.async_ is not self.settings.async_transport:
            _INHERITED.append(self.async_)
            self.async_ = None


# Every client alive, copies included, for the fork handler; weak: never keeps one alive.
# Keyed by id, as attrs' eq makes the clients unhashable.
_LIVE: weakref.WeakValueDictionary[int, CoreClawClient] = weakref.WeakValueDictionary()
# A forked child's references to its parent's async pools. They are never closed or collected
# in the child: closing them would unregister the parent's sockets from the epoll instance
# parent and child share, and aiohttp's finalizers would try exactly that.
_INHERITED: list[object] = []


def _closed() -> ClientClosedError:
    return ClientClosedError(
        "this client is closed (close(), aclose() or the end of its with block); nothing was "
        "sent. Make a new one with create_client()"
    )


def _running_loop() -> object | None:
    """The running asyncio loop (or trio run) of this thread, without importing either."""
    asyncio = sys.modules.get("asyncio")
    if asyncio is not None:
        loop: object | None = asyncio.events._get_running_loop()
        if loop is not None:
            return loop
    trio = sys.modules.get("trio")
    if trio is not None:
        try:
            token: object = trio.lowlevel.current_trio_token()
            return token
        except RuntimeError:
            return None
    return None


def _loop_is_closed(loop: object) -> bool:
    is_closed = getattr(loop, "is_closed", None)
    return bool(is_closed()) if callable(is_closed) else False


def _after_fork_in_child() -> None:
    # Parent and child must never read each other's answers off one pooled socket: every
    # client drops the pools it inherited. The sync sockets are closed as they are collected
    # (only the child's copy of each descriptor: nothing is shut down, the parent's
    # connections go on); the async pools are kept aside, untouched (see _INHERITED).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        seen: set[int] = set()
        for client in list(_LIVE.values()):
            pools = client._pools
            if id(pools) not in seen:
                seen.add(id(pools))
                pools.after_fork()
            client._after_fork()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


def _async_inner(settings: ClientSettings) -> httpx.AsyncBaseTransport:
    if settings.async_backend == "aiohttp":
        from ._aiohttp import AiohttpTransport  # noqa: PLC0415 - aiohttp is an optional extra

        # verify=<file>: the context create_client loaded while checking it (not parsed twice);
        # otherwise aiohttp's own default (it reads the system store, SSL_CERT_DIR included).
        verify = settings.ssl_context if isinstance(settings.verify, str) else None
        return AiohttpTransport(
            verify=settings.verify if verify is None else verify,
            max_connections=settings.max_connections,
            proxy=settings.proxy,
        )
    return httpx.AsyncHTTPTransport(
        verify=settings.httpx_verify,
        limits=_limits(settings.max_connections),
        proxy=settings.proxy,
        trust_env=settings.trust_env,
    )


def _limits(max_connections: int) -> httpx.Limits:
    # Keep-alive up to the pool size: with httpx's default of 20, a fan-out of 64 keeps
    # opening and dropping connections.
    return httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)
