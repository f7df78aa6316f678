"""What the command line prints, and how: outcomes, fields, tables, log lines, errors.

Everything a server sent is untrusted text. Before it reaches a terminal, every control
character (C0 such as ESC, CR, BEL and backspace; DEL; C1, U+0080-U+009F) and every lone
surrogate is shown as an escape (``\\x1b``, ``\\r``, ``\\x9b``, ``\\udc80``), so an answer
cannot move the cursor, retitle the window, hide text or crash the encoder. Human output is
one record per line: a line break inside a value shows as ``\\n`` (table cells turn tabs and
line breaks into spaces); only the lines this module lays out are real lines.

``--json`` output is strict JSON (RFC 8259): a non-finite number (``1e999`` parses as
infinity, and Python's parser accepts ``NaN``) is written as the string ``"Infinity"``,
``"-Infinity"`` or ``"NaN"``; DEL, C1 controls and lone surrogates as ``\\uXXXX`` escapes,
like the C0 controls ``json`` escapes itself. A failure is then one line on stderr,
``{"error": {"type": ..., "message": ..., "exit_code": ...}}`` plus the details it has.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import json
import logging
import math
import os
import re
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TextIO

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell shows for a reader that went away
LINE_LEVELS = {1: "DEBUG", 2: "INFO", 3: "WARN", 4: "ERROR"}

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_UNSAFE_BUT_LAYOUT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")  # keeps \t, \n
_JSON_RAW = re.compile("[\x7f-\x9f\ud800-\udfff]")  # what json.dumps leaves unescaped
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
_FLAT = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
_ERROR_FIELDS = (  # attributes of an error that go into its JSON document when set
    "status_code",
    "code",
    "code_name",
    "request_id",
    "details",
    "retry_after",
    "raw_slug",
)


class UsageError(Exception):
    """A bad option value or missing configuration, found before anything is sent."""


@dataclass(frozen=True)
class Problem:
    """A failure to report: ``error:`` lines for people, one JSON document with --json."""

    type: str
    text: str  # the human line, after "error: "
    exit_code: int
    fields: Mapping[str, Any] = field(default_factory=dict)  # the JSON document's details
    more: tuple[str, ...] = ()  # further human lines


@dataclass(frozen=True)
class Outcome:
    """What a command prints: ``data`` with --json, ``text`` otherwise; and its exit code.

    ``problem`` goes to stderr; ``output`` is False for a failure that has nothing to print.
    """

    data: Any
    text: str
    code: int = EXIT_OK
    problem: Problem | None = None
    output: bool = True


# --- escaping -------------------------------------------------------------------------------


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def safe(text: str) -> str:
    """``text`` with control characters and lone surrogates shown as escapes (``\\x1b``)."""
    return _UNSAFE.sub(_escape, str(text))


def safe_layout(text: str) -> str:
    """Like ``safe``, but keeps tabs and line breaks: for text this program laid out."""
    return _UNSAFE_BUT_LAYOUT.sub(_escape, text)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    if isinstance(value, Mapping):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


def json_text(data: Any, *, indent: int | None = None, ascii_only: bool = False) -> str:
    """``data`` as strict JSON that is also safe to show on a terminal (see the module doc)."""
    options: dict[str, Any] = {
        "indent": indent,
        "ensure_ascii": ascii_only,
        "allow_nan": False,
        "default": str,
    }
    try:
        text = json.dumps(data, **options)
    except ValueError:  # a non-finite number somewhere
        text = json.dumps(_finite(data), **options)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --- formatting -----------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return safe(value)
    return "" if value is None else safe(json.dumps(value, ensure_ascii=False, default=str))


def _when(key: str, value: Any) -> str:
    """`` (2026-08-06T07:23:20Z)`` after a Unix-seconds field, so people read dates."""
    if not key.endswith(("_at", "_timestamp")) or isinstance(value, bool):
        return ""
    if not isinstance(value, int) or value <= 0:
        return ""
    try:
        when = datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return ""
    return f" ({when.isoformat().replace('+00:00', 'Z')})"


def format_fields(data: Mapping[str, Any]) -> str:
    """Aligned ``key: value`` lines; Unix-seconds fields also shown as UTC dates."""
    pairs = [(safe(key), value) for key, value in data.items()]
    width = max((len(key) for key, _ in pairs), default=0) + 1
    return "\n".join(
        f"{key + ':':<{width}} {_scalar(value)}{_when(key, value)}" for key, value in pairs
    )


def _columns(
    headers: Sequence[Mapping[str, Any]], rows: Sequence[Mapping[str, Any]]
) -> list[tuple[str, Any]]:
    if headers:
        return [(h["key"], h.get("label") or h["key"]) for h in headers]
    keys = dict.fromkeys(key for row in rows for key in row)
    return [(key, key) for key in keys]


def format_table(headers: Sequence[Mapping[str, Any]], rows: Sequence[Mapping[str, Any]]) -> str:
    """Tab-separated rows under a line of column labels (keys when there are no headers)."""
    columns = _columns(headers, rows)

    def cell(value: Any) -> str:  # on one line: tabs and line breaks become spaces
        return _scalar(value.translate(_FLAT) if isinstance(value, str) else value)

    lines = ["\t".join(cell(label) for _, label in columns)]
    lines += ["\t".join(cell(row.get(key)) for key, _ in columns) for row in rows]
    return "\n".join(lines)


def format_time_ms(stamp: Any) -> str:
    """Unix milliseconds as UTC ISO 8601 (``2026-08-05T12:03:20.351Z``); ``-`` when absent."""
    if stamp is None:
        return "-"
    try:
        when = datetime.fromtimestamp(stamp / 1000, tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return safe(str(stamp))
    return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def format_log_line(line: Any) -> str:
    """``<UTC time> <LEVEL> <content>`` for a structured line; a plain string as is."""
    if not isinstance(line, Mapping):
        return _scalar(line)
    when = format_time_ms(line.get("timestamp"))
    kind = line.get("type")
    known = LINE_LEVELS.get(kind) if isinstance(kind, int) else None
    level = "-" if kind is None else known or _scalar(kind)
    return f"{when} {level} {_scalar(line.get('content', ''))}"


# --- writing --------------------------------------------------------------------------------


class SafeFormatter(logging.Formatter):
    """Log lines with the message escaped: request ids and paths are the server's text."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return safe(super().formatMessage(record))

    def formatException(self, ei: Any) -> str:
        return safe_layout(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:
        return safe_layout(super().formatStack(stack_info))


def _encoding(stream: TextIO) -> str:
    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    except LookupError:
        return "ascii"


def _is_utf8(stream: TextIO) -> bool:
    return _encoding(stream) == "utf-8"


def _write_all(raw: io.FileIO, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = raw.write(view)  # a pipe may take part of it; None: try again shortly
        if written is None:
            time.sleep(0.001)
        view = view[written or 0 :]


def write(stream: TextIO, text: str) -> None:
    """Write a line in the stream's encoding; what it cannot encode is written escaped."""
    text += "\n"
    encoding = _encoding(stream)
    raw = getattr(stream, "buffer", None)
    if isinstance(raw, io.FileIO):  # unbuffered (python -u): a short write would lose text
        stream.flush()
        _write_all(raw, text.replace("\n", os.linesep).encode(encoding, "backslashreplace"))
        return
    if encoding != "utf-8":
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    stream.write(text)
    stream.flush()


def note(text: str) -> None:
    """A line on stderr, escaped; a closed or missing stderr is not an error of the command."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # broken, closed, absent
        write(sys.stderr, safe_layout(text))


def problem_for(err: BaseException, exit_code: int) -> Problem:
    """The report of an exception: its text, and its details for the JSON document."""
    message = getattr(err, "message", None)
    fields: dict[str, Any] = {"message": message if isinstance(message, str) else str(err)}
    fields.update(
        (name, value) for name in _ERROR_FIELDS if (value := getattr(err, name, None)) is not None
    )
    more: tuple[str, ...] = ()
    if getattr(err, "run_started", False):
        slug = getattr(err, "run_slug", None)
        fields.update(run_started=True, run_slug=slug)
        if slug:  # the run exists: say so plainly, so that nobody answers with a new run
            more = (f"run {slug} was started and goes on: coreclaw-py run get {slug}",)
    return Problem(type(err).__name__, str(err), exit_code, fields, more)


def failed(err: BaseException, exit_code: int) -> Outcome:
    """The outcome of a command that raised ``err``: nothing on stdout, the report on stderr."""
    return Outcome(None, "", exit_code, problem_for(err, exit_code), output=False)


def report(problem: Problem, as_json: bool) -> None:
    """``error: ...`` lines on stderr; with ``as_json``, one line ``{"error": {...}}`` instead."""
    if as_json:
        doc = {"error": {"type": problem.type, **problem.fields, "exit_code": problem.exit_code}}
        note(json_text(doc, ascii_only=sys.stderr is None or not _is_utf8(sys.stderr)))
        return
    for line in (problem.text, *problem.more):
        note(f"error: {safe(line)}")


def _detach_stdout() -> None:
    """Point file descriptor 1 at the null device, so the final flush at exit cannot fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # e.g. a test's capture
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)


def stdout_closed(code: int = EXIT_OK) -> int:
    """The exit code once stdout turned out to be closed: ``code``, or 141 for a success."""
    _detach_stdout()
    return code or EXIT_BROKEN_PIPE


def exited(status: object) -> int:
    """The exit code once argparse has printed help, the version or a usage error."""
    code = status if isinstance(status, int) else EXIT_USAGE
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:
        return stdout_closed(code)
    return code


def deliver(outcome: Outcome, as_json: bool) -> int:
    """Print ``outcome`` (its problem on stderr, its output on stdout); return the exit code.

    A reader that went away (``| head -1``) ends the command quietly with 141, as SIGPIPE
    would, unless it already had a failure code to report.
    """
    if outcome.problem is not None:
        report(outcome.problem, as_json)
    stream = sys.stdout
    if not outcome.output or stream is None:
        return outcome.code
    try:
        if as_json:
            write(stream, json_text(outcome.data, indent=2, ascii_only=not _is_utf8(stream)))
        elif outcome.text:
            write(stream, safe_layout(outcome.text))
    except BrokenPipeError:
        return stdout_closed(outcome.code)
    return outcome.code
