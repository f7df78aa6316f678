"""One page of result rows without models: what the generated rows iterators fetch.

Each page is fetched with the generated endpoint's own request (``_get_kwargs``) on the
client's httpx client, and the rows are taken from the envelope the transport already decoded
and checked against the spec (``_mapping.check_response``, ``_shape``), the very dicts
``json.loads`` made (or a faster decoder with identical results, see ``_json``). Retries,
timeouts and error mapping are the transport's, so they are those of every other call. A
response the transport did not check (a client without it) or an answer other than the
documented one goes through the generated parser and ``unwrap`` instead, as a model
iterator's page would.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Any

from ._transport import ParsedResponse
from ._unwrap import _record as record
from ._unwrap import call

_DOCUMENTED_STATUS = 200
"""The success status of every operation with ``data`` (the one scripts/ext_model.py reads)."""


def page_data(op: ModuleType, client: Any, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Send the generated request ``kwargs`` of operation module ``op``; return ``data``."""
    response = client.get_httpx_client().request(**kwargs)
    return _data(op, client, response)


async def apage_data(op: ModuleType, client: Any, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Async twin of ``page_data``."""
    response = await client.get_async_httpx_client().request(**kwargs)
    return _data(op, client, response)


def _data(op: ModuleType, client: Any, response: Any) -> dict[str, Any]:
    if isinstance(response, ParsedResponse) and response.status_code == _DOCUMENTED_STATUS:
        # The transport accepted it: a JSON envelope with code 0, whose data matched the
        # spec's shape (a page whose rows are all objects, integers where they belong).
        payload = response.json()
        data = payload.get("data")
        if type(data) is dict:
            record(_Answer(response, payload))  # for capture_responses(), as every call does
            return data
    # Not checked by our transport (a plain generated client, or an httpx client set by
    # hand), or not the documented answer: the generated parser and ``unwrap`` decide, with
    # the errors a model iterator's page would raise.
    page = call(op._build_response, client=client, response=response)
    return page.to_dict()  # type: ignore[no-any-return]


class _Answer:
    """What ``record`` (``capture_responses``) reads off a generated ``Response``."""

    __slots__ = ("headers", "request_id", "status_code")

    def __init__(self, response: Any, payload: dict[str, Any]) -> None:
        self.status_code = response.status_code
        self.headers = response.headers
        self.request_id = payload.get("request_id")

    @property
    def parsed(self) -> _Answer:
        return self
