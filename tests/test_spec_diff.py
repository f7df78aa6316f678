"""scripts/spec-diff: our spec against an upstream OpenAPI file or the committed digest.

Every kind of change the drift report names is made to a small upstream file written here;
the report must name it (JSON and words) and exit 1. Known deviations are reported apart and
do not count; bad input exits 2. The project's own spec is checked against its digest (what CI
runs) and, where shared/reference is beside the repo, against the official file.
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.proc import REGEN_ENV, ROOT, assert_ok, run
from tests.scripts import load_script

diff_tool = load_script("scripts/spec_diff.py", "coreclaw_scripts_spec_diff")
sd = diff_tool.sd

WRAPPER = ROOT / "scripts" / "spec-diff"
OFFICIAL = ROOT.parent / "shared" / "reference" / "coreclaw-openapi.official.json"

DESCRIPTION = """Things API.

## Error Codes

| Code | Key | Message |
| --- | --- | --- |
| 10000 | SYSTEM_ERROR | internal server error |
| 11004 | `NOT_FOUND` | not found |
"""


def upstream_spec() -> dict[str, Any]:
    """CoreClaw-style: JSON, an error table in the description and under x-error-codes."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "Things", "version": "2.0.0", "description": DESCRIPTION},
        "security": [{"BearerAuth": []}, {"ApiKeyAuth": []}],
        "x-error-codes": [
            {"code": 10000, "key": "SYSTEM_ERROR", "message": "internal server error"},
            {"code": 11004, "key": "NOT_FOUND", "message": "not found"},
        ],
        "paths": {
            "/things": {
                "get": {
                    "operationId": "listThings",
                    "parameters": [
                        {
                            "name": "limit",
                            "in": "query",
                            "schema": {
                                "type": "integer",
                                "minimum": 1,
                                "maximum": 100,
                                "default": 20,
                            },
                        },
                        {
                            "name": "kind",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["a", "b"]},
                        },
                    ],
                    "responses": {"200": {"description": "ok"}, "404": {"description": "no"}},
                },
                "post": {
                    "operationId": "createThing",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/NewThing"}
                            }
                        },
                    },
                    "responses": {"200": {"description": "ok"}},
                },
            },
            "/things/{thingId}": {
                "get": {
                    "operationId": "getThing",
                    "parameters": [
                        {
                            "name": "thingId",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {"200": {"description": "ok"}},
                }
            },
        },
        "components": {
            "schemas": {
                "NewThing": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": {"type": "string"},
                        "size": {"type": "integer", "minimum": 0},
                    },
                }
            }
        },
    }


def our_spec() -> dict[str, Any]:
    """The same facts in our style: YAML, prose, x- markers, the table under info."""
    spec = copy.deepcopy(upstream_spec())
    spec["info"] = {
        "title": "Things",
        "version": "0.1.0",
        "description": "Our own words; the table is machine-readable below.",
        "x-coreclaw-error-codes": [
            {"code": 0, "key": "OK", "message": "success", "http_status": 200},
            {"code": 10000, "key": "SYSTEM_ERROR", "message": "x", "http_status": 500},
            {"code": 11004, "key": "NOT_FOUND", "message": "x", "http_status": 404},
        ],
    }
    del spec["x-error-codes"]
    listing = spec["paths"]["/things"]["get"]
    listing.update(summary="List things", description="Pages of things.")
    listing["x-coreclaw-paged"] = "list"
    return spec


Mutation = Callable[[dict[str, Any]], Any]


def _op(spec: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    result: dict[str, Any] = spec["paths"][path][method]
    return result


def _param(spec: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(
        p for p in _op(spec, "/things", "get")["parameters"] if p["name"] == name
    )
    return found


def _body(spec: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = spec["components"]["schemas"]["NewThing"]
    return result


def _rename(spec: dict[str, Any]) -> None:
    _op(spec, "/things/{thingId}", "get")["operationId"] = "fetchThing"


def _add_code(spec: dict[str, Any]) -> None:
    spec["x-error-codes"].append({"code": 30003, "key": "PLAN_LIMITED", "message": "limit"})
    spec["info"]["description"] += "| 30003 | PLAN_LIMITED | limit |\n"


def _drop_code(spec: dict[str, Any]) -> None:
    spec["x-error-codes"].pop(1)
    spec["info"]["description"] = spec["info"]["description"].replace(
        "| 11004 | `NOT_FOUND` | not found |\n", ""
    )


def _rekey_code(spec: dict[str, Any]) -> None:
    spec["x-error-codes"][1]["key"] = "MISSING"
    spec["info"]["description"] = spec["info"]["description"].replace("`NOT_FOUND`", "MISSING")


# (name, change made upstream, (operation, subject, change, fact), words in the report)
CHANGES: list[tuple[str, Mutation, tuple[str | None, str, str, str | None], str]] = [
    (
        "operation added",
        lambda s: s["paths"]["/things/{thingId}"].update(
            delete={"operationId": "deleteThing", "responses": {"204": {"description": "x"}}}
        ),
        ("deleteThing", "operation", "missing", None),
        "operation: upstream has it, our spec does not (DELETE /things/{thingId})",
    ),
    (
        "operation removed",
        lambda s: s["paths"]["/things"].pop("post"),
        ("createThing", "operation", "extra", None),
        "operation: our spec has it, upstream does not (POST /things)",
    ),
    (
        "path changed",
        lambda s: s["paths"].update({"/items/{thingId}": s["paths"].pop("/things/{thingId}")}),
        ("getThing", "path", "differs", "path"),
        'path: upstream "/items/{thingId}", ours "/things/{thingId}"',
    ),
    (
        "method changed",
        lambda s: s["paths"]["/things/{thingId}"].update(
            put=s["paths"]["/things/{thingId}"].pop("get")
        ),
        ("getThing", "method", "differs", "method"),
        'method: upstream "put", ours "get"',
    ),
    (
        "operationId changed",
        _rename,
        ("getThing", "operationId", "differs", "operationId"),
        'operationId: upstream "fetchThing", ours "getThing"',
    ),
    (
        "parameter added",
        lambda s: _op(s, "/things", "get")["parameters"].append(
            {"name": "X-Trace", "in": "header", "schema": {"type": "string"}}
        ),
        ("listThings", "parameter header X-Trace", "missing", None),
        "parameter header X-Trace: upstream has it, our spec does not",
    ),
    (
        "parameter removed",
        lambda s: _op(s, "/things", "get")["parameters"].pop(1),
        ("listThings", "parameter query kind", "extra", None),
        "parameter query kind: our spec has it, upstream does not",
    ),
    (
        "parameter moved to another place",
        lambda s: _param(s, "kind").update({"in": "header"}),
        ("listThings", "parameter kind", "differs", "in"),
        'parameter kind in: upstream "header", ours "query"',
    ),
    (
        "parameter became required",
        lambda s: _param(s, "limit").update(required=True),
        ("listThings", "parameter query limit", "differs", "required"),
        "parameter query limit required: upstream true, ours false",
    ),
    (
        "parameter type changed",
        lambda s: _param(s, "kind")["schema"].update(type="integer"),
        ("listThings", "parameter query kind", "differs", "type"),
        'parameter query kind type: upstream "integer", ours "string"',
    ),
    (
        "parameter maximum changed",
        lambda s: _param(s, "limit")["schema"].update(maximum=50),
        ("listThings", "parameter query limit", "differs", "maximum"),
        "parameter query limit maximum: upstream 50, ours 100",
    ),
    (
        "parameter minimum dropped",
        lambda s: _param(s, "limit")["schema"].pop("minimum"),
        ("listThings", "parameter query limit", "differs", "minimum"),
        "parameter query limit minimum: upstream absent, ours 1",
    ),
    (
        "parameter enum changed",
        lambda s: _param(s, "kind")["schema"].update(enum=["a", "b", "c"]),
        ("listThings", "parameter query kind", "differs", "enum"),
        'parameter query kind enum: upstream ["a", "b", "c"], ours ["a", "b"]',
    ),
    (
        "parameter default changed (the pagination flip)",
        lambda s: _param(s, "limit")["schema"].update(default=10),
        ("listThings", "parameter query limit", "differs", "default"),
        "parameter query limit default: upstream 10, ours 20",
    ),
    (
        "security changed",
        lambda s: _op(s, "/things/{thingId}", "get").update(security=[{"BearerAuth": []}]),
        ("getThing", "security", "differs", "security"),
        'security: upstream ["BearerAuth"], ours ["ApiKeyAuth", "BearerAuth"]',
    ),
    (
        "body field added",
        lambda s: _body(s)["properties"].update(color={"type": "string"}),
        ("createThing", "body field color", "missing", None),
        'body field color: upstream has it, our spec does not {"type": "string"}',
    ),
    (
        "body field removed",
        lambda s: _body(s)["properties"].pop("size"),
        ("createThing", "body field size", "extra", None),
        "body field size: our spec has it, upstream does not",
    ),
    (
        "body field changed",
        lambda s: _body(s)["properties"]["size"].update(maximum=9),
        ("createThing", "body field size", "differs", "maximum"),
        "body field size maximum: upstream 9, ours absent",
    ),
    (
        "body field became required",
        lambda s: _body(s).update(required=["name", "size"]),
        ("createThing", "request body", "differs", "required_fields"),
        'request body required_fields: upstream ["name", "size"], ours ["name"]',
    ),
    (
        "response code added",
        lambda s: _op(s, "/things", "get")["responses"].update({"429": {"description": "x"}}),
        ("listThings", "response 429", "missing", None),
        "response 429: upstream has it, our spec does not",
    ),
    (
        "response code removed",
        lambda s: _op(s, "/things", "get")["responses"].pop("404"),
        ("listThings", "response 404", "extra", None),
        "response 404: our spec has it, upstream does not",
    ),
    (
        "error code added",
        _add_code,
        (None, "error code 30003", "missing", None),
        'error code 30003: upstream has it, our spec does not {"key": "PLAN_LIMITED"}',
    ),
    (
        "error code removed",
        _drop_code,
        (None, "error code 11004", "extra", None),
        "error code 11004: our spec has it, upstream does not",
    ),
    (
        "error code renamed",
        _rekey_code,
        (None, "error code 11004", "differs", "key"),
        'error code 11004 key: upstream "MISSING", ours "NOT_FOUND"',
    ),
]


def write_json(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return path


def write_yaml(path: Path, spec: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


class Files:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.spec = write_yaml(root / "openapi.yaml", our_spec())
        self.upstream = write_json(root / "upstream.json", upstream_spec())
        self.digest = root / "digest.json"
        self.deviations = root / "deviations.yaml"

    def args(self, *extra: str) -> list[str]:
        return [
            *extra,
            "--spec",
            str(self.spec),
            "--digest",
            str(self.digest),
            "--deviations",
            str(self.deviations),
        ]


@pytest.fixture
def files(tmp_path: Path) -> Files:
    return Files(tmp_path)


def diff(capsys: pytest.CaptureFixture[str], files: Files, *extra: str) -> tuple[int, str, str]:
    code = diff_tool.main(files.args(*extra))
    out = capsys.readouterr()
    return code, out.out, out.err


def as_tuple(entry: dict[str, Any]) -> tuple[Any, ...]:
    return (entry["operation"], entry["subject"], entry["change"], entry["fact"])


# --- every kind of change -------------------------------------------------------------------


def test_equal_specs_exit_0(capsys: pytest.CaptureFixture[str], files: Files) -> None:
    code, out, err = diff(capsys, files, str(files.upstream))
    assert (code, err) == (0, ""), out
    assert "No difference: our spec matches upstream." in out
    code, out, _ = diff(capsys, files, str(files.upstream), "--json")
    report = json.loads(out)
    assert code == 0
    assert report["equal"] is True
    assert report["differences"] == report["known_deviations"] == report["stale_deviations"] == []
    assert report["upstream"]["operation_count"] == report["ours"]["operation_count"] == 3


@pytest.mark.parametrize(
    ("mutate", "expected", "words"),
    [pytest.param(m, e, w, id=name) for name, m, e, w in CHANGES],
)
def test_each_kind_of_change_is_reported(
    capsys: pytest.CaptureFixture[str],
    files: Files,
    mutate: Mutation,
    expected: tuple[Any, ...],
    words: str,
) -> None:
    changed = upstream_spec()
    mutate(changed)
    write_json(files.upstream, changed)

    code, out, err = diff(capsys, files, str(files.upstream), "--json")
    assert (code, err) == (1, ""), out
    report = json.loads(out)
    assert report["equal"] is False
    assert [as_tuple(d) for d in report["differences"]] == [expected]
    # Each JSON entry carries the line spec_digest.py check prints (the deviations' key).
    assert report["differences"][0]["line"].startswith(
        f"{expected[0]}: " if expected[0] else "error code "
    )

    code, out, _ = diff(capsys, files, str(files.upstream))
    assert code == 1
    assert words in out, out
    assert "1 difference(s)" in out


def test_changes_are_grouped_by_operation(capsys: pytest.CaptureFixture[str], files: Files) -> None:
    changed = upstream_spec()
    _param(changed, "limit")["schema"].update(maximum=50, default=10)
    _add_code(changed)
    write_json(files.upstream, changed)
    code, out, _ = diff(capsys, files, str(files.upstream))
    assert code == 1
    lines = out.splitlines()
    at = lines.index("  listThings (GET /things)")
    assert lines[at + 1 : at + 3] == [
        "    parameter query limit default: upstream 10, ours 20",
        "    parameter query limit maximum: upstream 50, ours 100",
    ]
    assert lines[at + 3] == "  error codes"
    assert "Differences (3, in 1 operation(s) and the error codes):" in lines


def test_prose_and_markers_are_not_drift(capsys: pytest.CaptureFixture[str], files: Files) -> None:
    changed = upstream_spec()
    changed["info"]["description"] = DESCRIPTION.replace("Things API.", "Completely new words.")
    _op(changed, "/things", "post")["description"] = "More words."
    changed["x-error-codes"][0]["message"] = "a reworded message"
    write_json(files.upstream, changed)
    code, out, _ = diff(capsys, files, str(files.upstream))
    assert code == 0, out


def test_error_tables_that_disagree_are_a_note(
    capsys: pytest.CaptureFixture[str], files: Files
) -> None:
    # CoreClaw's own file lists 30003 under x-error-codes but not in its description table.
    changed = upstream_spec()
    changed["x-error-codes"].append({"code": 30003, "key": "PLAN_LIMITED", "message": "x"})
    write_json(files.upstream, changed)
    code, out, _ = diff(capsys, files, str(files.upstream), "--json")
    report = json.loads(out)
    assert code == 1
    assert [as_tuple(d) for d in report["differences"]] == [
        (None, "error code 30003", "missing", None)
    ]
    assert report["notes"] == [
        "upstream: error code 30003 PLAN_LIMITED is in x-error-codes but not in "
        "info.description table"
    ]


# --- known deviations ---------------------------------------------------------------------


def test_known_deviations_are_not_drift(capsys: pytest.CaptureFixture[str], files: Files) -> None:
    changed = upstream_spec()
    _param(changed, "limit")["schema"].update(default=10)
    write_json(files.upstream, changed)
    line = "listThings: parameter query limit: default differs: upstream 10, ours 20"
    files.deviations.write_text(yaml.safe_dump({line: "We page by 20."}), encoding="utf-8")

    code, out, _ = diff(capsys, files, str(files.upstream), "--json")
    report = json.loads(out)
    assert code == 0, out
    assert report["differences"] == []
    assert [(d["line"], d["reason"]) for d in report["known_deviations"]] == [
        (line, "We page by 20.")
    ]

    code, out, _ = diff(capsys, files, str(files.upstream), "--verbose")
    assert code == 0
    assert "Known deviations (1, spec/upstream-deviations.yaml), not drift" in out
    assert f"    {line}\n      why: We page by 20." in out


def test_a_stale_deviation_counts(capsys: pytest.CaptureFixture[str], files: Files) -> None:
    line = "listThings: parameter query limit: default differs: upstream 10, ours 20"
    files.deviations.write_text(yaml.safe_dump({line: "We page by 20."}), encoding="utf-8")
    code, out, _ = diff(capsys, files, str(files.upstream), "--json")
    report = json.loads(out)
    assert code == 1
    assert report["stale_deviations"] == [{"line": line, "reason": "We page by 20."}]
    code, out, _ = diff(capsys, files, str(files.upstream))
    assert "Stale deviations (1): listed but no longer differ; remove them:" in out


# --- the digest: --update-digest, --against-digest --------------------------------------


def test_update_digest_then_against_digest(
    capsys: pytest.CaptureFixture[str], files: Files
) -> None:
    code, out, _ = diff(capsys, files, str(files.upstream), "--update-digest")
    assert code == 0, out
    doc, raw = sd.load_document(files.upstream)
    assert files.digest.read_text(encoding="utf-8") == sd.render(sd.digest(doc, raw))
    assert "wrote " in out

    # No upstream file needed any more (what CI runs).
    files.upstream.unlink()
    code, out, _ = diff(capsys, files, "--against-digest")
    assert code == 0, out
    assert "digest.json (3 operations" in out

    ours = our_spec()
    _param(ours, "limit")["schema"]["maximum"] = 500
    write_yaml(files.spec, ours)
    code, out, _ = diff(capsys, files, "--against-digest", "--json")
    assert code == 1
    assert [d["line"] for d in json.loads(out)["differences"]] == [
        "listThings: parameter query limit: maximum differs: upstream 100, ours 500"
    ]


def test_a_new_upstream_file_shows_what_changed_upstream(
    capsys: pytest.CaptureFixture[str], files: Files
) -> None:
    assert diff(capsys, files, str(files.upstream), "--update-digest")[0] == 0
    newer = upstream_spec()
    _param(newer, "limit")["schema"].update(default=10)
    newer["paths"]["/things"].pop("post")
    write_json(files.upstream, newer)

    code, out, _ = diff(capsys, files, str(files.upstream))
    assert code == 1
    assert "upstream changed since" in out and "record it with --update-digest" in out
    assert "Upstream changes since the committed digest (2):" in out
    assert "    operation: removed upstream (POST /things)" in out
    assert "    parameter query limit default changed: was 20, now 10" in out

    before = files.digest.read_text(encoding="utf-8")
    code, out, _ = diff(capsys, files, str(files.upstream), "--update-digest", "--json")
    report = json.loads(out)
    assert code == 1, "our spec still differs from the newly recorded upstream"
    assert report["digest_updated"] is True
    assert {as_tuple(d) for d in report["upstream_changes"]} == {
        ("createThing", "operation", "missing", None),
        ("listThings", "parameter query limit", "differs", "default"),
    }
    assert files.digest.read_text(encoding="utf-8") != before
    # Recorded: the digest now says the same as the new file.
    code, out, _ = diff(capsys, files, str(files.upstream), "--json")
    assert json.loads(out)["upstream_changes"] == []


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("missing.json", None),
        ("broken.json", '{"openapi": '),
        ("swagger.json", '{"swagger": "2.0", "paths": {}}'),
        ("list.json", "[1, 2]"),
        ("nopaths.json", '{"openapi": "3.1.0"}'),
        ("badtable.json", "TABLE"),
        ("badcodes.json", "CODES"),
        ("binary.json", "BINARY"),
    ],
)
def test_bad_upstream_exits_2(
    capsys: pytest.CaptureFixture[str], files: Files, name: str, content: str | None
) -> None:
    path = files.root / name
    if content == "TABLE":
        spec = upstream_spec()
        spec["info"]["description"] += "| 12 | ONLY_TWO |\n"
        write_json(path, spec)
    elif content == "CODES":
        spec = upstream_spec()
        spec["x-error-codes"].append({"code": "12", "key": 5})
        write_json(path, spec)
    elif content == "BINARY":
        path.write_bytes(b"\xff\xfe\x00{")
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = diff(capsys, files, str(path))
    assert code == 2, out
    assert err.startswith("spec-diff: ") and out == ""


def test_bad_digest_and_deviations_exit_2(capsys: pytest.CaptureFixture[str], files: Files) -> None:
    write_json(files.digest, upstream_spec())  # an OpenAPI file where the digest should be
    assert diff(capsys, files, "--against-digest")[0] == 2
    files.digest.unlink()
    assert diff(capsys, files, "--against-digest")[0] == 2  # no digest at all
    files.deviations.write_text("- a list\n", encoding="utf-8")
    assert diff(capsys, files, str(files.upstream))[0] == 2


@pytest.mark.parametrize(
    "args",
    [[], ["UP", "--against-digest"], ["--against-digest", "--update-digest"], ["--bogus"]],
)
def test_usage_errors_exit_2(files: Files, args: list[str]) -> None:
    argv = [str(files.upstream) if a == "UP" else a for a in args]
    with pytest.raises(SystemExit) as exc:
        diff_tool.main(files.args(*argv))
    assert exc.value.code == 2


# --- the real entry point, a URL, the project's own files ---------------------------------


def test_wrapper_exit_codes(files: Files) -> None:
    proc = run([WRAPPER, str(files.upstream), *files.args()[0:]], timeout=60, env=REGEN_ENV)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    changed = upstream_spec()
    changed["paths"]["/things"].pop("post")
    write_json(files.upstream, changed)
    proc = run([WRAPPER, str(files.upstream), *files.args(), "--json"], timeout=60, env=REGEN_ENV)
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["differences"][0]["operation"] == "createThing"
    proc = run([WRAPPER, str(files.root / "nope.json"), *files.args()], timeout=60, env=REGEN_ENV)
    assert proc.returncode == 2 and "nope.json" in proc.stderr


@pytest.fixture
def served(files: Files) -> Iterator[str]:
    body = files.upstream.read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/openapi.json"
    finally:
        server.shutdown()
        server.server_close()


def test_upstream_from_a_url(capsys: pytest.CaptureFixture[str], files: Files, served: str) -> None:
    code, out, _ = diff(capsys, files, served, "--json")
    assert code == 0, out
    assert json.loads(out)["upstream"]["source"] == served


def test_project_spec_matches_the_committed_digest() -> None:
    """What CI's drift job runs."""
    proc = run([WRAPPER, "--against-digest", "--json"], timeout=60, env=REGEN_ENV)
    assert_ok(proc)
    report = json.loads(proc.stdout)
    assert report["equal"] is True
    assert report["known_deviations"], "spec/upstream-deviations.yaml entries are reported"


@pytest.mark.skipif(not OFFICIAL.exists(), reason="shared/reference is not beside the repo")
def test_project_spec_matches_the_official_file() -> None:
    proc = run([WRAPPER, str(OFFICIAL), "--json"], timeout=60, env=REGEN_ENV)
    assert_ok(proc)
    report = json.loads(proc.stdout)
    assert report["equal"] is True
    assert report["upstream_changes"] == [], "the committed digest records this very file"
    assert report["upstream"]["operation_count"] == 39
