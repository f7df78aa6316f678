"""Finding which spec operation a request belongs to, from the table regen.sh writes."""

from __future__ import annotations

from coreclaw_api._spec_index import OPERATIONS, OperationInfo

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


_cache: dict[tuple[str, bytes], OperationInfo | None] = {}
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
        return _cache[key]
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
        if len(_cache) >= _CACHE_MAX:
            _cache.clear()
        _cache[key] = found
    return found
