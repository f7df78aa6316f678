"""Run the Prism mock server of the CoreClaw spec for the length of a ``with`` block.

    from prism_mock import prism_mock

    with prism_mock("spec/openapi.yaml") as base_url:
        ...  # http://127.0.0.1:<port>, answering with the spec's examples

Prism comes from the project's ``node_modules`` (``make node`` or ``npm ci``). It listens on
a free loopback port, its output goes to a temporary file (the tail of which is shown if it
fails to start), and it is always stopped when the block ends. Run this file directly to keep
a mock running until Ctrl-C.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

import httpx

__all__ = ["REPO_ROOT", "SPEC_PATH", "PrismError", "prism_mock"]

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = REPO_ROOT / "spec" / "openapi.yaml"
PRISM_BIN = REPO_ROOT / "node_modules" / ".bin" / "prism"

START_TIMEOUT = 60.0
"""Seconds Prism gets to answer HTTP; it usually needs one or two."""
POLL_INTERVAL = 0.2
STOP_TIMEOUT = 10.0
"""Seconds Prism gets to exit after SIGTERM before it is killed."""
LOG_TAIL_CHARS = 4000


class PrismError(RuntimeError):
    """Prism is not installed, or it did not start."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port on ``host`` that nothing listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def _log_tail(log: IO[bytes]) -> str:
    log.flush()
    log.seek(0, os.SEEK_END)
    size = log.tell()
    log.seek(max(0, size - LOG_TAIL_CHARS))
    text = log.read().decode("utf-8", errors="replace").strip()
    return text or "(Prism printed nothing)"


def _answers_http(url: str) -> bool:
    try:
        # Any status will do (Prism answers 404 for "/"): the server is up.
        httpx.get(url, timeout=1.0, trust_env=False)
    except httpx.HTTPError:
        return False
    return True


def _signal_group(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    # start_new_session gave Prism a process group of its own, whose id is Prism's pid.
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, sig)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Terminate Prism's process group, wait, and kill it if it lingers."""
    if proc.poll() is None:
        _signal_group(proc, signal.SIGTERM)
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            _signal_group(proc, signal.SIGKILL)
    proc.wait(timeout=STOP_TIMEOUT)


@contextmanager
def prism_mock(
    spec_path: str | os.PathLike[str] = SPEC_PATH,
    *,
    errors: bool = True,
    start_timeout: float = START_TIMEOUT,
) -> Iterator[str]:
    """Start ``prism mock`` on ``spec_path`` and yield its base URL; stop it on exit.

    ``errors`` passes ``--errors``, so that a request violating the spec gets the documented
    error answer (401, 422, ...) instead of a 200; violations are reported either way in the
    ``sl-violations`` response header. Raises ``PrismError`` when Prism is missing, exits early
    or does not answer within ``start_timeout`` seconds.
    """
    if not os.access(PRISM_BIN, os.X_OK):
        raise PrismError(
            f"Prism is not installed ({PRISM_BIN} is missing): run `make node` "
            "(or `npm ci` in the repository root) first"
        )
    spec = Path(spec_path)
    if not spec.is_absolute():
        spec = REPO_ROOT / spec
    if not spec.is_file():
        raise PrismError(f"spec file not found: {spec}")
    host, port = "127.0.0.1", free_port()
    base_url = f"http://{host}:{port}"
    command = [str(PRISM_BIN), "mock", "-h", host, "-p", str(port), str(spec)]
    if errors:
        command.insert(2, "--errors")
    with tempfile.TemporaryFile(prefix="prism-", suffix=".log") as log:
        proc = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"},
            start_new_session=True,  # its own process group, so that _stop reaches any child
        )
        try:
            deadline = time.monotonic() + start_timeout
            while not _answers_http(base_url):
                if proc.poll() is not None:
                    raise PrismError(
                        f"Prism exited with status {proc.returncode} before answering on "
                        f"{base_url}; its output ends with:\n{_log_tail(log)}"
                    )
                if time.monotonic() >= deadline:
                    raise PrismError(
                        f"Prism did not answer on {base_url} within {start_timeout:g} s; "
                        f"its output ends with:\n{_log_tail(log)}"
                    )
                time.sleep(POLL_INTERVAL)
            yield base_url
        finally:
            _stop(proc)


def main() -> int:
    spec = sys.argv[1] if len(sys.argv) > 1 else SPEC_PATH
    try:
        with prism_mock(spec) as url:
            print(f"Prism mock of {spec} listening on {url} (Ctrl-C to stop)", flush=True)
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        return 0
    except PrismError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
