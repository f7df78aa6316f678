"""How much work each section does (profiles) and the list of sections."""

from __future__ import annotations

from dataclasses import dataclass

IN_FLIGHT_LEVELS = (64, 256)  # async calls in flight: the default backend is measured at both
FAST_PATH_IN_FLIGHT = 256  # the aiohttp rows


@dataclass(frozen=True)
class Settings:
    """How much work each section does; see PROFILES."""

    profile: str
    sync_chunk: int  # calls per client per chunk, live server
    sync_rounds: int
    mock_chunk: int  # calls per client per chunk, MockTransport
    mock_rounds: int
    parse_chunk: int
    parse_rounds: int
    async_calls: int  # timed calls per client per round, N in flight
    async_rounds: int
    async_prewarm: int  # untimed calls before each timed chunk (0: one wave of N)
    walk_rows: int  # rows per client per round (pages of 100)
    walk_rounds: int
    import_rounds: int
    cold_rounds: int
    process_warm_up: bool  # one untimed run of each fresh-process probe first
    bytecode_cache: bool  # fresh processes share a private PYTHONPYCACHEPREFIX (see procs)
    memory_first: int  # RSS is read after this many calls ...
    memory_total: int  # ... and after this many
    memory_in_flight: int  # async calls in flight in the memory children
    regen_runs: int
    regen_in_background: bool  # one run beside the other sections (smoke: saves its time)
    build_rounds: int
    sequential_calls: int  # sync calls through one client for the connection count


PROFILES: dict[str, Settings] = {
    "full": Settings(
        "full",
        sync_chunk=20,
        sync_rounds=40,
        mock_chunk=100,
        mock_rounds=40,
        parse_chunk=50,
        parse_rounds=30,
        async_calls=256,
        async_rounds=5,
        async_prewarm=0,
        walk_rows=100_000,
        walk_rounds=4,
        import_rounds=12,
        cold_rounds=20,  # fresh processes vary by ±30 %: 20 pairs put the median within a few %
        process_warm_up=True,
        bytecode_cache=True,
        memory_first=1_000,
        memory_total=10_000,
        memory_in_flight=4,
        regen_runs=3,
        regen_in_background=False,
        build_rounds=12,
        sequential_calls=1_000,
    ),
    "quick": Settings(
        "quick",
        sync_chunk=20,
        sync_rounds=6,
        mock_chunk=60,
        mock_rounds=6,
        parse_chunk=20,
        parse_rounds=8,
        async_calls=256,
        async_rounds=2,
        async_prewarm=0,
        walk_rows=20_000,
        walk_rounds=2,
        import_rounds=3,
        cold_rounds=3,
        process_warm_up=True,
        bytecode_cache=True,
        memory_first=1_000,
        memory_total=4_000,
        memory_in_flight=4,
        regen_runs=1,
        regen_in_background=False,
        build_rounds=3,
        sequential_calls=1_000,
    ),
    # For tests/test_benchmarks_smoke.py: proves the script works, numbers mean nothing.
    "smoke": Settings(
        "smoke",
        sync_chunk=3,
        sync_rounds=2,
        mock_chunk=5,
        mock_rounds=2,
        parse_chunk=2,
        parse_rounds=2,
        async_calls=24,
        async_rounds=1,
        async_prewarm=8,
        walk_rows=300,
        walk_rounds=1,
        import_rounds=1,
        cold_rounds=1,
        process_warm_up=False,
        bytecode_cache=False,
        memory_first=50,
        memory_total=150,
        memory_in_flight=4,
        regen_runs=1,
        regen_in_background=True,
        build_rounds=1,
        sequential_calls=200,
    ),
}

SECTIONS = (
    "sync",
    "mock",
    "async",
    "walk",
    "parse",
    "imports",
    "cold",
    "memory",
    "regen",
    "connections",
    "build",
)
