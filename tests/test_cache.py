"""Tables cached on disk: built once, loaded afterwards, built anew when a source changes."""

from __future__ import annotations

import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from pipeline import cache
from pipeline.lexicon import _load, lexicon
from pipeline.normalize import _build_table, _table

ROOT = Path(__file__).resolve().parent.parent


def test_built_once_then_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARABIC_MENTIONS_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "source.txt"
    src.write_text("one", encoding="utf-8")
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"n": len(calls)}

    assert cache.cached("t", [src], ["spacy"], build) == {"n": 1}
    assert cache.cached("t", [src], ["spacy"], build) == {"n": 1}
    assert len(calls) == 1
    src.write_text("two", encoding="utf-8")  # a changed source: a new entry
    assert cache.cached("t", [src], ["spacy"], build) == {"n": 2}
    assert len(list((tmp_path / "cache").glob("t-*.pickle"))) == 1  # the stale build is gone
    assert not list((tmp_path / "cache").glob(".*.tmp"))


def test_an_unwritable_cache_still_works(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("ARABIC_MENTIONS_CACHE", str(blocker / "cache"))  # under a file: cannot be created
    assert cache.cached("t", [blocker], [], lambda: 42) == 42
    monkeypatch.setenv("ARABIC_MENTIONS_CACHE", "off")
    assert cache.cached("t", [blocker], [], lambda: 43) == 43


def test_cached_tables_equal_fresh_ones() -> None:
    assert _table() == _build_table()
    fresh = _load()
    assert Counter(lexicon().entries()) == Counter(fresh.entries())
    assert lexicon().qualifiers == fresh.qualifiers and lexicon().raw_symbols == fresh.raw_symbols


def test_a_short_extract_starts_fast_and_without_spacy(tmp_path: Path) -> None:
    env = {"ARABIC_MENTIONS_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    code = "from pipeline import extract; import sys; print(extract('في 2020')[0].normalized, 'spacy' in sys.modules)"
    first = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert first.stdout.split() == ["2020", "True"], first.stderr  # the first run builds the tables with spaCy
    start = time.monotonic()
    second = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    took = time.monotonic() - start
    assert second.stdout.split() == ["2020", "False"], second.stderr  # loaded from the cache, spaCy never imported
    print(f"start-up with cached tables: {took:.2f} s")  # reported, not asserted
