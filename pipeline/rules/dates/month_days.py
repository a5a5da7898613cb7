"""A day chosen inside a month or a year: its n-th or last weekday (`ثاني خميس من مايو 2019`,
`الجمعة الأخيرة من شهر مارس 2021`) or its first or last day (`آخر يوم من فبراير 2024`, `اليوم الأول
من الشهر المقبل`, `آخر يوم في الشهر`): a selection of the relative-time algebra. A Hijri month or year
(`ثاني جمعة من رمضان 1446`) is the run of Gregorian days it covers; the selection counts those days."""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple

from ...calendars import When, days_of, gregorian_to_hijri, last_or_next_hijri_month, last_or_next_month
from ...particles import FI, MIN
from ...records import DatePoint, DateValue
from ...relative_time import THIS, Anchor, Offset, Period, Selection, Unit, month, resolve, year
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, date_candidate
from ..registry import date_rule
from .common import LAST_ORDINAL, Calendar, led_weekday, month_name, shift_at
from .common import resolve as resolve_point
from .months_alone import not_a_month
from .points import point

_OF = (MIN, FI)  # آخر يوم من الشهر, آخر يوم في الشهر


class Target(NamedTuple):
    """The period after `من`/`في`: its anchor (None when it cannot be resolved), shift, end, whether
    it is counted from R, and the calendars it is written in (`رمضان 2025`: a Hijri month, a
    Gregorian year)."""

    anchor: Anchor | None
    shift: Offset
    end: int
    relative: bool
    calendar: Calendar = "gregorian"
    year_calendar: Literal["gregorian"] | None = None
    written_year: int | None = None  # the year as written (the Gregorian year of `رمضان 2025`)


class Chosen(NamedTuple):
    selection: Selection
    end: int
    clitic: int


def _days(when: When | None, unit: Unit) -> Anchor | None:
    """A fixed anchor: the Gregorian days a Hijri month or year covers."""
    days = days_of(when) if when is not None else None
    return Anchor(unit, fixed=Period(days[0], days[1], unit)) if days is not None else None


def _period_of(toks: Tokens, k: int, ref: dt.date | None) -> Target | None:
    """The period after `من` or `في`: `الشهر المقبل`, `هذا الشهر`, `الشهر` (R's), `العام المقبل`, `مايو
    2019`, `شهر مارس 2021`, `نوفمبر المقبل`, `عام 2024`, `مايو` (no year: no value); Hijri `رمضان 1446`,
    `رمضان 2025`, `رمضان المقبل`, `عام 1446 هـ`, `رمضان` (no year: no value; not a name: `رمضان عبد الله`)."""
    if toks.word(k) not in _OF:
        return None
    k += 1
    pre = toks.find(k, Role.RELATIVE_PRE_MODIFIER, clitic=False)
    at = pre.end if pre is not None else k
    noun = toks.find(at, Role.RELATIVE_PERIOD_NOUN, clitic=False)
    if noun is not None and noun.entry.text_value in ("month", "year") and not toks.has_digit(noun.end):
        unit: Unit = "month" if noun.entry.text_value == "month" else "year"
        rel = shift_at(toks, noun.end)
        if toks.find(noun.end, Role.ANAPHOR) is not None or (pre is not None and rel is not None):
            return None  # من الشهر نفسه, من ذلك العام: anaphora
        if rel is not None:
            return Target(Anchor(unit), Offset(rel.n), rel.end, True)
        if toks.definite_word(noun.end) or toks.find(noun.end, Role.MONTH, Role.HMONTH) is not None:
            return None  # من العام الدراسي, من الشهر الفضيل: another period
        return Target(Anchor(unit), THIS, noun.end, True)  # من الشهر, من هذا العام: R's
    mo = month_name(toks, k, hijri_ok=True)
    rel = shift_at(toks, mo.end) if mo is not None else None
    if mo is not None and rel is not None and mo.calendar == "hijri":  # من رمضان المقبل
        when = last_or_next_hijri_month(ref, mo.number, rel.n) if ref is not None and abs(rel.n) == 1 else None
        return Target(_days(when, "month"), THIS, rel.end, True, "hijri")
    if mo is not None and rel is not None:  # من نوفمبر المقبل, من مارس الماضي
        if abs(rel.n) != 1 or ref is None:
            return Target(None, THIS, rel.end, True)
        y = last_or_next_month(ref, mo.number, rel.n).year
        if y is None or not dt.MINYEAR <= y <= dt.MAXYEAR:
            return Target(None, THIS, rel.end, True)  # يناير المقبل after December 9999: no such month
        return Target(Anchor("month", fixed=month(y, mo.number)), THIS, rel.end, True)
    p = point(toks, k)
    if p is None and mo is not None and mo.calendar == "hijri" and not mo.clitic:
        if mo.ambiguous and not_a_month(toks, k, mo.end):
            return None  # آخر جمعة من رمضان عبد الله: a name
        return Target(None, THIS, mo.end, False, "hijri")  # آخر جمعة من رمضان: which Ramadan is not said
    if p is None or p.relative or p.gran not in ("month", "year"):
        return None
    if p.calendar == "hijri":  # رمضان 1446, رمضان 2025, عام 1446 هـ
        anchor = _days(resolve_point(p), "month" if p.gran == "month" else "year")
        return Target(anchor, THIS, p.end, False, "hijri", p.year_calendar, p.point.year)
    if p.gran == "year" and p.point.year is not None:
        return Target(Anchor("year", fixed=year(p.point.year)), THIS, p.end, False)
    mon = p.point.month
    if mon is None:
        return None
    if p.point.year is not None:
        return Target(Anchor("month", fixed=month(p.point.year, mon)), THIS, p.end, False)
    return Target(None, THIS, p.end, False)  # من مايو: which May is not said


def _selection(toks: Tokens, i: int) -> Chosen | None:
    """What is chosen, at i: `ثاني خميس`, `آخر جمعة`, `آخر يوم`, `أول يوم`, `الخميس الثاني`,
    `يوم الجمعة الأخيرة`, `اليوم الأول`, `اليوم الأخير`."""
    o = toks.find(i, Role.CONSTRUCT_ORDINAL)
    if o is not None:
        n = o.entry.int_value
        wd = toks.find(o.end, Role.WEEKDAY_CONSTRUCT, clitic=False)
        if wd is not None:
            return Chosen(Selection("nth_weekday", weekday=wd.entry.int_value, n=n or -1), wd.end, o.clitic)
        day = toks.find(o.end, Role.DAY_NOUN, clitic=False)
        if day is not None and day.entry.text_value == "one" and n in (1, LAST_ORDINAL):
            return Chosen(Selection("first_day" if n == 1 else "last_day"), day.end, o.clitic)
        return None
    the_day = toks.find(i, Role.DEFINITE_DAY_NOUN)
    if the_day is not None:
        which = toks.find(the_day.end, Role.ORD_ORDINAL, clitic=False)
        if which is None or which.entry.int_value not in (1, LAST_ORDINAL):
            return None
        return Chosen(Selection("first_day" if which.entry.int_value == 1 else "last_day"), which.end, the_day.clitic)
    led = led_weekday(toks, i)
    if led is None:
        return None
    which = toks.find(led.end, Role.ORD_ORDINAL, clitic=False)
    if which is None or not 0 <= which.entry.int_value <= 5:
        return None
    n = which.entry.int_value
    return Chosen(Selection("nth_weekday", weekday=led.weekday, n=n or -1), which.end, led.clitic)


@date_rule(
    "day_of_period",
    starts={Role.CONSTRUCT_ORDINAL, Role.WEEKDAY, Role.DAY_NOUN, Role.DEFINITE_DAY_NOUN},
)
def day_of_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`ثاني خميس من مايو 2019` → `2019-05-09`, `الجمعة الأخيرة من شهر مارس 2021` → `2021-03-26`,
    `آخر يوم من فبراير 2024` → `2024-02-29`, `اليوم الأول من الشهر المقبل`, `آخر يوم من الشهر`."""
    chosen = _selection(toks, i)
    if chosen is None:
        return None
    sel = chosen.selection
    target = _period_of(toks, chosen.end, ref)
    if target is None:
        return None
    anchor = target.anchor
    if sel.part == "nth_weekday" and anchor is not None and anchor.unit == "year" and sel.n != -1:
        return None  # ثاني خميس من العام: only the last weekday of a year is common enough to read
    try:
        day = resolve(anchor, target.shift, sel, ref) if anchor is not None else None
    except (OverflowError, ValueError):
        day = None  # beyond the years 1-9999
    start = None
    if not target.relative and day is not None:
        start = DatePoint(year=day.first.year, month=day.first.month, day=day.first.day)
        if target.calendar == "hijri":  # the Hijri day, in the year as written (as `15 رمضان 2025`)
            h = gregorian_to_hijri(day.first)
            y = target.written_year if target.year_calendar is not None else h.year
            start = DatePoint(year=y, month=h.month, day=h.day)
    value = DateValue(
        calendar=target.calendar,
        year_calendar=target.year_calendar,
        granularity="day",
        relative=target.relative,
        weekday=sel.weekday,
        start=start,
    )
    when = day.when() if day is not None else None
    return date_candidate(i, target.end, chosen.clitic, when, value, "day_of_period")
