"""A scriptable HTTP server on 127.0.0.1 that records exactly what clients send.

Tests queue responses (or faults) and read back the raw request line, headers and body.
It runs in a thread of the test session; every loop in it is bounded.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Recorded:
    method: str
    target: str  # the raw request target, exactly as sent (path and query, still encoded)
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def query(self) -> str:
        return self.target.split("?", 1)[1] if "?" in self.target else ""

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    fault: str | None = None  # "reset" (close before answering), "truncate" (cut the body short),
    # "stall" (send headers, then stop sending the body)
    reason: str | None = None


def envelope(
    data: Any = None, *, code: int = 0, message: str = "success", request_id: str = "req-test"
) -> bytes:
    body: dict[str, Any] = {"code": code, "message": message, "request_id": request_id}
    if data is not None:
        body["data"] = data
    return json.dumps(body).encode()


def json_reply(data: Any = None, status: int = 200, **kwargs: Any) -> Reply:
    headers = {"Content-Type": "application/json", **kwargs.pop("headers", {})}
    return Reply(status=status, body=envelope(data, **kwargs), headers=headers)


class LoopbackServer:
    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.connections = 0
        self._queue: list[Reply] = []
        self._default: Callable[[Recorded], Reply] | None = None
        self._lock = threading.Lock()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # Headers and body go out in separate writes; without NODELAY, delayed ACKs
                # add tens of milliseconds to every exchange.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with owner._lock:
                    owner.connections += 1

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                rec = Recorded(
                    self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body
                )
                with owner._lock:
                    owner.requests.append(rec)
                    reply = owner._queue.pop(0) if owner._queue else None
                if reply is None:
                    reply = owner._default(rec) if owner._default else json_reply({})
                owner._send(self, reply)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

        class Server(ThreadingHTTPServer):
            # The default backlog of 5 drops connections under a 100-wide fan-out.
            request_queue_size = 512

            def handle_error(self, request: Any, client_address: Any) -> None:
                # Clients that hang up early (timeouts, resets under test) are expected here.
                pass

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self._queue.clear()
            self._default = None
            self.connections = 0

    def queue(self, *replies: Reply) -> None:
        with self._lock:
            self._queue.extend(replies)

    def always(self, responder: Callable[[Recorded], Reply] | Reply) -> None:
        self._default = responder if callable(responder) else (lambda _rec: responder)

    @staticmethod
    def _send(handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        if reply.fault == "reset":
            sock = handler.connection
            sock.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
            handler.close_connection = True
            sock.close()
            return
        handler.send_response(reply.status, reply.reason)
        for key, value in reply.headers.items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(reply.body)))
        handler.end_headers()
        if reply.fault == "truncate":
            handler.wfile.write(reply.body[: len(reply.body) // 2])
            handler.wfile.flush()
            handler.close_connection = True
            handler.connection.shutdown(socket.SHUT_RDWR)
            return
        if reply.fault == "stall":
            handler.wfile.write(reply.body[:1])
            handler.wfile.flush()
            time.sleep(2.0)
            handler.close_connection = True
            return
        handler.wfile.write(reply.body)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
