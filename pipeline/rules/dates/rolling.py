"""Rolling periods, counted from R: `الأيام الخمسة الماضية`, `الأشهر الستة المقبلة`, `آخر 4 سنوات`,
`العقدين الماضيين`; the rest of a period (`بقية الأسبوع`, `باقي الشهر`, `ما تبقى من العام`); and vague
counts (`الأسابيع القليلة الماضية`, `قبل بضعة أيام`), mentions with null. A span of the relative-time
algebra (`pipeline.relative_time`); `خلال` before a rolling period stays outside it, and `خلال ستة
أشهر` (an amount of time with no anchor) is a duration, read by no rule here."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ...numbers import read_number
from ...particles import ARTICLE, MIN
from ...records import Granularity
from ...relative_time import UNITS, Anchor, Offset, Selection, Unit, resolve_when
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, date_candidate
from ..registry import date_rule
from .common import LAST_ORDINAL, rel_value, shift_at

_GRANULARITY: dict[Unit, Granularity] = {u: u for u in UNITS}  # the algebra's units are granularities
_MAX_COUNT = 100  # `الأيام الخمسة آلاف` is no rolling period


class UnitWord(NamedTuple):
    unit: Unit
    dual: bool  # `الشهرين`, `سنتين`: a count of two
    plural: bool  # `أيام`, `أشهر`: a count that must be said


class Count(NamedTuple):
    n: int | None  # None: vague (`القليلة`)
    end: int


class Direction(NamedTuple):
    sign: int  # -1 before R, 1 after it
    end: int


def _unit(value: str) -> UnitWord | None:
    """A lexicon unit value (`month`, `year*2`, `day+`); None for a unit the algebra lacks (`century`)."""
    name, _, mult = value.partition("*")
    plural = name.endswith("+")
    name = name.rstrip("+")
    for unit in UNITS:
        if unit == name:
            return UnitWord(unit, mult == "2", plural)
    return None


def _defined_count(toks: Tokens, k: int) -> Count | None:
    """The count after a definite plural: `الخمسة`, `الأربع`, `العشرين` (a number word with the
    article), or a vague `القليلة` (count None)."""
    if toks.find(k, Role.VAGUE_COUNT, clitic=False) is not None and toks.word(k).startswith(ARTICLE):
        return Count(None, k + 1)
    w = toks.word(k)
    if not w.startswith(ARTICLE):
        return None
    for m in toks.lex.lookup([w[len(ARTICLE) :]], 0):
        if m.entry.role in (Role.NUM_UNIT, Role.NUM_TEN) and m.clitic == 0:
            n = m.entry.number
            if n.denominator == 1 and 3 <= n <= _MAX_COUNT:
                return Count(int(n), k + 1)
    return None


def _direction(toks: Tokens, k: int) -> Direction | None:
    """`الماضية`/`الماضيين` (-1), `المقبلة`/`المقبلين` (1), `الأخيرة` (-1)."""
    rel = shift_at(toks, k)
    if rel is not None:
        return Direction(rel.n, rel.end) if rel.n in (-1, 1) else None
    last = toks.find(k, Role.ORD_ORDINAL, clitic=False)
    if last is not None and last.entry.int_value == LAST_ORDINAL:
        return Direction(-1, last.end)
    return None


def _counted_from_elsewhere(toks: Tokens, end: int) -> bool:
    """`الأيام العشرة الأخيرة من رمضان`, `آخر 4 سنوات من حكمه`: the period is counted from
    something the text names, not from R."""
    return toks.word(end) == MIN or toks.find(end, Role.EVENT_PREP, clitic=False) is not None


def _rolling_cand(
    i: int, end: int, clitic: int, unit: Unit, sign: int, count: int | None, ref: dt.date | None, rule: str
) -> Candidate:
    when = resolve_when(Anchor(unit), Offset(sign * count, span=True), ref=ref) if count is not None else None
    return date_candidate(i, end, clitic, when, rel_value(_GRANULARITY[unit]), rule)


@date_rule("rolling_period", starts={Role.ROLLING_UNIT})
def rolling_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الأيام الخمسة الماضية`, `الأشهر الستة المقبلة`, `السنوات الأربع الأخيرة`, `العقدين الماضيين`,
    `الأسابيع القليلة الماضية` (null)."""
    noun = toks.find(i, Role.ROLLING_UNIT)
    if noun is None:
        return None
    found = _unit(noun.entry.text_value)
    if found is None:
        return None
    k, count = noun.end, 2 if found.dual else None
    if not found.dual:
        c = _defined_count(toks, k)
        if c is None:
            return None  # الأيام الماضية: no count, not a period we can bound
        count, k = c
    d = _direction(toks, k)
    if d is None or _counted_from_elsewhere(toks, d.end):
        return None
    return _rolling_cand(i, d.end, noun.clitic, found.unit, d.sign, count, ref, "rolling_period")


@date_rule("last_n_periods", starts={Role.CONSTRUCT_ORDINAL})
def last_n_periods(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`آخر 4 سنوات`, `آخر عشرة أيام`, `آخر 12 شهرا`, `آخر سنتين`, `آخر بضعة أسابيع` (null)."""
    head = toks.find(i, Role.CONSTRUCT_ORDINAL)
    if head is None or head.entry.int_value != LAST_ORDINAL:
        return None
    k, count = head.end, None
    vague = toks.find(k, Role.VAGUE_COUNT, clitic=False)
    if vague is not None:
        k = vague.end
    else:
        num = read_number(toks, k)
        if num is not None:
            if num.value.denominator != 1 or num.scaled or not 2 <= num.value <= _MAX_COUNT:
                return None
            count, k = int(num.value), num.end
    unit_m = toks.find(k, Role.DURATION_UNIT, clitic=False)
    if unit_m is None:
        return None
    found = _unit(unit_m.entry.text_value)
    if found is None:
        return None
    if found.dual and k == head.end:
        count = 2  # آخر سنتين
    elif k == head.end:
        return None  # آخر سنة, آخر أيامه: one period, or no count
    if _counted_from_elsewhere(toks, unit_m.end):
        return None
    return _rolling_cand(i, unit_m.end, head.clitic, found.unit, -1, count, ref, "last_n_periods")


@date_rule("rest_of_period", starts={Role.REST_OF})
def rest_of_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`بقية الأسبوع`, `باقي الشهر`, `ما تبقى من العام`, `بقية هذا الشهر`, `باقي العام الجاري`:
    R … the period's last day."""
    rest = toks.find(i, Role.REST_OF)
    if rest is None:
        return None
    k = rest.end + 1 if toks.word(rest.end) == MIN else rest.end
    pre = toks.find(k, Role.RELATIVE_PRE_MODIFIER, clitic=False)
    at = pre.end if pre is not None else k
    noun = toks.find(at, Role.RELATIVE_PERIOD_NOUN, clitic=False)
    if noun is None or noun.entry.text_value not in ("week", "month", "year"):
        return None
    unit: Unit = "week" if noun.entry.text_value == "week" else "month" if noun.entry.text_value == "month" else "year"
    end = noun.end
    rel = shift_at(toks, end)
    if rel is not None:
        if pre is not None or rel.n != 0:
            return None  # بقية الأسبوع الماضي: not a period that holds R
        end = rel.end
    elif toks.definite_word(end) or toks.has_digit(end) or toks.find(end, Role.ANAPHOR) is not None:
        return None  # بقية العام الدراسي, باقي العام 2020, بقية الشهر نفسه: another period
    when = resolve_when(Anchor(unit), selection=Selection("rest"), ref=ref)
    return date_candidate(i, end, rest.clitic, when, rel_value("day"), "rest_of_period")


@date_rule("vague_ago", starts={Role.AGO_PREP})
def vague_ago(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`قبل بضعة أيام`, `قبل عدة أشهر`, `بعد بضعة أسابيع`, `قبل أيام قليلة`: R moved by a vague
    amount, a mention with null; not `بعد بضعة أيام من الحادث` (counted from an event)."""
    prep = toks.find(i, Role.AGO_PREP)
    if prep is None:
        return None
    k = prep.end
    vague = toks.find(k, Role.VAGUE_COUNT, clitic=False)
    unit_m = toks.find(vague.end if vague is not None else k, Role.DURATION_UNIT, clitic=False)
    if unit_m is None:
        return None
    end = unit_m.end
    if vague is None:
        after = toks.find(end, Role.VAGUE_COUNT, clitic=False)
        if after is None or toks.word(end).startswith(ARTICLE):
            return None  # قبل أيام قليلة; a plain `قبل أيام` is read by no rule
        end = after.end
    found = _unit(unit_m.entry.text_value)
    if found is None or not found.plural or _counted_from_elsewhere(toks, end):
        return None
    return date_candidate(i, end, prep.clitic, None, rel_value(_GRANULARITY[found.unit]), "vague_ago")
