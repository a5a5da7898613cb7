"""Date points: a day, a month or a year as written (`20 أكتوبر 1947`, `شهر مارس`,
`1 شوال 1444 هـ`, `20/10/1947`, `عام 1990`, `622م`). The pieces they are made of
(month names, years, eras) are in `common.py`."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from ...calendars import Point, add_months, last_or_next_month, valid_day
from ...particles import ARTICLE, COMMAS, HYPHEN, MIN
from ...records import Granularity
from ...tokens import Tokens
from ..base import Candidate, ordinal
from ..registry import date_rule
from .common import (
    YEAR_MAX,
    YEAR_MIN,
    Pt,
    counted,
    day_number,
    era_at,
    month_name,
    plain_year,
    point_candidate,
    shift_at,
    year_part,
    year_value,
)

_NUMERIC = [
    (re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})"), "ymd"),
    (re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})"), "dmy"),
]


def _with_month(toks: Tokens, i: int, start: int, clitic: int, day: int | None, rule: str) -> Pt | None:
    mo = month_name(toks, i, hijri_ok=True)
    if mo is None:
        return None
    month, cal, end = mo.number, mo.calendar, mo.end
    yp = year_part(toks, end)
    year: int | None = None
    if yp is not None:
        year, end = yp.year, yp.end
        if yp.era == "bc" or (cal == "gregorian" and yp.era == "hijri"):
            return None
        if cal == "hijri" and yp.era is None and year > 1600:
            if day is not None and day > 30:
                return None
            # رمضان 2025, 15 رمضان 2025: a Hijri month placed in a Gregorian year
            gran: Granularity = "day" if day is not None else "month"
            return Pt(start, end, clitic, Point(year, month, day), "hijri", gran, rule + "_hijri_in_gregorian",
                      year_calendar="gregorian")  # fmt: skip
    if day is not None and not valid_day(year if cal == "gregorian" else None, month, day):
        if cal == "gregorian" or day > 30:
            return None
    if year is None and day is not None and cal == "gregorian":
        rel = shift_at(toks, end)
        if rel is not None:  # يوم 2 سبتمبر القادم, الحادي والعشرين من يوليو الماضي
            when = None
            if toks.ref is not None:
                y = last_or_next_month(toks.ref, month, rel.n).year
                when = Point(y, month, day) if valid_day(y, month, day) else None
            return Pt(start, rel.end, clitic, Point(None, month, day), cal, "day", rule + "_relative",
                      relative=True, when=when)  # fmt: skip
    if day is None and year is None and mo.ambiguous:
        return None
    if year is None and toks.find(start - 1, "name_head") is not None:
        return None  # جامعة 6 أكتوبر, قوى 14 آذار: a name, not a date
    return Pt(start, end, clitic, Point(year, month, day), cal, "day" if day is not None else "month", rule)


def _day_of(toks: Tokens, k: int, start: int, clitic: int, day: int, rule: str) -> Pt | None:
    """What follows a day: `مايو`, `من مايو`, `من شهر مايو`, `من الشهر المقبل`."""
    via_min = toks.word(k) == MIN
    if via_min:
        k += 1
    noun = toks.find(k, "month_noun", clitic=False)
    if noun is not None and toks.find(noun.end, "month", "hmonth", clitic=False) is not None:
        k = noun.end  # الأول من شهر مايو, 17 من شهر رجب
    elif via_min:
        period = toks.find(k, "relative_period_noun", clitic=False)
        rel = shift_at(toks, period.end) if period is not None else None
        if period is not None and rel is not None and period.entry.text_value == "month":
            when = None  # الخامس من الشهر المقبل
            if toks.ref is not None:
                y, m = add_months(toks.ref, rel.n)
                when = Point(y, m, day) if valid_day(y, m, day) else None
            return Pt(start, rel.end, clitic, Point(None, None, day), "gregorian", "day", rule + "_relative",
                      relative=True, when=when)  # fmt: skip
    return _with_month(toks, k, start, clitic, day, rule)


def _day_month(toks: Tokens, i: int) -> Pt | None:
    """`20 أكتوبر 1947`, `الحادي والعشرين من يوليو`, `أكتوبر 1947`, `شهر مارس`."""
    k = i + 1 if toks.word(i) == ARTICLE and toks.adjacent(i + 1) else i  # الـ25 من يناير
    day = day_number(toks, k)
    if day is not None:
        p = _day_of(toks, k + 1, i, 0, day, "day_month")
        if p is not None:
            return p
    o = ordinal(toks, i)
    if o is not None and 1 <= o.value <= 31:
        p = _day_of(toks, o.end, i, o.clitic, o.value, "ordinal_day_month")
        if p is not None:
            return p
    noun = toks.find(i, "month_noun")
    if noun is not None:
        p = _with_month(toks, noun.end, i, noun.clitic, None, "month_noun")
        if p is not None:
            return replace(p, rule="month_noun")
        mo = month_name(toks, noun.end)
        if mo is not None:  # شهر مارس: the noun vouches for an ambiguous name
            return Pt(i, mo.end, noun.clitic, Point(None, mo.number), mo.calendar, "month", "month_noun")
    mo = month_name(toks, i)
    if mo is not None:
        if year_part(toks, mo.end) is not None:
            return _with_month(toks, i, i, mo.clitic, None, "month_year")
        first = toks.find(i, "month", "hmonth")
        if first is not None and mo.end > first.end:  # شباط/فبراير: the pair vouches for a month
            return Pt(i, mo.end, mo.clitic, Point(None, mo.number), mo.calendar, "month", "paired_month")
    return None


def _bare_month(toks: Tokens, i: int) -> Pt | None:
    """A month with no day or year, marked by a temporal preposition (`في مارس`)."""
    mo = month_name(toks, i)
    if mo is None or mo.ambiguous or toks.find(i - 1, "temporal_prep", "range_open", "range_to") is None:
        return None
    if toks.word(i - 1) == HYPHEN and toks.has_digit(i - 2):
        return None  # 6-أكتوبر: a day joined to its month (numeric_short.py), not a range's second end
    return Pt(i, mo.end, mo.clitic, Point(None, mo.number), mo.calendar, "month", "bare_month")


def numeric_date(toks: Tokens, i: int) -> Pt | None:
    """`20/10/1947`, `1947-10-20`, `20.10.1947`."""
    if not toks.has_digit(i) or toks.find(i - 1, "number_noun") is not None:
        return None  # المرسوم رقم 2-19-1086 is a number, not a date
    end = i + 1
    while end < len(toks) and end - i < 5 and toks.adjacent(end) and (toks.is_int(end) or toks.word(end) == "-"):
        end += 1
    for stop in range(end, i, -1):
        text = "".join(toks.words[i:stop])
        if len(text) > 10:
            continue
        for pattern, order in _NUMERIC:
            m = pattern.fullmatch(text)
            if m is None:
                continue
            a, b, c = int(m.group(1)), int(m.group(3)), int(m.group(4))
            if order == "ymd":
                y, mo, d = a, b, c
            elif valid_day(c, b, a):
                y, mo, d = c, b, a
            else:
                y, mo, d = c, a, b  # 11/16/2021: only month-first is a date
            era = era_at(toks, stop)
            if era is not None and era.calendar == "hijri":  # 21/4/1445هـ: a Hijri day
                if 1 <= mo <= 12 and 1 <= d <= 30 and 1 <= y <= 9999:
                    return Pt(i, era.end, 0, Point(y, mo, d), "hijri", "day", "numeric_date")
                return None
            if valid_day(y, mo, d) and YEAR_MIN <= y <= YEAR_MAX:
                end = era.end if era is not None and era.calendar == "gregorian" else stop  # 5/11/2023م
                return Pt(i, end, 0, Point(y, mo, d), "gregorian", "day", "numeric_date")
    return None


def year_noun_year(toks: Tokens, i: int) -> Pt | None:
    """`عام 1990`, `سنة 2014`, `العام 1446 هـ`, `عام ألفين وتسعة عشر`."""
    noun = toks.find(i, "year_noun")
    if noun is None:
        return None
    yv = year_value(toks, noun.end)
    if yv is None:
        return None
    era = era_at(toks, yv.end)
    if era is None:
        return Pt(i, yv.end, noun.clitic, Point(yv.year), "gregorian", "year", "year_noun")
    if era.calendar == "bc":
        return None
    return Pt(i, era.end, noun.clitic, Point(yv.year), era.calendar, "year", "year_noun")


def _year_era(toks: Tokens, i: int) -> Pt | None:
    """`622م`, `1492 م`, `1440 هـ`, `2019 ميلادي`."""
    y = plain_year(toks, i)
    if y is None or len(toks.words[i]) < 3 or toks.word(i + 1) in (":",):
        return None
    era = era_at(toks, i + 1)
    if era is None or era.calendar == "bc":
        return None
    return Pt(i, era.end, 0, Point(y), era.calendar, "year", "year_era")


def _paren_head_counts(toks: Tokens, i: int) -> bool:
    """The number in parentheses at i numbers or counts the noun before it (`المادة (1500)`,
    `القانون رقم (2014)`, `عدد الحالات (1850)`) or the one after (`(1200) عامل`)."""
    if toks.find(i - 2, "number_noun", "numbered_noun") is not None:
        return True
    if toks.find(i - 2, "count_head") is not None or toks.find(i - 3, "count_head") is not None:
        return True
    return counted(toks, i + 2)


def _marked_year(toks: Tokens, i: int) -> Pt | None:
    """A bare year after a temporal preposition (`في 2019`, `منذ 2002`), or alone
    in parentheses after a value or a name (`23 (2005)`, `قانون الضمان الاجتماعي (2014)`)."""
    y = plain_year(toks, i, YEAR_MIN, YEAR_MAX)
    if y is None or len(toks.words[i]) != 4:
        return None
    if toks.find(i - 1, "temporal_prep") is not None and not counted(toks, i + 1):
        return Pt(i, i + 1, 0, Point(y), "gregorian", "year", "prep_year")
    if toks.word(i - 1) == "(" and toks.word(i + 1) == ")" and not _paren_head_counts(toks, i):
        return Pt(i, i + 1, 0, Point(y), "gregorian", "year", "paren_year")
    return None


def weekday_date(toks: Tokens, i: int) -> Pt | None:
    """`يوم الاثنين 21 يوليو 2019`, `السبت الموافق 6 أكتوبر 1973`, `الأحد، 9 فبراير 2025`."""
    k = i
    noun = toks.find(k, "day_noun")
    clitic = 0
    if noun is not None:
        k, clitic = noun.end, noun.clitic
    wd = toks.find(k, "weekday", clitic=noun is None)
    if wd is None and noun is not None and noun.entry.text_value == "one":
        inner = _day_month(toks, k) or numeric_date(toks, k)  # يوم 3 يوليو 2013
        if inner is None or inner.gran != "day":
            return None
        return replace(inner, start=i, clitic=clitic, rule="day_noun_" + inner.rule)
    if wd is None:
        return None
    if noun is None:
        clitic = wd.clitic
    k = wd.end
    if toks.word(k) in COMMAS:
        k += 1
    apposition = toks.find(k, "date_apposition", clitic=False)
    if apposition is not None:
        k = apposition.end
    inner = _day_month(toks, k) or numeric_date(toks, k)
    if inner is None or inner.gran != "day":
        return None
    weekday = wd.entry.int_value
    if ordinal(toks, k) is not None and not _falls_on(inner, weekday):
        return None  # الجمعة الثانية من مارس 2025 (2 March is a Sunday): the second Friday, month_days.py
    return replace(inner, start=i, clitic=clitic, weekday=weekday, rule="weekday_" + inner.rule)


def _falls_on(p: Pt, weekday: int) -> bool:
    """A Gregorian day with its year falls on the weekday; a day without a year may."""
    y, m, d = p.point.year, p.point.month, p.point.day
    if p.calendar != "gregorian" or y is None or m is None or d is None or not valid_day(y, m, d):
        return True
    return dt.date(y, m, d).isoweekday() == weekday


_POINT_RULES: list[Callable[[Tokens, int], Pt | None]] = [
    weekday_date,
    _day_month,
    numeric_date,
    year_noun_year,
    _year_era,
    _marked_year,
    _bare_month,
]


def point(toks: Tokens, i: int) -> Pt | None:
    """The longest date point starting at token i."""
    return toks.once(_point, i)


def _point(toks: Tokens, i: int) -> Pt | None:
    best: Pt | None = None
    for rule in _POINT_RULES:
        p = rule(toks, i)
        if p is not None and (best is None or p.end > best.end):
            best = p
    return best


_ORDINAL = frozenset({"ord_ordinal", "ord_compound_unit", "ord_ten"})
# What can start a date point (and a range end).
POINT_START = frozenset(
    {"digit", "article", "month", "hmonth", "month_noun", "day_noun", "weekday", "year_noun", *_ORDINAL}
)


@date_rule(
    "point",
    starts=POINT_START,
    labels=("day_month", "ordinal_day_month", "month_noun", "month_year", "paired_month", "bare_month",
            "numeric_date", "year_noun", "year_era", "prep_year", "paren_year"),
    prefixes=("weekday_", "day_noun_"),
    suffixes=("_hijri_in_gregorian", "_relative"),
)  # fmt: skip
def point_rule(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """The longest date point at token i, as a mention."""
    p = point(toks, i)
    return point_candidate(p) if p is not None else None
