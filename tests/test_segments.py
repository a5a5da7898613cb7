"""A long text is read in pieces; a document's mentions must not depend on its length
or on where the pieces are cut, mentions across a line break included."""

from __future__ import annotations

import random

from pipeline import extract
from pipeline.segments import SEGMENT, pieces

PARAGRAPH = (
    "في 20 أكتوبر 1947 قدمت الولايات المتحدة 78.3 مليار دولار أمريكي، وارتفع التضخم 59٪ "
    "من 1979 إلى 1989، وبلغ الدين 9 آلاف و200 مليار ريال.\n"
)
# Mentions that cross a line break: found in a short text, and so in a long one.
ACROSS = "ووقعت الاتفاقية في 20 أكتوبر\n1947 وبلغت الكلفة 5\nملايين دولار بين 5 و\n10 في المئة.\n"
FILLER = "تناول الاجتماع سبل تعزيز التعاون الثقافي بين المؤسسات التعليمية والقرى.\n"


def _key(ms: list) -> list[tuple[str, str, str | None]]:  # type: ignore[type-arg]
    return [(m.kind, m.text, m.normalized) for m in ms]


def test_segmented_text_equals_its_paragraphs() -> None:
    text = PARAGRAPH * (SEGMENT // len(PARAGRAPH) * 3)
    assert sum(1 for _ in pieces([text])) > 2
    found = extract(text)
    one = extract(PARAGRAPH)
    assert [m.normalized for m in one] == [
        "1947-10-20", "USD 78300000000", "59%", "1979/1989", "SAR 9200000000000",
    ]  # fmt: skip
    assert len(found) == len(one) * text.count("\n")
    for m in found:
        assert text[m.start : m.end] == m.text
    k = len(one)
    for n, m in enumerate(found):
        ref = one[n % k]
        assert (m.kind, m.text, m.normalized) == (ref.kind, ref.text, ref.normalized)


def test_a_text_embedded_anywhere_in_a_long_document_keeps_its_mentions() -> None:
    alone = extract(ACROSS)
    assert [m.normalized for m in alone] == ["1947-10-20", "USD 5000000", "5%/10%"]
    filler = FILLER * (1_000_000 // len(FILLER))
    rng = random.Random(7)
    cuts = [0, len(filler), *(filler.index("\n", rng.randrange(len(filler) - 200)) + 1 for _ in range(6))]
    for at in cuts:
        doc = filler[:at] + ACROSS + filler[at:]
        found = extract(doc)
        assert [(m.start - at, m.end - at) for m in found] == [(m.start, m.end) for m in alone], at
        assert _key(found) == _key(alone)


def test_cuts_in_the_middle_of_a_mention_lose_nothing() -> None:
    # Small pieces force cuts inside mentions: the context around each piece reads them whole.
    text = (PARAGRAPH + ACROSS) * 40
    whole = [(m.start, m.end, m.normalized) for m in extract(text)]
    from pipeline.engine import extract_piece

    for segment in (300, 517, 1000):
        parts = list(pieces([text], segment=segment, context=200))
        assert len(parts) > 5
        got = [(m.start, m.end, m.normalized) for p in parts for m in extract_piece(p, None, None, {})]
        assert got == whole, segment


def test_streamed_chunks_cut_like_a_whole_text() -> None:
    text = (PARAGRAPH + FILLER * 50) * 300
    whole = [(p.offset, p.own_start, p.own_end, p.last) for p in pieces([text])]
    chunks = [text[i : i + 65_537] for i in range(0, len(text), 65_537)]
    assert [(p.offset, p.own_start, p.own_end, p.last) for p in pieces(chunks)] == whole
    assert sum(p.own_end - p.own_start for p in pieces(chunks)) == len(text)


def test_document_qualifier_reaches_every_piece() -> None:
    # The qualifier appears only in the first paragraph; a bare name far later takes it.
    first = "تراجع الدرهم المغربي أمام اليورو.\n"
    filler = "تناول الاجتماع سبل تعزيز التعاون الثقافي بين المؤسسات.\n" * (SEGMENT // 50)
    text = first + filler + "وبلغت القيمة 300 درهم.\n"
    found = extract(text)
    assert sum(1 for _ in pieces([text])) > 1
    assert [(m.text, m.normalized) for m in found] == [("300 درهم", "MAD 300")]


def test_a_text_without_line_breaks_is_cut_at_spaces() -> None:
    text = PARAGRAPH.replace("\n", " ") * (SEGMENT // len(PARAGRAPH) * 2)
    parts = list(pieces([text]))
    assert len(parts) > 1 and all(p.text[p.own_end - 1] == " " for p in parts[:-1])
    assert all(text[m.start : m.end] == m.text for m in extract(text))
