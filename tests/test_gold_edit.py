"""Gold without typing offsets: annotate, list, accept, reject, add."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.gold_edit import GoldEditError, accept, add, annotate, open_gold, reject, save

ROOT = Path(__file__).resolve().parent.parent
TEXT = "أعلنت الوزارة في 20 أكتوبر 1947 أن التضخم بلغ 12٫5٪، وفي 20 أكتوبر 1947 أيضا.\n"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text(TEXT, encoding="utf-8")
    return folder


def _lines(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


def test_annotate_proposes_drafts(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    prop = annotate(folder / "story.txt")
    assert prop.path == (folder / "gold.jsonl").resolve() and prop.doc == "story"
    rows = _lines(folder)
    assert prop.count == len(rows) == 3
    assert all(r["draft"] is True and r["doc"] == "story" for r in rows)
    assert [r["text"] for r in rows] == ["20 أكتوبر 1947", "12٫5٪", "20 أكتوبر 1947"]
    for r in rows:
        assert TEXT[r["start"] : r["end"]] == r["text"]
    with pytest.raises(GoldEditError, match="already has gold"):
        annotate(folder / "story.txt")


def test_accept_reject_add(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    annotate(folder / "story.txt")
    gold = open_gold(folder)
    assert reject(gold, "story", [2]) == 1
    assert accept(gold, "story", [1]) == 1
    save(gold)
    rows = _lines(folder)
    assert [("draft" in r, r["text"]) for r in rows] == [(False, "20 أكتوبر 1947"), (True, "20 أكتوبر 1947")]
    gold = open_gold(folder)
    rec = add(gold, "story", "12٫5٪", 1, "percent", "12.5%")
    assert TEXT[rec.start : rec.end] == "12٫5٪"
    with pytest.raises(GoldEditError, match="occurs 2 time"):
        add(gold, "story", "20 أكتوبر 1947", 3, "date", "1947-10-20")
    with pytest.raises(GoldEditError, match="overlaps"):
        add(gold, "story", "أكتوبر 1947", 1, "date", "1947-10")
    with pytest.raises(GoldEditError, match="no record number 9"):
        reject(gold, "story", [9])
    accept(gold, "story", None)
    save(gold)
    assert not any("draft" in r for r in _lines(folder))


def test_a_bad_value_is_refused_and_nothing_rewritten(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    annotate(folder / "story.txt")
    before = (folder / "gold.jsonl").read_bytes()
    gold = open_gold(folder)
    add(gold, "story", "التضخم", 1, "date", "not-a-date")
    with pytest.raises(GoldEditError, match="invalid"):
        save(gold)
    assert (folder / "gold.jsonl").read_bytes() == before


def test_an_invalid_gold_file_is_not_edited(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (folder / "gold.jsonl").write_text('{"doc": "story"\n', encoding="utf-8")
    with pytest.raises(GoldEditError, match="fix them first"):
        open_gold(folder)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_drafts_are_reported_and_not_scored(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    proc = _cli("annotate", str(folder / "story.txt"), cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    proc = _cli("run", str(folder), "--out", str(tmp_path / "out"), "--quiet", cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "3 draft gold records" in proc.stdout and "not scored" in proc.stdout
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["metrics"]["date"]["gold"] == 0
    proc = _cli("gold", "accept", "story", "--all", "--corpus", str(folder), cwd=ROOT)
    assert proc.returncode == 0 and "accepted 3" in proc.stdout, proc.stderr
    proc = _cli("run", str(folder), "--out", str(tmp_path / "out"), "--quiet", cwd=ROOT)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["metrics"]["date"]["gold"] == 2 and report["metrics"]["date"]["strict_f1"] == 1.0
    proc = _cli("gold", "list", "nosuch", "--corpus", str(folder), cwd=ROOT)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_occurrence_counts_from_one(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    annotate(folder / "story.txt")
    gold = open_gold(folder)
    with pytest.raises(GoldEditError, match="counts from 1"):
        add(gold, "story", "التضخم", 0, "date", "2019")


@pytest.mark.parametrize(
    ("kind", "value"),
    [("date", "2019-13"), ("date", "2019-02-30"), ("date", "2020/2019"), ("money", "ZZZ 5"), ("percent", "10%/5%")],
)
def test_impossible_values_are_refused(kind: str, value: str, tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    annotate(folder / "story.txt")
    gold = open_gold(folder)
    add(gold, "story", "التضخم", 1, kind, value)  # type: ignore[arg-type]
    with pytest.raises(GoldEditError, match="invalid"):
        save(gold)


def test_annotate_says_why_a_text_cannot_be_read(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    proc = _cli("annotate", str(folder / "missing.txt"), cwd=ROOT)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "missing.txt" in proc.stderr and "cannot be read" in proc.stderr
    (folder / "latin1.txt").write_bytes("é".encode("latin-1"))
    proc = _cli("annotate", str(folder / "latin1.txt"), cwd=ROOT)
    assert proc.returncode == 1 and "not UTF-8" in proc.stderr


def test_accept_needs_numbers_or_all(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    annotate(folder / "story.txt")
    proc = _cli("gold", "accept", "story", "--corpus", str(folder), cwd=ROOT)
    assert proc.returncode == 2 and "--all" in proc.stderr


def test_annotate_uses_the_reference_date_of_meta(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "today.txt").write_text("أعلنت الوزارة أمس النتائج.\n", encoding="utf-8")
    (folder / "meta.json").write_text('{"today": {"reference_date": "2024-03-15"}}', encoding="utf-8")
    prop = annotate(folder / "today.txt")
    assert prop.unresolved == 0
    assert [r["normalized"] for r in _lines(folder)] == ["2024-03-14"]
