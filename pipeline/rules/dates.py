"""Date grammar: points, ranges, decades, centuries, parts of periods, relative dates.

Rules read the token stream and the lexicon roles only; no Arabic word is
spelled here except through `lexicons/*.tsv`. Every rule looks a bounded
number of tokens ahead, so a text is read in linear time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from ..calendars import (
    Point,
    add_months,
    century_of,
    century_range,
    hijri_bounds,
    hijri_month_in_gregorian_year,
    hijri_to_gregorian,
    range_str,
    shift,
    valid_day,
    week_range,
)
from ..numbers import read_number
from ..records import DatePoint, DateValue, Granularity, Modifier
from ..tokens import Tokens
from .base import Candidate, joiner, ordinal

YEAR_MIN, YEAR_MAX = 1000, 2100  # a bare four-digit number read as a year
_NUMERIC = [
    (re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})"), "ymd"),
    (re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})"), "dmy"),
]
_SEASON = re.compile(r"([0-9]{4})/([0-9]{4})")


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


# ---------------------------------------------------------------- pieces


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
    if toks.word(k) in ("،", ","):
        k += 1
    if toks.word(k) == "من" and toks.find(k + 1, "year_noun", clitic=False) is not None:
        k += 1  # سبتمبر من العام 2020
    if toks.word(k) == "(":
        y = _plain_year(toks, k + 1)
        if y is not None and toks.word(k + 2) == ")":
            return y, None, k + 3
        return None
    noun = toks.find(k, "year_noun")
    if noun is not None and toks.word(k)[: noun.clitic] in ("", "ل"):
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


# ---------------------------------------------------------------- points


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
            )
    if day is not None and not valid_day(year if cal == "gregorian" else None, month, day):
        if cal == "gregorian" or day > 30:
            return None
    if year is None and day is not None and cal == "gregorian":
        rel = _arg(toks, end, "relative_modifier", clitic=False)
        if rel is not None:  # يوم 2 سبتمبر القادم, الحادي والعشرين من يوليو الماضي
            norm = None
            if toks.ref is not None:
                y = int(_last_or_next_month(toks.ref, month, int(rel[0]))[:4])
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
    via_min = toks.word(k) == "من"
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
    k = i + 1 if toks.word(i) == "ال" and toks.adjacent(i + 1) else i  # الـ25 من يناير
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
            if valid_day(y, mo, d) and YEAR_MIN <= y <= YEAR_MAX:
                return Pt(i, stop, 0, Point(y, mo, d), "gregorian", "day", "numeric_date")
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


def _marked_year(toks: Tokens, i: int) -> Pt | None:
    """A bare year after a temporal preposition (`في 2019`, `منذ 2002`), or alone
    in parentheses after a value (`23 (2005)`)."""
    y = _plain_year(toks, i, YEAR_MIN, YEAR_MAX)
    if y is None or len(toks.words[i]) != 4:
        return None
    if toks.find(i + 1, "duration_unit", "counted_noun") is not None:
        return None  # منذ 1400 عام, في 1500 قرية: a count
    nxt = toks.raw_word(i + 1)
    if nxt.endswith("ة") and not nxt.startswith("ال") and toks.has_digit(i) and not toks.has_digit(i + 1):
        return None  # an indefinite noun after the number (حتى 2000 صفحة) is what it counts
    if toks.find(i - 1, "temporal_prep") is not None:
        return Pt(i, i + 1, 0, Point(y), "gregorian", "year", "prep_year")
    if toks.word(i - 1) == "(" and toks.word(i + 1) == ")" and toks.has_digit(i - 2):
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
    if wd is None and noun is not None and toks.words[i][noun.clitic :] == "يوم":
        inner = _day_month(toks, k) or _numeric(toks, k)  # يوم 3 يوليو 2013
        if inner is None or inner.gran != "day":
            return None
        return replace(inner, start=i, clitic=clitic, rule="day_noun_" + inner.rule)
    if wd is None:
        return None
    if noun is None:
        clitic = wd.clitic
    k = wd.end
    if toks.word(k) in ("،", ","):
        k += 1
    if toks.word(k) == "الموافق":
        k += 1
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
    key = ("date_point", i)
    if key in toks.memo:
        return toks.memo[key]  # type: ignore[return-value]
    best = _point(toks, i)
    toks.memo[key] = best
    return best


def _point(toks: Tokens, i: int) -> Pt | None:
    best: Pt | None = None
    for rule in _POINT_RULES:
        p = rule(toks, i)
        if p is not None and (best is None or p.end > best.end):
            best = p
    return best


# ---------------------------------------------------------------- values


def _dp(p: Point) -> DatePoint:
    return DatePoint(year=p.year, month=p.month, day=p.day)


def _point_norm(p: Pt) -> str | None:
    if p.normalized is not None or p.relative or p.rule.endswith("_hijri_in_gregorian"):
        return p.normalized
    if p.calendar == "hijri":
        return hijri_to_gregorian(p.point)
    return p.point.fmt()


def _cand(p: Pt, norm: str | None, value: DateValue, rule: str | None = None) -> Candidate:
    return Candidate("date", p.start, p.end, p.clitic, norm, value, rule or p.rule)


def _point_cand(p: Pt) -> Candidate:
    cal: Literal["gregorian", "hijri"] = "hijri" if p.calendar == "hijri" else "gregorian"
    value = DateValue(calendar=cal, granularity=p.gran, start=_dp(p.point), weekday=p.weekday, relative=p.relative)
    return _cand(p, _point_norm(p), value)


def _bounds(p: Pt) -> tuple[str, str] | None:
    if p.calendar == "hijri":
        b = hijri_bounds(p.point)
        return (b[0].fmt(), b[1].fmt()) if b else None
    return p.point.fmt(), p.point.fmt()


def _null_range(a: Pt, b: Pt, start: int, clitic: int, rule: str) -> Candidate:
    """A range whose last end is relative and there is no reference date."""
    value = DateValue(granularity=b.gran, start=_dp(a.point), end=_dp(b.point), relative=True)
    return Candidate("date", start, b.end, clitic, None, value, rule)


def _range_cand(a: Pt, b: Pt, start: int, clitic: int, rule: str) -> Candidate | None:
    # The first end borrows what it lacks from the second: من 5 إلى 10 مايو 2023.
    pa, pb = a.point, b.point
    if b.relative:
        if b.normalized is None:
            return None if b.point.month is None else _null_range(a, b, start, clitic, rule)
        pb = Point(int(b.normalized[:4]), pb.month, pb.day)  # بين 10 و12 مارس الجاري
        b = replace(b, point=pb)
    if pa.month is None and pa.day is not None:
        pa = Point(pb.year, pb.month, pa.day)
    elif pa.year is None and pb.year is not None:
        pa = Point(pb.year, pa.month, pa.day)
        if pa.month is not None and pb.month is not None and (pa.month, pa.day or 0) > (pb.month, pb.day or 0):
            pa = Point(pb.year - 1, pa.month, pa.day)  # من ديسمبر إلى فبراير 2024: across the new year
    if pa.day is not None and pa.month is not None and not valid_day(pa.year, pa.month, pa.day):
        return None
    a = replace(a, point=pa)
    if a.calendar != b.calendar and b.calendar == "hijri":
        a = replace(a, calendar="hijri")
    gran = b.gran
    if a.calendar == "hijri":
        ba, bb = _bounds(a), _bounds(b)
        norm = f"{ba[0]}/{bb[1]}" if ba and bb else None
    else:
        if (pa.year, pa.month, pa.day) > (pb.year, pb.month, pb.day) and None not in (pa.year, pb.year):
            return None
        norm = range_str(pa, pb)
    value = DateValue(
        calendar="hijri" if a.calendar == "hijri" else "gregorian",
        granularity=gran,
        start=_dp(pa),
        end=_dp(b.point),
    )
    return Candidate("date", start, b.end, clitic, norm, value, rule)


# ---------------------------------------------------------------- ranges


def _range_end(toks: Tokens, i: int) -> Pt | None:
    """A range end: a full point, or what a range licenses alone (a bare year,
    a bare day number, a bare month), possibly after a modifier (`منتصف يوليوز`)."""
    mod = toks.find(i, "period_modifier")
    if mod is not None:
        inner = _range_end(toks, mod.end)
        if inner is None or inner.rule == "range_day":
            return None
        return replace(inner, start=i, clitic=mod.clitic, rule=inner.rule.replace("range_month", "range_month_mod"))
    p = point(toks, i)
    if p is not None:
        return p
    y = _plain_year(toks, i, YEAR_MIN, YEAR_MAX)
    if y is not None and len(toks.words[i]) == 4:
        era = _era(toks, i + 1)
        if era is not None and era[0] != "bc":
            return Pt(i, era[1], 0, Point(y), era[0], "year", "year_era")
        return Pt(i, i + 1, 0, Point(y), "gregorian", "year", "range_year")
    y = _plain_year(toks, i, 100, 999)
    if y is not None:  # 646–705 م: a short year, if the range's last end carries an era
        return Pt(i, i + 1, 0, Point(y), "gregorian", "year", "range_year_short")
    mo = _month(toks, i)
    if mo is not None:
        return Pt(i, mo[2], mo[3], Point(None, mo[0]), mo[1], "month", "range_month")
    d = _day(toks, i)
    if d is not None:
        return Pt(i, i + 1, 0, Point(None, None, d), "gregorian", "day", "range_day")
    return None


def _compatible(a: Pt, b: Pt) -> bool:
    """Both ends must be of a kind: two years, or a first end the second completes."""
    if a.rule == "range_day":
        return b.gran == "day" and b.point.month is not None
    if a.rule.startswith("range_month"):
        return b.point.month is not None and b.point.day is None
    if a.rule == "range_year":
        return b.gran == "year" and b.rule != "range_year_short"
    if a.rule == "range_year_short":
        return b.rule == "year_era"
    if b.rule == "range_year_short":
        return False
    if b.rule == "range_day" or (b.rule.startswith("range_month") and a.point.month is None):
        return False
    if b.rule == "range_year":
        return a.gran == "year"
    return True


def _from_to(toks: Tokens, i: int) -> Candidate | None:
    """`من 1979 إلى 1989`, `من 5 إلى 10 مايو 2023`."""
    opener = toks.find(i, "range_open")
    if opener is None or toks.words[i][opener.clitic :] not in ("من",):
        return None
    a = _range_end(toks, opener.end)
    if a is None:
        return None
    to = toks.find(a.end, "range_to")
    if to is None:
        return None
    b = _range_end(toks, to.end)
    if b is None or not _compatible(a, b):
        return None
    return _range_cand(a, b, i, opener.clitic, "range_from_to")


def _between(toks: Tokens, i: int) -> Candidate | None:
    """`بين عامي 2005 و2010`, `بين 1830 و1962`."""
    w = toks.word(i)
    if w == "بين":
        start, clitic = i, 0
    elif w.endswith("بين") and toks.find(i, "range_open") is not None:
        start, clitic = i, len(w) - 3  # مابين / وبين: the span starts at بين
    else:
        return None
    k = i + 1
    noun = toks.find(k, "year_noun", clitic=False)
    if noun is not None:
        k = noun.end
    a = _range_end(toks, k)
    if a is None:
        return None
    j = joiner(toks, a.end)
    if j is None:
        return None
    if j == a.end:  # و glued to the second end's first word
        b = _glued_end(toks, j)
    else:
        b = _range_end(toks, j)
    if b is None or not _compatible(a, b):
        return None
    return _range_cand(a, b, start, clitic, "range_between")


def _glued_end(toks: Tokens, i: int) -> Pt | None:
    p = _range_end(toks, i)
    return p if p is not None and p.clitic == 1 else None


def _dash(toks: Tokens, i: int) -> Candidate | None:
    """`1948 - 2016`, `1999-2013`, `5 - 10 مايو 2023`."""
    a = _range_end(toks, i)
    if a is None or a.rule in ("range_month",) or toks.word(a.end) != "-":
        return None
    if a.rule == "range_day":
        pass
    b = _range_end(toks, a.end + 1)
    if b is None or not _compatible(a, b):
        return None
    if a.rule == "range_year" and b.rule == "range_year" and b.point.year <= a.point.year:  # type: ignore[operator]
        return None  # 2013-1999 or a score
    return _range_cand(a, b, i, a.clitic, "range_dash")


def _season(toks: Tokens, i: int) -> Candidate | None:
    """`2022/2023`, `موسم 2022/2023`, `العام المالي 2026/2027`: two consecutive years."""
    k, clitic, rule = i, 0, "season_years"
    head = toks.find(i, "fiscal_noun", "year_noun")
    if head is not None:
        k, clitic, rule = head.end, head.clitic, "fiscal_" + str(head.entry.value or "year")
        if head.entry.role == "fiscal_noun" and toks.word(k).startswith("ال") and _SEASON.fullmatch(toks.word(k + 1)):
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


# ---------------------------------------------------------------- decades, centuries


def _century_number(toks: Tokens, i: int) -> tuple[int, int] | None:
    o = ordinal(toks, i)
    if o is not None and o[2] == 0:
        return (o[0], o[1]) if o[0] >= 1 else None
    if toks.word(i) == "ال" and toks.adjacent(i + 1):
        i += 1  # القرن الـ20
    c = _plain_year(toks, i, 1, 21)
    if c is not None:
        return c, i + 1
    return None


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
        return Candidate("date", i, o[1], noun.clitic, norm, value, "centuries")
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


def _decade(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الثمانينيات`, `ثمانينات القرن العشرين`, `تسعينيات القرن الماضي`."""
    head = toks.find(i, "decade_noun")
    if head is not None:
        inner = _decade(toks, head.end, ref)  # عقد الثمانينيات
        if inner is None or inner.clitic:
            return None
        return replace(inner, start=i, clitic=head.clitic, rule="decade_noun_" + inner.rule)
    dw = toks.find(i, "decade_word")
    if dw is None:
        return None
    d = int(str(dw.entry.value))
    k = dw.end + 1 if toks.word(dw.end) == "من" else dw.end
    if toks.find(k, "age_noun") is not None:
        return None  # في العشرينيات من عمره: an age
    cent = _century(toks, k, ref)
    if cent is not None and cent.rule in ("century", "relative_century"):
        end, relative = cent.end, cent.rule == "relative_century"
        if cent.normalized is None:
            return Candidate(
                "date", i, end, dw.clitic, None, DateValue(granularity="decade", relative=True), "decade_century"
            )
        base = int(cent.normalized[:4]) - 1
    else:
        if not toks.words[i][dw.clitic :].startswith("ال"):
            return None  # ثمانينيات alone (no article, no century) is too vague
        end, relative, base = dw.end, False, 1900
    lo, hi = base + d, base + d + 9
    rule = "decade"
    j = joiner(toks, dw.end) if end == dw.end else None
    if j is not None:  # الستينيات والسبعينيات: two decades in one phrase are one range
        second = _decade(toks, j, ref)
        if second is not None and second.rule == "decade" and (j != dw.end or second.clitic == 1):
            if second.normalized and int(second.normalized[:4]) > lo:
                hi, end, rule = int(second.normalized[5:9]), second.end, "decades"
    value = DateValue(granularity="decade", start=DatePoint(year=lo), end=DatePoint(year=hi), relative=relative)
    return Candidate("date", i, end, dw.clitic, f"{lo:04d}/{hi:04d}", value, rule)


# ---------------------------------------------------------------- relative


def _rel_value(gran: Granularity, weekday: int | None = None) -> DateValue:
    return DateValue(granularity=gran, relative=True, weekday=weekday)


def _relative_day(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`اليوم`, `أمس`, `غدا`, `اليوم الجمعة`, `اليوم الأربعاء 14 يونيو 2023`."""
    head = toks.find(i, "day_noun")
    at = head.end if head is not None and toks.words[i][head.clitic :] == "يوم" else i  # يوم غد
    rd = toks.find(at, "relative_day", clitic=at == i)
    if rd is None or toks.words[i][: rd.clitic] not in ("", "و", "ف"):
        return None  # لامس (touched) is not ل + أمس
    if at != i:
        rd = replace(rd, clitic=head.clitic)  # type: ignore[union-attr]
    if toks.find(i - 1, "relative_pre_modifier", "anaphor") is not None:
        return None  # هذا اليوم, ذلك اليوم: anaphora
    nxt = rd.end
    if toks.find(nxt, "anaphor", "ord_ordinal", "ord_compound_unit") is not None:
        return None  # اليوم نفسه, اليوم الأول
    if toks.definite_word(nxt) and toks.find(nxt, "weekday", "month", "relative_modifier") is None:
        if toks.word(nxt).endswith("ي") or toks.find(nxt, "blocks_relative_day", clitic=False) is not None:
            return None  # اليوم الوطني (an adjective), أمس الحاجة (a superlative)
        clause_start = i == 0 or rd.clitic > 0 or toks.word(i - 1) in (".", "،", ",", "؛", ":", "!", "؟")
        homograph = toks.find(at, "verb_homograph") is not None
        if homograph and clause_start and "\u064b" not in toks.raw_word(at):
            return None  # غدا الأمر مستحيلا: the verb 'became' (غدًا with tanween is the adverb)
    wd = toks.find(nxt, "weekday", clitic=False)
    if wd is not None:
        inner = _weekday_date(toks, nxt)
        if inner is not None:
            c = _point_cand(inner)
            return replace(c, start=i, clitic=rd.clitic, rule="relative_day_" + inner.rule)
        nxt = wd.end
    n = int(str(rd.entry.value))
    norm = (ref + dt.timedelta(days=n)).isoformat() if ref else None
    weekday = int(str(wd.entry.value)) if wd is not None else None
    return Candidate("date", i, nxt, rd.clitic, norm, _rel_value("day", weekday), "relative_day")


def _last_or_next_month(ref: dt.date, month: int, n: int) -> str:
    y = ref.year
    if n < 0:
        y = ref.year if month < ref.month else ref.year - 1
    elif n > 0:
        y = ref.year if month > ref.month else ref.year + 1
    return Point(y, month).fmt()


def _relative_named(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`نوفمبر الماضي`, `شهر يناير الماضي`, `تموز (يوليو) الماضي`, `الخميس المقبل`, `يوم الأحد`."""
    noun = toks.find(i, "month_noun")
    k = noun.end if noun is not None else i
    mo = _month(toks, k)
    if mo is not None:
        rel = _arg(toks, mo[2], "relative_modifier", clitic=False)
        if rel is None:
            return None
        n = int(rel[0])
        norm = _last_or_next_month(ref, mo[0], n) if ref and mo[1] == "gregorian" else None
        value = DateValue(granularity="month", start=DatePoint(month=mo[0]), relative=True)
        return Candidate("date", i, rel[1], noun.clitic if noun else mo[3], norm, value, "relative_month")
    k, clitic, noun = i, 0, toks.find(i, "day_noun")
    if noun is not None and noun.end - i == 1 and toks.words[i][noun.clitic :] in ("يوم",):
        k, clitic = noun.end, noun.clitic
    else:
        noun = None
    wd = toks.find(k, "weekday", clitic=noun is None)
    if wd is None:
        return None
    if noun is None:
        clitic = wd.clitic
    weekday = int(str(wd.entry.value))
    rel = _arg(toks, wd.end, "relative_modifier", clitic=False)
    if rel is not None:
        n = int(rel[0])
        norm = None
        if ref is not None and n != 0:
            delta = (weekday - ref.isoweekday()) % 7
            if n > 0:
                day = ref + dt.timedelta(days=delta or 7)
            else:
                day = ref - dt.timedelta(days=(ref.isoweekday() - weekday) % 7 or 7)
            norm = day.isoformat()
        return Candidate("date", i, rel[1], clitic, norm, _rel_value("day", weekday), "relative_weekday")
    if noun is None and toks.find(k, "ambiguous_weekday") is not None:
        return None  # الاثنين (the two), الجمعة: need يوم, a date or a relative word
    if noun is None and toks.words[i][:clitic] not in ("", "و", "ف"):
        return None
    return Candidate("date", i, wd.end, clitic, None, _rel_value("day", weekday), "bare_weekday")


def _relative_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الأسبوع الماضي`, `الشهر المقبل`, `العام الماضي`, `العام المقبل 2026`."""
    noun = toks.find(i, "relative_period_noun")
    if noun is None:
        return None
    unit = str(noun.entry.value)
    rel = _arg(toks, noun.end, "relative_modifier", clitic=False)
    if rel is None or unit in ("century",):
        return None
    n, end = int(rel[0]), rel[1]
    y = _plain_year(toks, end, YEAR_MIN, YEAR_MAX)
    if unit == "year" and y is not None:
        value = DateValue(granularity="year", start=DatePoint(year=y), relative=True)
        return Candidate("date", i, end + 1, noun.clitic, str(y), value, "relative_period_year")
    norm: str | None = None
    gran: Granularity = "day"
    if unit == "week":
        gran = "week"
        norm = week_range(ref + dt.timedelta(weeks=n)) if ref else None
    elif unit == "month":
        gran = "month"
        norm = Point(*add_months(ref, n)).fmt() if ref else None
    elif unit == "year":
        gran = "year"
        norm = str(ref.year + n) if ref else None
    elif unit == "quarter":
        gran = "quarter"
        if ref:
            q = (ref.month - 1) // 3 + n
            y0, q0 = ref.year + q // 4, q % 4
            norm = range_str(Point(y0, q0 * 3 + 1), Point(y0, q0 * 3 + 3))
    elif unit == "decade":
        gran = "decade"
        if ref:
            d0 = ref.year // 10 * 10 + 10 * n
            norm = f"{d0}/{d0 + 9}"
    return Candidate("date", i, end, noun.clitic, norm, _rel_value(gran), "relative_period")


def _ago_later(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`قبل شهرين`, `بعد 3 سنوات`; not `بعد شهرين من الاستقلال` (counted from an event)."""
    prep = toks.find(i, "ago_prep")
    if prep is None:
        return None
    sign = int(str(prep.entry.value))
    parts: list[tuple[str, int]] = []
    k = prep.end
    while len(parts) < 3:
        num = read_number(toks, k)
        n, u_at = 1, k
        if num is not None:
            if num.value.denominator != 1 or num.scaled:
                return None
            n, u_at = int(num.value), num.end
        unit = toks.find(u_at, "duration_unit", clitic=not parts or u_at == k)
        if unit is None:
            break
        name, _, mult = str(unit.entry.value).partition("*")
        if mult and u_at == k:
            n = int(mult)
        if name.endswith("+"):
            if u_at == k:
                return None  # بعد عقود: a plural with no number is vague
            name = name[:-1]
        parts.append((name, n))
        k = unit.end
        if toks.word(k) == "و" or (
            toks.word(k).startswith("و") and toks.find(k, "duration_unit") is None and read_number(toks, k) is not None
        ):
            nxt = k + 1 if toks.word(k) == "و" else k
            if read_number(toks, nxt) is None and toks.find(nxt, "duration_unit") is None:
                break
            k = nxt
            continue
        break
    if not parts:
        return None
    end = k
    # back off a trailing و that led nowhere
    if toks.find(end, "event_prep", clitic=False) is not None:
        return None  # counted from an event, not from the document's date
    norm: str | None = None
    if ref is not None:
        d = ref
        gran = parts[-1][0]
        for unit_name, n in parts:
            if unit_name in ("day", "week"):
                d = d + dt.timedelta(days=sign * n * (7 if unit_name == "week" else 1))
            elif unit_name == "month":
                y, m = add_months(d, sign * n)
                d = d.replace(year=y, month=m, day=min(d.day, 28))
            elif unit_name in ("year", "decade", "century"):
                years = {"year": 1, "decade": 10, "century": 100}[unit_name]
                d = d.replace(year=d.year + sign * n * years, day=min(d.day, 28))
        norm = shift(d, "day" if gran == "week" else gran, 0)
    gran_out: Granularity = {"day": "day", "week": "day", "month": "month"}.get(parts[-1][0], "year")  # type: ignore[assignment]
    return Candidate("date", i, end, prep.clitic, norm, _rel_value(gran_out), "ago_later")


# ---------------------------------------------------------------- parts and modifiers


def _part(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الربع الثالث من 2024`, `النصف الأول من عام 2021`, `الربع الأول` (relative)."""
    noun = toks.find(i, "part_noun")
    if noun is None:
        return None
    part = str(noun.entry.value)
    o = ordinal(toks, noun.end)
    if o is None or o[2] != 0:
        return None
    n, end = o[0], o[1]
    size = {"quarter": 3, "half": 6, "third": 4}.get(part)
    if size is None:
        return None
    if n == 0:
        n = 12 // size  # الربع الأخير
    if not 1 <= n <= 12 // size:
        return None
    k = end + 1 if toks.word(end) == "من" else end
    span = _century(toks, k, ref) or _decade(toks, k, ref)
    if span is not None and span.rule in ("century", "decade") and span.normalized:
        # النصف الثاني من القرن العشرين: a share of a century's or decade's years
        first, last = int(span.normalized[:4]), int(span.normalized[5:9])
        count = {"quarter": 4, "half": 2, "third": 3}[part]
        length = (last - first + 1) / count
        if length != int(length):
            return None
        lo_y, hi_y = first + int(length) * (n - 1), first + int(length) * n - 1
        value = DateValue(granularity="year", start=DatePoint(year=lo_y), end=DatePoint(year=hi_y))
        rule = "part_of_century" if span.rule == "century" else "part_of_decade"
        return Candidate("date", i, span.end, noun.clitic, f"{lo_y:04d}/{hi_y:04d}", value, rule)
    year: int | None = None
    inner = _year_noun_year(toks, k)
    if inner is not None:
        year, end = inner.point.year, inner.end
    elif (y := _plain_year(toks, k, YEAR_MIN, YEAR_MAX)) is not None and len(toks.words[k]) == 4:
        year, end = y, k + 1
    else:
        rel = _relative_period(toks, k, ref)
        if rel is not None and rel.value.granularity == "year":  # type: ignore[union-attr]
            end = rel.end
            year = int(rel.normalized) if rel.normalized else None
            if year is None:
                return Candidate("date", i, end, noun.clitic, None, _rel_value(part), "part_relative")  # type: ignore[arg-type]
        elif ref is not None:
            year = ref.year
        else:
            return Candidate("date", i, end, noun.clitic, None, _rel_value(part), "part_relative")  # type: ignore[arg-type]
    assert year is not None
    lo, hi = Point(year, (n - 1) * size + 1), Point(year, n * size)
    gran: Granularity = "quarter" if part == "quarter" else "half"
    value = DateValue(granularity=gran, start=_dp(lo), end=_dp(hi))
    return Candidate("date", i, end, noun.clitic, range_str(lo, hi), value, "part_of_year")


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
        value = DateValue(granularity="month", start=DatePoint(month=mo[0]))
        options.append(Candidate("date", k, mo[2], 0, Point(None, mo[0]).fmt(), value, "month"))
    for rule in (_relative_named, _relative_period, _decade, _century):
        options.append(rule(toks, k, ref))  # بداية شهر أوت الماضي, مطلع شباط الماضي
    found = [c for c in options if c is not None]
    if not found:
        return None
    inner = max(found, key=lambda c: c.end)  # the first of the longest, in the order above
    assert isinstance(inner.value, DateValue)
    value = inner.value.model_copy(update={"modifier": _MODIFIERS.get(str(mod.entry.value), "start")})
    return Candidate("date", i, inner.end, mod.clitic, inner.normalized, value, "modifier_" + inner.rule)


_MODIFIERS: dict[str, Modifier] = {"start": "start", "early": "early", "mid": "mid", "late": "late", "end": "end"}


# ---------------------------------------------------------------- entry point


def _years_pair(toks: Tokens, i: int) -> Candidate | None:
    """`عامي 2005 و2010` without `بين`."""
    noun = toks.find(i, "year_noun")
    if noun is None:
        return None
    a = _plain_year(toks, noun.end, YEAR_MIN, YEAR_MAX)
    if a is None or toks.word(noun.end + 1) != "و":
        return None
    b = _plain_year(toks, noun.end + 2, YEAR_MIN, YEAR_MAX)
    if b is None or b <= a or not toks.words[i][noun.clitic :].endswith(("ي", "ين")):
        return None
    value = DateValue(granularity="year", start=DatePoint(year=a), end=DatePoint(year=b))
    return Candidate("date", i, noun.end + 3, noun.clitic, f"{a:04d}/{b:04d}", value, "years_pair")


def _days_pair(toks: Tokens, i: int) -> Candidate | None:
    """`يومي 3 و4 أبريل 2024`, `في 3 و4 أبريل`: two days of one month, one range."""
    noun = toks.find(i, "day_noun")
    k = noun.end if noun is not None and toks.words[i][noun.clitic :].endswith(("ي", "ين")) else i
    clitic = noun.clitic if k != i and noun is not None else 0
    d = _day(toks, k)
    if d is None:
        return None
    j = joiner(toks, k + 1)
    if j is None or j == k + 1:
        return None  # the second day is digits: `و` is its own token
    b = point(toks, j)
    if b is None or b.gran != "day" or b.rule != "day_month" or b.point.month is None:
        return None
    a = Pt(k, k + 1, 0, Point(None, None, d), b.calendar, "day", "range_day")
    if d >= (b.point.day or 0):
        return None
    return _range_cand(a, b, i, clitic, "days_pair")


def _months_pair(toks: Tokens, i: int) -> Candidate | None:
    """`شهري يوليو وأغسطس 2024`: two months under a dual noun, one range."""
    noun = toks.find(i, "month_noun")
    if noun is None or not toks.words[i][noun.clitic :].endswith(("ي", "ين")):
        return None
    a = _month(toks, noun.end)
    if a is None:
        return None
    j = joiner(toks, a[2])
    if j is None:
        return None
    b = _month(toks, j)
    if b is None or (j == a[2] and b[3] != 1) or b[1] != a[1]:
        return None
    yp = _year_part(toks, b[2])
    year, end = (yp[0], yp[2]) if yp is not None and yp[1] != "bc" else (None, b[2])
    pa, pb = (
        Pt(noun.end, a[2], 0, Point(year, a[0]), a[1], "month", "range_month"),
        Pt(j, end, 0, Point(year, b[0]), b[1], "month", "range_month"),
    )
    return _range_cand(pa, pb, i, noun.clitic, "months_pair")


def _this_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`هذا العام`, `هذه السنة`, `هذا الشهر`: the current period."""
    pre = toks.find(i, "relative_pre_modifier")
    if pre is None:
        return None
    noun = toks.find(pre.end, "relative_period_noun", clitic=False)
    if noun is None or noun.entry.value not in ("year", "month", "week"):
        return None
    if toks.find(noun.end, "anaphor", "relative_modifier") is not None:
        return None
    unit = str(noun.entry.value)
    norm = None
    if ref is not None:
        norm = {"year": str(ref.year), "month": Point(ref.year, ref.month).fmt(), "week": week_range(ref)}[unit]
    gran: Granularity = "year" if unit == "year" else "month" if unit == "month" else "week"
    return Candidate("date", i, noun.end, pre.clitic, norm, _rel_value(gran), "this_period")


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


def _point_rule(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    p = point(toks, i)
    return _point_cand(p) if p is not None else None


def _no_ref(
    rule: Callable[[Tokens, int], Candidate | None],
) -> Callable[[Tokens, int, dt.date | None], Candidate | None]:
    return lambda toks, i, ref: rule(toks, i)


_ORDINAL = frozenset({"ord_ordinal", "ord_compound_unit", "ord_ten"})
_POINT_START = frozenset(
    {"digit", "article", "month", "hmonth", "month_noun", "day_noun", "weekday", "year_noun", *_ORDINAL}
)

# Every date rule, with what can start it: a token's lexicon roles, `digit` or
# `article`. At each anchor only the rules its keys can start are tried.
DATE_RULES: list[tuple[Callable[[Tokens, int, dt.date | None], Candidate | None], frozenset[str]]] = [
    (_point_rule, _POINT_START),
    (_no_ref(_from_to), frozenset({"range_open"})),
    (_no_ref(_between), frozenset({"range_open"})),
    (_no_ref(_dash), _POINT_START | {"period_modifier"}),
    (_no_ref(_season), frozenset({"digit", "fiscal_noun", "year_noun"})),
    (_no_ref(_years_pair), frozenset({"year_noun"})),
    (_no_ref(_months_pair), frozenset({"month_noun"})),
    (_no_ref(_days_pair), frozenset({"digit", "day_noun"})),
    (_century, frozenset({"century_noun"})),
    (_decade, frozenset({"decade_noun", "decade_word"})),
    (_relative_day, frozenset({"relative_day", "day_noun"})),
    (_relative_named, frozenset({"month", "hmonth", "month_noun", "day_noun", "weekday"})),
    (_relative_period, frozenset({"relative_period_noun"})),
    (_ago_later, frozenset({"ago_prep"})),
    (_part, frozenset({"part_noun"})),
    (_modifier, frozenset({"period_modifier"})),
    (_this_period, frozenset({"relative_pre_modifier"})),
    (_season_of_year, frozenset({"season"})),
]


def find_dates(toks: Tokens, i: int, ref: dt.date | None) -> list[Candidate]:
    """Every date reading that starts at token i."""
    keys = toks.keys(i)
    found: list[Candidate] = []
    for rule, starts in DATE_RULES:
        if keys & starts:
            c = rule(toks, i, ref)
            if c is not None:
                found.append(c)
    return found
