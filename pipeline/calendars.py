"""Calendar arithmetic behind date values: formatting, Hijri conversion, relative shifts.

Hijri dates are converted by the Umm al-Qura calendar with `hijridate`
(a maintained library; its tables cover 1343–1500 AH).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal, get_args

from hijridate import Gregorian, Hijri

# Reference dates a text may have. Relative readings reach a few centuries from R (`القرن المقبل`,
# `قبل 300 عام`); within these years every one of them stays inside Python's dates (1-9999).
REFERENCE_YEARS = range(1000, 9000)


def check_reference_year(d: dt.date) -> dt.date:
    """`d` itself, or a ValueError saying which reference dates are accepted."""
    if d.year not in REFERENCE_YEARS:
        raise ValueError(
            f"reference date {d.isoformat()} is outside the years {REFERENCE_YEARS.start}-{REFERENCE_YEARS.stop - 1}"
        )
    return d


HIJRI_MIN, HIJRI_MAX = 1343, 1500

TimeUnit = Literal["day", "week", "month", "year", "decade", "century"]
_TIME_UNITS: dict[str, TimeUnit] = {name: name for name in get_args(TimeUnit)}


def time_unit(name: str) -> TimeUnit:
    """A duration or period unit named in the lexicon (`duration_unit:month`)."""
    try:
        return _TIME_UNITS[name]
    except KeyError:
        raise ValueError(f"unknown time unit {name!r} in the lexicon") from None


@dataclass(frozen=True, slots=True)
class Point:
    """A date as written: any field may be missing (unknown year, month only…)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def fmt(self) -> str:
        year = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.month is None:
            return year
        if self.day is None:
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"


def valid_day(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    # With an unknown year, 29 February is allowed (a leap year may be meant).
    return day <= calendar.monthrange(2000 if year is None else year, month)[1]


@dataclass(frozen=True, slots=True)
class Span:
    """A range of Gregorian points from `first` to `last` (both ends included), as `normalized` writes it."""

    first: Point
    last: Point

    def fmt(self) -> str:
        return f"{self.first.fmt()}/{self.last.fmt()}"

    @classmethod
    def years(cls, first: int, last: int) -> Span:
        return cls(Point(first), Point(last))


When = Point | Span  # what a date resolves to: one point or a range of them


def fmt_when(when: When | None) -> str | None:
    """The one place a resolved date becomes its `normalized` string."""
    return when.fmt() if when is not None else None


def bounds(when: When) -> Span:
    """A resolved date as a range (a point is a range of one)."""
    return when if isinstance(when, Span) else Span(when, when)


def _g(d: dt.date) -> Point:
    return Point(d.year, d.month, d.day)


def hijri_to_gregorian(p: Point) -> When | None:
    """A Hijri point as Gregorian: a day stays a day, a month or a year becomes
    the range of days it covers; None outside the tables or without a year."""
    if p.year is None or not HIJRI_MIN <= p.year <= HIJRI_MAX:
        return None
    try:
        if p.month is None:
            first = Hijri(p.year, 1, 1).to_gregorian()
            last = Hijri(p.year, 12, Hijri(p.year, 12, 1).month_length()).to_gregorian()
            return Span(_g(first), _g(last))
        if p.day is None:
            start = Hijri(p.year, p.month, 1)
            end = Hijri(p.year, p.month, start.month_length()).to_gregorian()
            return Span(_g(start.to_gregorian()), _g(end))
        return _g(Hijri(p.year, p.month, p.day).to_gregorian())
    except (ValueError, OverflowError):
        return None


def gregorian_to_hijri(d: dt.date) -> Point:
    """The Hijri day of a Gregorian day (within the tables, as every day a Hijri date resolved to is)."""
    h = Gregorian(d.year, d.month, d.day).to_hijri()
    return Point(h.year, h.month, h.day)


def days_of(when: When) -> tuple[dt.date, dt.date] | None:
    """The first and last day a resolved date covers; None unless both ends are whole days."""
    span = bounds(when)
    a, b = span.first, span.last
    if a.year is None or a.month is None or a.day is None or b.year is None or b.month is None or b.day is None:
        return None
    return dt.date(a.year, a.month, a.day), dt.date(b.year, b.month, b.day)


def hijri_year_of_month_in(month: int, gyear: int) -> int | None:
    """`رمضان 2025`: the Hijri year whose `month` begins in the Gregorian year `gyear`
    (the first such, should a short Hijri year place it twice); None outside the tables."""
    guess = round((gyear - 622) * 33 / 32)
    for hy in range(guess - 2, guess + 3):
        if HIJRI_MIN <= hy <= HIJRI_MAX and Hijri(hy, month, 1).to_gregorian().year == gyear:
            return hy
    return None


def hijri_in_gregorian_year(p: Point) -> When | None:
    """A Hijri month, or a day of it, placed in a Gregorian year (`رمضان 2025`, `15 رمضان 2025`):
    the month's occurrence that begins in that year, or that occurrence's day."""
    if p.year is None or p.month is None:
        return None
    hy = hijri_year_of_month_in(p.month, p.year)
    return hijri_to_gregorian(Point(hy, p.month, p.day)) if hy is not None else None


def add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + (d.month - 1) + n
    return k // 12, k % 12 + 1


def week_range(d: dt.date) -> Span:
    monday = d - dt.timedelta(days=d.weekday())
    return Span(_g(monday), _g(monday + dt.timedelta(days=6)))


def shift(ref: dt.date, unit: TimeUnit, n: int) -> Point:
    """The reference date moved by n units, at the unit's granularity."""
    if unit == "day":
        return _g(ref + dt.timedelta(days=n))
    if unit == "week":
        return _g(ref + dt.timedelta(weeks=n))
    if unit == "month":
        y, m = add_months(ref, n)
        return Point(y, m)
    if unit == "year":
        return Point(ref.year + n)
    if unit == "decade":
        return Point(ref.year + 10 * n)
    return Point(ref.year + 100 * n)


def century_range(c: int) -> Span:
    return Span.years((c - 1) * 100 + 1, c * 100)


def century_of(year: int) -> int:
    return (year - 1) // 100 + 1


def last_or_next_hijri_month(ref: dt.date, month: int, n: int) -> When | None:
    """A Hijri month relative to the reference date (`شوال المقبل`), as the
    Gregorian days it covers; None outside the tables."""
    try:
        today = Gregorian(ref.year, ref.month, ref.day).to_hijri()
    except OverflowError:
        return None  # R itself is outside the tables (1924-2077): `رمضان المقبل` in a text of 1910
    y = today.year
    if n < 0:
        y = today.year if month < today.month else today.year - 1
    elif n > 0:
        y = today.year if month > today.month else today.year + 1
    return hijri_to_gregorian(Point(y, month))


def last_or_next_month(ref: dt.date, month: int, n: int) -> Point:
    """A named month relative to the reference date: its most recent occurrence
    in a month before the reference month (n < 0), the first after it (n > 0),
    or this year's (n = 0)."""
    y = ref.year
    if n < 0:
        y = ref.year if month < ref.month else ref.year - 1
    elif n > 0:
        y = ref.year if month > ref.month else ref.year + 1
    return Point(y, month)
