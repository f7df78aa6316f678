"""``coreclaw_ext._json``: whatever the decoder, ``loads`` returns or raises what ``json.loads``
does. Table tests for the known corners, hypothesis over generated documents, the setting."""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coreclaw_ext as ce
from coreclaw_ext import _json
from tests.conftest import ClientFactory
from tests.loopback import LoopbackServer, Reply
from tests.proc import assert_ok, run


def _installed(name: str) -> bool:
    try:
        __import__(name)
    except ImportError:
        return False
    return True


FAST = [name for name in ("msgspec", "orjson") if _installed(name)]
DECODERS = ["stdlib", *FAST]


@pytest.fixture(autouse=True)
def _restore_setting() -> Iterator[None]:
    previous = _json.setting()
    yield
    _json.use(previous)


def outcome(decode: Callable[[bytes], Any], data: bytes) -> tuple[str, Any]:
    try:
        return ("value", decode(data))
    except Exception as exc:
        return ("error", (type(exc), str(exc)))


def identical(a: Any, b: Any) -> bool:
    """Equal values of the same types, keys in the same order, floats bit for bit.

    Iterative: documents nest deeper than a recursive comparison could follow.
    """
    pending = [(a, b)]
    while pending:
        x, y = pending.pop()
        if type(x) is not type(y):
            return False
        if isinstance(x, float):
            if math.isnan(x) != math.isnan(y):
                return False
            if not math.isnan(x) and (x != y or math.copysign(1.0, x) != math.copysign(1.0, y)):
                return False
        elif isinstance(x, dict):
            if list(x) != list(y):
                return False
            pending += [(x[k], y[k]) for k in x]
        elif isinstance(x, list | tuple):
            if len(x) != len(y):
                return False
            pending += list(zip(x, y, strict=True))
        elif x != y:
            return False
    return True


def assert_same_as_stdlib(data: bytes) -> None:
    expected = outcome(json.loads, data)
    got = outcome(_json.loads, data)
    assert identical(got, expected), (data[:200], got, expected)


# --- the corners ---------------------------------------------------------------------------

CORNERS = [
    # what the fast decoders refuse and the standard library accepts
    b"NaN",
    b"[NaN, Infinity, -Infinity]",
    b'{"a": NaN}',
    b"1e309",
    b"-1e400",
    b"1.7976931348623159e308",
    b'"\\ud800"',
    b'"\\udc00\\ud800"',
    b'"\\ud83d\\u0041"',
    b'{"\\ud800": 1}',
    b'"\xed\xa0\x80"',  # a surrogate encoded in UTF-8 (json.loads decodes with surrogatepass)
    b'\xef\xbb\xbf{"a": 1}',  # UTF-8 byte-order mark
    '{"a": [1, "é"]}'.encode("utf-16"),
    '{"a": [1, "é"]}'.encode("utf-16-le"),
    '{"a": [1, "é"]}'.encode("utf-16-be"),
    '{"a": [1, "é"]}'.encode("utf-32"),
    b"1\x00",  # read as UTF-16-LE by json.loads
    # integers beyond 64 bits (orjson would make them floats)
    b"18446744073709551615",
    b"18446744073709551616",
    b"-9223372036854775808",
    b"-9223372036854775809",
    b"[123456789012345678901234567890, -99999999999999999999]",
    b'{"id": 12345678901234567890123, "s": "12345678901234567890123"}',
    b"1" + b"0" * 4299,
    b"1" + b"0" * 4300,  # past int_max_str_digits: json.loads raises
    # numbers and their types
    b"-0",
    b"-0.0",
    b"0e0",
    b"-0e-0",
    b"1E2",
    b"1.0",
    b"1.5e+0003",
    b"2.4703282292062327e-324",
    b"2.4703282292062328e-324",
    b"9007199254740993",
    b"9007199254740993.0",
    b"0.1000000000000000055511151231257827021181583404541015625",
    b"1e-400",
    b"0." + b"1" * 400,
    b"123456789012345678901234567890.5e-10",
    # strings
    b'"\\ud83d\\ude00"',
    b'"\\u0000\\u001f\\u007f\\u2028\\ufeff"',
    b'"\\/\\b\\f\\n\\r\\t\\"\\\\"',
    '"é€😀"'.encode(),
    b'"\x7f"',
    b'"' + b"a" * 70000 + b'"',
    # structure
    b'{"a": 1, "b": 2, "a": 3}',
    b'{"": 1, " ": {"": []}}',
    b"  \t\r\n[ 1 ,\n 2 ]\r\n ",
    b"[" * 500 + b"]" * 500,
    b"[" * 5000 + b"]" * 5000,  # past the recursion limit: json.loads raises
    b"true",
    b"null",
    # what every decoder refuses
    b"",
    b" ",
    b"\x0c1",
    b'"\x01"',
    b'"\xff"',
    b'"\xc0\x80"',
    b'{"a":1} x',
    b"01",
    b"1.",
    b".5",
    b"+1",
    b"[1,]",
    b'{"a":1,}',
    b"'a'",
    b'"\\x41"',
    b"True",
    b"[1]]",
    b'{"a" 1}',
]


@pytest.mark.parametrize("decoder", DECODERS)
@pytest.mark.parametrize("data", CORNERS, ids=lambda d: repr(d[:24]))
def test_corners_are_decoded_as_json_loads_does(decoder: str, data: bytes) -> None:
    _json.use(decoder)
    assert_same_as_stdlib(data)


@pytest.mark.parametrize("decoder", FAST)
def test_a_refused_body_goes_to_the_standard_library_and_nothing_else(
    decoder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _json.use(decoder)
    calls: list[bytes] = []

    def stdlib(data: bytes) -> Any:
        calls.append(data)
        return json.loads(data)

    monkeypatch.setattr(_json, "_stdlib_loads", stdlib)
    assert _json.loads(b'{"a": [1, 2.5, "x"]}') == {"a": [1, 2.5, "x"]}
    assert calls == []  # the fast decoder decoded it
    assert math.isnan(_json.loads(b"NaN"))
    with pytest.raises(json.JSONDecodeError):
        _json.loads(b"[1,]")
    assert calls == [b"NaN", b"[1,]"]


# --- generated documents -------------------------------------------------------------------

_SPECIAL_TEXT = ["\ud800", "\udfff", "\udc00\ud800", "\U0001f600", "\x00", "\u2028", "\ufeff", "é"]
_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=10) | st.sampled_from(
    _SPECIAL_TEXT
)
_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats()  # NaN and the infinities included: json.dumps writes NaN, Infinity
    | _text
)
json_values = st.recursive(
    _scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(_text, children, max_size=5),
    max_leaves=30,
)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    """A value as json.dumps writes it (any options), in any encoding json.loads reads."""
    text = json.dumps(
        draw(json_values),
        ensure_ascii=draw(st.booleans()),
        indent=draw(st.sampled_from([None, 0, 2, "\t"])),
        separators=draw(st.sampled_from([None, (",", ":"), (" , ", " :  ")])),
    )
    encoding = draw(st.sampled_from(["utf-8"] * 6 + ["utf-8-sig", "utf-16", "utf-32-le"]))
    return text.encode(encoding, "surrogatepass")


number_tokens = st.from_regex(
    r"-?(0|[1-9][0-9]{0,40})(\.[0-9]{1,40})?([eE][+-]?[0-9]{1,5})?", fullmatch=True
)


@st.composite
def raw_documents(draw: st.DrawFn) -> bytes:
    """Documents json.dumps never writes: number literals of any length, duplicate keys."""
    numbers = draw(st.lists(number_tokens, min_size=1, max_size=6))
    keys = draw(st.lists(st.sampled_from(["a", "b", "", "\\ud800", "é"]), min_size=1, max_size=6))
    pairs = ", ".join(f'"{k}": {n}' for k, n in zip(keys, numbers * 6, strict=False))
    return f'{{"n": [{", ".join(numbers)}], "o": {{{pairs}}}}}'.encode()


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """A document with bytes changed, inserted or cut: mostly invalid JSON."""
    data = bytearray(draw(documents()))
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["set", "insert", "cut"]))
        byte = draw(st.sampled_from(list(b'{}[],:"\\ 0123456789.eE-+natrufl\x00\xff\xed\x80')))
        if action == "insert":
            data[at:at] = bytes([byte])
        elif data:
            at = min(at, len(data) - 1)
            if action == "set":
                data[at] = byte
            else:
                del data[at]
    return bytes(data)


_SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("decoder", FAST)
@_SETTINGS
@given(data=documents())
def test_generated_documents_decode_as_json_loads_does(decoder: str, data: bytes) -> None:
    _json.use(decoder)
    assert_same_as_stdlib(data)


@pytest.mark.parametrize("decoder", FAST)
@_SETTINGS
@given(data=raw_documents())
def test_number_literals_and_duplicate_keys_decode_as_json_loads_does(
    decoder: str, data: bytes
) -> None:
    _json.use(decoder)
    assert_same_as_stdlib(data)


@pytest.mark.parametrize("decoder", FAST)
@_SETTINGS
@given(data=mutated() | st.binary(max_size=64))
def test_broken_documents_fail_as_json_loads_does(decoder: str, data: bytes) -> None:
    _json.use(decoder)
    assert_same_as_stdlib(data)


# --- the setting -------------------------------------------------------------------------------


def _child(code: str, **env: str) -> tuple[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != _json.DECODER_ENV}
    proc = run([sys.executable, "-c", code], env={**environ, **env}, replace_env=True, timeout=60)
    assert_ok(proc)
    return proc.stdout.strip(), proc.stderr


SHOW = (
    "import sys\nfrom coreclaw_ext import _json\n"
    "print(_json.setting(), _json.current(), 'msgspec' in sys.modules, 'orjson' in sys.modules)"
)


def test_the_default_is_auto_and_loads_no_fast_decoder() -> None:
    out, _ = _child(SHOW)
    assert out == "auto stdlib False False"


@pytest.mark.parametrize("decoder", FAST)
def test_the_environment_picks_a_decoder(decoder: str) -> None:
    out, _ = _child(SHOW, CORECLAW_JSON_DECODER=f" {decoder.upper()} ")
    assert out.split()[:2] == [decoder, decoder]
    out, _ = _child(SHOW, CORECLAW_JSON_DECODER="stdlib")
    assert out == "stdlib stdlib False False"


def test_an_environment_value_that_cannot_work_warns_and_keeps_the_default() -> None:
    out, err = _child(SHOW, CORECLAW_JSON_DECODER="simdjson")
    assert out == "auto stdlib False False"
    assert "CORECLAW_JSON_DECODER='simdjson' is ignored" in err and "RuntimeWarning" in err


def test_use_returns_the_previous_setting_and_refuses_unknown_names() -> None:
    assert _json.use("stdlib") in _json.NAMES
    assert _json.use("auto") == "stdlib"
    assert (_json.setting(), _json.current()) == ("auto", "stdlib")
    for bad in ("ujson", "", "STDLIB", None, 1):
        with pytest.raises(ce.ConfigurationError, match="must be one of auto, stdlib"):
            _json.use(bad)  # type: ignore[arg-type]
    assert _json.setting() == "auto"


@pytest.mark.parametrize("decoder", ["msgspec", "orjson"])
def test_a_decoder_that_is_not_installed_is_refused(
    decoder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _json.use("stdlib")
    monkeypatch.setattr(_json, "_loaded", {})  # as in a process that never loaded it
    monkeypatch.setitem(sys.modules, decoder, None)
    monkeypatch.setitem(sys.modules, f"{decoder}.json", None)
    with pytest.raises(ce.ConfigurationError, match=f"{decoder!r} is not installed") as info:
        _json.use(decoder)
    assert isinstance(info.value, ValueError)
    if decoder == "msgspec":
        assert "coreclaw-openapi[fast-json]" in str(info.value)
    assert (_json.setting(), _json.current()) == ("stdlib", "stdlib")


@pytest.mark.parametrize("decoder", FAST)
def test_use_switches_the_decoder(decoder: str) -> None:
    assert _json.use(decoder) in _json.NAMES
    assert (_json.setting(), _json.current()) == (decoder, decoder)
    assert _json.use("stdlib") == decoder
    assert _json.current() == "stdlib"


def test_auto_switches_to_msgspec_after_enough_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("msgspec")
    monkeypatch.setattr(_json, "AUTO_SWITCH_BYTES", 10)
    _json.use("auto")
    assert _json.loads(b"[1, 2]") == [1, 2]
    assert _json.current() == "stdlib"
    assert _json.loads(b"[1, 2, 3, 4]") == [1, 2, 3, 4]  # 16 bytes in all: switched after it
    assert (_json.setting(), _json.current()) == ("auto", "msgspec")
    assert math.isnan(_json.loads(b"NaN"))
    _json.use("stdlib")  # a choice stops the switch
    _json.use("auto")
    assert _json.current() == "stdlib"


def test_auto_without_msgspec_stays_with_the_standard_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_json, "AUTO_SWITCH_BYTES", 10)
    monkeypatch.setattr(_json, "_loaded", {})
    monkeypatch.setitem(sys.modules, "msgspec", None)
    monkeypatch.setitem(sys.modules, "msgspec.json", None)
    _json.use("auto")
    for _ in range(3):
        assert _json.loads(b"[1, 2, 3, 4, 5]") == [1, 2, 3, 4, 5]
    assert (_json.setting(), _json.current()) == ("auto", "stdlib")


# --- every answer goes through it ------------------------------------------------------------


@pytest.mark.parametrize("decoder", DECODERS)
def test_answers_are_decoded_by_the_chosen_decoder(
    decoder: str,
    server: LoopbackServer,
    make_client: ClientFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _json.use(decoder)
    seen: list[str] = []
    real = _json.loads

    def spy(data: bytes) -> Any:
        seen.append(_json.current())
        return real(data)

    monkeypatch.setattr("coreclaw_ext._mapping.loads", spy)
    body = (
        b'{"code": 0, "message": "ok", "data": {"slug": "R1", "status": "running",'
        b' "results": 12345678901234567890123, "usage": "\\ud800"}}'
    )
    server.queue(Reply(200, body, {"Content-Type": "application/json"}))
    run_record = ce.get_worker_run(make_client(), "R1")
    assert seen == [decoder]
    assert run_record.slug == "R1" and run_record.usage == "\ud800"
    assert run_record.results == 12345678901234567890123
    server.queue(
        Reply(
            404,
            b'{"code": 11004, "message": "run \\ud800 not found"}',
            {"Content-Type": "application/json"},
        )
    )
    with pytest.raises(ce.NotFoundError, match="run \ud800 not found"):
        ce.get_worker_run(make_client(max_retries=0), "R1")
