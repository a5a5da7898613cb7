"""The relative-time algebra: an anchor, a shift and a selection, resolved against a reference date.

Relative time is compositional (issue 11): `الخميس من الأسبوع المقبل` is the anchor *week*, the
shift *next* and the selection *its Thursday*; `الأيام الخمسة الماضية` is the anchor *day*
spanned five steps back; `آخر يوم من فبراير 2024` the fixed anchor *February 2024* with the
selection *its last day*. The grammar maps words onto these three parts; this module knows no
word and no token, only dates. Weeks are ISO weeks (Monday–Sunday), as docs/conventions.md says.
A resolved period is given to the rules as a typed `Point` or `Span` (pipeline/calendars.py), which
`date_candidate` formats into `normalized`; the shift is `Offset` here, apart from the grammar's
`Shift` (a relative word read at a token, rules/dates/common.py).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from .calendars import Point, Span, When

Unit = Literal["day", "week", "month", "year", "decade"]
UNITS: tuple[Unit, ...] = ("day", "week", "month", "year", "decade")
# How precise a period's value is: days, months or years.
_Written = Literal["day", "month", "year"]
_WRITTEN: dict[Unit, _Written] = {"day": "day", "week": "day", "month": "month", "year": "year", "decade": "year"}


@dataclass(frozen=True, slots=True)
class Period:
    """A run of whole days, written at the granularity of the unit it was built from."""

    first: dt.date
    last: dt.date
    unit: Unit

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ValueError(f"a period cannot end before it starts: {self.first} > {self.last}")

    def contains(self, d: dt.date) -> bool:
        return self.first <= d <= self.last

    def when(self) -> When:
        """The typed value: a day, `2024-03-04/2024-03-10`, a month, `2024-05/2024-10`, a year, `2005/2024`."""
        written = _WRITTEN[self.unit]
        a, b = _point(self.first, written), _point(self.last, written)
        return a if a == b else Span(a, b)


def _point(d: dt.date, written: _Written) -> Point:
    if written == "day":
        return Point(d.year, d.month, d.day)
    if written == "month":
        return Point(d.year, d.month)
    return Point(d.year)


@dataclass(frozen=True, slots=True)
class Anchor:
    """What is counted from: the period of `unit` that holds the reference date (`the week`,
    `the month`), a weekday counted from R (`الخميس`: unit `day`, `weekday` set), or a fixed
    period (`مايو 2019`) that needs no reference date."""

    unit: Unit
    weekday: int | None = None  # ISO 1-7
    fixed: Period | None = None


@dataclass(frozen=True, slots=True)
class Offset:
    """The shift: `steps` periods away (0 this, 1 next, -1 previous, 2 after next); with `span`, every
    period from the one next to the anchor's up to that one (`الأيام الخمسة الماضية`: -5, span)."""

    steps: int = 0
    span: bool = False


@dataclass(frozen=True, slots=True)
class Selection:
    """Which part of the period: all of it, its first or last day, the given weekday of it (in a
    week), its n-th weekday (n = -1 the last one: in a month), or the rest of it from R on."""

    part: Literal["whole", "first_day", "last_day", "weekday", "nth_weekday", "rest"] = "whole"
    weekday: int | None = None
    n: int = 1


WHOLE = Selection()
THIS = Offset()


def containing(unit: Unit, d: dt.date) -> Period:
    """The calendar period of `unit` that holds day d."""
    if unit == "day":
        return Period(d, d, "day")
    if unit == "week":
        monday = d - dt.timedelta(days=d.weekday())
        return Period(monday, monday + dt.timedelta(days=6), "week")
    if unit == "month":
        return month(d.year, d.month)
    if unit == "year":
        return year(d.year)
    y0 = d.year // 10 * 10
    return Period(dt.date(max(y0, 1), 1, 1), dt.date(y0 + 9, 12, 31), "decade")


def month(y: int, m: int) -> Period:
    return Period(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month")


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")


def shifted(p: Period, n: int) -> Period:
    """The calendar period n units after p (before it when n < 0), of p's unit."""
    if p.unit == "day":
        return containing("day", p.first + dt.timedelta(days=n))
    if p.unit == "week":
        return containing("week", p.first + dt.timedelta(weeks=n))
    if p.unit == "month":
        k = p.first.year * 12 + p.first.month - 1 + n
        return month(k // 12, k % 12 + 1)
    if p.unit == "year":
        return year(p.first.year + n)
    return containing("decade", dt.date(p.first.year + 10 * n, 1, 1))


def spanned(p: Period, n: int) -> Period:
    """The |n| whole periods next to p, after it (n > 0) or before it (n < 0), as one period."""
    if n == 0:
        raise ValueError("a span needs at least one step")
    near, far = shifted(p, 1 if n > 0 else -1), shifted(p, n)
    return Period(near.first, far.last, p.unit) if n > 0 else Period(far.first, near.last, p.unit)


def weekday_near(ref: dt.date, weekday: int, n: int) -> dt.date:
    """`الخميس المقبل` (n = 1): the first such day after R; `الخميس الماضي` (n = -1): the last
    before R; `الخميس بعد المقبل` (n = 2): a week after the first; n = 0: the one of R's week."""
    if n == 0:
        return ref + dt.timedelta(days=weekday - ref.isoweekday())
    further = dt.timedelta(weeks=abs(n) - 1)
    if n > 0:
        return ref + dt.timedelta(days=(weekday - ref.isoweekday()) % 7 or 7) + further
    return ref - dt.timedelta(days=(ref.isoweekday() - weekday) % 7 or 7) - further


def select(p: Period, sel: Selection, ref: dt.date | None = None) -> Period | None:
    """The part of p a selection names, or None when there is none (a fifth Monday that a month
    lacks, the rest of a period that does not hold R)."""
    if sel.part == "whole":
        return p
    if sel.part == "first_day":
        return Period(p.first, p.first, "day")
    if sel.part == "last_day":
        return Period(p.last, p.last, "day")
    if sel.part == "rest":
        return Period(ref, p.last, "day") if ref is not None and p.contains(ref) else None
    if sel.weekday is None:
        raise ValueError(f"the selection {sel.part} needs a weekday")
    if sel.part == "weekday":
        d = p.first + dt.timedelta(days=(sel.weekday - p.first.isoweekday()) % 7)
    elif sel.n > 0:
        d = p.first + dt.timedelta(days=(sel.weekday - p.first.isoweekday()) % 7 + 7 * (sel.n - 1))
    else:
        d = p.last - dt.timedelta(days=(p.last.isoweekday() - sel.weekday) % 7 + 7 * (-sel.n - 1))
    return Period(d, d, "day") if p.contains(d) else None


def resolve(
    anchor: Anchor, shift: Offset = THIS, selection: Selection = WHOLE, ref: dt.date | None = None
) -> Period | None:
    """The period an anchor, a shift and a selection name; None when it needs a reference date
    that is missing, or names nothing. Raises OverflowError beyond the years 1-9999."""
    if anchor.fixed is not None:
        base = anchor.fixed
    elif ref is None:
        return None
    elif anchor.weekday is not None:
        d = weekday_near(ref, anchor.weekday, shift.steps)
        return select(Period(d, d, "day"), selection, ref)
    elif shift.span and anchor.unit == "decade":
        # Decades are spanned in years from R's year (`العقدين الماضيين`: the twenty years
        # before it), not in calendar decades.
        years = spanned(containing("year", ref), 10 * shift.steps)
        return select(Period(years.first, years.last, "decade"), selection, ref)
    else:
        base = containing(anchor.unit, ref)
    if shift.span:
        base = spanned(base, shift.steps)
    elif shift.steps:
        base = shifted(base, shift.steps)
    return select(base, selection, ref)


def resolve_when(
    anchor: Anchor, shift: Offset = THIS, selection: Selection = WHOLE, ref: dt.date | None = None
) -> When | None:
    """`resolve(...)` as a typed value (formatted into `normalized` by `calendars.fmt_when`);
    None when it names nothing or lies beyond the years 1-9999."""
    try:
        p = resolve(anchor, shift, selection, ref)
    except (OverflowError, ValueError):
        return None
    return p.when() if p is not None else None
