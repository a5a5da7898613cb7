"""What every test file shares: a run is reproducible, and safe to spread over processes (`pytest -n 2`)."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from hypothesis import settings

# Hypothesis draws the same examples on every run and keeps no database: a failure is reproduced by
# running again, and parallel workers never write one `.hypothesis/` folder. `make fuzz` explores with
# random seeds; HYPOTHESIS_PROFILE=explore does the same for every property test.
settings.register_profile("tests", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "tests"))

_OWN_CACHE = "ARABIC_MENTIONS_TEST_CACHE"


def pytest_configure(config: pytest.Config) -> None:
    """The cached tables (pipeline/cache.py) go to a folder of this run, not the user's ~/.cache: the tests
    build them from this checkout and leave nothing behind. Workers and the processes the tests start
    inherit the variable, so the tables are built once or twice per run (~1 s each), not per process."""
    if os.environ.get("ARABIC_MENTIONS_CACHE") or hasattr(config, "workerinput"):
        return  # set by the user, or by the controller of this xdist run
    folder = tempfile.mkdtemp(prefix="arabic-mentions-test-cache-")
    os.environ["ARABIC_MENTIONS_CACHE"] = os.environ[_OWN_CACHE] = folder


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = os.environ.pop(_OWN_CACHE, None)
    if folder and not hasattr(config, "workerinput"):
        os.environ.pop("ARABIC_MENTIONS_CACHE", None)
        shutil.rmtree(folder, ignore_errors=True)


# The longest tests start first, so that with two workers neither waits alone at the end for one of them.
_LONGEST_FIRST = ("test_install.py", "test_readme_snippets.py", "test_archive_scale.py", "test_pytest_plugin.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    def rank(item: pytest.Item) -> int:
        name = item.path.name
        return _LONGEST_FIRST.index(name) if name in _LONGEST_FIRST else len(_LONGEST_FIRST)

    items.sort(key=rank)  # stable: the order within a file, and of the other files, is kept
