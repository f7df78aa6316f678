"""The command line run in-process against the loopback server, for the CLI tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from coreclaw_ext import cli
from tests.loopback import LoopbackServer

KEY = "ck_cli_CANARY_123456789"


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def assert_no_key(*texts: str) -> None:
    for text in texts:
        assert KEY not in text


@pytest.fixture
def run_cli(server: LoopbackServer, capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """``main(["--base-url", <loopback>, *args])`` in-process; the output, checked for the key."""

    def run(*args: str, base_url: str | None = None) -> Result:
        capsys.readouterr()
        code = cli.main(["--base-url", base_url or server.url, *args])
        out, err = capsys.readouterr()
        assert_no_key(out, err)
        return Result(code, out, err)

    return run
