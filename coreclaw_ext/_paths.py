"""Checking and shaping identifiers that go into URL paths.

The generated code percent-encodes each path value once (``quote(value, safe="")``), but it
leaves ``.`` and ``..`` alone and httpx then resolves them as dot segments, so
``rerun("..")`` would hit another endpoint. Values are checked here before any request; they
are never pre-encoded, which would double-encode.

``find_operation`` tells which spec operation a request's path belongs to, from the table
regen.sh writes (for retry safety and timeouts).
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from coreclaw_api._spec_index import OPERATIONS, RESERVED_SEGMENTS, OperationInfo

from ._consts import CACHED_ID_MAX_CHARS, ENCODED_ID_CACHE_SIZE, ID_MAX_ENCODED_BYTES
from ._validate import CONTROL as _CONTROL

_DOT_SEGMENTS = frozenset({".", ".."})


def _check_text(kind: str, value: object, param: str | None = None) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{kind} must be a str, not {type(value).__name__}")
    # A str subclass can override hashing and comparison; check (and send) its plain text.
    value = str.__str__(value)
    if not value.strip():
        raise ValueError(f"{kind} must not be empty or whitespace")
    control = _CONTROL.search(value)
    if control is not None:
        raise ValueError(f"{kind} must not contain control characters (found {control.group()!r})")
    try:
        encoded = quote(value, safe="")
    except UnicodeEncodeError:
        raise ValueError(f"{kind} is not valid text (it holds a lone surrogate)") from None
    if len(encoded) > ID_MAX_ENCODED_BYTES:
        raise ValueError(
            f"{kind} is {len(encoded)} bytes long once encoded for a URL; "
            f"at most {ID_MAX_ENCODED_BYTES} are sent"
        )
    if value in _DOT_SEGMENTS:
        raise ValueError(
            f"{kind} must not be {value!r}: it is a dot segment that URLs resolve away"
        )
    if param is not None and value in RESERVED_SEGMENTS.get(param, ()):
        # /worker-runs/{runId} with runId "last" would be /worker-runs/last: another operation.
        raise ValueError(
            f"{kind} must not be {value!r}: that is a fixed segment of another API path"
        )
    return value


def _check_part(kind: str, part: str, label: str, original: str) -> None:
    if not part.strip():
        raise ValueError(f"{kind} {original!r} has an empty {label}")
    if part in _DOT_SEGMENTS:
        raise ValueError(f"{kind} {original!r} has {label} {part!r}, a dot segment")


# Checked ids, so that a program rerunning the same Workers or polling the same run pays for
# the checks once. Only exact ``str`` values that passed are kept; the size is bounded.
_worker_ids: dict[str, str] = {}
_run_ids: dict[str, str] = {}
_task_ids: dict[str, str] = {}
_queue_ids: dict[str, str] = {}


def _cached(cache: dict[str, str], value: str, encode: Callable[[str], str]) -> str:
    """``encode(value)``, answered from ``cache`` for an exact ``str`` seen before."""
    exact = type(value) is str and len(value) <= CACHED_ID_MAX_CHARS
    if exact:
        known = cache.get(value)
        if known is not None:
            return known
    encoded = encode(value)
    if exact:
        if len(cache) >= ENCODED_ID_CACHE_SIZE:
            cache.clear()
        cache[value] = encoded
    return encoded


def encode_worker_id(value: str) -> str:
    """Return the path form of a Worker id.

    A slug passes through, ``owner/name`` becomes ``owner~name`` (the API's spelling of a
    Worker path) and ``owner~name`` is kept. Raises ``ValueError`` for values that cannot
    name one Worker and ``TypeError`` for non-strings.
    """
    return _cached(_worker_ids, value, _encode_worker_id)


def _encode_worker_id(value: str) -> str:
    kind = "worker_id"
    value = _check_text(kind, value, "workerId")
    if "/" in value:
        if value.count("/") > 1:
            raise ValueError(f"{kind} {value!r} has more than one '/'; expected 'owner/name'")
        owner, name = value.split("/")
        _check_part(kind, owner, "owner", value)
        _check_part(kind, name, "name", value)
        if "~" in value:
            raise ValueError(
                f"{kind} {value!r} mixes '/' and '~'; use one of 'owner/name' or 'owner~name'"
            )
        return f"{owner}~{name}"
    if "~" in value:
        owner, _, name = value.partition("~")
        _check_part(kind, owner, "owner", value)
        _check_part(kind, name, "name", value)
    return value


def encode_run_id(value: str) -> str:
    """Return a run slug checked for use in a path (non-empty, no dot segment, no control chars)."""
    return _cached(_run_ids, value, _check_run_id)


def _check_run_id(value: str) -> str:
    return _check_text("run_id", value, "runId")


def encode_task_id(value: str) -> str:
    """Return a saved-task slug checked for use in a path (as ``encode_run_id`` checks runs)."""
    return _cached(_task_ids, value, _check_task_id)


def _check_task_id(value: str) -> str:
    return _check_text("worker_task_id", value, "workerTaskId")


def encode_queue_id(value: str) -> str:
    """Return a Run Queue item reference checked for use in a path."""
    return _cached(_queue_ids, value, _check_queue_id)


def _check_queue_id(value: str) -> str:
    return _check_text("queue_id", value, "queueId")


_BY_METHOD: dict[str, tuple[tuple[OperationInfo, tuple[str | None, ...]], ...]] = {}
for _op in OPERATIONS:
    _segs = tuple(None if s.startswith("{") else s for s in _op.path.split("/")[1:])
    _BY_METHOD[_op.method] = (*_BY_METHOD.get(_op.method, ()), (_op, _segs))


def _matches(template: tuple[str | None, ...], parts: list[str]) -> bool:
    n = len(template)
    if len(parts) < n:
        return False
    for want, got in zip(template, parts[len(parts) - n :], strict=True):
        if want is None:
            if not got:
                return False
        elif want != got:
            return False
    return True


_operation_cache: dict[tuple[str, bytes], OperationInfo | None] = {}
# Small on purpose: it pays off for paths used again (polling one run), and a program that
# sends a new id on every call fills it within its first few hundred calls and then stays at
# the same size (about 60 KB), instead of growing by a MiB over thousands of calls. A miss
# costs about 6 us (a regex per operation of the method), under 1 % of a call.
_CACHE_MAX = 256
# Real paths are well under this (a 26-character slug): no long path is kept at all.
_CACHED_PATH_MAX = 256


def find_operation(method: str, raw_path: bytes) -> OperationInfo | None:
    """The operation whose path template matches the end of ``raw_path`` (query excluded).

    The match is on the end of the path so that a base URL with a prefix (a gateway mounted
    under ``/coreclaw``) still finds the operation. Results are cached per (method, path).
    """
    key = (method, raw_path.partition(b"?")[0])
    try:
        return _operation_cache[key]
    except KeyError:
        pass
    path = key[1].decode("ascii", errors="replace")
    found = None
    parts = path.split("/")
    for op, template in _BY_METHOD.get(method, ()):
        if _matches(template, parts):
            found = op
            break
    if len(key[1]) <= _CACHED_PATH_MAX:  # long paths (1 KB ids) would make the cache heavy
        if len(_operation_cache) >= _CACHE_MAX:
            _operation_cache.clear()
        _operation_cache[key] = found
    return found
