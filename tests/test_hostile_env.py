"""Hostile input and environment for ``create_client``: refused at once, typed, key unseen.

Each bad key, base URL, CA setting, proxy or timeout must raise ``ConfigurationError`` (a
``CoreClawError`` and a ``ValueError``) from ``create_client`` or before a call is sent, never
a traceback from httpx at the first call. Its message names the problem and never shows the
key, not even part of it; a loopback server that counts connections sees none.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import certifi
import httpx
import pytest

import coreclaw_ext as ce
from tests.loopback import LoopbackServer, json_reply

KEY = "Zq9XwV7tKp3MnB8rYd2LxQ"
REMOTE = "https://api.coreclaw.test"  # never resolved: create_client must refuse first


def _key_fragments(key: str = KEY, size: int = 5) -> list[str]:
    return [key[i : i + size] for i in range(len(key) - size + 1)]


@dataclass
class Case:
    id: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    fragment: str = ""
    setting: str | None = None
    socksio: bool | None = (
        None  # None: leave find_spec alone; False/True: pretend it is absent/present
    )


def _broken(key: str, at: int, ch: str) -> str:
    return key[:at] + ch + key[at:]


CASES = [
    # --- the key --------------------------------------------------------------------------
    Case(
        "key-non-ascii",
        {"api_key": _broken(KEY, 6, "é")},
        fragment="non-ASCII character at position 7",
        setting="api_key",
    ),
    Case(
        "key-en-dash",
        {"api_key": _broken(KEY, 3, "\u2013")},
        fragment="non-ASCII",
        setting="api_key",
    ),
    Case("key-bom", {"api_key": "\ufeff" + KEY}, fragment="byte-order mark", setting="api_key"),
    Case(
        "key-bom-env",
        {"api_key": None},
        {"CORECLAW_API_KEY": "\ufeff" + KEY + "\r\n"},
        "UTF-8 with BOM",
        "CORECLAW_API_KEY",
    ),
    Case(
        "key-inner-space",
        {"api_key": _broken(KEY, 6, " ")},
        fragment="a space at position 7",
        setting="api_key",
    ),
    Case("key-inner-tab", {"api_key": _broken(KEY, 6, "\t")}, fragment="a tab", setting="api_key"),
    Case(
        "key-inner-cr-env",
        {"api_key": None},
        {"CORECLAW_API_KEY": _broken(KEY, 4, "\r")},
        "carriage return",
        "CORECLAW_API_KEY",
    ),
    Case("key-nbsp", {"api_key": _broken(KEY, 2, "\u00a0")}, fragment="U+00A0", setting="api_key"),
    Case(
        "key-zero-width",
        {"api_key": _broken(KEY, 2, "\u200b")},
        fragment="invisible formatting character (U+200B)",
        setting="api_key",
    ),
    Case(
        "key-nul",
        {"api_key": _broken(KEY, 2, "\x00")},
        fragment="control character (U+0000)",
        setting="api_key",
    ),
    Case("key-blank", {"api_key": "  \r\n"}, fragment="must not be empty", setting="api_key"),
    # --- the base URL ---------------------------------------------------------------------
    Case(
        "url-user-info",
        {"base_url": "http://user:pw-Hx7Qe@127.0.0.1:{port}"},
        fragment="user info",
        setting="base_url",
    ),
    Case(
        "url-user-only",
        {"base_url": "https://token@api.coreclaw.test"},
        fragment="user info",
        setting="base_url",
    ),
    Case(
        "url-trailing-cr",
        {"base_url": "{url}\r"},
        fragment="ends with a carriage return (\\r): was it read from a file with Windows line endings?",
        setting="base_url",
    ),
    Case(
        "url-trailing-crlf-env",
        {"base_url": None},
        {"CORECLAW_BASE_URL": "{url}\r\n"},
        "Windows line endings",
        "CORECLAW_BASE_URL",
    ),
    Case(
        "url-trailing-lf",
        {"base_url": "{url}\n"},
        fragment="ends with a line break",
        setting="base_url",
    ),
    Case(
        "url-inner-tab",
        {"base_url": "{url}/a\tb"},
        fragment="contains a tab at position",
        setting="base_url",
    ),
    Case(
        "url-inner-space",
        {"base_url": "{url}/a b"},
        fragment="contains a space",
        setting="base_url",
    ),
    Case(
        "url-nul",
        {"base_url": "{url}/\x00"},
        fragment="control character (U+0000)",
        setting="base_url",
    ),
    Case(
        "url-bom-env",
        {"base_url": None},
        {"CORECLAW_BASE_URL": "\ufeff{url}"},
        "byte-order mark",
        "CORECLAW_BASE_URL",
    ),
    Case(
        "url-bidi",
        {"base_url": "https://api\u202e.coreclaw.test"},
        fragment="U+202E",
        setting="base_url",
    ),
    Case(
        "url-port-too-big",
        {"base_url": "http://127.0.0.1:99999"},
        fragment="invalid port",
        setting="base_url",
    ),
    Case(
        "url-port-letters",
        {"base_url": "http://127.0.0.1:abc"},
        fragment="invalid port",
        setting="base_url",
    ),
    Case(
        "url-port-zero",
        {"base_url": "http://127.0.0.1:0"},
        fragment="invalid port",
        setting="base_url",
    ),
    Case(
        "url-trailing-question-mark",
        {"base_url": "{url}/?"},
        fragment="query or fragment (it has a '?')",
        setting="base_url",
    ),
    Case(
        "url-bare-question-mark",
        {"base_url": "{url}?"},
        fragment="query or fragment",
        setting="base_url",
    ),
    Case(
        "url-fragment", {"base_url": "{url}/#x"}, fragment="query or fragment", setting="base_url"
    ),
    Case(
        "url-broken-ipv6",
        {"base_url": "http://[::1:{port}"},
        fragment="not a valid URL",
        setting="base_url",
    ),
    Case(
        "url-no-host",
        {"base_url": "https://"},
        fragment="http(s) URL with a host",
        setting="base_url",
    ),
    Case(
        "url-http-dot-localhost",
        {"base_url": "http://evil.localhost:{port}"},
        fragment="plain http to 'evil.localhost'",
        setting="base_url",
    ),
    Case(
        "url-http-localhost-suffix",
        {"base_url": "http://localhost.evil.example"},
        fragment="plain http",
        setting="base_url",
    ),
    Case(
        "url-http-any-address",
        {"base_url": "http://0.0.0.0:{port}"},
        fragment="plain http",
        setting="base_url",
    ),
    # --- CA certificates ------------------------------------------------------------------
    Case(
        "ssl-cert-file-missing",
        env={"SSL_CERT_FILE": "{tmp}/missing.pem"},
        fragment="does not exist",
        setting="SSL_CERT_FILE",
    ),
    Case(
        "ssl-cert-file-not-pem",
        env={"SSL_CERT_FILE": "{notpem}"},
        fragment="no PEM certificate",
        setting="SSL_CERT_FILE",
    ),
    Case(
        "ssl-cert-file-empty",
        env={"SSL_CERT_FILE": "{empty}"},
        fragment="no PEM certificate",
        setting="SSL_CERT_FILE",
    ),
    Case(
        "ssl-cert-file-directory",
        env={"SSL_CERT_FILE": "{tmp}"},
        fragment="is a directory",
        setting="SSL_CERT_FILE",
    ),
    Case(
        "ssl-cert-file-trailing-cr",
        env={"SSL_CERT_FILE": certifi.where() + "\r"},
        fragment="does not exist",
        setting="SSL_CERT_FILE",
    ),
    Case(
        "ssl-cert-dir-missing",
        env={"SSL_CERT_DIR": "{tmp}/nowhere"},
        fragment="not a directory",
        setting="SSL_CERT_DIR",
    ),
    Case(
        "ssl-cert-dir-is-file",
        env={"SSL_CERT_DIR": "{notpem}"},
        fragment="not a directory",
        setting="SSL_CERT_DIR",
    ),
    Case(
        "verify-missing",
        {"verify": "{tmp}/missing.pem"},
        fragment="names no file",
        setting="verify",
    ),
    Case("verify-not-pem", {"verify": "{notpem}"}, fragment="no PEM certificate", setting="verify"),
    # --- proxies --------------------------------------------------------------------------
    Case(
        "all-proxy-socks-no-socksio",
        {"base_url": REMOTE},
        {"ALL_PROXY": "socks5://127.0.0.1:{port}"},
        "needs the socksio package",
        "ALL_PROXY",
        socksio=False,
    ),
    Case(
        "https-proxy-socks5h-no-socksio",
        {"base_url": REMOTE},
        {"HTTPS_PROXY": "socks5h://127.0.0.1:{port}"},
        "pip install 'httpx[socks]'",
        "HTTPS_PROXY",
        socksio=False,
    ),
    Case(
        "lowercase-proxy-socks-no-socksio",
        {"base_url": REMOTE},
        {"https_proxy": "socks5://127.0.0.1:{port}"},
        "socksio",
        "https_proxy",
        socksio=False,
    ),
    Case(
        "proxy-arg-socks-no-socksio",
        {"base_url": REMOTE, "proxy": "socks5://127.0.0.1:{port}"},
        fragment="socksio",
        setting="proxy",
        socksio=False,
    ),
    Case(
        "aiohttp-socks-proxy",
        {"base_url": REMOTE, "async_backend": "aiohttp"},
        {"ALL_PROXY": "socks5://127.0.0.1:{port}"},
        'async_backend="aiohttp" supports http:// and https:// proxies only',
        "ALL_PROXY",
        socksio=True,
    ),
    Case(
        "https-proxy-malformed",
        {"base_url": REMOTE},
        {"HTTPS_PROXY": "http://[::1"},
        "not a valid proxy URL",
        "HTTPS_PROXY",
    ),
    Case(
        "https-proxy-malformed-with-password",
        {"base_url": REMOTE},
        {"HTTPS_PROXY": "http://me:pw-Hx7Qe@[::1"},
        "not a valid proxy URL",
        "HTTPS_PROXY",
    ),
    Case(
        "https-proxy-trailing-cr",
        {"base_url": REMOTE},
        {"HTTPS_PROXY": "http://127.0.0.1:{port}\r"},
        "not a valid proxy URL",
        "HTTPS_PROXY",
    ),
    Case(
        "https-proxy-bad-port",
        {"base_url": REMOTE},
        {"HTTPS_PROXY": "http://127.0.0.1:abc"},
        "not a valid proxy URL",
        "HTTPS_PROXY",
    ),
    Case(
        "https-proxy-unknown-scheme",
        {"base_url": REMOTE},
        {"HTTPS_PROXY": "ftp://127.0.0.1:{port}"},
        "is not an http://, https://, socks5:// or socks5h:// URL",
        "HTTPS_PROXY",
    ),
    Case(
        "https-proxy-no-scheme",
        {"base_url": REMOTE},
        {"HTTPS_PROXY": "127.0.0.1:{port}"},
        "is not an http://",
        "HTTPS_PROXY",
    ),
    # --- timeouts -------------------------------------------------------------------------
    Case(
        "timeout-1e300",
        {"timeout": 1e300},
        fragment="at most 86400 seconds (one day)",
        setting="timeout",
    ),
    Case("timeout-huge-int", {"timeout": 10**400}, fragment="at most 86400", setting="timeout"),
    Case(
        "timeout-just-over-a-day", {"timeout": 86400.5}, fragment="at most 86400", setting="timeout"
    ),
    Case(
        "timeout-read-part",
        {"timeout": httpx.Timeout(5.0, read=1e12)},
        fragment="timeout read must be",
        setting="timeout read",
    ),
    Case(
        "timeout-pool-part-unset",
        {"timeout": httpx.Timeout(5.0, pool=None)},
        fragment="timeout pool must be set",
        setting="timeout",
    ),
    Case(
        "sync-run-timeout-1e12",
        {"sync_run_timeout": 1e12},
        fragment="sync_run_timeout must be",
        setting="sync_run_timeout",
    ),
    Case(
        "sync-run-timeout-inf",
        {"sync_run_timeout": float("inf")},
        fragment="at most 86400",
        setting="sync_run_timeout",
    ),
    # --- other settings -------------------------------------------------------------------
    Case("auth-unknown", {"auth": "basic"}, fragment="auth must be one of", setting="auth"),
    Case(
        "backend-unknown",
        {"async_backend": "trio"},
        fragment="async_backend must be",
        setting="async_backend",
    ),
    Case(
        "max-connections-zero",
        {"max_connections": 0},
        fragment="max_connections",
        setting="max_connections",
    ),
]


def _fill(value: Any, values: dict[str, str]) -> Any:
    if isinstance(value, str):
        for name, text in values.items():
            value = value.replace("{" + name + "}", text)
    return value


@pytest.fixture
def places(server: LoopbackServer, tmp_path: Path) -> dict[str, str]:
    not_pem = tmp_path / "not-a-cert.pem"
    not_pem.write_text("this is not a certificate\n")
    empty = tmp_path / "empty.pem"
    empty.write_bytes(b"")
    return {
        "url": server.url,
        "port": str(server.port),
        "tmp": str(tmp_path),
        "notpem": str(not_pem),
        "empty": str(empty),
    }


@pytest.fixture(autouse=True)
def _clean_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in (
        "HTTPS_PROXY",
        "HTTP_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
        "SSL_CERT_FILE",
        "SSL_CERT_DIR",
    ):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def _pretend_socksio(monkeypatch: pytest.MonkeyPatch, present: bool) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, package: str | None = None) -> importlib.machinery.ModuleSpec | None:
        if name == "socksio":
            return importlib.machinery.ModuleSpec("socksio", None) if present else None
        return real(name, package)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)


def _assert_no_key(text: str) -> None:
    assert KEY not in text
    leaked = [part for part in _key_fragments() if part in text]
    assert not leaked, (leaked, text)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_setting_is_refused_at_create_client(
    case: Case, server: LoopbackServer, places: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in case.env.items():
        monkeypatch.setenv(name, _fill(value, places))
    if case.socksio is not None:
        _pretend_socksio(monkeypatch, case.socksio)
    kwargs: dict[str, Any] = {"api_key": KEY, "base_url": server.url}
    kwargs.update({name: _fill(value, places) for name, value in case.kwargs.items()})
    with pytest.raises(ce.ConfigurationError) as info:
        ce.create_client(**kwargs)
    err = info.value
    assert type(err) is ce.ConfigurationError
    assert isinstance(err, ce.CoreClawError) and isinstance(err, ValueError)
    assert case.fragment in str(err), str(err)
    assert err.setting == case.setting
    for text in (str(err), repr(err), err.message, *map(str, err.args)):
        _assert_no_key(text)
        assert "pw-Hx7Qe" not in text  # nor a password from a URL
    assert err.__cause__ is None  # no httpx or ssl traceback chained on
    assert server.requests == [] and server.connections == 0


@pytest.mark.parametrize(
    ("value", "error"),
    [(42, TypeError), (b"key-bytes-0123", TypeError)],
)
def test_key_of_the_wrong_type_is_a_type_error(value: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        ce.create_client(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "headers", [{"X-A": "1\r\nX-Injected: 1"}, {"X A": "1"}, {"": "1"}, {"X-\u00e9": "1"}]
)
def test_bad_headers_are_refused(headers: dict[str, str], server: LoopbackServer) -> None:
    with pytest.raises(ValueError):
        ce.create_client(KEY, base_url=server.url, headers=headers)
    client = ce.create_client(KEY, base_url=server.url)
    with pytest.raises(ValueError):
        client.with_headers(headers)
    client.close()
    assert server.requests == []


# --- what is accepted -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw", [f"  {KEY}\r\n", f"\t{KEY}\n", f"{KEY}\u00a0"], ids=["crlf", "tab-lf", "nbsp"]
)
def test_surrounding_whitespace_is_stripped_from_the_key(
    raw: str, server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for use_env in (False, True):
        server.reset()
        if use_env:
            monkeypatch.setenv("CORECLAW_API_KEY", raw)
        with ce.create_client(None if use_env else raw, base_url=server.url) as client:
            server.queue(json_reply({"slug": "R", "status": "running"}))
            ce.get_worker_run(client, "R")
        assert server.requests[0].headers["authorization"] == f"Bearer {KEY}"


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:{port}",
        "http://127.0.0.1:{port}",
        "http://127.0.0.2:{port}",
        "http://[::1]:1",
    ],
)
def test_plain_http_to_loopback_addresses_needs_no_opt_in(url: str, places: dict[str, str]) -> None:
    ce.create_client(KEY, base_url=_fill(url, places)).close()


def test_plain_http_to_a_dot_localhost_name_needs_the_opt_in(server: LoopbackServer) -> None:
    client = ce.create_client(
        KEY, base_url=f"http://evil.localhost:{server.port}", allow_insecure_http=True
    )
    client.close()


def test_idn_host_is_accepted() -> None:
    ce.create_client(KEY, base_url="https://bücher.example").close()


def test_good_ca_settings_and_a_first_call(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())
    with ce.create_client(KEY, base_url=server.url) as client:
        server.queue(json_reply({"slug": "R", "status": "running"}))
        assert ce.get_worker_run(client, "R").slug == "R"
    monkeypatch.delenv("SSL_CERT_FILE")
    monkeypatch.setenv("SSL_CERT_DIR", str(tmp_path))
    ce.create_client(KEY, base_url=server.url).close()
    ce.create_client(KEY, base_url=server.url, verify=certifi.where()).close()


@pytest.mark.parametrize("kwargs", [{"trust_env": False}, {"verify": False}])
def test_a_bad_ca_file_is_ignored_when_it_is_not_read(
    kwargs: dict[str, Any], server: LoopbackServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # trust_env=False now reaches httpx's transports too: SSL_CERT_FILE is not read at all.
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "missing.pem"))
    with ce.create_client(KEY, base_url=server.url, **kwargs) as client:
        server.queue(json_reply({"slug": "R", "status": "running"}))
        assert ce.get_worker_run(client, "R").slug == "R"


def test_a_proxy_is_not_checked_for_hosts_it_does_not_serve(
    server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pretend_socksio(monkeypatch, False)
    monkeypatch.setenv("ALL_PROXY", "socks5://127.0.0.1:1")
    with ce.create_client(KEY, base_url=server.url) as client:  # loopback: never proxied
        server.queue(json_reply({"slug": "R", "status": "running"}))
        ce.get_worker_run(client, "R")
    monkeypatch.setenv("NO_PROXY", "api.coreclaw.test")
    ce.create_client(KEY, base_url=REMOTE).close()
    ce.create_client(KEY, base_url=REMOTE, trust_env=False).close()


def test_socks_proxy_with_socksio_present_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    _pretend_socksio(monkeypatch, True)
    monkeypatch.setenv("HTTPS_PROXY", "socks5://127.0.0.1:1080")
    client = ce.create_client(KEY, base_url=REMOTE)
    assert client._settings.proxy == "socks5://127.0.0.1:1080"
    client.close()


def test_key_pasted_into_a_proxy_setting_is_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", f"ftp://{KEY}@proxy.example")
    with pytest.raises(ce.ConfigurationError) as info:
        ce.create_client(KEY, base_url=REMOTE)
    _assert_no_key(str(info.value))


# --- timeouts: refused when the socket layer cannot hold them, realistic values work -----------


@pytest.mark.parametrize("value", [1e300, 1e12, 86401, httpx.Timeout(1.0, connect=1e10)])
def test_huge_per_call_timeout_is_refused_before_sending(
    value: float | httpx.Timeout, server: LoopbackServer, make_client: Any
) -> None:
    client = make_client(api_key=KEY)
    with pytest.raises(ce.ConfigurationError, match="at most 86400"):
        ce.get_worker_run(client, "R", timeout=value)
    with (
        pytest.raises(ce.ConfigurationError, match="at most 86400"),
        ce.call_options(timeout=value),
    ):
        pass
    with pytest.raises(ce.ConfigurationError, match="at most 86400"):
        client.with_timeout(value)
    with pytest.raises(ce.ConfigurationError, match="at most 86400"):
        client.with_options(timeout=value)
    assert server.requests == [] and server.connections == 0


def test_a_day_is_accepted_everywhere(server: LoopbackServer, make_client: Any) -> None:
    client = make_client(api_key=KEY, timeout=86400, sync_run_timeout=86400)
    server.always(json_reply({"slug": "R", "status": "succeeded"}))
    assert ce.get_worker_run(client, "R", timeout=86400).status == "succeeded"
    assert ce.get_worker_run(client.with_timeout(86400.0), "R").status == "succeeded"


def test_wait_budget_is_not_an_http_timeout(server: LoopbackServer, make_client: Any) -> None:
    # A wait of weeks is a plan, not an overflow: the budget never reaches the socket layer.
    client = make_client(api_key=KEY)
    server.always(json_reply({"slug": "R", "status": "succeeded"}))
    assert ce.wait_for_run(client, "R", timeout=1e7).status == "succeeded"


def test_coreclaw_log_is_honoured_by_the_library_with_redaction() -> None:
    # A fresh interpreter: CORECLAW_LOG is read once, at the first create_client.
    import subprocess
    import sys

    code = (
        "import coreclaw_ext as cc\n"
        "c = cc.create_client('ck_logenv_SECRET_12345', base_url='http://127.0.0.1:9', max_retries=0)\n"
        "try:\n"
        "    cc.get_worker_run(c, 'R1')\n"
        "except cc.APIConnectionError:\n"
        "    pass\n"
    )
    env = {"CORECLAW_LOG": "debug", "PATH": "/usr/bin:/bin"}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "GET /api/v2/worker-runs/R1" in proc.stderr
    assert "ck_logenv_SECRET_12345" not in proc.stderr
    quiet = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        timeout=60,
        check=False,
    )
    assert quiet.returncode == 0 and "worker-runs" not in quiet.stderr
