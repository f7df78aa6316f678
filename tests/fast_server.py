"""A small, fast HTTP/1.1 server for load tests and benchmarks, run in its own process.

It answers the seed operation (rerun), run detail (for any run id) and the result pages of a
100,000-row x 20-column run with realistic envelopes, keeps connections alive, and can refuse
the first attempt of every tenth rerun with 429 (``--rate-limit``) while recording how many
reruns it accepted per worker, so duplicates are visible. It also answers the two v1 calls of
the ``coreclaw-client`` peer SDK (``POST /api/v1/scraper/run``, ``POST /api/v1/run/result/list``)
so that the benchmarks can compare it.

Result pages: ``GET /api/v2/worker-runs/{id}/result?offset=N&limit=100`` is page N (numbered
from 1) of ``RESULT_ROWS`` rows: the same 100 rows every time, with ``count`` 100,000 and
``page_index`` N; a page past the end has an empty ``list``. The bodies are pre-rendered and
only the page number is spliced in, so the server stays cheap next to the clients it serves.

Connections: ``connections`` counts accepted TCP connections since the last reset (every one,
the stats requests' own included). ``open`` and ``peak_open`` count *API* connections: a
connection joins when it carries its first request other than ``/__stats`` or ``/__reset``
after the last reset, and leaves when it closes; ``peak_open`` is the most that were open at
once. Idle connections that a client closes and reopens under load therefore do not look like
extra concurrency, and a closed client's idle connections do not count after a reset. When a
join would raise the peak, the server first lets pending hang-ups be read (a client may close
an expired connection just before it opens its replacement) and counts only connections that
have not reached end of stream.

``GET /__stats`` returns the counts, ``POST /__reset`` clears them. It exits when its stdin
closes, so it never outlives its parent.

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
RESULT_ROWS = 100_000
PAGE_SIZE = 100
PAGES = RESULT_ROWS // PAGE_SIZE
ROWS = [{c: f"row {r} value {i}" for i, c in enumerate(COLUMNS)} for r in range(PAGE_SIZE)]
_MARK = -987654321  # stands for the page number in the pre-rendered bodies


def _page_template(rows: list[dict[str, str]]) -> tuple[bytes, bytes]:
    body = envelope(
        {
            "count": RESULT_ROWS,
            "headers": [{"key": c, "label": c.replace("_", " ").title()} for c in COLUMNS],
            "list": rows,
            "page_index": _MARK,
            "page_size": PAGE_SIZE,
        }
    )
    head, tail = body.split(b"%d" % _MARK)
    return head, tail


_FULL = _page_template(ROWS)
_EMPTY = _page_template([])


def page_body(page: int) -> bytes:
    """Page ``page`` of the 100,000-row result (0 is page 1, as the API allows)."""
    head, tail = _FULL if 0 <= page <= PAGES else _EMPTY
    return b"%s%d%s" % (head, page, tail)


PAGE = page_body(1)  # the 100-row page that the parsing benchmarks decode
RERUN_V1 = envelope({"run_slug": "run-v1-bench"})
RATE_LIMITED = envelope(None, code=13000, message="too many requests")
NOT_FOUND = envelope(None, code=11004, message="not found")
CONTROL = ("/__stats", "/__reset")


class State:
    def __init__(self, rate_limit: bool) -> None:
        self.rate_limit = rate_limit
        self.generation = 0
        self.joined: set[asyncio.StreamReader] = set()
        self.open_sockets = 0
        self.reset()

    def reset(self) -> None:
        self.generation += 1
        self.joined = set()
        self.peak_open = 0
        self.connections = 0
        self.requests = 0
        self.limited = 0
        self.attempts: Counter[str] = Counter()
        self.accepted: Counter[str] = Counter()

    async def join(self, reader: asyncio.StreamReader) -> None:
        """Count ``reader``'s connection as an open API connection of this generation."""
        self.joined.add(reader)
        if len(self.joined) <= self.peak_open:
            return
        # A new peak: first let hang-ups that already arrived be read, then count only the
        # connections that are not at end of stream.
        generation = self.generation
        for _ in range(3):
            await asyncio.sleep(0)
        if generation != self.generation:
            return  # reset meanwhile; the caller joins again on its next request
        live = sum(1 for r in self.joined if not r.at_eof())
        self.peak_open = max(self.peak_open, live)

    def stats(self) -> bytes:
        duplicates = sum(1 for n in self.accepted.values() if n > 1)
        return json.dumps(
            {
                "connections": self.connections,
                "open": len(self.joined),
                "peak_open": self.peak_open,
                "open_sockets": self.open_sockets,
                "requests": self.requests,
                "limited": self.limited,
                "accepted": sum(self.accepted.values()),
                "accepted_workers": len(self.accepted),
                "duplicates": duplicates,
            }
        ).encode()


def _query_int(target: str, name: str, default: int) -> int:
    _, _, query = target.partition("?")
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key == name:
            try:
                return int(value)
            except ValueError:
                return default
    return default


def _rerun(state: State, worker: str) -> tuple[int, bytes]:
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


def route(state: State, method: str, target: str, body: bytes) -> tuple[int, bytes]:
    path = target.split("?", 1)[0]
    if method == "GET" and path.startswith("/api/v2/worker-runs/"):
        if path.endswith("/result"):
            return 200, page_body(_query_int(target, "offset", 1))
        return 200, RUN
    if method == "POST" and path.endswith("/runs/last/rerun"):
        return _rerun(state, path.split("/")[4])
    if method == "POST" and path == "/api/v1/scraper/run":
        return 200, RERUN_V1
    if method == "POST" and path == "/api/v1/run/result/list":
        try:
            page = int(json.loads(body)["page_index"])
        except (ValueError, KeyError, TypeError):
            return 400, envelope(None, code=10001, message="bad request")
        return 200, page_body(page)
    if path == "/__stats":
        return 200, state.stats()
    if path == "/__reset" and method == "POST":
        state.reset()
        return 200, b"{}"
    return 404, NOT_FOUND


REASONS = {200: b"OK", 400: b"Bad Request", 404: b"Not Found", 429: b"Too Many Requests"}


async def serve_connection(
    state: State, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    state.connections += 1
    state.open_sockets += 1
    generation = 0  # the generation this connection joined (0: none yet)
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            length = 0
            for line in lines[1:]:
                if line[:15].lower() == "content-length:":
                    length = int(line[15:].strip())
            body = await reader.readexactly(length) if length else b""
            state.requests += 1
            if generation != state.generation and not target.startswith(CONTROL):
                generation = state.generation
                await state.join(reader)
            status, payload = route(state, method, target, body)
            writer.write(
                b"HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                % (status, REASONS.get(status, b"X"), len(payload))
            )
            writer.write(payload)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
        pass  # the client hung up, or the server is shutting down
    finally:
        state.open_sockets -= 1
        if generation == state.generation:
            state.joined.discard(reader)
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
