# zhifa — the two README commands are `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
export DJANGO_SETTINGS_MODULE ?= zhifa.settings.dev

.PHONY: run test check lint format typecheck contracts migrations-check schema-check schema pytest lock clean demo os-deps

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11 ($(PYTHON))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP_RUN): $(BIN)/python pyproject.toml requirements/constraints.txt
	$(BIN)/pip install -q -c requirements/constraints.txt -e .
	touch $@

$(STAMP_TEST): $(BIN)/python pyproject.toml requirements/constraints.txt
	$(BIN)/pip install -q -c requirements/constraints.txt -e ".[test]"
	touch $@ $(STAMP_RUN)

## os-deps: Chinese fonts, Pango and HarfBuzz-Subset for PDF documents (WeasyPrint embeds a subset of Noto CJK
## from the OS; without libharfbuzz-subset it falls back to fontTools, ~100 times slower: 10 s per document).
## Installs them only when run as root and missing; otherwise says what is missing.
os-deps:
	@if [ -z "$$(fc-list :lang=zh 2>/dev/null)" ] || ! ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so' || ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so' || ! ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset.so'; then \
		if [ "$$(id -u)" = "0" ]; then \
			(apt-get install -y -q fonts-noto-cjk fontconfig libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 || \
			 { apt-get update -q && apt-get install -y -q fonts-noto-cjk fontconfig libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0; }); \
		else \
			echo "缺少中文字体或 Pango（生成文书 PDF 需要）：请以 root 运行 make os-deps，或安装 fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"; \
		fi; \
	fi

## run: the demo county on SQLite at http://127.0.0.1:$(PORT)
run: os-deps $(STAMP_RUN)
	mkdir -p var
	$(BIN)/zhifa migrate --no-input -v 0
	$(BIN)/zhifa load_demo
	$(BIN)/zhifa runserver 127.0.0.1:$(PORT)

## test: every gate, then the whole suite (SQLite, or PostgreSQL with DATABASE_URL)
test: check pytest

pytest: os-deps $(STAMP_TEST)
	DJANGO_SETTINGS_MODULE=zhifa.settings.test $(BIN)/pytest -q -p no:cacheprovider; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 0; fi; exit $$rc

## check: the engineering gates (lint, format, types, migrations, API schema, architecture)
check: lint typecheck migrations-check schema-check contracts

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

format: $(STAMP_TEST)
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

migrations-check: $(STAMP_TEST)
	DJANGO_SETTINGS_MODULE=zhifa.settings.test $(BIN)/zhifa makemigrations --check --dry-run

schema-check: $(STAMP_TEST)
	mkdir -p var
	DJANGO_SETTINGS_MODULE=zhifa.settings.test $(BIN)/zhifa spectacular --validate --fail-on-warn --file var/openapi.generated.yaml
	diff -u docs/openapi.yaml var/openapi.generated.yaml || { echo "API 结构与 docs/openapi.yaml 不一致：运行 make schema 并提交差异"; exit 1; }

schema: $(STAMP_TEST)
	DJANGO_SETTINGS_MODULE=zhifa.settings.test $(BIN)/zhifa spectacular --validate --fail-on-warn --file docs/openapi.yaml

contracts: $(STAMP_TEST)
	$(BIN)/lint-imports

lock: $(BIN)/python
	$(BIN)/pip install -q -e ".[test]"
	{ echo "# Lock file: exact versions of every installed package (direct and transitive)."; echo "# Regenerate with: make lock"; $(BIN)/pip freeze --exclude-editable | grep -v '^-e'; } > requirements/constraints.txt

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
