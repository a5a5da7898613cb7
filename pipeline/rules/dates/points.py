"""Date points: a day, a month or a year as written (`20 أكتوبر 1947`, `شهر مارس`,
`1 شوال 1444 هـ`, `20/10/1947`, `عام 1990`, `622م`), with the pieces they are made of."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from ...calendars import (
    Point,
    add_months,
    hijri_bounds,
    hijri_month_in_gregorian_year,
    hijri_to_gregorian,
    last_or_next_month,
    valid_day,
)
from ...numbers import read_number
from ...particles import (
    ACCUSATIVE_ENDING,
    ARTICLE,
    COMMAS,
    HYPHEN,
    LAM,
    MIN,
    TANWEEN,
    TEH_MARBUTA,
    VERB_ALEF_ENDINGS,
)
from ...records import DatePoint, DateValue, Granularity
from ...tokens import Tokens
from ..base import Candidate, ordinal

YEAR_MIN, YEAR_MAX = 1000, 2100  # a bare four-digit number read as a year


_NUMERIC = [
    (re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})"), "ymd"),
    (re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})"), "dmy"),
]


@dataclass(frozen=True, slots=True)
class Pt:
    """A parsed date point with its tokens."""

    start: int
    end: int
    clitic: int
    point: Point
    calendar: str
    gran: Granularity
    rule: str
    weekday: int | None = None
    relative: bool = False
    normalized: str | None = None  # set when the value is not a plain point
    year_calendar: str | None = None  # رمضان 2025: a Hijri month in a Gregorian year; `calendar` is the year's


def _arg(toks: Tokens, i: int, role: str, clitic: bool = True) -> tuple[str, int, int] | None:
    m = toks.find(i, role, clitic=clitic)
    return (str(m.entry.value), m.end, m.clitic) if m is not None else None


def _plain_year(toks: Tokens, i: int, lo: int = 1, hi: int = 9999) -> int | None:
    if toks.is_int(i) and len(toks.words[i]) <= 4:
        y = int(toks.words[i])
        if lo <= y <= hi:
            return y
    return None


def _year_value(toks: Tokens, i: int) -> tuple[int, int] | None:
    """A year after a year noun: digits, or year words (`ألفين وتسعة عشر`)."""
    y = _plain_year(toks, i)
    if y is not None:
        return y, i + 1
    num = read_number(toks, i)
    if num is not None and num.words and not num.digits and num.value.denominator == 1:
        if YEAR_MIN <= num.value <= YEAR_MAX:
            return int(num.value), num.end
    return None


def _era(toks: Tokens, i: int) -> tuple[str, int] | None:
    for role, cal in (("era_gregorian", "gregorian"), ("era_hijri", "hijri"), ("era_bc", "bc")):
        m = toks.find(i, role)
        if m is not None:
            return cal, m.end
    return None


def _month(toks: Tokens, i: int, hijri_ok: bool = True) -> tuple[int, str, int, int, bool] | None:
    """A month name with an optional paired name (`شباط/فبراير`, `تموز (يوليو)`):
    (month, calendar, end, clitic, ambiguous); a paired name is never ambiguous."""
    roles = ("month", "hmonth") if hijri_ok else ("month",)
    m = toks.find(i, *roles)
    if m is None:
        return None
    info = m.entry.value
    number, cal, amb = info.number, info.calendar, info.ambiguous  # type: ignore[attr-defined]
    end = m.end
    w = toks.word(end)
    if w == "/" or w == "(":
        other = toks.find(end + 1, "month", clitic=False)
        if other is not None and other.entry.value.number == number:  # type: ignore[attr-defined]
            close = other.end
            if w == "(" and toks.word(close) == ")":
                return number, cal, close + 1, m.clitic, False
            if w == "/":
                return number, cal, close, m.clitic, False
    return number, cal, end, m.clitic, amb


def _year_part(toks: Tokens, i: int) -> tuple[int, str | None, int] | None:
    """The year after a month: `1947`, `، 1947`, `(2021)`, `عام 2021`, `1444 هـ`:
    (year, era calendar or None, end)."""
    k = i
    epithet = toks.find(k, "month_epithet", clitic=False)
    if epithet is not None:
        k = epithet.end  # شهر رمضان المبارك لعام 1445 هـ
    if toks.word(k) in COMMAS:
        k += 1
    if toks.word(k) == MIN and toks.find(k + 1, "year_noun", clitic=False) is not None:
        k += 1  # سبتمبر من العام 2020
    if toks.word(k) == "(":
        y = _plain_year(toks, k + 1)
        if y is not None and toks.word(k + 2) == ")":
            return y, None, k + 3
        return None
    noun = toks.find(k, "year_noun")
    if noun is not None and toks.word(k)[: noun.clitic] in ("", LAM):
        yv = _year_value(toks, noun.end)  # سنة ألف وتسعمائة وستين
        if yv is None:
            return None
        y, k = yv
    else:
        y = _plain_year(toks, k)
        if y is None:
            return None
        k += 1
    era = _era(toks, k)
    if era is not None:
        return y, era[0], era[1]
    return y, None, k


def _day(toks: Tokens, i: int) -> int | None:
    y = _plain_year(toks, i, 1, 31)
    return y if y is not None and len(toks.words[i]) <= 2 else None


def _with_month(toks: Tokens, i: int, start: int, clitic: int, day: int | None, rule: str) -> Pt | None:
    mo = _month(toks, i, hijri_ok=True)
    if mo is None:
        return None
    month, cal, end, _, amb = mo
    yp = _year_part(toks, end)
    year: int | None = None
    if yp is not None:
        year, era, end = yp
        if era == "bc":
            return None
        if cal == "gregorian" and era == "hijri":
            return None
        if cal == "hijri" and era is None and year > 1600:
            # رمضان 2025: a Hijri month placed in a Gregorian year
            norm = hijri_month_in_gregorian_year(month, year) if day is None else None
            return Pt(
                start,
                end,
                clitic,
                Point(year, month, day),
                "gregorian",
                "month",
                rule + "_hijri_in_gregorian",
                normalized=norm,
                year_calendar="gregorian",
            )
    if day is not None and not valid_day(year if cal == "gregorian" else None, month, day):
        if cal == "gregorian" or day > 30:
            return None
    if year is None and day is not None and cal == "gregorian":
        rel = _arg(toks, end, "relative_modifier", clitic=False)
        if rel is not None:  # يوم 2 سبتمبر القادم, الحادي والعشرين من يوليو الماضي
            norm = None
            if toks.ref is not None:
                y = int(last_or_next_month(toks.ref, month, int(rel[0]))[:4])
                norm = Point(y, month, day).fmt() if valid_day(y, month, day) else None
            return Pt(start, rel[1], clitic, Point(None, month, day), cal, "day", rule + "_relative",
                      relative=True, normalized=norm)  # fmt: skip
    if day is None and year is None and amb:
        return None
    if year is None and toks.find(start - 1, "name_head") is not None:
        return None  # جامعة 6 أكتوبر, قوى 14 آذار: a name, not a date
    gran: Granularity = "day" if day is not None else "month"
    return Pt(start, end, clitic, Point(year, month, day), cal, gran, rule)


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
        rel = _arg(toks, period.end, "relative_modifier", clitic=False) if period is not None else None
        if period is not None and rel is not None and period.entry.value == "month":
            norm = None  # الخامس من الشهر المقبل
            if toks.ref is not None:
                y, m = add_months(toks.ref, int(rel[0]))
                norm = Point(y, m, day).fmt() if valid_day(y, m, day) else None
            return Pt(start, rel[1], clitic, Point(None, None, day), "gregorian", "day", rule + "_relative",
                      relative=True, normalized=norm)  # fmt: skip
    return _with_month(toks, k, start, clitic, day, rule)


def _day_month(toks: Tokens, i: int) -> Pt | None:
    """`20 أكتوبر 1947`, `الحادي والعشرين من يوليو`, `أكتوبر 1947`, `شهر مارس`."""
    k = i + 1 if toks.word(i) == ARTICLE and toks.adjacent(i + 1) else i  # الـ25 من يناير
    day = _day(toks, k)
    if day is not None:
        p = _day_of(toks, k + 1, i, 0, day, "day_month")
        if p is not None:
            return p
    o = ordinal(toks, i)
    if o is not None and 1 <= o[0] <= 31:
        p = _day_of(toks, o[1], i, o[2], o[0], "ordinal_day_month")
        if p is not None:
            return p
    noun = toks.find(i, "month_noun")
    if noun is not None:
        p = _with_month(toks, noun.end, i, noun.clitic, None, "month_noun")
        if p is not None:
            return replace(p, rule="month_noun")
        mo = _month(toks, noun.end)
        if mo is not None:  # شهر مارس: the noun vouches for an ambiguous name
            return Pt(i, mo[2], noun.clitic, Point(None, mo[0]), mo[1], "month", "month_noun")
    mo = _month(toks, i)
    if mo is not None:
        yp = _year_part(toks, mo[2])
        if yp is not None:
            return _with_month(toks, i, i, mo[3], None, "month_year")
        first = toks.find(i, "month", "hmonth")
        if first is not None and mo[2] > first.end:  # شباط/فبراير: the pair vouches for a month
            return Pt(i, mo[2], mo[3], Point(None, mo[0]), mo[1], "month", "paired_month")
    return None


def _bare_month(toks: Tokens, i: int) -> Pt | None:
    """A month with no day or year, marked by a temporal preposition (`في مارس`)."""
    mo = _month(toks, i)
    if mo is None or mo[4] or toks.find(i - 1, "temporal_prep", "range_open", "range_to") is None:
        return None
    if toks.word(i - 1) == HYPHEN and toks.has_digit(i - 2):
        return None  # 6-أكتوبر: a day joined to its month (numeric_short.py), not a range's second end
    return Pt(i, mo[2], mo[3], Point(None, mo[0]), mo[1], "month", "bare_month")


def _numeric(toks: Tokens, i: int) -> Pt | None:
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
            era = _era(toks, stop)
            if era is not None and era[0] == "hijri":  # 21/4/1445هـ: a Hijri day
                if 1 <= mo <= 12 and 1 <= d <= 30 and 1 <= y <= 9999:
                    return Pt(i, era[1], 0, Point(y, mo, d), "hijri", "day", "numeric_date")
                return None
            if valid_day(y, mo, d) and YEAR_MIN <= y <= YEAR_MAX:
                end = era[1] if era is not None and era[0] == "gregorian" else stop  # 5/11/2023م
                return Pt(i, end, 0, Point(y, mo, d), "gregorian", "day", "numeric_date")
    return None


def _year_noun_year(toks: Tokens, i: int) -> Pt | None:
    """`عام 1990`, `سنة 2014`, `العام 1446 هـ`, `عام ألفين وتسعة عشر`."""
    noun = toks.find(i, "year_noun")
    if noun is None:
        return None
    yv = _year_value(toks, noun.end)
    if yv is None:
        return None
    year, end = yv
    era = _era(toks, end)
    cal = "gregorian"
    if era is not None:
        if era[0] == "bc":
            return None
        cal, end = era[0], era[1]
    return Pt(i, end, noun.clitic, Point(year), cal, "year", "year_noun")


def _year_era(toks: Tokens, i: int) -> Pt | None:
    """`622م`, `1492 م`, `1440 هـ`, `2019 ميلادي`."""
    y = _plain_year(toks, i)
    if y is None or len(toks.words[i]) < 3 or toks.word(i + 1) in (":",):
        return None
    era = _era(toks, i + 1)
    if era is None or era[0] == "bc":
        return None
    return Pt(i, era[1], 0, Point(y), era[0], "year", "year_era")


def _counted(toks: Tokens, k: int) -> bool:
    """Token k is a noun that the number before it counts (`1500 جندي`, `2000 صفحة`,
    `1750 تقاطعا`), not the verb or word that follows a year (`في 2019 قررت`, `في 2019 أيضا`)."""
    if toks.find(k, "duration_unit", "counted_noun") is not None:
        return True  # منذ 1400 عام, في 1500 قرية
    if toks.has_digit(k) or toks.word(k).startswith(ARTICLE) or toks.find(k, "adverb", clitic=False) is not None:
        return False  # a counted noun is indefinite; أيضا, تقريبا are adverbs
    raw = toks.raw_word(k)
    if any(mark in raw for mark in TANWEEN):
        return True  # only nouns and adjectives carry tanween (مكتبٍ, موظفًا)
    w = toks.word(k)
    if raw.endswith(TEH_MARBUTA):
        return True  # only nouns end in teh marbuta (حتى 2000 صفحة)
    if not w.endswith(ACCUSATIVE_ENDING):
        return False
    # The accusative of a noun counted by a number ending in 11-99: a counted noun of the lexicon
    # (1850 جنديا), or any word of five letters or more (1750 تقاطعا) but a verb in alef (plural
    # قرروا, first person plural أطلقنا; duals are short) or a nisba adverb (سنويا, رسميا).
    stem = w[: -len(ACCUSATIVE_ENDING)]
    if {"counted_noun", "duration_unit"} & toks.lex.roles_for(stem):
        return True
    return len(w) >= 5 and not w.endswith(VERB_ALEF_ENDINGS)


def _paren_head_counts(toks: Tokens, i: int) -> bool:
    """The number in parentheses at i numbers or counts the noun before it (`المادة (1500)`,
    `القانون رقم (2014)`, `عدد الحالات (1850)`) or the one after (`(1200) عامل`)."""
    if toks.find(i - 2, "number_noun", "numbered_noun") is not None:
        return True
    if toks.find(i - 2, "count_head") is not None or toks.find(i - 3, "count_head") is not None:
        return True
    return _counted(toks, i + 2)


def _marked_year(toks: Tokens, i: int) -> Pt | None:
    """A bare year after a temporal preposition (`في 2019`, `منذ 2002`), or alone
    in parentheses after a value or a name (`23 (2005)`, `قانون الضمان الاجتماعي (2014)`)."""
    y = _plain_year(toks, i, YEAR_MIN, YEAR_MAX)
    if y is None or len(toks.words[i]) != 4:
        return None
    if toks.find(i - 1, "temporal_prep") is not None and not _counted(toks, i + 1):
        return Pt(i, i + 1, 0, Point(y), "gregorian", "year", "prep_year")
    if toks.word(i - 1) == "(" and toks.word(i + 1) == ")" and not _paren_head_counts(toks, i):
        return Pt(i, i + 1, 0, Point(y), "gregorian", "year", "paren_year")
    return None


def _weekday_date(toks: Tokens, i: int) -> Pt | None:
    """`يوم الاثنين 21 يوليو 2019`, `السبت الموافق 6 أكتوبر 1973`, `الأحد، 9 فبراير 2025`."""
    k = i
    noun = toks.find(k, "day_noun")
    clitic = 0
    if noun is not None:
        k, clitic = noun.end, noun.clitic
    wd = toks.find(k, "weekday", clitic=noun is None)
    if wd is None and noun is not None and noun.entry.value == "one":
        inner = _day_month(toks, k) or _numeric(toks, k)  # يوم 3 يوليو 2013
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
    inner = _day_month(toks, k) or _numeric(toks, k)
    if inner is None or inner.gran != "day":
        return None
    return replace(inner, start=i, clitic=clitic, weekday=int(str(wd.entry.value)), rule="weekday_" + inner.rule)


_POINT_RULES: list[Callable[[Tokens, int], Pt | None]] = [
    _weekday_date,
    _day_month,
    _numeric,
    _year_noun_year,
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


def _dp(p: Point) -> DatePoint:
    return DatePoint(year=p.year, month=p.month, day=p.day)


def _point_norm(p: Pt) -> str | None:
    if p.normalized is not None or p.relative or p.year_calendar is not None:
        return p.normalized
    if p.calendar == "hijri":
        return hijri_to_gregorian(p.point)
    return p.point.fmt()


def _cand(p: Pt, norm: str | None, value: DateValue, rule: str | None = None) -> Candidate:
    return Candidate("date", p.start, p.end, p.clitic, norm, value, rule or p.rule)


def _point_cand(p: Pt) -> Candidate:
    cal: Literal["gregorian", "hijri"] = "hijri" if p.calendar == "hijri" else "gregorian"
    year_cal: Literal["gregorian"] | None = None
    if p.year_calendar is not None:  # رمضان 2025: the value says what was written, a Hijri month
        cal, year_cal = "hijri", "gregorian"
    value = DateValue(
        calendar=cal,
        year_calendar=year_cal,
        granularity=p.gran,
        start=_dp(p.point),
        weekday=p.weekday,
        relative=p.relative,
    )
    return _cand(p, _point_norm(p), value)


def _bounds(p: Pt) -> tuple[str, str] | None:
    if p.calendar == "hijri":
        b = hijri_bounds(p.point)
        return (b[0].fmt(), b[1].fmt()) if b else None
    return p.point.fmt(), p.point.fmt()
