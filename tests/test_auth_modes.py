"""The three ways of sending the key, key and URL sources, and keeping the key out of sight."""

from __future__ import annotations

import logging

import pytest

import coreclaw_ext as ce
from tests.conftest import TEST_KEY, ClientFactory, arun
from tests.loopback import LoopbackServer, json_reply


@pytest.mark.parametrize(
    ("mode", "header", "value", "query"),
    [
        ("bearer", "authorization", f"Bearer {TEST_KEY}", ""),
        ("api-key", "api-key", TEST_KEY, ""),
        ("query", None, None, f"token={TEST_KEY}"),
    ],
)
def test_each_auth_mode_on_the_wire(
    server: LoopbackServer,
    make_client: ClientFactory,
    mode: str,
    header: str | None,
    value: str | None,
    query: str,
) -> None:
    client = make_client(auth=mode)
    server.always(json_reply({"slug": "R", "status": "running"}))
    ce.get_worker_run(client, "R")
    arun(client, ce.aget_worker_run(client, "R"))
    assert len(server.requests) == 2
    for rec in server.requests:
        others = {"authorization", "api-key"} - ({header} if header else set())
        assert not others & rec.headers.keys()
        if header:
            assert rec.headers[header] == value
            assert "token=" not in rec.target
        else:
            assert rec.query == query


def test_query_token_merges_with_other_params(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client(auth="query")
    server.queue(json_reply({"list": []}))
    ce.list_worker_run_results(client, "R", offset=2, limit=7)
    assert server.requests[0].query == f"offset=2&limit=7&token={TEST_KEY}"


def test_user_agent_names_package_and_version(
    server: LoopbackServer, make_client: ClientFactory
) -> None:
    client = make_client()
    server.queue(json_reply({"slug": "R", "status": "running"}))
    ce.get_worker_run(client, "R")
    assert (
        server.requests[0].headers["user-agent"].startswith(f"coreclaw-openapi/{ce.__version__} ")
    )


def test_key_and_base_url_from_environment(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CORECLAW_API_KEY", "env-key-42\n")
    monkeypatch.setenv("CORECLAW_BASE_URL", server.url)
    with ce.create_client() as client:
        server.queue(json_reply({"slug": "R", "status": "running"}))
        ce.get_worker_run(client, "R")
    assert server.requests[0].headers["authorization"] == "Bearer env-key-42"


def test_missing_key_names_the_variable() -> None:
    with pytest.raises(ValueError, match="CORECLAW_API_KEY"):
        ce.create_client()


def test_default_base_url_is_production() -> None:
    client = ce.create_client("k")
    assert client._base_url == "https://openapi.coreclaw.com"


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"auth": "basic"}, ValueError),
        ({"api_key": ""}, ValueError),
        ({"api_key": "a b"}, ValueError),
        ({"api_key": 42}, TypeError),
        ({"base_url": "ftp://host"}, ValueError),
        ({"base_url": "http://api.example.com"}, ValueError),
        ({"base_url": "https://h/?token=x"}, ValueError),
        ({"timeout": 0}, ValueError),
        ({"timeout": "30"}, TypeError),
        ({"max_retries": -1}, ValueError),
        ({"max_retries": 1.5}, TypeError),
    ],
)
def test_bad_client_settings_fail_early(kwargs: dict[str, object], error: type[Exception]) -> None:
    kwargs.setdefault("api_key", "k")
    with pytest.raises(error):
        ce.create_client(**kwargs)  # type: ignore[arg-type]


def test_plain_http_allowed_for_loopback_or_when_asked() -> None:
    ce.create_client("k", base_url="http://localhost:8080")
    ce.create_client("k", base_url="http://[::1]:8080")
    ce.create_client("k", base_url="http://api.example.com", allow_insecure_http=True)


def test_client_is_a_generated_authenticated_client_without_the_key_in_sight() -> None:
    from coreclaw_api.client import AuthenticatedClient

    secret = "sk-live-SECRET-9f8e7d"
    for mode in ("bearer", "api-key", "query"):
        client = ce.create_client(secret, auth=mode)  # type: ignore[arg-type]
        assert isinstance(client, AuthenticatedClient)
        shown = [
            repr(client),
            str(client),
            client.token,
            repr(client._settings),
            repr(client._settings.auth),
        ]
        shown += [repr(client.get_httpx_client().headers), repr(client.get_httpx_client().auth)]
        assert all(secret not in text for text in shown), shown
        client.close()


def test_httpx_info_log_never_shows_query_token(
    server: LoopbackServer, make_client: ClientFactory, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(auth="query")
    server.queue(json_reply({"slug": "R", "status": "running"}))
    with caplog.at_level(logging.DEBUG):
        ce.get_worker_run(client, "R")
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "HTTP Request" in text  # httpx did log the URL...
    assert "token=***" in text  # ...with the token masked
    assert TEST_KEY not in text
