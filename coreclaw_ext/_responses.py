"""The HTTP side of successful calls, for whoever needs it (support tickets, rate headers).

Conveniences return typed ``data``; inside ``capture_responses()`` each call also records the
status, headers and ``request_id`` of its answer, without changing what it returns::

    with cc.capture_responses() as seen:
        run = cc.get_worker_run(client, run_id)
    print(seen.last.request_id, seen.last.status_code)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from ._secrets import redact


@dataclass(frozen=True)
class ResponseInfo:
    """One answer: its HTTP status, headers (redacted) and the envelope's ``request_id``."""

    status_code: int
    request_id: str | None
    headers: Mapping[str, str] = field(repr=False)


class CapturedResponses(list[ResponseInfo]):
    """The answers of the calls made in a ``capture_responses()`` block, in order."""

    @property
    def last(self) -> ResponseInfo | None:
        return self[-1] if self else None


_CURRENT: ContextVar[CapturedResponses | None] = ContextVar("coreclaw_captured", default=None)


@contextmanager
def capture_responses() -> Iterator[CapturedResponses]:
    """Record the status, headers and request id of every successful call in the block."""
    seen = CapturedResponses()
    token = _CURRENT.set(seen)
    try:
        yield seen
    finally:
        _CURRENT.reset(token)


def record(response: Any) -> None:
    """Called by ``call``/``acall`` with each generated ``Response``; cheap when not capturing."""
    seen = _CURRENT.get()
    if seen is None:
        return
    request_id = getattr(response.parsed, "request_id", None)
    seen.append(
        ResponseInfo(
            status_code=int(response.status_code),
            request_id=request_id if isinstance(request_id, str) else None,
            headers={k: redact(v) for k, v in response.headers.items()},
        )
    )
