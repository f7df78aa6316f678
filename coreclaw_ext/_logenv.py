"""``CORECLAW_LOG=debug|info|warning|error``: the library's log to stderr, without code.

Read once, at the first ``create_client`` that finds it set (only then does this module
load). It adds one stderr handler to the ``coreclaw_ext`` logger (and sets its level) only
when the program has not configured that logger itself, so an application's own logging
setup always wins. Records pass the same redaction filter as
every other ``coreclaw_ext`` log line, so the key never shows.
"""

from __future__ import annotations

import logging
import os
import sys

from ._consts import LOG_ENV, LOGGER_NAME

LEVELS = ("debug", "info", "warning", "error")
_configured = False


def configure_from_env() -> None:
    """Apply ``CORECLAW_LOG`` once per process; a value that is not a level is ignored."""
    global _configured  # noqa: PLW0603 - once per process, on purpose
    if _configured:
        return
    _configured = True
    name = os.environ.get(LOG_ENV, "").strip().lower()
    logger = logging.getLogger(LOGGER_NAME)
    if name not in LEVELS or logger.handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(name.upper())
