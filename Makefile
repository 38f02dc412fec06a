# Quick start: `make demo` then `make test`. Both set up the virtualenv first.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint eval bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	$(BIN)/python -m compileall -q src  # pip byte-compiles what it installs, but not an editable checkout
	touch $(STAMP)

setup: $(STAMP)

DB ?= dateline.duckdb

demo: $(STAMP)
	@$(BIN)/python -m compileall -q src
	@mkdir -p out
	@for f in examples/*.txt examples/*.html examples/*.jsonl; do \
	  [ -e "$$f" ] || continue; \
	  $(BIN)/dateline extract "$$f" --format jsonl > "out/$$(basename "$$f").events.jsonl" || exit 1; \
	done
	@echo "Event documents written to out/*.events.jsonl"
	$(BIN)/dateline ingest examples --db $(DB)
	$(BIN)/dateline stats --db $(DB)
	COLUMNS=$${COLUMNS:-160} $(BIN)/dateline events --db $(DB) --limit 25 --format table
	@echo
	@echo "Query it:  $(BIN)/dateline events --db $(DB) --type PROTEST --format table"
	@echo "           $(BIN)/dateline sql --db $(DB) \"SELECT event_type, count(*) FROM events GROUP BY 1\""
	@echo "Serve it:  $(BIN)/dateline serve --db $(DB)   (then open http://127.0.0.1:8000)"

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests

eval: $(STAMP)
	$(BIN)/dateline eval --json out/eval.json

clean:
	rm -rf $(VENV) out dateline.duckdb
