"""The lean httpx clients: the same URLs as httpx's own merge, and no cookie jar.

``coreclaw_ext._lean`` joins plain paths onto the base URL without parsing them twice, and
never stores a ``Set-Cookie``; these tests hold both to httpx's own behaviour (URLs) and to
the documented choice (cookies), on a real loopback server.
"""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import coreclaw_ext as ce
from coreclaw_ext import _async_http, _lean
from coreclaw_ext._async_http import LeanAsyncClient
from coreclaw_ext._lean import LeanClient
from tests.loopback import LoopbackServer, json_reply

BASES = [
    "http://127.0.0.1:8080",
    "https://api.example.test/",
    "https://api.example.test/v/sub",
    "http://[::1]:9/x/",
    "https://api.example.test/base?q=1",  # a base URL with a query: httpx's own merge
]
# Everything a path may hold, and the characters that make httpx rewrite one.
PATH_TEXT = st.lists(
    st.sampled_from([*list("aZ09-._~!$&'()*+,;=:@/%?#[]{} \"\\|^`<>é\x00\x7f"), "%2F", "%zz"]),
    max_size=30,
).map("".join)
RUN = {"slug": "01KZAZTK3BEMEDXA54396WMGC2", "status": "running"}


CLIENT_HEADERS = [{}, {"X-Id": "a"}, {"Content-Type": "text/plain", "Accept": "b"}, {"host": "h"}]
_PAIRS: dict[tuple[str, int], tuple[LeanClient, httpx.Client]] = {}


def _pair(base: str, headers: int = 0) -> tuple[LeanClient, httpx.Client]:
    """A lean and a plain client with ``base`` and ``CLIENT_HEADERS[headers]``, made once:
    each client costs an SSL context, and building requests touches no state."""
    key = (base, headers)
    if key not in _PAIRS:
        kwargs: dict[str, Any] = {"base_url": base, "headers": CLIENT_HEADERS[headers]}
        _PAIRS[key] = (LeanClient(**kwargs), httpx.Client(**kwargs))
    return _PAIRS[key]


def _outcome(client: httpx.Client, url: str) -> tuple[str, Any]:
    try:
        merged = client._merge_url(url)
    except Exception as exc:  # compared by type: both sides must refuse the same paths
        return "error", type(exc)
    return "url", (str(merged), merged.raw_path, merged.host, merged.port, merged.scheme)


def test_the_url_shortcut_is_on_with_this_httpx() -> None:
    # If httpx's internals move, the shortcut turns itself off; this says so loudly.
    assert _lean._FAST_URLS


@settings(max_examples=400, deadline=None)
@given(base=st.sampled_from(BASES), text=PATH_TEXT)
def test_a_merged_url_is_exactly_httpxs(base: str, text: str) -> None:
    lean, plain = _pair(base)
    for url in ("/" + text, text):
        assert _outcome(lean, url) == _outcome(plain, url)


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/worker-runs/01KZAZTK3BEMEDXA54396WMGC2",
        "/api/v2/workers/a%2Fb/runs/last/rerun",
        "/api/v2/workers/x:y@z/runs",
        "/api/v2/a/./b",
        "/api/v2/a/../b",
        "//evil.example/x",
        "/a?token=1",
        "/a#f",
        "/a%zz",
        "/" + "a" * 5000,
    ],
)
@pytest.mark.parametrize("base", BASES)
def test_generated_shapes_and_the_odd_ones_match_httpx(base: str, path: str) -> None:
    lean, plain = _pair(base)
    assert _outcome(lean, path) == _outcome(plain, path)


PARAM_VALUE = st.one_of(
    st.integers(),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False),
    st.text(alphabet=st.sampled_from([*"aZ09-._~ +&=%/?#é"]), max_size=8),
    st.lists(st.integers(), max_size=2),
)
PARAMS = st.dictionaries(
    st.text(alphabet=st.sampled_from([*"az_-.~ &=%é"]), max_size=6), PARAM_VALUE, max_size=4
)


def _request_url(client: httpx.Client, url: str, params: Any) -> tuple[str, Any]:
    try:
        built = client.build_request("GET", url, params=params).url
    except Exception as exc:
        return "error", type(exc)
    return "url", (str(built), built.raw_path, built.query)


@settings(max_examples=300, deadline=None)
@given(base=st.sampled_from(BASES), text=PATH_TEXT, params=PARAMS)
def test_a_url_with_parameters_is_exactly_httpxs(base: str, text: str, params: Any) -> None:
    lean, plain = _pair(base)
    assert _request_url(lean, "/" + text, params) == _request_url(plain, "/" + text, params)


@pytest.mark.parametrize(
    "params",
    [{"offset": 1, "limit": 100}, {"status": "running", "page": 2}, {"q": "a b"}, {"n": True}],
)
def test_list_call_parameters_match_httpx(params: dict[str, Any]) -> None:
    lean, plain = _pair("https://api.example.test/")
    path = "/api/v2/worker-runs/01KZAZTK3BEMEDXA54396WMGC2/result"
    assert _request_url(lean, path, params) == _request_url(plain, path, params)
    # Client-level parameters are merged by httpx itself.
    with_params = LeanClient(base_url="https://api.example.test/", params={"c": "1"})
    reference = httpx.Client(base_url="https://api.example.test/", params={"c": "1"})
    assert _request_url(with_params, path, params) == _request_url(reference, path, params)


def test_a_changed_base_url_is_used_from_the_next_request() -> None:
    client = LeanClient(base_url="http://127.0.0.1:1/one/")
    assert str(client._merge_url("/p")) == "http://127.0.0.1:1/one/p"
    client.base_url = httpx.URL("http://127.0.0.1:2/two")
    assert str(client._merge_url("/p")) == "http://127.0.0.1:2/two/p"


def _cookie_replies(server: LoopbackServer) -> None:
    server.always(json_reply(RUN, headers={"Set-Cookie": "sticky=abc; Path=/"}))


def test_a_set_cookie_is_never_stored_or_sent_back(
    server: LoopbackServer, make_client: Any
) -> None:
    _cookie_replies(server)
    client = make_client()
    for _ in range(3):
        ce.get_worker_run(client, "R")
    assert [r.headers.get("cookie") for r in server.requests] == [None, None, None]
    assert not client.get_httpx_client().cookies
    # Cookies the caller gives are sent as given, and the answer's still never join them.
    copy = client.with_cookies({"mine": "v"})
    ce.get_worker_run(copy, "R")
    ce.get_worker_run(copy, "R")
    assert [r.headers.get("cookie") for r in server.requests[3:]] == ["mine=v", "mine=v"]
    assert dict(copy.get_httpx_client().cookies) == {"mine": "v"}


def test_the_async_client_keeps_no_cookies_either(server: LoopbackServer, make_client: Any) -> None:
    _cookie_replies(server)
    client = make_client()

    async def main() -> None:
        try:
            for _ in range(2):
                await ce.aget_worker_run(client, "R")
            assert not client.get_async_httpx_client().cookies
        finally:
            await client.aclose()

    asyncio.run(main())
    assert [r.headers.get("cookie") for r in server.requests] == [None, None]


def test_cookies_set_on_the_httpx_client_keep_the_rule() -> None:
    for client in (LeanClient(), LeanAsyncClient()):
        client.cookies = {"given": "1"}
        assert isinstance(client.cookies, _lean._KeptCookies)
        client.cookies.extract_cookies(
            httpx.Response(
                200,
                headers={"Set-Cookie": "other=2; Path=/"},
                request=httpx.Request("GET", "http://127.0.0.1/"),
            )
        )
        assert dict(client.cookies) == {"given": "1"}


def test_a_kept_jar_is_empty_exactly_when_httpxs_would_be() -> None:
    kept = _lean._KeptCookies()
    plain = httpx.Cookies()
    steps = [
        lambda jar: None,
        lambda jar: jar.set("a", "1", domain="x.test"),
        lambda jar: jar.delete("a", domain="x.test"),  # leaves empty tables behind
        lambda jar: jar.set("b", "2"),
        lambda jar: jar.clear(),
    ]
    for step in steps:
        step(kept)
        step(plain)
        assert bool(kept) == bool(plain)


def test_every_client_built_by_create_client_is_lean(make_client: Any) -> None:
    client = make_client()
    assert isinstance(client.get_httpx_client(), LeanClient)

    async def main() -> None:
        try:
            assert isinstance(client.get_async_httpx_client(), LeanAsyncClient)
        finally:
            await client.aclose()

    asyncio.run(main())


def _mock(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/moved":
        return httpx.Response(302, headers={"Location": "/elsewhere"}, content=b"")
    return httpx.Response(200, json={"path": request.url.path})


def test_the_async_send_shortcut_is_on_with_this_httpx() -> None:
    assert _async_http._FAST_SEND


def test_the_async_shortcut_answers_as_httpx_does() -> None:
    seen: list[str] = []

    async def hook(request: httpx.Request) -> None:
        seen.append(request.url.path)

    async def main() -> None:
        plain = httpx.AsyncClient(transport=httpx.MockTransport(_mock), base_url="http://t")
        lean = LeanAsyncClient(transport=httpx.MockTransport(_mock), base_url="http://t")
        hooked = LeanAsyncClient(
            transport=httpx.MockTransport(_mock),
            base_url="http://t",
            event_hooks={"request": [hook]},
        )
        for client in (plain, lean, hooked):
            async with client:
                ok = await client.get("/a")
                moved = await client.get("/moved")
                assert ok.json() == {"path": "/a"} and ok.history == []
                if client is lean:  # httpx (hooks: its own path) leaves it unset here
                    assert ok.elapsed.total_seconds() >= 0
                assert moved.status_code == 302 and moved.history == []
                assert moved.next_request is not None
                assert moved.next_request.url == "http://t/elsewhere"
                followed = await client.get("/moved", follow_redirects=True)
                assert followed.json() == {"path": "/elsewhere"}
                assert [r.status_code for r in followed.history] == [302]
        assert seen == ["/a", "/moved", "/moved", "/elsewhere"]  # hooks: httpx's own path
        with pytest.raises(RuntimeError, match="closed"):
            await lean.get("/a")

    asyncio.run(main())


def test_an_async_request_skips_send_only_when_nothing_needs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sent: list[str] = []
    real_send = httpx.AsyncClient.send

    async def counting_send(self: Any, request: httpx.Request, **kwargs: Any) -> httpx.Response:
        sent.append(request.url.path)
        return await real_send(self, request, **kwargs)

    monkeypatch.setattr(httpx.AsyncClient, "send", counting_send)

    async def hook(response: httpx.Response) -> None:
        return None

    async def main() -> None:
        lean = LeanAsyncClient(transport=httpx.MockTransport(_mock), base_url="http://t")
        hooked = LeanAsyncClient(
            transport=httpx.MockTransport(_mock),
            base_url="http://t",
            event_hooks={"response": [hook]},
        )
        async with lean, hooked:
            assert (await lean.get("/direct")).json() == {"path": "/direct"}
            await lean.get("/moved", follow_redirects=True)
            assert (await hooked.get("/hooked")).json() == {"path": "/hooked"}
            failing = LeanAsyncClient(transport=httpx.MockTransport(_refuse), base_url="http://t")
            with pytest.raises(httpx.ConnectError) as caught:
                await failing.get("/refused")
            assert caught.value.request.url == "http://t/refused"  # as httpx attaches it

    asyncio.run(main())
    assert sent == ["/moved", "/hooked"]


def _refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("refused")


HEADER_NAME = st.sampled_from(
    ["Content-Type", "content-type", "Content-Length", "Host", "host", "X-Id", "Accept", "Cookie"]
)
HEADER_VALUE = st.one_of(
    st.text(alphabet=st.sampled_from([*"aZ09 ;=/-"]), max_size=12),
    st.just("é"),
    st.binary(max_size=4),
)
JSON_BODY = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=8,
)


def _request(client: httpx.Client, method: str, **kwargs: Any) -> tuple[str, Any]:
    try:
        built = client.build_request(method, "/api/v2/worker-runs/R", **kwargs)
        built.read()
    except Exception as exc:
        return "error", type(exc)
    return "request", (
        built.method,
        str(built.url),
        built.headers.raw,
        built.content,
        built.extensions,
        built.headers.encoding,
    )


@settings(max_examples=300, deadline=None)
@given(
    method=st.sampled_from(["GET", "post", "PUT", "patch", "DELETE", "HEAD"]),
    body=st.one_of(
        st.just({}),
        JSON_BODY.map(lambda value: {"json": value}),
        st.binary(max_size=6).map(lambda value: {"content": value}),
    ),
    headers=st.one_of(st.none(), st.dictionaries(HEADER_NAME, HEADER_VALUE, max_size=3)),
    client_headers=st.integers(0, len(CLIENT_HEADERS) - 1),
)
def test_a_built_request_is_exactly_httpxs(
    method: str, body: dict[str, Any], headers: Any, client_headers: int
) -> None:
    lean, plain = _pair("https://api.example.test/", client_headers)
    assert _request(lean, method, headers=headers, **body) == _request(
        plain, method, headers=headers, **body
    )


def test_other_request_shapes_take_httpxs_own_build() -> None:
    lean, plain = _pair("https://api.example.test/")
    for kwargs in (
        {"data": {"a": "1"}},
        {"content": "text"},
        {"timeout": 3.0},
        {"extensions": {"trace": None}},
        {"params": {"q": [1, 2]}},
        {"json": {"a": 1}, "content": b"x"},
    ):
        assert _request(lean, "POST", **kwargs) == _request(plain, "POST", **kwargs)


def test_requests_sent_the_usual_way_take_the_shortcut(monkeypatch: pytest.MonkeyPatch) -> None:
    # Client.request() hands build_request every argument (data=None, files=None, ...): the
    # shortcut must still be taken, or it only ever runs in tests.
    built: list[str] = []
    real = LeanClient._build_plain

    def spy(self: Any, method: str, *args: Any) -> httpx.Request:
        built.append(method)
        return real(self, method, *args)

    monkeypatch.setattr(LeanClient, "_build_plain", spy)
    plain = httpx.Client(transport=httpx.MockTransport(_mock), base_url="http://t")
    lean = LeanClient(transport=httpx.MockTransport(_mock), base_url="http://t")
    for client in (plain, lean):
        with client:
            assert client.get("/a").json() == {"path": "/a"}
            assert client.post("/b", json={"x": 1}, headers={"X-Id": "1"}).json() == {"path": "/b"}
    assert built == ["GET", "POST"]
