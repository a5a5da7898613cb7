"""The shipped corpus is reproduced exactly: every gold mention, no more, with its value."""

from __future__ import annotations

from pathlib import Path

from pipeline import extract
from pipeline.corpus import discover, read_meta, read_text
from pipeline.evaluate import KINDS, Difference, Evaluation, Span, evaluate
from pipeline.gold import load_gold
from pipeline.records import Mention

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _run() -> tuple[Evaluation, list[Mention]]:
    meta = read_meta(CORPUS)
    texts: dict[str, str] = {}
    mentions: list[Mention] = []
    for doc in discover(CORPUS):
        texts[doc.id] = read_text(doc.path)
        mentions.extend(extract(texts[doc.id], reference_date=meta.get(doc.id), doc=doc.id))
    records, problems = load_gold(CORPUS / "gold.jsonl")
    assert not problems, [str(p) for p in problems]
    return evaluate(mentions, [r for _, r in records], texts, texts.keys()), mentions


def _show(s: Span | None) -> str:
    return "—" if s is None else f"{s.start}:{s.end} {s.text!r} -> {s.normalized}"


def _describe(d: Difference) -> str:
    where = d.gold or d.predicted
    assert where is not None
    return (
        f"{d.what:<12} {where.doc} [{where.kind}]\n"
        f"    gold:      {_show(d.gold)}\n"
        f"    predicted: {_show(d.predicted)}\n"
        f"    context:   {d.context}"
    )


def test_corpus_is_reproduced() -> None:
    ev, mentions = _run()
    assert mentions, "nothing extracted from the corpus"
    report = "\n".join(_describe(d) for d in ev.differences)
    assert not ev.differences, f"{len(ev.differences)} differences from corpus/gold.jsonl:\n{report}"
    table = ev.table()
    for kind in KINDS:
        assert table[kind]["gold"], f"the corpus has no {kind} gold"
        assert table[kind]["strict_f1"] == 1.0, f"{kind}: {table[kind]}"
        assert table[kind]["value_accuracy"] == 1.0, f"{kind}: {table[kind]}"


def test_every_document_has_gold() -> None:
    records, _ = load_gold(CORPUS / "gold.jsonl")
    docs = {d.id for d in discover(CORPUS)}
    assert docs == {r.doc for _, r in records}, docs ^ {r.doc for _, r in records}


def test_no_shipped_document_has_unreviewed_drafts() -> None:
    records, _ = load_gold(CORPUS / "gold.jsonl")
    drafted = sorted({r.doc for _, r in records if r.draft})
    assert not drafted, f"review the draft gold of {drafted} (python -m pipeline gold list DOC; gold accept/reject/add)"
