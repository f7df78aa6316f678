"""A small, fast HTTP/1.1 server for load tests and benchmarks, run in its own process.

It answers the seed operation (rerun), run detail and a 100-row x 20-column result page with
realistic envelopes, keeps connections alive, counts connections and requests, and can refuse
the first attempt of every tenth rerun with 429 (``--rate-limit``) while recording how many
reruns it accepted per worker, so duplicates are visible. ``GET /__stats`` returns the counts,
``POST /__reset`` clears them. It exits when its stdin closes, so it never outlives its parent.

    python tests/fast_server.py [--rate-limit]   # prints "PORT <n>" once listening
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from typing import Any


def envelope(data: Any, code: int = 0, message: str = "success") -> bytes:
    body: dict[str, Any] = {"code": code, "message": message, "request_id": "req-bench-0001"}
    if data is not None:
        body["data"] = data
    return json.dumps(body, separators=(",", ":")).encode()


RUN = envelope(
    {
        "slug": "01KZAZTK3BEMEDXA54396WMGC2",
        "scraper_slug": "01KPD6M5YQADCQKGVKPDZVYC63",
        "scraper_title": "Google Maps Scraper",
        "version": "v1.2.8",
        "status": "succeeded",
        "results": 100,
        "usage": "0.35",
        "traffic": 2048,
        "origin": "openapi",
        "started_at": 1786001000,
        "finished_at": 1786001041,
        "duration": 41,
    }
)
COLUMNS = [f"field_{i:02d}" for i in range(20)]
PAGE = envelope(
    {
        "count": 100,
        "headers": [{"key": c, "label": c.replace("_", " ").title()} for c in COLUMNS],
        "list": [{c: f"row {r} value {i}" for i, c in enumerate(COLUMNS)} for r in range(100)],
        "page_index": 1,
        "page_size": 100,
    }
)
RATE_LIMITED = envelope(None, code=13000, message="too many requests")


class State:
    def __init__(self, rate_limit: bool) -> None:
        self.rate_limit = rate_limit
        self.reset()

    def reset(self) -> None:
        self.connections = 0
        self.requests = 0
        self.limited = 0
        self.attempts: Counter[str] = Counter()
        self.accepted: Counter[str] = Counter()

    def stats(self) -> bytes:
        duplicates = sum(1 for n in self.accepted.values() if n > 1)
        return json.dumps(
            {
                "connections": self.connections,
                "requests": self.requests,
                "limited": self.limited,
                "accepted": sum(self.accepted.values()),
                "accepted_workers": len(self.accepted),
                "duplicates": duplicates,
            }
        ).encode()


def route(state: State, method: str, path: str) -> tuple[int, bytes]:
    parts = path.split("?", 1)[0].split("/")
    if method == "POST" and path.endswith("/runs/last/rerun"):
        worker = parts[4]
        state.attempts[worker] += 1
        suffix = worker.rsplit("-", 1)[-1]
        if (
            state.rate_limit
            and state.attempts[worker] == 1
            and suffix.isdigit()
            and int(suffix) % 10 == 0
        ):
            state.limited += 1
            return 429, RATE_LIMITED
        state.accepted[worker] += 1
        return 200, envelope({"run_slug": f"run-{worker}"})
    if method == "GET" and path.startswith("/api/v2/worker-runs/"):
        return 200, (PAGE if "/result" in path else RUN)
    if path == "/__stats":
        return 200, state.stats()
    if path == "/__reset" and method == "POST":
        state.reset()
        return 200, b"{}"
    return 404, envelope(None, code=11004, message="not found")


REASONS = {200: b"OK", 404: b"Not Found", 429: b"Too Many Requests"}


async def serve_connection(
    state: State, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    state.connections += 1
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            length = 0
            for line in lines[1:]:
                if line[:15].lower() == "content-length:":
                    length = int(line[15:].strip())
            if length:
                await reader.readexactly(length)
            state.requests += 1
            status, body = route(state, method, target)
            writer.write(
                b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                % (status, REASONS.get(status, b"X"), len(body), body)
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
        pass  # the client hung up, or the server is shutting down
    finally:
        writer.close()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rate-limit", action="store_true")
    args = parser.parse_args()
    state = State(args.rate_limit)
    server = await asyncio.start_server(
        lambda r, w: serve_connection(state, r, w), "127.0.0.1", 0, backlog=1024
    )
    port = server.sockets[0].getsockname()[1]
    print(f"PORT {port}", flush=True)
    loop = asyncio.get_running_loop()
    # Stop when the parent goes away (stdin reaches EOF).
    await loop.run_in_executor(None, sys.stdin.read)
    server.close()


if __name__ == "__main__":
    asyncio.run(main())
