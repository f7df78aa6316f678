"""Code generated from spec/openapi.yaml for the ext layer: every generated public
name and the module it is imported from (``LAZY``), and ``CoreClawClient``'s
resource properties (``ResourcesMixin``), whose classes load on first use.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .ops.abort_last_worker_run import aabort_last_worker_run as aabort_last_worker_run
    from .ops.abort_last_worker_run import abort_last_worker_run as abort_last_worker_run
    from .ops.abort_worker_last_run import aabort_worker_last_run as aabort_worker_last_run
    from .ops.abort_worker_last_run import abort_worker_last_run as abort_worker_last_run
    from .ops.abort_worker_run import aabort_worker_run as aabort_worker_run
    from .ops.abort_worker_run import abort_worker_run as abort_worker_run
    from .ops.activate_run_queue_items import aactivate_run_queue_items as aactivate_run_queue_items
    from .ops.activate_run_queue_items import activate_run_queue_items as activate_run_queue_items
    from .ops.create_worker_task import acreate_worker_task as acreate_worker_task
    from .ops.create_worker_task import create_worker_task as create_worker_task
    from .ops.delete_worker_task import adelete_worker_task as adelete_worker_task
    from .ops.delete_worker_task import delete_worker_task as delete_worker_task
    from .ops.export_last_worker_run_results import (
        aexport_last_worker_run_results as aexport_last_worker_run_results,
    )
    from .ops.export_last_worker_run_results import (
        export_last_worker_run_results as export_last_worker_run_results,
    )
    from .ops.export_worker_last_run_results import (
        aexport_worker_last_run_results as aexport_worker_last_run_results,
    )
    from .ops.export_worker_last_run_results import (
        export_worker_last_run_results as export_worker_last_run_results,
    )
    from .ops.export_worker_run_results import (
        aexport_worker_run_results as aexport_worker_run_results,
    )
    from .ops.export_worker_run_results import (
        export_worker_run_results as export_worker_run_results,
    )
    from .ops.get_account import aget_account as aget_account
    from .ops.get_account import get_account as get_account
    from .ops.get_last_worker_run import aget_last_worker_run as aget_last_worker_run
    from .ops.get_last_worker_run import get_last_worker_run as get_last_worker_run
    from .ops.get_last_worker_run_log import aget_last_worker_run_log as aget_last_worker_run_log
    from .ops.get_last_worker_run_log import get_last_worker_run_log as get_last_worker_run_log
    from .ops.get_worker import aget_worker as aget_worker
    from .ops.get_worker import get_worker as get_worker
    from .ops.get_worker_input_schema import aget_worker_input_schema as aget_worker_input_schema
    from .ops.get_worker_input_schema import get_worker_input_schema as get_worker_input_schema
    from .ops.get_worker_last_run import aget_worker_last_run as aget_worker_last_run
    from .ops.get_worker_last_run import get_worker_last_run as get_worker_last_run
    from .ops.get_worker_last_run_log import aget_worker_last_run_log as aget_worker_last_run_log
    from .ops.get_worker_last_run_log import get_worker_last_run_log as get_worker_last_run_log
    from .ops.get_worker_run import aget_worker_run as aget_worker_run
    from .ops.get_worker_run import get_worker_run as get_worker_run
    from .ops.get_worker_run_log import aget_worker_run_log as aget_worker_run_log
    from .ops.get_worker_run_log import get_worker_run_log as get_worker_run_log
    from .ops.get_worker_task import aget_worker_task as aget_worker_task
    from .ops.get_worker_task import get_worker_task as get_worker_task
    from .ops.get_worker_task_input import aget_worker_task_input as aget_worker_task_input
    from .ops.get_worker_task_input import get_worker_task_input as get_worker_task_input
    from .ops.list_last_worker_run_results import (
        aiter_last_worker_run_results as aiter_last_worker_run_results,
    )
    from .ops.list_last_worker_run_results import (
        alist_last_worker_run_results as alist_last_worker_run_results,
    )
    from .ops.list_last_worker_run_results import (
        iter_last_worker_run_results as iter_last_worker_run_results,
    )
    from .ops.list_last_worker_run_results import (
        list_last_worker_run_results as list_last_worker_run_results,
    )
    from .ops.list_proxy_regions import alist_proxy_regions as alist_proxy_regions
    from .ops.list_proxy_regions import list_proxy_regions as list_proxy_regions
    from .ops.list_run_queue_items import aiter_run_queue_items as aiter_run_queue_items
    from .ops.list_run_queue_items import alist_run_queue_items as alist_run_queue_items
    from .ops.list_run_queue_items import iter_run_queue_items as iter_run_queue_items
    from .ops.list_run_queue_items import list_run_queue_items as list_run_queue_items
    from .ops.list_store import aiter_store as aiter_store
    from .ops.list_store import alist_store as alist_store
    from .ops.list_store import iter_store as iter_store
    from .ops.list_store import list_store as list_store
    from .ops.list_worker_last_run_results import (
        aiter_worker_last_run_results as aiter_worker_last_run_results,
    )
    from .ops.list_worker_last_run_results import (
        alist_worker_last_run_results as alist_worker_last_run_results,
    )
    from .ops.list_worker_last_run_results import (
        iter_worker_last_run_results as iter_worker_last_run_results,
    )
    from .ops.list_worker_last_run_results import (
        list_worker_last_run_results as list_worker_last_run_results,
    )
    from .ops.list_worker_run_results import aiter_worker_run_results as aiter_worker_run_results
    from .ops.list_worker_run_results import alist_worker_run_results as alist_worker_run_results
    from .ops.list_worker_run_results import iter_worker_run_results as iter_worker_run_results
    from .ops.list_worker_run_results import list_worker_run_results as list_worker_run_results
    from .ops.list_worker_runs import aiter_worker_runs as aiter_worker_runs
    from .ops.list_worker_runs import alist_worker_runs as alist_worker_runs
    from .ops.list_worker_runs import iter_worker_runs as iter_worker_runs
    from .ops.list_worker_runs import list_worker_runs as list_worker_runs
    from .ops.list_worker_tasks import aiter_worker_tasks as aiter_worker_tasks
    from .ops.list_worker_tasks import alist_worker_tasks as alist_worker_tasks
    from .ops.list_worker_tasks import iter_worker_tasks as iter_worker_tasks
    from .ops.list_worker_tasks import list_worker_tasks as list_worker_tasks
    from .ops.list_workers import aiter_workers as aiter_workers
    from .ops.list_workers import alist_workers as alist_workers
    from .ops.list_workers import iter_workers as iter_workers
    from .ops.list_workers import list_workers as list_workers
    from .ops.queued_run_worker import aqueued_run_worker as aqueued_run_worker
    from .ops.queued_run_worker import queued_run_worker as queued_run_worker
    from .ops.release_run_queue_item import arelease_run_queue_item as arelease_run_queue_item
    from .ops.release_run_queue_item import release_run_queue_item as release_run_queue_item
    from .ops.release_run_queue_items import arelease_run_queue_items as arelease_run_queue_items
    from .ops.release_run_queue_items import release_run_queue_items as release_run_queue_items
    from .ops.rerun_last_worker_run import arerun_last_worker_run as arerun_last_worker_run
    from .ops.rerun_last_worker_run import rerun_last_worker_run as rerun_last_worker_run
    from .ops.rerun_worker_last_run import arerun_worker_last_run as arerun_worker_last_run
    from .ops.rerun_worker_last_run import rerun_worker_last_run as rerun_worker_last_run
    from .ops.rerun_worker_run import arerun_worker_run as arerun_worker_run
    from .ops.rerun_worker_run import rerun_worker_run as rerun_worker_run
    from .ops.run_worker import arun_worker as arun_worker
    from .ops.run_worker import run_worker as run_worker
    from .ops.run_worker_task import arun_worker_task as arun_worker_task
    from .ops.run_worker_task import run_worker_task as run_worker_task
    from .ops.update_worker_task import aupdate_worker_task as aupdate_worker_task
    from .ops.update_worker_task import update_worker_task as update_worker_task
    from .ops.update_worker_task_input import aupdate_worker_task_input as aupdate_worker_task_input
    from .ops.update_worker_task_input import update_worker_task_input as update_worker_task_input
    from .resource_classes import Account, Proxy, RunQueue, Store, WorkerRuns, Workers, WorkerTasks

__all__ = [
    "aabort_last_worker_run",
    "aabort_worker_last_run",
    "aabort_worker_run",
    "aactivate_run_queue_items",
    "abort_last_worker_run",
    "abort_worker_last_run",
    "abort_worker_run",
    "acreate_worker_task",
    "activate_run_queue_items",
    "adelete_worker_task",
    "aexport_last_worker_run_results",
    "aexport_worker_last_run_results",
    "aexport_worker_run_results",
    "aget_account",
    "aget_last_worker_run",
    "aget_last_worker_run_log",
    "aget_worker",
    "aget_worker_input_schema",
    "aget_worker_last_run",
    "aget_worker_last_run_log",
    "aget_worker_run",
    "aget_worker_run_log",
    "aget_worker_task",
    "aget_worker_task_input",
    "aiter_last_worker_run_results",
    "aiter_run_queue_items",
    "aiter_store",
    "aiter_worker_last_run_results",
    "aiter_worker_run_results",
    "aiter_worker_runs",
    "aiter_worker_tasks",
    "aiter_workers",
    "alist_last_worker_run_results",
    "alist_proxy_regions",
    "alist_run_queue_items",
    "alist_store",
    "alist_worker_last_run_results",
    "alist_worker_run_results",
    "alist_worker_runs",
    "alist_worker_tasks",
    "alist_workers",
    "aqueued_run_worker",
    "arelease_run_queue_item",
    "arelease_run_queue_items",
    "arerun_last_worker_run",
    "arerun_worker_last_run",
    "arerun_worker_run",
    "arun_worker",
    "arun_worker_task",
    "aupdate_worker_task",
    "aupdate_worker_task_input",
    "create_worker_task",
    "delete_worker_task",
    "export_last_worker_run_results",
    "export_worker_last_run_results",
    "export_worker_run_results",
    "get_account",
    "get_last_worker_run",
    "get_last_worker_run_log",
    "get_worker",
    "get_worker_input_schema",
    "get_worker_last_run",
    "get_worker_last_run_log",
    "get_worker_run",
    "get_worker_run_log",
    "get_worker_task",
    "get_worker_task_input",
    "iter_last_worker_run_results",
    "iter_run_queue_items",
    "iter_store",
    "iter_worker_last_run_results",
    "iter_worker_run_results",
    "iter_worker_runs",
    "iter_worker_tasks",
    "iter_workers",
    "list_last_worker_run_results",
    "list_proxy_regions",
    "list_run_queue_items",
    "list_store",
    "list_worker_last_run_results",
    "list_worker_run_results",
    "list_worker_runs",
    "list_worker_tasks",
    "list_workers",
    "queued_run_worker",
    "release_run_queue_item",
    "release_run_queue_items",
    "rerun_last_worker_run",
    "rerun_worker_last_run",
    "rerun_worker_run",
    "run_worker",
    "run_worker_task",
    "update_worker_task",
    "update_worker_task_input",
]

LAZY: dict[str, str] = {
    "aabort_last_worker_run": "._generated.ops.abort_last_worker_run",
    "aabort_worker_last_run": "._generated.ops.abort_worker_last_run",
    "aabort_worker_run": "._generated.ops.abort_worker_run",
    "aactivate_run_queue_items": "._generated.ops.activate_run_queue_items",
    "abort_last_worker_run": "._generated.ops.abort_last_worker_run",
    "abort_worker_last_run": "._generated.ops.abort_worker_last_run",
    "abort_worker_run": "._generated.ops.abort_worker_run",
    "acreate_worker_task": "._generated.ops.create_worker_task",
    "activate_run_queue_items": "._generated.ops.activate_run_queue_items",
    "adelete_worker_task": "._generated.ops.delete_worker_task",
    "aexport_last_worker_run_results": "._generated.ops.export_last_worker_run_results",
    "aexport_worker_last_run_results": "._generated.ops.export_worker_last_run_results",
    "aexport_worker_run_results": "._generated.ops.export_worker_run_results",
    "aget_account": "._generated.ops.get_account",
    "aget_last_worker_run": "._generated.ops.get_last_worker_run",
    "aget_last_worker_run_log": "._generated.ops.get_last_worker_run_log",
    "aget_worker": "._generated.ops.get_worker",
    "aget_worker_input_schema": "._generated.ops.get_worker_input_schema",
    "aget_worker_last_run": "._generated.ops.get_worker_last_run",
    "aget_worker_last_run_log": "._generated.ops.get_worker_last_run_log",
    "aget_worker_run": "._generated.ops.get_worker_run",
    "aget_worker_run_log": "._generated.ops.get_worker_run_log",
    "aget_worker_task": "._generated.ops.get_worker_task",
    "aget_worker_task_input": "._generated.ops.get_worker_task_input",
    "aiter_last_worker_run_results": "._generated.ops.list_last_worker_run_results",
    "aiter_run_queue_items": "._generated.ops.list_run_queue_items",
    "aiter_store": "._generated.ops.list_store",
    "aiter_worker_last_run_results": "._generated.ops.list_worker_last_run_results",
    "aiter_worker_run_results": "._generated.ops.list_worker_run_results",
    "aiter_worker_runs": "._generated.ops.list_worker_runs",
    "aiter_worker_tasks": "._generated.ops.list_worker_tasks",
    "aiter_workers": "._generated.ops.list_workers",
    "alist_last_worker_run_results": "._generated.ops.list_last_worker_run_results",
    "alist_proxy_regions": "._generated.ops.list_proxy_regions",
    "alist_run_queue_items": "._generated.ops.list_run_queue_items",
    "alist_store": "._generated.ops.list_store",
    "alist_worker_last_run_results": "._generated.ops.list_worker_last_run_results",
    "alist_worker_run_results": "._generated.ops.list_worker_run_results",
    "alist_worker_runs": "._generated.ops.list_worker_runs",
    "alist_worker_tasks": "._generated.ops.list_worker_tasks",
    "alist_workers": "._generated.ops.list_workers",
    "aqueued_run_worker": "._generated.ops.queued_run_worker",
    "arelease_run_queue_item": "._generated.ops.release_run_queue_item",
    "arelease_run_queue_items": "._generated.ops.release_run_queue_items",
    "arerun_last_worker_run": "._generated.ops.rerun_last_worker_run",
    "arerun_worker_last_run": "._generated.ops.rerun_worker_last_run",
    "arerun_worker_run": "._generated.ops.rerun_worker_run",
    "arun_worker": "._generated.ops.run_worker",
    "arun_worker_task": "._generated.ops.run_worker_task",
    "aupdate_worker_task": "._generated.ops.update_worker_task",
    "aupdate_worker_task_input": "._generated.ops.update_worker_task_input",
    "create_worker_task": "._generated.ops.create_worker_task",
    "delete_worker_task": "._generated.ops.delete_worker_task",
    "export_last_worker_run_results": "._generated.ops.export_last_worker_run_results",
    "export_worker_last_run_results": "._generated.ops.export_worker_last_run_results",
    "export_worker_run_results": "._generated.ops.export_worker_run_results",
    "get_account": "._generated.ops.get_account",
    "get_last_worker_run": "._generated.ops.get_last_worker_run",
    "get_last_worker_run_log": "._generated.ops.get_last_worker_run_log",
    "get_worker": "._generated.ops.get_worker",
    "get_worker_input_schema": "._generated.ops.get_worker_input_schema",
    "get_worker_last_run": "._generated.ops.get_worker_last_run",
    "get_worker_last_run_log": "._generated.ops.get_worker_last_run_log",
    "get_worker_run": "._generated.ops.get_worker_run",
    "get_worker_run_log": "._generated.ops.get_worker_run_log",
    "get_worker_task": "._generated.ops.get_worker_task",
    "get_worker_task_input": "._generated.ops.get_worker_task_input",
    "iter_last_worker_run_results": "._generated.ops.list_last_worker_run_results",
    "iter_run_queue_items": "._generated.ops.list_run_queue_items",
    "iter_store": "._generated.ops.list_store",
    "iter_worker_last_run_results": "._generated.ops.list_worker_last_run_results",
    "iter_worker_run_results": "._generated.ops.list_worker_run_results",
    "iter_worker_runs": "._generated.ops.list_worker_runs",
    "iter_worker_tasks": "._generated.ops.list_worker_tasks",
    "iter_workers": "._generated.ops.list_workers",
    "list_last_worker_run_results": "._generated.ops.list_last_worker_run_results",
    "list_proxy_regions": "._generated.ops.list_proxy_regions",
    "list_run_queue_items": "._generated.ops.list_run_queue_items",
    "list_store": "._generated.ops.list_store",
    "list_worker_last_run_results": "._generated.ops.list_worker_last_run_results",
    "list_worker_run_results": "._generated.ops.list_worker_run_results",
    "list_worker_runs": "._generated.ops.list_worker_runs",
    "list_worker_tasks": "._generated.ops.list_worker_tasks",
    "list_workers": "._generated.ops.list_workers",
    "queued_run_worker": "._generated.ops.queued_run_worker",
    "release_run_queue_item": "._generated.ops.release_run_queue_item",
    "release_run_queue_items": "._generated.ops.release_run_queue_items",
    "rerun_last_worker_run": "._generated.ops.rerun_last_worker_run",
    "rerun_worker_last_run": "._generated.ops.rerun_worker_last_run",
    "rerun_worker_run": "._generated.ops.rerun_worker_run",
    "run_worker": "._generated.ops.run_worker",
    "run_worker_task": "._generated.ops.run_worker_task",
    "update_worker_task": "._generated.ops.update_worker_task",
    "update_worker_task_input": "._generated.ops.update_worker_task_input",
}

ALL: tuple[str, ...] = tuple(__all__)


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
