"""The default async sleep, importing asyncio only when an async call first waits.

Sync-only programs then never pay for ``import asyncio`` (about 13 ms here); httpx itself
does not import it.
"""

from __future__ import annotations


async def async_sleep(seconds: float) -> None:
    import asyncio  # noqa: PLC0415 - deferred on purpose, see the module docstring

    await asyncio.sleep(seconds)
