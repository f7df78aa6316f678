"""Walking every result row of a run, page by page (pages are numbered from 1)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models.result_page import ResultPage
from coreclaw_api.types import Unset

from ._consts import RESULTS_PAGE_SIZE
from ._mapping import unexpected
from ._paths import encode_run_id
from ._runs import alist_worker_run_results, list_worker_run_results
from ._validate import check_int

Row = dict[str, Any]


class _Walk:
    """Page bookkeeping shared by the sync and async iterators."""

    def __init__(self, run_id: str, page_size: int) -> None:
        self.run_id = encode_run_id(run_id)
        self.page_size = check_int("page_size", page_size, 1, 100)
        self.page = 1
        self.yielded = 0
        self.total: int | None = None

    def rows(self, result: ResultPage) -> list[Row] | None:
        """The rows of this page to yield, or None when the walk is over."""
        if not isinstance(result.page_index, Unset) and result.page_index not in (self.page, 0):
            raise unexpected(
                f"asked for page {self.page} of run {self.run_id}, got page {result.page_index}",
                200,
                {},
                b"",
            )
        if not isinstance(result.count, Unset):
            self.total = result.count
        rows = [row.to_dict() for row in result.list_]
        if not rows:
            return None
        if self.total is not None:
            rows = rows[: max(self.total - self.yielded, 0)]
        self.yielded += len(rows)
        self.page += 1
        return rows

    def done(self) -> bool:
        return self.total is not None and self.yielded >= self.total


def iter_worker_run_results(
    client: AuthenticatedClient, run_id: str, *, page_size: int = RESULTS_PAGE_SIZE
) -> Iterator[Row]:
    """Yield every result row of ``run_id`` as a dict keyed by ``headers[].key``.

    Requests pages 1, 2, 3, ... (each once) with ``page_size`` rows, and stops at an empty page
    or once ``count`` rows have been yielded, whichever comes first.
    """
    walk = _Walk(run_id, page_size)
    while not walk.done():
        page = list_worker_run_results(client, walk.run_id, offset=walk.page, limit=walk.page_size)
        rows = walk.rows(page)
        if rows is None:
            return
        yield from rows


async def aiter_worker_run_results(
    client: AuthenticatedClient, run_id: str, *, page_size: int = RESULTS_PAGE_SIZE
) -> AsyncIterator[Row]:
    """Async twin of ``iter_worker_run_results``."""
    walk = _Walk(run_id, page_size)
    while not walk.done():
        page = await alist_worker_run_results(
            client, walk.run_id, offset=walk.page, limit=walk.page_size
        )
        rows = walk.rows(page)
        if rows is None:
            return
        for row in rows:
            yield row
