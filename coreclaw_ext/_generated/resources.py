"""``CoreClawClient``'s resource properties; classes load on first use.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .resource_classes import Account, Proxy, RunQueue, Store, WorkerRuns, Workers, WorkerTasks


class ResourcesMixin:
    """The resource properties of ``CoreClawClient``."""

    __slots__ = ()

    @property
    def proxy(self) -> Proxy:
        """``proxy``: list_regions."""
        from .resource_classes import Proxy

        return Proxy(self)  # type: ignore[arg-type]

    @property
    def store(self) -> Store:
        """``store``: list."""
        from .resource_classes import Store

        return Store(self)  # type: ignore[arg-type]

    @property
    def account(self) -> Account:
        """``account``: get."""
        from .resource_classes import Account

        return Account(self)  # type: ignore[arg-type]

    @property
    def workers(self) -> Workers:
        """``workers``: list, get, get_input_schema, run."""
        from .resource_classes import Workers

        return Workers(self)  # type: ignore[arg-type]

    @property
    def worker_runs(self) -> WorkerRuns:
        """``worker-runs``: list, get_last, abort_last, export_last_results, get_last_log, rerun_last, list_last_results, get, abort, get_log, rerun, list_results, export_results, get_worker_last, abort_worker_last, export_worker_last_results, get_worker_last_log, rerun_worker_last, list_worker_last_results."""
        from .resource_classes import WorkerRuns

        return WorkerRuns(self)  # type: ignore[arg-type]

    @property
    def worker_tasks(self) -> WorkerTasks:
        """``worker-tasks``: list, create, get, update, delete, get_input, update_input, run."""
        from .resource_classes import WorkerTasks

        return WorkerTasks(self)  # type: ignore[arg-type]

    @property
    def run_queue(self) -> RunQueue:
        """``run-queue``: enqueue, list, activate, release, release_one."""
        from .resource_classes import RunQueue

        return RunQueue(self)  # type: ignore[arg-type]
