#!/usr/bin/env bash
# Regenerate generated/coreclaw_api from spec/openapi.yaml.
#
#   scripts/regen.sh           rewrite generated/coreclaw_api
#   scripts/regen.sh --check   regenerate into a temp dir, print a diff, exit 1 when stale
#
# The output must be byte-for-byte the same on every machine, so the generator and ruff
# come from the project venv at the versions pinned in requirements-dev.lock (checked
# below), ruff runs with --isolated so no parent config applies, and the output folder
# is built fresh rather than with --overwrite (which leaves stale top-level files behind).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${CORECLAW_VENV:-$ROOT/.venv}"
SPEC="$ROOT/spec/openapi.yaml"
CONFIG="$ROOT/spec/generator-config.yaml"
# Our own templates for the few files whose upstream form costs us (see spec/templates/).
TEMPLATES="$ROOT/spec/templates"
TARGET="$ROOT/generated/coreclaw_api"
EXT_TARGET="$ROOT/coreclaw_ext/_generated"
README="$ROOT/README.md"
LOCK="$ROOT/requirements-dev.lock"

mode="write"
case "${1:-}" in
  "") ;;
  --check) mode="check" ;;
  *) echo "usage: scripts/regen.sh [--check]" >&2; exit 2 ;;
esac

if [[ ! -x "$VENV/bin/python" ]]; then
  echo "regen: no venv at $VENV; run 'make venv' first (or set CORECLAW_VENV)" >&2
  exit 2
fi

pinned() { grep -E "^$1==" "$LOCK" | head -n1 | cut -d= -f3; }
want_gen="$(pinned openapi-python-client)"
want_ruff="$(pinned ruff)"
have_gen="$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("openapi-python-client"))')"
have_ruff="$("$VENV/bin/ruff" --version | awk '{print $2}')"
if [[ "$have_gen" != "$want_gen" || "$have_ruff" != "$want_ruff" ]]; then
  echo "regen: need openapi-python-client $want_gen and ruff $want_ruff (have $have_gen, $have_ruff);" \
       "run 'make venv'" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="$work/coreclaw_api"

# A PATH with only the venv and the system: the generator's post hooks find ruff by name.
export PATH="$VENV/bin:/usr/bin:/bin"
(
  cd "$work"
  openapi-python-client generate --path "$SPEC" --config "$CONFIG" --meta none \
    --custom-template-path "$TEMPLATES" --output-path "$out" --fail-on-warning >/dev/null
)
"$VENV/bin/python" "$ROOT/scripts/spec_index.py" "$SPEC" "$out/_spec_index.py"
(
  cd "$out"
  ruff check . --isolated --no-cache --fix-only --select F,I,UP --target-version py311 \
    --line-length 100 >/dev/null
  ruff format . --isolated --no-cache --target-version py311 --line-length 100 >/dev/null
)
# --meta none writes no py.typed; the package is typed, so say so.
: > "$out/py.typed"
# Our model template imports models at module level: a cycle between schemas would generate
# fine and fail on import, so import each model module first, with no other model loaded.
# (The package and types stay loaded: a cycle runs through model modules only, and
# recompiling the rest 60 times took a second.)
PYTHONDONTWRITEBYTECODE=1 "$VENV/bin/python" - "$work" <<'PY'
import importlib
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
sys.path.insert(0, str(root))
for path in sorted((root / "coreclaw_api" / "models").glob("*.py")):
    for name in [m for m in sys.modules if m.startswith("coreclaw_api.models.")]:
        del sys.modules[name]
    try:
        module = importlib.import_module(f"coreclaw_api.models.{path.stem}")
    except ImportError as exc:
        sys.exit(f"regen: generated model {path.stem} cannot be imported first: {exc}")
    assert module.__file__ is not None and module.__file__.startswith(str(root)), module.__file__
PY
# Our own conveniences, resources and tables, from the spec and the package just generated.
ext_out="$work/ext_generated"
PYTHONDONTWRITEBYTECODE=1 PYTHONPATH="$work" "$VENV/bin/python" "$ROOT/scripts/gen_ext.py" \
  "$SPEC" "$ext_out" "$work/operations.md"
(
  cd "$ext_out"
  ruff check . --isolated --no-cache --fix-only --select F,I,UP --target-version py311 \
    --line-length 100 >/dev/null
  ruff format . --isolated --no-cache --target-version py311 --line-length 100 >/dev/null
)
# The README's operation table lives between two markers; the rest of the README is prose.
readme_new="$work/README.md"
"$VENV/bin/python" - "$README" "$work/operations.md" "$readme_new" <<'PY'
import pathlib
import sys

readme, table, out = (pathlib.Path(p) for p in sys.argv[1:])
begin, end = "<!-- operations: begin (scripts/regen.sh) -->", "<!-- operations: end -->"
text = readme.read_text(encoding="utf-8")
if begin not in text or end not in text:
    sys.exit(f"regen: README.md lacks the {begin} ... {end} markers")
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
out.write_text(f"{head}{begin}\n{table.read_text(encoding='utf-8')}{end}{tail}", encoding="utf-8")
PY
find "$out" "$ext_out" \( -name __pycache__ -o -name .ruff_cache \) -prune -exec rm -rf {} +

if [[ "$mode" == "check" ]]; then
  stale=0
  diff -ru --exclude=__pycache__ "$TARGET" "$out" || stale=1
  diff -ru --exclude=__pycache__ "$EXT_TARGET" "$ext_out" || stale=1
  diff -u "$README" "$readme_new" || stale=1
  if [[ "$stale" == 0 ]]; then
    echo "regen --check: generated/coreclaw_api, coreclaw_ext/_generated and the README table are up to date"
    exit 0
  fi
  echo "regen --check: generated code is stale; run scripts/regen.sh and commit" >&2
  exit 1
fi

rm -rf "$TARGET" "$EXT_TARGET"
mkdir -p "$(dirname "$TARGET")"
cp -R "$out" "$TARGET"
cp -R "$ext_out" "$EXT_TARGET"
cp "$readme_new" "$README"
echo "regen: wrote $TARGET, $EXT_TARGET and the README operation table"
