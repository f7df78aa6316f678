"""The generated models and clients and CoreClawClient are plain classes (attrs stays off a
program's first call, tests/test_cold_start.py), written as the attrs classes they were: the
same constructor, equality, repr, pickling, copying and pattern matching, and attrs' own
functions (fields, has, asdict, evolve) still work on them, importing attrs only then."""

from __future__ import annotations

import copy
import inspect
import io
import pickle
import sys
import weakref
from http import HTTPStatus
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
from coreclaw_api import models
from coreclaw_api.client import AuthenticatedClient, Client
from coreclaw_api.types import UNSET, File, Response

import coreclaw_ext as ce
from coreclaw_ext._coreclaw_client import CoreClawClient
from coreclaw_ext._pools import _LIVE
from tests.proc import VENV_BIN, assert_ok, run

KEY = "attrs-compat-test-key-0123456789"
MODEL_CLASSES = sorted(
    (getattr(models, name) for name in models.__all__ if isinstance(getattr(models, name), type)),
    key=lambda cls: cls.__name__,
)


def _run_record() -> models.RunRecord:
    run_record = models.RunRecord.from_dict(
        {"slug": "R1", "status": "running", "started_at": 1786001000, "extra": [1, 2]}
    )
    return run_record


@pytest.fixture
def client() -> Any:
    made = ce.create_client(api_key=KEY, base_url="http://127.0.0.1:9")
    yield made
    made.close()


def test_attrs_is_loaded_only_when_used() -> None:
    code = (
        "import copy, pickle, sys\n"
        "import coreclaw_ext as ce\n"
        "from coreclaw_api import models\n"
        "from coreclaw_api.types import Response\n"
        "r = models.RunRecord.from_dict({'slug': 'R', 'status': 's', 'x': 1})\n"
        "assert pickle.loads(pickle.dumps(r)) == copy.deepcopy(r) == copy.copy(r) == r\n"
        "assert repr(r) == \"RunRecord(slug='R', status='s', additional_properties={'x': 1})\"\n"
        "c = ce.create_client(api_key='k' * 30, base_url='http://127.0.0.1:9')\n"
        "c2 = c.with_options(timeout=3).with_headers({'X-A': 'b'})\n"
        "repr(c2); repr(Response(200, b'', {}, None)); c.close()\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('attr', 'attrs')]\n"
        "import attrs\n"
        "assert attrs.fields(models.RunRecord).slug.name == 'slug'\n"
        "print('ok')\n"
    )
    proc = run([sys.executable, "-c", code], timeout=60)
    assert_ok(proc)
    assert proc.stdout.split()[-1] == "ok"


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_models_have_attrs_fields_matching_their_init(cls: Any) -> None:
    is_attrs = attrs.has(cls)
    assert is_attrs
    fields = attrs.fields(cls)
    assert fields is attrs.fields(cls)  # built once
    params = list(inspect.signature(cls).parameters.values())
    init = [f for f in fields if f.init]
    assert [f.alias for f in init] == [p.name for p in params]
    for field, param in zip(init, params, strict=True):
        assert not field.kw_only and param.kind is param.POSITIONAL_OR_KEYWORD
        expected = inspect.Parameter.empty if field.default is attrs.NOTHING else field.default
        assert param.default is expected
        assert field.type == param.annotation  # the annotation text (future annotations)
    assert cls.__match_args__ == tuple(f.name for f in init)
    assert cls.__hash__ is None
    slots = (*(f.name for f in fields), "__weakref__")
    assert cls.__slots__ == slots
    extra = [f for f in fields if not f.init]
    assert [f.name for f in extra] in ([], ["additional_properties"])
    for field in extra:
        assert field.default == attrs.Factory(dict)


def test_asdict_evolve_and_fields_dict_on_a_model() -> None:
    record = _run_record()
    assert attrs.fields_dict(models.RunRecord)["slug"].default is attrs.NOTHING
    as_dict = attrs.asdict(record)
    assert as_dict["slug"] == "R1" and as_dict["additional_properties"] == {"extra": [1, 2]}
    assert as_dict["results"] is UNSET
    changed = attrs.evolve(record, status="succeeded")
    assert type(changed) is models.RunRecord
    assert (changed.slug, changed.status, changed.started_at) == ("R1", "succeeded", 1786001000)
    assert changed.additional_properties == {}  # init=False: attrs.evolve does not copy it
    assert attrs.fields(record) is attrs.fields(models.RunRecord)  # an instance works too


def test_nested_models_asdict_recurses() -> None:
    env = models.RunEnvelope.from_dict(
        {"code": 0, "message": "ok", "data": {"slug": "R", "status": "s"}}
    )
    data = attrs.asdict(env)["data"]
    assert isinstance(data, dict) and data["slug"] == "R"


def test_model_equality_repr_and_matching() -> None:
    record = _run_record()
    same = _run_record()
    assert record == same
    assert not record != same  # noqa: SIM202 - __ne__ as well
    same.additional_properties["extra"] = []
    assert record != same
    assert record != models.RunRecord(slug="R1", status="running", started_at=1786001000)

    class Sub(models.RunRecord):
        __slots__ = ()

    assert record != Sub(slug="R1", status="running", started_at=1786001000)
    with pytest.raises(TypeError, match="unhashable"):
        hash(record)
    assert repr(record) == (
        "RunRecord(slug='R1', status='running', started_at=1786001000, "
        "additional_properties={'extra': [1, 2]})"
    )
    match record:
        case models.RunRecord("R1", status):
            assert status == "running"
        case _:
            pytest.fail("positional pattern did not match")
    assert weakref.ref(record)() is record
    with pytest.raises(AttributeError):
        record.no_such_field = 1  # type: ignore[attr-defined]


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_models_pickle_and_copy(protocol: int) -> None:
    record = _run_record()
    back = pickle.loads(pickle.dumps(record, protocol=protocol))
    assert back == record and back.additional_properties == {"extra": [1, 2]}
    assert copy.copy(record) == record
    deep = copy.deepcopy(record)
    assert (
        deep == record
        and deep.additional_properties["extra"] is not record.additional_properties["extra"]
    )
    response = Response(HTTPStatus.OK, b"{}", {"a": "b"}, record)
    assert pickle.loads(pickle.dumps(response, protocol=protocol)) == response
    if protocol >= 2:  # BytesIO itself pickles from protocol 2 on
        file = File(payload=io.BytesIO(b"x"), file_name="f.txt")
        assert pickle.loads(pickle.dumps(file, protocol=protocol)).file_name == "f.txt"


def test_state_pickled_by_the_attrs_classes_still_loads() -> None:
    # attrs' slotted classes pickled {field: value} (and tuples before attrs 22.2).
    record = models.RunRecord.__new__(models.RunRecord)
    record.__setstate__({"slug": "R", "status": "s", "results": UNSET, "additional_properties": {}})
    assert record.slug == "R" and record.results is UNSET
    state = _run_record().__getstate__()
    assert isinstance(state, dict) and state["slug"] == "R1"
    assert set(state) == {f.name for f in attrs.fields(models.RunRecord)}


def test_response_and_file_are_as_attrs_made_them() -> None:
    response: Response[Any] = Response(HTTPStatus.OK, b"x", {}, None)
    assert (
        repr(response)
        == "Response(status_code=<HTTPStatus.OK: 200>, content=b'x', headers={}, parsed=None)"
    )
    assert attrs.evolve(response, parsed=1).parsed == 1
    assert attrs.has(Response[int])
    assert [f.name for f in attrs.fields(Response)] == [
        "status_code",
        "content",
        "headers",
        "parsed",
    ]
    file = File(payload=io.BytesIO(b"x"))
    assert repr(file).startswith("File(payload=<_io.BytesIO object") and repr(file).endswith(
        "file_name=None, mime_type=None)"
    )
    assert attrs.asdict(file, recurse=False)["mime_type"] is None


def test_generated_clients_keep_their_attrs_shape() -> None:
    client = AuthenticatedClient("http://h", "T", headers={"a": "b"})
    assert repr(client) == (
        "AuthenticatedClient(raise_on_unexpected_status=False, _base_url='http://h', "
        "_cookies={}, _headers={'a': 'b'}, _timeout=None, _verify_ssl=True, "
        "_follow_redirects=False, _httpx_args={}, _client=None, _async_client=None, "
        "token='T', prefix='Bearer', auth_header_name='Authorization')"
    )
    by_name = attrs.fields_dict(AuthenticatedClient)
    assert by_name["_base_url"].alias == "base_url" and not by_name["_base_url"].kw_only
    assert by_name["_cookies"].default == attrs.Factory(dict)
    assert not by_name["_client"].init
    assert AuthenticatedClient.__match_args__ == (
        "_base_url",
        "token",
        "prefix",
        "auth_header_name",
    )
    other = attrs.evolve(client, token="U")
    assert (other.token, other._headers, other._base_url) == ("U", {"a": "b"}, "http://h")
    assert client == AuthenticatedClient("http://h", "T", headers={"a": "b"})
    assert client != Client("http://h", headers={"a": "b"})
    assert pickle.loads(pickle.dumps(client)) == client
    copied = client.with_timeout(httpx.Timeout(3))
    assert type(copied) is AuthenticatedClient and copied._timeout == httpx.Timeout(3)
    assert copied.with_headers({"c": "d"})._headers == {"a": "b", "c": "d"}
    plain = Client("http://h").with_cookies({"k": "v"})
    assert type(plain) is Client and plain._cookies == {"k": "v"}
    with pytest.raises(TypeError, match="unhashable"):
        hash(client)


def test_coreclaw_client_fields_extend_the_generated_ones(client: CoreClawClient) -> None:
    names = [f.name for f in attrs.fields(CoreClawClient)]
    base = [f.name for f in attrs.fields(AuthenticatedClient)]
    assert names == [*base, "_settings", "_pools", "_own_client", "_own_async_client"]
    inherited = {f.name: f.inherited for f in attrs.fields(CoreClawClient)}
    assert all(inherited[name] for name in base) and not inherited["_settings"]
    by_name = attrs.fields_dict(CoreClawClient)
    assert by_name["_settings"].kw_only and by_name["_settings"].alias == "settings"
    assert not by_name["_own_client"].init
    params = inspect.signature(CoreClawClient).parameters
    assert list(params) == [
        *inspect.signature(AuthenticatedClient).parameters,
        "settings",
        "pools",
    ]
    assert (
        attrs.has(CoreClawClient) and attrs.asdict(client, recurse=False)["_pools"] is client._pools
    )


def test_attrs_evolve_on_coreclaw_client_is_a_copy(client: CoreClawClient) -> None:
    copied = attrs.evolve(client, timeout=httpx.Timeout(7))
    assert type(copied) is CoreClawClient and copied is not client
    assert copied._pools is client._pools and copied._settings is client._settings
    assert copied._timeout == httpx.Timeout(7) and copied._own_client is None
    assert _LIVE[id(copied)] is copied  # registered for fork handling, like every client
    assert repr(copied).startswith("CoreClawClient(base_url='http://127.0.0.1:9'")


def test_coreclaw_client_equality_hash_and_copies(client: CoreClawClient) -> None:
    assert client == client
    twin = client._copy()
    assert twin == client  # every field equal (the same settings and pools)
    assert client.with_headers({"X-A": "b"}) != client
    with pytest.raises(TypeError, match="unhashable"):
        hash(client)
    assert weakref.ref(client)() is client
    with pytest.raises(AttributeError):
        client.no_such_attribute = 1  # type: ignore[attr-defined]
    assert "CoreClawClient(base_url=" in repr(client) and KEY not in repr(client)


_TYPED = """
from typing import Any, assert_type

import attrs
from coreclaw_api.client import AuthenticatedClient
from coreclaw_api.models import RunRecord

record = RunRecord(slug="R", status="s")
assert_type(attrs.fields(RunRecord).slug, attrs.Attribute[str])
assert_type(attrs.evolve(record, status="t"), RunRecord)
assert_type(attrs.asdict(record), dict[str, Any])
client = AuthenticatedClient("http://h", "T")
assert_type(attrs.evolve(client, base_url="http://i"), AuthenticatedClient)
"""


def test_attrs_functions_stay_typed_for_users(tmp_path: Path) -> None:
    # Type checkers see the classes as the attrs classes they were (types._typed_as_attrs).
    good = tmp_path / "good.py"
    good.write_text(_TYPED, encoding="utf-8")
    bad = tmp_path / "bad.py"
    bad.write_text(_TYPED + 'attrs.evolve(record, status=1)\nRunRecord(slug=1, status="s")\n')
    proc = run([VENV_BIN / "mypy", "--strict", good, bad], timeout=300)
    assert proc.returncode == 1, proc.stdout
    errors = [line for line in proc.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 2 and all("bad.py:" in line for line in errors), proc.stdout
    assert "good.py" not in proc.stdout, proc.stdout


_ATTRS_THING = """@attrs.define
class Thing:
    slug: str
    size: int = 0
"""
_PLAIN_THING = """class Thing:
    __slots__ = ("slug", "size", "__weakref__")
    slug: str
    size: int

    def __init__(self, slug: str, size: int = {default}) -> None:
        self.slug = slug
        self.size = size
"""


def test_the_compat_gate_reads_plain_classes_like_attrs_ones(tmp_path: Path) -> None:
    from tests import test_release as tr

    ac = tr.ac
    old = ac.python_api(tr.write_tree(tmp_path / "old"))
    plain = tr.write_tree(
        tmp_path / "plain", impl=(_ATTRS_THING, _PLAIN_THING.replace("{default}", "0"))
    )
    facts = ac.python_api(plain)
    assert facts["coreclaw_ext.Thing"]["init_fields"] == {"slug": True, "size": False}
    assert [str(c) for c in ac.compare_python(old, facts) if c.breaking] == []
    required = tr.write_tree(
        tmp_path / "required", impl=(_ATTRS_THING, _PLAIN_THING.replace(" = {default}", ""))
    )
    assert "coreclaw_ext.Thing: field size became required (constructor argument)" in [
        str(c) for c in ac.compare_python(old, ac.python_api(required)) if c.breaking
    ]
