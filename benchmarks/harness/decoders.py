"""The optional fast JSON decoder of ``coreclaw_ext`` (module ``coreclaw_ext._json``).

Its interface: ``use(name) -> str`` sets the decoder process-wide ("stdlib", "orjson" or
"msgspec", and whatever else the module accepts) and returns the previous setting;
``current() -> str`` names the decoder in use. The rows that need it are "not available" when
the module or the decoder package is missing.

The in-process sections run with one decoder pinned (``--decoder``, default "stdlib"), so
that no row depends on what an earlier section decoded (a setting such as "auto" may switch
decoders after some amount of data); the walk sets its own per row.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

FAST_DECODERS = ("orjson", "msgspec")
STDLIB = "stdlib"
LEAVE = "default"  # --decoder default: leave the library's own setting alone


def json_module() -> ModuleType | None:
    try:
        return importlib.import_module("coreclaw_ext._json")
    except ImportError:
        return None


def _ask(name: str) -> str | None:
    module = json_module()
    if module is None or not hasattr(module, name):
        return None
    try:
        return str(getattr(module, name)())
    except Exception as exc:
        return f"{name}() failed: {type(exc).__name__}"


def current() -> str | None:
    """The decoder in use, or None without ``coreclaw_ext._json``."""
    return _ask("current")


def setting() -> str | None:
    """The setting in force (``setting()`` where the module has it, else ``current()``)."""
    return _ask("setting") or current()


def check(name: str) -> str | None:
    """None if decoder ``name`` can be switched on, else why not."""
    module = json_module()
    if module is None:
        return "coreclaw_ext._json not present"
    if name in FAST_DECODERS and importlib.util.find_spec(name) is None:
        return f"{name} not installed"
    try:
        previous = module.use(name)
    except Exception as exc:
        return f"coreclaw_ext._json.use({name!r}) failed: {type(exc).__name__}: {exc}"
    module.use(previous)
    return None


@contextmanager
def using(name: str | None) -> Iterator[None]:
    """Decoder ``name`` in force inside the block (no-op for None or without ``_json``)."""
    module = json_module()
    if module is None or name is None or name == LEAVE:
        yield
        return
    previous = module.use(name)
    try:
        yield
    finally:
        module.use(previous)


def describe(pinned: str) -> str:
    """One line for the header: the library's setting and what the run pinned."""
    if json_module() is None:
        return "no coreclaw_ext._json: the standard library decodes everything"
    text = f"library setting {setting()} (in use: {current()})"
    if pinned == LEAVE:
        return text + "; in-process rows use it as it is"
    return text + f"; in-process rows pinned to {pinned}, fresh processes use the library's"
