"""``_options.Record`` makes the class ``typing.NamedTuple`` makes, without its annotation checks."""

from __future__ import annotations

import pickle
import typing
from collections.abc import Callable

import pytest

from coreclaw_ext._options import CallOptions, Record
from coreclaw_ext._pools import ClientSettings
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


CALLS: list[tuple[tuple[object, ...], dict[str, object]]] = [
    ((1,), {}),
    ((1, 3), {}),
    ((1, 3, None), {}),
    ((), {"x": 1}),
    ((), {"y": 4, "x": 1}),
    ((1,), {"scale": abs}),
    ((), {}),  # x missing
    ((1, 2, None, 4), {}),  # too many
    ((1,), {"x": 2}),  # x twice
    ((1,), {"z": 2}),  # no such field
    ((), {"y": 4}),  # x missing, y given
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS, ids=[f"{a}-{k}" for a, k in CALLS])
def test_a_record_binds_arguments_as_a_named_tuple_does(
    args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    def outcome(cls: Callable[..., object]) -> object:
        try:
            return tuple(cls(*args, **kwargs))  # type: ignore[call-overload]
        except TypeError as exc:
            return TypeError, str(exc).split("(", 1)[0].replace("TypedPoint", "Point")

    assert outcome(Point) == outcome(TypedPoint)


def test_replace_and_make_refuse_what_named_tuples_refuse() -> None:
    with pytest.raises(ValueError, match="unexpected field names"):
        Point(1)._replace(z=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="Expected 3 arguments"):
        Point._make([1, 2])
    assert Point(1)._asdict() == TypedPoint(1)._asdict() == {"x": 1, "y": 2, "scale": None}
    assert Point.__match_args__ == TypedPoint.__match_args__


def test_the_operation_table_rows_are_named_tuples() -> None:
    from coreclaw_api._spec_index import OPERATIONS, OperationInfo

    op = OPERATIONS[0]
    fields = [
        "operation_id",
        "method",
        "path",
        "path_regex",
        "idempotent",
        "creates_run",
        "sync_wait",
        "data_required",
        "data_shape",
    ]
    assert OperationInfo._fields == tuple(fields) and isinstance(op, tuple)
    assert op == tuple(getattr(op, name) for name in fields)
    assert op._asdict() == dict(zip(fields, op, strict=True))
    assert op._replace(method="PUT").method == "PUT" and op.method == "GET"
    assert repr(op).startswith(f"OperationInfo(operation_id={op.operation_id!r}, method=")
    assert pickle.loads(pickle.dumps(op)) == op
    assert OperationInfo(*op) == op and not hasattr(op, "__dict__")
    with pytest.raises(AttributeError):
        op.method = "PUT"  # type: ignore[misc]
