"""From a generated ``Response[...]`` to its typed ``data``, or the mapped error."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

import httpx
from coreclaw_api.types import Unset

from ._mapping import check_response, unexpected
from .errors import CoreClawError, UnexpectedResponseError

# Shapes for type checkers only: Protocol classes cost ~0.1 ms each to make at import,
# and nothing tests against them at run time.
if TYPE_CHECKING:
    from coreclaw_api.models.error_envelope import ErrorEnvelope

    D_co = TypeVar("D_co", covariant=True)
    P_co = TypeVar("P_co", covariant=True)

    class Envelope(Protocol[D_co]):
        """Any generated success envelope: ``code``, ``message`` and typed ``data``."""

        @property
        def code(self) -> int: ...

        @property
        def data(self) -> D_co: ...

    class DetailedResponse(Protocol[P_co]):
        """The shape of the generated ``Response[T]`` that ``unwrap`` reads."""

        @property
        def status_code(self) -> int: ...

        @property
        def content(self) -> bytes: ...

        @property
        def headers(self) -> Any: ...

        @property
        def parsed(self) -> P_co | None: ...

    class Ack(Protocol):
        """A generated success envelope that carries no ``data`` (abort, delete, update)."""

        @property
        def code(self) -> int: ...

    class Operation(Protocol[P_co]):
        """A generated endpoint module: its request (``_get_kwargs``) and its parser.

        Calling these two directly, rather than the module's ``sync_detailed`` and
        ``asyncio_detailed``, keeps sync and async alike except for the one ``await`` of the
        request, and an async call's stack a coroutine shorter.
        """

        def _get_kwargs(self, *args: Any, **kwargs: Any) -> dict[str, Any]: ...

        def _build_response(
            self, *, client: Any, response: httpx.Response
        ) -> DetailedResponse[P_co]: ...


@overload
def unwrap(response: DetailedResponse[ErrorEnvelope | Envelope[D_co]]) -> D_co: ...  # type: ignore[overload-overlap]
@overload
def unwrap(response: DetailedResponse[ErrorEnvelope | Ack]) -> None: ...
def unwrap(response: DetailedResponse[Any]) -> Any:
    """Return the typed ``data`` of a generated ``*_detailed`` response, or raise.

    Works on the result of any generated operation. With a client from ``create_client``
    errors are raised before this point; for other clients the same mapping is applied here.
    """
    parsed = response.parsed
    if parsed is None or _is_error_envelope(parsed):
        # Raises the mapped error; a 2xx the spec does not list (201, 204) lands here too.
        check_response(int(response.status_code), response.headers, response.content)
        raise unexpected(
            f"HTTP {int(response.status_code)} is not a documented answer of this operation",
            int(response.status_code),
            response.headers,
            response.content,
        )
    if parsed.code != 0:
        check_response(int(response.status_code), response.headers, response.content)
    if not hasattr(type(parsed), "data"):
        return None  # an answer the spec types without data
    data = parsed.data
    if isinstance(data, Unset):
        raise unexpected(
            "response envelope lacks 'data'",
            int(response.status_code),
            response.headers,
            response.content,
        )
    return data


def _is_error_envelope(parsed: object) -> bool:
    # Looked up, not imported: with create_client's transport errors never reach a parser, so
    # the error model loads only for clients without it, and none exists until it has loaded.
    module = sys.modules.get("coreclaw_api.models.error_envelope")
    return module is not None and isinstance(parsed, module.ErrorEnvelope)


_PARSER_FRAMES = frozenset({"_parse_response", "_build_response"})
_PARSE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def _parser_response(exc: BaseException) -> httpx.Response | None:
    """The response a generated parser was reading when it raised ``exc``, if it was one.

    Walking the traceback tells a crash of the generated parser (a body of the wrong shape)
    from a mistake in the caller's arguments, which must surface unchanged.
    """
    tb: TracebackType | None = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        module = str(frame.f_globals.get("__name__", ""))
        if frame.f_code.co_name in _PARSER_FRAMES and module.startswith("coreclaw_api.api."):
            response = frame.f_locals.get("response")
            return response if isinstance(response, httpx.Response) else None
        tb = tb.tb_next
    return None


def _parse_failure(exc: BaseException) -> CoreClawError | None:
    response = _parser_response(exc)
    if response is None:
        return None
    try:
        # A client without the ext transport lets error envelopes reach the parser: map them.
        check_response(response.status_code, response.headers, response.content)
    except CoreClawError as mapped:
        return mapped
    return unexpected(
        f"response does not match the spec: {type(exc).__name__}: {exc}",
        response.status_code,
        response.headers,
        response.content,
    )


R = TypeVar("R")


_RESPONSES = f"{__name__.rpartition('.')[0]}._responses"


def _record(response: Any) -> None:
    # Only ``capture_responses`` (in ``_responses``) starts recording: until that module is
    # loaded nothing can be recording, so a program's first call need not load it.
    responses = sys.modules.get(_RESPONSES)
    record = getattr(responses, "record", None)
    if record is not None:
        record(response)


def call(
    func: Callable[..., DetailedResponse[ErrorEnvelope | Envelope[R]]], *args: Any, **kwargs: Any
) -> R:
    """Call a generated ``sync_detailed`` function and ``unwrap`` it.

    Also turns a crash of the generated parser on a body of the wrong shape (a string where an
    object belongs, say) into ``UnexpectedResponseError``.
    """
    try:
        response = func(*args, **kwargs)
    except _PARSE_ERRORS as exc:
        mapped = _parse_failure(exc)
        if mapped is None:
            raise
        raise mapped from exc
    data = unwrap(response)
    _record(response)
    return data


async def acall(
    func: Callable[..., Awaitable[DetailedResponse[ErrorEnvelope | Envelope[R]]]],
    *args: Any,
    **kwargs: Any,
) -> R:
    """Async twin of ``call`` for generated ``asyncio_detailed`` functions."""
    try:
        response = await func(*args, **kwargs)
    except _PARSE_ERRORS as exc:
        mapped = _parse_failure(exc)
        if mapped is None:
            raise
        raise mapped from exc
    data = unwrap(response)
    _record(response)
    return data


def call_op(
    op: Operation[ErrorEnvelope | Envelope[R]], *args: Any, client: Any, **kwargs: Any
) -> R:
    """Send operation ``op``'s request on ``client`` and ``unwrap`` its answer (``call``)."""
    response = client.get_httpx_client().request(**op._get_kwargs(*args, **kwargs))
    return call(op._build_response, client=client, response=response)


async def acall_op(
    op: Operation[ErrorEnvelope | Envelope[R]], *args: Any, client: Any, **kwargs: Any
) -> R:
    """Async twin of ``call_op``."""
    response = await client.get_async_httpx_client().request(**op._get_kwargs(*args, **kwargs))
    return call(op._build_response, client=client, response=response)


def call_op_ack(op: Operation[Any], *args: Any, client: Any, **kwargs: Any) -> None:
    """``call_op`` for an operation whose answer carries no ``data``: None, or the mapped error."""
    call_op(op, *args, client=client, **kwargs)


async def acall_op_ack(op: Operation[Any], *args: Any, client: Any, **kwargs: Any) -> None:
    """Async twin of ``call_op_ack``."""
    await acall_op(op, *args, client=client, **kwargs)


def _started_unreadable(err: UnexpectedResponseError) -> UnexpectedResponseError:
    # A 2xx with code 0 means the server accepted the start: the run probably exists even if
    # its answer cannot be read, so the error must not look like a refused start.
    if err.status_code is not None and 200 <= err.status_code < 300:
        err.run_started = True
    return err


def call_op_start(
    op: Operation[ErrorEnvelope | Envelope[R]], *args: Any, client: Any, **kwargs: Any
) -> R:
    """``call_op`` for an operation that starts runs: an unreadable 2xx answer says it started."""
    try:
        return call_op(op, *args, client=client, **kwargs)
    except UnexpectedResponseError as err:
        raise _started_unreadable(err) from err.__cause__


async def acall_op_start(
    op: Operation[ErrorEnvelope | Envelope[R]], *args: Any, client: Any, **kwargs: Any
) -> R:
    """Async twin of ``call_op_start`` (the request inline: one coroutine fewer per call)."""
    try:
        request = op._get_kwargs(*args, **kwargs)
        response = await client.get_async_httpx_client().request(**request)
        return call(op._build_response, client=client, response=response)
    except UnexpectedResponseError as err:
        raise _started_unreadable(err) from err.__cause__
