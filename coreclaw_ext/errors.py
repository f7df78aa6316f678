"""Exceptions raised by coreclaw_ext.

``CoreClawError`` is the base of everything raised for a failed call. ``APIError`` and its
subclasses mean the server answered with an error; ``UnexpectedResponseError`` means the
answer could not be understood; ``APIConnectionError`` and ``APITimeoutError`` mean no usable
answer arrived. The text of every error passes through the key redactor.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._secrets import redact

__all__ = [
    "APIConnectionError",
    "APIError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConfigurationError",
    "CoreClawError",
    "EventLoopMismatchError",
    "InputValidationError",
    "InternalServerError",
    "InvalidCallbackError",
    "NotFoundError",
    "RateLimitError",
    "RunFailedError",
    "RunStartedError",
    "RunWaitTimeout",
    "UnexpectedResponseError",
    "UnprocessableEntityError",
    "WaitInterrupted",
]


def _clean_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    # A server (or a proxy) may echo request data back in headers.
    return {key: redact(value) for key, value in (headers or {}).items()}


class CoreClawError(Exception):
    """Base class of every error raised by coreclaw_ext.

    ``run_started`` is True when the call that failed had already started a run (then
    ``run_slug`` names it, when it is known): starting it again would start a second run.
    """

    run_started: bool = False
    run_slug: str | None = None

    def __init__(self, message: str) -> None:
        self.message = redact(message)
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only fields defeat Exception's default pickling (it calls cls(*args)); Celery,
        # multiprocessing and Airflow move errors between processes, so rebuild from the state.
        return (_rebuild, (type(self), self.args, self.__dict__.copy()))


def _rebuild(cls: type[CoreClawError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    err = cls.__new__(cls)
    err.args = args
    err.__dict__.update(state)
    return err


class APIError(CoreClawError):
    """The server answered with an error: an HTTP status >= 400, or a non-zero application code.

    ``code`` is the application code from the envelope (``None`` when the body was not an
    envelope, such as a proxy's HTML page) and ``code_name`` its key from the code table.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None,
        code: int | None = None,
        code_name: str | None = None,
        request_id: str | None = None,
        details: list[str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.code_name = code_name
        self.request_id = redact(request_id) if request_id is not None else None
        self.details = [redact(item) for item in details] if details is not None else None
        self.headers = _clean_headers(headers)

    def __str__(self) -> str:
        parts = []
        if self.status_code is not None:
            parts.append(f"HTTP {self.status_code}")
        if self.code is not None:
            parts.append(f"code {self.code}" + (f" {self.code_name}" if self.code_name else ""))
        head = ", ".join(parts)
        text = f"{head}: {self.message}" if head else self.message
        if self.request_id:
            text += f" (request_id {self.request_id})"
        return redact(text)


class BadRequestError(APIError):
    """HTTP 400, or application code 11000 (INVALID_ARGUMENT)."""


class AuthenticationError(APIError):
    """HTTP 401, or application codes 12001/12002: the key is missing or not valid."""


class NotFoundError(APIError):
    """HTTP 404, or a not-found application code (11004, 50001, 60001, 70001)."""


class UnprocessableEntityError(APIError):
    """HTTP 422: a field value, page range or request semantic failed validation."""


class RateLimitError(APIError):
    """HTTP 429, or application code 13000. ``retry_after`` is the server's hint in seconds."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class InternalServerError(APIError):
    """HTTP >= 500 (any, 502/503/520/599 included), or codes 10000/14000."""


class UnexpectedResponseError(CoreClawError):
    """The answer was not one the API documents: not an envelope, missing ``data``, wrong types,
    or a status such as 1xx/3xx. ``body_excerpt`` holds the start of the body."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        body_excerpt: str = "",
        request_id: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.body_excerpt = redact(body_excerpt)
        self.request_id = redact(request_id) if request_id is not None else None
        self.headers = _clean_headers(headers)

    def __str__(self) -> str:
        head = f"HTTP {self.status_code}: " if self.status_code is not None else ""
        text = f"{head}{self.message}"
        if self.request_id:
            text += f" (request_id {self.request_id})"
        return redact(text)


class APIConnectionError(CoreClawError):
    """No answer arrived: the connection failed, was reset, or the server broke the protocol."""

    def __init__(self, message: str, *, method: str | None = None, url: str | None = None) -> None:
        super().__init__(message)
        self.method = method
        self.url = redact(url) if url is not None else None


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout ran out (a subclass of ``APIConnectionError``)."""


class RunWaitTimeout(CoreClawError):
    """The wait budget of ``wait_for_run`` ran out; ``last_run`` is the last record seen.

    The run goes on. Raised by a call that started the run (``wait=True``), it has
    ``run_started`` True and ``run_slug`` set.
    """

    def __init__(
        self, message: str, *, run_id: str, last_run: Any = None, waited: float = 0.0
    ) -> None:
        super().__init__(message)
        self.run_id = run_id
        self.last_run = last_run
        self.waited = waited


class RunStartedError(CoreClawError):
    """A call started a run, and a later step of the same call failed.

    The server accepted the start, so the run exists (and may be billed): do not start it
    again; wait for it, read it or abort it by ``run_slug``. ``error`` is the failure that came
    after the start (also the ``__cause__``); ``run_slug`` is None only when the server's slug
    could not be used, and ``raw_slug`` then shows what it sent, escaped and shortened.
    """

    run_started = True

    def __init__(
        self,
        message: str,
        *,
        run_slug: str | None,
        error: BaseException | None = None,
        raw_slug: str | None = None,
    ) -> None:
        super().__init__(message)
        self.run_slug = run_slug
        self.error = error
        self.raw_slug = raw_slug


class InputValidationError(CoreClawError, ValueError):
    """A Worker input does not match the Worker's input schema; nothing was started.

    ``problems`` lists every mismatch as ``InputProblem(path, expected, got, message)``.
    """

    def __init__(self, message: str, *, worker_id: str, problems: list[Any]) -> None:
        super().__init__(message)
        self.worker_id = worker_id
        self.problems = problems


class RunFailedError(CoreClawError):
    """A run this call waited for ended without succeeding (``failed``, ``aborted``, ...).

    ``record`` is the final run record and ``log_tail`` the last lines of its log (empty when
    the log could not be read). The run started: ``run_started`` is True.
    """

    run_started = True

    def __init__(self, message: str, *, record: Any, log_tail: list[str]) -> None:
        super().__init__(message)
        self.record = record
        self.run_slug = getattr(record, "slug", None)
        self.log_tail = [redact(line) for line in log_tail]


class InvalidCallbackError(CoreClawError, ValueError):
    """A body given to ``parse_run_callback`` is not a run status callback."""


class ConfigurationError(CoreClawError, ValueError):
    """A setting cannot work: raised by ``create_client`` (or a per-call option) before
    anything is sent.

    A bad API key (non-ASCII, a byte-order mark, inner whitespace), a base URL with user info,
    control characters, a bad port or a stray ``?``, a ``SSL_CERT_FILE``/``SSL_CERT_DIR`` that
    cannot be loaded, a malformed or unsupported proxy (a SOCKS proxy without ``socksio``), a
    timeout above ``MAX_TIMEOUT``. ``setting`` names the argument or environment variable at
    fault (``"api_key"``, ``"CORECLAW_BASE_URL"``, ``"HTTPS_PROXY"`` ...). The message never
    shows the key, not even part of it. A ``ValueError`` too, so ``except ValueError`` still
    catches what it caught before.
    """

    def __init__(self, message: str, *, setting: str | None = None) -> None:
        super().__init__(message)
        self.setting = setting


class ClientClosedError(CoreClawError, RuntimeError):
    """A call on a client after ``close()``/``aclose()`` or the end of its ``with`` block;
    nothing was sent. A ``RuntimeError`` too, as httpx's own closed-client error is."""


class EventLoopMismatchError(CoreClawError, RuntimeError):
    """An async call from an event loop other than the one that opened the client's async
    connection pool (a second ``asyncio.run``, another thread's loop); nothing was sent.

    Connections belong to the loop that opened them: make one client per event loop and close
    it there (``async with client:`` or ``await client.aclose()``).
    """


class WaitInterrupted(KeyboardInterrupt):
    """Ctrl-C while a call waited for the run it had started; the run goes on.

    A ``KeyboardInterrupt`` (so it stops the program as usual) that carries ``run_slug``, so a
    caller or the CLI can say how to pick the wait up again.
    """

    def __init__(self, run_slug: str) -> None:
        super().__init__(f"interrupted while waiting; run {run_slug} goes on")
        self.run_slug = run_slug

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.run_slug,))
