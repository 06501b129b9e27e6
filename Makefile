# LeadNet workbook: two commands for a newcomer.
#   make lab    set up (first time only) and open JupyterLab on the first notebook
#   make app    set up, then open the participant journey (notebooks 00-05) as an app (Voilà)
#   make voila  set up, then open notebook 03's dashboard alone as an app (Voilà)
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

.PHONY: lab app voila test install install-test browser-deps hub-deps lint typecheck format benchmark clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "LeadNet needs Python 3.11 or newer on your PATH. Install it (python.org), then run make again."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# An editable install leaves out the package's data files: LeadNet's figure renderer (a
# JupyterLab / Voilà extension, pyproject's data-files) is copied into the venv instead (again
# whenever one of its files changes), with plotly's own plotly.min.js beside it
# (scripts/install-renderer.sh). A built wheel (pip install leadnet) carries the renderer.
LABEXT := $(VENV)/share/jupyter/labextensions/leadnet-plotly
RENDERER := $(wildcard jupyter/labextensions/leadnet-plotly/package.json \
	jupyter/labextensions/leadnet-plotly/static/*)
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.renderer: $(VENV)/.installed scripts/install-renderer.sh $(RENDERER)
	@bash scripts/install-renderer.sh "$(LABEXT)" "$(BIN)/python"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,course]'
	touch $@

install: $(VENV)/.installed $(VENV)/.renderer

install-test: $(VENV)/.installed-test $(VENV)/.renderer

lab: install
	@echo "Opening JupyterLab on notebooks/00_start_here.ipynb (the URL follows; Ctrl+C stops it)."
	PYTHONSTARTUP="$(CURDIR)/jupyter/kernel_startup.py" \
		$(BIN)/jupyter lab notebooks/00_start_here.ipynb $(ROOT_FLAG) \
		--LabApp.app_settings_dir="$(CURDIR)/jupyter/lab/settings" $(LAB_FLAGS)

# jupyter/lab/settings/overrides.json: no "get notified about Jupyter news?" prompt, nothing
# fetched from the web. jupyter/voila/templates/leadnet: Voilà's page without its CDN links, and
# the landing page listing the steps (tree.html). jupyter/config/voila.json: that template,
# progressive rendering (each widget and figure drawn as its cell runs: Voilà's default mode
# lost widget models on a busy machine), the landing page for a folder, and no JupyterLab
# extension an app page does not use (nbgrader's, the notebook app's, anywidget): Voilà runs
# a page's cells only once its scripts are loaded, and these cost it about a second.
# jupyter/config/voila.py: the page's templates compiled once per server, not per page.
# APP_HOST/APP_PORT: where the app listens.
APP_PORT ?= 8866
APP_HOST ?= 127.0.0.1
VOILA := JUPYTER_PATH="$(CURDIR)/jupyter" JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter/config" \
	PYTHONSTARTUP="$(CURDIR)/jupyter/kernel_startup.py" \
	$(BIN)/voila --template=leadnet \
	--Voila.ip=$(APP_HOST) --port=$(APP_PORT)

app: install
	@echo "Opening the LeadNet app: the steps 00 to 05 without code (the URL follows; Ctrl+C stops it)."
	$(VOILA) notebooks/ $(VOILA_FLAGS)

voila: install
	@echo "Opening the dashboard of notebook 03 in Voilà (the URL follows; Ctrl+C stops it)."
	$(VOILA) notebooks/03_see_your_gaps.ipynb $(VOILA_FLAGS)

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
	rm -rf $(VENV) .pytest_cache .hypothesis .mypy_cache test-artifacts .hub-deps .cache
