"""``create_client``: a generated ``AuthenticatedClient`` wired to the ext layer.

The returned object is a subclass of the generated ``AuthenticatedClient``, so every
generated operation accepts it, sync and async. It builds its own httpx clients, one sync and
one async, each with its own transport (a single ``httpx_args`` dict would feed a sync
transport to the async client and break it).

Every setting is checked here, before anything is sent: a key or URL that cannot work, an
environment that would make httpx fail at the first call (a CA file that does not load, a
SOCKS proxy without ``socksio``, a malformed proxy URL), a timeout the socket layer cannot
hold. Such problems raise ``ConfigurationError``; none of its messages shows the key.

Connection pools (the inner httpx or aiohttp transports) live in a ``_Pools`` object that a
client shares with its copies (``with_options``, ``with_headers``, ``with_cookies``,
``with_timeout``); each copy has its own httpx client on top, with its own headers, timeout
and retry policy. The async pool belongs to the event loop that first used it; a forked child
never uses its parent's pools.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import random
import sys
import threading
import time
import warnings
import weakref
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Self
from urllib.parse import urlsplit

import httpx
from attrs import define, evolve
from attrs import field as attrs_field
from coreclaw_api.client import AuthenticatedClient

from ._auth import AuthMode, KeyAuth
from ._consts import (
    API_KEY_ENV,
    AUTH_MODES,
    BASE_URL_ENV,
    CONNECT_TIMEOUT,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    MAX_CONNECTIONS,
    POOL_TIMEOUT,
    READ_TIMEOUT,
    SYNC_RUN_READ_TIMEOUT,
    WRITE_TIMEOUT,
)
from ._generated.resources import ResourcesMixin
from ._logenv import configure_from_env as configure_logging_from_env
from ._options import check_max_retries, check_timeout_seconds, to_timeout
from ._retry import RetryPolicy
from ._secrets import MASK, redact_url
from ._sleep import async_sleep as default_async_sleep
from ._transport import AsyncCoreClawTransport, CoreClawTransport
from ._validate import check_bool
from ._version import __version__
from .errors import ClientClosedError, ConfigurationError, EventLoopMismatchError

AsyncBackend = Literal["httpx", "aiohttp"]
DEFAULT_TIMEOUT = httpx.Timeout(
    connect=CONNECT_TIMEOUT, read=READ_TIMEOUT, write=WRITE_TIMEOUT, pool=POOL_TIMEOUT
)
USER_AGENT = (
    f"coreclaw-openapi/{__version__} "
    f"(Python {'.'.join(map(str, sys.version_info[:3]))}; httpx {httpx.__version__})"
)
_SOCKS_SCHEMES = ("socks5", "socks5h")
_PROXY_SCHEMES = ("http", "https", *_SOCKS_SCHEMES)


@dataclass(frozen=True, slots=True)
class ClientSettings:
    """Everything the ext layer adds to a generated client; kept out of reprs."""

    auth: KeyAuth
    policy: RetryPolicy
    sync_read_timeout: float
    max_connections: int
    verify: bool | str
    proxy: str | None
    transport: httpx.BaseTransport | None = None
    async_transport: httpx.AsyncBaseTransport | None = None
    async_backend: AsyncBackend = "httpx"
    sleep: Callable[[float], None] = field(default=time.sleep)
    async_sleep: Callable[[float], Awaitable[None]] = field(default=default_async_sleep)
    trust_env: bool = True
    allow_insecure_http: bool = False

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
                verify=settings.verify,
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


@define(repr=False)
class CoreClawClient(AuthenticatedClient, ResourcesMixin):
    """A generated ``AuthenticatedClient`` with auth, retries, timeouts and error mapping.

    Build it with ``create_client``. ``token`` holds a mask, never the key. Every operation is
    also a method of the resource for its tag: ``client.worker_runs.get(run_id)``,
    ``await client.workers.arun(worker_id, input=...)``.

    A client is safe to share between threads. Its async side serves one event loop: the loop
    of its first async call (another loop gets ``EventLoopMismatchError``, nothing sent).
    After ``os.fork()`` the child opens its own connections. A closed client refuses every
    call with ``ClientClosedError``, before sending.
    """

    _settings: ClientSettings = attrs_field(kw_only=True, alias="settings")
    _pools: _Pools = attrs_field(kw_only=True, alias="pools")
    _own_client: httpx.Client | None = attrs_field(default=None, init=False)
    _own_async_client: httpx.AsyncClient | None = attrs_field(default=None, init=False)

    def __attrs_post_init__(self) -> None:
        _LIVE[id(self)] = self

    # --- the httpx clients the generated functions call -----------------------------------

    def get_httpx_client(self) -> httpx.Client:
        """The sync httpx client, built on first use over the shared pool.

        ``ClientClosedError`` once the client is closed (every generated sync function calls
        this before sending).
        """
        client = self._client
        if client is None or client.is_closed or self._pools.sync_closed:
            client = self._open_sync()
        return client

    def _open_sync(self) -> httpx.Client:
        pools = self._pools
        with pools.lock:
            client = self._client
            if pools.sync_closed or (client is not None and client.is_closed):
                raise _closed()
            if client is None:
                settings = self._settings
                transport = CoreClawTransport(
                    pools.sync_inner(),
                    settings.policy,
                    sync_read_timeout=settings.sync_read_timeout,
                    sleep=settings.sleep,
                )
                client = httpx.Client(transport=transport, **self._httpx_kwargs())
                self._client = self._own_client = client
        return client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """The async httpx client, built on first use over the shared pool.

        Every generated async function calls this before sending, so this is where a call on
        a closed client (``ClientClosedError``) or from a second event loop
        (``EventLoopMismatchError``) is refused.
        """
        pools = self._pools
        if pools.async_closed:
            raise _closed()
        loop = _running_loop()
        if loop is not None and pools.loop is not loop:
            pools.bind_loop(loop)
        client = self._async_client
        if client is None or client.is_closed:
            client = self._open_async()
        return client

    def _open_async(self) -> httpx.AsyncClient:
        pools = self._pools
        with pools.lock:
            client = self._async_client
            if pools.async_closed or (client is not None and client.is_closed):
                raise _closed()
            if client is None:
                settings = self._settings
                transport = AsyncCoreClawTransport(
                    pools.async_inner(),
                    settings.policy,
                    sync_read_timeout=settings.sync_read_timeout,
                    sleep=settings.async_sleep,
                )
                client = httpx.AsyncClient(transport=transport, **self._httpx_kwargs())
                self._async_client = self._own_async_client = client
        return client

    def _httpx_kwargs(self) -> dict[str, Any]:
        """Settings shared by the sync and the async httpx client."""
        headers, auth = _auth_parts(self._headers, self._settings.auth)
        return {
            "base_url": self._base_url,
            "headers": headers,
            "cookies": self._cookies,
            "timeout": self._timeout,
            "follow_redirects": self._follow_redirects,
            "auth": auth,
            "trust_env": False,
        }

    # --- copies ---------------------------------------------------------------------------

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> CoreClawClient:
        """A copy with another timeout, retry count or unsafe-retry policy (None: keep).

        This client is not changed. The copy keeps everything else (key and auth mode,
        headers, the long synchronous-run tier, redaction, error mapping) and shares this
        client's connection pools, so making one costs no new connections: use it for a
        group of calls, ``client.with_options(timeout=120).workers.run(...)``. Client and
        copies close together (closing any of them closes the pools).
        """
        settings = self._settings
        if max_retries is not None or retry_unsafe is not None:
            policy = settings.policy
            policy = dataclasses.replace(
                policy,
                max_retries=policy.max_retries
                if max_retries is None
                else check_max_retries(max_retries),
                retry_unsafe=policy.retry_unsafe
                if retry_unsafe is None
                else check_bool("retry_unsafe", retry_unsafe),
            )
            settings = dataclasses.replace(settings, policy=policy)
        if timeout is None:
            return self._copy(settings=settings)
        return self._copy(settings=settings, timeout=to_timeout(timeout))

    def with_timeout(self, timeout: float | httpx.Timeout) -> CoreClawClient:
        """A copy with another default timeout (checked like ``create_client``'s).

        Unlike the generated method, this client and its open httpx clients are left alone;
        the copy shares the connection pools (see ``with_options``).
        """
        return self._copy(timeout=to_timeout(timeout))

    def with_headers(self, headers: Mapping[str, str]) -> CoreClawClient:
        """A copy that also sends ``headers``; this client is not changed.

        The copy shares the connection pools (see ``with_options``). The key is still sent by
        the auth mode: an ``Authorization`` header given here is replaced in bearer mode, and
        the ``api-key`` header or ``token`` parameter is set per request.
        """
        extra = _check_headers("headers", headers)
        return self._copy(headers={**self._headers, **extra})

    def with_cookies(self, cookies: Mapping[str, str]) -> CoreClawClient:
        """A copy that also sends ``cookies``; this client is not changed (shared pools)."""
        extra = _check_headers("cookies", cookies)
        return self._copy(cookies={**self._cookies, **extra})

    def _copy(self, **changes: Any) -> CoreClawClient:
        changes.setdefault("headers", dict(self._headers))
        changes.setdefault("cookies", dict(self._cookies))
        return evolve(self, **changes)

    # --- lifetime -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the sync connection pool; later calls raise ``ClientClosedError``.

        ``with client:`` does the same at the end of the block. Async calls stay possible
        only if the async pool is already open (close it with ``aclose()``); otherwise the
        whole client is closed. Copies made with ``with_options`` & co. close with it.
        """
        pools = self._pools
        with pools.lock:
            pools.sync_closed = True
            if pools.async_ is None and self._async_client is None:
                pools.async_closed = True
            inner, pools.sync = pools.sync, None
        client = self._client
        if client is not None:
            client.close()  # closes the inner pool too when the client is ours
        if inner is not None and (client is None or client is not self._own_client):
            inner.close()
        pools.release_if_closed()

    async def aclose(self) -> None:
        """Close the async connection pool; later calls raise ``ClientClosedError``.

        ``async with client:`` does the same. Call it in the event loop that made the calls.
        Sync calls stay possible only if the sync pool is already open (``close()``).
        """
        pools = self._pools
        loop = _running_loop()
        with pools.lock:
            pools.async_closed = True
            if pools.sync is None and self._client is None:
                pools.sync_closed = True
            inner, pools.async_ = pools.async_, None
            bound = pools.loop
        client = self._async_client
        if (
            bound is not None
            and loop is not None
            and bound is not loop
            and not _loop_is_closed(bound)
        ):
            # Its connections are that loop's, which still runs: touching them from here is
            # not safe. Calls are refused from now on; the sockets stay with that loop.
            pools.release_if_closed()
            raise EventLoopMismatchError(
                "aclose() was called from another event loop than the one this client's "
                "async connections belong to, which still runs; the client is closed, "
                "but close it in its own loop to close its connections"
            )
        if client is not None:
            await client.aclose()
        if inner is not None and (client is None or client is not self._own_async_client):
            await inner.aclose()
        pools.release_if_closed()

    def __enter__(self) -> Self:
        if self._pools.sync_closed:
            raise _closed()
        return self

    def __exit__(self, *args: object, **kwargs: object) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        pools = self._pools
        if pools.async_closed:
            raise _closed()
        loop = _running_loop()
        if loop is not None:
            pools.bind_loop(loop)
        return self

    async def __aexit__(self, *args: object, **kwargs: object) -> None:
        await self.aclose()

    def _after_fork(self) -> None:
        # Only the httpx clients built here: one set with set_httpx_client is the caller's.
        if self._client is not None and self._client is self._own_client:
            self._client = self._own_client = None
        if self._async_client is not None and self._async_client is self._own_async_client:
            _INHERITED.append(self._async_client)
            self._async_client = self._own_async_client = None

    def _reopen(self) -> None:
        """Tests only: let a closed client open fresh pools on its next calls, so one client
        can go through several ``asyncio.run`` calls. A program makes a new client instead."""
        pools = self._pools
        with pools.lock:
            if pools.sync_closed and pools.async_closed:
                pools.release_key = pools._hold_key()
            if pools.sync_closed:
                pools.sync_closed, pools.sync = False, None
                self._client = self._own_client = None
            if pools.async_closed:
                pools.async_closed, pools.async_, pools.loop = False, None, None
                self._async_client = self._own_async_client = None

    @property
    def auth_mode(self) -> AuthMode:
        """How the key is sent: ``bearer``, ``api-key`` or ``query``."""
        return self._settings.auth.mode

    @property
    def max_retries(self) -> int:
        return self._settings.policy.max_retries

    def __repr__(self) -> str:
        return (
            f"CoreClawClient(base_url={redact_url(self._base_url)!r}, auth={self.auth_mode!r}, "
            f"timeout={self._timeout!r}, max_retries={self.max_retries})"
        )


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


def _auth_parts(headers: dict[str, str], auth: KeyAuth) -> tuple[dict[str, str], KeyAuth | None]:
    # A bearer key can be a default header: httpx masks Authorization in every repr, and a
    # default header costs nothing per request, where an auth flow costs a generator round
    # trip. An api-key header would show in reprs, and a token must go into each URL, so
    # those two go through the auth flow.
    if auth.mode == "bearer":
        return {**headers, "Authorization": auth.header_value}, None
    return headers, auth


def _async_inner(settings: ClientSettings) -> httpx.AsyncBaseTransport:
    if settings.async_backend == "aiohttp":
        from ._aiohttp import AiohttpTransport  # noqa: PLC0415 - aiohttp is an optional extra

        return AiohttpTransport(
            verify=settings.verify, max_connections=settings.max_connections, proxy=settings.proxy
        )
    return httpx.AsyncHTTPTransport(
        verify=settings.verify,
        limits=_limits(settings.max_connections),
        proxy=settings.proxy,
        trust_env=settings.trust_env,
    )


def _check_async_backend(backend: str) -> AsyncBackend:
    if backend == "httpx":
        return "httpx"
    if backend == "aiohttp":
        if importlib.util.find_spec("aiohttp") is None:
            raise ImportError(
                'async_backend="aiohttp" needs aiohttp: pip install "coreclaw-openapi[aiohttp]"'
            )
        return "aiohttp"
    raise ConfigurationError(
        f'async_backend must be "httpx" or "aiohttp", got {backend!r}', setting="async_backend"
    )


def _limits(max_connections: int) -> httpx.Limits:
    # Keep-alive up to the pool size: with httpx's default of 20, a fan-out of 64 keeps
    # opening and dropping connections.
    return httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)


def _is_loopback(host: str) -> bool:
    """A loopback address (127.0.0.0/8, ``::1``) or the name ``localhost``, nothing else.

    Only these may get the key over plain http: a name such as ``evil.localhost`` is whatever
    the resolver (or a hosts file, or a proxy) makes of it.
    """
    if host == "localhost":
        return True
    try:
        import ipaddress  # noqa: PLC0415 - only plain-http URLs get here; keep it off import time

        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_local_name(host: str) -> bool:
    # For proxy bypass only: *.localhost names are local by RFC 6761, as curl treats them.
    return host.endswith(".localhost") or _is_loopback(host)


# --- checking the key, the URLs and the environment ---------------------------------------

_CHAR_NAMES = {
    "\r": "a carriage return (\\r)",
    "\n": "a line break (\\n)",
    "\t": "a tab",
    " ": "a space",
    "\ufeff": "a byte-order mark (U+FEFF)",
}


def _bad_char(ch: str) -> str | None:
    """What ``ch`` is if it has no place in a key or URL (whitespace, a control or invisible
    formatting character, a lone surrogate); None otherwise. Names only such characters."""
    name = _CHAR_NAMES.get(ch)
    if name is not None:
        return name
    if ch.isspace():
        return f"a whitespace character (U+{ord(ch):04X})"
    import unicodedata  # noqa: PLC0415 - only for text that failed the fast check

    category = unicodedata.category(ch)
    if category == "Cc":
        return f"a control character (U+{ord(ch):04X})"
    if category == "Cf":
        return f"an invisible formatting character (U+{ord(ch):04X})"
    if category == "Cs":
        return "a lone surrogate"
    return None


def _text_problem(text: str, *, ascii_only: bool) -> str | None:
    """Why ``text`` cannot be a key (``ascii_only``) or a URL, without quoting any of it."""
    if text.isascii() and text.isprintable() and " " not in text:
        return None  # the usual case, checked in C
    for index, ch in enumerate(text):
        what = _bad_char(ch)
        if what is None and ascii_only and not ch.isascii():
            what = "a non-ASCII character"
        if what is None:
            continue
        if index == 0 and ch == "\ufeff":
            return f"starts with {what}: it was read from a file saved as 'UTF-8 with BOM'"
        rest = text[index:]
        if rest in ("\r", "\r\n"):
            return f"ends with {what}: was it read from a file with Windows line endings?"
        if rest == "\n":
            return f"ends with {what}: was it read from a file with its line ending?"
        return f"contains {what} at position {index + 1}"
    return None


def _check_api_key(api_key: object) -> str:
    """The key, stripped of surrounding whitespace; refused if it cannot be sent as given."""
    source = "api_key"
    if api_key is None:
        api_key = os.environ.get(API_KEY_ENV)
        source = API_KEY_ENV
        if api_key is None or not api_key.strip():
            raise ConfigurationError(
                f"no API key: pass api_key=... or set the {API_KEY_ENV} environment variable",
                setting=API_KEY_ENV,
            )
    if not isinstance(api_key, str):
        raise TypeError(f"api_key must be a str, not {type(api_key).__name__}")
    # Surrounding whitespace (a newline from a file, a pasted space) is never part of a key.
    key = str.__str__(api_key).strip()
    if not key:
        raise ConfigurationError("api_key must not be empty", setting=source)
    problem = _text_problem(key, ascii_only=True)
    if problem is not None:
        raise ConfigurationError(
            f"{source} is not a usable API key: it {problem}. Keys are printable ASCII "
            "without spaces (the key itself is not shown)",
            setting=source,
        )
    return key


def _check_base_url(base_url: object, allow_insecure_http: bool, source: str = "base_url") -> str:
    if not isinstance(base_url, str):
        raise TypeError(f"base_url must be a str, not {type(base_url).__name__}")
    problem = _text_problem(base_url, ascii_only=False)
    if problem is not None:
        raise ConfigurationError(f"{source} is not a usable URL: it {problem}", setting=source)
    try:
        parts = urlsplit(base_url)
    except ValueError as exc:  # "Invalid IPv6 URL"
        raise ConfigurationError(f"{source} is not a valid URL ({exc})", setting=source) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(
            f"{source} must be an http(s) URL with a host, got {redact_url(base_url)!r}",
            setting=source,
        )
    if "@" in parts.netloc:
        # httpx would send it as Basic auth in place of the key, and log the password.
        raise ConfigurationError(
            f"{source} must not carry user info (user:password@): the API key is the "
            "credential, sent by the auth mode",
            setting=source,
        )
    try:
        port = parts.port
    except ValueError:
        port = 0
    if port == 0:
        raise ConfigurationError(
            f"{source} has an invalid port: it must be a number from 1 to 65535", setting=source
        )
    if "?" in base_url or "#" in base_url:
        mark = "?" if "?" in base_url else "#"
        raise ConfigurationError(
            f"{source} must not carry a query or fragment (it has a {mark!r})",
            setting=source,
        )
    try:
        httpx.URL(base_url)
    except httpx.InvalidURL as exc:
        raise ConfigurationError(f"{source} is not a valid URL ({exc})", setting=source) from None
    if parts.scheme == "http" and not allow_insecure_http and not _is_loopback(parts.hostname):
        raise ConfigurationError(
            f"refusing to send the API key over plain http to {parts.hostname!r}; use https, "
            "or pass allow_insecure_http=True if this host is trusted (plain http is allowed "
            "without it only to 127.0.0.0/8, ::1 and localhost)",
            setting=source,
        )
    return base_url.rstrip("/")


def _check_headers(name: str, values: Mapping[str, str] | None) -> dict[str, str]:
    """Header (or cookie) names and values that httpx can send; a copy."""
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise TypeError(f"{name} must be a mapping of str to str, not {type(values).__name__}")
    out: dict[str, str] = {}
    for key, value in values.items():
        if not isinstance(key, str) or not isinstance(value, str):
            raise TypeError(f"{name} must map str to str")
        if not key or _text_problem(key, ascii_only=True) is not None or ":" in key:
            raise ValueError(f"{name}: {key[:40]!r} is not a valid name")
        if any(ch in value for ch in "\r\n\x00"):
            raise ValueError(f"{name}: the value of {key[:40]!r} contains a line break or NUL")
        out[key] = value
    return out


def _env_proxy(base_url: str) -> tuple[str, str] | None:
    """The proxy the environment sets for ``base_url``, as (variable, value), or None."""
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    no_proxy = os.environ.get("NO_PROXY", os.environ.get("no_proxy", ""))
    for entry in (e.strip().lstrip(".") for e in no_proxy.split(",")):
        if entry and (entry in ("*", host) or host.endswith("." + entry)):
            return None
    if _is_local_name(host):
        return None
    for name in (f"{parts.scheme}_proxy", "all_proxy"):
        for variable in (name.upper(), name):
            value = os.environ.get(variable)
            if value:
                return variable, value
    return None


def _check_proxy(proxy: object, source: str, *, httpx_used: bool, aiohttp_used: bool) -> str:
    """A proxy URL the transports that will use it can use; refused now, not at first call."""
    if not isinstance(proxy, str):
        raise TypeError(f"proxy must be a str, not {type(proxy).__name__}")
    hint = "" if source == "proxy" else f" (fix or unset {source}, or pass trust_env=False)"
    try:
        scheme = httpx.Proxy(proxy).url.scheme
    except httpx.InvalidURL as exc:
        raise ConfigurationError(
            f"{source} is not a valid proxy URL ({exc}){hint}", setting=source
        ) from None
    except (ValueError, TypeError):
        raise ConfigurationError(
            f"{source} is not an http://, https://, socks5:// or socks5h:// URL{hint}",
            setting=source,
        ) from None
    if scheme in _SOCKS_SCHEMES:
        if httpx_used and importlib.util.find_spec("socksio") is None:
            raise ConfigurationError(
                f"{source} names a SOCKS proxy, which needs the socksio package: "
                f"pip install 'httpx[socks]'{hint}",
                setting=source,
            )
        if aiohttp_used:
            raise ConfigurationError(
                f'{source} names a SOCKS proxy; async_backend="aiohttp" supports http:// and '
                f"https:// proxies only{hint}",
                setting=source,
            )
    return proxy


def _check_ca(path: str, setting: str) -> None:
    """Load a CA bundle as httpx will (it reads it when the first pool is made)."""
    import ssl  # noqa: PLC0415 - only when a CA file or directory is configured

    if os.path.isdir(path):
        return  # a directory of hashed certificates: looked up per connection, nothing to load
    what = f"{setting}={path!r}"
    try:
        info = os.stat(path)
        stamp = (path, info.st_ino, info.st_size, info.st_mtime_ns)
        if stamp in _LOADED_CA:
            return  # loaded before, unchanged since: a bundle takes ~15 ms to parse
        ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).load_verify_locations(cafile=path)
    except FileNotFoundError:
        problem = f"{what} names a file that does not exist"
    except PermissionError:
        problem = f"{what} cannot be read (permission denied)"
    except ssl.SSLError:
        problem = f"{what} holds no PEM certificate: it must be a PEM bundle of CA certificates"
    except OSError as exc:
        problem = f"{what} cannot be read ({exc.strerror or type(exc).__name__})"
    else:
        if len(_LOADED_CA) >= 16:
            _LOADED_CA.clear()
        _LOADED_CA.add(stamp)
        return
    raise ConfigurationError(problem, setting=setting)


_LOADED_CA: set[tuple[str, int, int, int]] = set()  # CA bundles that loaded, as they were then


def _check_tls_settings(verify: object, trust_env: bool) -> None:
    if isinstance(verify, str):
        if not os.path.exists(verify):
            raise ConfigurationError(
                f"verify={verify!r} names no file or directory of CA certificates",
                setting="verify",
            )
        _check_ca(verify, "verify")
        return
    if not isinstance(verify, bool):
        ssl = sys.modules.get("ssl")
        if ssl is not None and isinstance(verify, ssl.SSLContext):
            return  # the caller's own context, loaded already
        raise TypeError(f"verify must be a bool or a CA bundle path, not {type(verify).__name__}")
    if not verify or not trust_env:
        return
    # What httpx reads with trust_env (SSL_CERT_FILE wins; then SSL_CERT_DIR).
    cafile = os.environ.get("SSL_CERT_FILE")
    if cafile:
        if os.path.isdir(cafile):
            raise ConfigurationError(
                f"SSL_CERT_FILE={cafile!r} is a directory; a directory of certificates goes in "
                "SSL_CERT_DIR",
                setting="SSL_CERT_FILE",
            )
        _check_ca(cafile, "SSL_CERT_FILE")
        return
    capath = os.environ.get("SSL_CERT_DIR")
    if capath and not os.path.isdir(capath):
        raise ConfigurationError(
            f"SSL_CERT_DIR={capath!r} is not a directory (a single CA bundle file goes in "
            "SSL_CERT_FILE)",
            setting="SSL_CERT_DIR",
        )


def create_client(
    api_key: str | None = None,
    *,
    base_url: str | None = None,
    auth: AuthMode = "bearer",
    timeout: float | httpx.Timeout | None = None,
    sync_run_timeout: float = SYNC_RUN_READ_TIMEOUT,
    max_retries: int = DEFAULT_MAX_RETRIES,
    retry_unsafe: bool = False,
    headers: Mapping[str, str] | None = None,
    max_connections: int = MAX_CONNECTIONS,
    verify: bool | str = True,
    proxy: str | None = None,
    trust_env: bool = True,
    follow_redirects: bool = False,
    allow_insecure_http: bool = False,
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    async_backend: AsyncBackend = "httpx",
    jitter: Callable[[], float] | None = None,
    sleep: Callable[[float], None] | None = None,
    async_sleep: Callable[[float], Awaitable[None]] | None = None,
) -> CoreClawClient:
    """Build a client that every generated operation accepts.

    ``api_key`` falls back to ``CORECLAW_API_KEY``; ``base_url`` to ``CORECLAW_BASE_URL``, then
    ``https://openapi.coreclaw.com``. ``auth`` picks ``Authorization: Bearer`` (default), the
    ``api-key`` header, or the ``token`` query parameter (last resort: URLs end up in logs).
    ``timeout`` defaults to connect 5 s / read 30 s / write 30 s / pool 30 s; synchronous runs
    get a read timeout of ``sync_run_timeout`` (330 s) because the server may wait 300 s.
    Every timeout must be above 0 and at most ``MAX_TIMEOUT`` (one day).
    ``max_retries`` bounds retries per call; run-creating POSTs are retried only when the
    request cannot have reached the server, unless ``retry_unsafe=True``.
    ``async_backend="aiohttp"`` sends async calls through aiohttp (the
    ``coreclaw-openapi[aiohttp]`` extra), several times faster under high concurrency.
    ``transport`` and ``async_transport`` replace the inner httpx transports (a proxy setup,
    ``httpx.MockTransport`` in tests); retries, timeouts and error mapping still wrap them.
    ``trust_env`` (default True) reads ``HTTPS_PROXY``/``HTTP_PROXY``/``ALL_PROXY``,
    ``NO_PROXY``, ``SSL_CERT_FILE`` and ``SSL_CERT_DIR``.
    ``jitter``, ``sleep`` and ``async_sleep`` replace the randomness and waiting of retries,
    for deterministic tests.

    The key is stripped of surrounding whitespace (a trailing newline from a file); any other
    whitespace, a non-ASCII character or a byte-order mark is refused. Everything is checked
    here, before anything is sent: a setting or environment that cannot work raises
    ``ConfigurationError`` (a ``ValueError``) naming the problem, never showing the key.
    ``CORECLAW_LOG=debug`` (or ``info``) sends the library's (redacted) log to stderr.
    """
    configure_logging_from_env()
    if auth not in AUTH_MODES:
        raise ConfigurationError(
            f"auth must be one of {', '.join(AUTH_MODES)}; got {auth!r}", setting="auth"
        )
    key = _check_api_key(api_key)
    try:
        if base_url:
            url = _check_base_url(base_url, allow_insecure_http)
        elif os.environ.get(BASE_URL_ENV):
            url = _check_base_url(os.environ[BASE_URL_ENV], allow_insecure_http, BASE_URL_ENV)
        else:
            url = DEFAULT_BASE_URL
        http_timeout = DEFAULT_TIMEOUT if timeout is None else to_timeout(timeout)
        sync_read = check_timeout_seconds("sync_run_timeout", sync_run_timeout)
        if (
            isinstance(max_connections, bool)
            or not isinstance(max_connections, int)
            or max_connections < 1
        ):
            raise ConfigurationError(
                "max_connections must be a positive int", setting="max_connections"
            )
        backend = _check_async_backend(async_backend)
        all_headers = {
            "User-Agent": USER_AGENT,
            "Accept": "application/json",
            **_check_headers("headers", headers),
        }
        trust_env = check_bool("trust_env", trust_env)
        # What the transports built here will use (a transport passed in is the caller's).
        httpx_used = transport is None or (async_transport is None and backend == "httpx")
        aiohttp_used = async_transport is None and backend == "aiohttp"
        proxy_url: str | None = None
        if proxy is not None:
            proxy_url = _check_proxy(
                proxy, "proxy", httpx_used=httpx_used, aiohttp_used=aiohttp_used
            )
        elif trust_env:
            found = _env_proxy(url)
            if found is not None:
                proxy_url = _check_proxy(
                    found[1], found[0], httpx_used=httpx_used, aiohttp_used=aiohttp_used
                )
        if httpx_used or aiohttp_used:
            _check_tls_settings(verify, trust_env)
        policy = RetryPolicy(
            max_retries=check_max_retries(max_retries),
            retry_unsafe=bool(retry_unsafe),
            jitter=jitter if jitter is not None else random.random,
        )
        settings = ClientSettings(
            auth=KeyAuth(auth, key),
            policy=policy,
            sync_read_timeout=sync_read,
            max_connections=max_connections,
            verify=verify,
            proxy=proxy_url,
            transport=transport,
            async_transport=async_transport,
            async_backend=backend,
            sleep=sleep if sleep is not None else time.sleep,
            async_sleep=async_sleep if async_sleep is not None else default_async_sleep,
            trust_env=trust_env,
            allow_insecure_http=bool(allow_insecure_http),
        )
        kwargs: dict[str, Any] = {
            "base_url": url,
            "token": MASK,
            "headers": all_headers,
            "timeout": http_timeout,
            "follow_redirects": follow_redirects,
            "settings": settings,
            "pools": _Pools(settings),  # registers the key with the redactor
        }
        client = CoreClawClient(**kwargs)
    except ConfigurationError as err:
        # A key pasted into a URL or a proxy setting is not registered with the redactor yet.
        if len(key) >= 8 and key in err.message:
            raise ConfigurationError(err.message.replace(key, MASK), setting=err.setting) from None
        raise
    return client
