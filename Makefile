# Set-up and entry points. Everything installs into the project folder (.venv, node_modules).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: venv node test demo regen check-regen drift compat release bump lint bench docs clean

venv: $(VENV)/.installed
$(VENV)/.installed: requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

node: node_modules/.installed
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

## The whole test suite (unit, wire, contract vs Prism, lint, regen drift, packaging).
test: venv node
	$(PY) -m pytest

## Start the Prism mock of spec/openapi.yaml, rerun a worker's last run, show the results, stop.
demo: venv node
	$(PY) scripts/demo.py

regen: venv
	scripts/regen.sh

check-regen: venv
	scripts/regen.sh --check

## Upstream drift: spec/openapi.yaml against the committed digest of CoreClaw's own file.
## With a new upstream file: scripts/spec-diff NEW.json (--update-digest to record it).
drift: venv
	scripts/spec-diff --against-digest

## Public Python API and spec against the last release tag (breaking changes need a major bump).
compat: venv
	$(PY) scripts/api_compat.py

## The release gate: clean tree, one version, CHANGELOG entry, drift, compatibility, two
## identical builds, twine check, a smoke test in a fresh venv; prints the upload command.
release: venv
	scripts/release

## make bump VERSION=X.Y.Z: the version in coreclaw_ext/_version.py, then the spec's and regen.
bump: venv
	@test -n "$(VERSION)" || { echo "usage: make bump VERSION=X.Y.Z" >&2; exit 2; }
	scripts/release bump $(VERSION)

bench: venv
	$(PY) benchmarks/run.py

## The reference site (README as the landing page, API docs by pdoc) into build/docs; warnings fail it.
docs: venv
	$(PY) docs/build.py --strict --output build/docs

clean:
	rm -rf $(VENV) node_modules dist build .pytest_cache .mypy_cache .hypothesis
