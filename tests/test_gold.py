"""`python -m pipeline gold check`: every class of gold problem is reported with its line number."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.gold import iso_4217_codes, lexicon_codes

ROOT = Path(__file__).resolve().parent.parent
DOC = "في 20 أكتوبر 1947 بلغت المساعدات 78.3 مليار دولار، أي 59٪ من الإجمالي."


def _rec(kind: str, piece: str, normalized: str | None, doc: str = "doc", **over: object) -> dict[str, object]:
    start = DOC.index(piece)
    rec: dict[str, object] = {
        "doc": doc, "kind": kind, "start": start, "end": start + len(piece), "text": piece, "normalized": normalized,
    }  # fmt: skip
    rec.update(over)
    return rec


DATE = _rec("date", "20 أكتوبر 1947", "1947-10-20")
MONEY = _rec("money", "78.3 مليار دولار", "USD 78300000000")
PERCENT = _rec("percent", "59٪", "59%")
GOOD_LINES = [json.dumps(r, ensure_ascii=False) for r in (DATE, MONEY, PERCENT)]


def _corpus(tmp_path: Path, lines: list[str]) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "doc.txt").write_text(DOC, encoding="utf-8")
    (corpus / "doc2.txt").write_text(DOC, encoding="utf-8")  # no good gold: bad records go here
    (corpus / "gold.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return corpus


def _check(corpus: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["gold", "check", str(corpus)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_good_gold_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(_corpus(tmp_path, GOOD_LINES), capsys)
    assert code == 0, out


def _bad(kind: str, piece: str, normalized: str | None, **over: object) -> str:
    return json.dumps(_rec(kind, piece, normalized, doc="doc2", **over), ensure_ascii=False)


BAD = {
    "bad JSON": ('{"doc": "doc", "kind": "date",', r"json"),
    "offsets outside": (_bad("date", "1947", "1947", start=len(DOC) - 2, end=len(DOC) + 5), r"outside"),
    "start after end": (_bad("date", "1947", "1947", start=10, end=5), r"outside|offset"),
    "text not the slice": (_bad("date", "1947", "1947", text="1948"), r"slice|text"),
    "bad date normalized": (_bad("date", "1947", "20/10/1947"), r"normalized|well-formed"),
    "bad money normalized": (_bad("money", "78.3 مليار دولار", "78.3 مليار"), r"normalized|well-formed"),
    "money with exponent": (_bad("money", "78.3 مليار دولار", "USD 7.83E10"), r"normalized|well-formed"),
    "bad percent normalized": (_bad("percent", "59٪", "59"), r"normalized|well-formed"),
    "made-up currency code": (_bad("money", "78.3 مليار دولار", "ABC 78300000000"), r"ABC.*ISO 4217"),
    "unknown kind": (_bad("time", "1947", "1947"), r"kind"),
    "duplicate": (GOOD_LINES[0], r"duplicate"),
    "overlapping one kind": (json.dumps(_rec("date", "أكتوبر 1947", "1947-10"), ensure_ascii=False), r"overlap"),
    "unknown document": (json.dumps(_rec("date", "1947", "1947", doc="missing_doc")), r"unknown|missing_doc"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_problem_is_reported_with_its_line(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad, pattern = BAD[case]
    lines = [*GOOD_LINES, bad]  # the bad record is line 4
    code, out = _check(_corpus(tmp_path, lines), capsys)
    assert code == 1, out
    assert "Traceback" not in out
    reported = [line for line in out.splitlines() if re.search(r"\bline 4\b", line)]
    assert len(reported) == 1, f"{case}: expected one problem on line 4, got:\n{out}"
    assert re.search(pattern, reported[0], re.IGNORECASE), f"{case}: {reported[0]!r} does not say /{pattern}/"
    assert not re.search(r"\bline [123]:", out), f"{case}: a good line was blamed:\n{out}"


def test_all_problems_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [*GOOD_LINES, *(bad for bad, _ in BAD.values())]
    code, out = _check(_corpus(tmp_path, lines), capsys)
    assert code == 1
    for n in range(len(GOOD_LINES) + 1, len(lines) + 1):
        assert re.search(rf"\bline {n}\b", out), f"line {n} ({lines[n - 1]}) not reported:\n{out}"


def test_overlap_across_kinds_is_allowed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other_kind = json.dumps(_rec("percent", "1947", "1947%"), ensure_ascii=False)
    code, out = _check(_corpus(tmp_path, [*GOOD_LINES, other_kind]), capsys)
    assert code == 0, out


def test_a_real_iso_code_the_lexicon_lacks_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Gold is checked against ISO 4217, not against what the rules can produce today."""
    assert "MXN" not in lexicon_codes()  # else this test would not show the difference
    mxn = json.dumps(_rec("money", "78.3 مليار دولار", "MXN 78300000000", doc="doc2"), ensure_ascii=False)
    code, out = _check(_corpus(tmp_path, [*GOOD_LINES, mxn]), capsys)
    assert code == 0, out


def test_the_lexicon_names_only_iso_codes() -> None:
    assert lexicon_codes() - iso_4217_codes() == set()


def test_missing_gold_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "doc.txt").write_text(DOC, encoding="utf-8")
    code, out = _check(tmp_path, capsys)
    assert code == 2 and "gold" in out


def test_shipped_corpus_passes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _check(ROOT / "corpus", capsys)
    assert code == 0, out
