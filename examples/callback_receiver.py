"""Receive CoreClaw run callbacks (standard library only).

    CORECLAW_API_KEY=... python examples/callback_receiver.py --port 8080

Pass http(s)://<this host>:8080/<a secret path> as `callback_url` when starting a run. CoreClaw
signs nothing and may repeat a notification, so this receiver:
- answers 204 at once, before doing any work;
- ignores repeats (deduplicates by run_slug once a run is final);
- re-reads the run detail, the authoritative status, instead of trusting the callback body;
- checks an unguessable path instead of a signature (never put the API key in the URL).

Anyone who learns the URL can post anything to it, so each request is bounded (a body of at
most 64 KiB, 10 s to send it) and a bad one gets a 4xx answer and changes nothing: it never
stops the notifications that come after it.
"""

from __future__ import annotations

import argparse
import hmac
import logging
import queue
import re
import secrets
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import coreclaw_ext as cc

log = logging.getLogger("callback_receiver")

MAX_BODY_BYTES = 64 * 1024  # a callback is a few hundred bytes
READ_TIMEOUT = 10.0  # seconds a sender may take to send its request
MAX_TRACKED_RUNS = 10_000  # run slugs remembered for deduplication, oldest forgotten first
MAX_QUEUED_RUNS = 1_000  # finished runs waiting to be re-read; beyond that, answer 503
_LENGTH = re.compile("[0-9]{1,12}")


class Receiver:
    """Deduplicates callbacks and re-reads each finished run once, in a worker thread."""

    def __init__(self, client: cc.CoreClawClient, path: str) -> None:
        self.client = client
        self.path = path
        self.finished: dict[str, str] = {}  # run_slug -> final status from run detail
        self._seen: dict[str, None] = {}  # an ordered set, bounded by MAX_TRACKED_RUNS
        self._lock = threading.Lock()
        self._work: queue.Queue[str | None] = queue.Queue(MAX_QUEUED_RUNS)
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
        run_slug = callback.run_slug  # checked: usable in a call, no control characters
        with self._lock:
            if run_slug in self._seen:
                return 204  # a repeat
            self._seen[run_slug] = None
            if len(self._seen) > MAX_TRACKED_RUNS:
                del self._seen[next(iter(self._seen))]
        try:
            self._work.put_nowait(run_slug)
        except queue.Full:
            self._forget(run_slug)
            return 503  # too much at once: CoreClaw may send it again later
        return 204

    def _forget(self, run_slug: str) -> None:
        with self._lock:
            self._seen.pop(run_slug, None)  # let a repeat notification try again

    def _drain(self) -> None:
        while (run_slug := self._work.get()) is not None:
            try:
                run = cc.get_worker_run(self.client, run_slug)
            except Exception as err:  # one run that cannot be read must not stop the others
                log.error("could not read run %s: %a", run_slug, str(err))
                self._forget(run_slug)
                continue
            with self._lock:
                self.finished[run_slug] = run.status
            log.info("run %s is %a with %a rows", run_slug, run.status, run.results)

    def stop(self) -> None:
        self._work.put(None)
        self._thread.join(timeout=10)


def make_server(
    receiver: Receiver, port: int = 0, *, read_timeout: float = READ_TIMEOUT
) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        timeout = read_timeout  # a socket timeout: a sender that stalls is cut off

        def do_POST(self) -> None:
            try:
                status = self._status()
            except Exception:  # a bug here must cost one answer, not the receiver
                log.exception("could not handle a request")
                status = 500
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _status(self) -> int:
            length = self.headers.get("Content-Length")
            if length is None:
                return 411  # chunked or unknown length: refused, no unbounded read
            if not _LENGTH.fullmatch(length.strip()):
                return 400
            if int(length) > MAX_BODY_BYTES:
                return 413
            try:
                body = self.rfile.read(int(length))
            except TimeoutError:
                return 408
            if len(body) != int(length):
                return 400  # the sender hung up early
            if not hmac.compare_digest(self.path.encode(), receiver.path.encode()):
                return 404
            return receiver.accept(body)

        def log_message(self, format: str, *args: Any) -> None:
            log.debug(format, *args)

    class Server(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: Any, client_address: Any) -> None:
            log.debug("connection from %s failed", client_address, exc_info=True)

    return Server(("127.0.0.1", port), Handler)


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
