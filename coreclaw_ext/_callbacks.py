"""Reading the notification CoreClaw posts to a run's ``callback_url``.

CoreClaw signs nothing, may send the same notification more than once, and early deployments
sent the run as an integer ``run_id`` instead of ``run_slug``. A receiver should answer 2xx
quickly, deduplicate by ``run_slug``, and read the run detail for the authoritative status.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from coreclaw_api.models.run_callback import RunCallback

from ._shape import mismatch
from .errors import InvalidCallbackError

_SCHEMA = {"$ref": "RunCallback"}


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
        payload["run_slug"] = str(legacy)
    problem = mismatch(payload, _SCHEMA, "callback")
    if problem is not None:
        raise InvalidCallbackError(f"not a run callback: {problem}")
    if not payload["run_slug"]:
        raise InvalidCallbackError("not a run callback: empty run_slug")
    return RunCallback.from_dict(payload)
