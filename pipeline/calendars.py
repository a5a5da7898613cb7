"""Calendar arithmetic behind date values: formatting, Hijri conversion, relative shifts.

Hijri dates are converted by the Umm al-Qura calendar with `hijridate`
(a maintained library; its tables cover 1343–1500 AH).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from hijridate import Gregorian, Hijri

HIJRI_MIN, HIJRI_MAX = 1343, 1500


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


def range_str(a: Point, b: Point) -> str:
    return f"{a.fmt()}/{b.fmt()}"


def _g(d: dt.date) -> Point:
    return Point(d.year, d.month, d.day)


def hijri_to_gregorian(p: Point) -> str | None:
    """A Hijri point as Gregorian: a day stays a day, a month or a year becomes
    the range of days it covers; None outside the tables or without a year."""
    if p.year is None or not HIJRI_MIN <= p.year <= HIJRI_MAX:
        return None
    try:
        if p.month is None:
            first = Hijri(p.year, 1, 1).to_gregorian()
            last = Hijri(p.year, 12, Hijri(p.year, 12, 1).month_length()).to_gregorian()
            return range_str(_g(first), _g(last))
        if p.day is None:
            start = Hijri(p.year, p.month, 1)
            end = Hijri(p.year, p.month, start.month_length()).to_gregorian()
            return range_str(_g(start.to_gregorian()), _g(end))
        return _g(Hijri(p.year, p.month, p.day).to_gregorian()).fmt()
    except (ValueError, OverflowError):
        return None


def hijri_bounds(p: Point) -> tuple[Point, Point] | None:
    """First and last Gregorian day a Hijri point covers."""
    conv = hijri_to_gregorian(p)
    if conv is None:
        return None
    a, _, b = conv.partition("/")
    return _parse(a), _parse(b or a)


def _parse(s: str) -> Point:
    y, m, d = (int(x) for x in s.split("-"))
    return Point(y, m, d)


def hijri_month_in_gregorian_year(month: int, gyear: int) -> str | None:
    """`رمضان 2025`: the occurrence of a Hijri month that begins in a Gregorian year."""
    guess = round((gyear - 622) * 33 / 32)
    for hy in range(guess - 2, guess + 3):
        if HIJRI_MIN <= hy <= HIJRI_MAX and Hijri(hy, month, 1).to_gregorian().year == gyear:
            return hijri_to_gregorian(Point(hy, month))
    return None


def add_months(d: dt.date, n: int) -> tuple[int, int]:
    k = d.year * 12 + (d.month - 1) + n
    return k // 12, k % 12 + 1


def week_range(d: dt.date) -> str:
    monday = d - dt.timedelta(days=d.weekday())
    return range_str(_g(monday), _g(monday + dt.timedelta(days=6)))


def shift(ref: dt.date, unit: str, n: int) -> str:
    """The reference date moved by n units, at the unit's granularity."""
    if unit == "day":
        return _g(ref + dt.timedelta(days=n)).fmt()
    if unit == "week":
        return _g(ref + dt.timedelta(weeks=n)).fmt()
    if unit == "month":
        y, m = add_months(ref, n)
        return Point(y, m).fmt()
    if unit == "year":
        return Point(ref.year + n).fmt()
    if unit == "decade":
        return Point(ref.year + 10 * n).fmt()
    return Point(ref.year + 100 * n).fmt()


def century_range(c: int) -> str:
    return f"{(c - 1) * 100 + 1:04d}/{c * 100:04d}"


def century_of(year: int) -> int:
    return (year - 1) // 100 + 1


def last_or_next_hijri_month(ref: dt.date, month: int, n: int) -> str | None:
    """A Hijri month relative to the reference date (`شوال المقبل`), as the
    Gregorian days it covers; None outside the tables."""
    today = Gregorian(ref.year, ref.month, ref.day).to_hijri()
    y = today.year
    if n < 0:
        y = today.year if month < today.month else today.year - 1
    elif n > 0:
        y = today.year if month > today.month else today.year + 1
    return hijri_to_gregorian(Point(y, month))


def last_or_next_month(ref: dt.date, month: int, n: int) -> str:
    """A named month relative to the reference date: its most recent occurrence
    in a month before the reference month (n < 0), the first after it (n > 0),
    or this year's (n = 0)."""
    y = ref.year
    if n < 0:
        y = ref.year if month < ref.month else ref.year - 1
    elif n > 0:
        y = ref.year if month > ref.month else ref.year + 1
    return Point(y, month).fmt()
