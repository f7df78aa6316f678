"""What the command line prints: outcomes, fields, tables, log lines, error lines."""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

EXIT_OK = 0
LINE_LEVELS = {1: "DEBUG", 2: "INFO", 3: "WARN", 4: "ERROR"}


class UsageError(Exception):
    """A bad option value or missing configuration, found before anything is sent."""


@dataclass(frozen=True)
class Outcome:
    """What a command prints: ``data`` with --json, ``text`` otherwise; and its exit code."""

    data: Any
    text: str
    code: int = EXIT_OK


def _scalar(value: Any) -> str:
    if isinstance(value, str):
        return value
    return "" if value is None else json.dumps(value, ensure_ascii=False)


def format_fields(data: Mapping[str, Any]) -> str:
    """Aligned ``key: value`` lines."""
    width = max((len(key) for key in data), default=0) + 1
    return "\n".join(f"{key + ':':<{width}} {_scalar(value)}" for key, value in data.items())


def _columns(
    headers: Sequence[Mapping[str, Any]], rows: Sequence[Mapping[str, Any]]
) -> list[tuple[str, str]]:
    if headers:
        return [(h["key"], h.get("label") or h["key"]) for h in headers]
    keys = dict.fromkeys(key for row in rows for key in row)
    return [(key, key) for key in keys]


def format_table(headers: Sequence[Mapping[str, Any]], rows: Sequence[Mapping[str, Any]]) -> str:
    """Tab-separated rows under a line of column labels (keys when there are no headers)."""
    columns = _columns(headers, rows)

    def cell(value: Any) -> str:
        return _scalar(value).translate({9: " ", 10: " ", 13: " "})

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
        return str(stamp)
    return when.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def format_log_line(line: Any) -> str:
    """``<UTC time> <LEVEL> <content>`` for a structured line; a plain string as is."""
    if not isinstance(line, Mapping):
        return str(line)
    when = format_time_ms(line.get("timestamp"))
    kind = line.get("type")
    level = "-" if kind is None else LINE_LEVELS.get(kind, str(kind))
    return f"{when} {level} {line.get('content', '')}"


def _error(message: str) -> None:
    print(f"error: {message}", file=sys.stderr, flush=True)
