# The quick start is two commands: `make try` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: try test lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "holdspace needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## try: the real bot against the built-in sandbox gateway (chat in a terminal, a tour otherwise)
try: $(STAMP)
	$(BIN)/holdspace try

## test: the whole suite; SQLite always, PostgreSQL too when a server can be started
test: $(STAMP)
	bash .ci/with-postgres.sh $(BIN)/python -m pytest $(PYTEST_ARGS)

## lint: ruff and mypy (strict on facilitation/ and storage/)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## bench: the standard benchmarks (the bot and a bare signalbot echo bot, same sandbox)
bench: $(STAMP)
	$(BIN)/python -m benchmarks.throughput

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
