"""Periods and their parts: centuries, decades, quarters and halves, modifiers
(`منتصف`, `أواخر`), seasons of a year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ...calendars import Point, Span, century_of, century_range, hijri_to_gregorian
from ...lexicon import LexMatch
from ...particles import ARTICLE, MIN
from ...records import DatePoint, DateValue, Granularity
from ...tokens import Tokens
from ..base import Candidate, Ordinal, date_candidate, joiner, ordinal
from ..registry import date_rule
from .common import (
    YEAR_MAX,
    YEAR_MIN,
    date_point,
    era_at,
    four_digit_year,
    modifier_name,
    month_name,
    plain_year,
    point_candidate,
    rel_value,
    season_name,
    shift_at,
)
from .points import point, year_noun_year
from .relative import relative_named, relative_period


def _century_number(toks: Tokens, i: int) -> Ordinal | None:
    """`التاسع عشر`, `19`, `الـ20` after a century noun."""
    o = ordinal(toks, i)
    if o is not None and o.clitic == 0:
        return o if o.value >= 1 else None
    if toks.word(i) == ARTICLE and toks.adjacent(i + 1):
        i += 1  # القرن الـ20
    c = plain_year(toks, i, 1, 21)
    if c is not None:
        return Ordinal(c, i + 1, 0)
    return None


def _century_value(first: int, last: int) -> DateValue:
    return DateValue(granularity="century", start=DatePoint(year=(first - 1) * 100 + 1), end=DatePoint(year=last * 100))


_PERIOD_YEARS = {"century": 100, "decade": 10}


def periods_spanned(c: Candidate) -> int | None:
    """How many centuries or decades a century or decade reading covers: 1 for one
    (a relative one too, whose years may be unknown), 2 or more for a pair read as
    one range (`القرنين السادس عشر والسابع عشر`); None for any other reading."""
    v = c.value
    if not isinstance(v, DateValue) or v.granularity not in _PERIOD_YEARS:
        return None
    if v.start is None or v.end is None or v.start.year is None or v.end.year is None:
        return 1
    return (v.end.year - v.start.year + 1) // _PERIOD_YEARS[v.granularity]


@date_rule("century", starts={"century_noun"}, labels=("century", "centuries", "relative_century"))
def century(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`القرن التاسع عشر`, `القرن 19`, `القرنين السادس عشر والسابع عشر`, `القرن الماضي`."""
    noun = toks.find(i, "century_noun")
    if noun is None:
        return None
    if noun.entry.text_value == "dual":
        a = _century_number(toks, noun.end)
        if a is None:
            return None
        j = joiner(toks, a.end)
        if j is None:
            return None
        o = ordinal(toks, j)
        if o is None or (j == a.end and o.clitic != 1):
            return None
        lo, hi = sorted((a.value, o.value))
        end = o.end
        era = era_at(toks, end)
        if era is not None:
            if era.calendar != "gregorian":
                return None
            end = era.end  # القرنين الثاني عشر والثالث عشر الميلاديين
        when = Span(century_range(lo).first, century_range(hi).last)
        return date_candidate(i, end, noun.clitic, when, _century_value(lo, hi), "centuries")
    c = _century_number(toks, noun.end)
    if c is not None:
        end = c.end
        era = era_at(toks, end)
        if era is not None:
            if era.calendar != "gregorian":
                return None  # القرن الخامس قبل الميلاد; Hijri centuries are not converted
            end = era.end  # القرن السابع الميلادي
        return date_candidate(i, end, noun.clitic, century_range(c.value), _century_value(c.value, c.value), "century")
    rel = shift_at(toks, noun.end)
    if rel is not None:
        rel_when = century_range(century_of(ref.year) + rel.n) if ref else None
        value = DateValue(granularity="century", relative=True)
        return date_candidate(i, rel.end, noun.clitic, rel_when, value, "relative_century")
    return None


@date_rule(
    "decade",
    starts={"decade_noun", "decade_word"},
    labels=("decade", "decades", "decade_century", "decade_of_century"),
    prefixes=("decade_noun_",),
)
def decade(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الثمانينيات`, `عقد الثمانينيات`, `ثمانينات القرن العشرين`, `تسعينيات القرن الماضي`,
    `الستينيات والسبعينيات` (two decades, one range), `العقد الأخير من القرن العشرين`."""
    head = toks.find(i, "decade_noun")
    if head is not None:
        nth = _decade_of_century(toks, head.end, ref)
        if nth is not None:
            return replace(nth, start=i, clitic=head.clitic)
        inner = _one_decade(toks, head.end, ref, pair=True)  # عقد الثمانينيات
        if inner is None or inner.clitic:
            return None
        return replace(inner, start=i, clitic=head.clitic, rule="decade_noun_" + inner.rule)
    return _one_decade(toks, i, ref, pair=True)


def _decade_of_century(toks: Tokens, k: int, ref: dt.date | None) -> Candidate | None:
    """The ordinal and century after a decade noun (`الأخير من القرن العشرين` → `1990/1999`,
    `الأول من القرن الحادي والعشرين` → `2000/2009`): the n-th ten of the century's hundred years,
    named like a decade word (the tenth decade of the 20th century is its nineties). The caller
    sets the start; the century may be relative (`العقد الثالث من القرن الماضي`)."""
    o = ordinal(toks, k)
    if o is None or o.clitic != 0 or toks.word(o.end) != MIN:
        return None
    n = 10 if o.value == 0 else o.value  # الأخير: the last of ten
    cent = century(toks, o.end + 1, ref)
    if not 1 <= n <= 10 or cent is None or not isinstance(cent.value, DateValue):
        return None
    relative = cent.value.relative
    if relative and cent.when is None:
        return date_candidate(k, cent.end, 0, None, rel_value("decade"), "decade_of_century")
    years = _years_of(cent)
    if years is None or periods_spanned(cent) != 1:
        return None  # القرنين …: two centuries have no n-th decade
    lo = years[0] - 1 + (n - 1) * 10
    value = DateValue(granularity="decade", start=DatePoint(year=lo), end=DatePoint(year=lo + 9), relative=relative)
    return date_candidate(k, cent.end, 0, Span.years(lo, lo + 9), value, "decade_of_century")


def _one_decade(toks: Tokens, i: int, ref: dt.date | None, pair: bool) -> Candidate | None:
    dw = toks.find(i, "decade_word")
    if dw is None:
        return None
    d = dw.entry.int_value
    k = dw.end + 1 if toks.word(dw.end) == MIN else dw.end
    if toks.find(k, "age_noun") is not None:
        return None  # في العشرينيات من عمره: an age
    cent = century(toks, k, ref)
    if cent is not None and periods_spanned(cent) == 1:
        end, relative = cent.end, isinstance(cent.value, DateValue) and cent.value.relative
        years = _years_of(cent)
        if years is None:
            return date_candidate(i, end, dw.clitic, None, rel_value("decade"), "decade_century")
        base = years[0] - 1
    else:
        if not toks.words[i][dw.clitic :].startswith(ARTICLE):
            return None  # ثمانينيات alone (no article, no century) is too vague
        end, relative, base = dw.end, False, 1900
    lo, hi = base + d, base + d + 9
    rule = "decade"
    j = joiner(toks, dw.end) if end == dw.end and pair else None
    if j is not None:  # الستينيات والسبعينيات: two decades in one phrase are one range
        second = _one_decade(toks, j, ref, pair=False)
        if second is not None and periods_spanned(second) == 1 and (j != dw.end or second.clitic == 1):
            years = _years_of(second)
            if years is not None and years[0] > lo:
                hi, end, rule = years[1], second.end, "decades"
    value = DateValue(granularity="decade", start=DatePoint(year=lo), end=DatePoint(year=hi), relative=relative)
    return date_candidate(i, end, dw.clitic, Span.years(lo, hi), value, rule)


def _years_of(c: Candidate) -> tuple[int, int] | None:
    """The first and last year of a candidate that spans whole years (a century, a decade)."""
    w = c.when
    if isinstance(w, Span) and w.first.year is not None and w.last.year is not None and w.first.month is None:
        return w.first.year, w.last.year
    return None


def _anaphoric_year(toks: Tokens, k: int) -> bool:
    """`العام نفسه`, `السنة ذاتها`: a year named by reference to another one."""
    period = toks.find(k, "year_noun", "relative_period_noun")
    return period is not None and toks.find(period.end, "anaphor", clitic=False) is not None


def _year_of_part(toks: Tokens, k: int, ref: dt.date | None) -> tuple[int | None, int] | None:
    """The year a part of a year belongs to, at token k: `2024`, `عام 2021`,
    `العام الماضي` (its year, or None without a reference date), and the token
    after it; None when no year is written there."""
    p = year_noun_year(toks, k)
    if p is not None:
        return p.point.year, p.end
    y = four_digit_year(toks, k)
    if y is not None:
        return y, k + 1
    rel = relative_period(toks, k, ref)
    if rel is not None and isinstance(rel.value, DateValue) and rel.value.granularity == "year":
        return (rel.when.year if isinstance(rel.when, Point) else None), rel.end
    return None


@date_rule("months_of_year", starts={"months_count_noun"})
def _months_of_year(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الأشهر التسعة الأولى من 2023` → `2023-01/2023-09`; `الأشهر الثلاثة الأخيرة من العام
    الماضي` → the last three months of that year."""
    noun = toks.find(i, "months_count_noun")
    if noun is None:
        return None
    w = toks.word(noun.end)
    if not w.startswith(ARTICLE):
        return None
    count = next(
        (m for m in toks.lex.lookup([w[len(ARTICLE) :]], 0) if m.entry.role == "num_unit" and m.clitic == 0), None
    )  # التسعة: the number with the article
    which = toks.find(noun.end + 1, "ord_ordinal", clitic=False)
    if count is None or which is None or which.entry.int_value not in (0, 1):
        return None
    n = int(count.entry.number)
    if not 1 <= n <= 11:
        return None
    k = which.end + 1 if toks.word(which.end) == MIN else which.end
    found = None if _anaphoric_year(toks, k) else _year_of_part(toks, k, ref)  # من العام نفسه: anaphora
    if found is None:
        return None
    year, end = found
    first_month = 1 if which.entry.int_value == 1 else 13 - n
    if year is None:
        return date_candidate(i, end, noun.clitic, None, rel_value("month"), "months_of_year")
    lo, hi = Point(year, first_month), Point(year, first_month + n - 1)
    value = DateValue(granularity="month", start=date_point(lo), end=date_point(hi))
    return date_candidate(i, end, noun.clitic, Span(lo, hi), value, "months_of_year")


@date_rule(
    "part",
    starts={"part_noun", "part_noun_dual"},
    labels=("part_of_year", "part_relative", "part_of_century", "part_of_decade"),
)
def _part(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الربع الثالث من 2024`, `النصف الأول من عام 2021`, `الربع الأول` (relative),
    `الربعين الثالث والرابع من 2023` (two parts, one range)."""
    noun = toks.find(i, "part_noun", "part_noun_dual")
    if noun is None:
        return None
    part = noun.entry.text_value
    o = ordinal(toks, noun.end)
    if o is None or o.clitic != 0:
        return None
    n, end = o.value, o.end
    size = toks.lex.part_months.get(part)  # months in the part (lexicons/period_parts.tsv)
    if size is None:
        return None
    gran: Granularity = "quarter" if part == "quarter" else "half"
    n_last = n
    if noun.entry.role == "part_noun_dual":
        j = joiner(toks, end)
        o2 = ordinal(toks, j) if j is not None else None
        if o2 is None or (j == end and o2.clitic != 1) or o2.value <= n:
            return None
        n_last, end = o2.value, o2.end
    if n == 0:
        n = n_last = 12 // size  # الربع الأخير
    if not 1 <= n <= n_last <= 12 // size:
        return None
    k = end + 1 if toks.word(end) == MIN else end
    if _anaphoric_year(toks, k):
        return None  # الربع الثالث من العام نفسه: anaphora
    span = century(toks, k, ref) or decade(toks, k, ref)
    if span is not None:
        of_span = _part_of_span(span, 12 // size, n, n_last)
        if of_span is not None:
            return replace(of_span, start=i, clitic=noun.clitic)
    found = _year_of_part(toks, k, ref)
    if found is not None:
        year, end = found
    elif toks.find(i, "ambiguous_part") is not None:
        return None  # الفصل الثالث من الرواية: a chapter, unless a year follows
    else:
        year = ref.year if ref is not None else None  # الربع الأول: the reference year
    if year is None:
        return date_candidate(i, end, noun.clitic, None, rel_value(gran), "part_relative")
    lo, hi = Point(year, (n - 1) * size + 1), Point(year, n_last * size)
    value = DateValue(granularity=gran, start=date_point(lo), end=date_point(hi))
    return date_candidate(i, end, noun.clitic, Span(lo, hi), value, "part_of_year")


def _part_of_span(span: Candidate, count: int, n: int, n_last: int) -> Candidate | None:
    """Parts n…n_last of `count` of a century's or decade's years (`النصف الثاني من القرن العشرين`
    → `1951/2000`); the caller sets the start. None when `span` is not one such period or does not divide."""
    if periods_spanned(span) != 1:
        return None
    if span.when is None:
        value = DateValue(granularity="year", relative=True)  # النصف الأول من القرن الماضي, no reference date
        return date_candidate(span.start, span.end, 0, None, value, "part_of_century")
    years = _years_of(span)
    if years is None:
        return None
    first, last = years
    length, rest = divmod(last - first + 1, count)
    if rest:
        return None
    lo, hi = first + length * (n - 1), first + length * n_last - 1
    value = DateValue(granularity="year", start=DatePoint(year=lo), end=DatePoint(year=hi))
    of_century = isinstance(span.value, DateValue) and span.value.granularity == "century"
    return date_candidate(
        span.start, span.end, 0, Span.years(lo, hi), value, "part_of_century" if of_century else "part_of_decade"
    )


def _current_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`العام`, `الشهر` with nothing after them, under a modifier (`منذ مطلع العام`):
    the current year or month of the document."""
    period = toks.find(i, "relative_period_noun", clitic=False)
    if period is None or period.entry.text_value not in ("year", "month"):
        return None
    if toks.has_digit(period.end) or (
        toks.find(period.end, "relative_modifier", "anaphor", "fiscal_noun", "month_epithet") is not None
    ):
        return None  # not العام 2020, الشهر الماضي, الشهر الفضيل (Ramadan)
    year = period.entry.text_value == "year"
    when = None
    if ref is not None:
        when = Point(ref.year) if year else Point(ref.year, ref.month)
    return date_candidate(i, period.end, 0, when, rel_value("year" if year else "month"), "current_period")


# Its own labels are the inner readings only it makes: a bare month, a bare year, the current period.
@date_rule(
    "modifier",
    starts={"period_modifier", "relative_period_modifier"},
    labels=("month", "marked_year", "current_period"),
    prefixes=("modifier_",),
)
def _modifier(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`منتصف مارس 2024`, `أواخر 2019`, `مطلع العام 2020`, `نهاية العام المقبل`, `أول الشهر الجاي`."""
    mod = toks.find(i, "period_modifier")
    if mod is None:
        # أول (an ordinal before a month or a count) modifies only a relative or current period
        mod = toks.find(i, "relative_period_modifier")
        if mod is None:
            return None
        return _modified(i, mod, [relative_period(toks, mod.end, ref), _current_period(toks, mod.end, ref)])
    k = mod.end
    options: list[Candidate | None] = []
    p = point(toks, k)
    if p is not None:
        options.append(point_candidate(p))
    options.append(_marked_year(toks, k))  # نهاية 2027: the modifier marks the year
    mo = month_name(toks, k)
    if mo is not None:  # the modifier vouches for an ambiguous name (أواخر ماي)
        hijri = mo.calendar == "hijri"  # a Hijri month without a year has no Gregorian value
        value = DateValue(calendar=mo.calendar, granularity="month", start=DatePoint(month=mo.number))
        options.append(date_candidate(k, mo.end, 0, None if hijri else Point(None, mo.number), value, "month"))
    for rule in (relative_named, relative_period, decade, century, _part):
        options.append(rule(toks, k, ref))  # بداية شهر أوت الماضي, نهاية السداسي الثاني من 2024
    options.append(_season(toks, k))  # نهاية السنة المالية 2025
    options.append(_current_period(toks, k, ref))  # منذ مطلع العام: this year
    return _modified(i, mod, options)


def _modified(i: int, mod: LexMatch, options: list[Candidate | None]) -> Candidate | None:
    """The longest of the readings after a modifier, with the modifier in its value and span."""
    found = [c for c in options if c is not None]
    if not found:
        return None
    inner = max(found, key=lambda c: c.end)  # the first of the longest, in the order given
    assert isinstance(inner.value, DateValue)
    value = inner.value.model_copy(update={"modifier": modifier_name(mod.entry.text_value)})
    return date_candidate(i, inner.end, mod.clitic, inner.when, value, "modifier_" + inner.rule)


def _marked_year(toks: Tokens, k: int) -> Candidate | None:
    """Four digits that a word before them marks as a year (`نهاية 2027`, `صيف 2006`)."""
    y = four_digit_year(toks, k)
    if y is None:
        return None
    return date_candidate(k, k + 1, 0, Point(y), DateValue(granularity="year", start=DatePoint(year=y)), "marked_year")


@date_rule("season_of_year", starts={"season"})
def _season_of_year(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`صيف 2006`, `شتاء العام الماضي`: the year's value, the season in `value`."""
    season = toks.find(i, "season")
    if season is None or toks.find(i, "hmonth") is not None:
        return None
    k = season.end
    inner = _marked_year(toks, k)
    if inner is None:
        p = year_noun_year(toks, k)
        inner = point_candidate(p) if p is not None else relative_period(toks, k, ref)
    if inner is None or not isinstance(inner.value, DateValue) or inner.value.granularity != "year":
        return None
    value = inner.value.model_copy(update={"season": season_name(season.entry.text_value)})
    return date_candidate(i, inner.end, season.clitic, inner.when, value, "season_of_year")


_SEASON = re.compile(r"([0-9]{4})/([0-9]{4})")


@date_rule("season", starts={"digit", "fiscal_noun", "year_noun"}, labels=("season_years",), families=("fiscal_",))
def _season(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`2022/2023`, `موسم 2022/2023`, `العام المالي 2026/2027`: two consecutive years."""
    k, clitic, rule = i, 0, "season_years"
    head = toks.find(i, "fiscal_noun", "year_noun")
    if head is not None:
        k, clitic, rule = head.end, head.clitic, "fiscal_" + (head.entry.text_value or "year")
        if (
            head.entry.role == "fiscal_noun"
            and toks.word(k).startswith(ARTICLE)
            and _SEASON.fullmatch(toks.word(k + 1))
        ):
            k += 1  # الموسم الزراعي 2023/2024: one adjective between
    word = toks.word(k)
    if (
        head is not None
        and toks.is_int(k)
        and toks.word(k + 1) == "-"
        and toks.adjacent(k + 1)
        and toks.adjacent(k + 2)
    ):
        word = f"{word}/{toks.word(k + 2)}"  # العام المالي 2023-2024
        if _SEASON.fullmatch(word):
            k += 2
    m = _SEASON.fullmatch(word)
    if m is None:
        if head is not None and head.entry.role == "fiscal_noun":
            return _fiscal_year(toks, i, k, clitic, rule)
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if b != a + 1 or not YEAR_MIN <= a <= YEAR_MAX:
        return None
    value = DateValue(granularity="year", start=DatePoint(year=a), end=DatePoint(year=b))
    return date_candidate(i, k + 1, clitic, Span.years(a, b), value, rule)


def _fiscal_year(toks: Tokens, i: int, k: int, clitic: int, rule: str) -> Candidate | None:
    """One year after a fiscal noun at token k: `السنة المالية 2025`, `موسم 1444هـ` (a Hijri year)."""
    y = plain_year(toks, k, 1, 9999)
    if y is None or len(toks.words[k]) < 3:
        return None
    era = era_at(toks, k + 1)
    if era is not None and era.calendar == "hijri":  # موسم 1444هـ: a Hijri year
        value = DateValue(calendar="hijri", granularity="year", start=DatePoint(year=y))
        return date_candidate(i, era.end, clitic, hijri_to_gregorian(Point(y)), value, rule)
    end = era.end if era is not None and era.calendar == "gregorian" else k + 1
    if end == k + 1 and not YEAR_MIN <= y <= YEAR_MAX:
        return None
    return date_candidate(i, end, clitic, Point(y), DateValue(granularity="year", start=DatePoint(year=y)), rule)
