"""``list_proxy_regions`` and ``alist_proxy_regions``: list proxy regions.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.proxy import list_proxy_regions as _op
from coreclaw_api.client import AuthenticatedClient, Client
from coreclaw_api.models.proxy_region_list import ProxyRegionList
from coreclaw_api.types import UNSET

from ..._options import TimeoutArg, call_scope
from ..._unwrap import acall_op, call_op
from ..._validate import (
    check_text,
)


def list_proxy_regions(
    client: AuthenticatedClient | Client,
    *,
    language: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> ProxyRegionList:
    """List proxy regions.

    ``GET /api/v2/proxy/region`` (listProxyRegions). A read; repeating it changes nothing.
    """
    _language = UNSET if language is None else check_text("language", language)
    with call_scope(timeout, max_retries):
        return call_op(_op, client=client, language=_language)


async def alist_proxy_regions(
    client: AuthenticatedClient | Client,
    *,
    language: str | None = None,
    timeout: TimeoutArg = None,
    max_retries: int | None = None,
) -> ProxyRegionList:
    """Async twin of ``list_proxy_regions``."""
    _language = UNSET if language is None else check_text("language", language)
    with call_scope(timeout, max_retries):
        return await acall_op(_op, client=client, language=_language)
