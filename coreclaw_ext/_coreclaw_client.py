"""``CoreClawClient``: a generated ``AuthenticatedClient`` that the ext layer can drive.

It builds its own httpx clients, one sync and one async, each with its own transport (a
single ``httpx_args`` dict would feed a sync transport to the async client and break it),
over connection pools shared with its copies (see ``_pools``).
"""

from __future__ import annotations

import ssl
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self

import httpx
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.types import _NOTHING, _AttrsFields, _evolve

from ._config import _check_headers
from ._generated import ResourcesMixin
from ._lean import LeanClient
from ._options import check_max_retries, to_timeout
from ._pools import (
    _INHERITED,
    _LIVE,
    ClientSettings,
    _closed,
    _loop_is_closed,
    _Pools,
    _running_loop,
)
from ._secrets import AuthMode, KeyAuth, redact_url
from ._transport import CoreClawTransport
from ._validate import check_bool
from .errors import EventLoopMismatchError


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

    # A plain class, not attrs (attrs costs a program's first call about 15 ms): the same
    # __init__, equality (unhashable) and fields as the attrs class it was, and
    # attrs.fields()/evolve() still work on it through __attrs_attrs__ (imports attrs then).
    __slots__ = ("_own_async_client", "_own_client", "_pools", "_settings")

    _settings: ClientSettings
    _pools: _Pools
    _own_client: httpx.Client | None
    _own_async_client: httpx.AsyncClient | None

    if not TYPE_CHECKING:  # type checkers take the attrs fields of AuthenticatedClient
        __attrs_attrs__ = _AttrsFields(
            ("_settings", "settings", True, True, _NOTHING, None),
            ("_pools", "pools", True, True, _NOTHING, None),
            ("_own_client", "own_client", False, False, None, None),
            ("_own_async_client", "own_async_client", False, False, None, None),
        )

    def __init__(
        self,
        base_url: str,
        token: str,
        prefix: str = "Bearer",
        auth_header_name: str = "Authorization",
        *,
        raise_on_unexpected_status: bool = False,
        cookies: dict[str, str] = _NOTHING,
        headers: dict[str, str] = _NOTHING,
        timeout: httpx.Timeout | None = None,
        verify_ssl: str | bool | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] = _NOTHING,
        settings: ClientSettings,
        pools: _Pools,
    ) -> None:
        super().__init__(
            base_url,
            token,
            prefix,
            auth_header_name,
            raise_on_unexpected_status=raise_on_unexpected_status,
            cookies=cookies,
            headers=headers,
            timeout=timeout,
            verify_ssl=verify_ssl,
            follow_redirects=follow_redirects,
            httpx_args=httpx_args,
        )
        self._settings = settings
        self._pools = pools
        self._own_client = None
        self._own_async_client = None
        _LIVE[id(self)] = self

    def _fields(self) -> tuple[Any, ...]:
        # Equality as attrs made it: every field, the generated client's and these.
        return (
            *super()._fields(),
            self._settings,
            self._pools,
            self._own_client,
            self._own_async_client,
        )

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
                    max_body_bytes=settings.max_body_bytes,
                    attempt_deadline=settings.attempt_deadline,
                )
                client = LeanClient(transport=transport, **self._httpx_kwargs())
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
        # The async classes load with the first async call (a sync program never needs them).
        from ._async_http import AsyncCoreClawTransport, LeanAsyncClient  # noqa: PLC0415

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
                    max_body_bytes=settings.max_body_bytes,
                    attempt_deadline=settings.attempt_deadline,
                )
                client = LeanAsyncClient(transport=transport, **self._httpx_kwargs())
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
            policy = policy._replace(
                max_retries=policy.max_retries
                if max_retries is None
                else check_max_retries(max_retries),
                retry_unsafe=policy.retry_unsafe
                if retry_unsafe is None
                else check_bool("retry_unsafe", retry_unsafe),
            )
            settings = settings._replace(policy=policy)
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
        # Every field of __init__ from this client, but for the changes (attrs.evolve's rule).
        return _evolve(self, **changes)

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


def _auth_parts(headers: dict[str, str], auth: KeyAuth) -> tuple[dict[str, str], KeyAuth | None]:
    # A bearer key can be a default header: httpx masks Authorization in every repr, and a
    # default header costs nothing per request, where an auth flow costs a generator round
    # trip. An api-key header would show in reprs, and a token must go into each URL, so
    # those two go through the auth flow.
    if auth.mode == "bearer":
        return {**headers, "Authorization": auth.header_value}, None
    return headers, auth
