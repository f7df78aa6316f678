"""Per-call settings carried to the transport without changing generated signatures, and
``Record``, the kind of class every settings tuple is.

Generated functions take no timeout or retry arguments, so a call's overrides travel in a
context variable: it follows the call into the transport in threads and asyncio tasks alike.

``Record`` is ``typing.NamedTuple`` for type checkers, a plain named tuple at run time.
``typing.NamedTuple`` checks every field's annotation when the class is made; under
``from __future__ import annotations`` each one is a string it compiles into a ``ForwardRef``.
``collections.namedtuple`` compiles a ``__new__`` for each class with ``eval``. For the
settings tuples a client needs at its first call each costs 0.2-0.5 ms of every start.
``Record`` makes the same kind of class from the same body (fields, defaults, docstring,
methods and properties) and compiles nothing: the fields are the C accessors named tuples
use, and one shared ``__new__`` binds arguments. Records are made a few times per client,
never per call, so its Python-level binding costs nothing that shows.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING, Any

import httpx

from ._consts import MAX_TIMEOUT
from ._validate import check_bool, check_int
from .errors import ConfigurationError

__all__ = [
    "MAX_RETRIES_LIMIT",
    "CallOptions",
    "Record",
    "TimeoutArg",
    "call_options",
    "call_scope",
    "check_max_retries",
    "check_timeout_seconds",
    "current",
    "to_timeout",
]

if TYPE_CHECKING:
    from contextvars import ContextVar
    from typing import NamedTuple as Record
else:
    from _collections import _tuplegetter  # the field accessor collections.namedtuple uses

    # What a class body may not set on a named tuple, as typing.NamedTuple refuses it too.
    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
        | {"_make", "_replace", "_asdict", "_source"}
    )
    _MISSING = object()

    def _new(cls: type, *args: Any, **kwargs: Any) -> Any:
        fields = cls._fields
        if not kwargs and len(args) == len(fields):
            return tuple.__new__(cls, args)
        if len(args) > len(fields):
            raise TypeError(
                f"{cls.__name__}.__new__() takes {len(fields)} positional arguments "
                f"but {len(args)} were given"
            )
        values = [*args, *(_MISSING,) * (len(fields) - len(args))]
        for name, value in kwargs.items():
            try:
                index = fields.index(name)
            except ValueError:
                raise TypeError(
                    f"{cls.__name__}.__new__() got an unexpected keyword argument {name!r}"
                ) from None
            if index < len(args):
                raise TypeError(
                    f"{cls.__name__}.__new__() got multiple values for argument {name!r}"
                )
            values[index] = value
        defaults = cls._field_defaults
        for index in range(len(args), len(fields)):
            if values[index] is _MISSING:
                name = fields[index]
                if name not in defaults:
                    raise TypeError(f"{cls.__name__}.__new__() missing required argument: {name!r}")
                values[index] = defaults[name]
        return tuple.__new__(cls, values)

    @classmethod  # type: ignore[misc]
    def _make(cls: type, iterable: Any) -> Any:
        result = tuple.__new__(cls, iterable)
        if len(result) != len(cls._fields):
            raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
        return result

    def _replace(self: Any, /, **changes: Any) -> Any:
        result = self._make(map(changes.pop, self._fields, self))
        if changes:
            raise ValueError(f"Got unexpected field names: {list(changes)!r}")
        return result

    def _asdict(self: Any) -> dict[str, Any]:
        return dict(zip(self._fields, self, strict=True))

    def _repr(self: Any) -> str:
        pairs = zip(self._fields, self, strict=True)
        inner = ", ".join(f"{name}={value!r}" for name, value in pairs)
        return f"{type(self).__name__}({inner})"

    def _getnewargs(self: Any) -> tuple[Any, ...]:
        return tuple(self)

    class _RecordMeta(type):
        def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> Any:
            if not bases:  # Record itself
                return super().__new__(mcs, name, bases, namespace)
            annotations = dict(namespace.get("__annotations__", {}))
            fields = tuple(annotations)
            defaults = {field: namespace[field] for field in fields if field in namespace}
            for field in fields[len(fields) - len(defaults) :]:
                if field not in defaults:
                    raise TypeError(
                        f"{name}: field {field!r} without a default follows one with a default"
                    )
            body = {}
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"cannot overwrite NamedTuple attribute {key}")
                if key not in fields:
                    body[key] = value
            body.setdefault("__doc__", f"{name}({', '.join(fields)})")
            body.update(
                __slots__=(),
                __annotations__=annotations,
                __match_args__=fields,
                __new__=_new,
                __repr__=_repr,
                __getnewargs__=_getnewargs,
                _fields=fields,
                _field_defaults=defaults,
                _make=_make,
                _replace=_replace,
                _asdict=_asdict,
            )
            for index, field in enumerate(fields):
                body[field] = _tuplegetter(index, f"Alias for field number {index}")
            return type(name, (tuple,), body)

    class Record(metaclass=_RecordMeta):
        """Base of the settings tuples; see the module docstring."""


TimeoutArg = float | httpx.Timeout | None


class CallOptions(Record):
    """Overrides for the calls made inside ``call_options``; None means "the client's setting".

    A named tuple (``_options.Record``), not a frozen dataclass: as immutable, and made at
    import in a fraction of the time.
    """

    timeout: httpx.Timeout | None = None
    max_retries: int | None = None
    retry_unsafe: bool | None = None


# The context variable of the overrides in force, made by the first ``call_options``:
# contextvars is a shared library that a program which never overrides a call need not load.
# setdefault is atomic, so threads entering their first call_options at once share one.
_VAR: dict[str, ContextVar[CallOptions | None]] = {}


def current() -> CallOptions | None:
    """The overrides in force for the current thread or task; the transport asks per request."""
    var = _VAR.get("current")
    return None if var is None else var.get()


def _variable() -> ContextVar[CallOptions | None]:
    var = _VAR.get("current")
    if var is None:
        from _contextvars import ContextVar  # noqa: PLC0415 - the C module, on first use

        var = _VAR.setdefault("current", ContextVar("coreclaw_call_options", default=None))
    return var


def check_timeout_seconds(name: str, value: object) -> float:
    """Seconds for a timeout: a number above 0 and at most ``MAX_TIMEOUT`` (one day).

    ``TypeError`` for a value that is not a number; ``ConfigurationError`` (a ``ValueError``)
    for NaN, infinity, zero, a negative value, or one so large that Python's socket layer would
    overflow at the first call (``OverflowError`` from ``socket.settimeout`` past about 9.2e9 s).
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{name} must be a number of seconds, not {type(value).__name__}")
    try:
        seconds = float(value)
    except OverflowError:  # an int beyond float range
        seconds = math.inf
    if math.isnan(seconds) or seconds <= 0:
        raise ConfigurationError(
            f"{name} must be a finite number of seconds above 0, got {value!r}", setting=name
        )
    if seconds > MAX_TIMEOUT:
        raise ConfigurationError(
            f"{name} must be at most {MAX_TIMEOUT:g} seconds (one day), got {seconds:g}: a "
            "longer wait bounds nothing, and past about 9.2e9 s Python's socket layer overflows",
            setting=name,
        )
    return seconds


def to_timeout(value: float | httpx.Timeout) -> httpx.Timeout:
    """An ``httpx.Timeout`` whose four parts are all set, positive and at most ``MAX_TIMEOUT``."""
    if isinstance(value, httpx.Timeout):
        for part, seconds in value.as_dict().items():
            if seconds is None:
                raise ConfigurationError(
                    f"timeout {part} must be set: an unbounded wait is never used",
                    setting="timeout",
                )
            check_timeout_seconds(f"timeout {part}", seconds)
        return value
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise TypeError(
            f"timeout must be a number of seconds or httpx.Timeout, not {type(value).__name__}"
        )
    return httpx.Timeout(check_timeout_seconds("timeout", value))


MAX_RETRIES_LIMIT = 100
"""More retries than this only hide an outage behind hours of backoff."""


def check_max_retries(value: int) -> int:
    return check_int("max_retries", value, 0, MAX_RETRIES_LIMIT)


@contextmanager
def call_options(
    *,
    timeout: float | httpx.Timeout | None = None,
    max_retries: int | None = None,
    retry_unsafe: bool | None = None,
) -> Iterator[None]:
    """Override the timeout, retry count or unsafe-retry policy of calls made in this block.

    Works around any generated function as well as the conveniences::

        with call_options(timeout=120, max_retries=5):
            rerun_worker_last_run.sync_detailed("owner~name", client=client, body=body)

    ``retry_unsafe=True`` lets run-creating POSTs be retried after a 5xx or a read timeout,
    which can start a second run.
    """
    var = _variable()
    outer = var.get()
    merged = CallOptions(
        timeout=to_timeout(timeout) if timeout is not None else (outer.timeout if outer else None),
        max_retries=check_max_retries(max_retries)
        if max_retries is not None
        else (outer.max_retries if outer else None),
        # Checked strictly: a truthy "no" must never switch on repeated run starts.
        retry_unsafe=check_bool("retry_unsafe", retry_unsafe)
        if retry_unsafe is not None
        else (outer.retry_unsafe if outer else None),
    )
    token = var.set(merged)
    try:
        yield
    finally:
        var.reset(token)


_NO_OVERRIDES = nullcontext()


def call_scope(
    timeout: float | httpx.Timeout | None, max_retries: int | None, retry_unsafe: bool | None = None
) -> AbstractContextManager[None]:
    """Per-call overrides for the transport; a shared no-op when there are none (the usual case)."""
    if timeout is None and max_retries is None and retry_unsafe is None:
        return _NO_OVERRIDES
    return call_options(timeout=timeout, max_retries=max_retries, retry_unsafe=retry_unsafe)
