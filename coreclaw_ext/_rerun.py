"""The two shapes of a rerun's answer, as one name for annotations."""

from __future__ import annotations

from coreclaw_api.models.rerun_accepted import RerunAccepted
from coreclaw_api.models.sync_rerun_result import SyncRerunResult

RerunResult = SyncRerunResult | RerunAccepted
"""``SyncRerunResult`` (``is_async=False``) or ``RerunAccepted`` (the default)."""
