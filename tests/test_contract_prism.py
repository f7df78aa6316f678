"""Contract tests: every operation's convenience against a Prism mock of spec/openapi.yaml.

Prism validates each request against the spec (path, query, body, security) and reports
violations in an ``sl-violations`` header; with ``--errors`` a violating request gets the
documented error answer. Cases come from the spec (``tests/spec_cases.py``): every operation,
each request body example, each success example (``Prefer: example=NAME``, whose ``data`` the
typed result must reproduce exactly) and each documented error status (``Prefer: code=NNN``),
sync and async on both async backends, in every auth mode. A new operation in the spec is
covered here without editing this file. One Prism process serves the whole session.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

import httpx
import pytest

import coreclaw_ext as ce
from coreclaw_ext import (
    APIError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    NotFoundError,
    RateLimitError,
    UnprocessableEntityError,
)
from coreclaw_ext._generated.table import OpSpec
from tests import spec_cases
from tests.spec_cases import Call

KEY = "ck_contract_0123456789abcdef"
Auth = Literal["bearer", "api-key", "query"]
AUTH_MODES: list[Auth] = ["bearer", "api-key", "query"]
VIOLATIONS = "sl-violations"
ASYNC_BACKENDS = ["httpx", "aiohttp"]
OPS = spec_cases.ops()


class Recording(httpx.HTTPTransport):
    """The real transport, keeping every response's headers so the test can read Prism's."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[httpx.Headers] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        self.headers.append(response.headers)
        return response


def _client(
    prism_url: str,
    auth: Auth = "bearer",
    prefer: str | None = None,
    transport: httpx.BaseTransport | None = None,
    **kwargs: Any,
) -> ce.CoreClawClient:
    headers = {"Prefer": prefer} if prefer else None
    return ce.create_client(
        KEY, base_url=prism_url, auth=auth, headers=headers, transport=transport, **kwargs
    )


def _loopback_callback(call: Call, prism_url: str) -> Call:
    # Prism fires the spec's callback at callback_url: keep it on loopback, at Prism itself.
    return call.with_callback(f"{prism_url}/hooks/coreclaw/runs")


def _success_cases() -> list[Any]:
    cases = []
    for op in OPS:
        examples = spec_cases.success_examples(op)
        for i, call in enumerate(spec_cases.calls(op)):
            for name in examples:
                cases.append(pytest.param(op, call, name, id=f"{op.name}-body{i}-{name}"))
    return cases


def _check_data(op: OpSpec, data: object, example: dict[str, Any]) -> None:
    assert isinstance(data, spec_cases.data_types(op)), f"{op.name}: got {type(data).__name__}"
    if data is None:
        return
    expected = example["data"]
    assert _js_numbers(data.to_dict()) == _js_numbers(expected)  # type: ignore[attr-defined]


def _js_numbers(value: Any) -> Any:
    """``value`` with integers as a JavaScript number holds them: Prism rounds ids above 2**53."""
    if isinstance(value, dict):
        return {k: _js_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_js_numbers(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**53:
        return float(value)
    return value


@pytest.mark.parametrize(("op", "call", "example"), _success_cases())
def test_convenience_returns_the_typed_example(
    prism_url: str, op: OpSpec, call: Call, example: str
) -> None:
    call = _loopback_callback(call, prism_url)
    transport = Recording()
    with _client(prism_url, prefer=f"example={example}", transport=transport) as client:
        data = getattr(ce, op.name)(client, *call.args, **call.kwargs)
    assert transport.headers, "no request reached Prism"
    assert all(VIOLATIONS not in h for h in transport.headers), transport.headers[-1]
    _check_data(op, data, spec_cases.success_examples(op)[example])


@pytest.mark.parametrize("backend", ASYNC_BACKENDS)
@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_async_convenience_returns_the_typed_example(
    prism_url: str, op: OpSpec, backend: str
) -> None:
    call = _loopback_callback(spec_cases.calls(op)[0], prism_url)
    name, example = next(iter(spec_cases.success_examples(op).items()))

    async def run() -> object:
        async with _client(prism_url, "api-key", f"example={name}", async_backend=backend) as c:
            return await getattr(ce, f"a{op.name}")(c, *call.args, **call.kwargs)

    _check_data(op, asyncio.run(run()), example)


@pytest.mark.parametrize("auth", AUTH_MODES)
@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_resource_method_in_every_auth_mode(prism_url: str, op: OpSpec, auth: Auth) -> None:
    call = _loopback_callback(spec_cases.calls(op)[0], prism_url)
    name, example = next(iter(spec_cases.success_examples(op).items()))
    transport = Recording()
    with _client(prism_url, auth, f"example={name}", transport=transport) as client:
        method = getattr(getattr(client, op.resource), op.resource_method)
        data = method(*call.args, **call.kwargs)
    assert all(VIOLATIONS not in h for h in transport.headers)
    _check_data(op, data, example)


# --- documented error statuses map to typed errors ------------------------------------------

ERRORS: dict[int, tuple[type[APIError], int, str]] = {
    400: (BadRequestError, 11000, "INVALID_ARGUMENT"),
    401: (AuthenticationError, 12001, "UNAUTHORIZED"),
    404: (NotFoundError, 11004, "NOT_FOUND"),
    422: (UnprocessableEntityError, 11000, "INVALID_ARGUMENT"),
    429: (RateLimitError, 13000, "RATE_LIMITED"),
    500: (InternalServerError, 10000, "SYSTEM_ERROR"),
}


def _error_cases() -> list[Any]:
    return [
        pytest.param(op, status, id=f"{op.name}-{status}")
        for op in OPS
        for status in spec_cases.error_statuses(op)
    ]


def _check_error(err: APIError, status: int) -> None:
    cls, code, code_name = ERRORS[status]
    assert type(err) is cls
    assert err.status_code == status
    assert err.code == code and err.code_name == code_name
    assert isinstance(err.request_id, str) and err.request_id
    assert VIOLATIONS not in err.headers, err.headers[VIOLATIONS]
    if isinstance(err, RateLimitError):
        assert err.retry_after is None  # the spec documents no rate-limit headers
    assert KEY not in str(err) and KEY not in repr(err)


@pytest.mark.parametrize(("op", "status"), _error_cases())
def test_error_status_maps_to_exception(prism_url: str, op: OpSpec, status: int) -> None:
    call = _loopback_callback(spec_cases.calls(op)[0], prism_url)
    with (
        _client(prism_url, prefer=f"code={status}", max_retries=0) as client,
        pytest.raises(ERRORS[status][0]) as info,
    ):
        getattr(ce, op.name)(client, *call.args, **call.kwargs)
    _check_error(info.value, status)


@pytest.mark.parametrize("backend", ASYNC_BACKENDS)
@pytest.mark.parametrize("op", OPS, ids=lambda op: op.name)
def test_error_status_maps_to_exception_async(prism_url: str, op: OpSpec, backend: str) -> None:
    call = _loopback_callback(spec_cases.calls(op)[0], prism_url)

    async def run() -> None:
        async with _client(
            prism_url, "query", "code=404", max_retries=0, async_backend=backend
        ) as client:
            await getattr(ce, f"a{op.name}")(client, *call.args, **call.kwargs)

    with pytest.raises(NotFoundError) as info:
        asyncio.run(run())
    _check_error(info.value, 404)


# --- the checks above are not vacuous -------------------------------------------------------


def _raw_request(
    prism_url: str,
    op: OpSpec,
    *,
    headers: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
    body: dict[str, Any] | None = None,
) -> httpx.Response:
    path = spec_cases.fill_path(op, spec_cases.calls(op)[0].args)
    has_body = "requestBody" in spec_cases.raw_operation(op)
    json_body = (body if body is not None else _first_body(op)) if has_body else None
    with httpx.Client(base_url=prism_url, trust_env=False, timeout=10.0) as http:
        return http.request(op.method, path, headers=headers, params=params, json=json_body)


def _first_body(op: OpSpec) -> dict[str, Any]:
    body = next(iter(spec_cases.body_examples(op).values()), {})
    if "callback_url" in body:
        body = {**body, "callback_url": "http://127.0.0.1:9/hooks"}
    return body


PROTECTED = [op for op in OPS if spec_cases.raw_operation(op).get("security") != []]
PUBLIC = [op for op in OPS if spec_cases.raw_operation(op).get("security") == []]


@pytest.mark.parametrize("op", PROTECTED, ids=lambda op: op.name)
def test_prism_rejects_a_request_without_credentials(prism_url: str, op: OpSpec) -> None:
    response = _raw_request(prism_url, op)
    assert response.status_code == 401
    assert VIOLATIONS in response.headers
    assert "security" in response.headers[VIOLATIONS].lower()
    assert response.json()["code"] == 12001


@pytest.mark.parametrize("op", PUBLIC, ids=lambda op: op.name)
def test_public_operations_need_no_credentials(prism_url: str, op: OpSpec) -> None:
    response = _raw_request(prism_url, op)
    assert response.status_code == 200, response.text
    assert VIOLATIONS not in response.headers


@pytest.mark.parametrize(
    ("headers", "params"),
    [
        ({"Authorization": f"Bearer {KEY}"}, None),
        ({"api-key": KEY}, None),
        (None, {"token": KEY}),
    ],
    ids=AUTH_MODES,
)
@pytest.mark.parametrize("op", PROTECTED, ids=lambda op: op.name)
def test_prism_accepts_each_documented_credential(
    prism_url: str, op: OpSpec, headers: dict[str, str] | None, params: dict[str, str] | None
) -> None:
    response = _raw_request(prism_url, op, headers=headers, params=params)
    assert response.status_code == 200, response.text
    assert VIOLATIONS not in response.headers


def _violations() -> list[Any]:
    """Per operation, a request the spec forbids: a bad bound, or a field it does not know."""
    cases = []
    for op in OPS:
        for _name, api, kind, _required in op.query_args:
            if kind == "integer" and api == "limit":
                cases.append(pytest.param(op, {"limit": "101"}, None, id=f"{op.name}-limit-101"))
        if op.body_args:
            cases.append(
                pytest.param(op, None, {"unknown_field": 1}, id=f"{op.name}-unknown-body-field")
            )
    return cases


@pytest.mark.parametrize(("op", "params", "body"), _violations())
def test_prism_reports_violations(
    prism_url: str, op: OpSpec, params: dict[str, str] | None, body: dict[str, Any] | None
) -> None:
    response = _raw_request(prism_url, op, headers={"api-key": KEY}, params=params, body=body)
    assert response.status_code in (400, 422)
    assert VIOLATIONS in response.headers


def test_violation_through_the_client_surfaces_as_typed_error(prism_url: str) -> None:
    # The generated function does not check limits (the convenience does), so Prism sees
    # limit=101, reports the violation and answers with the documented 422.
    from coreclaw_api.api.worker_runs import list_worker_run_results

    with (
        _client(prism_url, max_retries=0) as client,
        pytest.raises(UnprocessableEntityError) as info,
    ):
        list_worker_run_results.sync_detailed(
            "01KZAZTK3BEMEDXA54396WMGC2", client=client, limit=101
        )
    assert VIOLATIONS in info.value.headers
    assert info.value.code == 11000
