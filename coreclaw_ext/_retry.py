"""When to retry, and how long to wait first.

The API has no idempotency key, so a POST that starts a run must not be repeated once the
server may have received it: it would start (and bill) a second run. Such operations are
retried only when the request provably never reached the application: the connection was
never made, no pooled connection was free, or the server said 429 (rejected before any work).
Operations the spec marks idempotent (every GET) are also retried after 5xx, read timeouts and
broken connections.

The default async sleep lives here too: it imports asyncio only when an async call first
waits, so sync-only programs never pay for ``import asyncio`` (about 13 ms; httpx itself does
not import it).
"""

from __future__ import annotations

import random
from collections.abc import Callable

import httpx

from ._consts import DEFAULT_MAX_RETRIES, RETRY_INITIAL_DELAY, RETRY_MAX_DELAY, RETRYABLE_STATUSES
from ._options import Record
from .errors import APIError, RateLimitError

# Failures that happen before a single byte of the request leaves this process.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class RetryPolicy(Record):
    """Retry settings of a client. ``jitter`` returns a float in [0, 1); tests inject a constant.

    A named tuple (``_options.Record``), not a frozen dataclass: as immutable, and made at
    import in a fraction of the time.
    """

    max_retries: int = DEFAULT_MAX_RETRIES
    retry_unsafe: bool = False
    initial_delay: float = RETRY_INITIAL_DELAY
    max_delay: float = RETRY_MAX_DELAY
    jitter: Callable[[], float] = random.random

    def delay(self, retry_index: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``retry_index`` (0-based).

        A server's ``Retry-After`` (already capped) wins; otherwise exponential backoff,
        capped, scaled into [50 %, 100 %) by the jitter so that many clients spread out.
        """
        if retry_after is not None:
            return retry_after
        base = min(self.max_delay, self.initial_delay * (2.0**retry_index))
        return base * (0.5 + 0.5 * self.jitter())


def may_retry_exception(exc: httpx.TransportError, *, safe: bool) -> bool:
    """Whether a transport failure may be retried for an operation of this safety."""
    if isinstance(exc, _NEVER_SENT):
        return True
    return safe


def may_retry_error(err: APIError, *, safe: bool) -> bool:
    """Whether a mapped API error may be retried for an operation of this safety."""
    if isinstance(err, RateLimitError):
        return True  # 429 / 13000: the request was refused before processing
    return safe and err.status_code in RETRYABLE_STATUSES


async def async_sleep(seconds: float) -> None:
    """The default wait between async attempts (``asyncio.sleep``, imported on first use)."""
    import asyncio  # noqa: PLC0415 - deferred on purpose, see the module docstring

    await asyncio.sleep(seconds)
