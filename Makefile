# make setup | run | test | lint | bench | schemas
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup run test lint bench schemas clean

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

test: lint
	$(PY) -m pytest

bench: setup
	$(PY) -m pipeline.bench

schemas: setup
	$(PY) -m pipeline.schemas schemas/

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
