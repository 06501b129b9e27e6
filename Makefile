# LeadNet workbook: two commands for a newcomer.
#   make lab    set up (first time only) and open JupyterLab on the first notebook
#   make voila  set up, then open notebook 03's dashboard as an app (Voilà)
#   make test   set up, then run the whole suite (unit, property, CLI, notebooks, browser)
# and, for developers (each sets up first, like make test):
#   make typecheck   mypy on leadnet_helpers (settings in pyproject.toml)
#   make format      ruff format the code and strip the notebooks' outputs
#   make lint        ruff check
#   make benchmark   run every benchmarks/bench_*.py (they print timings, assert nothing)

SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
# The first Python 3.11+ on PATH (override with `make lab PYTHON=/path/to/python3.12`).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { echo $$p; break; }; done)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
LAB_FLAGS ?=
VOILA_FLAGS ?=

.PHONY: lab voila test install install-test browser-deps hub-deps lint typecheck format benchmark clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "LeadNet needs Python 3.11 or newer on your PATH. Install it (python.org), then run make again."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,course]'
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

lab: install
	@echo "Opening JupyterLab on notebooks/00_start_here.ipynb (the URL follows; Ctrl+C stops it)."
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb $(ROOT_FLAG) \
		--LabApp.app_settings_dir="$(CURDIR)/jupyter/lab/settings" $(LAB_FLAGS)

# jupyter/lab/settings/overrides.json: no "get notified about Jupyter news?" prompt, nothing
# fetched from the web. jupyter/voila/templates/leadnet: Voilà's page without its CDN links.
voila: install
	@echo "Opening the dashboard of notebook 03 in Voilà (the URL follows; Ctrl+C stops it)."
	JUPYTER_PATH="$(CURDIR)/jupyter" $(BIN)/voila notebooks/03_see_your_gaps.ipynb \
		--template=leadnet $(VOILA_FLAGS)

browser-deps:
	@bash scripts/install-browser-deps.sh

# configurable-http-proxy (JupyterHub's proxy, from npm) into .hub-deps/ for tests/hub/
hub-deps:
	@bash scripts/install-hub-deps.sh

test: install-test browser-deps hub-deps
	$(BIN)/python -m ruff check leadnet_helpers tests benchmarks scripts
	$(BIN)/python -m ruff format --check leadnet_helpers tests benchmarks scripts
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest tests leadnet_helpers --doctest-modules notebooks --nbval-lax --nbval-current-env

lint: install-test
	$(BIN)/python -m ruff check leadnet_helpers tests benchmarks scripts

typecheck: install-test
	$(BIN)/python -m mypy

format: install-test
	$(BIN)/python -m ruff format leadnet_helpers tests benchmarks scripts
	$(BIN)/python -m nbstripout --keep-id notebooks/*.ipynb

benchmark: install
	@for b in benchmarks/bench_*.py; do \
		echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache test-artifacts .hub-deps
