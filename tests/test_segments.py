"""A long text is read in segments; the result must equal reading each piece alone."""

from __future__ import annotations

from pipeline import engine, extract

PARAGRAPH = (
    "في 20 أكتوبر 1947 قدمت الولايات المتحدة 78.3 مليار دولار أمريكي، وارتفع التضخم 59٪ "
    "من 1979 إلى 1989، وبلغ الدين 9 آلاف و200 مليار ريال.\n"
)


def test_segmented_text_equals_its_paragraphs() -> None:
    text = PARAGRAPH * (engine.SEGMENT // len(PARAGRAPH) * 3)
    assert len(engine._segments(text)) > 2
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


def test_document_qualifier_reaches_every_segment() -> None:
    # The qualifier appears only in the first paragraph; a bare name far later takes it.
    first = "تراجع الدرهم المغربي أمام اليورو.\n"
    filler = "تناول الاجتماع سبل تعزيز التعاون الثقافي بين المؤسسات.\n" * (engine.SEGMENT // 50)
    text = first + filler + "وبلغت القيمة 300 درهم.\n"
    found = extract(text)
    assert len(engine._segments(text)) > 1
    assert [(m.text, m.normalized) for m in found] == [("300 درهم", "MAD 300")]


def test_a_text_without_line_breaks_is_cut_at_spaces() -> None:
    text = PARAGRAPH.replace("\n", " ") * (engine.SEGMENT // len(PARAGRAPH) * 2)
    cuts = engine._segments(text)
    assert len(cuts) > 1 and all(text[b - 1] == " " for _, b in cuts[:-1])
    assert all(text[m.start : m.end] == m.text for m in extract(text))
