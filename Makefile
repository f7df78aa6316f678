# Set-up and entry points. Everything installs into the project folder (.venv, node_modules).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: venv node test demo regen check-regen lint bench clean

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

bench: venv
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) node_modules dist build .pytest_cache .mypy_cache .hypothesis
