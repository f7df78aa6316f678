"""Defaults of the ext layer, gathered in one place; each says why it has its value."""

from typing import Final

DEFAULT_BASE_URL: Final = "https://openapi.coreclaw.com"
"""Production API host; every v2 path starts with ``/api/v2``."""

API_KEY_ENV: Final = "CORECLAW_API_KEY"
"""Environment variable read when ``create_client`` gets no ``api_key``."""

BASE_URL_ENV: Final = "CORECLAW_BASE_URL"
"""Environment variable read when ``create_client`` gets no ``base_url``."""

LOG_ENV: Final = "CORECLAW_LOG"
"""Environment variable naming a log level (``debug``, ``info``, ...) for the library's log to
stderr; read at the first ``create_client``."""

AUTH_MODES: Final = ("bearer", "api-key", "query")
"""Ways to send the key, best first: a header masked by httpx, a custom header, a URL parameter."""

CONNECT_TIMEOUT: Final = 5.0
"""Seconds to open a TCP+TLS connection; a healthy API host answers well within this."""

READ_TIMEOUT: Final = 30.0
"""Seconds to wait for response bytes on ordinary calls."""

WRITE_TIMEOUT: Final = 30.0
"""Seconds to send a request body; bodies here are small JSON documents."""

POOL_TIMEOUT: Final = 30.0
"""Seconds to wait for a free pooled connection when every one is busy."""

SYNC_RUN_READ_TIMEOUT: Final = 330.0
"""Read timeout for ``is_async=false`` runs: the server waits up to 300 s, plus a margin."""

DEFAULT_MAX_RETRIES: Final = 2
"""Retries after the first attempt, so three attempts in all."""

RETRY_INITIAL_DELAY: Final = 0.5
"""Seconds before the first retry; doubled for each further retry."""

RETRY_MAX_DELAY: Final = 8.0
"""Upper bound of one backoff delay computed by the client."""

RETRY_AFTER_MAX: Final = 60.0
"""Upper bound applied to a server's ``Retry-After``, so a hostile value cannot park a caller."""

RETRYABLE_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
"""Statuses that mean "try again later" for operations that are safe to repeat."""

MAX_CONNECTIONS: Final = 100
"""Pool size; keep-alive connections are allowed up to the same number so they are not churned."""

ERROR_EXCERPT_CHARS: Final = 200
"""Length of the body excerpt kept in errors whose body is not an envelope (an HTML page, say)."""

LOGGER_NAME: Final = "coreclaw_ext"
"""Name of the logger the ext layer writes to."""

POLL_INTERVALS: Final = (2.0, 5.0, 10.0, 15.0)
"""Seconds between run-detail polls, as the API docs advise: 2, 5, 10, then 15 s repeating."""

DEFAULT_WAIT_TIMEOUT: Final = 3600.0
"""Wait budget of ``wait_for_run``: how long to keep polling, independent of HTTP timeouts."""

NOT_FOUND_GRACE: Final = 10.0
"""Seconds after a wait starts during which a 404 for the run is polled through: a run just
created may not be visible to every replica yet."""

TERMINAL_STATUSES: Final = frozenset({"succeeded", "failed", "aborted"})
"""Run statuses that will not change again. ``aborting`` is not final; ``aborted`` is not in the
documented set but is treated as final if the server ever sends it."""

RESULTS_PAGE_SIZE: Final = 100
"""Rows per page when iterating results: the API's maximum, so the fewest requests."""

ENCODED_ID_CACHE_SIZE: Final = 256
"""Checked Worker and run ids remembered per kind, so a repeated id is not checked again."""

CACHED_ID_MAX_CHARS: Final = 128
"""Longest id the id caches keep: real slugs are 26 characters, so the caches stay small
(at most ``ENCODED_ID_CACHE_SIZE`` x this per kind) whatever ids a program passes."""

ID_MAX_ENCODED_BYTES: Final = 1024
"""Longest percent-encoded id accepted in a path; servers and proxies refuse URLs of a few KB."""

MAX_BODY_BYTES: Final = 8 * 1024 * 1024
"""Largest response body read, counted after decompression: a page holds at most 100 rows,
a few hundred KB at worst, so 8 MiB leaves room and still bounds a hostile or broken server."""

ATTEMPT_DEADLINE: Final = 120.0
"""Seconds one attempt may take from sending to the last body byte on ordinary calls. The
read timeout is per chunk, so without this a body trickled a byte at a time never times out.
Synchronous runs get ``SYNC_RUN_READ_TIMEOUT`` plus this margin instead."""

INPUT_SCHEMA_CACHE_SECONDS: Final = 300.0
"""How long a fetched Worker input schema is reused by ``validate=True`` starts: a batch of
starts of one Worker fetches it once, and a Worker's new version is seen within minutes."""

INPUT_SCHEMA_CACHE_SIZE: Final = 256
"""Worker input schemas kept at most (per process), so the cache cannot grow without bound."""

ABORT_WAIT_TIMEOUT: Final = 120.0
"""Default budget of ``abort_run(wait=True)``: an accepted abort usually lands in seconds, and
the docs warn a run may stay ``aborting``, so the wait ends with a clear error, not an hour."""

ABORT_POLL_INTERVALS: Final = (1.0, 2.0, 5.0)
"""Seconds between run-detail polls after an abort (then 5 s repeating)."""

LOG_TAIL_LINES: Final = 20
"""Log lines ``RunFailedError`` carries from the end of a failed run's summary log."""

MAX_TIMEOUT: Final = 86400.0
"""Largest timeout accepted, in seconds (one day), for every part of ``timeout``,
``sync_run_timeout`` and per-call timeouts. Python's socket and lock timeouts are 64-bit
nanoseconds: past ``threading.TIMEOUT_MAX`` (about 9.2e9 s) ``socket.settimeout`` raises
``OverflowError`` at the first call. Long before that a timeout stops being a bound at all;
the longest wait the API has is the 300 s of a synchronous run."""
