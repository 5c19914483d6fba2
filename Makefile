# Escale — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install run test lint format messages compilemessages seed clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed ## Create .venv and install Escale with its dev tools

compilemessages: $(VENV)/.installed ## Compile the .po catalogues into .mo files (needs gettext)
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v0

messages: $(VENV)/.installed ## Update site/locale/*.po from the code and templates
	$(MANAGE) makemessages -l fr -l en --no-obsolete --ignore=.venv --ignore=var --ignore=tests -v0

seed: $(VENV)/.installed compilemessages ## Migrate and load the demo content (idempotent)
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) seed_demo

run: seed ## Install, migrate, load demo content, then serve http://127.0.0.1:8000 with the task worker and the scheduler (Ctrl-C stops all three)
	ESCALE_ADDR=$(HOST):$(PORT) $(VENV)/bin/honcho -f Procfile start

test: $(VENV)/.installed compilemessages ## Whole test suite (SQLite, or PostgreSQL if DATABASE_URL is set)
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed ## Reformat the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean: ## Remove the virtualenv, the SQLite database and generated files
	rm -rf $(VENV) db.sqlite3 var

.PHONY: prod-check bench
prod-check: $(VENV)/.installed compilemessages ## Boot production settings under gunicorn (PostgreSQL escale_prod, Redis /5) and check pages, headers, health, backup/restore
	$(PY) bench/prod_check.py

bench: $(VENV)/.installed compilemessages ## Measure requests/s (wrk) on gunicorn + PostgreSQL escale_bench vs a bare view; search p95; 200 bookings under a CPU hog (BENCH_ONLY=booking: only the bookings)
	BENCH_ONLY=$(BENCH_ONLY) $(PY) bench/run_bench.py
