"""A fake CoreClaw API on 127.0.0.1 that answers every operation with the spec's examples.

Unlike Prism it plays a run through to the end: run records come back ``succeeded``, so a
``wait=True`` sample finishes at its first poll, and pages after the first are empty, so every
iterator ends. It routes by the operation table regen writes, so new operations are served
without an edit here. Used to execute the README's samples and the examples.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from coreclaw_api._spec_index import OPERATIONS

from tests import spec_cases

_BY_ID = {op.operation_id: op for op in spec_cases.ops()}


def _answer(
    operation_id: str, query: dict[str, list[str]], sync: bool, base: str
) -> dict[str, Any]:
    op = _BY_ID[operation_id]
    examples = spec_cases.success_examples(op)
    chosen = examples.get("sync" if sync else "async") or next(iter(examples.values()))
    body = json.loads(json.dumps(chosen))
    data = body.get("data")
    if isinstance(data, dict) and "status" in data and "slug" in data:
        data["status"] = "succeeded"  # every run has finished by the time anyone looks
    if op.paged and int((query.get("offset") or ["1"])[0]) >= 2 and isinstance(data, dict):
        data[op.paged] = []
    if isinstance(data, dict):
        for key in ("download_url", "all_logs_url"):  # links point back here, never outside
            if key in data:
                data[key] = f"{base}/files/{key}"
    return body


@contextmanager
def spec_server() -> Iterator[str]:
    """Serve the fake API for the length of the block; yields its base URL."""
    seen: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet tests
            pass

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            sent = json.loads(self.rfile.read(length) or b"{}") if length else {}
            sync = isinstance(sent, dict) and sent.get("is_async") is False
            parts = urlsplit(self.path)
            if parts.path.startswith("/files/"):
                self._send(
                    200, b"title,url\r\nBlue Bottle Coffee,https://example.com/a\r\n", "text/csv"
                )
                return
            found = next(
                (
                    op
                    for op in sorted(OPERATIONS, key=lambda o: o.path.count("{"))
                    if op.method == self.command and op.path_pattern.search(parts.path)
                ),
                None,
            )
            if found is None:
                status, body = 404, {"code": 11004, "message": "not found"}
            else:
                seen.append(found.operation_id)
                base = f"http://127.0.0.1:{self.server.server_address[1]}"
                status, body = 200, _answer(found.operation_id, parse_qs(parts.query), sync, base)
            self._send(status, json.dumps(body).encode(), "application/json")

        def _send(self, status: int, payload: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_GET = do_POST = do_PUT = do_DELETE = _serve

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
