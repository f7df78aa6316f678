"""Walking every item of a paged list operation, page by page (pages are numbered from 1).

The generated iterators (``iter_worker_runs``, ``iter_worker_run_results``, ...) hand these
classes a bound list call and the name of the array in its answer; the page bookkeeping is
the same for every paged operation, sync or async.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, TypeVar

from coreclaw_api.models.result_header import ResultHeader
from coreclaw_api.types import Unset

from ._validate import check_int
from .errors import UnexpectedResponseError

Row = dict[str, Any]
T = TypeVar("T")
Fetch = Callable[..., Any]


class _Walk:
    """Page bookkeeping shared by every iterator, sync and async."""

    def __init__(self, items: str, page_size: int, label: str, rows: bool) -> None:
        self.items = items
        self.page_size = check_int("page_size", page_size, 1, 100)
        self.label = label
        self.rows = rows
        self.page = 1
        self.yielded = 0
        self.total: int | None = None
        self.headers: list[ResultHeader] | None = None
        self._buffer: Iterator[Any] = iter(())
        self._finished = False
        self._previous: list[Any] = []

    def next_item(self) -> Any:
        return next(self._buffer, _END)

    def wants_page(self) -> bool:
        """Whether another page must be fetched: not after an empty page or ``count`` items."""
        return not self._finished and not (self.total is not None and self.yielded >= self.total)

    def take(self, result: Any) -> None:
        """Account for the page just fetched (page ``self.page``)."""
        # Page 1 may come back as page 0 (the API accepts offset=0 for page 1); any other
        # mismatch means the server ignored the page asked for, which would never end.
        page_index = getattr(result, "page_index", None)
        known_index = isinstance(page_index, int)
        expected = (self.page, 0) if self.page == 1 else (self.page,)
        if known_index and page_index not in expected:
            raise UnexpectedResponseError(
                f"asked for page {self.page} of {self.label}, got page {page_index}"
            )
        headers = getattr(result, "headers", None)
        if self.headers is None and headers is not None and not isinstance(headers, Unset):
            self.headers = list(headers)
        count = getattr(result, "count", None)
        if isinstance(count, int):
            self.total = count
        items = getattr(result, self.items)
        batch = [] if isinstance(items, Unset) else list(items)
        if self.rows:
            batch = [row.to_dict() for row in batch]
        if not batch:
            self._finished = True
            return
        # With neither count nor page_index to go by, a server that ignores the page would be
        # read forever; the same items twice in a row is the only sign left.
        unguided = self.total is None and not known_index
        if unguided and _same(batch, self._previous):
            raise UnexpectedResponseError(
                f"page {self.page} of {self.label} repeats page {self.page - 1}"
            )
        self._previous = batch
        if self.total is not None:
            batch = batch[: max(self.total - self.yielded, 0)]
        self.yielded += len(batch)
        self.page += 1
        self._buffer = iter(batch)


_END = object()


def _same(batch: list[Any], previous: list[Any]) -> bool:
    if len(batch) != len(previous):
        return False
    dump = [item if isinstance(item, dict) else item.to_dict() for item in batch]
    before = [item if isinstance(item, dict) else item.to_dict() for item in previous]
    return dump == before


class _Pages:
    def __init__(self, fetch: Fetch, items: str, page_size: int, label: str, rows: bool) -> None:
        self._fetch = fetch
        self._walk = _Walk(items, page_size, label, rows)

    @property
    def count(self) -> int | None:
        """The total as the server reported it, once a page has arrived (None if it sent none)."""
        return self._walk.total


class Items(_Pages, Iterator[T], Generic[T]):
    """Iterator over every item of a paged list; ``count`` fills in as pages arrive."""

    def __init__(self, fetch: Fetch, items: str, page_size: int, label: str) -> None:
        super().__init__(fetch, items, page_size, label, rows=False)

    def __iter__(self) -> Items[T]:
        return self

    def __next__(self) -> T:
        walk = self._walk
        while (item := walk.next_item()) is _END:
            if not walk.wants_page():
                raise StopIteration
            walk.take(self._fetch(offset=walk.page, limit=walk.page_size))
        return item  # type: ignore[no-any-return]


class AsyncItems(_Pages, AsyncIterator[T], Generic[T]):
    """Async twin of ``Items``."""

    def __init__(
        self, fetch: Callable[..., Awaitable[Any]], items: str, page_size: int, label: str
    ) -> None:
        super().__init__(fetch, items, page_size, label, rows=False)

    def __aiter__(self) -> AsyncItems[T]:
        return self

    async def __anext__(self) -> T:
        walk = self._walk
        while (item := walk.next_item()) is _END:
            if not walk.wants_page():
                raise StopAsyncIteration
            walk.take(await self._fetch(offset=walk.page, limit=walk.page_size))
        return item  # type: ignore[no-any-return]


class ResultRows(Items[Row]):
    """Iterator over every result row of a run, each a dict keyed by ``headers[].key``."""

    def __init__(self, fetch: Fetch, items: str, page_size: int, label: str) -> None:
        _Pages.__init__(self, fetch, items, page_size, label, rows=True)

    @property
    def headers(self) -> list[ResultHeader] | None:
        """The columns of the first page, once it has arrived (None if the server sent none)."""
        return self._walk.headers


class AsyncResultRows(AsyncItems[Row]):
    """Async twin of ``ResultRows``."""

    def __init__(
        self, fetch: Callable[..., Awaitable[Any]], items: str, page_size: int, label: str
    ) -> None:
        _Pages.__init__(self, fetch, items, page_size, label, rows=True)

    @property
    def headers(self) -> list[ResultHeader] | None:
        """The columns of the first page, once it has arrived (None if the server sent none)."""
        return self._walk.headers
