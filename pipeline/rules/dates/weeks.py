"""A weekday tied to a week (`الخميس من الأسبوع المقبل`, `خميس الأسبوع الماضي`, `الأسبوع المقبل
يوم الأحد`, `هذا الأسبوع الخميس`) and a weekday before R (`الخميس السابق`): the anchor *week*
or *weekday* of the relative-time algebra, resolved by `pipeline.relative_time`."""

from __future__ import annotations

import datetime as dt

from ...particles import COMMAS, LAM, MIN
from ...records import DateValue
from ...relative_time import Anchor, Selection, Shift, normalized
from ...tokens import Tokens
from ..base import Candidate
from .points import _arg, _weekday_date


def _week(toks: Tokens, k: int, clitic: bool = False) -> tuple[int, int, int] | None:
    """A relative week at k: `الأسبوع المقبل` (1), `الأسبوع بعد المقبل` (2), `الأسبوع الجاري`,
    `هذا الأسبوع` (0): (steps, end, clitic)."""
    pre = toks.find(k, "relative_pre_modifier", clitic=clitic)
    at = pre.end if pre is not None else k
    noun = toks.find(at, "relative_period_noun", clitic=clitic and pre is None)
    if noun is None or noun.entry.value != "week":
        return None
    rel = _arg(toks, noun.end, "relative_modifier", clitic=False)
    first_clitic = pre.clitic if pre is not None else noun.clitic
    if pre is not None:
        if rel is not None or toks.find(noun.end, "anaphor") is not None:
            return None  # هذا الأسبوع الماضي, هذا الأسبوع نفسه
        return 0, noun.end, first_clitic
    if rel is None:
        return None
    return int(rel[0]), rel[1], first_clitic


def _value(weekday: int) -> DateValue:
    return DateValue(granularity="day", relative=True, weekday=weekday)


def _weekday_of_week(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الخميس من الأسبوع المقبل`, `يوم الأحد من هذا الأسبوع`, `خميس الأسبوع الماضي`, and
    `الخميس السابق` (the last Thursday before R; not `السابق لوصوله`, counted from an event)."""
    noun = toks.find(i, "day_noun")
    k, clitic = i, 0
    if noun is not None and noun.entry.value == "one" and noun.end == i + 1:
        k, clitic = noun.end, noun.clitic
    else:
        noun = None
    wd = toks.find(k, "weekday", clitic=noun is None)
    construct = None
    if wd is None and noun is None:
        construct = toks.find(k, "weekday_construct")
    found = wd or construct
    if found is None:
        return None
    if noun is None:
        clitic = found.clitic
    weekday = int(str(found.entry.value))
    at = found.end
    if construct is None and toks.word(at) == MIN:
        at += 1  # الخميس من الأسبوع المقبل
    elif construct is None:
        before = _arg(toks, at, "weekday_modifier", clitic=False)
        if before is None:
            return None
        nxt = toks.word(before[1])
        if nxt.startswith(LAM) or toks.find(before[1], "event_prep", clitic=False) is not None:
            return None  # الخميس السابق لوصوله, السابق على الاجتماع: counted from an event
        norm = normalized(Anchor("day", weekday=weekday), Shift(int(before[0])), ref=ref)
        return Candidate("date", i, before[1], clitic, norm, _value(weekday), "previous_weekday")
    week = _week(toks, at)
    if week is None:
        return None
    steps, end, _ = week
    norm = normalized(Anchor("week"), Shift(steps), Selection("weekday", weekday=weekday), ref)
    return Candidate("date", i, end, clitic, norm, _value(weekday), "day_of_week")


def _week_then_weekday(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الأسبوع المقبل يوم الأحد`, `هذا الأسبوع الخميس`, `الأسبوع الماضي، يوم الاثنين`; not when
    the weekday has its own date (`الأسبوع المقبل يوم الخميس 5 مايو`: that date is the mention)."""
    week = _week(toks, i, clitic=True)
    if week is None:
        return None
    steps, k, clitic = week
    if toks.word(k) in COMMAS:
        k += 1
    day = toks.find(k, "day_noun", clitic=False)
    at = day.end if day is not None and day.entry.value == "one" else k
    wd = toks.find(at, "weekday", clitic=False)
    if wd is None:
        return None
    if at == k and toks.find(at, "ambiguous_weekday") is not None:
        return None  # الأسبوع المقبل الجمعة…: الجمعة and الاثنين need يوم here
    if _weekday_date(toks, k) is not None:
        return None
    weekday = int(str(wd.entry.value))
    norm = normalized(Anchor("week"), Shift(steps), Selection("weekday", weekday=weekday), ref)
    return Candidate("date", i, wd.end, clitic, norm, _value(weekday), "week_then_weekday")
