"""Date ranges: `من … إلى`, `بين … و…`, `A - B`, season years `2022/2023`, pairs of
years, months and days under a dual noun."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum

from ...calendars import Point, Span, When, bounds, valid_day
from ...particles import ARTICLE, BAYNA, DUAL_ENDINGS, MIN, WAW
from ...records import DatePoint, DateValue
from ...tokens import Tokens
from ..base import Candidate, date_candidate, joiner
from ..registry import date_rule
from .common import (
    YEAR_MAX,
    YEAR_MIN,
    Pt,
    counted,
    date_point,
    day_number,
    era_at,
    month_name,
    plain_year,
    pt_bounds,
    year_part,
)
from .periods import century, decade, periods_spanned
from .points import POINT_START, numeric_date, point


def _null_range(a: Pt, b: Pt, start: int, clitic: int, rule: str) -> Candidate:
    """A range whose last end is relative and there is no reference date."""
    value = DateValue(granularity=b.gran, start=date_point(a.point), end=date_point(b.point), relative=True)
    return date_candidate(start, b.end, clitic, None, value, rule)


YEAR_LAST = 9999  # `normalized` writes four-digit years


def _after(a: Point, b: Point) -> bool:
    """`a` is later than `b` on the fields both give, from the year down: an end
    with a weekday or an ordinal day may lack the month or year the other has.
    Two ends without a year are later only within one month (`من 5 إلى 3 مايو`):
    `من ديسمبر إلى فبراير` crosses the new year."""
    if a.year is None and b.year is None and a.month != b.month:
        return False
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if x is None and y is None:
            continue
        if x is None or y is None:
            return False
        if x != y:
            return x > y
    return False


def _range_cand(a: Pt, b: Pt, start: int, clitic: int, rule: str) -> Candidate | None:
    # The first end borrows what it lacks from the second: من 5 إلى 10 مايو 2023.
    pa, pb = a.point, b.point
    if b.relative:
        if b.when is None:
            return None if b.point.month is None else _null_range(a, b, start, clitic, rule)
        pb = Point(bounds(b.when).first.year, pb.month, pb.day)  # بين 10 و12 مارس الجاري
        b = replace(b, point=pb)
    if pa.month is None and pa.day is not None:
        pa = Point(pb.year, pb.month, pa.day)
    elif pa.year is None and pb.year is not None:
        if pa.month is not None and pb.month is None:
            return None  # من الأول من مارس حتى عام 2020: a bare year does not complete a day or a month
        pa = Point(pb.year, pa.month, pa.day)
        if pa.month is not None and pb.month is not None and (pa.month, pa.day or 0) > (pb.month, pb.day or 0):
            if pb.year <= 1:
                return None  # no year before year 1
            pa = Point(pb.year - 1, pa.month, pa.day)  # من ديسمبر إلى فبراير 2024: across the new year
    if pb.year is None and pa.year is not None and pb.month is not None and a.calendar == b.calendar:
        # and the second end from the first: من 2019/05/03 حتى 7 يونيو, من 20 ديسمبر 2023 إلى 5 يناير
        across = pa.month is not None and (pa.month, pa.day or 0) > (pb.month, pb.day or 0)
        if pa.year + across > YEAR_LAST:
            return None
        pb = Point(pa.year + across, pb.month, pb.day)
        b = replace(b, point=pb)
    if pa.day is not None and pa.month is not None and not valid_day(pa.year, pa.month, pa.day):
        return None
    if pb.day is not None and pb.month is not None and not valid_day(pb.year, pb.month, pb.day):
        return None
    a = replace(a, point=pa)
    if a.calendar != b.calendar and b.calendar == "hijri":
        a = replace(a, calendar="hijri")
    years = _years_calendar(a, b)
    if years is None:
        return None  # من رمضان 1445هـ إلى شوال 2025: one end's years Hijri, the other's Gregorian
    a, b = years
    when: When | None
    if a.calendar == "hijri":  # من رمضان 2024 إلى شوال 2025 too: the Gregorian days the months cover
        ba, bb = pt_bounds(a), pt_bounds(b)
        when = Span(ba.first, bb.last) if ba and bb else None
    else:
        if _after(pa, pb):
            return None
        when = Span(pa, pb)
    value = DateValue(
        calendar=a.calendar,
        year_calendar=a.year_calendar,
        granularity=b.gran,
        start=date_point(pa),
        end=date_point(b.point),
    )
    return date_candidate(start, b.end, clitic, when, value, rule)


def _years_calendar(a: Pt, b: Pt) -> tuple[Pt, Pt] | None:
    """The ends with one calendar of years: an end whose year was borrowed takes the other's
    (`من 1 رمضان إلى 15 شوال 2025`: both Hijri days in a Gregorian year); None when they differ."""
    if a.year_calendar == b.year_calendar:
        return a, b
    if a.calendar == b.calendar == "hijri":
        if a.year_calendar is None and a.point.year == b.point.year:
            return replace(a, year_calendar=b.year_calendar), b
        if b.year_calendar is None and b.point.year == a.point.year:
            return a, replace(b, year_calendar=a.year_calendar)
    return None


class EndKind(Enum):
    """What a range end is, which decides what it pairs with and what it borrows."""

    POINT = "point"  # a date point as written (`5 مايو 2022`, `عام 2010`, `مارس 2020`)
    ERA_YEAR = "era_year"  # a year with its era (`705 م`): a point that also completes a short year
    YEAR = "year"  # a bare four-digit year (`1948`)
    SHORT_YEAR = "short_year"  # a bare year of three digits (`646`): only before an era year
    MONTH = "month"  # a bare month name: borrows the other end's year
    DAY = "day"  # a bare day number: borrows the other end's month and year


@dataclass(frozen=True, slots=True)
class End:
    """A range end: its reading, what kind of end it is, and whether a period
    modifier (`منتصف يوليوز`) stands before it."""

    pt: Pt
    kind: EndKind
    modified: bool = False

    @property
    def end(self) -> int:
        return self.pt.end


_BARE = ""  # the label of a bare end's reading: never output, the range has its own


def _is_era_year(toks: Tokens, p: Pt) -> bool:
    """`705 م`: a year number followed by its era, and nothing else."""
    if p.gran != "year" or not toks.is_int(p.start):
        return False
    era = era_at(toks, p.start + 1)
    return era is not None and era.end == p.end


def _range_end(toks: Tokens, i: int) -> End | None:
    """A range end: a full point, or what a range licenses alone (a bare year,
    a bare day number, a bare month), possibly after a modifier (`منتصف يوليوز`)."""
    mod = toks.find(i, "period_modifier")
    if mod is not None:
        inner = _range_end(toks, mod.end)
        if inner is None or inner.kind is EndKind.DAY:
            return None
        return End(replace(inner.pt, start=i, clitic=mod.clitic), inner.kind, modified=True)
    p = point(toks, i)
    if p is not None:
        return End(p, EndKind.ERA_YEAR if _is_era_year(toks, p) else EndKind.POINT)
    y = plain_year(toks, i, YEAR_MIN, YEAR_MAX)
    if y is not None and len(toks.words[i]) == 4:  # with an era it is a point (`1492 م`)
        return End(Pt(i, i + 1, 0, Point(y), "gregorian", "year", _BARE), EndKind.YEAR)
    y = plain_year(toks, i, 100, 999)
    if y is not None:  # 646–705 م: a short year, if the range's last end carries an era
        return End(Pt(i, i + 1, 0, Point(y), "gregorian", "year", _BARE), EndKind.SHORT_YEAR)
    mo = month_name(toks, i)
    if mo is not None:
        return End(Pt(i, mo.end, mo.clitic, Point(None, mo.number), mo.calendar, "month", _BARE), EndKind.MONTH)
    d = day_number(toks, i)
    if d is not None:
        return End(Pt(i, i + 1, 0, Point(None, None, d), "gregorian", "day", _BARE), EndKind.DAY)
    return None


def _counts(toks: Tokens, b: End) -> bool:
    """Two bare numbers that count what follows them: `بين 1500 و1800 مقاتل`."""
    return b.kind in (EndKind.YEAR, EndKind.SHORT_YEAR) and counted(toks, b.end)


def _compatible(a: End, b: End) -> bool:
    """Both ends must be of a kind: two years, or a first end the second completes."""
    pa, pb = a.pt, b.pt
    if a.kind is EndKind.DAY:
        return pb.gran == "day" and pb.point.month is not None
    if a.kind is EndKind.MONTH:
        return pb.point.month is not None and pb.point.day is None
    if a.kind is EndKind.YEAR:
        return pb.gran == "year" and b.kind is not EndKind.SHORT_YEAR
    if a.kind is EndKind.SHORT_YEAR:
        return b.kind is EndKind.ERA_YEAR
    if b.kind in (EndKind.SHORT_YEAR, EndKind.DAY) or (b.kind is EndKind.MONTH and pa.point.month is None):
        return False
    if b.kind is EndKind.YEAR:
        return pa.gran == "year"
    return True


@date_rule("range_from_to", starts={"range_open"})
def _from_to(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`من 1979 إلى 1989`, `من 5 إلى 10 مايو 2023`."""
    opener = toks.find(i, "range_open")
    if opener is None or toks.words[i][opener.clitic :] != MIN:
        return None
    a = _range_end(toks, opener.end)
    if a is None:
        return None
    to = toks.find(a.end, "range_to")
    if to is None:
        return None
    b = _range_end(toks, to.end)
    if b is None or not _compatible(a, b) or _counts(toks, b):
        return None
    return _range_cand(a.pt, b.pt, i, opener.clitic, "range_from_to")


@date_rule("range_between", starts={"range_open"}, prefixes=("range_between_",))
def _between(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`بين عامي 2005 و2010`, `بين 1830 و1962`."""
    w = toks.word(i)
    if w == BAYNA:
        start, clitic = i, 0
    elif w.endswith(BAYNA) and toks.find(i, "range_open") is not None:
        start, clitic = i, len(w) - len(BAYNA)  # مابين / وبين: the span starts at بين
    else:
        return None
    both = century(toks, i + 1, None) or decade(toks, i + 1, None)
    if both is not None and (periods_spanned(both) or 0) > 1 and both.clitic == 0:
        return replace(both, start=start, clitic=clitic, rule="range_between_" + both.rule)  # بين القرنين …
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
    if b is None or not _compatible(a, b) or _counts(toks, b):
        return None
    return _range_cand(a.pt, b.pt, start, clitic, "range_between")


def _glued_end(toks: Tokens, i: int) -> End | None:
    p = _range_end(toks, i)
    return p if p is not None and p.pt.clitic == 1 else None


@date_rule("range_dash", starts=POINT_START | {"period_modifier"})
def _dash(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`1948 - 2016`, `1999-2013`, `5 - 10 مايو 2023`."""
    a = _range_end(toks, i)
    if a is None or (a.kind is EndKind.MONTH and not a.modified) or toks.word(a.end) != "-":
        return None
    b = _range_end(toks, a.end + 1)
    if b is None or not _compatible(a, b) or _counts(toks, b):
        return None
    if a.kind is b.kind is EndKind.YEAR and (b.pt.point.year or 0) <= (a.pt.point.year or 0):
        return None  # 2013-1999 or a score
    return _range_cand(a.pt, b.pt, i, a.pt.clitic, "range_dash")


@date_rule("years_pair", starts={"year_noun"})
def _years_pair(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`عامي 2005 و2010` without `بين`."""
    noun = toks.find(i, "year_noun")
    if noun is None:
        return None
    a = plain_year(toks, noun.end, YEAR_MIN, YEAR_MAX)
    if a is None or toks.word(noun.end + 1) != WAW:
        return None
    b = plain_year(toks, noun.end + 2, YEAR_MIN, YEAR_MAX)
    if b is None or b <= a or not toks.words[i][noun.clitic :].endswith(DUAL_ENDINGS):
        return None
    value = DateValue(granularity="year", start=DatePoint(year=a), end=DatePoint(year=b))
    return date_candidate(i, noun.end + 3, noun.clitic, Span.years(a, b), value, "years_pair")


@date_rule("days_pair", starts={"digit", "day_noun"})
def _days_pair(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`يومي 3 و4 أبريل 2024`, `في 3 و4 أبريل`: two days of one month, one range."""
    noun = toks.find(i, "day_noun")
    k = noun.end if noun is not None and toks.words[i][noun.clitic :].endswith(DUAL_ENDINGS) else i
    clitic = noun.clitic if k != i and noun is not None else 0
    d = day_number(toks, k)
    if d is None:
        return None
    j = joiner(toks, k + 1)
    if j is None or j == k + 1:
        return None  # the second day is digits: `و` is its own token
    b = point(toks, j)
    if b is None or not _day_number_then_month(toks, j, b):
        return None
    a = Pt(k, k + 1, 0, Point(None, None, d), b.calendar, "day", _BARE)
    if d >= (b.point.day or 0):
        return None
    return _range_cand(a, b, i, clitic, "days_pair")


def _day_number_then_month(toks: Tokens, j: int, b: Pt) -> bool:
    """`4 أبريل 2024` at j: a day number and its month name, not a numeric date,
    an ordinal day or a day of a relative month."""
    if b.gran != "day" or b.point.month is None or b.relative or b.weekday is not None:
        return False
    k = j + 1 if toks.word(j) == ARTICLE and toks.adjacent(j + 1) else j  # الـ4 من أبريل
    return day_number(toks, k) is not None and numeric_date(toks, j) is None


@date_rule("months_pair", starts={"month_noun"})
def _months_pair(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`شهري يوليو وأغسطس 2024`: two months under a dual noun, one range."""
    noun = toks.find(i, "month_noun")
    if noun is None or not toks.words[i][noun.clitic :].endswith(DUAL_ENDINGS):
        return None
    a = month_name(toks, noun.end)
    if a is None:
        return None
    j = joiner(toks, a.end)
    if j is None:
        return None
    b = month_name(toks, j)
    if b is None or (j == a.end and b.clitic != 1) or b.calendar != a.calendar:
        return None
    yp = year_part(toks, b.end)
    year, end = (yp.year, yp.end) if yp is not None and yp.era != "bc" else (None, b.end)
    pa, pb = (
        Pt(noun.end, a.end, 0, Point(year, a.number), a.calendar, "month", _BARE),
        Pt(j, end, 0, Point(year, b.number), b.calendar, "month", _BARE),
    )
    return _range_cand(pa, pb, i, noun.clitic, "months_pair")
