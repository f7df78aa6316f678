"""Paired, interleaved, rotated timing: sync chunks and async fan-outs."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

from .common import rotated

T = TypeVar("T")
SyncCall = Callable[[int], object]
AsyncCall = Callable[[int], Awaitable[object]]


@dataclass
class Samples:
    """Per-round, per-call seconds of one client."""

    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)


def interleave_sync(calls: dict[str, SyncCall], chunk: int, rounds: int) -> dict[str, Samples]:
    """Run each client ``chunk`` times per round, alternating, rotating the order each round."""
    names = list(calls)
    for name in names:  # warm-up: connections, caches, lazily built clients
        for i in range(max(chunk, 3)):
            calls[name](i)
    result = {name: Samples() for name in names}
    for rnd in range(rounds):
        for name in rotated(names, rnd):
            call = calls[name]
            gc.collect()
            cpu0, wall0 = time.process_time(), time.perf_counter()
            for i in range(chunk):
                call(i)
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            result[name].cpu.append(cpu / chunk)
            result[name].wall.append(wall / chunk)
    return result


def timed(work: Callable[[], T]) -> tuple[float, float, T]:
    """``work()`` once after a ``gc.collect()``: (wall, cpu) seconds and its result."""
    gc.collect()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    result = work()
    return time.perf_counter() - wall0, time.process_time() - cpu0, result


async def fan_out(call: AsyncCall, total: int, in_flight: int) -> tuple[float, float]:
    """``total`` calls, at most ``in_flight`` at once (a semaphore); (wall, cpu) seconds."""
    gate = asyncio.Semaphore(in_flight)

    async def one(i: int) -> None:
        async with gate:
            await call(i)

    gc.collect()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(total)))
    return time.perf_counter() - wall0, time.process_time() - cpu0
