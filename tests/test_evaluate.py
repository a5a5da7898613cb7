"""Scoring: strict and overlap matches, per-document scores, failed documents,
and many boundary differences scored correctly (the sweep, not a timed test)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from pipeline.evaluate import evaluate
from pipeline.records import GoldMention, Mention, PercentValue
from pipeline.report import as_json, markdown, terminal
from pipeline.runner import run

TEXT = "نسبة 10% ثم 20% ثم 30% ثم 40%."


def _gold(doc: str, piece: str, normalized: str | None, text: str = TEXT) -> GoldMention:
    start = text.index(piece)
    return GoldMention(doc=doc, kind="percent", start=start, end=start + len(piece), text=piece, normalized=normalized)


def _pred(doc: str, start: int, end: int, text: str, normalized: str = "1%") -> Mention:
    value = PercentValue(value=Decimal(1))
    return Mention(doc=doc, kind="percent", start=start, end=end, text=text[start:end], normalized=normalized,
                   value=value, rule="test")  # fmt: skip


def test_twenty_thousand_boundary_differences() -> None:
    n = 20_000
    text = "ab cd efgh " * n
    gold = [GoldMention(doc="big", kind="percent", start=i * 11, end=i * 11 + 5, text=text[i * 11 : i * 11 + 5],
                        normalized="1%") for i in range(n)]  # fmt: skip
    # Every prediction overlaps its own gold mention only: it starts 3 characters later.
    preds = [_pred("big", i * 11 + 3, i * 11 + 10, text) for i in range(n)]
    preds.append(_pred("big", len(text) - 1, len(text), text))  # a spurious one at the very end
    ev = evaluate(preds, gold, {"big": text}, ["big"])
    score = ev.scores["percent"]
    assert (score.gold, score.predicted, score.strict_tp) == (n, n + 1, 0)
    assert (score.overlap_tp_gold, score.overlap_tp_pred) == (n, n)
    assert [d.what for d in ev.differences].count("boundary") == n
    assert ev.differences[-1].what == "spurious"
    assert all(d.gold is not None and d.predicted is not None and d.predicted.start == d.gold.start + 3
               for d in ev.differences[:-1])  # fmt: skip


def test_nested_and_shared_starts_pick_the_first_overlap() -> None:
    text = "x" * 60
    gold = [GoldMention(doc="d", kind="percent", start=s, end=e, text=text[s:e], normalized="1%")
            for s, e in ((0, 30), (40, 45))]  # fmt: skip
    preds = [_pred("d", 2, 4, text), _pred("d", 10, 50, text), _pred("d", 55, 58, text)]
    ev = evaluate(preds, gold, {"d": text}, ["d"])
    got = [(d.what, d.gold and d.gold.start, d.predicted and d.predicted.start) for d in ev.differences]
    assert got == [("boundary", 0, 2), ("boundary", 40, 10), ("spurious", None, 55)]
    assert ev.scores["percent"].overlap_tp_pred == 2


def test_per_document_scores_and_failed_documents() -> None:
    gold = [_gold("a", "10%", "10%"), _gold("a", "20%", "20%"), _gold("b", "30%", "30%"), _gold("b", "40%", "40%")]
    start = TEXT.index("10%")
    preds = [_pred("a", start, start + 3, TEXT, "10%"), _pred("b", 0, 4, TEXT)]  # b failed: its records are ignored
    ev = evaluate(preds, gold, {"a": TEXT}, ["a"], failed={"b": "is not UTF-8 (invalid byte at offset 3)"})
    assert ev.failed == {"b": "is not UTF-8 (invalid byte at offset 3)"} and not ev.perfect
    table = ev.document_table()
    assert (table["a"]["gold"], table["a"]["predicted"], table["a"]["strict_recall"]) == (2, 1, 0.5)
    assert (table["b"]["gold"], table["b"]["predicted"], table["b"]["strict_recall"]) == (2, 0, 0.0)
    assert ev.scores["percent"].gold == 4 and ev.scores["percent"].strict_tp == 1
    missed = [(d.gold.doc, d.gold.text) for d in ev.differences if d.what == "missed" and d.gold]
    assert missed == [("a", "20%"), ("b", "30%"), ("b", "40%")]
    md = markdown(ev)
    assert md.index("1 document failed") < md.index("| kind |") and "- b: is not UTF-8" in md
    assert terminal(ev).startswith("1 document failed")
    data = json.loads(as_json(ev))
    assert next(iter(data)) == "failed" and data["failed"] == {"b": "is not UTF-8 (invalid byte at offset 3)"}
    assert data["documents"]["b"]["percent"]["gold"] == 2 and data["documents"]["a"]["all"]["strict_f1"] == 0.6667


def test_messages_count_in_the_singular_and_print_null() -> None:
    gold = [_gold("a", "10%", None)]
    start = TEXT.index("10%")
    ev = evaluate([_pred("a", start, start + 3, TEXT, "10%")], gold, {"a": TEXT}, ["a"])
    out = terminal(ev)
    assert "\n1 difference:" in out and "→ null;" in out and "None" not in out


def test_a_run_counts_the_gold_of_a_failed_document_as_missed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "bad.txt").write_text(TEXT, encoding="utf-8")
    rows = [_gold(doc, piece, piece) for doc in ("bad", "good") for piece in ("10%", "20%", "30%", "40%")]
    (corpus / "gold.jsonl").write_text("".join(r.model_dump_json() + "\n" for r in rows), encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\xff" + TEXT.encode())  # broken after the gold was written
    assert run(corpus, tmp_path / "out", quiet=True) == 1
    data = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert list(data["failed"]) == ["bad"] and data["failed"]["bad"].startswith(
        "is not UTF-8 (invalid byte at offset 0)"
    )
    assert data["metrics"]["percent"]["gold"] == 8 and data["metrics"]["percent"]["strict_recall"] == 0.5
    assert (
        (tmp_path / "out" / "report.md")
        .read_text(encoding="utf-8")
        .startswith(
            "# Extraction against gold\n\n1 document failed; all their gold counts as missed:\n- bad: is not UTF-8"
        )
    )
    assert "1 document failed" in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
