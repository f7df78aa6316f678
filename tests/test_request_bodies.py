"""What the conveniences send, and what they refuse to send."""

from __future__ import annotations

from typing import Any

import pytest

import coreclaw_ext as ce
from tests.conftest import ClientFactory, arun
from tests.loopback import LoopbackServer, json_reply

BODIES: list[tuple[dict[str, Any], dict[str, Any]]] = [
    ({}, {}),
    ({"is_async": True}, {"is_async": True}),
    ({"is_async": False, "limit": 5, "offset": 2}, {"is_async": False, "limit": 5, "offset": 2}),
    (
        {"callback_url": "https://hooks.example.com/x?y=1"},
        {"callback_url": "https://hooks.example.com/x?y=1"},
    ),
    ({"limit": 1}, {"limit": 1}),
    ({"limit": 100, "offset": 0}, {"limit": 100, "offset": 0}),
]


@pytest.mark.parametrize(("kwargs", "sent"), BODIES)
def test_only_fields_set_are_sent(
    server: LoopbackServer, make_client: ClientFactory, kwargs: dict[str, Any], sent: dict[str, Any]
) -> None:
    client = make_client()
    server.always(json_reply({"run_slug": "R"}))
    ce.rerun_worker_last_run(client, "o/n", **kwargs)
    arun(client, ce.arerun_worker_last_run(client, "o/n", **kwargs))
    assert [r.json() for r in server.requests] == [sent, sent]
    assert all(r.headers["content-type"] == "application/json" for r in server.requests)


BAD_INPUT: list[tuple[dict[str, Any], type[Exception]]] = [
    ({"limit": 0}, ValueError),
    ({"limit": 101}, ValueError),
    ({"limit": -1}, ValueError),
    ({"limit": "20"}, TypeError),
    ({"limit": True}, TypeError),
    ({"limit": 2.0}, TypeError),
    ({"offset": -1}, ValueError),
    ({"offset": "1"}, TypeError),
    ({"callback_url": "ftp://example.com/x"}, ValueError),
    ({"callback_url": "javascript:alert(1)"}, ValueError),
    ({"callback_url": ""}, ValueError),
    ({"callback_url": "/relative/path"}, ValueError),
    ({"callback_url": "https://"}, ValueError),
    ({"callback_url": 5}, TypeError),
    ({"is_async": "yes"}, TypeError),
    ({"is_async": 0}, TypeError),
]


@pytest.mark.parametrize(("kwargs", "error"), BAD_INPUT)
def test_bad_rerun_input_fails_before_sending(
    server: LoopbackServer,
    make_client: ClientFactory,
    kwargs: dict[str, Any],
    error: type[Exception],
) -> None:
    client = make_client()
    with pytest.raises(error) as info:
        ce.rerun_worker_last_run(client, "o/n", **kwargs)
    assert next(iter(kwargs)) in str(info.value)
    with pytest.raises(error):
        arun(client, ce.arerun_worker_last_run(client, "o/n", **kwargs))
    assert server.requests == []


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"limit": 0}, ValueError),
        ({"limit": 101}, ValueError),
        ({"limit": "20"}, TypeError),
        ({"limit": True}, TypeError),
        ({"offset": -1}, ValueError),
        ({"offset": None, "limit": None}, None),
    ],
)
def test_bad_page_input_fails_before_sending(
    server: LoopbackServer,
    make_client: ClientFactory,
    kwargs: dict[str, Any],
    error: type[Exception] | None,
) -> None:
    client = make_client()
    server.always(json_reply({"list": []}))
    if error is None:
        ce.list_worker_run_results(client, "R", **kwargs)
        assert [r.target for r in server.requests] == ["/api/v2/worker-runs/R/result"]
        return
    with pytest.raises(error):
        ce.list_worker_run_results(client, "R", **kwargs)
    assert server.requests == []
