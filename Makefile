# The two commands: `make demo` (offline crawl -> store -> feeds) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test lint serve bench clean screenshot

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/confwatch demo

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

# The demo's next step: the service on ./var with the recorded sites beside it (page, feeds,
# /healthz and scheduled crawls, all offline). Production runs `confwatch serve` (docs/operations.md).
serve: $(VENV)/.installed
	$(BIN)/confwatch demo --serve

# Benchmarks print figures and never fail on a slow machine: quick (N=100) by default,
# `make bench FULL=1` for N = 100, 1,000 and 10,000. Results: bench/results/latest.json.
bench: $(VENV)/.installed
	$(BIN)/python -m bench.run $(if $(FULL),--full)

clean:
	rm -rf $(VENV) var .pytest_cache

# The HTML page as people see it, rendered by headless Chromium (apt-get install chromium).
screenshot: $(VENV)/.installed
	$(BIN)/confwatch demo >/dev/null
	mkdir -p var/screenshots
	for spec in "page 1200,1800" "page-phone 390,2000"; do set -- $$spec; \
	  chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
	    --disable-component-update --disable-sync --no-first-run --user-data-dir=$$(mktemp -d) \
	    --window-size=$$2 --screenshot=var/screenshots/$$1.png file://$(CURDIR)/var/feeds/index.html; done
	@echo "screenshots in var/screenshots/"
