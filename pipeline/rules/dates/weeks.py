"""A weekday tied to a week (`الخميس من الأسبوع المقبل`, `خميس الأسبوع الماضي`, `الأسبوع المقبل
يوم الأحد`, `هذا الأسبوع الخميس`) and a weekday before R (`الخميس السابق`): the anchor *week*
or *weekday* of the relative-time algebra, resolved by `pipeline.relative_time`."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ...particles import COMMAS, LAM, MIN
from ...relative_time import Anchor, Offset, Selection, resolve_when
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, date_candidate
from ..registry import date_rule
from .common import led_weekday, rel_value, shift_at
from .points import weekday_date


class Week(NamedTuple):
    """A relative week: its steps from R's week, the token after it, its proclitic."""

    steps: int
    end: int
    clitic: int


def _week(toks: Tokens, k: int, clitic: bool = False) -> Week | None:
    """A relative week at k: `الأسبوع المقبل` (1), `الأسبوع بعد المقبل` (2), `الأسبوع الجاري`,
    `هذا الأسبوع` (0)."""
    pre = toks.find(k, Role.RELATIVE_PRE_MODIFIER, clitic=clitic)
    at = pre.end if pre is not None else k
    noun = toks.find(at, Role.RELATIVE_PERIOD_NOUN, clitic=clitic and pre is None)
    if noun is None or noun.entry.text_value != "week":
        return None
    rel = shift_at(toks, noun.end)
    first_clitic = pre.clitic if pre is not None else noun.clitic
    if pre is not None:
        if rel is not None or toks.find(noun.end, Role.ANAPHOR) is not None:
            return None  # هذا الأسبوع الماضي, هذا الأسبوع نفسه
        return Week(0, noun.end, first_clitic)
    if rel is None:
        return None
    return Week(rel.n, rel.end, first_clitic)


@date_rule(
    "weekday_of_week",
    starts={Role.WEEKDAY, Role.DAY_NOUN, Role.WEEKDAY_CONSTRUCT},
    labels=("day_of_week", "previous_weekday"),
)
def weekday_of_week(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الخميس من الأسبوع المقبل`, `يوم الأحد من هذا الأسبوع`, `خميس الأسبوع الماضي`, and
    `الخميس السابق` (the last Thursday before R; not `السابق لوصوله`, counted from an event)."""
    led = led_weekday(toks, i)
    construct = toks.find(i, Role.WEEKDAY_CONSTRUCT) if led is None else None
    if led is not None:
        weekday, at, clitic = led
    elif construct is not None:
        weekday, at, clitic = construct.entry.int_value, construct.end, construct.clitic
    else:
        return None
    if construct is None and toks.word(at) == MIN:
        at += 1  # الخميس من الأسبوع المقبل
    elif construct is None:
        before = toks.find(at, Role.WEEKDAY_MODIFIER, clitic=False)
        if before is None:
            return None
        nxt = toks.word(before.end)
        if nxt.startswith(LAM) or toks.find(before.end, Role.EVENT_PREP, clitic=False) is not None:
            return None  # الخميس السابق لوصوله, السابق على الاجتماع: counted from an event
        when = resolve_when(Anchor("day", weekday=weekday), Offset(before.entry.int_value), ref=ref)
        return date_candidate(i, before.end, clitic, when, rel_value("day", weekday), "previous_weekday")
    week = _week(toks, at)
    if week is None:
        return None
    when = resolve_when(Anchor("week"), Offset(week.steps), Selection("weekday", weekday=weekday), ref)
    return date_candidate(i, week.end, clitic, when, rel_value("day", weekday), "day_of_week")


@date_rule("week_then_weekday", starts={Role.RELATIVE_PERIOD_NOUN, Role.RELATIVE_PRE_MODIFIER})
def week_then_weekday(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الأسبوع المقبل يوم الأحد`, `هذا الأسبوع الخميس`, `الأسبوع الماضي، يوم الاثنين`; not when
    the weekday has its own date (`الأسبوع المقبل يوم الخميس 5 مايو`: that date is the mention)."""
    week = _week(toks, i, clitic=True)
    if week is None:
        return None
    k = week.end
    if toks.word(k) in COMMAS:
        k += 1
    day = toks.find(k, Role.DAY_NOUN, clitic=False)
    at = day.end if day is not None and day.entry.text_value == "one" else k
    wd = toks.find(at, Role.WEEKDAY, clitic=False)
    if wd is None:
        return None
    if at == k and toks.find(at, Role.AMBIGUOUS_WEEKDAY) is not None:
        return None  # الأسبوع المقبل الجمعة…: الجمعة and الاثنين need يوم here
    if weekday_date(toks, k) is not None:
        return None
    weekday = wd.entry.int_value
    when = resolve_when(Anchor("week"), Offset(week.steps), Selection("weekday", weekday=weekday), ref)
    return date_candidate(i, wd.end, week.clitic, when, rel_value("day", weekday), "week_then_weekday")
