"""Contract tests: the client's requests against a Prism mock of spec/openapi.yaml.

Prism validates every request against the spec (path, query, body, security) and reports
violations in an ``sl-violations`` response header; with ``--errors`` a violating request also
gets the documented error answer. Every operation is called in each auth mode, sync and async,
through the generated ``*_detailed`` functions (to read the headers) and through the
``coreclaw_ext`` conveniences (to check the typed result). ``Prefer: example=...`` picks a
response example and ``Prefer: code=NNN`` forces a documented error status.
One Prism process serves the whole session.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import httpx
import pytest
from coreclaw_api.api.worker_runs import (
    get_worker_run as gen_get_worker_run,
)
from coreclaw_api.api.worker_runs import (
    get_worker_run_log as gen_get_worker_run_log,
)
from coreclaw_api.api.worker_runs import (
    list_worker_run_results as gen_list_worker_run_results,
)
from coreclaw_api.api.worker_runs import (
    rerun_worker_last_run as gen_rerun_worker_last_run,
)
from coreclaw_api.models import (
    LogData,
    LogEnvelope,
    LogLine,
    RerunAccepted,
    RerunEnvelope,
    RerunRequest,
    ResultPage,
    ResultPageEnvelope,
    RunEnvelope,
    RunRecord,
    SyncRerunResult,
)

import coreclaw_ext as ce
from coreclaw_ext import (
    APIError,
    AuthenticationError,
    BadRequestError,
    CoreClawClient,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    UnprocessableEntityError,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
KEY = "ck_contract_0123456789abcdef"
WORKER = "coreclaw/google-maps-scraper"
WORKER_PATH = "coreclaw~google-maps-scraper"
RUN = "01KZAZTK3BEMEDXA54396WMGC2"
Auth = Literal["bearer", "api-key", "query"]
AUTH_MODES: list[Auth] = ["bearer", "api-key", "query"]
VIOLATIONS = "sl-violations"


# --- the operations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Op:
    """One operation: its convenience (sync, async), its generated module and call target."""

    name: str
    convenience: Any
    aconvenience: Any
    generated: ModuleType
    target: str  # the id the convenience takes
    path_id: str  # the same id as the generated function takes it
    envelope: type[Any]
    method: str
    path: str


OPS = {
    op.name: op
    for op in (
        Op(
            "rerun",
            ce.rerun_worker_last_run,
            ce.arerun_worker_last_run,
            gen_rerun_worker_last_run,
            WORKER,
            WORKER_PATH,
            RerunEnvelope,
            "POST",
            f"/api/v2/workers/{WORKER_PATH}/runs/last/rerun",
        ),
        Op(
            "get_run",
            ce.get_worker_run,
            ce.aget_worker_run,
            gen_get_worker_run,
            RUN,
            RUN,
            RunEnvelope,
            "GET",
            f"/api/v2/worker-runs/{RUN}",
        ),
        Op(
            "get_log",
            ce.get_worker_run_log,
            ce.aget_worker_run_log,
            gen_get_worker_run_log,
            RUN,
            RUN,
            LogEnvelope,
            "GET",
            f"/api/v2/worker-runs/{RUN}/log",
        ),
        Op(
            "list_results",
            ce.list_worker_run_results,
            ce.alist_worker_run_results,
            gen_list_worker_run_results,
            RUN,
            RUN,
            ResultPageEnvelope,
            "GET",
            f"/api/v2/worker-runs/{RUN}/result",
        ),
    )
}


@dataclass(frozen=True)
class Case:
    """A call of one operation with some options, and the ``data`` type it must produce."""

    id: str
    op: str
    expected: type
    options: dict[str, Any] = field(default_factory=dict)
    prefer: str | None = None  # a Prism ``Prefer`` header picking the response example

    def resolved_options(self, prism_url: str) -> dict[str, Any]:
        # callback_url points back at Prism, so that the callback Prism fires stays on loopback.
        return {
            k: v.format(prism=prism_url) if isinstance(v, str) else v
            for k, v in self.options.items()
        }

    def generated_kwargs(self, prism_url: str) -> dict[str, Any]:
        options = self.resolved_options(prism_url)
        if self.op == "rerun":
            return {"body": RerunRequest(**options)}
        return options


CALLBACK = "{prism}/hooks/coreclaw/runs"
SUCCESS_CASES = [
    Case("rerun-defaults", "rerun", RerunAccepted),
    Case("rerun-defaults-example-async", "rerun", RerunAccepted, prefer="example=async"),
    Case(
        "rerun-sync-page",
        "rerun",
        SyncRerunResult,
        {"is_async": False, "limit": 20, "offset": 1},
        prefer="example=sync",
    ),
    Case(
        "rerun-sync-page-edges",
        "rerun",
        SyncRerunResult,
        {"is_async": False, "limit": 100, "offset": 0},
        prefer="example=sync",
    ),
    Case(
        "rerun-callback",
        "rerun",
        RerunAccepted,
        {"callback_url": CALLBACK, "is_async": True},
        prefer="example=async",
    ),
    Case("get-run", "get_run", RunRecord),
    Case("get-log", "get_log", LogData),
    Case("list-results", "list_results", ResultPage, {"offset": 1, "limit": 20}),
    Case("list-results-edges", "list_results", ResultPage, {"offset": 0, "limit": 100}),
    Case("list-results-defaults", "list_results", ResultPage),
]


ASYNC_BACKENDS = ["httpx", "aiohttp"]


def _client(
    prism_url: str, auth: Auth = "bearer", prefer: str | None = None, **kwargs: Any
) -> CoreClawClient:
    headers = {"Prefer": prefer} if prefer else None
    return ce.create_client(KEY, base_url=prism_url, auth=auth, headers=headers, **kwargs)


def _check_data(case: Case, data: object) -> None:
    assert isinstance(data, case.expected), f"{case.id}: got {type(data).__name__}"
    if isinstance(data, SyncRerunResult):
        # The spec's "sync" example: a finished run with a first page of two rows.
        assert data.is_finished is True
        assert data.run_status == "succeeded"
        assert isinstance(data.results, ResultPage)
        assert [row.to_dict()["title"] for row in data.results.list_] == [
            "Blue Bottle Coffee",
            "Stumptown Coffee",
        ]
    elif isinstance(data, RerunAccepted):
        assert data.run_slug == RUN
    elif isinstance(data, RunRecord):
        assert data.slug == RUN
        assert data.status == "running"
    elif isinstance(data, LogData):
        assert data.all_logs_url
        assert isinstance(data.list_, list) and len(data.list_) == 2
        assert all(isinstance(line, LogLine) for line in data.list_)
    elif isinstance(data, ResultPage):
        assert len(data.list_) == 2


def _check_detailed(case: Case, response: Any) -> None:
    assert VIOLATIONS not in response.headers, (
        f"Prism says the request breaks the spec: {response.headers[VIOLATIONS]}"
    )
    assert response.status_code == 200
    parsed: Any = response.parsed
    assert isinstance(parsed, OPS[case.op].envelope)
    assert parsed.code == 0
    _check_data(case, parsed.data)


# --- every operation, every auth mode: requests Prism accepts, typed answers ------------------


@pytest.mark.parametrize("auth", AUTH_MODES)
@pytest.mark.parametrize("case", SUCCESS_CASES, ids=lambda c: c.id)
def test_generated_request_matches_spec(prism_url: str, case: Case, auth: Auth) -> None:
    op = OPS[case.op]
    with _client(prism_url, auth, case.prefer) as client:
        response = op.generated.sync_detailed(
            op.path_id, client=client, **case.generated_kwargs(prism_url)
        )
    _check_detailed(case, response)


@pytest.mark.parametrize("backend", ASYNC_BACKENDS)
@pytest.mark.parametrize("auth", AUTH_MODES)
@pytest.mark.parametrize("case", SUCCESS_CASES, ids=lambda c: c.id)
def test_generated_request_matches_spec_async(
    prism_url: str, case: Case, auth: Auth, backend: str
) -> None:
    op = OPS[case.op]

    async def run() -> Any:
        async with _client(prism_url, auth, case.prefer, async_backend=backend) as client:
            return await op.generated.asyncio_detailed(
                op.path_id, client=client, **case.generated_kwargs(prism_url)
            )

    _check_detailed(case, asyncio.run(run()))


@pytest.mark.parametrize("auth", AUTH_MODES)
@pytest.mark.parametrize("case", SUCCESS_CASES, ids=lambda c: c.id)
def test_convenience_returns_typed_data(prism_url: str, case: Case, auth: Auth) -> None:
    op = OPS[case.op]
    with _client(prism_url, auth, case.prefer) as client:
        data = op.convenience(client, op.target, **case.resolved_options(prism_url))
    _check_data(case, data)


@pytest.mark.parametrize("backend", ASYNC_BACKENDS)
@pytest.mark.parametrize("auth", AUTH_MODES)
@pytest.mark.parametrize("case", SUCCESS_CASES, ids=lambda c: c.id)
def test_async_convenience_returns_typed_data(
    prism_url: str, case: Case, auth: Auth, backend: str
) -> None:
    op = OPS[case.op]

    async def run() -> object:
        async with _client(prism_url, auth, case.prefer, async_backend=backend) as client:
            return await op.aconvenience(client, op.target, **case.resolved_options(prism_url))

    _check_data(case, asyncio.run(run()))


# --- documented error statuses map to typed errors ------------------------------------------


@dataclass(frozen=True)
class ErrorCase:
    status: int
    error: type[APIError]
    code: int
    code_name: str
    request_id: str  # the request_id of the spec's example


ERROR_CASES = [
    ErrorCase(400, BadRequestError, 11000, "INVALID_ARGUMENT", "req-e400a1"),
    ErrorCase(401, AuthenticationError, 12001, "UNAUTHORIZED", "req-e401a1"),
    ErrorCase(404, NotFoundError, 11004, "NOT_FOUND", "req-e404a1"),
    ErrorCase(422, UnprocessableEntityError, 11000, "INVALID_ARGUMENT", "req-e422a1"),
    ErrorCase(429, RateLimitError, 13000, "RATE_LIMITED", "req-e429a1"),
    ErrorCase(500, InternalServerError, 10000, "SYSTEM_ERROR", "req-e500a1"),
]
ERROR_OPS = [
    Case("rerun", "rerun", RerunAccepted),
    Case("rerun-sync", "rerun", SyncRerunResult, {"is_async": False, "limit": 20, "offset": 1}),
    Case("get-run", "get_run", RunRecord),
    Case("get-log", "get_log", LogData),
    Case("list-results", "list_results", ResultPage, {"offset": 1, "limit": 20}),
]


def _check_error(err: APIError, expected: ErrorCase) -> None:
    assert type(err) is expected.error
    assert err.status_code == expected.status
    assert err.code == expected.code
    assert err.code_name == expected.code_name
    assert err.request_id == expected.request_id
    assert VIOLATIONS not in err.headers, err.headers[VIOLATIONS]
    if expected.status == 422:
        assert err.details == ["limit must be between 1 and 100"]
    if isinstance(err, RateLimitError):
        assert err.retry_after is None  # the spec documents no rate-limit headers
    assert KEY not in str(err) and KEY not in repr(err)


@pytest.mark.parametrize("expected", ERROR_CASES, ids=lambda e: str(e.status))
@pytest.mark.parametrize("case", ERROR_OPS, ids=lambda c: c.id)
def test_error_status_maps_to_exception(prism_url: str, case: Case, expected: ErrorCase) -> None:
    op = OPS[case.op]
    with (
        _client(prism_url, prefer=f"code={expected.status}", max_retries=0) as client,
        pytest.raises(expected.error) as info,
    ):
        op.convenience(client, op.target, **case.resolved_options(prism_url))
    _check_error(info.value, expected)


@pytest.mark.parametrize("backend", ASYNC_BACKENDS)
@pytest.mark.parametrize("expected", ERROR_CASES, ids=lambda e: str(e.status))
@pytest.mark.parametrize("case", ERROR_OPS, ids=lambda c: c.id)
def test_error_status_maps_to_exception_async(
    prism_url: str, case: Case, expected: ErrorCase, backend: str
) -> None:
    op = OPS[case.op]

    async def run() -> None:
        async with _client(
            prism_url, "api-key", f"code={expected.status}", max_retries=0, async_backend=backend
        ) as client:
            await op.aconvenience(client, op.target, **case.resolved_options(prism_url))

    with pytest.raises(expected.error) as info:
        asyncio.run(run())
    _check_error(info.value, expected)


# --- the checks above are not vacuous -------------------------------------------------------


def _raw_request(
    prism_url: str,
    op: Op,
    *,
    headers: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
    body: dict[str, Any] | None = None,
) -> httpx.Response:
    json_body = (body if body is not None else {}) if op.method == "POST" else None
    with httpx.Client(base_url=prism_url, trust_env=False, timeout=10.0) as http:
        return http.request(op.method, op.path, headers=headers, params=params, json=json_body)


@pytest.mark.parametrize("op_name", list(OPS))
def test_prism_rejects_a_request_without_credentials(prism_url: str, op_name: str) -> None:
    response = _raw_request(prism_url, OPS[op_name])
    assert response.status_code == 401
    assert VIOLATIONS in response.headers
    assert "security" in response.headers[VIOLATIONS].lower()
    assert response.json()["code"] == 12001


@pytest.mark.parametrize(
    ("headers", "params"),
    [
        ({"Authorization": f"Bearer {KEY}"}, None),
        ({"api-key": KEY}, None),
        (None, {"token": KEY}),
    ],
    ids=AUTH_MODES,
)
@pytest.mark.parametrize("op_name", list(OPS))
def test_prism_accepts_each_documented_credential(
    prism_url: str, op_name: str, headers: dict[str, str] | None, params: dict[str, str] | None
) -> None:
    response = _raw_request(prism_url, OPS[op_name], headers=headers, params=params)
    assert response.status_code == 200
    assert VIOLATIONS not in response.headers


@pytest.mark.parametrize(
    ("op_name", "params", "body"),
    [
        ("list_results", {"limit": "101"}, None),
        ("list_results", {"offset": "-1"}, None),
        ("rerun", None, {"is_async": "no"}),
        ("rerun", None, {"unknown_field": 1}),
        ("rerun", None, {"limit": 0}),
    ],
    ids=["limit-101", "offset-negative", "is-async-string", "unknown-field", "limit-0"],
)
def test_prism_reports_violations(
    prism_url: str, op_name: str, params: dict[str, str] | None, body: dict[str, Any] | None
) -> None:
    response = _raw_request(
        prism_url, OPS[op_name], headers={"api-key": KEY}, params=params, body=body
    )
    assert response.status_code in (400, 422)
    assert VIOLATIONS in response.headers


def test_violation_through_the_client_surfaces_as_typed_error(prism_url: str) -> None:
    # The generated function does not check limits (the convenience does), so Prism sees
    # limit=101, reports the violation and answers with the documented 422.
    with (
        _client(prism_url, max_retries=0) as client,
        pytest.raises(UnprocessableEntityError) as info,
    ):
        gen_list_worker_run_results.sync_detailed(RUN, client=client, limit=101)
    assert VIOLATIONS in info.value.headers
    assert info.value.code == 11000
