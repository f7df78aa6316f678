"""``create_client``: a generated ``AuthenticatedClient`` wired to the ext layer.

The returned object is a subclass of the generated ``AuthenticatedClient``, so every
generated operation accepts it, sync and async. It builds its own httpx clients, one sync and
one async, each with its own transport (a single ``httpx_args`` dict would feed a sync
transport to the async client and break it).
"""

from __future__ import annotations

import importlib.util
import os
import random
import sys
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx
from attrs import define
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
from ._options import check_max_retries, to_timeout
from ._retry import RetryPolicy
from ._secrets import MASK, redact_url, register_secret
from ._sleep import async_sleep as default_async_sleep
from ._transport import AsyncCoreClawTransport, CoreClawTransport
from ._validate import check_seconds
from ._version import __version__

AsyncBackend = Literal["httpx", "aiohttp"]
DEFAULT_TIMEOUT = httpx.Timeout(
    connect=CONNECT_TIMEOUT, read=READ_TIMEOUT, write=WRITE_TIMEOUT, pool=POOL_TIMEOUT
)
USER_AGENT = (
    f"coreclaw-openapi/{__version__} "
    f"(Python {'.'.join(map(str, sys.version_info[:3]))}; httpx {httpx.__version__})"
)


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

    def __repr__(self) -> str:
        return f"ClientSettings(auth={self.auth!r}, max_retries={self.policy.max_retries})"


@define(repr=False)
class CoreClawClient(AuthenticatedClient, ResourcesMixin):
    """A generated ``AuthenticatedClient`` with auth, retries, timeouts and error mapping.

    Build it with ``create_client``. ``token`` holds a mask, never the key. Every operation is
    also a method of the resource for its tag: ``client.worker_runs.get(run_id)``,
    ``await client.workers.arun(worker_id, input=...)``.
    """

    _settings: ClientSettings = attrs_field(kw_only=True, alias="settings")

    def get_httpx_client(self) -> httpx.Client:
        if self._client is None:
            settings = self._settings
            inner = settings.transport or httpx.HTTPTransport(
                verify=settings.verify,
                limits=_limits(settings.max_connections),
                proxy=settings.proxy,
            )
            transport = CoreClawTransport(
                inner,
                settings.policy,
                sync_read_timeout=settings.sync_read_timeout,
                sleep=settings.sleep,
            )
            self._client = httpx.Client(transport=transport, **self._httpx_kwargs())
        return self._client

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        if self._async_client is None:
            settings = self._settings
            inner = settings.async_transport or _async_inner(settings)
            transport = AsyncCoreClawTransport(
                inner,
                settings.policy,
                sync_read_timeout=settings.sync_read_timeout,
                sleep=settings.async_sleep,
            )
            self._async_client = httpx.AsyncClient(transport=transport, **self._httpx_kwargs())
        return self._async_client

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

    @property
    def auth_mode(self) -> AuthMode:
        """How the key is sent: ``bearer``, ``api-key`` or ``query``."""
        return self._settings.auth.mode

    @property
    def max_retries(self) -> int:
        return self._settings.policy.max_retries

    def close(self) -> None:
        """Close the sync connection pool (``with client:`` does the same)."""
        if self._client is not None:
            self._client.close()

    async def aclose(self) -> None:
        """Close the async connection pool (``async with client:`` does the same)."""
        if self._async_client is not None:
            await self._async_client.aclose()

    def __repr__(self) -> str:
        return (
            f"CoreClawClient(base_url={redact_url(self._base_url)!r}, auth={self.auth_mode!r}, "
            f"timeout={self._timeout!r}, max_retries={self.max_retries})"
        )


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
        verify=settings.verify, limits=_limits(settings.max_connections), proxy=settings.proxy
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
    raise ValueError(f'async_backend must be "httpx" or "aiohttp", got {backend!r}')


def _limits(max_connections: int) -> httpx.Limits:
    # Keep-alive up to the pool size: with httpx's default of 20, a fan-out of 64 keeps
    # opening and dropping connections.
    return httpx.Limits(max_connections=max_connections, max_keepalive_connections=max_connections)


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        import ipaddress  # noqa: PLC0415 - only plain-http URLs get here; keep it off import time

        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _check_base_url(base_url: str, allow_insecure_http: bool) -> str:
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            f"base_url must be an http(s) URL with a host, got {redact_url(base_url)!r}"
        )
    if parts.query or parts.fragment:
        raise ValueError("base_url must not carry a query or fragment")
    if parts.scheme == "http" and not allow_insecure_http and not _is_loopback(parts.hostname):
        raise ValueError(
            f"refusing to send the API key over plain http to {parts.hostname!r}; use https, "
            "or pass allow_insecure_http=True if this host is trusted"
        )
    return base_url.rstrip("/")


def _check_api_key(api_key: str | None) -> str:
    if api_key is None:
        api_key = os.environ.get(API_KEY_ENV)
        if api_key is None or not api_key.strip():
            raise ValueError(
                f"no API key: pass api_key=... or set the {API_KEY_ENV} environment variable"
            )
        api_key = api_key.strip()
    if not isinstance(api_key, str):
        raise TypeError(f"api_key must be a str, not {type(api_key).__name__}")
    if not api_key:
        raise ValueError("api_key must not be empty")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in api_key):
        raise ValueError("api_key must not contain whitespace or control characters")
    return api_key


def _env_proxy(base_url: str) -> str | None:
    parts = urlsplit(base_url)
    host = parts.hostname or ""
    no_proxy = os.environ.get("NO_PROXY", os.environ.get("no_proxy", ""))
    for entry in (e.strip().lstrip(".") for e in no_proxy.split(",")):
        if entry and (entry in ("*", host) or host.endswith("." + entry)):
            return None
    if _is_loopback(host):
        return None
    for name in (f"{parts.scheme}_proxy", "all_proxy"):
        value = os.environ.get(name.upper()) or os.environ.get(name)
        if value:
            return value
    return None


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
    ``max_retries`` bounds retries per call; run-creating POSTs are retried only when the
    request cannot have reached the server, unless ``retry_unsafe=True``.
    ``async_backend="aiohttp"`` sends async calls through aiohttp (the
    ``coreclaw-openapi[aiohttp]`` extra), several times faster under high concurrency.
    ``transport`` and ``async_transport`` replace the inner httpx transports (a proxy setup,
    ``httpx.MockTransport`` in tests); retries, timeouts and error mapping still wrap them.
    ``jitter``, ``sleep`` and ``async_sleep`` replace the randomness and waiting of retries,
    for deterministic tests.
    """
    if auth not in AUTH_MODES:
        raise ValueError(f"auth must be one of {', '.join(AUTH_MODES)}; got {auth!r}")
    key = _check_api_key(api_key)
    url = _check_base_url(
        base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL, allow_insecure_http
    )
    http_timeout = DEFAULT_TIMEOUT if timeout is None else to_timeout(timeout)
    sync_read = check_seconds("sync_run_timeout", sync_run_timeout)
    if (
        isinstance(max_connections, bool)
        or not isinstance(max_connections, int)
        or max_connections < 1
    ):
        raise ValueError("max_connections must be a positive int")
    register_secret(key)
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
        proxy=proxy if proxy is not None else (_env_proxy(url) if trust_env else None),
        transport=transport,
        async_transport=async_transport,
        async_backend=_check_async_backend(async_backend),
        sleep=sleep if sleep is not None else time.sleep,
        async_sleep=async_sleep if async_sleep is not None else default_async_sleep,
    )
    all_headers = {"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})}
    kwargs: dict[str, Any] = {
        "base_url": url,
        "token": MASK,
        "headers": all_headers,
        "timeout": http_timeout,
        "follow_redirects": follow_redirects,
        "settings": settings,
    }
    return CoreClawClient(**kwargs)
