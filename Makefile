# Two commands on a fresh machine: `make run` opens the app, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python

.PHONY: run test test-fast lint typecheck check-content screenshots bundle deb bench soak soak-x clean \
	catalogues messages

# The interface's translations: gettext catalogues managed with Babel (docs/translating.md).
# Translators edit the .po files; the .mo files the app reads are built from them here, never
# committed, so every way of running the app (make run, make test, the bundle, the .deb) builds
# them first. Without them the app shows its interface in English, with a notice for staff.
LOCALE_DIR := resources/locale
PO_FILES   := $(wildcard $(LOCALE_DIR)/*/LC_MESSAGES/decisionaid.po)
MO_FILES   := $(PO_FILES:.po=.mo)

# Debian's own python3 makes virtual environments only with python3-venv installed.
$(PY):
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); ./scripts/system-deps.sh python3-venv; $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.app-installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[i18n]'
	touch $@

$(VENV)/.test-installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,speech]'
	touch $@ $(VENV)/.app-installed

# Compiled when its .po changed; a fuzzy (unchecked) translation is never used.
$(LOCALE_DIR)/%/LC_MESSAGES/decisionaid.mo: $(LOCALE_DIR)/%/LC_MESSAGES/decisionaid.po | $(VENV)/.app-installed
	$(BIN)/pybabel -q compile -D decisionaid -l $* -i $< -o $@

catalogues: $(MO_FILES)

# After changing the interface's words: extract every marked string into the template and
# merge it into each language's catalogue, for translators to fill in.
messages: $(VENV)/.app-installed
	$(BIN)/pybabel -q extract -F babel.cfg --project=decisionaid --no-wrap --sort-by-file \
		--add-comments=Translators: -k N_ -o $(LOCALE_DIR)/decisionaid.pot decisionaid
	$(BIN)/pybabel -q update -D decisionaid -i $(LOCALE_DIR)/decisionaid.pot -d $(LOCALE_DIR) \
		--no-wrap --ignore-obsolete

# The parsed guide and rendered pages of every language, and the app's bytecode, made ahead of
# time as a bundle has them, so a kiosk run from here (which writes nothing) starts like the
# installed one (scripts/prebuilt_caches.py). Made again when the content or the code changes;
# until then the app simply does not use what is out of date.
PREBUILT := build/cache/.made
$(PREBUILT): $(shell find decisionaid resources/content -type f -not -path '*/__pycache__/*') $(MO_FILES) | $(VENV)/.app-installed
	$(PY) scripts/prebuilt_caches.py
	touch $@

run: $(VENV)/.app-installed catalogues $(PREBUILT)
	@./scripts/system-deps.sh
	$(BIN)/decisionaid $(ARGS)

test: $(VENV)/.test-installed catalogues
	@./scripts/system-deps.sh
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

test-fast: $(VENV)/.test-installed catalogues
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

lint: $(VENV)/.test-installed
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

typecheck: $(VENV)/.test-installed
	$(BIN)/mypy

check-content: $(VENV)/.app-installed
	$(BIN)/decisionaid check-content

screenshots: $(VENV)/.app-installed catalogues
	QT_QPA_PLATFORM=offscreen $(BIN)/decisionaid screenshots docs/screenshots/latest $(ARGS)

bundle: $(VENV)/.test-installed catalogues
	$(BIN)/pyinstaller --noconfirm --clean build.spec

# dist/decisionaid_<version>_<arch>.deb from a fresh bundle (packaging/linux/build_deb.py says
# what goes where). Install it with `sudo apt install ./dist/decisionaid_*.deb`.
deb: bundle
	@./scripts/system-deps.sh
	$(PY) packaging/linux/build_deb.py dist/decisionaid dist

# Not part of the test suite: builds both bundles, times the app against a bare PySide6
# window (and, as root with dpkg, the installed package), counts instructions with valgrind
# and rewrites docs/performance.md. A few minutes on two cores.
bench: $(VENV)/.test-installed catalogues
	@./scripts/system-deps.sh valgrind
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py $(ARGS)

# The long soak: a random visitor drives a kiosk for 20,000 events (`make test` runs 2,000).
# SOAK_EVENTS=50000 make soak for longer; SOAK_SEED picks another visitor. It prints the growth
# and its slope per 1,000 events.
SOAK_EVENTS ?= 20000
soak: $(VENV)/.test-installed catalogues
	QT_QPA_PLATFORM=offscreen DECISIONAID_SOAK_EVENTS=$(SOAK_EVENTS) \
		$(if $(SOAK_SEED),DECISIONAID_SOAK_SEED=$(SOAK_SEED)) $(PY) -m pytest -q -rP tests/process/test_soak.py $(PYTEST_ARGS)

# The real-X soak: the kiosk on a virtual screen under a window manager, a random visitor with
# real input (taps, drags, keys, typed questions, idle pauses, help left open) for 30 minutes,
# every reset searched for the visitor's words in the widgets, on the accessibility bus and in
# memory, each reset's findings and resident memory written to build/soak-x.jsonl as they come
# (`make test` runs it for a minute). SOAK_X_MINUTES and SOAK_X_SEED vary it.
SOAK_X_MINUTES ?= 30
soak-x: $(VENV)/.test-installed
	@./scripts/system-deps.sh
	DECISIONAID_SOAK_X_MINUTES=$(SOAK_X_MINUTES) DECISIONAID_SOAK_X_LOG=$(CURDIR)/build/soak-x.jsonl \
		$(if $(SOAK_X_SEED),DECISIONAID_SOAK_X_SEED=$(SOAK_X_SEED)) \
		QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -rP -k soak tests/process/test_reader_data_on_real_x.py $(PYTEST_ARGS)

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .import_linter_cache .grimp_cache
