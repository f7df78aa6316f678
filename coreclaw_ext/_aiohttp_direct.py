"""aiohttp 3.14's request path, without what ``AiohttpTransport``'s calls never use.

``ClientSession._request`` merges headers, starts a total timeout, filters cookies, looks up
auth and netrc, runs traces and middlewares for every request; this transport needs none of
that (httpx-side code has done it, or it is off). ``send_direct`` does the rest, step for step,
with ``_request``'s own exception handling. It relies on aiohttp internals, so it is used only
when ``DIRECT_PATH`` says this aiohttp has them as 3.14 does; anything else goes through
``session.request``.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from aiohttp import ClientRequest
from multidict import CIMultiDict
from yarl import URL


def _no_timer() -> Any:
    """aiohttp's no-op timer (stateless, so one serves every request), or None if this aiohttp
    has none where 3.14 keeps it."""
    try:
        from aiohttp.helpers import TimerNoop  # noqa: PLC0415 - internal, checked here once
    except ImportError:
        return None
    return TimerNoop()


def _direct_path_fits() -> bool:
    """Whether this aiohttp has the internals ``send_direct`` calls, as 3.14 does.

    Any other version (or a 3.14 that changed them) sends through ``session.request``, which
    does the same for this transport's calls with more general-purpose work. A test fails when
    the locked aiohttp no longer fits, so that a new version gets checked against
    ``ClientSession._request`` before the gate is widened.
    """
    if not aiohttp.__version__.startswith("3.14.") or _NO_TIMER is None:
        return False
    import inspect  # noqa: PLC0415 - once, when this module loads (aiohttp has imported it)

    try:
        from aiohttp.client_proto import ResponseHandler  # noqa: PLC0415 - internal

        request_params = inspect.signature(ClientRequest.__init__).parameters
        response_params = inspect.signature(ResponseHandler.set_response_params).parameters
        connect_params = inspect.signature(aiohttp.BaseConnector.connect).parameters
    except (ImportError, TypeError, ValueError):
        return False
    return (
        {
            "headers",
            "skip_auto_headers",
            "data",
            "version",
            "loop",
            "response_class",
            "proxy",
            "proxy_auth",
            "proxy_headers",
            "timer",
            "session",
            "ssl",
            "traces",
            "trust_env",
        }
        <= set(request_params)
        and {
            "timer",
            "skip_payload",
            "read_until_eof",
            "auto_decompress",
            "read_timeout",
            "read_bufsize",
            "timeout_ceil_threshold",
            "max_line_size",
            "max_field_size",
            "max_headers",
        }
        <= set(response_params)
        and {"req", "traces", "timeout"} <= set(connect_params)
    )


_SESSION_ATTRS = (
    "_connector",
    "_loop",
    "_version",
    "_skip_auto_headers",
    "_response_class",
    "_read_bufsize",
    "_max_line_size",
    "_max_field_size",
    "_max_headers",
    "_trace_configs",
    "_middlewares",
    "_default_headers",
    "_default_auth",
    "_base_url",
)


_NO_TIMER = _no_timer()  # no total timeout: httpx's timeouts are per phase
DIRECT_PATH = _direct_path_fits()
"""Whether ``send_direct`` fits this aiohttp."""


async def send_direct(
    session: aiohttp.ClientSession,
    method: str,
    url: URL,
    *,
    headers: list[tuple[str, str]],
    data: bytes | None,
    timeout: aiohttp.ClientTimeout,
    proxy: URL | None,
) -> aiohttp.ClientResponse:
    """What ``session.request`` does for this transport's calls, step for step: no base
    URL, redirects, cookies, auth, traces, middlewares or total timeout, and aiohttp's own
    retry off; only what is left (aiohttp 3.14's ``ClientSession._request``)."""
    req = ClientRequest(
        method,
        url,
        headers=headers,  # copied into the request's own CIMultiDict, as session.request does
        skip_auto_headers=session._skip_auto_headers,
        data=data,
        version=session._version,
        loop=session._loop,
        response_class=session._response_class,
        proxy=proxy,
        proxy_auth=None,
        proxy_headers=None if proxy is None else CIMultiDict(),
        timer=_NO_TIMER,
        session=session,
        ssl=True,  # the connector's setting
        traces=[],
        trust_env=False,
    )
    connector = session._connector
    assert connector is not None
    try:
        try:
            try:
                conn = await connector.connect(req, traces=[], timeout=timeout)
            except TimeoutError as exc:
                raise aiohttp.ConnectionTimeoutError(
                    f"Connection timeout to host {req.url}"
                ) from exc
            protocol = conn.protocol
            assert protocol is not None
            protocol.set_response_params(
                timer=_NO_TIMER,
                skip_payload=method == "HEAD",
                read_until_eof=True,
                auto_decompress=False,
                read_timeout=timeout.sock_read,
                read_bufsize=session._read_bufsize,
                timeout_ceil_threshold=connector._timeout_ceil_threshold,
                max_line_size=session._max_line_size,
                max_field_size=session._max_field_size,
                max_headers=session._max_headers,
            )
            try:
                answer = await req.send(conn)
                try:
                    await answer.start(conn)
                except BaseException:
                    answer.close()
                    raise
            except BaseException:
                conn.close()
                raise
        except aiohttp.ClientError:
            raise
        except OSError as exc:
            if exc.errno is None and isinstance(exc, TimeoutError):
                raise
            raise aiohttp.ClientOSError(*exc.args) from exc
    except BaseException:
        if req._body is not None:
            await req._body.close()
        raise
    if req._body is not None:
        await req._body.close()
    return answer
