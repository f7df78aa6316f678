"""Walking every result row of a run, page by page (pages are numbered from 1)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.result_header import ResultHeader
from coreclaw_api.models.result_page import ResultPage
from coreclaw_api.types import Unset

from ._consts import RESULTS_PAGE_SIZE
from ._paths import encode_run_id
from ._results import alist_worker_run_results, list_worker_run_results
from ._validate import check_int
from .errors import UnexpectedResponseError

Row = dict[str, Any]


class _Walk:
    """Page bookkeeping shared by the sync and async iterators."""

    def __init__(self, run_id: str, page_size: int) -> None:
        self.run_id = encode_run_id(run_id)
        self.page_size = check_int("page_size", page_size, 1, 100)
        self.page = 1
        self.yielded = 0
        self.total: int | None = None
        self.headers: list[ResultHeader] | None = None
        self._buffer: Iterator[Row] = iter(())
        self._finished = False
        self._previous: list[Row] = []

    def next_row(self) -> Row | None:
        return next(self._buffer, None)

    def wants_page(self) -> bool:
        """Whether another page must be fetched: not after an empty page or ``count`` rows."""
        return not self._finished and not (self.total is not None and self.yielded >= self.total)

    def take(self, result: ResultPage) -> None:
        """Account for the page just fetched (page ``self.page``)."""
        # Page 1 may come back as page 0 (the API accepts offset=0 for page 1); any other
        # mismatch means the server ignored the page asked for, which would never end.
        expected = (self.page, 0) if self.page == 1 else (self.page,)
        if not isinstance(result.page_index, Unset) and result.page_index not in expected:
            raise UnexpectedResponseError(
                f"asked for page {self.page} of run {self.run_id}, got page {result.page_index}"
            )
        if self.headers is None and not isinstance(result.headers, Unset):
            self.headers = list(result.headers)
        if not isinstance(result.count, Unset):
            self.total = result.count
        rows = [row.to_dict() for row in result.list_]
        if not rows:
            self._finished = True
            return
        # With neither count nor page_index to go by, a server that ignores the page would be
        # read forever; the same rows twice in a row is the only sign left.
        unguided = self.total is None and isinstance(result.page_index, Unset)
        if unguided and rows == self._previous:
            raise UnexpectedResponseError(
                f"page {self.page} of run {self.run_id} repeats page {self.page - 1}"
            )
        self._previous = rows
        if self.total is not None:
            rows = rows[: max(self.total - self.yielded, 0)]
        self.yielded += len(rows)
        self.page += 1
        self._buffer = iter(rows)


class _Rows:
    def __init__(self, client: AuthenticatedClient, run_id: str, page_size: int) -> None:
        self._client = client
        self._walk = _Walk(run_id, page_size)

    @property
    def headers(self) -> list[ResultHeader] | None:
        """The columns of the first page, once it has arrived (None if the server sent none)."""
        return self._walk.headers

    @property
    def count(self) -> int | None:
        """The run's row count as the server reported it, once a page has arrived."""
        return self._walk.total


class ResultRows(_Rows, Iterator[Row]):
    """Iterator over every result row of a run; ``headers`` and ``count`` fill in as it goes."""

    def __iter__(self) -> ResultRows:
        return self

    def __next__(self) -> Row:
        walk = self._walk
        while (row := walk.next_row()) is None:
            if not walk.wants_page():
                raise StopIteration
            walk.take(
                list_worker_run_results(
                    self._client, walk.run_id, offset=walk.page, limit=walk.page_size
                )
            )
        return row


class AsyncResultRows(_Rows, AsyncIterator[Row]):
    """Async twin of ``ResultRows``."""

    def __aiter__(self) -> AsyncResultRows:
        return self

    async def __anext__(self) -> Row:
        walk = self._walk
        while (row := walk.next_row()) is None:
            if not walk.wants_page():
                raise StopAsyncIteration
            walk.take(
                await alist_worker_run_results(
                    self._client, walk.run_id, offset=walk.page, limit=walk.page_size
                )
            )
        return row


def iter_worker_run_results(
    client: AuthenticatedClient, run_id: str, *, page_size: int = RESULTS_PAGE_SIZE
) -> ResultRows:
    """Iterate every result row of ``run_id`` as a dict keyed by ``headers[].key``.

    Requests pages 1, 2, 3, ... (each once, only as rows are consumed) with ``page_size``
    rows, and stops at an empty page or once ``count`` rows have been yielded, whichever comes
    first. The returned iterator's ``headers`` holds the columns once the first page is in.
    """
    return ResultRows(client, run_id, page_size)


def aiter_worker_run_results(
    client: AuthenticatedClient, run_id: str, *, page_size: int = RESULTS_PAGE_SIZE
) -> AsyncResultRows:
    """Async twin of ``iter_worker_run_results``."""
    return AsyncResultRows(client, run_id, page_size)
