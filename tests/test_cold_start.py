"""Cold start (issue 14): what a program's first call loads, checked by module, not by time.

``import coreclaw_ext`` + ``create_client`` + one convenience call should cost about what
``import httpx`` + one ``httpx.Client`` call costs (benchmarks/README.md, "Import"). Timings on
a shared machine are noisy; the modules a fresh interpreter ends up with are not. Each test
runs fresh interpreters against the loopback server and compares their ``sys.modules``:
whatever the first call loads beyond httpx's own first call must be our packages or one of
the few modules listed here, each with the reason it is there.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import certifi
import pytest

from tests.loopback import LoopbackServer, json_reply
from tests.proc import assert_ok, run

KEY = "cold-start-test-key-0123456789"
RUN_ID = "01KZAZTK3BEMEDXA54396WMGC2"
RUN = {"slug": RUN_ID, "status": "succeeded", "results": 3, "started_at": 1786001000}
OURS = ("coreclaw_ext", "coreclaw_api")

# attrs (and platform, which attrs imports): the generated models and clients and
# CoreClawClient are plain classes, and attrs loads only when a program uses attrs on them
# (attrs.fields, asdict, evolve; tests/test_attrs_compat.py).
ATTRS = ("attr", "attrs", "platform")
# Besides our packages, the only modules the first call may add to httpx's.
ALLOWED_EXTRA: dict[str, str] = {}
# Modules with a cheaper home than the first call; each would be a regression there.
NOT_ON_FIRST_CALL = {
    "asyncio": "loads with the first async call or wait (_retry.async_sleep)",
    "aiohttp": "the optional async backend",
    "importlib.util": "only a SOCKS proxy or async_backend='aiohttp' needs find_spec",
    "dateutil": "the API sends Unix seconds; no model parses ISO dates",
    "csv": "only writing results as CSV",
    "coreclaw_ext._responses": "capture_responses loads it; until then nothing records",
    "coreclaw_ext._pagination": "only list iterators",
    "coreclaw_ext._waiting": "only waits",
    "coreclaw_ext._write": "only writing results",
    "coreclaw_ext._aiohttp": "the optional async backend",
    "coreclaw_ext._generated.table": "only the command line's api command",
    "coreclaw_ext._shape_compiler": "operations' checks come compiled with the index",
    "coreclaw_ext._logenv": "only when CORECLAW_LOG is set",
    "_contextvars": "made by the first call_options (a shared library to load)",
    "coreclaw_api.models.error_envelope": "parsed only from error answers (endpoint template)",
    "coreclaw_api.errors": "raised only for a status the spec does not list",
    "coreclaw_api._spec_schemas": "read only to explain a mismatch or compile an ad-hoc check",
    "coreclaw_ext._async_http": "the async client and transport load with the first async call",
}
# What the command line adds to the library's first call for ``coreclaw-py run get``.
CLI_ALLOWED_EXTRA = {"argparse", "gettext"}
CLI_NOT_LOADED = {
    "csv": "only run results --format csv",
    "secrets": "only writing result files (their temporary names)",
    "shlex": "only the completion command",
    "coreclaw_ext._write": "only commands that write rows",
    "coreclaw_ext._generated.table": "only the api command",
}

_PRINT_MODULES = "import json, sys; print(json.dumps(sorted(sys.modules)))\n"


def _modules(code: str, **env: str) -> set[str]:
    proc = run([sys.executable, "-c", code + _PRINT_MODULES], timeout=60, env=env)
    assert_ok(proc)
    names: list[str] = json.loads(proc.stdout.strip().splitlines()[-1])
    return set(names)


def _httpx_first_call(url: str) -> set[str]:
    return _modules(
        "import httpx\n"
        f"client = httpx.Client(base_url={url!r}, headers={{'Authorization': 'Bearer k'}})\n"
        f"client.get('/api/v2/worker-runs/{RUN_ID}').json()\n"
    )


def _ext_first_call(url: str) -> set[str]:
    return _modules(
        "import coreclaw_ext as cc\n"
        f"client = cc.create_client(api_key={KEY!r}, base_url={url!r})\n"
        f"assert cc.get_worker_run(client, {RUN_ID!r}).slug == {RUN_ID!r}\n"
    )


def _not_ours(names: set[str]) -> set[str]:
    return {n for n in names if n.split(".", 1)[0] not in OURS}


def _is_attrs(name: str) -> bool:
    return name.split(".", 1)[0] in ATTRS


@pytest.fixture
def answers(server: LoopbackServer) -> LoopbackServer:
    server.always(json_reply(RUN))
    return server


def test_first_call_loads_little_beyond_httpx(answers: LoopbackServer) -> None:
    extra = _not_ours(_ext_first_call(answers.url) - _httpx_first_call(answers.url))
    unexpected = sorted(n for n in extra if n not in ALLOWED_EXTRA)
    assert not unexpected, (
        "the first call loads modules that httpx's own first call does not: "
        f"{unexpected}; import them where they are needed (see NOT_ON_FIRST_CALL)"
    )


def test_first_call_leaves_the_rare_paths_unloaded(answers: LoopbackServer) -> None:
    loaded = _ext_first_call(answers.url)
    wrong = {name: why for name, why in NOT_ON_FIRST_CALL.items() if name in loaded}
    assert not wrong, wrong


def test_first_call_does_not_load_attrs(answers: LoopbackServer) -> None:
    loaded = _ext_first_call(answers.url)
    assert not sorted(n for n in loaded if _is_attrs(n))


_COUNT_CA_LOADS = """
import ssl
loads = []
_real = ssl.SSLContext.load_verify_locations
def _counting(self, cafile=None, capath=None, cadata=None):
    if cafile is not None:
        loads.append(cafile)
    return _real(self, cafile, capath, cadata)
ssl.SSLContext.load_verify_locations = _counting
import coreclaw_ext as cc
client = cc.create_client(api_key={key!r}, base_url={url!r})
cc.get_worker_run(client, {run_id!r})
print(len(loads))
"""


def test_the_ca_bundle_is_parsed_once(answers: LoopbackServer) -> None:
    code = _COUNT_CA_LOADS.format(key=KEY, url=answers.url, run_id=RUN_ID)
    proc = run([sys.executable, "-c", code], timeout=60, env={"SSL_CERT_FILE": certifi.where()})
    assert_ok(proc)
    assert proc.stdout.split()[-1] == "1"


def test_cli_run_get_adds_only_argparse(answers: LoopbackServer) -> None:
    code = (
        "import contextlib, io\n"
        "from coreclaw_ext.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['--base-url', {answers.url!r}, 'run', 'get', {RUN_ID!r}]) == 0\n"
    )
    cli = _modules(code, CORECLAW_API_KEY=KEY)
    library = _ext_first_call(answers.url)
    extra = _not_ours(cli - library)
    assert extra <= CLI_ALLOWED_EXTRA, sorted(extra - CLI_ALLOWED_EXTRA)
    wrong: dict[str, Any] = {name: why for name, why in CLI_NOT_LOADED.items() if name in cli}
    assert not wrong, wrong


_FIRST_OVERRIDES_IN_THREADS = """
import threading
import coreclaw_ext as cc
from coreclaw_ext import _options
gate = threading.Barrier(8)
seen = {}
def enter(n):
    gate.wait()  # all threads make their first call_options at once
    with cc.call_options(max_retries=n):
        gate.wait()
        seen[n] = (_options.current().max_retries, _options.current() is not None)
    seen[n] += (_options.current() is None,)
threads = [threading.Thread(target=enter, args=(n,)) for n in range(8)]
for t in threads: t.start()
for t in threads: t.join()
assert seen == {n: (n, True, True) for n in range(8)}, seen
print("ok")
"""


def test_threads_entering_their_first_call_options_at_once_keep_their_own() -> None:
    # The context variable is made on first use: threads racing to make it must share one.
    proc = run([sys.executable, "-c", _FIRST_OVERRIDES_IN_THREADS], timeout=60)
    assert_ok(proc)
    assert proc.stdout.split()[-1] == "ok"


_PLAIN_CLIENT_ERROR = """
import sys
from coreclaw_api import AuthenticatedClient
from coreclaw_api.api.worker_runs import get_worker_run
import coreclaw_ext as cc
assert "coreclaw_api.models.error_envelope" not in sys.modules
client = AuthenticatedClient(base_url={url!r}, token="k")
response = get_worker_run.sync_detailed("R1", client=client)
assert type(response.parsed).__name__ == "ErrorEnvelope", response.parsed
assert response.parsed.code == 10404
try:
    cc.unwrap(response)
except cc.NotFoundError as err:
    print("mapped", err.status_code)
"""


def test_error_answers_load_their_model_when_first_parsed(server: LoopbackServer) -> None:
    # The endpoint modules import error models lazily; a client without the ext transport
    # must still parse an error answer into its model, and unwrap must still map it.
    server.always(json_reply(status=404, code=10404, message="run not found"))
    proc = run([sys.executable, "-c", _PLAIN_CLIENT_ERROR.format(url=server.url)], timeout=60)
    assert_ok(proc)
    assert proc.stdout.split()[-2:] == ["mapped", "404"]
