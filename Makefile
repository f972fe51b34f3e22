# Wegwijs: `make run` serves the demo on SQLite; `make test` runs every test (SQLite, then PostgreSQL).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | sha1sum | cut -c1-12)

.PHONY: install messages compile-messages run test test-sqlite test-postgresql lint format lock vendor clean

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
	cd wegwijs && WEGWIJS_MODE=dev WEGWIJS_ENV_FILE=../.env ../$(BIN)/wegwijs makemessages -l nl -l en -l tr -l ar -l pl -l uk --no-obsolete

run: compile-messages
	@grep -qs '^WEGWIJS_MODE=' .env || echo 'WEGWIJS_MODE=dev' >> .env
	WEGWIJS_MODE=dev $(BIN)/wegwijs migrate --noinput
	WEGWIJS_MODE=dev $(BIN)/wegwijs demo
	@echo ""
	@echo "Wegwijs runs at http://127.0.0.1:8000  (staff: http://127.0.0.1:8000/staff/)"
	@echo "A task worker runs beside it; e-mails land as files in data/outbox."
	WEGWIJS_MODE=dev $(BIN)/wegwijs db_worker --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	WEGWIJS_MODE=dev $(BIN)/wegwijs runserver 127.0.0.1:8000

test: test-sqlite test-postgresql

test-sqlite: compile-messages
	$(BIN)/pytest

test-postgresql: compile-messages
	scripts/with-postgresql $(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	WEGWIJS_MODE=test $(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock:
	uv pip compile --universal --python-version 3.11 pyproject.toml --extra dev -o requirements.lock

# Fetch the vendored front-end files again from the npm registry (versions in the vendor README).
vendor:
	rm -rf build/vendor && mkdir -p build/vendor
	cd build/vendor && npm pack --silent @utrecht/component-library-css@9.0.4 @utrecht/design-tokens@5.0.1 htmx.org@2.0.11 >/dev/null
	cd build/vendor && for f in *.tgz; do mkdir -p $${f%.tgz} && tar xzf $$f -C $${f%.tgz}; done
	cp build/vendor/utrecht-component-library-css-9.0.4/package/dist/index.css wegwijs/web/static/vendor/utrecht-component-library-9.0.4.css
	cp build/vendor/utrecht-design-tokens-5.0.1/package/dist/theme.css wegwijs/web/static/vendor/utrecht-design-tokens-5.0.1.css
	cp build/vendor/htmx.org-2.0.11/package/dist/htmx.min.js wegwijs/web/static/vendor/htmx-2.0.11.min.js

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
