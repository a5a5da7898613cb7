# make setup | run | test | lint | bench | schemas | fuzz
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint bench schemas fuzz clean

$(STAMP): pyproject.toml camel-tools.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,dask]'
	$(PY) -m pip install --quiet --no-deps -r camel-tools.txt
	@$(PY) -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('torch') is not None)" \
		|| (echo "torch ended up in $(VENV): the set-up must not pull the deep-learning stack" && exit 1)
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(PY) -m pipeline run corpus/

lint: setup
	$(PY) -m ruff check pipeline tests
	$(PY) -m ruff format --check pipeline tests
	$(PY) -m mypy

# Tests in TEST_WORKERS processes (pytest-xdist); idle workers take queued tests from busy ones.
# TEST_WORKERS=0 runs them in this one process.
TEST_WORKERS ?= 2
test: lint
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal

bench: setup
	$(PY) -m pipeline.bench

# A long grammar-aware fuzz (tests/test_fuzz.py): failing inputs go to fuzz-failures.txt, and the target
# fails when there are any. FUZZ_EXAMPLES=N sets the length (the default 200000 takes about half an hour).
FUZZ_EXAMPLES ?= 200000
fuzz: setup
	rm -f fuzz-failures.txt
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_FAILURES=fuzz-failures.txt $(PY) -m pytest -q -p no:cacheprovider \
		--hypothesis-show-statistics \
		tests/test_fuzz.py::test_grammar_fuzz
	@if [ -s fuzz-failures.txt ]; then echo "failing inputs: fuzz-failures.txt"; cat fuzz-failures.txt; exit 1; fi

schemas: setup
	$(PY) -m pipeline.schemas schemas/

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
