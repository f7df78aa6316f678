"""What differs between spec/openapi.yaml and CoreClaw's OpenAPI file (scripts/spec-diff runs it).

    scripts/spec-diff UPSTREAM.json                 our spec against an upstream file (or URL)
    scripts/spec-diff --against-digest              our spec against spec/upstream-digest.json
    scripts/spec-diff UPSTREAM.json --update-digest record UPSTREAM.json as the digest, then compare

Both sides are reduced to the facts of scripts/spec_digest.py (per operation: method, path,
parameters with in/required/type/bounds/enum/default, security, request-body fields, response
codes; and the application error-code table), so prose never counts. A difference listed in
spec/upstream-deviations.yaml is a known deviation, reported apart and not counted; a listed
deviation that no longer occurs counts (the list must not go stale: tests/test_spec_parity.py
holds the same rule). Given an upstream file, the report also says what changed upstream
since the committed digest was written.

Exit status: 0 when our spec matches (known deviations aside), 1 when it differs, 2 on bad
input (unreadable, not OpenAPI, not a digest). ``--json`` prints one JSON object instead.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import urllib.request
from pathlib import Path
from typing import Any

import yaml

_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:  # run as a script it is sys.path[0] already
    sys.path.append(_HERE)
import spec_digest as sd  # noqa: E402 - the sibling script, found through the path above

ROOT = sd.ROOT
DEFAULT_DEVIATIONS = ROOT / "spec" / "upstream-deviations.yaml"
URL_TIMEOUT = 30.0


class InputError(ValueError):
    """Bad input: exit 2."""


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _parse(raw: bytes, name: str) -> dict[str, Any]:
    text = raw.decode("utf-8")
    if name.endswith(".json") or text.lstrip().startswith("{"):
        doc = json.loads(text)
    else:
        doc = yaml.load(text, Loader=sd._Loader)
    return sd._dict(doc, name)


def load_upstream(source: str) -> tuple[dict[str, Any], bytes]:
    """An upstream OpenAPI document from a path or, for maintainers, an http(s) URL."""
    if source.startswith(("http://", "https://")):
        request = urllib.request.Request(source, headers={"Accept": "application/json"})
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT) as answer:
            raw: bytes = answer.read()
        doc = _parse(raw, source.split("?", 1)[0])
    else:
        doc, raw = sd.load_document(Path(source))
    return sd.require_openapi(doc, source), raw


def load_deviations(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    loaded = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(loaded, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in loaded.items()
    ):
        raise InputError(f"{path}: expected a mapping of difference line to reason")
    return loaded


def _brief(facts: Any) -> str:
    """A one-line view of a parameter's, field's or operation's facts."""
    if not isinstance(facts, dict) or not facts:
        return ""
    if "method" in facts and "path" in facts:
        return f" ({facts['method'].upper()} {facts['path']})"
    shown = {k: v for k, v in facts.items() if k not in {"name", "in"}}
    return " " + json.dumps(shown, sort_keys=True)


def describe(diff: sd.Difference, *, drift: bool = True) -> str:
    """One difference in words. ``drift``: upstream against ours; otherwise the committed
    digest (before) against a new upstream file (now)."""
    subject = diff.subject
    if diff.change == "differs":
        fact = "" if diff.fact == diff.subject else f" {diff.fact}"
        old, new = sd._show(diff.upstream), sd._show(diff.ours)
        if drift:
            return f"{subject}{fact}: upstream {old}, ours {new}"
        return f"{subject}{fact} changed: was {old}, now {new}"
    if diff.change == "missing":
        said = "upstream has it, our spec does not" if drift else "removed upstream"
        return f"{subject}: {said}{_brief(diff.upstream)}"
    said = "our spec has it, upstream does not" if drift else "added upstream"
    return f"{subject}: {said}{_brief(diff.ours)}"


def _where(op_id: str, *digests: dict[str, Any]) -> str:
    for doc in digests:
        op = doc["operations"].get(op_id)
        if op is not None:
            return f"{op_id} ({op['method'].upper()} {op['path']})"
    return op_id


def _grouped(
    diffs: list[sd.Difference], digests: tuple[dict[str, Any], ...], *, drift: bool
) -> list[str]:
    lines: list[str] = []
    current: object = object()
    for diff in diffs:
        if diff.operation != current:
            current = diff.operation
            title = "error codes" if diff.operation is None else _where(diff.operation, *digests)
            lines.append(f"  {title}")
        lines.append(f"    {describe(diff, drift=drift)}")
    return lines


def report(
    upstream: dict[str, Any],
    ours: dict[str, Any],
    deviations: dict[str, str],
    *,
    notes: list[str],
    upstream_changes: list[sd.Difference] | None,
) -> dict[str, Any]:
    """The comparison as data: what ``--json`` prints and the human report is made from."""
    found = sd.differences(upstream, ours)
    known = [d for d in found if d.line in deviations]
    drift = [d for d in found if d.line not in deviations]
    seen = {d.line for d in found}
    stale = [{"line": line, "reason": why} for line, why in deviations.items() if line not in seen]
    return {
        "equal": not drift and not stale,
        "upstream": {
            "sha256": upstream["source_sha256"],
            "operation_count": upstream["operation_count"],
        },
        "ours": {"sha256": ours["source_sha256"], "operation_count": ours["operation_count"]},
        "differences": drift,
        "known_deviations": [(d, deviations[d.line]) for d in known],
        "stale_deviations": stale,
        "notes": notes,
        "upstream_changes": upstream_changes,
    }


def as_json(result: dict[str, Any], meta: dict[str, Any]) -> str:
    out = {
        **meta,
        "equal": result["equal"],
        "upstream": {**meta.get("upstream", {}), **result["upstream"]},
        "ours": result["ours"],
        "differences": [d.as_json() for d in result["differences"]],
        "known_deviations": [
            {**d.as_json(), "reason": why} for d, why in result["known_deviations"]
        ],
        "stale_deviations": result["stale_deviations"],
        "notes": result["notes"],
        "upstream_changes": None
        if result["upstream_changes"] is None
        else [d.as_json() for d in result["upstream_changes"]],
    }
    return json.dumps(out, indent=2, sort_keys=True)


def as_text(
    result: dict[str, Any],
    meta: dict[str, Any],
    digests: tuple[dict[str, Any], ...],
    *,
    verbose: bool,
) -> str:
    up = result["upstream"]
    lines = [
        f"spec-diff: {meta['spec']} ({result['ours']['operation_count']} operations) against "
        f"{meta['upstream']['source']} ({up['operation_count']} operations, "
        f"sha256 {up['sha256'][:12]})"
    ]
    lines += [f"  {note}" for note in meta.get("messages", [])]
    changes = result["upstream_changes"]
    if changes:
        lines.append(f"Upstream changes since the committed digest ({len(changes)}):")
        lines += _grouped(changes, digests, drift=False)
    diffs = result["differences"]
    if diffs:
        operations = {d.operation for d in diffs if d.operation is not None}
        lines.append(
            f"Differences ({len(diffs)}, in {len(operations)} operation(s)"
            f"{' and the error codes' if any(d.operation is None for d in diffs) else ''}):"
        )
        lines += _grouped(diffs, digests, drift=True)
    stale = result["stale_deviations"]
    if stale:
        lines.append(f"Stale deviations ({len(stale)}): listed but no longer differ; remove them:")
        lines += [f"    {entry['line']}" for entry in stale]
    known = result["known_deviations"]
    if known:
        lines.append(f"Known deviations ({len(known)}, spec/upstream-deviations.yaml), not drift")
        if verbose:
            for diff, why in known:
                lines += [f"    {diff.line}", f"      why: {why}"]
        else:
            lines[-1] += " (--verbose lists them)"
    for note in result["notes"]:
        lines.append(f"Note: {note}")
    if result["equal"]:
        lines.append("No difference: our spec matches upstream.")
    else:
        count = len(diffs) + len(stale)
        lines.append(f"{count} difference(s): see the README's 'When CoreClaw changes its API'.")
    return "\n".join(lines)


Gathered = tuple[
    dict[str, Any],
    dict[str, Any],
    dict[str, str],
    list[str],
    list[sd.Difference] | None,
    str,
    list[str],
]


def _gather(args: argparse.Namespace) -> Gathered:
    """Both digests, the deviations, notes, the upstream changes since the committed digest,
    the upstream's name and messages; writes the digest for --update-digest."""
    messages: list[str] = []
    spec_doc, spec_raw = sd.load_document(args.spec)
    ours = sd.digest(sd.require_openapi(spec_doc, str(args.spec)), spec_raw)
    deviations = load_deviations(args.deviations)
    notes = [f"our spec: {n}" for n in sd.error_code_notes(spec_doc)]
    committed = sd.load_digest(args.digest) if args.digest.exists() else None
    digest_name = _relative(args.digest)
    if args.upstream is None:
        if committed is None:
            raise InputError(f"{args.digest}: no digest to compare with")
        return committed, ours, deviations, notes, None, digest_name, messages
    doc, raw = load_upstream(args.upstream)
    upstream = sd.digest(doc, raw)
    notes += [f"upstream: {n}" for n in sd.error_code_notes(doc)]
    changes = None
    if committed is not None:
        changes = sd.differences(committed, upstream)
        if committed["source_sha256"] == upstream["source_sha256"]:
            messages.append(f"this is the file {digest_name} records")
        elif not changes:
            messages.append(f"not the file {digest_name} records, but the same facts")
        elif not args.update_digest:
            messages.append(
                f"upstream changed since {digest_name} was written; record it with --update-digest"
            )
    if args.update_digest:
        args.digest.write_text(sd.render(upstream), encoding="utf-8")
        sha = hashlib.sha256(raw).hexdigest()[:12]
        messages.append(
            f"wrote {digest_name}: {upstream['operation_count']} operations, sha256 {sha}"
        )
    return upstream, ours, deviations, notes, changes, args.upstream, messages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="spec-diff",
        description="Compare spec/openapi.yaml with CoreClaw's OpenAPI file or its digest.",
    )
    parser.add_argument("upstream", nargs="?", help="upstream OpenAPI file (JSON/YAML) or URL")
    parser.add_argument(
        "--against-digest",
        action="store_true",
        help="compare with the committed digest instead of an upstream file",
    )
    parser.add_argument(
        "--update-digest",
        action="store_true",
        help="write the upstream file's digest to --digest, then compare",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("-v", "--verbose", action="store_true", help="list known deviations")
    parser.add_argument("--spec", type=Path, default=sd.DEFAULT_SPEC)
    parser.add_argument("--digest", type=Path, default=sd.DEFAULT_DIGEST)
    parser.add_argument("--deviations", type=Path, default=DEFAULT_DEVIATIONS)
    args = parser.parse_args(argv)
    if args.against_digest == (args.upstream is not None):
        parser.error("give an upstream file or --against-digest (one of them)")
    if args.update_digest and args.upstream is None:
        parser.error("--update-digest needs the upstream file to record")

    try:
        upstream, ours, deviations, notes, changes, source, messages = _gather(args)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        # json.JSONDecodeError, UnicodeDecodeError, SpecError and InputError are ValueErrors.
        print(f"spec-diff: {exc}", file=sys.stderr)
        return 2

    result = report(upstream, ours, deviations, notes=notes, upstream_changes=changes)
    meta = {
        "spec": _relative(args.spec),
        "upstream": {"source": source},
        "digest_updated": bool(args.update_digest),
        "messages": messages,
    }
    if args.json:
        print(as_json(result, meta))
    else:
        print(as_text(result, meta, (ours, upstream), verbose=args.verbose))
    return 0 if result["equal"] else 1


if __name__ == "__main__":
    sys.exit(main())
