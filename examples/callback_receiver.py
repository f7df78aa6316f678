"""Receive CoreClaw run callbacks (standard library only).

    CORECLAW_API_KEY=... python examples/callback_receiver.py --port 8080

Pass http(s)://<this host>:8080/<a secret path> as `callback_url` when starting a run. CoreClaw
signs nothing and may repeat a notification, so this receiver:
- answers 204 at once, before doing any work;
- ignores repeats (deduplicates by run_slug once a run is final);
- re-reads the run detail, the authoritative status, instead of trusting the callback body;
- checks an unguessable path instead of a signature (never put the API key in the URL).
"""

from __future__ import annotations

import argparse
import logging
import queue
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import coreclaw_ext as cc

log = logging.getLogger("callback_receiver")


class Receiver:
    """Deduplicates callbacks and re-reads each finished run once, in a worker thread."""

    def __init__(self, client: cc.CoreClawClient, path: str) -> None:
        self.client = client
        self.path = path
        self.finished: dict[str, str] = {}  # run_slug -> final status from run detail
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        self._work: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def accept(self, body: bytes) -> int:
        """Handle one callback body; returns the HTTP status to answer with."""
        try:
            callback = cc.parse_run_callback(body)
        except cc.InvalidCallbackError as err:
            log.warning("rejected a body that is not a callback: %s", err)
            return 400
        if not cc.is_terminal(callback.run_status):
            return 204  # progress notification; the final one will follow
        with self._lock:
            if callback.run_slug in self._seen:
                return 204  # a repeat
            self._seen.add(callback.run_slug)
        self._work.put(callback.run_slug)
        return 204

    def _drain(self) -> None:
        while (run_slug := self._work.get()) is not None:
            try:
                run = cc.get_worker_run(self.client, run_slug)
            except cc.CoreClawError as err:
                log.error("could not read run %s: %s", run_slug, err)
                with self._lock:
                    self._seen.discard(run_slug)  # let a repeat notification try again
                continue
            with self._lock:
                self.finished[run_slug] = run.status
            log.info("run %s is %s with %s rows", run_slug, run.status, run.results)

    def stop(self) -> None:
        self._work.put(None)
        self._thread.join(timeout=10)


def make_server(receiver: Receiver, port: int = 0) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(min(length, 1_000_000))
            status = receiver.accept(body) if self.path == receiver.path else 404
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            log.debug(format, *args)

    return ThreadingHTTPServer(("127.0.0.1", port), Handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--path", default=None, help="secret path; a random one by default")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    path = args.path or f"/coreclaw/{secrets.token_urlsafe(16)}"
    with cc.create_client() as client:
        receiver = Receiver(client, path)
        server = make_server(receiver, args.port)
        print(f"listening on http://127.0.0.1:{server.server_address[1]}{path}", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
            receiver.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
