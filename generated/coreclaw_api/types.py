"""Contains some shared types for properties"""

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, TYPE_CHECKING, Any, BinaryIO, Generic, Literal, TypeVar

if TYPE_CHECKING:
    # Type checkers see the plain classes here and in models/ and client.py as the attrs
    # classes they were (with their own __init__), so that users' attrs.fields(Model).name
    # and attrs.evolve(model, name=...) stay typed. At run time this decorator does nothing.
    from attrs import define as _typed_as_attrs
else:

    def _typed_as_attrs(**_options: object) -> Any:
        return _unchanged

    def _unchanged(cls: type) -> type:
        return cls


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        # The one UNSET, also after pickling or copying a model (fields are tested with `is`).
        return "UNSET"


def unix_seconds(value: object) -> datetime.datetime | None:
    """Unix seconds as an aware UTC datetime; None when absent, 0 (the API's "not yet") or
    out of range."""
    if isinstance(value, bool) or not isinstance(value, int) or value == 0:
        return None
    try:
        return datetime.datetime.fromtimestamp(value, tz=datetime.UTC)
    except (OverflowError, OSError, ValueError):
        return None


UNSET: Unset = Unset()


class _Nothing:
    """The default of a parameter whose value is made for each instance (attrs' NOTHING)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOTHING"


_NOTHING: Any = _Nothing()

# One field of a class, as attrs would describe it: (name, alias, kw_only, init, default,
# factory); default is _NOTHING when there is none, factory None when there is none.
_Field = tuple[str, str, bool, bool, Any, Any]


class _AttrsFields:
    """A class's ``__attrs_attrs__``, made on first access.

    The models, the clients, File and Response are plain classes with ``__slots__``, written
    as the ``attrs.define`` classes they were (same ``__init__``, equality, repr, pickling).
    attrs' functions (``attrs.fields``, ``has``, ``asdict``, ``evolve``) find a class's fields
    in ``__attrs_attrs__``: reading it imports attrs and builds the fields that
    ``attrs.define`` would have made, through a class attrs makes with the same fields.
    """

    __slots__ = ("_fields", "_owner", "_shadow")

    def __init__(self, *fields: _Field) -> None:
        self._fields = fields
        self._owner: type | None = None
        self._shadow: type | None = None

    def __set_name__(self, owner: type, name: str) -> None:
        self._owner = owner

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        return self.shadow().__attrs_attrs__  # type: ignore[attr-defined]

    def shadow(self) -> type:
        """The attrs class with this class's fields (and its bases' shadows as bases)."""
        shadow = self._shadow
        if shadow is None:
            import attrs

            cls = self._owner
            assert cls is not None, "_AttrsFields outside a class"
            bases = tuple(
                base.__dict__["__attrs_attrs__"].shadow()
                for base in cls.__bases__
                if isinstance(base.__dict__.get("__attrs_attrs__"), _AttrsFields)
            )
            hints = cls.__dict__.get("__annotations__", {})
            these = {
                name: attrs.field(
                    default=attrs.NOTHING
                    if default is _NOTHING and factory is None
                    else attrs.Factory(factory)
                    if factory is not None
                    else default,
                    kw_only=kw_only,
                    init=init,
                    alias=alias,
                    type=hints.get(name),
                )
                for name, alias, kw_only, init, default, factory in self._fields
            }
            shadow = attrs.make_class(cls.__name__, these, bases=bases or (object,), init=False)
            shadow.__qualname__ = cls.__qualname__
            shadow.__module__ = cls.__module__
            self._shadow = shadow
        return shadow


_C = TypeVar("_C")


def _evolve(inst: _C, **changes: Any) -> _C:
    """``attrs.evolve`` without attrs: a new instance of ``inst``'s class with every field of
    its ``__init__`` taken from ``inst``, except the ``changes`` (by parameter name)."""
    cls = type(inst)
    for klass in cls.__mro__:
        spec = klass.__dict__.get("__attrs_attrs__")
        if isinstance(spec, _AttrsFields):
            for name, alias, _, init, _, _ in spec._fields:
                if init and alias not in changes:
                    changes[alias] = getattr(inst, name)
    return cls(**changes)


def _state_names(cls: type) -> list[str]:
    names: list[str] = []
    for klass in reversed(cls.__mro__):
        slots = klass.__dict__.get("__slots__", ())
        names.extend(
            n for n in ((slots,) if isinstance(slots, str) else slots) if n != "__weakref__"
        )
    return names


def _getstate(self: object) -> dict[str, Any]:
    """Pickle and copy state as attrs keeps it for a slotted class: {field: value}."""
    return {name: getattr(self, name) for name in _state_names(type(self))}


def _setstate(self: object, state: dict[str, Any] | tuple[Any, ...]) -> None:
    names = _state_names(type(self))
    if isinstance(state, tuple):  # as attrs before 22.2 pickled
        for name, value in zip(names, state, strict=False):
            object.__setattr__(self, name, value)
    else:
        for name in names:
            if name in state:
                object.__setattr__(self, name, state[name])


# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class File:
    """Contains information for file uploads"""

    __slots__ = ("payload", "file_name", "mime_type", "__weakref__")

    payload: BinaryIO
    file_name: str | None
    mime_type: str | None

    __attrs_attrs__ = _AttrsFields(
        ("payload", "payload", False, True, _NOTHING, None),
        ("file_name", "file_name", False, True, None, None),
        ("mime_type", "mime_type", False, True, None, None),
    )
    __match_args__ = ("payload", "file_name", "mime_type")
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self, payload: BinaryIO, file_name: str | None = None, mime_type: str | None = None
    ) -> None:
        self.payload = payload
        self.file_name = file_name
        self.mime_type = mime_type

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (self.payload, self.file_name, self.mime_type) == (
            that.payload,
            that.file_name,
            that.mime_type,
        )

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(payload={self.payload!r}, file_name={self.file_name!r}, mime_type={self.mime_type!r})"

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@_typed_as_attrs(
    init=False, eq=False, repr=False, match_args=False, slots=False, weakref_slot=False
)
class Response(Generic[T]):
    """A response from an endpoint"""

    __slots__ = ("status_code", "content", "headers", "parsed", "__weakref__")

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None

    __attrs_attrs__ = _AttrsFields(
        ("status_code", "status_code", False, True, _NOTHING, None),
        ("content", "content", False, True, _NOTHING, None),
        ("headers", "headers", False, True, _NOTHING, None),
        ("parsed", "parsed", False, True, _NOTHING, None),
    )
    __match_args__ = ("status_code", "content", "headers", "parsed")
    __hash__ = None  # type: ignore[assignment]
    __getstate__ = _getstate
    __setstate__ = _setstate

    def __init__(
        self,
        status_code: HTTPStatus,
        content: bytes,
        headers: MutableMapping[str, str],
        parsed: T | None,
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.parsed = parsed

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        that: Any = other
        return (self.status_code, self.content, self.headers, self.parsed) == (
            that.status_code,
            that.content,
            that.headers,
            that.parsed,
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__qualname__}(status_code={self.status_code!r}, content={self.content!r}, "
            f"headers={self.headers!r}, parsed={self.parsed!r})"
        )


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset", "unix_seconds"]
