"""Run in a fresh process by ``memory.py``: current RSS after N and after M calls.

    python memory_child.py MODE URL FIRST TOTAL IN_FLIGHT DECODER

MODE is sync_raw, sync_ext, sync_ext_default, async_raw, async_ext or async_ext_aiohttp.
Every call is a run detail with a distinct 26-character run id. DECODER is passed to
``coreclaw_ext._json.use`` before the first call (the ext modes only, and only where that
module exists), or "default" to leave the library's own setting. RSS is the *current*
resident set size read from ``/proc/self/statm`` after a ``gc.collect()`` (not the peak);
without /proc it falls back to ``resource``'s peak (``ru_maxrss``) and says so. Prints one
JSON line.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import resource
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any, Literal

KEY = "ck_bench_0123456789abcdef"
AUTH = {"Authorization": f"Bearer {KEY}"}


def slug(i: int) -> str:
    """A distinct 26-character run id (Crockford base32 digits) for call ``i``."""
    return f"01KZ{i:022d}"


def rss() -> tuple[float, str]:
    """Resident set size in MiB and where it came from."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20, "current RSS, /proc/self/statm"
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "peak RSS, ru_maxrss"


def mark() -> dict[str, Any]:
    gc.collect()
    value, source = rss()
    return {"rss_mib": value, "source": source, "blocks": sys.getallocatedblocks()}


def pin_decoder(name: str) -> None:
    if name == "default":
        return
    try:
        from coreclaw_ext import _json  # noqa: PLC0415 - only the ext modes load it
    except ImportError:
        return
    _json.use(name)


def run_sync(mode: str, url: str, first: int, total: int) -> list[dict[str, Any]]:
    if mode == "sync_raw":
        import httpx  # noqa: PLC0415 - each mode loads only its own client

        client = httpx.Client(base_url=url, headers=AUTH)

        def call(i: int) -> object:
            return client.get(f"/api/v2/worker-runs/{slug(i)}").json()

        close = client.close
    else:
        import coreclaw_ext as ce  # noqa: PLC0415

        ext = ce.create_client(KEY, base_url=url)

        def call(i: int) -> object:
            return ce.get_worker_run(ext, slug(i))

        close = ext.close
    marks = []
    try:
        for i in range(total):
            call(i)
            if i + 1 in (first, total):
                marks.append(mark())
    finally:
        close()
    return marks


async def run_async(mode: str, url: str, first: int, total: int, k: int) -> list[dict[str, Any]]:
    call: Callable[[int], Awaitable[object]]
    if mode == "async_raw":
        import httpx  # noqa: PLC0415 - each mode loads only its own client

        limits = httpx.Limits(max_connections=k, max_keepalive_connections=k)
        client = httpx.AsyncClient(base_url=url, headers=AUTH, limits=limits)

        async def raw_call(i: int) -> object:
            return (await client.get(f"/api/v2/worker-runs/{slug(i)}")).json()

        call, close = raw_call, client.aclose
    else:
        import coreclaw_ext as ce  # noqa: PLC0415

        backend: Literal["httpx", "aiohttp"] = "aiohttp" if "aiohttp" in mode else "httpx"
        ext = ce.create_client(KEY, base_url=url, max_connections=k, async_backend=backend)

        async def ext_call(i: int) -> object:
            return await ce.aget_worker_run(ext, slug(i))

        call, close = ext_call, ext.aclose

    async def phase(start: int, stop: int) -> None:
        ids = iter(range(start, stop))  # shared by k workers: k calls in flight, no task pile

        async def worker() -> None:
            for i in ids:
                await call(i)

        await asyncio.gather(*(worker() for _ in range(k)))

    try:
        await phase(0, first)
        marks = [mark()]
        await phase(first, total)
        marks.append(mark())
    finally:
        await close()
    return marks


def main() -> None:
    mode, url = sys.argv[1], sys.argv[2]
    first, total, k = (int(a) for a in sys.argv[3:6])
    if "ext" in mode:
        pin_decoder(sys.argv[6])
    started = time.perf_counter()
    if mode.startswith("sync"):
        marks = run_sync(mode.removesuffix("_default"), url, first, total)
    else:
        marks = asyncio.run(run_async(mode, url, first, total, k))
    decoder = sys.modules.get("coreclaw_ext._json")  # never imported here for the raw modes
    result = {
        "mode": mode,
        "marks": marks,
        "seconds": time.perf_counter() - started,
        "decoder": str(decoder.current()) if decoder is not None else None,
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
