"""Walking every item of a paged list operation, page by page (pages are numbered from 1).

The generated iterators (``iter_worker_runs``, ``iter_worker_run_results``, ...) hand these
classes a bound list call and the name of the array in its answer; the page bookkeeping is
the same for every paged operation, sync or async.

Result rows are plain dicts, so their iterators skip the models (see ``_row_pages``, whose
``page_data``/``apage_data`` the generated rows iterators fetch pages with).
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, Generic, Self, TypeVar, cast

from coreclaw_api.models.result_header import ResultHeader
from coreclaw_api.types import Unset

from ._row_pages import apage_data, page_data
from ._validate import check_int
from .errors import UnexpectedResponseError

Row = dict[str, Any]
# page_data and apage_data are imported from here by the generated rows iterators.
__all__ = ["AsyncItems", "AsyncResultRows", "Items", "ResultRows", "Row", "apage_data", "page_data"]

T = TypeVar("T")
Fetch = Callable[..., Any]


class _Walk:
    """Page bookkeeping shared by every iterator, sync and async."""

    def __init__(self, items: str, page_size: int, label: str) -> None:
        self.items = items
        self.page_size = check_int("page_size", page_size, 1, 100)
        self.label = label
        self.page = 1
        self.yielded = 0
        self.total: int | None = None
        self.headers: list[ResultHeader] | None = None
        self.buffer: Iterator[Any] = iter(())
        self._finished = False
        self._previous: list[Any] = []

    def wants_page(self) -> bool:
        """Whether another page must be fetched: not after an empty page or ``count`` items."""
        return not self._finished and not (self.total is not None and self.yielded >= self.total)

    def take(self, result: Any, dump: bool = False) -> None:
        """Account for the page just fetched (page ``self.page``): a page model.

        ``dump`` turns its items into dicts (``to_dict``): result rows from a ``ResultPage``.
        """
        known_index = self._check_index(getattr(result, "page_index", None))
        headers = getattr(result, "headers", None)
        if self.headers is None and headers is not None and not isinstance(headers, Unset):
            self.headers = list(headers)
        items = getattr(result, self.items)
        batch = [] if isinstance(items, Unset) else list(items)
        if dump:
            batch = [item.to_dict() for item in batch]
        self._add(getattr(result, "count", None), batch, known_index)

    def take_rows(self, page: Any) -> None:
        """Account for a page of result rows: its decoded ``data`` object (or a page model).

        The rows are the page's own dicts; the spec's shape was checked by the transport.
        """
        if not isinstance(page, dict):  # a fetch of ResultPage models, items "list_"
            self.take(page, dump=True)
            return
        known_index = self._check_index(page.get("page_index"))
        if self.headers is None:
            headers = page.get("headers")
            if headers is not None:
                self.headers = [ResultHeader.from_dict(header) for header in headers]
        rows = page.get(self.items)
        self._add(page.get("count"), rows if type(rows) is list else [], known_index)

    def _check_index(self, page_index: object) -> bool:
        # Page 1 may come back as page 0 (the API accepts offset=0 for page 1); any other
        # mismatch means the server ignored the page asked for, which would never end.
        known_index = isinstance(page_index, int)
        expected = (self.page, 0) if self.page == 1 else (self.page,)
        if known_index and page_index not in expected:
            raise UnexpectedResponseError(
                f"asked for page {self.page} of {self.label}, got page {page_index}"
            )
        return known_index

    def _add(self, count: object, batch: list[Any], known_index: bool) -> None:
        if isinstance(count, int):
            self.total = count
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
        if self.total is not None and len(batch) > self.total - self.yielded:
            batch = batch[: max(self.total - self.yielded, 0)]
        self.yielded += len(batch)
        self.page += 1
        self.buffer = iter(batch)


_END: Any = object()


def _same(batch: list[Any], previous: list[Any]) -> bool:
    if len(batch) != len(previous):
        return False
    dump = [item if isinstance(item, dict) else item.to_dict() for item in batch]
    before = [item if isinstance(item, dict) else item.to_dict() for item in previous]
    return dump == before


class _Pages:
    def __init__(self, fetch: Fetch, items: str, page_size: int, label: str) -> None:
        self._fetch = fetch
        self._walk = _Walk(items, page_size, label)

    @property
    def count(self) -> int | None:
        """The total as the server reported it, once a page has arrived (None if it sent none)."""
        return self._walk.total


class Items(_Pages, Iterator[T], Generic[T]):
    """Iterator over every item of a paged list; ``count`` fills in as pages arrive."""

    def __init__(self, fetch: Fetch, items: str, page_size: int, label: str) -> None:
        super().__init__(fetch, items, page_size, label)

    def __iter__(self) -> Items[T]:
        return self

    def __next__(self) -> T:
        walk = self._walk
        while (item := next(walk.buffer, _END)) is _END:
            if not walk.wants_page():
                raise StopIteration
            walk.take(self._fetch(offset=walk.page, limit=walk.page_size))
        return item  # type: ignore[no-any-return]


class AsyncItems(_Pages, AsyncIterator[T], Generic[T]):
    """Async twin of ``Items``."""

    def __init__(
        self, fetch: Callable[..., Awaitable[Any]], items: str, page_size: int, label: str
    ) -> None:
        super().__init__(fetch, items, page_size, label)

    def __aiter__(self) -> AsyncItems[T]:
        return self

    async def __anext__(self) -> T:
        walk = self._walk
        while (item := next(walk.buffer, _END)) is _END:
            if not walk.wants_page():
                raise StopAsyncIteration
            walk.take(await self._fetch(offset=walk.page, limit=walk.page_size))
        return item  # type: ignore[no-any-return]


class ResultRows(itertools.chain[Row], Items[Row]):
    """Iterator over every result row of a run, each a dict keyed by ``headers[].key``.

    ``fetch(offset=, limit=)`` returns one page: its decoded ``data`` object (``items`` is then
    the key of the rows, ``"list"``), as the generated iterators' fetch does, or a
    ``ResultPage`` model (``items`` is then ``"list_"``), whose rows are dumped to dicts.

    The rows come out of ``itertools.chain``'s C loop over each page's list, about 150 ns per
    row less than a Python ``__next__`` (2-3 % of a walk's CPU); Python code runs once per
    page (``_RowPages``). As with every iterator here, an error leaves the walk where it was:
    the next ``next()`` (or loop) asks for the same page again.
    """

    def __new__(cls, fetch: Fetch, items: str, page_size: int, label: str) -> Self:
        walk = _Walk(items, page_size, label)
        self = cast(Self, cls.from_iterable(_RowPages(walk, fetch)))  # typeshed: chain[Any]
        self._walk, self._fetch = walk, fetch
        return self

    def __init__(self, fetch: Fetch, items: str, page_size: int, label: str) -> None:
        """Set up by ``__new__`` (the pages feed ``itertools.chain``)."""

    def __iter__(self) -> Self:
        return self

    @property
    def headers(self) -> list[ResultHeader] | None:
        """The columns of the first page, once it has arrived (None if the server sent none)."""
        return self._walk.headers


class _RowPages:
    """The pages ``ResultRows`` chains: each ``next`` fetches one and returns its rows."""

    __slots__ = ("_fetch", "_walk")

    def __init__(self, walk: _Walk, fetch: Fetch) -> None:
        self._walk, self._fetch = walk, fetch

    def __iter__(self) -> _RowPages:
        return self

    def __next__(self) -> Iterator[Any]:
        walk = self._walk
        if not walk.wants_page():
            raise StopIteration
        try:
            walk.take_rows(self._fetch(offset=walk.page, limit=walk.page_size))
        except StopIteration:
            raise  # ends the walk, as it always did
        except BaseException as exc:  # handed over below, never swallowed
            # Raised from here, chain would drop this source and end the walk for good;
            # raised by the "page" instead, it keeps its place and the next call retries.
            return _Raises(exc)
        return walk.buffer


class _Raises:
    """A page that raises ``exc`` once, then is empty (so the walk asks for it again)."""

    __slots__ = ("_exc",)

    def __init__(self, exc: BaseException) -> None:
        self._exc: BaseException | None = exc

    def __iter__(self) -> _Raises:
        return self

    def __next__(self) -> Any:
        exc, self._exc = self._exc, None
        if exc is None:
            raise StopIteration
        try:
            raise exc
        finally:
            del exc  # no reference cycle through this frame


class AsyncResultRows(AsyncItems[Row]):
    """Async twin of ``ResultRows``."""

    def __init__(
        self, fetch: Callable[..., Awaitable[Any]], items: str, page_size: int, label: str
    ) -> None:
        super().__init__(fetch, items, page_size, label)

    @property
    def headers(self) -> list[ResultHeader] | None:
        """The columns of the first page, once it has arrived (None if the server sent none)."""
        return self._walk.headers

    async def __anext__(self) -> Row:
        walk = self._walk
        while (item := next(walk.buffer, _END)) is _END:
            if not walk.wants_page():
                raise StopAsyncIteration
            walk.take_rows(await self._fetch(offset=walk.page, limit=walk.page_size))
        return item  # type: ignore[no-any-return]
