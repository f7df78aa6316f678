"""The sync clients compared with raw httpx besides our own: requests, urllib3, a raw socket
loop (the floor) and the ``coreclaw-client`` peer SDK, each "not available" when missing.

Each peer offers the operations it can do as ``SyncCall``s keyed by operation name
(``rerun``, ``run_detail``, ``result_page``) and, for the walk, a page fetch.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

from .common import AUTH, KEY, RUN_ID, WORKER
from .timing import SyncCall

RERUN_PATH = f"/api/v2/workers/{WORKER}/runs/last/rerun"
RUN_PATH = f"/api/v2/worker-runs/{RUN_ID}"
RESULT_PATH = f"/api/v2/worker-runs/{RUN_ID}/result"
PEER_SCRAPER = "01KPD6M5YQADCQKGVKPDZVYC63"
PageFetch = Callable[[int], list[dict[str, Any]]]  # page number (from 1) -> its rows


@dataclass
class Peer:
    name: str
    label: str
    calls: dict[str, SyncCall] = field(default_factory=dict)
    page: PageFetch | None = None
    close: Callable[[], None] = lambda: None
    available: bool = True
    note: str = ""  # why not available, or what differs
    missing: dict[str, str] = field(default_factory=dict)  # op -> why this peer cannot do it


def optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def version_of(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


class RawHTTP:
    """HTTP/1.1 keep-alive over one blocking socket, no library: the reference floor."""

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        assert parts.hostname == "127.0.0.1" and parts.port is not None
        self._sock = socket.create_connection((parts.hostname, parts.port), timeout=30)
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._file = self._sock.makefile("rb")
        headers = {"Host": parts.netloc, **AUTH, "Accept": "application/json"}
        self._head = "".join(f"{k}: {v}\r\n" for k, v in headers.items()).encode()

    def request(self, method: bytes, target: bytes, body: bytes = b"") -> bytes:
        extra = (
            b"Content-Type: application/json\r\nContent-Length: %d\r\n" % len(body) if body else b""
        )
        self._sock.sendall(
            b"%s %s HTTP/1.1\r\n%s%s\r\n%s" % (method, target, self._head, extra, body)
        )
        status = self._file.readline()
        length = -1
        while True:
            line = self._file.readline()
            if line in (b"\r\n", b""):
                break
            if line[:15].lower() == b"content-length:":
                length = int(line[15:])
        if not status.startswith(b"HTTP/1.1 200") or length < 0:
            raise ConnectionError(f"raw socket: unexpected answer {status!r}")
        return self._file.read(length)

    def close(self) -> None:
        self._file.close()
        self._sock.close()


def socket_peer(url: str) -> Peer:
    conn = RawHTTP(url)
    rerun, run = RERUN_PATH.encode(), RUN_PATH.encode()
    result = f"{RESULT_PATH}?offset=1&limit=100".encode()

    def page(n: int) -> list[dict[str, Any]]:
        target = b"%s?offset=%d&limit=100" % (RESULT_PATH.encode(), n)
        rows: list[dict[str, Any]] = json.loads(conn.request(b"GET", target))["data"]["list"]
        return rows

    return Peer(
        "socket",
        "raw socket HTTP/1.1 keep-alive loop + json.loads (floor)",
        calls={
            "rerun": lambda _i: json.loads(conn.request(b"POST", rerun, b"{}")),
            "run_detail": lambda _i: json.loads(conn.request(b"GET", run)),
            "result_page": lambda _i: json.loads(conn.request(b"GET", result)),
        },
        page=page,
        close=conn.close,
    )


def requests_peer(url: str) -> Peer:
    requests = optional("requests")
    if requests is None:
        return Peer("requests", "requests.Session", available=False, note="requests not installed")
    session = requests.Session()
    session.headers.update(AUTH)
    params = {"offset": 1, "limit": 100}
    return Peer(
        "requests",
        f"requests.Session + json() (requests {requests.__version__})",
        calls={
            "rerun": lambda _i: session.post(url + RERUN_PATH, json={}).json(),
            "run_detail": lambda _i: session.get(url + RUN_PATH).json(),
            "result_page": lambda _i: session.get(url + RESULT_PATH, params=params).json(),
        },
        close=session.close,
    )


def urllib3_peer(url: str) -> Peer:
    urllib3 = optional("urllib3")
    if urllib3 is None:
        return Peer("urllib3", "urllib3.PoolManager", available=False, note="urllib3 not installed")
    pool = urllib3.PoolManager()
    headers = dict(AUTH)
    fields = {"offset": "1", "limit": "100"}

    def get(path: str, query: dict[str, str] | None = None) -> object:
        return json.loads(pool.request("GET", url + path, fields=query, headers=headers).data)

    return Peer(
        "urllib3",
        f"urllib3.PoolManager + json.loads (urllib3 {urllib3.__version__})",
        calls={
            "rerun": lambda _i: json.loads(
                pool.request("POST", url + RERUN_PATH, json={}, headers=headers).data
            ),
            "run_detail": lambda _i: get(RUN_PATH),
            "result_page": lambda _i: get(RESULT_PATH, fields),
        },
        close=pool.clear,
    )


def coreclaw_client_peer(url: str) -> Peer:
    """The ``coreclaw-client`` SDK (import name ``coreclaw``): API v1 calls on httpx.

    It has no rerun or run-detail call: its nearest to the seed operation is
    ``scraper(slug).run(input=...)`` (``POST /api/v1/scraper/run``, a JSON body and the same
    envelope), and results come from ``run(slug).list_results(limit=, offset=)`` (``POST
    /api/v1/run/result/list``); the fast server answers both.
    """
    label = "coreclaw-client (peer SDK)"
    version = version_of("coreclaw-client")
    module = optional("coreclaw") if version else None
    if module is None or not hasattr(module, "CoreClawClient"):
        return Peer("coreclaw_client", label, available=False, note="coreclaw-client not installed")
    client = module.CoreClawClient(api_key=KEY, base_url=url)
    scraper = client.scraper(PEER_SCRAPER)
    run = client.run(RUN_ID)

    def page(n: int) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = run.list_results(limit=100, offset=(n - 1) * 100)["list"]
        return rows

    return Peer(
        "coreclaw_client",
        f"coreclaw-client {version} (peer SDK)",
        calls={
            "rerun": lambda _i: scraper.run(input={}),
            "result_page": lambda _i: run.list_results(limit=100, offset=0),
        },
        page=page,
        close=client.close,
        note="API v1: scraper(...).run(input={}) for rerun, run(...).list_results for pages",
        missing={"run_detail": "coreclaw-client has no run-detail call"},
    )


def sync_peers(url: str) -> list[Peer]:
    """requests, urllib3, the raw socket and coreclaw-client, built against ``url``."""
    peers: list[Peer] = []
    try:
        for build in (requests_peer, urllib3_peer, socket_peer, coreclaw_client_peer):
            peers.append(build(url))
    except BaseException:
        close_all(peers)
        raise
    return peers


def close_all(peers: list[Peer]) -> None:
    for peer in peers:
        with contextlib.suppress(Exception):
            peer.close()
