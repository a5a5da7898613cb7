"""Periods and their parts: centuries, decades, quarters and halves, modifiers
(`منتصف`, `أواخر`), seasons of a year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ...calendars import (
    Point,
    century_of,
    century_range,
    hijri_to_gregorian,
    range_str,
)
from ...lexicon import as_fraction
from ...particles import ARTICLE, MIN
from ...records import DatePoint, DateValue, Granularity, Modifier
from ...tokens import Tokens
from ..base import Candidate, joiner, ordinal
from ..registry import date_rule
from .points import (
    YEAR_MAX,
    YEAR_MIN,
    _arg,
    _dp,
    _era,
    _month,
    _plain_year,
    _point_cand,
    _year_noun_year,
    point,
)
from .relative import (
    _rel_value,
    _relative_named,
    _relative_period,
)


def _century_number(toks: Tokens, i: int) -> tuple[int, int] | None:
    o = ordinal(toks, i)
    if o is not None and o[2] == 0:
        return (o[0], o[1]) if o[0] >= 1 else None
    if toks.word(i) == ARTICLE and toks.adjacent(i + 1):
        i += 1  # القرن الـ20
    c = _plain_year(toks, i, 1, 21)
    if c is not None:
        return c, i + 1
    return None


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
def _century(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`القرن التاسع عشر`, `القرن 19`, `القرنين السادس عشر والسابع عشر`, `القرن الماضي`."""
    noun = toks.find(i, "century_noun")
    if noun is None:
        return None
    if noun.entry.value == "dual":
        a = _century_number(toks, noun.end)
        if a is None:
            return None
        j = joiner(toks, a[1])
        if j is None:
            return None
        o = ordinal(toks, j)
        if o is None or (j == a[1] and o[2] != 1):
            return None
        lo, hi = sorted((a[0], o[0]))
        norm = f"{century_range(lo).split('/')[0]}/{century_range(hi).split('/')[1]}"
        value = DateValue(granularity="century", start=DatePoint(year=(lo - 1) * 100 + 1), end=DatePoint(year=hi * 100))
        end = o[1]
        era = _era(toks, end)
        if era is not None:
            if era[0] != "gregorian":
                return None
            end = era[1]  # القرنين الثاني عشر والثالث عشر الميلاديين
        return Candidate("date", i, end, noun.clitic, norm, value, "centuries")
    c = _century_number(toks, noun.end)
    if c is not None:
        end = c[1]
        era = _era(toks, end)
        if era is not None:
            if era[0] != "gregorian":
                return None  # القرن الخامس قبل الميلاد; Hijri centuries are not converted
            end = era[1]  # القرن السابع الميلادي
        value = DateValue(
            granularity="century", start=DatePoint(year=(c[0] - 1) * 100 + 1), end=DatePoint(year=c[0] * 100)
        )
        return Candidate("date", i, end, noun.clitic, century_range(c[0]), value, "century")
    rel = _arg(toks, noun.end, "relative_modifier", clitic=False)
    if rel is not None:
        rel_norm = century_range(century_of(ref.year) + int(rel[0])) if ref else None
        value = DateValue(granularity="century", relative=True)
        return Candidate("date", i, rel[1], noun.clitic, rel_norm, value, "relative_century")
    return None


@date_rule(
    "decade",
    starts={"decade_noun", "decade_word"},
    labels=("decade", "decades", "decade_century"),
    prefixes=("decade_noun_",),
)
def _decade(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الثمانينيات`, `عقد الثمانينيات`, `ثمانينات القرن العشرين`, `تسعينيات القرن الماضي`,
    `الستينيات والسبعينيات` (two decades, one range)."""
    head = toks.find(i, "decade_noun")
    if head is not None:
        inner = _one_decade(toks, head.end, ref, pair=True)  # عقد الثمانينيات
        if inner is None or inner.clitic:
            return None
        return replace(inner, start=i, clitic=head.clitic, rule="decade_noun_" + inner.rule)
    return _one_decade(toks, i, ref, pair=True)


def _one_decade(toks: Tokens, i: int, ref: dt.date | None, pair: bool) -> Candidate | None:
    dw = toks.find(i, "decade_word")
    if dw is None:
        return None
    d = int(str(dw.entry.value))
    k = dw.end + 1 if toks.word(dw.end) == MIN else dw.end
    if toks.find(k, "age_noun") is not None:
        return None  # في العشرينيات من عمره: an age
    cent = _century(toks, k, ref)
    if cent is not None and periods_spanned(cent) == 1:
        end, relative = cent.end, isinstance(cent.value, DateValue) and cent.value.relative
        if cent.normalized is None:
            return Candidate(
                "date", i, end, dw.clitic, None, DateValue(granularity="decade", relative=True), "decade_century"
            )
        base = int(cent.normalized[:4]) - 1
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
            if second.normalized and int(second.normalized[:4]) > lo:
                hi, end, rule = int(second.normalized[5:9]), second.end, "decades"
    value = DateValue(granularity="decade", start=DatePoint(year=lo), end=DatePoint(year=hi), relative=relative)
    return Candidate("date", i, end, dw.clitic, f"{lo:04d}/{hi:04d}", value, rule)


def _anaphoric_year(toks: Tokens, k: int) -> bool:
    """`العام نفسه`, `السنة ذاتها`: a year named by reference to another one."""
    period = toks.find(k, "year_noun", "relative_period_noun")
    return period is not None and toks.find(period.end, "anaphor", clitic=False) is not None


def _year_of_part(toks: Tokens, k: int, ref: dt.date | None) -> tuple[int | None, int] | None:
    """The year a part of a year belongs to, at token k: `2024`, `عام 2021`,
    `العام الماضي` (its year, or None without a reference date), and the token
    after it; None when no year is written there."""
    p = _year_noun_year(toks, k)
    if p is not None:
        return p.point.year, p.end
    y = _plain_year(toks, k, YEAR_MIN, YEAR_MAX)
    if y is not None and len(toks.words[k]) == 4:
        return y, k + 1
    rel = _relative_period(toks, k, ref)
    if rel is not None and isinstance(rel.value, DateValue) and rel.value.granularity == "year":
        return (int(rel.normalized) if rel.normalized else None), rel.end
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
    if count is None or which is None or int(str(which.entry.value)) not in (0, 1):
        return None
    n = int(as_fraction(count.entry.value))
    if not 1 <= n <= 11:
        return None
    k = which.end + 1 if toks.word(which.end) == MIN else which.end
    found = None if _anaphoric_year(toks, k) else _year_of_part(toks, k, ref)  # من العام نفسه: anaphora
    if found is None:
        return None
    year, end = found
    first_month = 1 if int(str(which.entry.value)) == 1 else 13 - n
    if year is None:
        return Candidate("date", i, end, noun.clitic, None, _rel_value("month"), "months_of_year")
    lo, hi = Point(year, first_month), Point(year, first_month + n - 1)
    value = DateValue(granularity="month", start=_dp(lo), end=_dp(hi))
    return Candidate("date", i, end, noun.clitic, range_str(lo, hi), value, "months_of_year")


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
    part = str(noun.entry.value)
    o = ordinal(toks, noun.end)
    if o is None or o[2] != 0:
        return None
    n, end = o[0], o[1]
    size = toks.lex.part_months.get(part)  # months in the part (lexicons/period_parts.tsv)
    if size is None:
        return None
    gran: Granularity = "quarter" if part == "quarter" else "half"
    n_last = n
    if noun.entry.role == "part_noun_dual":
        j = joiner(toks, end)
        o2 = ordinal(toks, j) if j is not None else None
        if o2 is None or (j == end and o2[2] != 1) or o2[0] <= n:
            return None
        n_last, end = o2[0], o2[1]
    if n == 0:
        n = n_last = 12 // size  # الربع الأخير
    if not 1 <= n <= n_last <= 12 // size:
        return None
    k = end + 1 if toks.word(end) == MIN else end
    if _anaphoric_year(toks, k):
        return None  # الربع الثالث من العام نفسه: anaphora
    span = _century(toks, k, ref) or _decade(toks, k, ref)
    one = span is not None and periods_spanned(span) == 1
    if span is not None and one and span.normalized is None:
        value = DateValue(granularity="year", relative=True)  # النصف الأول من القرن الماضي, no reference date
        return Candidate("date", i, span.end, noun.clitic, None, value, "part_of_century")
    if span is not None and one and span.normalized:
        # النصف الثاني من القرن العشرين: a share of a century's or decade's years
        first, last = int(span.normalized[:4]), int(span.normalized[5:9])
        count = 12 // size  # parts in the period
        length = (last - first + 1) / count
        if length != int(length):
            return None
        lo_y, hi_y = first + int(length) * (n - 1), first + int(length) * n_last - 1
        value = DateValue(granularity="year", start=DatePoint(year=lo_y), end=DatePoint(year=hi_y))
        of_century = isinstance(span.value, DateValue) and span.value.granularity == "century"
        rule = "part_of_century" if of_century else "part_of_decade"
        return Candidate("date", i, span.end, noun.clitic, f"{lo_y:04d}/{hi_y:04d}", value, rule)
    found = _year_of_part(toks, k, ref)
    if found is not None:
        year, end = found
    elif toks.find(i, "ambiguous_part") is not None:
        return None  # الفصل الثالث من الرواية: a chapter, unless a year follows
    else:
        year = ref.year if ref is not None else None  # الربع الأول: the reference year
    if year is None:
        return Candidate("date", i, end, noun.clitic, None, _rel_value(gran), "part_relative")
    lo, hi = Point(year, (n - 1) * size + 1), Point(year, n_last * size)
    value = DateValue(granularity=gran, start=_dp(lo), end=_dp(hi))
    return Candidate("date", i, end, noun.clitic, range_str(lo, hi), value, "part_of_year")


def _current_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`العام`, `الشهر` with nothing after them, under a modifier (`منذ مطلع العام`):
    the current year or month of the document."""
    period = toks.find(i, "relative_period_noun", clitic=False)
    if period is None or period.entry.value not in ("year", "month"):
        return None
    if toks.find(period.end, "relative_modifier", "anaphor", "fiscal_noun") is not None or toks.has_digit(period.end):
        return None
    norm = None
    if ref is not None:
        norm = str(ref.year) if period.entry.value == "year" else Point(ref.year, ref.month).fmt()
    gran: Granularity = "year" if period.entry.value == "year" else "month"
    return Candidate("date", i, period.end, 0, norm, _rel_value(gran), "current_period")


# Its own labels are the inner readings only it makes: a bare month, a bare year, the current period.
@date_rule(
    "modifier",
    starts={"period_modifier"},
    labels=("month", "marked_year", "current_period"),
    prefixes=("modifier_",),
)
def _modifier(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`منتصف مارس 2024`, `أواخر 2019`, `مطلع العام 2020`, `نهاية العام المقبل`."""
    mod = toks.find(i, "period_modifier")
    if mod is None:
        return None
    k = mod.end
    options: list[Candidate | None] = []
    p = point(toks, k)
    if p is not None:
        options.append(_point_cand(p))
    y = _plain_year(toks, k, YEAR_MIN, YEAR_MAX)
    if y is not None and len(toks.words[k]) == 4:  # نهاية 2027: the modifier marks the year
        value = DateValue(granularity="year", start=DatePoint(year=y))
        options.append(Candidate("date", k, k + 1, 0, str(y), value, "marked_year"))
    mo = _month(toks, k)
    if mo is not None:  # the modifier vouches for an ambiguous name (أواخر ماي)
        hijri = mo[1] == "hijri"  # a Hijri month without a year has no Gregorian value
        value = DateValue(calendar="hijri" if hijri else "gregorian", granularity="month", start=DatePoint(month=mo[0]))
        norm = None if hijri else Point(None, mo[0]).fmt()
        options.append(Candidate("date", k, mo[2], 0, norm, value, "month"))
    for rule in (_relative_named, _relative_period, _decade, _century, _part):
        options.append(rule(toks, k, ref))  # بداية شهر أوت الماضي, نهاية السداسي الثاني من 2024
    options.append(_season(toks, k))  # نهاية السنة المالية 2025
    options.append(_current_period(toks, k, ref))  # منذ مطلع العام: this year
    found = [c for c in options if c is not None]
    if not found:
        return None
    inner = max(found, key=lambda c: c.end)  # the first of the longest, in the order above
    assert isinstance(inner.value, DateValue)
    value = inner.value.model_copy(update={"modifier": _MODIFIERS.get(str(mod.entry.value), "start")})
    return Candidate("date", i, inner.end, mod.clitic, inner.normalized, value, "modifier_" + inner.rule)


_MODIFIERS: dict[str, Modifier] = {"start": "start", "early": "early", "mid": "mid", "late": "late", "end": "end"}


@date_rule("season_of_year", starts={"season"})
def _season_of_year(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`صيف 2006`, `شتاء العام الماضي`: the year's value, the season in `value`."""
    season = toks.find(i, "season")
    if season is None or toks.find(i, "hmonth") is not None:
        return None
    k = season.end
    inner: Candidate | None = None
    y = _plain_year(toks, k, YEAR_MIN, YEAR_MAX)
    if y is not None and len(toks.words[k]) == 4:
        inner = Candidate(
            "date", k, k + 1, 0, str(y), DateValue(granularity="year", start=DatePoint(year=y)), "marked_year"
        )
    else:
        p = _year_noun_year(toks, k)
        inner = _point_cand(p) if p is not None else _relative_period(toks, k, ref)
    if inner is None or inner.value.granularity != "year":  # type: ignore[union-attr]
        return None
    value = inner.value.model_copy(update={"season": str(season.entry.value)})
    return Candidate("date", i, inner.end, season.clitic, inner.normalized, value, "season_of_year")


_SEASON = re.compile(r"([0-9]{4})/([0-9]{4})")


@date_rule("season", starts={"digit", "fiscal_noun", "year_noun"}, labels=("season_years",), families=("fiscal_",))
def _season(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`2022/2023`, `موسم 2022/2023`, `العام المالي 2026/2027`: two consecutive years."""
    k, clitic, rule = i, 0, "season_years"
    head = toks.find(i, "fiscal_noun", "year_noun")
    if head is not None:
        k, clitic, rule = head.end, head.clitic, "fiscal_" + str(head.entry.value or "year")
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
            y = _plain_year(toks, k, 1, 9999)
            if y is None or len(toks.words[k]) < 3:
                return None
            era = _era(toks, k + 1)
            if era is not None and era[0] == "hijri":  # موسم 1444هـ: a Hijri year
                norm = hijri_to_gregorian(Point(y))
                value = DateValue(calendar="hijri", granularity="year", start=DatePoint(year=y))
                return Candidate("date", i, era[1], clitic, norm, value, rule)
            end = era[1] if era is not None and era[0] == "gregorian" else k + 1
            if end == k + 1 and not YEAR_MIN <= y <= YEAR_MAX:
                return None
            return Candidate(
                "date", i, end, clitic, f"{y:04d}", DateValue(granularity="year", start=DatePoint(year=y)), rule
            )
        return None
    a, b = int(m.group(1)), int(m.group(2))
    if b != a + 1 or not YEAR_MIN <= a <= YEAR_MAX:
        return None
    value = DateValue(granularity="year", start=DatePoint(year=a), end=DatePoint(year=b))
    return Candidate("date", i, k + 1, clitic, f"{a:04d}/{b:04d}", value, rule)
