"""The ends of a date range, typed: what each end is (`EndKind`) decides what it
pairs with and what it borrows from the other end.

Any point reading can be an end (`5 مايو 2022`, `الخميس 9 مايو`), and so can
what a range licenses alone: a bare year, month or day number, a weekday with a
day number (`الأحد 5`), a day of a relative month (`9 الشهر المقبل`,
`18 من هذا الشهر`), and a relative day, month or year (`اليوم`, `الأحد المقبل`,
`الشهر الماضي`). A relative end is resolved against the reference date when
there is one; without it the range is a mention with `normalized: null`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum

from ...calendars import Point, valid_day
from ...particles import COMMAS, MIN
from ...records import DateValue
from ...tokens import Tokens
from ..base import Candidate
from .common import YEAR_MAX, YEAR_MIN, Pt, counted, day_number, era_at, month_name, plain_year
from .points import point
from .relative import relative_day, relative_named, relative_period, this_period


class EndKind(Enum):
    """What a range end is."""

    POINT = "point"  # a date point as written (`5 مايو 2022`, `عام 2010`, `مارس 2020`)
    ERA_YEAR = "era_year"  # a year with its era (`705 م`): a point that also completes a short year
    YEAR = "year"  # a bare four-digit year (`1948`)
    SHORT_YEAR = "short_year"  # a bare year of three digits (`646`): only before an era year
    MONTH = "month"  # a bare month name: borrows the other end's year
    DAY = "day"  # a bare day number, maybe after its weekday (`الأحد 5`): borrows month and year
    RELATIVE = "relative"  # a day, month or year named from the reference date (`اليوم`, `9 الشهر المقبل`)


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

    @property
    def unresolved(self) -> bool:
        """A relative end with no reference date to resolve it."""
        return self.pt.relative and self.pt.when is None


BARE = ""  # the label of an end's own reading: never output, the range has its own label
_PROBE = dt.date(2001, 1, 1)
# What can start a relative reading (the start keys of the relative rules read below).
_RELATIVE_START = frozenset(
    {"relative_day", "day_noun", "month", "hmonth", "month_noun", "weekday", "relative_period_noun",
     "relative_pre_modifier"}
)  # fmt: skip  # tells a relative reading that can name a date from one that never does


def _named_point(c: Candidate) -> Point | None:
    """The one Gregorian day, month or year a reading resolves to, if it names one."""
    return c.when if isinstance(c.when, Point) else None


def _resolved(p: Pt) -> Pt:
    """A relative reading with the date it names as its point (`9 مارس الجاري` → 2024-03-09)."""
    if not p.relative or not isinstance(p.when, Point):
        return p
    return replace(p, point=p.when)


def _is_era_year(toks: Tokens, p: Pt) -> bool:
    """`705 م`: a year number followed by its era, and nothing else."""
    if p.gran != "year" or not toks.is_int(p.start):
        return False
    era = era_at(toks, p.start + 1)
    return era is not None and era.end == p.end


def _relative_reading(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """The longest relative reading at i that names one Gregorian day, month or year:
    `اليوم`, `أمس`, `الأحد المقبل`, `الشهر المقبل`, `مايو الماضي`, `العام المقبل`, `هذا الشهر`.
    Not a week or a quarter (a range itself), nor a bare weekday (it names no date)."""
    if not toks.keys(i) & _RELATIVE_START:
        return None
    best: Candidate | None = None
    for read in (relative_day, relative_named, relative_period, this_period):
        c = read(toks, i, ref or _PROBE)
        if c is None or _named_point(c) is None or not isinstance(c.value, DateValue):
            continue
        if c.value.calendar != "gregorian" or c.value.granularity not in ("day", "month", "year"):
            continue
        if best is None or c.end > best.end:
            best = c
    if best is not None and ref is None and isinstance(best.value, DateValue) and best.value.relative:
        best = replace(best, normalized=None, when=None)  # `اليوم` names no date without R; `اليوم 5 مايو 2023` does
    return best


def _relative_end(toks: Tokens, i: int, ref: dt.date | None) -> End | None:
    c = _relative_reading(toks, i, ref)
    if c is None or not isinstance(c.value, DateValue):
        return None
    where = _named_point(c)
    pt = Pt(i, c.end, c.clitic, where or Point(), "gregorian", c.value.granularity, BARE,
            weekday=c.value.weekday, relative=c.value.relative, when=where)  # fmt: skip
    return End(pt, EndKind.RELATIVE)


def _day_of_relative_month(toks: Tokens, i: int, ref: dt.date | None) -> End | None:
    """`9 الشهر المقبل`, `18 من هذا الشهر`: a day number of a month named from the
    reference date (with `من` it is also a point: `5 من الشهر المقبل`)."""
    d = day_number(toks, i)
    if d is None:
        return None
    k = i + 2 if toks.word(i + 1) == MIN else i + 1
    month = _relative_reading(toks, k, ref)
    if month is None or not isinstance(month.value, DateValue):
        return None
    if month.value.granularity != "month" or month.value.start is not None:
        return None  # a month period (`الشهر المقبل`), not a named month (`مايو المقبل`)
    where, when = Point(None, None, d), None
    m = _named_point(month)
    if m is not None:
        if m.month is None or not valid_day(m.year, m.month, d):
            return None
        where = when = Point(m.year, m.month, d)
    pt = Pt(i, month.end, 0, where, "gregorian", "day", BARE, relative=True, when=when)
    return End(pt, EndKind.RELATIVE)


def _weekday_day(toks: Tokens, i: int) -> End | None:
    """`الأحد 5`, `يوم الأحد، 5`: a weekday and a bare day number, whose month
    and year the other end gives (`من الأحد 5 حتى الخميس 9 مايو 2022`)."""
    k, clitic = i, 0
    noun = toks.find(i, "day_noun")
    if noun is not None and noun.entry.text_value == "one":
        k, clitic = noun.end, noun.clitic
    wd = toks.find(k, "weekday", clitic=noun is None)
    if wd is None:
        return None
    if noun is None:
        clitic = wd.clitic
    k = wd.end + 1 if toks.word(wd.end) in COMMAS else wd.end
    d = day_number(toks, k)
    if d is None:
        return None
    weekday = wd.entry.int_value
    pt = Pt(i, k + 1, clitic, Point(None, None, d), "gregorian", "day", BARE, weekday=weekday)
    return End(pt, EndKind.DAY)


def range_end(toks: Tokens, i: int) -> End | None:
    """A range end at token i, resolved against the tokens' reference date as points
    are; computed once per token (several range rules try the same place)."""
    return toks.once(_range_end, i)


def _range_end(toks: Tokens, i: int) -> End | None:
    """An end, possibly after one modifier (`منتصف يوليوز`). The end after the modifier
    is read unmodified: a chain of modifiers (`آخر آخر آخر …`) is no end, and reading it
    one modifier at a time would recurse once per word."""
    mod = toks.find(i, "period_modifier")
    if mod is None:
        return _unmodified_end(toks, i)
    if toks.find(mod.end, "period_modifier") is not None:
        return None
    inner = _unmodified_end(toks, mod.end)
    if inner is None or inner.kind is EndKind.DAY:
        return None
    return End(replace(inner.pt, start=i, clitic=mod.clitic), inner.kind, modified=True)


def _unmodified_end(toks: Tokens, i: int) -> End | None:
    """The longest of a point and a relative reading, else what a range licenses alone."""
    ref = toks.ref
    p = point(toks, i)
    rel = _relative_end(toks, i, ref) or _day_of_relative_month(toks, i, ref)
    if rel is not None and (p is None or rel.end > p.end):
        return rel
    if p is not None:
        return End(_resolved(p), EndKind.ERA_YEAR if _is_era_year(toks, p) else EndKind.POINT)
    y = plain_year(toks, i, YEAR_MIN, YEAR_MAX)
    if y is not None and len(toks.words[i]) == 4:  # with an era it is a point (`1492 م`)
        return End(Pt(i, i + 1, 0, Point(y), "gregorian", "year", BARE), EndKind.YEAR)
    y = plain_year(toks, i, 100, 999)
    if y is not None:  # 646–705 م: a short year, if the range's last end carries an era
        return End(Pt(i, i + 1, 0, Point(y), "gregorian", "year", BARE), EndKind.SHORT_YEAR)
    mo = month_name(toks, i)
    if mo is not None:
        return End(Pt(i, mo.end, mo.clitic, Point(None, mo.number), mo.calendar, "month", BARE), EndKind.MONTH)
    wd = _weekday_day(toks, i)
    if wd is not None:
        return wd
    d = day_number(toks, i)
    if d is not None:
        return End(Pt(i, i + 1, 0, Point(None, None, d), "gregorian", "day", BARE), EndKind.DAY)
    return None


def counts(toks: Tokens, b: End) -> bool:
    """Two bare numbers that count what follows them: `بين 1500 و1800 مقاتل`."""
    return b.kind in (EndKind.YEAR, EndKind.SHORT_YEAR) and counted(toks, b.end)


def compatible(a: End, b: End) -> bool:
    """Both ends must be of a kind: two years, or a first end the second completes.
    A relative end pairs with an end of its own granularity."""
    pa, pb = a.pt, b.pt
    if a.kind is EndKind.DAY:
        return pb.gran == "day" and (pb.point.month is not None or b.unresolved)
    if EndKind.RELATIVE in (a.kind, b.kind):
        return pa.gran == pb.gran and b.kind not in (EndKind.DAY, EndKind.SHORT_YEAR)
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


__all__ = ["BARE", "End", "EndKind", "compatible", "counts", "range_end"]
