"""Rolling periods, counted from R: `الأيام الخمسة الماضية`, `الأشهر الستة المقبلة`, `آخر 4 سنوات`,
`العقدين الماضيين`; the rest of a period (`بقية الأسبوع`, `باقي الشهر`, `ما تبقى من العام`); and vague
counts (`الأسابيع القليلة الماضية`, `قبل بضعة أيام`), mentions with null. A span of the relative-time
algebra (`pipeline.relative_time`); `خلال` before a rolling period stays outside it, and `خلال ستة
أشهر` (an amount of time with no anchor) is a duration, read by no rule here."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from ...numbers import read_number
from ...particles import ARTICLE, MIN
from ...records import DateValue, Granularity
from ...relative_time import UNITS, Anchor, Selection, Shift, Unit, normalized
from ...tokens import Tokens
from ..base import Candidate
from .points import _arg

_LAST = 0  # the ordinal value of الأخير, آخر: the last ones, before R
_GRANULARITY: dict[Unit, Granularity] = {u: u for u in UNITS}  # the algebra's units are granularities
_MAX_COUNT = 100  # `الأيام الخمسة آلاف` is no rolling period


def _unit(value: str) -> tuple[Unit, bool] | None:
    """A lexicon unit value (`month`, `year*2`, `day+`) as (unit, dual); None for a unit the algebra lacks."""
    name, _, mult = value.partition("*")
    name = name.rstrip("+")
    for unit in UNITS:
        if unit == name:
            return unit, mult == "2"
    return None


def _defined_count(toks: Tokens, k: int) -> tuple[int | None, int] | None:
    """The count after a definite plural: `الخمسة`, `الأربع`, `العشرين` (a number word with the
    article), or a vague `القليلة` (count None): (count, end)."""
    if toks.find(k, "vague_count", clitic=False) is not None and toks.word(k).startswith(ARTICLE):
        return None, k + 1
    w = toks.word(k)
    if not w.startswith(ARTICLE):
        return None
    for m in toks.lex.lookup([w[len(ARTICLE) :]], 0):
        if m.entry.role in ("num_unit", "num_ten") and m.clitic == 0:
            n = Fraction(str(m.entry.value))
            if n.denominator == 1 and 3 <= n <= _MAX_COUNT:
                return int(n), k + 1
    return None


def _direction(toks: Tokens, k: int) -> tuple[int, int] | None:
    """`الماضية`/`الماضيين` (-1), `المقبلة`/`المقبلين` (1), `الأخيرة` (-1): (sign, end)."""
    rel = _arg(toks, k, "relative_modifier", clitic=False)
    if rel is not None:
        sign = int(rel[0])
        return (sign, rel[1]) if sign in (-1, 1) else None
    last = toks.find(k, "ord_ordinal", clitic=False)
    if last is not None and int(str(last.entry.value)) == _LAST:
        return -1, last.end
    return None


def _counted_from_elsewhere(toks: Tokens, end: int) -> bool:
    """`الأيام العشرة الأخيرة من رمضان`, `آخر 4 سنوات من حكمه`: the period is counted from
    something the text names, not from R."""
    return toks.word(end) == MIN or toks.find(end, "event_prep", clitic=False) is not None


def _rolling_cand(
    i: int, end: int, clitic: int, unit: Unit, sign: int, count: int | None, ref: dt.date | None, rule: str
) -> Candidate:
    norm = normalized(Anchor(unit), Shift(sign * count, span=True), ref=ref) if count is not None else None
    return Candidate("date", i, end, clitic, norm, DateValue(granularity=_GRANULARITY[unit], relative=True), rule)


def _rolling(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الأيام الخمسة الماضية`, `الأشهر الستة المقبلة`, `السنوات الأربع الأخيرة`, `العقدين الماضيين`,
    `الأسابيع القليلة الماضية` (null)."""
    noun = toks.find(i, "rolling_unit")
    if noun is None:
        return None
    found = _unit(str(noun.entry.value))
    if found is None:
        return None
    unit, dual = found
    k, count = noun.end, 2 if dual else None
    if not dual:
        c = _defined_count(toks, k)
        if c is None:
            return None  # الأيام الماضية: no count, not a period we can bound
        count, k = c
    d = _direction(toks, k)
    if d is None or _counted_from_elsewhere(toks, d[1]):
        return None
    return _rolling_cand(i, d[1], noun.clitic, unit, d[0], count, ref, "rolling_period")


def _last_n(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`آخر 4 سنوات`, `آخر عشرة أيام`, `آخر 12 شهرا`, `آخر سنتين`, `آخر بضعة أسابيع` (null)."""
    head = toks.find(i, "construct_ordinal")
    if head is None or int(str(head.entry.value)) != _LAST:
        return None
    k, count = head.end, None
    vague = toks.find(k, "vague_count", clitic=False)
    if vague is not None:
        k = vague.end
    else:
        num = read_number(toks, k)
        if num is not None:
            if num.value.denominator != 1 or num.scaled or not 2 <= num.value <= _MAX_COUNT:
                return None
            count, k = int(num.value), num.end
    unit_m = toks.find(k, "duration_unit", clitic=False)
    if unit_m is None:
        return None
    found = _unit(str(unit_m.entry.value))
    if found is None:
        return None
    unit, dual = found
    if dual and k == head.end:
        count = 2  # آخر سنتين
    elif k == head.end:
        return None  # آخر سنة, آخر أيامه: one period, or no count
    if _counted_from_elsewhere(toks, unit_m.end):
        return None
    return _rolling_cand(i, unit_m.end, head.clitic, unit, -1, count, ref, "last_n_periods")


def _rest_of(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`بقية الأسبوع`, `باقي الشهر`, `ما تبقى من العام`, `بقية هذا الشهر`, `باقي العام الجاري`:
    R … the period's last day."""
    rest = toks.find(i, "rest_of")
    if rest is None:
        return None
    k = rest.end + 1 if toks.word(rest.end) == MIN else rest.end
    pre = toks.find(k, "relative_pre_modifier", clitic=False)
    at = pre.end if pre is not None else k
    noun = toks.find(at, "relative_period_noun", clitic=False)
    if noun is None or noun.entry.value not in ("week", "month", "year"):
        return None
    unit: Unit = "week" if noun.entry.value == "week" else "month" if noun.entry.value == "month" else "year"
    end = noun.end
    rel = _arg(toks, end, "relative_modifier", clitic=False)
    if rel is not None:
        if pre is not None or int(rel[0]) != 0:
            return None  # بقية الأسبوع الماضي: not a period that holds R
        end = rel[1]
    elif toks.definite_word(end) or toks.has_digit(end) or toks.find(end, "anaphor") is not None:
        return None  # بقية العام الدراسي, باقي العام 2020, بقية الشهر نفسه: another period
    norm = None
    if ref is not None:
        norm = normalized(Anchor(unit), Shift(), Selection("rest"), ref)
    return Candidate("date", i, end, rest.clitic, norm, DateValue(granularity="day", relative=True), "rest_of_period")


def _ago_vague(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`قبل بضعة أيام`, `قبل عدة أشهر`, `بعد بضعة أسابيع`, `قبل أيام قليلة`: R moved by a vague
    amount, a mention with null; not `بعد بضعة أيام من الحادث` (counted from an event)."""
    prep = toks.find(i, "ago_prep")
    if prep is None:
        return None
    k = prep.end
    vague = toks.find(k, "vague_count", clitic=False)
    unit_m = toks.find(vague.end if vague is not None else k, "duration_unit", clitic=False)
    if unit_m is None:
        return None
    end = unit_m.end
    if vague is None:
        after = toks.find(end, "vague_count", clitic=False)
        if after is None or toks.word(end).startswith(ARTICLE):
            return None  # قبل أيام قليلة; a plain `قبل أيام` is read by no rule
        end = after.end
    found = _unit(str(unit_m.entry.value))
    if found is None or not str(unit_m.entry.value).endswith("+") or _counted_from_elsewhere(toks, end):
        return None
    value = DateValue(granularity=_GRANULARITY[found[0]], relative=True)
    return Candidate("date", i, end, prep.clitic, None, value, "vague_ago")
