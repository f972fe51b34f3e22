# Wegwijs: `make run` serves the demo on SQLite; `make test` runs every test (SQLite, then PostgreSQL).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha1sum | cut -c1-12)

.PHONY: install messages compile-messages run demo test test-sqlite test-postgresql lint format lock vendor clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

compile-messages: install
	$(BIN)/pybabel compile --domain django --directory wegwijs/locale --statistics 2>&1 | grep -v "^compiling" || true

messages: install
	cd wegwijs && WEGWIJS_MODE=dev ../$(BIN)/wegwijs makemessages -l nl -l en -l tr -l ar -l pl -l uk --no-obsolete

run: compile-messages
	@grep -qs '^WEGWIJS_MODE=' .env || echo 'WEGWIJS_MODE=dev' >> .env
	WEGWIJS_MODE=dev $(BIN)/wegwijs migrate --noinput
	WEGWIJS_MODE=dev $(BIN)/wegwijs demo
	@echo ""
	@echo "Wegwijs runs at http://127.0.0.1:8000  (staff: http://127.0.0.1:8000/staff/)"
	WEGWIJS_MODE=dev $(BIN)/wegwijs runserver 127.0.0.1:8000

test: test-sqlite test-postgresql

test-sqlite: compile-messages
	$(BIN)/pytest

test-postgresql: compile-messages
	scripts/with-postgresql $(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock:
	uv pip compile --universal --python-version 3.11 pyproject.toml --extra dev -o requirements.lock

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
