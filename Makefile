# SupportNet: `make demo` runs the site locally, `make test` runs the whole suite.
VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed

.PHONY: demo test fuzz qa fmt env clean

env: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q ".[dev]"
	@touch $(STAMP)

demo: $(STAMP)
	scripts/demo.sh

test: $(STAMP)
	scripts/ensure-chromium
	$(PY) -m pytest $(PYTEST_ARGS)

# Only the fuzz tests (`-m fuzz`), with enough examples per test for 10,000+ cases in all;
# `make test` runs them too, with SUPPORTNET_FUZZ_EXAMPLES' small default.
FUZZ_EXAMPLES ?= 300

fuzz: $(STAMP)
	SUPPORTNET_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -m fuzz $(PYTEST_ARGS)

qa: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .
	$(PY) manage.py makemigrations --check --dry-run --settings=tests.settings

fmt: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) var build *.egg-info

# The production stack on this machine (PostgreSQL, Redis, gunicorn, daphne, task worker);
# see docs/deploy.md. `make load` runs the stepped load test against it (docs/load-testing.md).
.PHONY: prod-up prod-down prod-status load

prod-up: $(STAMP)
	scripts/prod-local.sh up

prod-down:
	scripts/prod-local.sh down

prod-status:
	scripts/prod-local.sh status

LOAD_STAMP := $(VENV)/.installed-load

$(LOAD_STAMP): pyproject.toml $(STAMP)
	$(PY) -m pip install -q ".[load]"
	@touch $(LOAD_STAMP)

load: $(LOAD_STAMP)
	scripts/prod-local.sh run $(PY) bench/load/run.py $(LOAD_ARGS)
