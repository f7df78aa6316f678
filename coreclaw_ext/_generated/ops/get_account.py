"""``get_account`` and ``aget_account``: get the account.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from coreclaw_api.api.account import get_account as _op
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.account_info import AccountInfo

from ..._options import TimeoutArg, call_scope
from ..._unwrap import acall_op, call_op


def get_account(
    client: AuthenticatedClient, *, timeout: TimeoutArg = None, max_retries: int | None = None
) -> AccountInfo:
    """Get the account.

    ``GET /api/v2/users/account`` (getAccount). A read; repeating it changes nothing.
    """
    with call_scope(timeout, max_retries):
        return call_op(_op, client=client)


async def aget_account(
    client: AuthenticatedClient, *, timeout: TimeoutArg = None, max_retries: int | None = None
) -> AccountInfo:
    """Async twin of ``get_account``."""
    with call_scope(timeout, max_retries):
        return await acall_op(_op, client=client)
