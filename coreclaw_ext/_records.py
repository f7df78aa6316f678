"""``Record``: ``typing.NamedTuple`` for type checkers, a plain named tuple at run time.

``typing.NamedTuple`` checks every field's annotation when the class is made; under
``from __future__ import annotations`` each one is a string it compiles into a ``ForwardRef``.
For the settings tuples a client needs at its first call that cost about 0.5 ms of every
start. ``Record`` makes the same class from the same body (fields, defaults, docstring,
methods and properties) with ``collections.namedtuple``, leaving annotations as they are.
"""

from __future__ import annotations

import collections
from typing import TYPE_CHECKING, Any

__all__ = ["Record"]

if TYPE_CHECKING:
    from typing import NamedTuple as Record
else:
    # What a class body may not set on a named tuple, as typing.NamedTuple refuses it too.
    _PROHIBITED = frozenset(
        {"__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults"}
        | {"_make", "_replace", "_asdict", "_source"}
    )
    _KEPT_BY_NAMEDTUPLE = frozenset({"__module__", "__qualname__", "__annotations__"})

    class _RecordMeta(type):
        def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any]) -> Any:
            if not bases:  # Record itself
                return super().__new__(mcs, name, bases, namespace)
            fields = tuple(namespace.get("__annotations__", {}))
            defaults = [namespace[field] for field in fields if field in namespace]
            first_default = len(fields) - len(defaults)
            for field in fields[first_default:]:
                if field not in namespace:
                    raise TypeError(
                        f"{name}: field {field!r} without a default follows one with a default"
                    )
            record = collections.namedtuple(
                name, fields, defaults=defaults, module=namespace.get("__module__")
            )
            record.__qualname__ = namespace.get("__qualname__", name)
            record.__annotations__ = dict(namespace.get("__annotations__", {}))
            for key, value in namespace.items():
                if key in _PROHIBITED:
                    raise AttributeError(f"cannot overwrite NamedTuple attribute {key}")
                if key not in fields and key not in _KEPT_BY_NAMEDTUPLE:
                    setattr(record, key, value)
            return record

    class Record(metaclass=_RecordMeta):
        """Base of the settings tuples; see the module docstring."""
