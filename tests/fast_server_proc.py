"""Starting and stopping tests/fast_server.py in a child process."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.request import Request, urlopen

SCRIPT = Path(__file__).with_name("fast_server.py")


class FastServer:
    def __init__(self, url: str) -> None:
        self.url = url

    def stats(self) -> dict[str, Any]:
        with urlopen(f"{self.url}/__stats", timeout=10) as response:  # loopback only
            result: dict[str, Any] = json.loads(response.read())
            return result

    def reset(self) -> None:
        with urlopen(Request(f"{self.url}/__reset", method="POST", data=b""), timeout=10):
            pass


@contextmanager
def fast_server(*, rate_limit: bool = False) -> Iterator[FastServer]:
    args = [sys.executable, str(SCRIPT)] + (["--rate-limit"] if rate_limit else [])
    proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line.startswith("PORT "):
            raise RuntimeError(f"fast_server did not start: {line!r}")
        yield FastServer(f"http://127.0.0.1:{int(line.split()[1])}")
    finally:
        if proc.stdin:
            proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if proc.stdout:
            proc.stdout.close()
