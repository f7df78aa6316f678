"""spec/openapi.yaml against the facts of the official upstream file (spec/upstream-digest.json).

The official file does not ship with the project; scripts/spec_digest.py keeps its facts
(methods, paths, parameters, security, request fields, response codes) in the digest, and
these tests hold our spec to them. The tool itself is tested on small specs built here.
"""

from __future__ import annotations

import copy
import hashlib
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.scripts import ROOT, load_script

sd = load_script("scripts/spec_digest.py", "coreclaw_scripts_spec_digest")

SCRIPT = ROOT / "scripts" / "spec_digest.py"
DIGEST = ROOT / "spec" / "upstream-digest.json"
SPEC = ROOT / "spec" / "openapi.yaml"
PROSE_KEYS = {"description", "summary", "example", "examples"}


def base_spec() -> dict[str, Any]:
    """Three operations using every kind of $ref and inheritance the digest resolves."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "1", "description": "Prose that must not count."},
        "security": [{"BearerAuth": []}, {"ApiKeyAuth": []}],
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "summary": "List things",
                    "parameters": [
                        {"$ref": "#/components/parameters/Limit"},
                        {
                            "name": "kind",
                            "in": "query",
                            "description": "Kind of thing",
                            "schema": {"type": "string", "enum": ["a", "b"]},
                        },
                    ],
                    "responses": {"200": {"description": "ok"}, "404": {"description": "no"}},
                },
                "post": {
                    "operationId": "createThing",
                    "security": [],
                    "requestBody": {"$ref": "#/components/requestBodies/NewThing"},
                    "responses": {"200": {"description": "ok"}},
                },
            },
            "/things/{thingId}": {
                "parameters": [
                    {
                        "name": "thingId",
                        "in": "path",
                        "required": True,
                        "schema": {"$ref": "#/components/schemas/Slug"},
                    }
                ],
                # An unquoted YAML status code is an int; the digest still says "200".
                "get": {"operationId": "getThing", "responses": {200: {"description": "ok"}}},
            },
        },
        "components": {
            "parameters": {
                "Limit": {
                    "name": "limit",
                    "in": "query",
                    "example": 5,
                    "schema": {
                        "type": "integer",
                        "format": "int64",
                        "minimum": 1,
                        "maximum": 100,
                        "default": 20,
                    },
                }
            },
            "requestBodies": {
                "NewThing": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/NewThing"}}
                    },
                }
            },
            "schemas": {
                "Slug": {"type": "string", "minLength": 1, "description": "A slug"},
                "Size": {"type": "integer", "minimum": 0, "default": 0},
                "NewThing": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string", "examples": ["bolt"]},
                        "tags": {"type": ["null", "array"], "items": {"type": "string"}},
                        "size": {"$ref": "#/components/schemas/Size"},
                        # A field called "description" is a name, not prose.
                        "description": {"type": "string", "description": "Free text"},
                    },
                },
            },
        },
        "x-coreclaw-note": {"description": "vendor extension"},
    }


ANY_AUTH = ["ApiKeyAuth", "BearerAuth"]
EXPECTED_OPERATIONS: dict[str, Any] = {
    "createThing": {
        "method": "post",
        "path": "/things",
        "security": [],
        "parameters": [],
        "request_body": {
            "required": True,
            "fields": {
                "description": {"type": "string"},
                "name": {"type": "string"},
                "size": {"type": "integer", "minimum": 0, "default": 0},
                "tags": {"type": ["array", "null"], "items": {"type": "string"}},
            },
            "required_fields": ["name"],
            "additional_properties": False,
        },
        "responses": ["200"],
    },
    "getThing": {
        "method": "get",
        "path": "/things/{thingId}",
        "security": ANY_AUTH,
        "parameters": [{"name": "thingId", "in": "path", "required": True, "type": "string"}],
        "request_body": None,
        "responses": ["200"],
    },
    "listThings": {
        "method": "get",
        "path": "/things",
        "security": ANY_AUTH,
        "parameters": [
            {
                "name": "kind",
                "in": "query",
                "required": False,
                "type": "string",
                "enum": ["a", "b"],
            },
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "type": "integer",
                "format": "int64",
                "minimum": 1,
                "maximum": 100,
                "default": 20,
            },
        ],
        "request_body": None,
        "responses": ["200", "404"],
    },
}


def write_yaml(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def walk(node: Any, under_fields: bool = False) -> Iterator[tuple[str | None, Any]]:
    """(key, value) for every mapping entry and (None, leaf) for every scalar. The keys of a
    body's ``fields`` are field names (CreateRequest has one called "description"), so they
    are reported as None and only their values are walked."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (None if under_fields else key), value
            yield from walk(value, under_fields=key == "fields" and not under_fields)
    elif isinstance(node, list):
        for item in node:
            yield from walk(item)
    else:
        yield None, node


# --- (a) our spec against the committed digest ---------------------------------------------


DEVIATIONS = DIGEST.parent / "upstream-deviations.yaml"


def test_our_spec_matches_the_upstream_digest() -> None:
    reference = sd.load_digest(DIGEST)
    spec, raw = sd.load_document(SPEC)
    differences = set(sd.compare(reference, sd.digest(spec, raw)))
    documented = yaml.safe_load(DEVIATIONS.read_text(encoding="utf-8"))
    assert all(isinstance(why, str) and why.strip() for why in documented.values())
    unexplained = sorted(differences - set(documented))
    assert not unexplained, (
        f"spec/openapi.yaml differs from upstream in {len(unexplained)} fact(s) that "
        "spec/upstream-deviations.yaml does not explain "
        "(python scripts/spec_digest.py check):\n" + "\n".join(unexplained)
    )
    stale = sorted(set(documented) - differences)
    assert not stale, "spec/upstream-deviations.yaml lists differences that are gone:\n" + (
        "\n".join(stale)
    )


# --- (b) what the tool writes ---------------------------------------------------------------


def test_write_produces_the_exact_digest(tmp_path: Path) -> None:
    source = write_yaml(tmp_path / "spec.yaml", base_spec())
    out = tmp_path / "digest.json"
    assert sd.main(["write", str(source), "-o", str(out)]) == 0
    expected = {
        "format": 1,
        "source_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
        "operation_count": 3,
        "operations": EXPECTED_OPERATIONS,
    }
    assert json.loads(out.read_text(encoding="utf-8")) == expected
    assert out.read_text(encoding="utf-8") == json.dumps(expected, indent=2, sort_keys=True) + "\n"
    # The written digest reads back as a digest and the spec it came from matches it.
    spec, raw = sd.load_document(source)
    assert sd.compare(sd.load_digest(out), sd.digest(spec, raw)) == []


def test_json_and_yaml_sources_give_the_same_facts(tmp_path: Path) -> None:
    spec = base_spec()
    as_json = tmp_path / "spec.json"
    as_json.write_text(json.dumps(spec), encoding="utf-8")
    from_json, raw = sd.load_document(as_json)
    from_yaml, _ = sd.load_document(write_yaml(tmp_path / "spec.yaml", spec))
    assert sd.digest(from_json, raw)["operations"] == EXPECTED_OPERATIONS
    assert sd.digest(from_yaml)["operations"] == EXPECTED_OPERATIONS
    assert sd.digest(from_json, raw)["source_sha256"] == hashlib.sha256(raw).hexdigest()


# --- (c) every kind of difference -----------------------------------------------------------

Mutation = Callable[[dict[str, Any]], Any]


def _op(spec: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    result: dict[str, Any] = spec["paths"][path][method]
    return result


def _limit(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = spec["components"]["parameters"]["Limit"]
    return result


def _kind(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = _op(spec, "/things", "get")["parameters"][1]
    return result


def _thing(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = spec["components"]["schemas"]["NewThing"]
    return result


def _move(spec: dict[str, Any], old: str, new: str) -> None:
    spec["paths"][new] = spec["paths"].pop(old)


DIFFERENCES: list[tuple[str, Mutation, list[str]]] = [
    (
        "operation added",
        lambda s: s["paths"]["/things/{thingId}"].update(
            delete={"operationId": "deleteThing", "responses": {"204": {}}}
        ),
        ["deleteThing: extra operation (DELETE /things/{thingId})"],
    ),
    (
        "operation removed",
        lambda s: s["paths"]["/things"].pop("post"),
        ["createThing: missing operation (POST /things)"],
    ),
    (
        "path changed",
        lambda s: _move(s, "/things/{thingId}", "/items/{thingId}"),
        ['getThing: path differs: upstream "/things/{thingId}", ours "/items/{thingId}"'],
    ),
    (
        "method changed",
        lambda s: s["paths"]["/things/{thingId}"].update(
            put=s["paths"]["/things/{thingId}"].pop("get")
        ),
        ['getThing: method differs: upstream "get", ours "put"'],
    ),
    (
        "parameter required changed",
        lambda s: _limit(s).update(required=True),
        ["listThings: parameter query limit: required differs: upstream false, ours true"],
    ),
    (
        "parameter bound changed",
        lambda s: _limit(s)["schema"].update(maximum=50),
        ["listThings: parameter query limit: maximum differs: upstream 100, ours 50"],
    ),
    (
        "parameter bound dropped",
        lambda s: _limit(s)["schema"].pop("minimum"),
        ["listThings: parameter query limit: minimum differs: upstream 1, ours absent"],
    ),
    (
        "parameter enum changed",
        lambda s: _kind(s)["schema"].update(enum=["a", "b", "c"]),
        [
            'listThings: parameter query kind: enum differs: upstream ["a", "b"], ours ["a", "b", "c"]'
        ],
    ),
    (
        "parameter default changed",
        lambda s: _limit(s)["schema"].update(default=10),
        ["listThings: parameter query limit: default differs: upstream 20, ours 10"],
    ),
    (
        "parameter missing",
        lambda s: _op(s, "/things", "get")["parameters"].pop(1),
        ["listThings: parameter query kind: missing"],
    ),
    (
        "parameter extra",
        lambda s: _op(s, "/things", "get")["parameters"].append(
            {"name": "X-Trace", "in": "header", "schema": {"type": "string"}}
        ),
        ["listThings: parameter header X-Trace: extra"],
    ),
    (
        "security narrowed",
        lambda s: _op(s, "/things/{thingId}", "get").update(security=[{"BearerAuth": []}]),
        ['getThing: security differs: upstream ["ApiKeyAuth", "BearerAuth"], ours ["BearerAuth"]'],
    ),
    (
        "public operation inherits the top-level security",
        lambda s: _op(s, "/things", "post").pop("security"),
        ['createThing: security differs: upstream [], ours ["ApiKeyAuth", "BearerAuth"]'],
    ),
    (
        "body field added",
        lambda s: _thing(s)["properties"].update(color={"type": "string"}),
        ["createThing: body field color: extra"],
    ),
    (
        "body field removed",
        lambda s: _thing(s)["properties"].pop("tags"),
        ["createThing: body field tags: missing"],
    ),
    (
        "body field type changed",
        lambda s: _thing(s)["properties"]["name"].update(type="integer"),
        ['createThing: body field name: type differs: upstream "string", ours "integer"'],
    ),
    (
        "body field no longer nullable",
        lambda s: _thing(s)["properties"]["tags"].update(type="array"),
        ['createThing: body field tags: type differs: upstream ["array", "null"], ours "array"'],
    ),
    (
        "body field default changed through a $ref",
        lambda s: s["components"]["schemas"]["Size"].update(default=1),
        ["createThing: body field size: default differs: upstream 0, ours 1"],
    ),
    (
        "required fields changed",
        lambda s: _thing(s).update(required=["name", "size"]),
        [
            'createThing: request body required_fields differs: upstream ["name"], ours ["name", "size"]'
        ],
    ),
    (
        "body no longer required",
        lambda s: s["components"]["requestBodies"]["NewThing"].update(required=False),
        ["createThing: request body required differs: upstream true, ours false"],
    ),
    (
        "additional properties opened",
        lambda s: _thing(s).update(additionalProperties={"type": "string"}),
        ["createThing: request body additional_properties differs: upstream false, ours true"],
    ),
    (
        "body removed",
        lambda s: _op(s, "/things", "post").pop("requestBody"),
        ["createThing: request body: missing"],
    ),
    (
        "response code removed",
        lambda s: _op(s, "/things", "get")["responses"].pop("404"),
        ["listThings: response 404: missing"],
    ),
    (
        "response code added",
        lambda s: _op(s, "/things", "get")["responses"].update({"500": {"description": "x"}}),
        ["listThings: response 500: extra"],
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [pytest.param(m, e, id=name) for name, m, e in DIFFERENCES],
)
def test_compare_reports(mutate: Mutation, expected: list[str]) -> None:
    ours = base_spec()
    mutate(ours)
    assert sd.compare(sd.digest(base_spec()), sd.digest(ours)) == expected


def _document_more(spec: dict[str, Any]) -> None:
    """What our spec may add or rearrange without changing a fact."""
    listing = _op(spec, "/things", "get")
    listing.update(description="More words.", tags=["things"], **{"x-coreclaw-creates-run": False})
    listing["parameters"][0] = {**_limit(spec), "description": "Page size", "example": 20}
    _kind(spec)["schema"]["description"] = "Kind"
    _thing(spec)["properties"]["tags"]["type"] = ["array", "null"]
    _thing(spec)["properties"]["name"].update(examples=["nut"], description="Its name")
    _op(spec, "/things/{thingId}", "get")["security"] = [{"ApiKeyAuth": []}, {"BearerAuth": []}]
    _op(spec, "/things/{thingId}", "get")["responses"][200]["content"] = {"application/json": {}}


def test_documentation_and_order_are_not_differences() -> None:
    ours = base_spec()
    _document_more(ours)
    assert sd.compare(sd.digest(base_spec()), sd.digest(ours)) == []


def test_boolean_and_number_facts_are_not_confused() -> None:
    ours = base_spec()
    s = ours["components"]["schemas"]["Size"]
    s["default"] = False
    assert sd.compare(sd.digest(base_spec()), sd.digest(ours)) == [
        "createThing: body field size: default differs: upstream 0, ours false"
    ]


# --- (d) the committed digest -----------------------------------------------------------------


def test_digest_holds_no_prose() -> None:
    text = DIGEST.read_text(encoding="utf-8")
    assert len(text.encode()) < 64_000, "the digest should be facts only, tens of KB"
    doc = json.loads(text)
    assert text == sd.render(doc), "the digest is written by scripts/spec_digest.py, not by hand"
    assert doc["format"] == 1
    assert doc["operation_count"] == len(doc["operations"])
    entries = list(walk(doc["operations"]))
    prose_keys = {key for key, _ in entries if key in PROSE_KEYS}
    assert not prose_keys, f"prose keys in the digest: {sorted(prose_keys)}"
    # Facts are names, paths, formats and enum values; a space means a sentence got in.
    sentences = [v for _, v in entries if isinstance(v, str) and any(c.isspace() for c in v)]
    assert not sentences, f"prose in the digest: {sentences[:5]}"


def test_walk_treats_field_names_as_names() -> None:
    doc = {"fields": {"description": {"type": "string"}}, "description": "x"}
    keys = [key for key, _ in walk(doc)]
    assert keys.count("description") == 1


# --- (e) the command line ---------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60
    )


def test_cli_exit_codes(tmp_path: Path) -> None:
    spec = write_yaml(tmp_path / "spec.yaml", base_spec())
    digest = tmp_path / "digest.json"
    proc = run_cli("write", str(spec), "-o", str(digest))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(digest.read_text(encoding="utf-8"))["operation_count"] == 3

    proc = run_cli("check", "--digest", str(digest), "--spec", str(spec))
    assert (proc.returncode, proc.stderr) == (0, ""), proc.stdout

    changed = base_spec()
    _op(changed, "/things", "get")["responses"].pop("404")
    proc = run_cli("check", "--digest", str(digest), "--spec", str(write_yaml(spec, changed)))
    assert proc.returncode == 1, proc.stderr
    assert "listThings: response 404: missing" in proc.stdout.splitlines()

    proc = run_cli("check", "--digest", str(digest), "--spec", str(tmp_path / "absent.yaml"))
    assert proc.returncode == 2
    assert "absent.yaml" in proc.stderr


def _broken_ref(spec: dict[str, Any]) -> None:
    _op(spec, "/things", "post")["requestBody"] = {"$ref": "#/components/requestBodies/Gone"}


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bad.yaml", "paths: [unclosed\n"),
        ("bad.json", '{"paths": '),
        ("list.yaml", "- not\n- a mapping\n"),
        ("ref.yaml", None),
        ("paths.yaml", "paths:\n  /x:\n    get: 3\n"),
    ],
)
def test_check_unreadable_spec_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str | None
) -> None:
    digest = tmp_path / "digest.json"
    digest.write_text(sd.render(sd.digest(base_spec())), encoding="utf-8")
    spec = tmp_path / name
    if content is None:
        broken = copy.deepcopy(base_spec())
        _broken_ref(broken)
        write_yaml(spec, broken)
    else:
        spec.write_text(content, encoding="utf-8")
    assert sd.main(["check", "--digest", str(digest), "--spec", str(spec)]) == 2
    assert capsys.readouterr().err.startswith("spec_digest: ")


def test_check_rejects_a_file_that_is_not_a_digest(tmp_path: Path) -> None:
    spec = write_yaml(tmp_path / "spec.yaml", base_spec())
    # An OpenAPI file given as the digest is the likely mistake.
    assert sd.main(["check", "--digest", str(spec), "--spec", str(spec)]) == 2
