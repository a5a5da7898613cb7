"""A day chosen inside a month or a year: its n-th or last weekday (`ثاني خميس من مايو 2019`,
`الجمعة الأخيرة من شهر مارس 2021`) or its first or last day (`آخر يوم من فبراير 2024`, `اليوم الأول
من الشهر المقبل`, `آخر يوم من الشهر`): a selection of the relative-time algebra."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ...calendars import last_or_next_month
from ...particles import MIN
from ...records import DatePoint, DateValue
from ...relative_time import THIS, Anchor, Offset, Selection, Unit, month, resolve, year
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, date_candidate
from ..registry import date_rule
from .common import LAST_ORDINAL, led_weekday, month_name, shift_at
from .points import point


class Target(NamedTuple):
    """The period after `من`: its anchor (None when it cannot be resolved), shift, end, and
    whether it is counted from R."""

    anchor: Anchor | None
    shift: Offset
    end: int
    relative: bool


class Chosen(NamedTuple):
    selection: Selection
    end: int
    clitic: int


def _period_after_min(toks: Tokens, k: int, ref: dt.date | None) -> Target | None:
    """The period after `من`: `الشهر المقبل`, `هذا الشهر`, `الشهر` (R's), `العام المقبل`, `مايو 2019`,
    `شهر مارس 2021`, `نوفمبر المقبل`, `عام 2024`, `مايو` (no year: no value)."""
    if toks.word(k) != MIN:
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
    mo = month_name(toks, k, hijri_ok=False)
    rel = shift_at(toks, mo.end) if mo is not None else None
    if mo is not None and rel is not None:  # من نوفمبر المقبل, من مارس الماضي
        if abs(rel.n) != 1 or ref is None:
            return Target(None, THIS, rel.end, True)
        y = last_or_next_month(ref, mo.number, rel.n).year
        if y is None or not dt.MINYEAR <= y <= dt.MAXYEAR:
            return Target(None, THIS, rel.end, True)  # يناير المقبل after December 9999: no such month
        return Target(Anchor("month", fixed=month(y, mo.number)), THIS, rel.end, True)
    p = point(toks, k)
    if p is None or p.calendar != "gregorian" or p.relative or p.gran not in ("month", "year"):
        return None
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
    target = _period_after_min(toks, chosen.end, ref)
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
    value = DateValue(granularity="day", relative=target.relative, weekday=sel.weekday, start=start)
    when = day.when() if day is not None else None
    return date_candidate(i, target.end, chosen.clitic, when, value, "day_of_period")
