"""Checking a Worker's input against its input schema before a paid run starts.

``validate=True`` on a convenience that starts a Worker (or saves its input in a task) fetches
the Worker's input schema (``getWorkerInputSchema``, a public call), validates the form fields
(``input.parameters.custom``) with ``jsonschema`` and raises ``InputValidationError`` listing
every problem; nothing is started. Schemas are cached per API host and Worker for a few
minutes, so a batch of starts of one Worker fetches its schema once.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

from coreclaw_api.client import AuthenticatedClient, Client

from ._consts import INPUT_SCHEMA_CACHE_SECONDS, INPUT_SCHEMA_CACHE_SIZE
from .errors import InputValidationError, UnexpectedResponseError

_cache: dict[tuple[str, str], tuple[float, dict[str, Any]]] = {}
_lock = threading.Lock()
_SHOWN_PROBLEMS = 20


@dataclass(frozen=True)
class InputProblem:
    """One way the input differs from the schema: where, what was expected, what came."""

    path: str
    expected: str
    got: str
    message: str


def _cached(key: tuple[str, str]) -> dict[str, Any] | None:
    with _lock:
        hit = _cache.get(key)
    if hit is None or time.monotonic() - hit[0] > INPUT_SCHEMA_CACHE_SECONDS:
        return None
    return hit[1]


def _remember(key: tuple[str, str], schema: dict[str, Any]) -> None:
    with _lock:
        if len(_cache) >= INPUT_SCHEMA_CACHE_SIZE:
            _cache.clear()
        _cache[key] = (time.monotonic(), schema)


def _schema_of(data: Any) -> dict[str, Any]:
    schema = data.to_dict().get("input_schema")
    if not isinstance(schema, dict):
        raise UnexpectedResponseError("the Worker's input schema is missing or not an object")
    return schema


def form_fields(input_object: dict[str, Any] | None) -> dict[str, Any]:
    """The form fields of an ``input`` object: ``parameters.custom`` ({} when absent)."""
    if input_object is None:
        return {}
    parameters = input_object.get("parameters")
    custom = parameters.get("custom") if isinstance(parameters, dict) else None
    return custom if isinstance(custom, dict) else {}


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def problems(schema: dict[str, Any], fields: dict[str, Any]) -> list[InputProblem]:
    """Every mismatch between ``fields`` and ``schema``, in document order."""
    # Imported on first use: jsonschema costs about 30 ms to import, most programs never need it.
    from jsonschema import exceptions, validators  # noqa: PLC0415

    try:
        cls = validators.validator_for(schema)
        cls.check_schema(schema)
    except exceptions.SchemaError as exc:
        raise UnexpectedResponseError(
            f"the Worker's input schema is not a valid JSON Schema: {exc.message}"
        ) from None
    found = []
    for error in sorted(cls(schema).iter_errors(fields), key=lambda e: list(map(str, e.path))):
        path = "/".join(str(part) for part in error.absolute_path) or "(input)"
        expected = f"{error.validator}: {_describe(error.validator_value)}"
        found.append(InputProblem(path, expected, _describe(error.instance), error.message))
    return found


def _raise_if_bad(worker_id: str, schema: dict[str, Any], input_object: Any) -> None:
    found = problems(schema, form_fields(input_object))
    if not found:
        return
    lines = [f"  {p.path}: expected {p.expected}, got {p.got}" for p in found[:_SHOWN_PROBLEMS]]
    if len(found) > _SHOWN_PROBLEMS:
        lines.append(f"  ... and {len(found) - _SHOWN_PROBLEMS} more")
    raise InputValidationError(
        f"input for Worker {worker_id} does not match its input schema "
        f"({len(found)} problem(s)); nothing was started:\n" + "\n".join(lines),
        worker_id=worker_id,
        problems=found,
    )


def check_input(client: AuthenticatedClient | Client, worker_id: str, input_object: Any) -> None:
    """Fetch (or reuse) the Worker's input schema and raise if ``input_object`` breaks it."""
    # On first use: a start without validate=True never loads the schema operation.
    from ._generated.ops.get_worker_input_schema import get_worker_input_schema  # noqa: PLC0415

    key = (str(client._base_url), worker_id)
    schema = _cached(key)
    if schema is None:
        schema = _schema_of(get_worker_input_schema(client, worker_id))
        _remember(key, schema)
    _raise_if_bad(worker_id, schema, input_object)


async def acheck_input(
    client: AuthenticatedClient | Client, worker_id: str, input_object: Any
) -> None:
    """Async twin of ``check_input``."""
    from ._generated.ops.get_worker_input_schema import aget_worker_input_schema  # noqa: PLC0415

    key = (str(client._base_url), worker_id)
    schema = _cached(key)
    if schema is None:
        schema = _schema_of(await aget_worker_input_schema(client, worker_id))
        _remember(key, schema)
    _raise_if_bad(worker_id, schema, input_object)
