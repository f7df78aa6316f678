"""``create_client``: a generated ``AuthenticatedClient`` wired to the ext layer.

The returned object is a subclass of the generated ``AuthenticatedClient``, so every
generated operation accepts it, sync and async (see ``_coreclaw_client``).

Every setting is checked here, before anything is sent: a key or URL that cannot work, an
environment that would make httpx fail at the first call (a CA file that does not load, a
SOCKS proxy without ``socksio``, a malformed proxy URL), a timeout the socket layer cannot
hold. Such problems raise ``ConfigurationError``; none of its messages shows the key.
"""

from __future__ import annotations

import os
import random
import sys
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import httpx

from ._config import (
    AsyncBackend,
    _check_api_key,
    _check_async_backend,
    _check_base_url,
    _check_headers,
    _check_proxy,
    _check_tls_settings,
    _env_proxy,
    _is_loopback,
)
from ._consts import (
    ATTEMPT_DEADLINE,
    AUTH_MODES,
    BASE_URL_ENV,
    CONNECT_TIMEOUT,
    DEFAULT_BASE_URL,
    DEFAULT_MAX_RETRIES,
    LOG_ENV,
    MAX_BODY_BYTES,
    MAX_CONNECTIONS,
    POOL_TIMEOUT,
    READ_TIMEOUT,
    SYNC_RUN_READ_TIMEOUT,
    WRITE_TIMEOUT,
)
from ._coreclaw_client import CoreClawClient
from ._options import check_max_retries, check_timeout_seconds, to_timeout
from ._pools import ClientSettings, _Pools
from ._retry import RetryPolicy
from ._retry import async_sleep as default_async_sleep
from ._secrets import MASK, AuthMode, KeyAuth
from ._validate import check_bool, check_int
from ._version import __version__
from .errors import ConfigurationError

# Names other modules import from here, some defined in the modules above: strict mypy
# re-exports an imported name only when it is listed.
__all__ = [
    "DEFAULT_TIMEOUT",
    "USER_AGENT",
    "AsyncBackend",
    "ClientSettings",
    "CoreClawClient",
    "_is_loopback",
    "create_client",
]

DEFAULT_TIMEOUT = httpx.Timeout(
    connect=CONNECT_TIMEOUT, read=READ_TIMEOUT, write=WRITE_TIMEOUT, pool=POOL_TIMEOUT
)
USER_AGENT = (
    f"coreclaw-openapi/{__version__} "
    f"(Python {'.'.join(map(str, sys.version_info[:3]))}; httpx {httpx.__version__})"
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
    max_body_bytes: int = MAX_BODY_BYTES,
    attempt_deadline: float = ATTEMPT_DEADLINE,
) -> CoreClawClient:
    """Build a client that every generated operation accepts.

    ``api_key`` falls back to ``CORECLAW_API_KEY``; ``base_url`` to ``CORECLAW_BASE_URL``, then
    ``https://openapi.coreclaw.com``. ``auth`` picks ``Authorization: Bearer`` (default), the
    ``api-key`` header, or the ``token`` query parameter (last resort: URLs end up in logs).
    ``timeout`` defaults to connect 5 s / read 30 s / write 30 s / pool 30 s; synchronous runs
    get a read timeout of ``sync_run_timeout`` (330 s) because the server may wait 300 s.
    Every timeout must be above 0 and at most ``MAX_TIMEOUT`` (one day). ``max_body_bytes``
    (8 MiB, counted after decompression) bounds what one answer may hold and
    ``attempt_deadline`` (120 s) how long one attempt may take from sending to the last byte.
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
    if LOG_ENV in os.environ:  # _logenv loads only for programs that use it
        from ._logenv import configure_from_env  # noqa: PLC0415

        configure_from_env()
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
        # The CA bundle is parsed here, once; the httpx transports reuse the context.
        ssl_context = _check_tls_settings(verify, trust_env) if httpx_used or aiohttp_used else None
        policy = RetryPolicy(
            max_retries=check_max_retries(max_retries),
            retry_unsafe=check_bool("retry_unsafe", retry_unsafe),
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
            ssl_context=ssl_context,
            sleep=sleep if sleep is not None else time.sleep,
            async_sleep=async_sleep if async_sleep is not None else default_async_sleep,
            trust_env=trust_env,
            allow_insecure_http=bool(allow_insecure_http),
            max_body_bytes=check_int("max_body_bytes", max_body_bytes, 1024),
            attempt_deadline=check_timeout_seconds("attempt_deadline", attempt_deadline),
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
