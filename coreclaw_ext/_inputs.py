"""Building a Worker's ``input`` object the way the API expects it.

The API rejects a flat ``input`` (``{"keyword": "coffee"}``) with 400/11000: form fields go
under ``input.parameters.custom`` and platform settings such as the proxy region under
``input.parameters.system``. Conveniences take the form fields flat (``input=``) and build the
object; ``raw_input=`` sends an object exactly as given.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ._validate import check_object, check_text


def build_input(
    input: Mapping[str, Any] | None,
    raw_input: Mapping[str, Any] | None,
    proxy_region: str | None,
    *,
    required: bool = False,
) -> dict[str, Any] | None:
    """The ``input`` to send, or None to send none; bad combinations raise ``ValueError``."""
    if raw_input is not None:
        if input is not None or proxy_region is not None:
            raise ValueError(
                "give either input= (form fields) and proxy_region=, or raw_input= (the whole "
                "input object), not both"
            )
        return check_object("raw_input", raw_input)
    if input is None and proxy_region is None:
        if required:
            raise ValueError("input= (form fields) or raw_input= is required")
        return None
    parameters: dict[str, Any] = {"custom": check_object("input", input or {})}
    if proxy_region is not None:
        parameters["system"] = {"proxy_region": check_text("proxy_region", proxy_region)}
    return {"parameters": parameters}


def check_version(version: object) -> str:
    """A concrete Worker version; ``latest`` is refused by the server (code 50003)."""
    text = check_text("version", version)
    if not text.strip():
        raise ValueError("version must not be empty; omit it to run the latest version")
    if text.strip().lower() == "latest":
        raise ValueError(
            "version 'latest' is refused by the server (50003, version not available): omit "
            "version to run the Worker's latest version, or name a concrete one such as 'v1.2.8'"
        )
    return text
