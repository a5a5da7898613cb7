"""`pytest --mentions-gold FOLDER` in someone else's project: one item per document, known misses as xfail."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

# Each document has one date and one percentage; the gold below says what each case needs.
TEXT = "في عام 2024 ارتفع الدخل 5٪ عن العام السابق."


def gold(doc: str, text: str, normalized: str, **extra: object) -> dict[str, object]:
    start = TEXT.index(text)
    kind = "percent" if text.endswith("٪") else "date"
    return {"doc": doc, "kind": kind, "start": start, "end": start + len(text), "text": text, "normalized": normalized,
            **extra}  # fmt: skip


RIGHT = [("عام 2024", "2024"), ("5٪", "5%")]


def lines(doc: str, *, date: str = "2024", **extra: object) -> list[dict[str, object]]:
    return [gold(doc, "عام 2024", date, **extra), gold(doc, "5٪", "5%")]


def make_corpus(folder: Path) -> None:
    records = [
        *lines("a_right"),
        *lines("b_wrong", date="2025"),  # the gold disagrees, unmarked: fails
        *lines("c_known", date="2025", xfail="the annotator reads the fiscal year"),  # expected: xfails
        *lines("d_fixed", xfail="was missed before"),  # marked, but matches: XPASS (its date is line 7)
        gold("e_mixed", "عام 2024", "2025", xfail="known"),  # marked and expected ...
        gold("e_mixed", "5٪", "6%"),  # ... but this one is not: fails
        *lines("f_doc_known", date="2025"),  # the document is marked in meta.json
        *lines("g_draft", date="2025", draft=True),  # not reviewed: skipped
    ]
    for doc in sorted({str(r["doc"]) for r in records}):
        (folder / f"{doc}.txt").write_text(TEXT, encoding="utf-8")
    (folder / "gold.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    (folder / "meta.json").write_text(json.dumps({"f_doc_known": {"xfail": "the whole text is disputed"}}), "utf-8")


def pytest_in(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-ra", "--color=no", *args],
        cwd=project, capture_output=True, text=True, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def outcome(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    project = tmp_path_factory.mktemp("project")
    (project / "corpus").mkdir()
    make_corpus(project / "corpus")
    return pytest_in(project, "--mentions-gold", "corpus/")


def summary(proc: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """Item id -> outcome, from the short test summary (and PASSED lines are not listed there)."""
    found = re.findall(
        r"^(XFAIL|XPASS|FAILED|SKIPPED|PASSED) (?:\[\d+\] )?corpus/gold\.jsonl(?:::(\w+))?", proc.stdout, re.M
    )
    return {doc: what for what, doc in found if doc}


def test_one_item_per_document(outcome: subprocess.CompletedProcess[str]) -> None:
    assert re.search(r"^collected 7 items", outcome.stdout, re.M), outcome.stdout


def test_outcomes(outcome: subprocess.CompletedProcess[str]) -> None:
    assert summary(outcome) == {
        "b_wrong": "FAILED",
        "c_known": "XFAIL",
        "d_fixed": "XPASS",
        "e_mixed": "FAILED",
        "f_doc_known": "XFAIL",
    }, outcome.stdout
    assert outcome.returncode == 1
    assert re.search(r"2 failed, 1 passed, 1 skipped, 2 xfailed, 1 xpassed", outcome.stdout), outcome.stdout


def test_a_failure_shows_the_difference_table(outcome: subprocess.CompletedProcess[str]) -> None:
    assert "b_wrong: extraction differs from gold.jsonl" in outcome.stdout
    assert "b_wrong @3 [date] wrong value: gold 'عام 2024' → 2025; predicted 'عام 2024' → 2024" in outcome.stdout
    assert "| date | 1 | 1 |" in outcome.stdout


def test_an_unmarked_difference_is_not_hidden_by_a_marked_one(outcome: subprocess.CompletedProcess[str]) -> None:
    assert "e_mixed @24 [percent] wrong value: gold '5٪' → 6%" in outcome.stdout
    assert "(1 more differences are marked xfail)" in outcome.stdout


def test_reasons_and_fixed_lines_are_reported(outcome: subprocess.CompletedProcess[str]) -> None:
    assert "XFAIL corpus/gold.jsonl::c_known - 'عام 2024' (date): the annotator reads the fiscal year" in outcome.stdout
    assert "XFAIL corpus/gold.jsonl::f_doc_known - the whole text is disputed" in outcome.stdout
    assert "d_fixed: gold 'عام 2024' (date) is marked xfail but now matches" in outcome.stdout
    assert "corpus/gold.jsonl:7: XfailNowMatches: d_fixed: gold 'عام 2024' (date)" in outcome.stdout
    assert re.search(r"^SKIPPED \[1\] corpus/g_draft.txt: 1 draft gold record not reviewed$", outcome.stdout, re.M)


def test_the_plugin_adds_nothing_without_the_option(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    make_corpus(tmp_path / "corpus")
    proc = pytest_in(tmp_path)
    assert proc.returncode == 5  # pytest's "no tests collected"
    assert "collected 0 items" in proc.stdout
    assert "gold.jsonl" not in proc.stdout


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    proc = pytest_in(tmp_path, "--mentions-gold", "nowhere/")
    assert proc.returncode == 4  # pytest's usage error
    assert "ERROR: --mentions-gold nowhere: not a folder" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_on_a_colour_terminal_the_differences_are_coloured_and_k_selects_documents(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    make_corpus(tmp_path / "corpus")
    proc = pytest_in(tmp_path, "--mentions-gold", "corpus/", "--color=yes", "-k", "b_wrong")
    assert "\033[35m  b_wrong @3 [date] wrong value" in proc.stdout  # report.terminal's colour for a wrong value
    assert "6 deselected" in proc.stdout
