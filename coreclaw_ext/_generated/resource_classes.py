"""Resource-style access: ``client.<tag>.<method>(...)``, sync and async.

Written by scripts/gen_ext.py during scripts/regen.sh; do not edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, overload

from coreclaw_api.client import AuthenticatedClient

from .._consts import DEFAULT_WAIT_TIMEOUT, POLL_INTERVALS
from .._consts import RESULTS_PAGE_SIZE as PAGE_SIZE
from .._options import TimeoutArg

if TYPE_CHECKING:
    from coreclaw_api.models import (
        AccountInfo,
        ExportData,
        LogData,
        ProxyRegionList,
        QueueBatchResult,
        QueuedRun,
        QueueItem,
        QueueItemList,
        RerunAccepted,
        ResultPage,
        RunAccepted,
        RunList,
        RunRecord,
        StoreWorker,
        SyncRerunResult,
        SyncRunResult,
        WorkerDetail,
        WorkerInputSchema,
        WorkerList,
        WorkerTask,
        WorkerTaskCreated,
        WorkerTaskInput,
        WorkerTaskList,
    )

    from .._pagination import AsyncItems, AsyncResultRows, Items, ResultRows
    from .._waiting import StatusCallback

# Used by the annotations and defaults below, whichever operations the spec has.
_ = (Any, Literal, Mapping, Sequence, DEFAULT_WAIT_TIMEOUT, POLL_INTERVALS, PAGE_SIZE)


class Resource:
    """Operations of one spec tag, bound to a client."""

    __slots__ = ("_client",)

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def __repr__(self) -> str:
        return f"<{type(self).__name__} resource>"


class Proxy(Resource):
    """The ``proxy`` operations; ``a``-prefixed methods are async."""

    def list_regions(
        self,
        *,
        language: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ProxyRegionList:
        """``list_proxy_regions``: List proxy regions."""
        from .ops.list_proxy_regions import list_proxy_regions as _f

        return _f(self._client, language=language, timeout=timeout, max_retries=max_retries)

    async def alist_regions(
        self,
        *,
        language: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ProxyRegionList:
        """``alist_proxy_regions``: List proxy regions."""
        from .ops.list_proxy_regions import alist_proxy_regions as _f

        return await _f(self._client, language=language, timeout=timeout, max_retries=max_retries)


class Store(Resource):
    """The ``store`` operations; ``a``-prefixed methods are async."""

    def list(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        keyword: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> WorkerList:
        """``list_store``: Search the Store."""
        from .ops.list_store import list_store as _f

        return _f(
            self._client,
            offset=offset,
            limit=limit,
            keyword=keyword,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def alist(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        keyword: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> WorkerList:
        """``alist_store``: Search the Store."""
        from .ops.list_store import alist_store as _f

        return await _f(
            self._client,
            offset=offset,
            limit=limit,
            keyword=keyword,
            timeout=timeout,
            max_retries=max_retries,
        )

    def iter(
        self,
        *,
        keyword: str | None = None,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> Items[StoreWorker]:
        """``iter_store``: every item of ``list_store``."""
        from .ops.list_store import iter_store as _f

        return _f(
            self._client,
            keyword=keyword,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
        )

    def aiter(
        self,
        *,
        keyword: str | None = None,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> AsyncItems[StoreWorker]:
        """``aiter_store``: every item of ``list_store``."""
        from .ops.list_store import aiter_store as _f

        return _f(
            self._client,
            keyword=keyword,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
        )


class Account(Resource):
    """The ``account`` operations; ``a``-prefixed methods are async."""

    def get(self, *, timeout: TimeoutArg = None, max_retries: int | None = None) -> AccountInfo:
        """``get_account``: Get the account."""
        from .ops.get_account import get_account as _f

        return _f(self._client, timeout=timeout, max_retries=max_retries)

    async def aget(
        self, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> AccountInfo:
        """``aget_account``: Get the account."""
        from .ops.get_account import aget_account as _f

        return await _f(self._client, timeout=timeout, max_retries=max_retries)


class Workers(Resource):
    """The ``workers`` operations; ``a``-prefixed methods are async."""

    def list(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        keyword: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> WorkerList:
        """``list_workers``: List your Workers."""
        from .ops.list_workers import list_workers as _f

        return _f(
            self._client,
            offset=offset,
            limit=limit,
            keyword=keyword,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def alist(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        keyword: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> WorkerList:
        """``alist_workers``: List your Workers."""
        from .ops.list_workers import alist_workers as _f

        return await _f(
            self._client,
            offset=offset,
            limit=limit,
            keyword=keyword,
            timeout=timeout,
            max_retries=max_retries,
        )

    def iter(
        self,
        *,
        keyword: str | None = None,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> Items[StoreWorker]:
        """``iter_workers``: every item of ``list_workers``."""
        from .ops.list_workers import iter_workers as _f

        return _f(
            self._client,
            keyword=keyword,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
        )

    def aiter(
        self,
        *,
        keyword: str | None = None,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> AsyncItems[StoreWorker]:
        """``aiter_workers``: every item of ``list_workers``."""
        from .ops.list_workers import aiter_workers as _f

        return _f(
            self._client,
            keyword=keyword,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get(
        self, worker_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> WorkerDetail:
        """``get_worker``: Get a Worker."""
        from .ops.get_worker import get_worker as _f

        return _f(self._client, worker_id, timeout=timeout, max_retries=max_retries)

    async def aget(
        self, worker_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> WorkerDetail:
        """``aget_worker``: Get a Worker."""
        from .ops.get_worker import aget_worker as _f

        return await _f(self._client, worker_id, timeout=timeout, max_retries=max_retries)

    def get_input_schema(
        self, worker_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> WorkerInputSchema:
        """``get_worker_input_schema``: Get a Worker's input schema."""
        from .ops.get_worker_input_schema import get_worker_input_schema as _f

        return _f(self._client, worker_id, timeout=timeout, max_retries=max_retries)

    async def aget_input_schema(
        self, worker_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> WorkerInputSchema:
        """``aget_worker_input_schema``: Get a Worker's input schema."""
        from .ops.get_worker_input_schema import aget_worker_input_schema as _f

        return await _f(self._client, worker_id, timeout=timeout, max_retries=max_retries)

    @overload
    def run(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[True],
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunRecord: ...

    @overload
    def run(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: Literal[False],
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult: ...

    @overload
    def run(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: Literal[True] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunAccepted: ...

    @overload
    def run(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult | RunAccepted: ...

    def run(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult | RunAccepted | RunRecord:
        """``run_worker``: Run a Worker."""
        from .ops.run_worker import run_worker as _f

        if wait:
            return _f(
                self._client,
                worker_id,
                input=input,
                raw_input=raw_input,
                proxy_region=proxy_region,
                validate=validate,
                version=version,
                callback_url=callback_url,
                is_async=is_async,
                limit=limit,
                offset=offset,
                wait=True,
                wait_timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                timeout=timeout,
                max_retries=max_retries,
                retry_unsafe=retry_unsafe,
            )
        return _f(
            self._client,
            worker_id,
            input=input,
            raw_input=raw_input,
            proxy_region=proxy_region,
            validate=validate,
            version=version,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            wait=False,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    @overload
    async def arun(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[True],
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunRecord: ...

    @overload
    async def arun(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: Literal[False],
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult: ...

    @overload
    async def arun(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: Literal[True] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunAccepted: ...

    @overload
    async def arun(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult | RunAccepted: ...

    async def arun(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult | RunAccepted | RunRecord:
        """``arun_worker``: Run a Worker."""
        from .ops.run_worker import arun_worker as _f

        if wait:
            return await _f(
                self._client,
                worker_id,
                input=input,
                raw_input=raw_input,
                proxy_region=proxy_region,
                validate=validate,
                version=version,
                callback_url=callback_url,
                is_async=is_async,
                limit=limit,
                offset=offset,
                wait=True,
                wait_timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                timeout=timeout,
                max_retries=max_retries,
                retry_unsafe=retry_unsafe,
            )
        return await _f(
            self._client,
            worker_id,
            input=input,
            raw_input=raw_input,
            proxy_region=proxy_region,
            validate=validate,
            version=version,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            wait=False,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )


class WorkerRuns(Resource):
    """The ``worker-runs`` operations; ``a``-prefixed methods are async."""

    def list(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        worker_id: str | None = None,
        status: Literal["ready", "running", "succeeded", "failed", "aborting"] | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> RunList:
        """``list_worker_runs``: List runs."""
        from .ops.list_worker_runs import list_worker_runs as _f

        return _f(
            self._client,
            offset=offset,
            limit=limit,
            worker_id=worker_id,
            status=status,
            start_time=start_time,
            end_time=end_time,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def alist(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        worker_id: str | None = None,
        status: Literal["ready", "running", "succeeded", "failed", "aborting"] | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> RunList:
        """``alist_worker_runs``: List runs."""
        from .ops.list_worker_runs import alist_worker_runs as _f

        return await _f(
            self._client,
            offset=offset,
            limit=limit,
            worker_id=worker_id,
            status=status,
            start_time=start_time,
            end_time=end_time,
            timeout=timeout,
            max_retries=max_retries,
        )

    def iter(
        self,
        *,
        worker_id: str | None = None,
        status: Literal["ready", "running", "succeeded", "failed", "aborting"] | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> Items[RunRecord]:
        """``iter_worker_runs``: every item of ``list_worker_runs``."""
        from .ops.list_worker_runs import iter_worker_runs as _f

        return _f(
            self._client,
            worker_id=worker_id,
            status=status,
            start_time=start_time,
            end_time=end_time,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
        )

    def aiter(
        self,
        *,
        worker_id: str | None = None,
        status: Literal["ready", "running", "succeeded", "failed", "aborting"] | None = None,
        start_time: int | None = None,
        end_time: int | None = None,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> AsyncItems[RunRecord]:
        """``aiter_worker_runs``: every item of ``list_worker_runs``."""
        from .ops.list_worker_runs import aiter_worker_runs as _f

        return _f(
            self._client,
            worker_id=worker_id,
            status=status,
            start_time=start_time,
            end_time=end_time,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_last(self, *, timeout: TimeoutArg = None, max_retries: int | None = None) -> RunRecord:
        """``get_last_worker_run``: Get the account's latest run."""
        from .ops.get_last_worker_run import get_last_worker_run as _f

        return _f(self._client, timeout=timeout, max_retries=max_retries)

    async def aget_last(
        self, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> RunRecord:
        """``aget_last_worker_run``: Get the account's latest run."""
        from .ops.get_last_worker_run import aget_last_worker_run as _f

        return await _f(self._client, timeout=timeout, max_retries=max_retries)

    def abort_last(
        self,
        *,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> None:
        """``abort_last_worker_run``: Abort the account's latest run."""
        from .ops.abort_last_worker_run import abort_last_worker_run as _f

        return _f(self._client, timeout=timeout, max_retries=max_retries, retry_unsafe=retry_unsafe)

    async def aabort_last(
        self,
        *,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> None:
        """``aabort_last_worker_run``: Abort the account's latest run."""
        from .ops.abort_last_worker_run import aabort_last_worker_run as _f

        return await _f(
            self._client, timeout=timeout, max_retries=max_retries, retry_unsafe=retry_unsafe
        )

    def export_last_results(
        self,
        *,
        format: Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"] | None = None,
        filter_keys: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ExportData:
        """``export_last_worker_run_results``: Export the account's latest run's results."""
        from .ops.export_last_worker_run_results import export_last_worker_run_results as _f

        return _f(
            self._client,
            format=format,
            filter_keys=filter_keys,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def aexport_last_results(
        self,
        *,
        format: Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"] | None = None,
        filter_keys: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ExportData:
        """``aexport_last_worker_run_results``: Export the account's latest run's results."""
        from .ops.export_last_worker_run_results import aexport_last_worker_run_results as _f

        return await _f(
            self._client,
            format=format,
            filter_keys=filter_keys,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_last_log(
        self, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> LogData:
        """``get_last_worker_run_log``: Get the account's latest run's log."""
        from .ops.get_last_worker_run_log import get_last_worker_run_log as _f

        return _f(self._client, timeout=timeout, max_retries=max_retries)

    async def aget_last_log(
        self, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> LogData:
        """``aget_last_worker_run_log``: Get the account's latest run's log."""
        from .ops.get_last_worker_run_log import aget_last_worker_run_log as _f

        return await _f(self._client, timeout=timeout, max_retries=max_retries)

    @overload
    def rerun_last(
        self,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[True],
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunRecord: ...

    @overload
    def rerun_last(
        self,
        *,
        callback_url: str | None = None,
        is_async: Literal[False],
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult: ...

    @overload
    def rerun_last(
        self,
        *,
        callback_url: str | None = None,
        is_async: Literal[True] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RerunAccepted: ...

    @overload
    def rerun_last(
        self,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted: ...

    def rerun_last(
        self,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted | RunRecord:
        """``rerun_last_worker_run``: Rerun the account's latest run."""
        from .ops.rerun_last_worker_run import rerun_last_worker_run as _f

        if wait:
            return _f(
                self._client,
                callback_url=callback_url,
                is_async=is_async,
                limit=limit,
                offset=offset,
                wait=True,
                wait_timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                timeout=timeout,
                max_retries=max_retries,
                retry_unsafe=retry_unsafe,
            )
        return _f(
            self._client,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            wait=False,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    @overload
    async def arerun_last(
        self,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[True],
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunRecord: ...

    @overload
    async def arerun_last(
        self,
        *,
        callback_url: str | None = None,
        is_async: Literal[False],
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult: ...

    @overload
    async def arerun_last(
        self,
        *,
        callback_url: str | None = None,
        is_async: Literal[True] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RerunAccepted: ...

    @overload
    async def arerun_last(
        self,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted: ...

    async def arerun_last(
        self,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted | RunRecord:
        """``arerun_last_worker_run``: Rerun the account's latest run."""
        from .ops.rerun_last_worker_run import arerun_last_worker_run as _f

        if wait:
            return await _f(
                self._client,
                callback_url=callback_url,
                is_async=is_async,
                limit=limit,
                offset=offset,
                wait=True,
                wait_timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                timeout=timeout,
                max_retries=max_retries,
                retry_unsafe=retry_unsafe,
            )
        return await _f(
            self._client,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            wait=False,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    def list_last_results(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ResultPage:
        """``list_last_worker_run_results``: List the account's latest run's result rows."""
        from .ops.list_last_worker_run_results import list_last_worker_run_results as _f

        return _f(
            self._client, offset=offset, limit=limit, timeout=timeout, max_retries=max_retries
        )

    async def alist_last_results(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ResultPage:
        """``alist_last_worker_run_results``: List the account's latest run's result rows."""
        from .ops.list_last_worker_run_results import alist_last_worker_run_results as _f

        return await _f(
            self._client, offset=offset, limit=limit, timeout=timeout, max_retries=max_retries
        )

    def iter_last_results(
        self,
        *,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ResultRows:
        """``iter_last_worker_run_results``: every item of ``list_last_worker_run_results``."""
        from .ops.list_last_worker_run_results import iter_last_worker_run_results as _f

        return _f(self._client, page_size=page_size, timeout=timeout, max_retries=max_retries)

    def aiter_last_results(
        self,
        *,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> AsyncResultRows:
        """``aiter_last_worker_run_results``: every item of ``list_last_worker_run_results``."""
        from .ops.list_last_worker_run_results import aiter_last_worker_run_results as _f

        return _f(self._client, page_size=page_size, timeout=timeout, max_retries=max_retries)

    def get(
        self, run_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> RunRecord:
        """``get_worker_run``: Get a run."""
        from .ops.get_worker_run import get_worker_run as _f

        return _f(self._client, run_id, timeout=timeout, max_retries=max_retries)

    async def aget(
        self, run_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> RunRecord:
        """``aget_worker_run``: Get a run."""
        from .ops.get_worker_run import aget_worker_run as _f

        return await _f(self._client, run_id, timeout=timeout, max_retries=max_retries)

    def abort(
        self, run_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> None:
        """``abort_worker_run``: Abort a run."""
        from .ops.abort_worker_run import abort_worker_run as _f

        return _f(self._client, run_id, timeout=timeout, max_retries=max_retries)

    async def aabort(
        self, run_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> None:
        """``aabort_worker_run``: Abort a run."""
        from .ops.abort_worker_run import aabort_worker_run as _f

        return await _f(self._client, run_id, timeout=timeout, max_retries=max_retries)

    def get_log(
        self, run_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> LogData:
        """``get_worker_run_log``: Get a run's log."""
        from .ops.get_worker_run_log import get_worker_run_log as _f

        return _f(self._client, run_id, timeout=timeout, max_retries=max_retries)

    async def aget_log(
        self, run_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> LogData:
        """``aget_worker_run_log``: Get a run's log."""
        from .ops.get_worker_run_log import aget_worker_run_log as _f

        return await _f(self._client, run_id, timeout=timeout, max_retries=max_retries)

    @overload
    def rerun(
        self,
        run_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[True],
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunRecord: ...

    @overload
    def rerun(
        self,
        run_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[False],
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult: ...

    @overload
    def rerun(
        self,
        run_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[True] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RerunAccepted: ...

    @overload
    def rerun(
        self,
        run_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted: ...

    def rerun(
        self,
        run_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted | RunRecord:
        """``rerun_worker_run``: Rerun a run."""
        from .ops.rerun_worker_run import rerun_worker_run as _f

        if wait:
            return _f(
                self._client,
                run_id,
                callback_url=callback_url,
                is_async=is_async,
                limit=limit,
                offset=offset,
                wait=True,
                wait_timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                timeout=timeout,
                max_retries=max_retries,
                retry_unsafe=retry_unsafe,
            )
        return _f(
            self._client,
            run_id,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            wait=False,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    @overload
    async def arerun(
        self,
        run_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[True],
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunRecord: ...

    @overload
    async def arerun(
        self,
        run_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[False],
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult: ...

    @overload
    async def arerun(
        self,
        run_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[True] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RerunAccepted: ...

    @overload
    async def arerun(
        self,
        run_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted: ...

    async def arerun(
        self,
        run_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted | RunRecord:
        """``arerun_worker_run``: Rerun a run."""
        from .ops.rerun_worker_run import arerun_worker_run as _f

        if wait:
            return await _f(
                self._client,
                run_id,
                callback_url=callback_url,
                is_async=is_async,
                limit=limit,
                offset=offset,
                wait=True,
                wait_timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                timeout=timeout,
                max_retries=max_retries,
                retry_unsafe=retry_unsafe,
            )
        return await _f(
            self._client,
            run_id,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            wait=False,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    def list_results(
        self,
        run_id: str,
        *,
        offset: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ResultPage:
        """``list_worker_run_results``: List a run's result rows."""
        from .ops.list_worker_run_results import list_worker_run_results as _f

        return _f(
            self._client,
            run_id,
            offset=offset,
            limit=limit,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def alist_results(
        self,
        run_id: str,
        *,
        offset: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ResultPage:
        """``alist_worker_run_results``: List a run's result rows."""
        from .ops.list_worker_run_results import alist_worker_run_results as _f

        return await _f(
            self._client,
            run_id,
            offset=offset,
            limit=limit,
            timeout=timeout,
            max_retries=max_retries,
        )

    def iter_results(
        self,
        run_id: str,
        *,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ResultRows:
        """``iter_worker_run_results``: every item of ``list_worker_run_results``."""
        from .ops.list_worker_run_results import iter_worker_run_results as _f

        return _f(
            self._client, run_id, page_size=page_size, timeout=timeout, max_retries=max_retries
        )

    def aiter_results(
        self,
        run_id: str,
        *,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> AsyncResultRows:
        """``aiter_worker_run_results``: every item of ``list_worker_run_results``."""
        from .ops.list_worker_run_results import aiter_worker_run_results as _f

        return _f(
            self._client, run_id, page_size=page_size, timeout=timeout, max_retries=max_retries
        )

    def export_results(
        self,
        run_id: str,
        *,
        format: Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"] | None = None,
        filter_keys: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ExportData:
        """``export_worker_run_results``: Export a run's results."""
        from .ops.export_worker_run_results import export_worker_run_results as _f

        return _f(
            self._client,
            run_id,
            format=format,
            filter_keys=filter_keys,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def aexport_results(
        self,
        run_id: str,
        *,
        format: Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"] | None = None,
        filter_keys: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ExportData:
        """``aexport_worker_run_results``: Export a run's results."""
        from .ops.export_worker_run_results import aexport_worker_run_results as _f

        return await _f(
            self._client,
            run_id,
            format=format,
            filter_keys=filter_keys,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_worker_last(
        self, worker_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> RunRecord:
        """``get_worker_last_run``: Get a Worker's latest run."""
        from .ops.get_worker_last_run import get_worker_last_run as _f

        return _f(self._client, worker_id, timeout=timeout, max_retries=max_retries)

    async def aget_worker_last(
        self, worker_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> RunRecord:
        """``aget_worker_last_run``: Get a Worker's latest run."""
        from .ops.get_worker_last_run import aget_worker_last_run as _f

        return await _f(self._client, worker_id, timeout=timeout, max_retries=max_retries)

    def abort_worker_last(
        self,
        worker_id: str,
        *,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> None:
        """``abort_worker_last_run``: Abort a Worker's latest run."""
        from .ops.abort_worker_last_run import abort_worker_last_run as _f

        return _f(
            self._client,
            worker_id,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    async def aabort_worker_last(
        self,
        worker_id: str,
        *,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> None:
        """``aabort_worker_last_run``: Abort a Worker's latest run."""
        from .ops.abort_worker_last_run import aabort_worker_last_run as _f

        return await _f(
            self._client,
            worker_id,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    def export_worker_last_results(
        self,
        worker_id: str,
        *,
        format: Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"] | None = None,
        filter_keys: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ExportData:
        """``export_worker_last_run_results``: Export a Worker's latest run's results."""
        from .ops.export_worker_last_run_results import export_worker_last_run_results as _f

        return _f(
            self._client,
            worker_id,
            format=format,
            filter_keys=filter_keys,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def aexport_worker_last_results(
        self,
        worker_id: str,
        *,
        format: Literal["csv", "json", "jsonl", "xlsx", "xls", "xml", "html", "rss"] | None = None,
        filter_keys: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ExportData:
        """``aexport_worker_last_run_results``: Export a Worker's latest run's results."""
        from .ops.export_worker_last_run_results import aexport_worker_last_run_results as _f

        return await _f(
            self._client,
            worker_id,
            format=format,
            filter_keys=filter_keys,
            timeout=timeout,
            max_retries=max_retries,
        )

    def get_worker_last_log(
        self, worker_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> LogData:
        """``get_worker_last_run_log``: Get a Worker's latest run's log."""
        from .ops.get_worker_last_run_log import get_worker_last_run_log as _f

        return _f(self._client, worker_id, timeout=timeout, max_retries=max_retries)

    async def aget_worker_last_log(
        self, worker_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> LogData:
        """``aget_worker_last_run_log``: Get a Worker's latest run's log."""
        from .ops.get_worker_last_run_log import aget_worker_last_run_log as _f

        return await _f(self._client, worker_id, timeout=timeout, max_retries=max_retries)

    @overload
    def rerun_worker_last(
        self,
        worker_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[True],
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunRecord: ...

    @overload
    def rerun_worker_last(
        self,
        worker_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[False],
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult: ...

    @overload
    def rerun_worker_last(
        self,
        worker_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[True] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RerunAccepted: ...

    @overload
    def rerun_worker_last(
        self,
        worker_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted: ...

    def rerun_worker_last(
        self,
        worker_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted | RunRecord:
        """``rerun_worker_last_run``: Rerun a Worker's latest run."""
        from .ops.rerun_worker_last_run import rerun_worker_last_run as _f

        if wait:
            return _f(
                self._client,
                worker_id,
                callback_url=callback_url,
                is_async=is_async,
                limit=limit,
                offset=offset,
                wait=True,
                wait_timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                timeout=timeout,
                max_retries=max_retries,
                retry_unsafe=retry_unsafe,
            )
        return _f(
            self._client,
            worker_id,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            wait=False,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    @overload
    async def arerun_worker_last(
        self,
        worker_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[True],
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunRecord: ...

    @overload
    async def arerun_worker_last(
        self,
        worker_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[False],
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult: ...

    @overload
    async def arerun_worker_last(
        self,
        worker_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[True] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RerunAccepted: ...

    @overload
    async def arerun_worker_last(
        self,
        worker_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted: ...

    async def arerun_worker_last(
        self,
        worker_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRerunResult | RerunAccepted | RunRecord:
        """``arerun_worker_last_run``: Rerun a Worker's latest run."""
        from .ops.rerun_worker_last_run import arerun_worker_last_run as _f

        if wait:
            return await _f(
                self._client,
                worker_id,
                callback_url=callback_url,
                is_async=is_async,
                limit=limit,
                offset=offset,
                wait=True,
                wait_timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                timeout=timeout,
                max_retries=max_retries,
                retry_unsafe=retry_unsafe,
            )
        return await _f(
            self._client,
            worker_id,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            wait=False,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    def list_worker_last_results(
        self,
        worker_id: str,
        *,
        offset: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ResultPage:
        """``list_worker_last_run_results``: List a Worker's latest run's result rows."""
        from .ops.list_worker_last_run_results import list_worker_last_run_results as _f

        return _f(
            self._client,
            worker_id,
            offset=offset,
            limit=limit,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def alist_worker_last_results(
        self,
        worker_id: str,
        *,
        offset: int | None = None,
        limit: int | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ResultPage:
        """``alist_worker_last_run_results``: List a Worker's latest run's result rows."""
        from .ops.list_worker_last_run_results import alist_worker_last_run_results as _f

        return await _f(
            self._client,
            worker_id,
            offset=offset,
            limit=limit,
            timeout=timeout,
            max_retries=max_retries,
        )

    def iter_worker_last_results(
        self,
        worker_id: str,
        *,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> ResultRows:
        """``iter_worker_last_run_results``: every item of ``list_worker_last_run_results``."""
        from .ops.list_worker_last_run_results import iter_worker_last_run_results as _f

        return _f(
            self._client, worker_id, page_size=page_size, timeout=timeout, max_retries=max_retries
        )

    def aiter_worker_last_results(
        self,
        worker_id: str,
        *,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> AsyncResultRows:
        """``aiter_worker_last_run_results``: every item of ``list_worker_last_run_results``."""
        from .ops.list_worker_last_run_results import aiter_worker_last_run_results as _f

        return _f(
            self._client, worker_id, page_size=page_size, timeout=timeout, max_retries=max_retries
        )


class WorkerTasks(Resource):
    """The ``worker-tasks`` operations; ``a``-prefixed methods are async."""

    def list(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        worker_id: str | None = None,
        keyword: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> WorkerTaskList:
        """``list_worker_tasks``: List saved tasks."""
        from .ops.list_worker_tasks import list_worker_tasks as _f

        return _f(
            self._client,
            offset=offset,
            limit=limit,
            worker_id=worker_id,
            keyword=keyword,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def alist(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        worker_id: str | None = None,
        keyword: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> WorkerTaskList:
        """``alist_worker_tasks``: List saved tasks."""
        from .ops.list_worker_tasks import alist_worker_tasks as _f

        return await _f(
            self._client,
            offset=offset,
            limit=limit,
            worker_id=worker_id,
            keyword=keyword,
            timeout=timeout,
            max_retries=max_retries,
        )

    def iter(
        self,
        *,
        worker_id: str | None = None,
        keyword: str | None = None,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> Items[WorkerTask]:
        """``iter_worker_tasks``: every item of ``list_worker_tasks``."""
        from .ops.list_worker_tasks import iter_worker_tasks as _f

        return _f(
            self._client,
            worker_id=worker_id,
            keyword=keyword,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
        )

    def aiter(
        self,
        *,
        worker_id: str | None = None,
        keyword: str | None = None,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> AsyncItems[WorkerTask]:
        """``aiter_worker_tasks``: every item of ``list_worker_tasks``."""
        from .ops.list_worker_tasks import aiter_worker_tasks as _f

        return _f(
            self._client,
            worker_id=worker_id,
            keyword=keyword,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
        )

    def create(
        self,
        *,
        worker_id: str,
        title: str,
        description: str | None = None,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        schedule_enabled: int | None = None,
        schedule_type: int | None = None,
        schedule_time: str | None = None,
        schedule_weekday: int | None = None,
        schedule_day: int | None = None,
        schedule_once_date: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> WorkerTaskCreated:
        """``create_worker_task``: Create a saved task."""
        from .ops.create_worker_task import create_worker_task as _f

        return _f(
            self._client,
            worker_id=worker_id,
            title=title,
            description=description,
            input=input,
            raw_input=raw_input,
            proxy_region=proxy_region,
            validate=validate,
            version=version,
            schedule_enabled=schedule_enabled,
            schedule_type=schedule_type,
            schedule_time=schedule_time,
            schedule_weekday=schedule_weekday,
            schedule_day=schedule_day,
            schedule_once_date=schedule_once_date,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    async def acreate(
        self,
        *,
        worker_id: str,
        title: str,
        description: str | None = None,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        schedule_enabled: int | None = None,
        schedule_type: int | None = None,
        schedule_time: str | None = None,
        schedule_weekday: int | None = None,
        schedule_day: int | None = None,
        schedule_once_date: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> WorkerTaskCreated:
        """``acreate_worker_task``: Create a saved task."""
        from .ops.create_worker_task import acreate_worker_task as _f

        return await _f(
            self._client,
            worker_id=worker_id,
            title=title,
            description=description,
            input=input,
            raw_input=raw_input,
            proxy_region=proxy_region,
            validate=validate,
            version=version,
            schedule_enabled=schedule_enabled,
            schedule_type=schedule_type,
            schedule_time=schedule_time,
            schedule_weekday=schedule_weekday,
            schedule_day=schedule_day,
            schedule_once_date=schedule_once_date,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    def get(
        self, worker_task_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> WorkerTask:
        """``get_worker_task``: Get a saved task."""
        from .ops.get_worker_task import get_worker_task as _f

        return _f(self._client, worker_task_id, timeout=timeout, max_retries=max_retries)

    async def aget(
        self, worker_task_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> WorkerTask:
        """``aget_worker_task``: Get a saved task."""
        from .ops.get_worker_task import aget_worker_task as _f

        return await _f(self._client, worker_task_id, timeout=timeout, max_retries=max_retries)

    def update(
        self,
        worker_task_id: str,
        *,
        title: str | None = None,
        description: str | None = None,
        schedule_enabled: int | None = None,
        schedule_type: int | None = None,
        schedule_time: str | None = None,
        schedule_weekday: int | None = None,
        schedule_day: int | None = None,
        schedule_once_date: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> None:
        """``update_worker_task``: Update a saved task."""
        from .ops.update_worker_task import update_worker_task as _f

        return _f(
            self._client,
            worker_task_id,
            title=title,
            description=description,
            schedule_enabled=schedule_enabled,
            schedule_type=schedule_type,
            schedule_time=schedule_time,
            schedule_weekday=schedule_weekday,
            schedule_day=schedule_day,
            schedule_once_date=schedule_once_date,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def aupdate(
        self,
        worker_task_id: str,
        *,
        title: str | None = None,
        description: str | None = None,
        schedule_enabled: int | None = None,
        schedule_type: int | None = None,
        schedule_time: str | None = None,
        schedule_weekday: int | None = None,
        schedule_day: int | None = None,
        schedule_once_date: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> None:
        """``aupdate_worker_task``: Update a saved task."""
        from .ops.update_worker_task import aupdate_worker_task as _f

        return await _f(
            self._client,
            worker_task_id,
            title=title,
            description=description,
            schedule_enabled=schedule_enabled,
            schedule_type=schedule_type,
            schedule_time=schedule_time,
            schedule_weekday=schedule_weekday,
            schedule_day=schedule_day,
            schedule_once_date=schedule_once_date,
            timeout=timeout,
            max_retries=max_retries,
        )

    def delete(
        self, worker_task_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> None:
        """``delete_worker_task``: Delete a saved task."""
        from .ops.delete_worker_task import delete_worker_task as _f

        return _f(self._client, worker_task_id, timeout=timeout, max_retries=max_retries)

    async def adelete(
        self, worker_task_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> None:
        """``adelete_worker_task``: Delete a saved task."""
        from .ops.delete_worker_task import adelete_worker_task as _f

        return await _f(self._client, worker_task_id, timeout=timeout, max_retries=max_retries)

    def get_input(
        self, worker_task_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> WorkerTaskInput:
        """``get_worker_task_input``: Get a saved task's input."""
        from .ops.get_worker_task_input import get_worker_task_input as _f

        return _f(self._client, worker_task_id, timeout=timeout, max_retries=max_retries)

    async def aget_input(
        self, worker_task_id: str, *, timeout: TimeoutArg = None, max_retries: int | None = None
    ) -> WorkerTaskInput:
        """``aget_worker_task_input``: Get a saved task's input."""
        from .ops.get_worker_task_input import aget_worker_task_input as _f

        return await _f(self._client, worker_task_id, timeout=timeout, max_retries=max_retries)

    def update_input(
        self,
        worker_task_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        version: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> None:
        """``update_worker_task_input``: Replace a saved task's input."""
        from .ops.update_worker_task_input import update_worker_task_input as _f

        return _f(
            self._client,
            worker_task_id,
            input=input,
            raw_input=raw_input,
            proxy_region=proxy_region,
            version=version,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def aupdate_input(
        self,
        worker_task_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        version: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> None:
        """``aupdate_worker_task_input``: Replace a saved task's input."""
        from .ops.update_worker_task_input import aupdate_worker_task_input as _f

        return await _f(
            self._client,
            worker_task_id,
            input=input,
            raw_input=raw_input,
            proxy_region=proxy_region,
            version=version,
            timeout=timeout,
            max_retries=max_retries,
        )

    @overload
    def run(
        self,
        worker_task_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[True],
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunRecord: ...

    @overload
    def run(
        self,
        worker_task_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[False],
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult: ...

    @overload
    def run(
        self,
        worker_task_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[True] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunAccepted: ...

    @overload
    def run(
        self,
        worker_task_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult | RunAccepted: ...

    def run(
        self,
        worker_task_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult | RunAccepted | RunRecord:
        """``run_worker_task``: Run a saved task."""
        from .ops.run_worker_task import run_worker_task as _f

        if wait:
            return _f(
                self._client,
                worker_task_id,
                callback_url=callback_url,
                is_async=is_async,
                limit=limit,
                offset=offset,
                wait=True,
                wait_timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                timeout=timeout,
                max_retries=max_retries,
                retry_unsafe=retry_unsafe,
            )
        return _f(
            self._client,
            worker_task_id,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            wait=False,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    @overload
    async def arun(
        self,
        worker_task_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[True],
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunRecord: ...

    @overload
    async def arun(
        self,
        worker_task_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[False],
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult: ...

    @overload
    async def arun(
        self,
        worker_task_id: str,
        *,
        callback_url: str | None = None,
        is_async: Literal[True] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> RunAccepted: ...

    @overload
    async def arun(
        self,
        worker_task_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: Literal[False] = False,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult | RunAccepted: ...

    async def arun(
        self,
        worker_task_id: str,
        *,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        wait: bool = False,
        wait_timeout: float = DEFAULT_WAIT_TIMEOUT,
        poll_intervals: Sequence[float] = POLL_INTERVALS,
        on_status: StatusCallback | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> SyncRunResult | RunAccepted | RunRecord:
        """``arun_worker_task``: Run a saved task."""
        from .ops.run_worker_task import arun_worker_task as _f

        if wait:
            return await _f(
                self._client,
                worker_task_id,
                callback_url=callback_url,
                is_async=is_async,
                limit=limit,
                offset=offset,
                wait=True,
                wait_timeout=wait_timeout,
                poll_intervals=poll_intervals,
                on_status=on_status,
                timeout=timeout,
                max_retries=max_retries,
                retry_unsafe=retry_unsafe,
            )
        return await _f(
            self._client,
            worker_task_id,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            wait=False,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )


class RunQueue(Resource):
    """The ``run-queue`` operations; ``a``-prefixed methods are async."""

    def enqueue(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> QueuedRun:
        """``queued_run_worker``: Queue a run of a Worker."""
        from .ops.queued_run_worker import queued_run_worker as _f

        return _f(
            self._client,
            worker_id,
            input=input,
            raw_input=raw_input,
            proxy_region=proxy_region,
            validate=validate,
            version=version,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    async def aenqueue(
        self,
        worker_id: str,
        *,
        input: Mapping[str, Any] | None = None,
        raw_input: Mapping[str, Any] | None = None,
        proxy_region: str | None = None,
        validate: bool = False,
        version: str | None = None,
        callback_url: str | None = None,
        is_async: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> QueuedRun:
        """``aqueued_run_worker``: Queue a run of a Worker."""
        from .ops.queued_run_worker import aqueued_run_worker as _f

        return await _f(
            self._client,
            worker_id,
            input=input,
            raw_input=raw_input,
            proxy_region=proxy_region,
            validate=validate,
            version=version,
            callback_url=callback_url,
            is_async=is_async,
            limit=limit,
            offset=offset,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    def list(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        status: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> QueueItemList:
        """``list_run_queue_items``: List queue items."""
        from .ops.list_run_queue_items import list_run_queue_items as _f

        return _f(
            self._client,
            offset=offset,
            limit=limit,
            status=status,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def alist(
        self,
        *,
        offset: int | None = None,
        limit: int | None = None,
        status: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> QueueItemList:
        """``alist_run_queue_items``: List queue items."""
        from .ops.list_run_queue_items import alist_run_queue_items as _f

        return await _f(
            self._client,
            offset=offset,
            limit=limit,
            status=status,
            timeout=timeout,
            max_retries=max_retries,
        )

    def iter(
        self,
        *,
        status: str | None = None,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> Items[QueueItem]:
        """``iter_run_queue_items``: every item of ``list_run_queue_items``."""
        from .ops.list_run_queue_items import iter_run_queue_items as _f

        return _f(
            self._client,
            status=status,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
        )

    def aiter(
        self,
        *,
        status: str | None = None,
        page_size: int = PAGE_SIZE,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> AsyncItems[QueueItem]:
        """``aiter_run_queue_items``: every item of ``list_run_queue_items``."""
        from .ops.list_run_queue_items import aiter_run_queue_items as _f

        return _f(
            self._client,
            status=status,
            page_size=page_size,
            timeout=timeout,
            max_retries=max_retries,
        )

    def activate(
        self,
        *,
        queue_refs: Sequence[str],
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> QueueBatchResult:
        """``activate_run_queue_items``: Activate queue items."""
        from .ops.activate_run_queue_items import activate_run_queue_items as _f

        return _f(
            self._client,
            queue_refs=queue_refs,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    async def aactivate(
        self,
        *,
        queue_refs: Sequence[str],
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
        retry_unsafe: bool | None = None,
    ) -> QueueBatchResult:
        """``aactivate_run_queue_items``: Activate queue items."""
        from .ops.activate_run_queue_items import aactivate_run_queue_items as _f

        return await _f(
            self._client,
            queue_refs=queue_refs,
            timeout=timeout,
            max_retries=max_retries,
            retry_unsafe=retry_unsafe,
        )

    def release(
        self,
        *,
        queue_refs: Sequence[str],
        reason: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> QueueBatchResult:
        """``release_run_queue_items``: Release queue items."""
        from .ops.release_run_queue_items import release_run_queue_items as _f

        return _f(
            self._client,
            queue_refs=queue_refs,
            reason=reason,
            timeout=timeout,
            max_retries=max_retries,
        )

    async def arelease(
        self,
        *,
        queue_refs: Sequence[str],
        reason: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> QueueBatchResult:
        """``arelease_run_queue_items``: Release queue items."""
        from .ops.release_run_queue_items import arelease_run_queue_items as _f

        return await _f(
            self._client,
            queue_refs=queue_refs,
            reason=reason,
            timeout=timeout,
            max_retries=max_retries,
        )

    def release_one(
        self,
        queue_id: str,
        *,
        reason: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> QueueBatchResult:
        """``release_run_queue_item``: Release one queue item."""
        from .ops.release_run_queue_item import release_run_queue_item as _f

        return _f(self._client, queue_id, reason=reason, timeout=timeout, max_retries=max_retries)

    async def arelease_one(
        self,
        queue_id: str,
        *,
        reason: str | None = None,
        timeout: TimeoutArg = None,
        max_retries: int | None = None,
    ) -> QueueBatchResult:
        """``arelease_run_queue_item``: Release one queue item."""
        from .ops.release_run_queue_item import arelease_run_queue_item as _f

        return await _f(
            self._client, queue_id, reason=reason, timeout=timeout, max_retries=max_retries
        )
