"""A loopback CoreClaw stand-in for batch tests, and a batch runner to kill: one script.

    python tests/batch_server.py serve            # prints "PORT <n>"; exits when stdin closes
    python tests/batch_server.py batch URL JOURNAL N [--async] [--concurrency C] [--wait]

The server (asyncio, 127.0.0.1 only) answers the three run starts (``POST
/api/v2/workers/{id}/runs``, ``/worker-runs/{id}/rerun``, ``/worker-tasks/{id}/runs``) with
``run-<id>`` and the run detail with a final record. A start counts as *accepted* the moment it
arrives, before the (configurable, per item) delay of its answer, as on a real server where
the run exists before its answer is delivered. ``rate_429`` refuses that share of starts
(seeded, so runs repeat) before accepting anything. ``GET /__stats`` returns the counts and the
ids still being answered; ``POST /__config`` (JSON) changes the behaviour; ``POST /__reset``
clears everything.

``batch`` runs ``run_many`` (or ``arun_many``) over N items (worker, rerun and task items in
turn), printing one ``OUTCOME {json}`` line per finished item and ``DONE`` at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import sys
from collections import Counter
from typing import Any

START = re.compile(
    r"^/api/v2/(?:workers/([^/]+)/runs|worker-runs/([^/]+)/rerun|worker-tasks/([^/]+)/runs)$"
)
DETAIL = re.compile(r"^/api/v2/worker-runs/([^/]+)$")
DEFAULTS: dict[str, Any] = {
    "delay": 0.0,
    "slow_from": None,
    "slow_delay": 0.0,
    "rate_429": 0.0,
    "seed": 1,
    "retry_after": None,
    "status": "succeeded",
}


def envelope(data: Any, code: int = 0, message: str = "success") -> bytes:
    body: dict[str, Any] = {"code": code, "message": message, "request_id": "req-batch"}
    if data is not None:
        body["data"] = data
    return json.dumps(body).encode()


def items(n: int) -> list[dict[str, Any]]:
    """N items: workers o~w<i>, reruns of R<i>, saved tasks T<i>, in turn (index in the id)."""
    out: list[dict[str, Any]] = []
    for i in range(n):
        if i % 3 == 0:
            out.append({"worker_id": f"o/w{i}", "input": {"n": i}})
        elif i % 3 == 1:
            out.append({"run_id": f"R{i}"})
        else:
            out.append({"worker_task_id": f"T{i}", "callback_url": "https://example.com/hook"})
    return out


def item_id(i: int) -> str:
    """The id the server sees (and counts) for item i of ``items``."""
    return ("o~w", "R", "T")[i % 3] + str(i)


class State:
    def __init__(self) -> None:
        self.config = dict(DEFAULTS)
        self.reset()

    def reset(self) -> None:
        self.generation = getattr(self, "generation", 0) + 1
        self.rng = random.Random(self.config["seed"])
        self.requests = 0
        self.start_requests = 0
        self.limited = 0
        self.accepted: Counter[str] = Counter()
        self.in_flight: set[str] = set()

    def stats(self) -> dict[str, Any]:
        return {
            "requests": self.requests,
            "start_requests": self.start_requests,
            "limited": self.limited,
            "accepted": sum(self.accepted.values()),
            "per_item": dict(self.accepted),
            "in_flight": sorted(self.in_flight),
            "duplicates": sorted(k for k, n in self.accepted.items() if n > 1),
        }

    def delay_for(self, ident: str) -> float:
        digits = re.search(r"(\d+)$", ident)
        slow_from = self.config["slow_from"]
        if slow_from is not None and digits and int(digits.group(1)) >= slow_from:
            return float(self.config["slow_delay"])
        return float(self.config["delay"])


async def route(state: State, method: str, path: str, body: bytes) -> tuple[int, bytes, str]:
    start = START.match(path)
    if method == "POST" and start:
        ident = next(g for g in start.groups() if g)
        state.start_requests += 1
        if state.rng.random() < state.config["rate_429"]:
            state.limited += 1
            after = state.config["retry_after"]
            return (
                429,
                envelope(None, 13000, "too many requests"),
                (f"Retry-After: {after}\r\n" if after is not None else ""),
            )
        state.accepted[ident] += 1  # the run exists from here on
        generation = state.generation
        state.in_flight.add(ident)
        try:
            await asyncio.sleep(state.delay_for(ident))
        finally:
            if state.generation == generation:
                state.in_flight.discard(ident)
        return 200, envelope({"run_slug": f"run-{ident}"}), ""
    detail = DETAIL.match(path)
    if method == "GET" and detail:
        run = {"slug": detail.group(1), "status": state.config["status"], "results": 3}
        return 200, envelope(run), ""
    if path == "/__stats":
        return 200, json.dumps(state.stats()).encode(), ""
    if path == "/__config" and method == "POST":
        state.config.update(json.loads(body or b"{}"))
        return 200, b"{}", ""
    if path == "/__reset" and method == "POST":
        state.config = {**DEFAULTS, **json.loads(body or b"{}")}
        state.reset()
        return 200, b"{}", ""
    return 404, envelope(None, 11004, "not found"), ""


async def serve_connection(
    state: State, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    try:
        for _ in range(100_000):  # keep-alive, bounded
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            length = 0
            for line in lines[1:]:
                if line[:15].lower() == "content-length:":
                    length = int(line[15:].strip())
            body = await reader.readexactly(length) if length else b""
            if not target.startswith("/__"):
                state.requests += 1
            status, payload, extra = await route(state, method, target.split("?", 1)[0], body)
            writer.write(
                b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\n%sContent-Length: %d\r\n\r\n%s"
                % (status, extra.encode(), len(payload), payload)
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
        pass  # the client hung up (or was killed)
    finally:
        writer.close()


async def serve() -> None:
    state = State()
    server = await asyncio.start_server(
        lambda r, w: serve_connection(state, r, w), "127.0.0.1", 0, backlog=512
    )
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)  # until the parent goes
    server.close()


def outcome_json(outcome: Any) -> str:
    return json.dumps(
        {
            "index": outcome.index,
            "status": outcome.status,
            "run_slug": outcome.run_slug,
            "resumed": outcome.resumed,
            "attempts": outcome.attempts,
            "error": type(outcome.error).__name__ if outcome.error else None,
        }
    )


def run_batch(args: argparse.Namespace) -> int:
    import coreclaw_ext as cc
    from coreclaw_ext._batch import arun_many, run_many

    def progress(done: int, total: int, outcome: Any) -> None:
        print("OUTCOME", outcome_json(outcome), flush=True)

    options: dict[str, Any] = {
        "concurrency": args.concurrency,
        "journal": args.journal,
        "wait": args.wait,
        "poll_intervals": (0.01,),
        "on_progress": progress,
    }
    client = cc.create_client(base_url=args.url, max_retries=0)
    if args.use_async:

        async def main() -> None:
            async with client:
                await arun_many(client, items(args.n), **options)

        asyncio.run(main())
    else:
        with client:
            run_many(client, items(args.n), **options)
    print("DONE", flush=True)
    return 0


def shard(url: str, api_key: str, first: int, count: int, journal: str) -> dict[str, int]:
    """One process's share of a batch: its own client, its own journal (for a process pool)."""
    import coreclaw_ext as cc
    from coreclaw_ext._batch import run_many

    with cc.create_client(api_key, base_url=url) as client:
        outcomes = run_many(client, items(first + count)[first:], journal=journal, concurrency=3)
    return dict(Counter(o.status for o in outcomes))


def main() -> int:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("serve")
    batch = sub.add_parser("batch")
    batch.add_argument("url")
    batch.add_argument("journal")
    batch.add_argument("n", type=int)
    batch.add_argument("--async", dest="use_async", action="store_true")
    batch.add_argument("--concurrency", type=int, default=3)
    batch.add_argument("--wait", action="store_true")
    args = parser.parse_args()
    if args.command == "serve":
        asyncio.run(serve())
        return 0
    return run_batch(args)


if __name__ == "__main__":
    sys.exit(main())
