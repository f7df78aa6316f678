"""Reading the notification CoreClaw posts to a run's ``callback_url``.

CoreClaw signs nothing, may send the same notification more than once, and early deployments
sent the run as an integer ``run_id`` instead of ``run_slug``. A receiver should answer 2xx
quickly, deduplicate by ``run_slug``, and read the run detail for the authoritative status.

Anyone who learns the URL can post to it, so the body is untrusted: the slug must be one a
later call can use (``encode_run_id``'s checks: no dot segment, control character, lone
surrogate or absurd length), and error messages show what was sent escaped and shortened.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from coreclaw_api.models.run_callback import RunCallback

from ._paths import encode_run_id
from ._shape import mismatch
from .errors import InvalidCallbackError

_SCHEMA = {"$ref": "RunCallback"}
SLUG_SHOWN_CHARS = 80


def _shown(value: str) -> str:
    """``value`` for a message: escaped (``ascii``) and at most about 80 characters."""
    shown = ascii(value)
    if len(shown) > SLUG_SHOWN_CHARS:
        shown = f"{shown[:SLUG_SHOWN_CHARS]}... ({len(value)} characters)"
    return shown


def parse_run_callback(body: bytes | str | Mapping[str, Any]) -> RunCallback:
    """Parse a callback body (raw bytes, text, or an already-decoded dict) into ``RunCallback``.

    Raises ``InvalidCallbackError`` (a ``ValueError``) for anything that is not a callback.
    """
    if isinstance(body, bytes | bytearray | str):
        try:
            payload = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise InvalidCallbackError(f"callback body is not JSON: {exc}") from None
    elif isinstance(body, Mapping):
        payload = dict(body)
    else:
        raise TypeError(f"callback body must be bytes, str or a dict, not {type(body).__name__}")
    if not isinstance(payload, dict):
        raise InvalidCallbackError("callback body is not a JSON object")
    payload = dict(payload)
    if "run_slug" not in payload and "run_id" in payload:
        legacy = payload.pop("run_id")
        if isinstance(legacy, bool) or not isinstance(legacy, int | str) or legacy == "":
            raise InvalidCallbackError("callback 'run_id' must be a string or an integer")
        try:
            payload["run_slug"] = str(legacy)
        except ValueError:  # an integer of more than 4300 digits
            raise InvalidCallbackError("callback 'run_id' is not a usable integer") from None
    problem = mismatch(payload, _SCHEMA, "callback")
    if problem is not None:
        raise InvalidCallbackError(f"not a run callback: {problem}")
    slug = payload["run_slug"]
    if not slug:
        raise InvalidCallbackError("not a run callback: empty run_slug")
    try:
        encode_run_id(slug)
    except ValueError as exc:
        reason = str(exc).removeprefix("run_id ")
        raise InvalidCallbackError(
            f"callback run_slug {_shown(slug)} cannot name a run: {reason}"
        ) from None
    return RunCallback.from_dict(payload)
