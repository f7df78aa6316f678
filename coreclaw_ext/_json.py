"""Decoding JSON answers: the standard library, or a faster decoder with identical results.

``loads`` decodes every answer body (``_mapping.check_response``: every call and every result
page). Which decoder it uses is one process-wide setting:

* ``"stdlib"``: ``json.loads``.
* ``"msgspec"`` (the ``coreclaw-openapi[fast-json]`` extra): ``msgspec.json.Decoder().decode``,
  about 2x as fast as ``json.loads`` on a 100-row result page, 4-6x on a small answer.
* ``"orjson"``: ``orjson.loads``, kept so that the benchmark can compare. It turns integers
  beyond 64 bits into floats without a word, so every body is first scanned for a run of 19
  digits, which then goes to the standard library; the scan costs more than a quarter of what
  orjson saves on a result page (and more on small answers), which is why the extra is msgspec.
* ``"auto"`` (the default): the standard library until this process has decoded
  ``AUTO_SWITCH_BYTES`` (1 MiB, some 18 result pages), then msgspec if it is installed.
  Importing msgspec costs about 14 ms (some 15 % of a script's import and first call): a
  script or CLI run that makes a few calls never pays it, a long walk switches early.

``CORECLAW_JSON_DECODER`` (one of the names above, read on import) sets it from outside;
``use(name)`` from code.

The results are those of ``json.loads``, whatever the setting: the same values of the same
types (``1.0`` stays a float, ``-0.0`` keeps its sign, integers of any size stay exact),
keys in the same order, and the same error for a body it refuses. A fast decoder's value is
used only when it produced one; on any error (they refuse ``NaN`` and ``Infinity``, numbers
past the float range, lone surrogates such as ``"\\ud800"``, a byte-order mark, UTF-16 and
UTF-32 bodies, all of which ``json.loads`` accepts) the standard library decodes the body and
decides, value or error. ``tests/test_json_decoder.py`` checks this on the known corners and
on generated documents. The one difference left: nesting within a few levels of the
interpreter's recursion limit, where ``json.loads`` raises ``RecursionError`` and a fast
decoder may still succeed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any, Final

from .errors import ConfigurationError

DECODER_ENV: Final = "CORECLAW_JSON_DECODER"
"""Environment variable naming the decoder (``auto``, ``stdlib``, ``msgspec``, ``orjson``)."""

NAMES: Final = ("auto", "stdlib", "msgspec", "orjson")
"""Every setting ``use`` accepts."""

EXTRA: Final = "fast-json"
"""The optional dependency (``coreclaw-openapi[fast-json]``) that installs msgspec."""

AUTO_SWITCH_BYTES: Final = 1 << 20
"""With ``"auto"``: bytes the standard library decodes before msgspec is loaded. A process
that decodes less never imports msgspec (about 14 ms); one that decodes more pays that once,
and msgspec wins it back over its next ~4 MB (it saves about 3.4 ns per byte)."""

_LONG_DIGITS: Final = b"0" * 19
"""The shortest digit run that can be an integer orjson would turn into a float."""

_DIGITS_TO_ZERO: Final = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))

Decode = Callable[[bytes], Any]

_stdlib_loads: Final = json.loads
_setting = "auto"  # what ``use`` was last given (or the environment said)
_active = "stdlib"  # the decoder now in use
_fast: Decode | None = None  # None: the standard library decodes
_auto_left = 0  # "auto" only: bytes still to decode before msgspec is tried; 0 = no switch due


def loads(data: bytes) -> Any:
    """Decode one JSON document: exactly what ``json.loads(data)`` returns or raises."""
    fast = _fast
    if fast is not None:
        try:
            return fast(data)
        except Exception:  # noqa: S110 - refused: the standard library decides below
            pass
    elif _auto_left:
        _count(len(data))
    return _stdlib_loads(data)


def current() -> str:
    """The decoder in use now: ``"stdlib"``, ``"msgspec"`` or ``"orjson"``.

    Under ``"auto"`` that is ``"stdlib"`` until the switch, then ``"msgspec"``.
    """
    return _active


def setting() -> str:
    """The setting in force: one of ``NAMES`` (``"auto"`` unless ``use`` or the env said)."""
    return _setting


def use(name: str) -> str:
    """Decode every answer of this process with ``name`` from now on; return the previous setting.

    ``name`` is one of ``NAMES``; the previous setting is one too, so ``use(previous)``
    restores it exactly (``"auto"`` included). An unknown name, or a decoder that is not
    installed, raises ``ConfigurationError`` and changes nothing. Results do not depend on the
    choice (see the module docs); only speed does.
    """
    previous = _setting
    _apply(name)
    return previous


def _apply(name: object) -> None:
    global _setting, _active, _fast, _auto_left  # noqa: PLW0603 - one process-wide setting
    if not isinstance(name, str) or name not in NAMES:
        raise ConfigurationError(
            f"JSON decoder must be one of {', '.join(NAMES)}; got {name!r}", setting="json_decoder"
        )
    if name in ("auto", "stdlib"):
        _fast, _active = None, "stdlib"
        _auto_left = AUTO_SWITCH_BYTES if name == "auto" else 0
    else:
        fast = _load(name)
        _fast, _active, _auto_left = fast, name, 0
    _setting = name


def _load(name: str) -> Decode:
    """The decode function of a fast decoder, or ``ConfigurationError`` if it is missing."""
    decode = _loaded.get(name)
    if decode is not None:
        return decode
    try:
        if name == "msgspec":
            import msgspec.json  # noqa: PLC0415 - only when chosen: 14 ms of imports

            decode = msgspec.json.Decoder().decode
        else:
            import orjson  # noqa: PLC0415 - only when chosen

            decode = _guarded_orjson(orjson.loads)
    except ImportError:
        hint = f"coreclaw-openapi[{EXTRA}]" if name == "msgspec" else name
        raise ConfigurationError(
            f"JSON decoder {name!r} is not installed (pip install '{hint}')",
            setting="json_decoder",
        ) from None
    _loaded[name] = decode
    return decode


_loaded: dict[str, Decode] = {}


def _guarded_orjson(orjson_loads: Decode) -> Decode:
    def decode(data: bytes) -> Any:
        # orjson turns an integer outside [-2**63, 2**64) into a float: any run of 19
        # digits (in a number or a string alike) goes to the standard library instead.
        if _LONG_DIGITS in data.translate(_DIGITS_TO_ZERO):
            raise ValueError("a long digit run: left to the standard library")
        return orjson_loads(data)

    return decode


def _count(size: int) -> None:
    global _auto_left, _fast, _active  # noqa: PLW0603 - one process-wide setting
    left = _auto_left - size
    if left > 0:
        _auto_left = left
        return
    _auto_left = 0
    try:
        fast = _load("msgspec")
    except ConfigurationError:  # the extra is not installed: the standard library for good
        return
    if _setting == "auto":  # unless use() chose otherwise meanwhile (another thread)
        _fast, _active = fast, "msgspec"


def _from_env() -> None:
    """Apply ``CORECLAW_JSON_DECODER``; a value that cannot work warns and leaves "auto"."""
    raw = os.environ.get(DECODER_ENV, "")
    name = raw.strip().lower() or "auto"
    try:
        _apply(name)
    except ConfigurationError as err:
        import warnings  # noqa: PLC0415 - only for a value that cannot work

        warnings.warn(
            f"{DECODER_ENV}={raw!r} is ignored: {err.message}", RuntimeWarning, stacklevel=2
        )
        _apply("auto")


_from_env()
