"""A day chosen inside a month or a year: its n-th or last weekday (`ثاني خميس من مايو 2019`,
`الجمعة الأخيرة من شهر مارس 2021`) or its first or last day (`آخر يوم من فبراير 2024`, `اليوم الأول
من الشهر المقبل`, `آخر يوم من الشهر`): a selection of the relative-time algebra."""

from __future__ import annotations

import datetime as dt

from ...calendars import last_or_next_month
from ...particles import MIN
from ...records import DatePoint, DateValue
from ...relative_time import THIS, Anchor, Selection, Shift, Unit, month, resolve, year
from ...tokens import Tokens
from ..base import Candidate
from .points import _arg, _month, point

_LAST = 0  # the ordinal value of آخر, الأخير: the last one


def _period_after_min(toks: Tokens, k: int, ref: dt.date | None) -> tuple[Anchor | None, Shift, int, bool] | None:
    """The period after `من`: `الشهر المقبل`, `هذا الشهر`, `الشهر` (R's), `العام المقبل`, `مايو 2019`,
    `شهر مارس 2021`, `نوفمبر المقبل`, `عام 2024`, `مايو` (no year: no value):
    (anchor or None when it cannot be resolved, shift, end, relative)."""
    if toks.word(k) != MIN:
        return None
    k += 1
    pre = toks.find(k, "relative_pre_modifier", clitic=False)
    at = pre.end if pre is not None else k
    noun = toks.find(at, "relative_period_noun", clitic=False)
    if noun is not None and noun.entry.value in ("month", "year") and not toks.has_digit(noun.end):
        unit: Unit = "month" if noun.entry.value == "month" else "year"
        rel = _arg(toks, noun.end, "relative_modifier", clitic=False)
        if toks.find(noun.end, "anaphor") is not None or (pre is not None and rel is not None):
            return None  # من الشهر نفسه, من ذلك العام: anaphora
        if rel is not None:
            return Anchor(unit), Shift(int(rel[0])), rel[1], True
        if toks.definite_word(noun.end) or toks.find(noun.end, "month", "hmonth") is not None:
            return None  # من العام الدراسي, من الشهر الفضيل: another period
        return Anchor(unit), THIS, noun.end, True  # من الشهر, من هذا العام: R's
    mo = _month(toks, k, hijri_ok=False)
    rel = _arg(toks, mo[2], "relative_modifier", clitic=False) if mo is not None else None
    if mo is not None and rel is not None:  # من نوفمبر المقبل, من مارس الماضي
        if abs(int(rel[0])) != 1 or ref is None:
            return None, THIS, rel[1], True
        y = int(last_or_next_month(ref, mo[0], int(rel[0]))[:4])
        return Anchor("month", fixed=month(y, mo[0])), THIS, rel[1], True
    p = point(toks, k)
    if p is None or p.calendar != "gregorian" or p.relative or p.gran not in ("month", "year"):
        return None
    if p.gran == "year" and p.point.year is not None:
        return Anchor("year", fixed=year(p.point.year)), THIS, p.end, False
    mon = p.point.month
    if mon is None:
        return None
    if p.point.year is not None:
        return Anchor("month", fixed=month(p.point.year, mon)), THIS, p.end, False
    return None, THIS, p.end, False  # من مايو: which May is not said


def _selection(toks: Tokens, i: int) -> tuple[Selection, int, int] | None:
    """What is chosen, at i: `ثاني خميس`, `آخر جمعة`, `آخر يوم`, `أول يوم`, `الخميس الثاني`,
    `يوم الجمعة الأخيرة`, `اليوم الأول`, `اليوم الأخير`: (selection, end, clitic)."""
    o = toks.find(i, "construct_ordinal")
    if o is not None:
        n = int(str(o.entry.value))
        wd = toks.find(o.end, "weekday_construct", clitic=False)
        if wd is not None:
            sel = Selection("nth_weekday", weekday=int(str(wd.entry.value)), n=n or -1)
            return sel, wd.end, o.clitic
        day = toks.find(o.end, "day_noun", clitic=False)
        if day is not None and day.entry.value == "one" and n in (1, _LAST):
            return Selection("first_day" if n == 1 else "last_day"), day.end, o.clitic
        return None
    the_day = toks.find(i, "definite_day_noun")
    if the_day is not None:
        which = toks.find(the_day.end, "ord_ordinal", clitic=False)
        if which is None or int(str(which.entry.value)) not in (1, _LAST):
            return None
        return Selection("first_day" if int(str(which.entry.value)) == 1 else "last_day"), which.end, the_day.clitic
    noun = toks.find(i, "day_noun")
    k, clitic = i, 0
    if noun is not None and noun.entry.value == "one" and noun.end == i + 1:
        k, clitic = noun.end, noun.clitic
    wd = toks.find(k, "weekday", clitic=noun is None)
    if wd is None:
        return None
    which = toks.find(wd.end, "ord_ordinal", clitic=False)
    if which is None or not 0 <= int(str(which.entry.value)) <= 5:
        return None
    n = int(str(which.entry.value))
    return Selection("nth_weekday", weekday=int(str(wd.entry.value)), n=n or -1), which.end, clitic or wd.clitic


def _day_of_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`ثاني خميس من مايو 2019` → `2019-05-09`, `الجمعة الأخيرة من شهر مارس 2021` → `2021-03-26`,
    `آخر يوم من فبراير 2024` → `2024-02-29`, `اليوم الأول من الشهر المقبل`, `آخر يوم من الشهر`."""
    chosen = _selection(toks, i)
    if chosen is None:
        return None
    sel, k, clitic = chosen
    target = _period_after_min(toks, k, ref)
    if target is None:
        return None
    anchor, shift, end, relative = target
    if sel.part == "nth_weekday" and anchor is not None and anchor.unit == "year" and sel.n != -1:
        return None  # ثاني خميس من العام: only the last weekday of a year is common enough to read
    try:
        day = resolve(anchor, shift, sel, ref) if anchor is not None else None
    except (OverflowError, ValueError):
        day = None  # beyond the years 1-9999
    start = (
        None if relative or day is None else DatePoint(year=day.first.year, month=day.first.month, day=day.first.day)
    )
    value = DateValue(granularity="day", relative=relative, weekday=sel.weekday, start=start)
    return Candidate("date", i, end, clitic, day.normalized() if day else None, value, "day_of_period")
