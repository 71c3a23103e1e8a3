# 聊易 (Liaoyi). The README's two commands: `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PG_URL ?= postgres://postgres@127.0.0.1:5432/test

.PHONY: run test lint setup ui services browser test-sqlite test-postgres schema bench bench-search bench-cases bench-flows clean

## run: set up everything and serve the product on SQLite with demo data (http://127.0.0.1:8000), with the
## partner simulator (the demo banks, seal carvers and utilities, http://127.0.0.1:8700) in the background,
## stopped when serve exits
run: setup ui
	$(BIN)/python -m server migrate
	$(BIN)/python -m server seed --demo
	@echo "GraphiQL: http://127.0.0.1:8000/graphql   管理端: http://127.0.0.1:8000/admin   合作单位模拟器: http://127.0.0.1:8700"
	$(BIN)/python -m server simulate-partners --port 8700 --platform-url http://127.0.0.1:8000 & sim=$$!; \
	trap 'kill $$sim 2>/dev/null || true; wait $$sim 2>/dev/null || true' EXIT; \
	$(BIN)/python -m server serve --host 127.0.0.1 --port 8000

## test: set up everything the tests need, lint, and run every test on SQLite, then on PostgreSQL
test: setup lint ui services browser
	$(BIN)/python -m server export-schema --check
	$(BIN)/python -m server export-contract --check
	cd admin-ui && npm test
	$(BIN)/python -m pytest --db=sqlite
	$(BIN)/python -m pytest --db=postgres

## lint: ruff and mypy over server/ and tests/ (configured in pyproject.toml)
lint: setup
	$(BIN)/ruff check server tests
	$(BIN)/mypy

setup: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	@command -v $(PY) >/dev/null || { echo "需要 Python 3.11+：apt-get install -y python3 python3-venv"; exit 1; }
	[ -x $(BIN)/python ] || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@

## ui: install the admin UI's packages and build it (GraphiQL assets included) when stale
ui: admin-ui/dist/.built
admin-ui/dist/.built: admin-ui/package.json admin-ui/package-lock.json schema/schema.graphql \
		$(shell find admin-ui/scripts admin-ui/src admin-ui/index.html admin-ui/vite.config.ts admin-ui/codegen.ts -type f 2>/dev/null)
	@command -v npm >/dev/null || { echo "需要 Node.js 20 与 npm：apt-get install -y nodejs npm"; exit 1; }
	cd admin-ui && npm ci --no-audit --no-fund --loglevel=error
	cd admin-ui && npm run build
	touch $@

## services: start PostgreSQL and Redis when they are not running (the machine has them installed)
services:
	@if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then \
	  echo "starting PostgreSQL"; \
	  $(SUDO) pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql | head -1) main start; \
	  for i in $$(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done; \
	fi
	@pg_isready -h 127.0.0.1 -p 5432 -q || { echo "PostgreSQL 未能启动（127.0.0.1:5432）"; exit 1; }
	@if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then \
	  echo "starting Redis"; \
	  $(SUDO) redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
	    --dir /var/lib/redis --logfile /var/log/redis/ci.log; \
	  sleep 1; \
	fi

## browser: Debian's Chromium (and a CJK font for readable screenshots) for the UI tests
browser:
	@if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null; \
	fi
	@/usr/bin/chromium --version

test-sqlite: setup ui
	$(BIN)/python -m pytest --db=sqlite

test-postgres: setup ui services
	$(BIN)/python -m pytest --db=postgres

## schema: export schema/schema.graphql from the code
schema: setup
	$(BIN)/python -m server export-schema

## bench: the catalogue benchmark (graph against a plain JSON endpoint, same run)
bench: setup
	$(BIN)/python tests/benchmarks/catalog.py

## bench-search: 聊易找 relevance (tests/search/relevance.yaml) and latency at 10,000 implementations (graph against domain)
bench-search: setup
	$(BIN)/python tests/benchmarks/search.py --implementations 10000

## bench-exchange: forwarded cases to a simulated bank through arq and one worker, notifications measured alongside
bench-exchange: setup services
	$(BIN)/python tests/benchmarks/exchange.py

## bench-cases: the cases benchmark, 100,000 generated cases on SQLite then PostgreSQL (query plans checked)
bench-cases: setup services
	$(BIN)/python tests/benchmarks/cases.py --db both --cases 100000 --pg-url $(PG_URL)

## bench-flows: whole flows over a simulated month on a fake clock (1,000 start-ups, 1,000 real-estate transfers and
## 100 construction projects on SQLite; STARTUPS=N, TRANSFERS=N, PROJECTS=N, FLOW=startup|realestate|construction
## for one, FLOWS_DB=URL)
STARTUPS ?= 1000
TRANSFERS ?= 1000
PROJECTS ?= 100
bench-flows: setup
	$(BIN)/python tests/benchmarks/flows.py --startups $(STARTUPS) --transfers $(TRANSFERS) --projects $(PROJECTS) $(if $(FLOW),--only $(FLOW)) $(if $(FLOWS_DB),--database-url $(FLOWS_DB))

clean:
	rm -rf $(VENV) admin-ui/node_modules admin-ui/dist data
