# Two commands on a fresh machine: `make run` opens the app, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python

.PHONY: run test test-fast lint typecheck check-content screenshots bundle deb bench soak clean

# Debian's own python3 makes virtual environments only with python3-venv installed.
$(PY):
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); ./scripts/system-deps.sh python3-venv; $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.app-installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,speech]'
	touch $@ $(VENV)/.app-installed

run: $(VENV)/.app-installed
	@./scripts/system-deps.sh
	$(BIN)/decisionaid $(ARGS)

test: $(VENV)/.test-installed
	@./scripts/system-deps.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test-fast: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

check-content: $(VENV)/.app-installed
	$(BIN)/decisionaid check-content

screenshots: $(VENV)/.app-installed
	QT_QPA_PLATFORM=offscreen $(BIN)/decisionaid screenshots docs/screenshots/latest $(ARGS)

bundle: $(VENV)/.test-installed
	$(BIN)/pyinstaller --noconfirm --clean build.spec

# dist/decisionaid_<version>_<arch>.deb from a fresh bundle (packaging/linux/build_deb.py says
# what goes where). Install it with `sudo apt install ./dist/decisionaid_*.deb`.
deb: bundle
	@./scripts/system-deps.sh
	$(PY) packaging/linux/build_deb.py dist/decisionaid dist

# Not part of the test suite: builds both bundles, times the app against a bare PySide6
# window and rewrites docs/performance.md. A few minutes on two cores.
bench: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py $(ARGS)

# The long soak: a random visitor drives a kiosk for 20,000 events (`make test` runs 2,000).
# SOAK_EVENTS=50000 make soak for longer; SOAK_SEED picks another visitor. It prints the growth
# and its slope per 1,000 events.
SOAK_EVENTS ?= 20000
soak: $(VENV)/.test-installed
	QT_QPA_PLATFORM=offscreen DECISIONAID_SOAK_EVENTS=$(SOAK_EVENTS) \
		$(if $(SOAK_SEED),DECISIONAID_SOAK_SEED=$(SOAK_SEED)) $(PY) -m pytest -q -rP tests/process/test_soak.py $(PYTEST_ARGS)

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .import_linter_cache .grimp_cache
