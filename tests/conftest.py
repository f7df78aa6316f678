from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.loopback import LoopbackServer

TEST_KEY = "ck_test_0123456789abcdef"


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
