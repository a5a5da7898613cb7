"""Property tests: offsets always point into the raw text, whatever the text holds.

MENTIONS.md: `start`/`end` are code-point offsets into the raw text, `text` is
exactly `raw[start:end]`, spans carry no surrounding white space, and
extraction runs on normalised text through an offset map.
"""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import extract
from pipeline.normalize import normalise, normalise_key, separate_glued

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ARABIC_LETTERS = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي"
DIACRITICS = "".join(chr(c) for c in range(0x064B, 0x0653))  # U+064B..U+0652
TATWEEL = "\u0640"
BIDI = "\u200e\u200f\u061c"
NBSP = "\u00a0"
ASCII_DIGITS = "0123456789"
INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
EXT_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
PUNCT = "%٪٫٬,.-/()"
EMOJI = "😀🇪🇬💰📈"
WORDS = [
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر", "كانون الثاني", "شباط", "آذار", "تموز", "جانفي", "فيفري", "أفريل", "ماي", "جوان",
    "جويلية", "أوت", "غشت", "شتنبر", "دجنبر", "محرم", "رمضان", "شوال", "ذو الحجة",
    "دولار", "دولارًا", "ريال", "ريالات", "جنيه", "يورو", "مليار", "مليون", "ألف", "آلاف", "$", "ر.س", "USD",
    "في المئة", "بالمئة", "في المائة", "عام", "العام", "سنة", "من", "إلى", "بين", "و", "في", "منذ", "حتى",
    "اليوم", "أمس", "غدًا", "الماضي", "المقبل", "قبل", "بعد", "شهرين", "هـ", "م", "سالب", "ناقص", "نحو",
    "الربع", "الثالث", "النصف", "الأول", "نهاية", "منتصف", "القرن", "العشرين", "الثمانينيات", "يوم", "الأحد",
    "الخميس", "عشرة", "عشرين", "خمسة", "ثلاثة", "مئة", "ونصف", "ربع",
    # issue 11: weeks, days of a month, rolling periods, months alone, `هال`, seasons, the weekend, spoken years
    "الأسبوع", "خميس", "ثاني", "آخر", "السابق", "الأيام", "الخمسة", "بقية", "ما تبقى", "بضعة", "القليلة", "هالشهر",
    "هالصيف", "الصيف", "الويكند", "عطلة نهاية الأسبوع", "شهر", "الشهر", "سبعة", "بتاريخ", "مواليد", "ألفين",
    "تسعة عشر", "السابع عشر", "بكرة", "خلال", "هذا",
]  # fmt: skip

_digit_alphabets = st.sampled_from([ASCII_DIGITS, INDIC_DIGITS, EXT_DIGITS])
NUMBERS = _digit_alphabets.flatmap(lambda a: st.text(alphabet=a, min_size=1, max_size=5)) | st.builds(
    lambda a, b, sep: a + sep + b,
    st.integers(0, 9999).map(str),
    st.integers(0, 999).map(str),
    st.sampled_from(list(",.٫٬ر،/-")),
)
SOUP = st.text(
    alphabet=ARABIC_LETTERS + DIACRITICS + TATWEEL + BIDI + NBSP + ASCII_DIGITS + INDIC_DIGITS + EXT_DIGITS
    + PUNCT + EMOJI + "abcXYZ \n\t",
    max_size=12,
)  # fmt: skip
PIECES = st.one_of(
    st.sampled_from(WORDS),
    NUMBERS,
    SOUP,
    st.sampled_from(list(PUNCT + EMOJI + BIDI + NBSP + TATWEEL + DIACRITICS)),
    st.sampled_from(["و", "ب", "بـ", "ل", "ف", "ال"]).flatmap(lambda p: st.sampled_from(WORDS).map(lambda w: p + w)),
    st.text(max_size=6),
)
SEPARATORS = st.sampled_from([" ", " ", " ", "", NBSP, "\n", " ، ", "\u200f", "\u200e ", TATWEEL, "\t"])


@st.composite
def texts(draw: st.DrawFn) -> str:
    pieces = draw(st.lists(PIECES, max_size=14))
    out = []
    for piece in pieces:
        out.append(piece)
        out.append(draw(SEPARATORS))
    return "".join(out)


REFS = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def _check_mentions(raw: str, ref: dt.date | None) -> None:
    mentions = extract(raw, reference_date=ref, doc="d")
    last_start = -1
    last_end: dict[str, int] = {}
    for m in mentions:
        assert 0 <= m.start < m.end <= len(raw), (m.start, m.end, len(raw))
        assert raw[m.start : m.end] == m.text, (m, raw)
        assert m.text == m.text.strip(), f"white space at the edge of {m.text!r}"
        assert m.doc == "d"
        assert m.start >= last_start, "mentions are not in text order"
        last_start = m.start
        assert m.start >= last_end.get(m.kind, 0), f"{m.kind} mentions overlap at {m.start} in {raw!r}"
        last_end[m.kind] = m.end


@SETTINGS
@given(texts(), REFS)
def test_offsets_on_mixed_text(raw: str, ref: dt.date | None) -> None:
    _check_mentions(raw, ref)


@SETTINGS
@given(st.text(max_size=60), REFS)
def test_offsets_on_any_text(raw: str, ref: dt.date | None) -> None:
    _check_mentions(raw, ref)


def _reference_spans(raw: str) -> list[tuple[int, int]]:
    """The offset map computed the obvious way, character by character: each
    kept character maps to itself; a deleted mark joins the letter before it
    when it is a diacritic or tatweel, and nothing otherwise (after the tatweels
    and zero-width characters that separate a number from a word are made a dash
    or a space)."""
    spans: list[list[int]] = []
    group: list[int] = []  # indices of spans from the last raw character kept
    for i, ch in enumerate(separate_glued(raw)):
        rep = normalise_key(ch)
        if rep:
            group = []
            for _ in rep:
                group.append(len(spans))
                spans.append([i, i + 1])
        elif (ch == "\u0640" or unicodedata.combining(ch)) and group and spans[group[-1]][1] == i:
            for k in group:
                spans[k][1] = i + 1
        else:
            group = []
    return [(a, b) for a, b in spans]


@SETTINGS
@given(st.one_of(texts(), st.text(max_size=40)))
def test_normalise_offset_map(raw: str) -> None:
    norm = normalise(raw)
    assert norm.raw == raw
    n = len(norm.text)
    if norm.identity:
        assert len(norm.text) == len(raw)
    assert [norm.raw_span(a, a + 1) for a in range(n)] == _reference_spans(raw), "differs from the simple map"
    spans = [norm.raw_span(a, a + 1) for a in range(n)]
    for a, (rs, re_) in enumerate(spans):
        assert 0 <= rs < re_ <= len(raw), (a, rs, re_, len(raw))
    for (s0, e0), (s1, e1) in itertools.pairwise(spans):
        assert s0 <= s1 and e0 <= e1, "offset map is not monotone"
    # every span [a, b): inside the raw text, and monotone in a and in b
    for a in range(n):
        prev_end = -1
        for b in range(a + 1, n + 1):
            rs, re_ = norm.raw_span(a, b)
            assert 0 <= rs < re_ <= len(raw)
            assert rs == spans[a][0]
            assert re_ >= prev_end
            prev_end = re_


# ---- marks inserted inside a known phrase change nothing but the offsets

PHRASES = [
    # (text, the mention's text, kind, normalized): the worked examples of MENTIONS.md
    ("في 20 أكتوبر 1947", "20 أكتوبر 1947", "date", "1947-10-20"),
    ("بـ78.3 مليار دولار", "78.3 مليار دولار", "money", "USD 78300000000"),
    ("من 1979 إلى 1989", "من 1979 إلى 1989", "date", "1979/1989"),
    ("و59٪ من السكان", "59٪", "percent", "59%"),
    ("لعام 2016", "عام 2016", "date", "2016"),
]


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" and ch != TATWEEL


@st.composite
def marked(draw: st.DrawFn, phrase: str) -> tuple[str, list[int]]:
    """The phrase with marks inserted; for each character of `phrase`, its index in the result."""
    out = ""
    index: list[int] = []
    for ch in phrase:
        if draw(st.booleans()):
            out += draw(st.sampled_from(BIDI))
        index.append(len(out))
        out += ch
        if _is_letter(ch):
            out += draw(st.text(alphabet=DIACRITICS + TATWEEL, max_size=2))
    return out, index


def _strip_marks(s: str) -> str:
    return "".join(c for c in s if c not in DIACRITICS + TATWEEL + BIDI)


@SETTINGS
@given(st.sampled_from(PHRASES).flatmap(lambda p: st.tuples(st.just(p), marked(p[0]))))
def test_marks_inside_a_phrase(case: tuple[tuple[str, str, str, str], tuple[str, list[int]]]) -> None:
    (phrase, span, kind, normalized), (raw, index) = case
    found = [m for m in extract(raw) if m.kind == kind]
    assert len(found) == 1, [(m.kind, m.text) for m in extract(raw)]
    m = found[0]
    assert m.normalized == normalized, (raw, m.text, m.normalized)
    assert raw[m.start : m.end] == m.text
    first = phrase.index(span)
    last = first + len(span) - 1
    assert m.start == index[first], f"span starts at {m.start}, phrase core at {index[first]}: {m.text!r}"
    assert m.end >= index[last] + 1, f"span {m.text!r} does not cover the phrase {span!r}"
    assert _strip_marks(m.text) == span, (m.text, span)
    assert m.text[-1] not in BIDI and not unicodedata.category(m.text[-1]).startswith("Z")
