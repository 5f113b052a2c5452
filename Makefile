# Newsroom: `make run` serves the site, `make test` runs the whole suite.
# Both start from a fresh clone: they create .venv and install what they need.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# `make run` serves with production settings; a key is generated once into var/.
RUN_ENV = NEWSROOM_ENV=production HTTPS=off SECRET_KEY="$$(cat var/secret_key)"

.PHONY: run createsuperuser test lint format bench backup restore stop-db clean lock

run: $(VENV)/.installed var/secret_key
	$(RUN_ENV) $(BIN)/python manage.py ensure_database
	$(RUN_ENV) $(BIN)/python manage.py migrate --noinput
	$(RUN_ENV) $(BIN)/python manage.py import_seeds seeds/
	$(RUN_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo
	@echo "Newsroom is at http://127.0.0.1:$(PORT)/"
	@echo "The admin is at http://127.0.0.1:$(PORT)/admin/ — create an editor account with:"
	@echo "    make createsuperuser"
	@echo
	$(RUN_ENV) PORT=$(PORT) $(BIN)/gunicorn -c python:newsroom.gunicorn_conf

# An account for the admin, on the same database and settings as `make run`.
createsuperuser: $(VENV)/.installed var/secret_key
	$(RUN_ENV) $(BIN)/python manage.py createsuperuser

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	# Two processes, each with a test database of its own (pytest-xdist). A test file's
	# tests stay together, so that a module's server or browser starts once, and files go
	# out in the order tests/conftest.py gives them (files with transactional tests last).
	$(BIN)/python -m pytest -n 2 --dist loadfile --no-loadscope-reorder

lint format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install --quiet -c constraints.txt -e ".[test]"
	touch $@ $(VENV)/.installed

var/secret_key:
	mkdir -p var
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

# The benchmark suite: pages under wrk (bench/run.py), uncached search latency over the same
# corpus, import throughput. ARTICLES=1000|10000|100000, SECONDS per wrk run. A corpus is
# kept in a database of its own (newsroom_bench_$(ARTICLES)) and reused: a later run adds
# only what is missing.
ARTICLES ?= 100000
SECONDS ?= 10
bench: $(VENV)/.installed-test
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run.py --articles $(ARTICLES) --seconds $(SECONDS)
	$(BIN)/python bench/search_latency.py --articles $(ARTICLES)
	$(BIN)/python bench/import_bench.py --files 10000

# Re-pin every dependency after changing pyproject.toml.
lock: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	echo "# Pinned versions of every dependency, for reproducible installs (regenerate with make lock)." > constraints.txt
	$(BIN)/pip freeze --exclude-editable >> constraints.txt

# pg_dump / pg_restore of the configured database (DATABASE_URL or the embedded one).
backup: $(VENV)/.installed
	$(BIN)/python manage.py backup_database $(FILE)

restore: $(VENV)/.installed
	@test -n "$(FILE)" || (echo "usage: make restore FILE=var/backups/newsroom-….dump" && exit 2)
	$(BIN)/python manage.py restore_database $(FILE)

stop-db:
	$(BIN)/python -m newsroom.database.embedded stop

clean: stop-db
	rm -rf $(VENV) var staticfiles
