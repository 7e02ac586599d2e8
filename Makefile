# Silta: `make run` serves the app on demo data, `make test` runs every check.
# Both create .venv and install pinned packages on first use; later runs skip the install
# until a requirements file changes.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
ADDRESS ?= 127.0.0.1
PORT ?= 8501
PYTEST_ARGS ?=

.PHONY: run test lint setup clean-data

run: $(VENV)/.run-installed
	$(PY) -m core setup
	$(PY) -m ui.serve --server.address $(ADDRESS) --server.port $(PORT)

test: $(VENV)/.dev-installed lint
	$(PY) -m core build-model
	$(PY) -m core build-esco
	env -u SILTA_TEST_POSTGRES_URL $(PY) -m pytest -n 2 $(PYTEST_ARGS)
	@if [ -n "$$SILTA_TEST_POSTGRES_URL" ]; then \
		echo "== the same suite on PostgreSQL ($$SILTA_TEST_POSTGRES_URL)"; \
		$(PY) -m pytest -n 2 $(PYTEST_ARGS) || exit 1; \
	else \
		echo "== SILTA_TEST_POSTGRES_URL is not set: PostgreSQL run skipped (.ci/run sets it)"; \
	fi

lint: $(VENV)/.dev-installed
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy core ui

setup: $(VENV)/.run-installed
	$(PY) -m core setup

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.run-installed: requirements.txt requirements-nodeps.txt | $(VENV)/bin/python
	$(PIP) install -r requirements.txt
	$(PIP) install --no-deps -r requirements-nodeps.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.run-installed requirements-dev.txt
	$(PIP) install -r requirements-dev.txt
	touch $@

clean-data:
	rm -rf data/silta.db data/silta.db-* data/index data/exports
