"""``_records.Record`` makes the class ``typing.NamedTuple`` makes, without its annotation checks."""

from __future__ import annotations

import pickle
import typing
from collections.abc import Callable

import pytest

from coreclaw_ext._options import CallOptions
from coreclaw_ext._pools import ClientSettings
from coreclaw_ext._records import Record
from coreclaw_ext._retry import RetryPolicy


class Point(Record):
    """A point."""

    x: int
    y: int = 2
    scale: Callable[[int], int] | None = None

    def total(self) -> int:
        return self.x + self.y

    @property
    def doubled(self) -> tuple[int, int]:
        return (2 * self.x, 2 * self.y)


class TypedPoint(typing.NamedTuple):
    """A point."""

    x: int
    y: int = 2
    scale: Callable[[int], int] | None = None

    def total(self) -> int:
        return self.x + self.y

    @property
    def doubled(self) -> tuple[int, int]:
        return (2 * self.x, 2 * self.y)


def test_a_record_behaves_as_the_same_typing_named_tuple() -> None:
    ours, theirs = Point(1), TypedPoint(1)
    assert ours == theirs == (1, 2, None)
    assert Point._fields == TypedPoint._fields
    assert Point._field_defaults == TypedPoint._field_defaults
    assert repr(ours) == repr(theirs).replace("TypedPoint", "Point")
    assert ours.total() == theirs.total() == 3
    assert ours.doubled == theirs.doubled == (2, 4)
    assert ours._replace(y=5) == (1, 5, None)
    assert Point._make([3, 4, None]).total() == 7
    assert Point.__doc__ == "A point."
    assert Point.__qualname__ == "Point" and Point.__module__ == __name__
    assert issubclass(Point, tuple) and not hasattr(ours, "__dict__")
    with pytest.raises(AttributeError):
        ours.x = 5  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(ours)) == ours


def test_a_record_keeps_its_annotations_for_get_type_hints() -> None:
    hints = typing.get_type_hints(Point)
    assert hints["x"] is int and hints["y"] is int
    assert typing.get_type_hints(RetryPolicy)["max_retries"] is int


def test_a_record_refuses_what_named_tuples_refuse() -> None:
    with pytest.raises(TypeError, match="without a default follows"):

        class Bad(Record):
            a: int = 1
            b: int

    with pytest.raises(AttributeError, match="_replace"):

        class Worse(Record):
            a: int

            def _replace(self) -> None:  # type: ignore[override]
                return None


@pytest.mark.parametrize("record", [CallOptions, ClientSettings, RetryPolicy])
def test_the_settings_tuples_are_records(record: type[tuple[object, ...]]) -> None:
    assert issubclass(record, tuple)
    assert record.__module__.startswith("coreclaw_ext.")
    assert set(record.__annotations__) == set(record._fields)  # type: ignore[attr-defined]
