"""Batch items, their stable keys, and the journal: JSON Lines, append-only, fsynced.

The first line names the item list (count and digest of the item keys); each further line is
one step of one item, keyed by ``"<index>:<sha256 of the item's canonical JSON>"``:
``sending`` (written and fsynced *before* the start is sent), then ``started`` (with
``run_slug``), ``refused`` (the server refused it before starting anything) or ``unknown``
(sent, no usable answer), and ``finished`` once a waited run is final. A ``started`` record is
final: the item is never started again. A ``sending`` without an outcome means the program
died between sending and the answer; that item is reported, never silently re-sent.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._inputs import build_input, check_version
from ._paths import encode_run_id, encode_task_id, encode_worker_id
from ._validate import check_callback_url

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory lock
    fcntl = None  # type: ignore[assignment]

JOURNAL_FORMAT = "coreclaw-batch-journal"
JOURNAL_VERSION = 1
EVENTS = frozenset({"sending", "started", "refused", "unknown", "finished"})


class JournalError(Exception):
    """A journal that cannot be used for this batch; nothing was sent.

    It was written for another item list, holds a corrupt record before its last line, or is
    in use by another running batch.
    """


class JournalWarning(UserWarning):
    """A torn last line (a crash while it was written) was dropped from a journal."""


def canonical_json(value: Any) -> str:
    """The canonical JSON text of an item: sorted keys, no spaces, no NaN."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def item_key(index: int, item: Mapping[str, Any]) -> str:
    """The stable key of item ``index``: its position and the sha256 of its canonical JSON."""
    return f"{index}:{hashlib.sha256(canonical_json(item).encode()).hexdigest()}"


ALLOWED_KEYS = {
    "worker_id": frozenset(
        {"worker_id", "input", "raw_input", "proxy_region", "version", "callback_url"}
    ),
    "run_id": frozenset({"run_id", "callback_url"}),
    "worker_task_id": frozenset({"worker_task_id", "callback_url"}),
}
_CHECK_ID = {"worker_id": encode_worker_id, "run_id": encode_run_id}


@dataclass(frozen=True, slots=True)
class Item:
    """A checked batch item: what to start (``kind`` is its id key) and its journal key."""

    index: int
    key: str
    item: Mapping[str, Any]
    kind: str
    target: str

    @property
    def label(self) -> str:
        return f"item {self.index} ({self.kind} {self.target})"


def _check_item(item: object) -> str:
    """The id key of a valid item; TypeError/ValueError saying what is wrong otherwise."""
    if not isinstance(item, Mapping):
        raise TypeError(f"must be a mapping, not {type(item).__name__}")
    if any(not isinstance(key, str) for key in item):
        raise TypeError("keys must be str")
    kinds = [key for key in ALLOWED_KEYS if key in item]
    if len(kinds) != 1:
        found = f" (it has {' and '.join(kinds)})" if kinds else ""
        raise ValueError(f"needs exactly one of worker_id, run_id, worker_task_id{found}")
    kind = kinds[0]
    extra = sorted(set(item) - ALLOWED_KEYS[kind])
    if extra:
        allowed = ", ".join(sorted(ALLOWED_KEYS[kind]))
        raise ValueError(f"unknown key {', '.join(map(repr, extra))} (allowed: {allowed})")
    _CHECK_ID.get(kind, encode_task_id)(item[kind])
    if kind == "worker_id":
        build_input(item.get("input"), item.get("raw_input"), item.get("proxy_region"))
        if item.get("version") is not None:
            check_version(item["version"])
    if item.get("callback_url") is not None:
        check_callback_url(item["callback_url"])
    canonical_json(dict(item))  # its journal key
    return kind


def prepare_items(items: Iterable[Mapping[str, Any]]) -> list[Item]:
    """Every item checked as the start functions check their arguments, before any is sent."""
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise TypeError(f"items must be a list of mappings, not {type(items).__name__}")
    listed = list(items)
    prepared: list[Item] = []
    problems: list[str] = []
    only_types = True
    for index, item in enumerate(listed):
        try:
            kind = _check_item(item)
        except (TypeError, ValueError) as exc:
            problems.append(f"item {index}: {exc}")
            only_types = only_types and not isinstance(exc, ValueError)
            continue
        prepared.append(Item(index, item_key(index, dict(item)), item, kind, str(item[kind])))
    if problems:
        raise (TypeError if only_types else ValueError)(
            f"{len(problems)} of {len(listed)} batch items are not valid; nothing was sent:\n  "
            + "\n  ".join(problems)
        )
    return prepared


def batch_digest(keys: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()


@dataclass
class ItemState:
    """What an earlier batch recorded for one item."""

    last: str | None = None  # the last of sending/refused/unknown, or "started"
    run_slug: str | None = None
    run_status: str | None = None
    error: str | None = None

    @property
    def started(self) -> bool:
        return self.last == "started"

    @property
    def in_doubt(self) -> bool:
        """Sent, and no answer recorded: a run may exist."""
        return self.last in ("sending", "unknown")


class Journal:
    """An open journal, locked against other batches until ``close``; safe across threads."""

    def __init__(self, path: str | os.PathLike[str], keys: Sequence[str]) -> None:
        self.path = Path(path)
        self.keys = list(keys)
        self.states: dict[int, ItemState] = {}
        self._lock = threading.Lock()
        existed = self.path.exists()
        self._fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            self._lock_file()
            self._load()
            if not existed:
                _fsync_dir(self.path.parent)
        except BaseException:
            os.close(self._fd)
            raise

    def _lock_file(self) -> None:
        if fcntl is None:  # pragma: no cover
            return
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise JournalError(
                f"journal {self.path} is in use by another running batch; one journal belongs "
                "to one batch at a time (give each process or shard its own)"
            ) from None

    def _load(self) -> None:
        with open(self.path, "rb") as file:  # under the lock: no batch is appending
            data = file.read()
        lines = data.split(b"\n")
        # Everything before the last newline was fully written; the rest is a torn record.
        complete, tail = lines[:-1], lines[-1]
        records: list[dict[str, Any]] = []
        good = 0
        for number, raw in enumerate(complete, 1):
            record = _parse(raw)
            if record is None or not self._valid(record, first=number == 1):
                if number == len(complete) and not tail:
                    tail = raw  # a damaged last line: tolerated like a torn one
                    break
                raise JournalError(
                    f"journal {self.path} line {number} is not a valid record: "
                    f"{raw[:120]!r}; only a damaged last line is tolerated"
                )
            records.append(record)
            good += len(raw) + 1
        if tail:
            warnings.warn(
                f"journal {self.path}: dropped a damaged last line ({len(tail)} bytes, "
                "written when a batch stopped); its step is taken as not done",
                JournalWarning,
                stacklevel=4,
            )
            os.ftruncate(self._fd, good)
        if not records:
            header = {"journal": JOURNAL_FORMAT, "v": JOURNAL_VERSION, "event": "batch"}
            self._append({**header, "items": len(self.keys), "digest": batch_digest(self.keys)})
            return
        self._check_header(records[0], records[1:])
        for record in records[1:]:
            self._apply(record)

    def _valid(self, record: dict[str, Any], *, first: bool) -> bool:
        if first:
            return record.get("journal") == JOURNAL_FORMAT and record.get("event") == "batch"
        key = record.get("key")
        return record.get("event") in EVENTS and isinstance(key, str) and ":" in key

    def _check_header(self, header: dict[str, Any], records: list[dict[str, Any]]) -> None:
        if header.get("v") != JOURNAL_VERSION:
            raise JournalError(
                f"journal {self.path} has version {header.get('v')!r}; "
                f"this client reads version {JOURNAL_VERSION}"
            )
        wanted = (len(self.keys), batch_digest(self.keys))
        differ = sorted({r["key"] for r in records} - set(self.keys))
        if (header.get("items"), header.get("digest")) != wanted or differ:
            shown = ", ".join(f"item {k.split(':', 1)[0]}" for k in differ[:10])
            raise JournalError(
                f"journal {self.path} was written for another item list "
                f"({header.get('items')} items, digest {str(header.get('digest'))[:12]}; "
                f"these are {wanted[0]} items, digest {wanted[1][:12]})"
                + (f"; changed: {shown}" if shown else "")
                + ". Nothing was sent: resume with the same items in the same order, "
                "or start a new journal"
            )

    def _apply(self, record: dict[str, Any]) -> None:
        index = int(record["key"].split(":", 1)[0])
        state = self.states.setdefault(index, ItemState())
        event = record["event"]
        if event in ("started", "finished"):
            state.last = "started"
            state.run_slug = record.get("run_slug") or state.run_slug
            state.run_status = record.get("run_status", state.run_status)
        elif not state.started:  # nothing undoes an accepted start
            state.last = event
            state.error = record.get("error")

    def record(self, event: str, index: int, **fields: Any) -> None:
        """Append one step of item ``index``; it is on disk when this returns."""
        record = {"event": event, "key": self.keys[index], "at": round(time.time(), 3)}
        record.update((name, value) for name, value in fields.items() if value is not None)
        with self._lock:
            self._append(record)
            self._apply(record)

    def _append(self, record: dict[str, Any]) -> None:
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        view = memoryview(line)
        while view:
            view = view[os.write(self._fd, view) :]
        os.fsync(self._fd)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)  # also releases the lock
            self._fd = -1


def _parse(raw: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(raw)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _fsync_dir(directory: Path) -> None:
    # A new file's directory entry must survive a crash too.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - not possible on every platform
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)
