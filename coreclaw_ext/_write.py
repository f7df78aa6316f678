"""Writing result rows to CSV, JSON Lines or a JSON array, streamed; atomic file replacement.

``write_results`` never holds more than one row: rows are pulled from any iterable (a
``ResultRows`` iterator, a generator) and written as they come. A path target is written to a
temporary file next to it and moved into place only when complete (``AtomicFile``, shared with
the downloads), so a failure leaves nothing under the final name.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import logging
import math
import os
import secrets
from collections.abc import AsyncIterable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, TextIO

from coreclaw_api.models.result_header import ResultHeader

from ._consts import LOGGER_NAME

logger = logging.getLogger(LOGGER_NAME)

WriteFormat = Literal["csv", "jsonl", "json"]
Header = ResultHeader | Mapping[str, Any] | str  # a mapping has "key" (and maybe "label")
_FORMATS = ("csv", "jsonl", "json")
_TEMP_ATTEMPTS = 16
_O_BINARY: int = getattr(os, "O_BINARY", 0)  # Windows: no newline translation of bytes


class AtomicFile:
    """A file that appears under ``path`` complete, or not at all.

    The target is checked when this is built (before anything is downloaded or pulled); the data
    goes to ``.<name>.<random>.part`` in the same directory, is flushed and fsynced, then moved
    into place. Without ``overwrite`` an existing file is never replaced, even one that appears
    meanwhile (the final move is a hard link, which refuses to clobber).
    """

    def __init__(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> None:
        self.path = Path(path)
        self.overwrite = bool(overwrite)
        self.temp: Path | None = None
        if self.path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(self.path))
        if not self.overwrite and os.path.lexists(self.path):
            raise FileExistsError(
                errno.EEXIST, "file exists (pass overwrite=True to replace it)", str(self.path)
            )
        if not self.path.parent.is_dir():
            raise FileNotFoundError(errno.ENOENT, "no such directory", str(self.path.parent))

    def open_binary(self) -> BinaryIO:
        """Create the temporary file (mode as for any new file: umask applies) for bytes."""
        return os.fdopen(self._create(), "wb")

    def open_text(self) -> TextIO:
        """Create the temporary file for UTF-8 text, newlines written as given."""
        return os.fdopen(self._create(), "w", encoding="utf-8", newline="")

    def _create(self) -> int:
        self.discard()
        for _ in range(_TEMP_ATTEMPTS):
            temp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.part")
            try:
                fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
            except FileExistsError:
                continue
            self.temp = temp
            return fd
        raise FileExistsError(errno.EEXIST, "no free temporary name", str(self.path))

    def commit(self, handle: IO[Any]) -> None:
        """Flush, fsync and close ``handle``, then move the temporary file into place."""
        temp = self.temp
        assert temp is not None, "commit() before open()"
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        if self.overwrite:
            os.replace(temp, self.path)
        else:
            try:
                os.link(temp, self.path)  # atomic, and fails if the name was taken meanwhile
            except FileExistsError:
                raise FileExistsError(
                    errno.EEXIST, "file appeared while writing; not replaced", str(self.path)
                ) from None
            except OSError:  # a file system without hard links: check, then move
                if os.path.lexists(self.path):
                    raise FileExistsError(errno.EEXIST, "file exists", str(self.path)) from None
                os.replace(temp, self.path)
            else:
                os.unlink(temp)
        self.temp = None
        _fsync_dir(self.path.parent)

    def discard(self) -> None:
        """Remove the temporary file, if any (the final name is never touched)."""
        if self.temp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.temp)
            self.temp = None


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; directories cannot be opened on Windows.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def json_text(value: Any) -> str:
    """Strict JSON, UTF-8 as is: NaN and infinities become ``null`` (JSON has neither)."""
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(value), ensure_ascii=False, allow_nan=False)


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def csv_cell(value: Any) -> str:
    """One CSV cell: null -> empty, booleans as ``true``/``false``, nested values as JSON text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value  # as is: a leading = + - @ is data, not ours to alter
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Mapping | list | tuple):
        return json_text(value)
    return str(value)


def header_keys(headers: Iterable[Header]) -> list[str]:
    """Column keys, in order, duplicates dropped, from ResultHeaders, mappings or strings."""
    keys: list[str] = []
    for header in headers:
        key = header if isinstance(header, str) else _key_of(header)
        if not isinstance(key, str):
            raise TypeError(f"a header's key must be a str, not {type(key).__name__}")
        if key not in keys:
            keys.append(key)
    return keys


def _key_of(header: object) -> object:
    return header.get("key") if isinstance(header, Mapping) else getattr(header, "key", None)


class _Writer:
    """The format-specific part of ``write_results``: start (with the first row), rows, end."""

    def __init__(self, out: TextIO, fmt: str, headers: Sequence[Header] | None) -> None:
        self.out = out
        self.fmt = fmt
        self.headers = headers
        self.count = 0
        self.columns: list[str] = []
        self.known: set[str] = set()
        self.dropped: dict[str, None] = {}
        self._csv: Any = None

    def start(self, first: Mapping[str, Any] | None, source: object) -> None:
        if self.fmt == "json":
            self.out.write("[")
        if self.fmt != "csv":
            return
        # The iterator's headers fill in only once its first page arrived: read them after
        # the first row was pulled.
        headers = self.headers if self.headers is not None else getattr(source, "headers", None)
        self.columns = header_keys(headers or ())
        for key in first or ():
            if key not in self.columns:
                self.columns.append(key)  # extra keys of the first row: after the headers
        self.known = set(self.columns)
        self._csv = csv.writer(self.out)
        if self.columns:
            self._csv.writerow(self.columns)

    def row(self, row: Mapping[str, Any]) -> None:
        if not isinstance(row, Mapping):
            raise TypeError(f"each row must be a mapping, not {type(row).__name__}")
        if self.fmt == "csv":
            for key in row:
                if key not in self.known:
                    self.dropped[key] = None
            self._csv.writerow([csv_cell(row.get(key)) for key in self.columns])
        else:
            text = json_text(row if isinstance(row, dict) else dict(row))
            if self.fmt == "jsonl":
                self.out.write(text + "\n")
            else:
                self.out.write(("\n" if self.count == 0 else ",\n") + text)
        self.count += 1

    def end(self) -> int:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")
        self.out.flush()
        if self.dropped:
            logger.warning(
                "write_results: keys not among the CSV columns were left out: %s",
                ", ".join(list(self.dropped)[:20]),
            )
        return self.count


_END: Any = object()


def _check(
    fmt: object, target: str | os.PathLike[str] | TextIO, overwrite: bool
) -> tuple[AtomicFile | None, TextIO]:
    if fmt not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(_FORMATS)}; got {fmt!r}")
    if isinstance(target, str | os.PathLike):
        atomic = AtomicFile(target, overwrite=overwrite)
        return atomic, atomic.open_text()
    if isinstance(target, io.BufferedIOBase | io.RawIOBase) or not hasattr(target, "write"):
        raise TypeError("path_or_file must be a path or a file opened in text mode")
    return None, target


def write_results(
    rows: Iterable[Mapping[str, Any]],
    path_or_file: str | os.PathLike[str] | TextIO,
    *,
    format: WriteFormat = "csv",
    headers: Sequence[Header] | None = None,
    overwrite: bool = False,
) -> int:
    """Write ``rows`` as CSV, JSON Lines or a JSON array; return the number of rows written.

    Streams: one row at a time is held. CSV columns are the keys of ``headers`` (ResultHeaders,
    ``{"key": ..., "label": ...}`` mappings or key strings; by default the ``headers`` of a
    ``ResultRows`` iterator, read after its first row arrived), then the first row's other keys
    in its order; keys that only later rows have are left out (logged once as a warning). The
    header row holds the keys. Nested values are written as JSON text, null as an empty cell,
    strings exactly as they are (no CSV-injection mangling). JSON output is strict UTF-8 JSON:
    NaN and infinities are written as null; a value JSON has no type for (a datetime, say)
    raises TypeError (CSV writes such a value with ``str``). A path is written atomically
    (``overwrite=False`` refuses an existing file with ``FileExistsError`` before any row is
    pulled); an open text file is written as given and left open (for CSV open it with
    ``newline=""``).
    """
    atomic, out = _check(format, path_or_file, overwrite)
    try:
        writer = _Writer(out, format, headers)
        iterator: Iterator[Mapping[str, Any]] = iter(rows)
        first = next(iterator, _END)
        writer.start(None if first is _END else first, rows)
        if first is not _END:
            writer.row(first)
            for row in iterator:
                writer.row(row)
        count = writer.end()
        if atomic is not None:
            atomic.commit(out)
        return count
    except BaseException:
        if atomic is not None:
            out.close()
            atomic.discard()
        raise


async def awrite_results(
    rows: AsyncIterable[Mapping[str, Any]] | Iterable[Mapping[str, Any]],
    path_or_file: str | os.PathLike[str] | TextIO,
    *,
    format: WriteFormat = "csv",
    headers: Sequence[Header] | None = None,
    overwrite: bool = False,
) -> int:
    """Async twin of ``write_results``: pulls rows from an async iterator (``aiter_...``).

    The file writes themselves are ordinary blocking writes of one row each.
    """
    if not isinstance(rows, AsyncIterable):
        return write_results(
            rows, path_or_file, format=format, headers=headers, overwrite=overwrite
        )
    atomic, out = _check(format, path_or_file, overwrite)
    try:
        writer = _Writer(out, format, headers)
        iterator = aiter(rows)
        first = await anext(iterator, _END)
        writer.start(None if first is _END else first, rows)
        if first is not _END:
            writer.row(first)
            async for row in iterator:
                writer.row(row)
        count = writer.end()
        if atomic is not None:
            atomic.commit(out)
        return count
    except BaseException:
        if atomic is not None:
            out.close()
            atomic.discard()
        raise
