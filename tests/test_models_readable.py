"""Models print readably and give timestamps as datetimes, for every model the spec reaches."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from coreclaw_api import models
from coreclaw_api.types import UNSET

from tests import spec_cases

SEEDS = spec_cases.model_seeds()


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_repr_shows_set_fields_only(name: str) -> None:
    cls: Any = getattr(models, name)
    value = cls.from_dict(SEEDS[name])
    text = repr(value)
    assert text.startswith(f"{name}(")
    assert " object at 0x" not in text and "UNSET" not in text
    for field in attrs.fields(cls):
        if field.default is UNSET:  # an optional field: leave it unset
            setattr(value, field.name, UNSET)
            shown = repr(value)
            assert f"({field.name}=" not in shown and f", {field.name}=" not in shown
    assert " object at 0x" not in repr(value) and "UNSET" not in repr(value)


def test_unset_itself_prints_as_unset() -> None:
    assert repr(UNSET) == "UNSET"


def test_unix_seconds_are_aware_datetimes() -> None:
    run = models.RunRecord.from_dict(
        {"slug": "R", "status": "running", "started_at": 1786001000, "finished_at": 0}
    )
    assert run.started_at_datetime == datetime.datetime(2026, 8, 6, 7, 23, 20, tzinfo=datetime.UTC)
    assert run.finished_at_datetime is None  # 0 means "not yet" in this API
    assert models.RunRecord.from_dict({"slug": "R", "status": "x"}).started_at_datetime is None
    huge = models.RunRecord.from_dict({"slug": "R", "status": "x", "started_at": 10**30})
    assert huge.started_at_datetime is None


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_seconds_field_has_a_datetime(name: str) -> None:
    cls: Any = getattr(models, name)
    value = cls.from_dict(SEEDS[name])
    for field in attrs.fields(cls):
        if field.name.endswith(("_at", "_timestamp")):
            stamp = getattr(value, f"{field.name}_datetime")
            raw = getattr(value, field.name)
            if isinstance(raw, int) and raw:
                assert stamp is not None and stamp.tzinfo is not None
                assert int(stamp.timestamp()) == raw
