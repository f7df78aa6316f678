from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, TypeVar

import pytest

import coreclaw_ext as ce
from tests.cli_support import run_cli  # noqa: F401 - a fixture for the CLI tests
from tests.loopback import LoopbackServer
from tests.scripts import ROOT, load_script

TEST_KEY = "ck_test_0123456789abcdef"


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """One Prism mock of spec/openapi.yaml (with --errors) for the whole session."""
    prism = load_script("scripts/prism_mock.py", "coreclaw_scripts_prism_mock")
    with prism.prism_mock(ROOT / "spec" / "openapi.yaml", errors=True) as url:
        yield url


@pytest.fixture(scope="session")
def _loopback() -> Iterator[LoopbackServer]:
    server = LoopbackServer()
    yield server
    server.close()


@pytest.fixture
def server(_loopback: LoopbackServer) -> LoopbackServer:
    _loopback.reset()
    return _loopback


@pytest.fixture(autouse=True)
def _no_env_config(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests decide the key and base URL themselves; a developer's shell must not leak in.
    monkeypatch.delenv("CORECLAW_API_KEY", raising=False)
    monkeypatch.delenv("CORECLAW_BASE_URL", raising=False)


ClientFactory = Callable[..., ce.CoreClawClient]


@pytest.fixture
def make_client(server: LoopbackServer) -> Iterator[ClientFactory]:
    """Build clients against the loopback server (key TEST_KEY, no real sleeping); close them after."""
    made: list[ce.CoreClawClient] = []

    def factory(**kwargs: Any) -> ce.CoreClawClient:
        kwargs.setdefault("base_url", server.url)
        kwargs.setdefault("sleep", lambda _s: None)
        kwargs.setdefault("async_sleep", _no_async_sleep)
        kwargs.setdefault("jitter", lambda: 0.0)
        client = ce.create_client(kwargs.pop("api_key", TEST_KEY), **kwargs)
        made.append(client)
        return client

    yield factory
    for client in made:
        client.close()


T = TypeVar("T")


def arun(client: ce.CoreClawClient, coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` in a fresh event loop and close the client's async pool inside that loop.

    An httpx async pool belongs to the loop that opened its connections, so each
    ``asyncio.run`` gets its own pool: ``_reopen`` (for tests only) lets the closed client
    open a fresh one in the next loop.
    """

    async def main() -> T:
        try:
            return await coro
        finally:
            await client.aclose()
            client._reopen()

    return asyncio.run(main())


async def _no_async_sleep(_seconds: float) -> None:
    return None


@pytest.fixture
def all_logs() -> Iterator[io.StringIO]:
    """Every log record of every logger, at DEBUG, as text (for secret-leak checks)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
