"""What ``run_many``/``arun_many`` report per item: ``BatchOutcome`` and the batch's errors.

Apart from the step machine (``_batch_core``) that builds them and the runners (``_batch``)
that return them, so both can import them without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from coreclaw_api.models.run_record import RunRecord

from .errors import CoreClawError

BatchStatus = Literal[
    "started", "finished", "failed", "skipped-already-started", "unknown", "not-started"
]
ProgressCallback = Callable[[int, int, "BatchOutcome"], None]


class UnknownOutcomeError(CoreClawError):
    """A start was sent and no usable answer came back: a run may or may not exist.

    The batch never sends it again by itself: check the Worker's runs first, then pass
    ``resend_unknown=True`` to send it again. ``error`` is the failure seen, if any.
    """

    def __init__(self, message: str, *, error: BaseException | None = None) -> None:
        super().__init__(message)
        self.error = error


class BatchTimeoutError(CoreClawError):
    """``total_timeout`` ran out before this item's start was sent: no run was started for it.

    ``error`` is the last refusal (a ``RateLimitError``) when there was one.
    """

    def __init__(self, message: str, *, error: BaseException | None = None) -> None:
        super().__init__(message)
        self.error = error


@dataclass(frozen=True, slots=True)
class BatchOutcome:
    """What became of one item (``index`` in the list, ``key`` in the journal).

    ``status``: ``started`` (accepted, not waited for), ``finished`` (waited until final;
    ``record.status`` says how it ended), ``skipped-already-started`` (started by an earlier
    batch, not waited for), ``failed`` (see ``error``; ``run_slug`` is set when the run
    exists), ``unknown`` (sent, outcome unknown: check before retrying), ``not-started``
    (``total_timeout`` ran out first). ``resumed``: the journal already had this item's start.
    ``attempts`` counts the starts this call sent (429s included).
    """

    index: int
    item: Mapping[str, Any]
    key: str
    status: BatchStatus
    run_slug: str | None = None
    record: RunRecord | None = None
    error: CoreClawError | None = None
    resumed: bool = False
    attempts: int = 0

    @property
    def ok(self) -> bool:
        """No error, and the run succeeded if it was waited for."""
        return self.error is None and (self.record is None or self.record.status == "succeeded")
