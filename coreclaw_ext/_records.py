"""``Record``: ``typing.NamedTuple`` for type checkers, a plain named tuple at run time.

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

from typing import TYPE_CHECKING, Any

__all__ = ["Record"]

if TYPE_CHECKING:
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
