# The quick start is two commands: `make try` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# The message catalogs: .po files are committed, the .mo files they compile to are not.
PO     := $(wildcard facilitation/locales/*/LC_MESSAGES/holdspace.po)
MO     := $(PO:.po=.mo)

.PHONY: try test lint bench clean lock i18n i18n-check

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "holdspace needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[dev]'
	$(BIN)/python -m tools.i18n compile
	@touch $(STAMP)

# A .po edited (or pulled) since it was compiled is compiled again before the bot or the tests run.
$(MO): %.mo: %.po | $(STAMP)
	$(BIN)/python -m tools.i18n compile $<

## i18n: the catalogs follow the code: extract the messages, update each language, compile
i18n: $(STAMP)
	$(BIN)/python -m tools.i18n extract
	$(BIN)/python -m tools.i18n update
	$(BIN)/python -m tools.i18n compile
	$(BIN)/python -m tools.cldr

## i18n-check: fails when the catalogs, or the CLDR tables, are not up to date (CI runs it)
i18n-check: $(STAMP)
	$(BIN)/python -m tools.i18n check
	$(BIN)/python -m tools.cldr --check

## lock: re-pin every dependency (runtime and development) into requirements.lock
lock:
	rm -rf /tmp/holdspace-lock && $(PYTHON) -m venv /tmp/holdspace-lock
	/tmp/holdspace-lock/bin/python -m pip install --quiet '.[dev]'
	{ sed -n '1,4p' requirements.lock; /tmp/holdspace-lock/bin/pip freeze --exclude-editable | grep -v '^holdspace'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

## try: the real bot against the built-in sandbox gateway (chat in a terminal, a tour otherwise)
try: $(STAMP) $(MO)
	$(BIN)/holdspace try

## test: the whole suite; SQLite always, PostgreSQL too when a server can be started
test: $(STAMP) $(MO)
	bash .ci/with-postgres.sh $(BIN)/python -m pytest $(PYTEST_ARGS)

## lint: ruff and mypy (strict on facilitation/, storage/, commands/ and what pyproject.toml adds)
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## bench: the standard benchmarks (the bot and a bare signalbot echo bot, same sandbox)
bench: $(STAMP) $(MO)
	$(BIN)/python -m benchmarks.throughput

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
