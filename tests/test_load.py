"""2,000 async reruns, 100 in flight, against a server (own process) that refuses 10 % with 429."""

from __future__ import annotations

import asyncio
import gc
import time
import warnings

import coreclaw_ext as ce
from tests.conftest import ClientFactory
from tests.fast_server_proc import fast_server

TOTAL = 2000
IN_FLIGHT = 100


async def _short_sleep(seconds: float) -> None:
    await asyncio.sleep(min(seconds, 0.01))


def test_fan_out_with_rate_limits(make_client: ClientFactory) -> None:
    with fast_server(rate_limit=True) as server:
        client = make_client(
            base_url=server.url, async_sleep=_short_sleep, max_connections=IN_FLIGHT
        )

        async def main() -> list[str]:
            gate = asyncio.Semaphore(IN_FLIGHT)

            async def one(i: int) -> str:
                async with gate:
                    return (await ce.arerun_worker_last_run(client, f"w-{i}")).run_slug

            try:
                return await asyncio.gather(*(one(i) for i in range(TOTAL)))
            finally:
                await client.aclose()

        started = time.monotonic()
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            slugs = asyncio.run(main())
            gc.collect()
        elapsed = time.monotonic() - started
        stats = server.stats()

    assert slugs == [f"run-w-{i}" for i in range(TOTAL)]
    assert stats["limited"] == TOTAL // 10
    assert stats["requests"] == TOTAL + TOTAL // 10 + 1  # + the stats request itself
    assert stats["accepted"] == TOTAL and stats["accepted_workers"] == TOTAL
    assert stats["duplicates"] == 0
    assert [w for w in caught if issubclass(w.category, ResourceWarning)] == []
    assert elapsed < 60
