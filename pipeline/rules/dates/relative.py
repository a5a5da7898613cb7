"""Relative dates, resolved against the reference date: `أمس`, `اليوم الجمعة`,
`نوفمبر الماضي`, `الخميس المقبل`, `الشهر المقبل`, `قبل شهرين`, `هذا العام`."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import NamedTuple

from ...calendars import (
    Point,
    Span,
    TimeUnit,
    When,
    add_months,
    last_or_next_hijri_month,
    last_or_next_month,
    shift,
    time_unit,
    week_range,
)
from ...numbers import read_number
from ...particles import ARTICLE, BA, CLAUSE_PUNCTUATION, CONJUNCTIONS, NISBA_ENDING, TANWEEN_FATH, WAW
from ...records import DatePoint, DateValue, Granularity, Season
from ...relative_time import Anchor, Offset, resolve_when
from ...tokens import Tokens
from ..base import Candidate, date_candidate
from ..registry import date_rule
from .common import YEAR_MAX, YEAR_MIN, month_name, plain_year, point_candidate, rel_value, season_name, shift_at
from .points import weekday_date


@date_rule("relative_day", starts={"relative_day", "day_noun"}, prefixes=("relative_day_",))
def relative_day(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`اليوم`, `أمس`, `غدا`, `اليوم الجمعة`, `اليوم الأربعاء 14 يونيو 2023`."""
    head = toks.find(i, "day_noun")
    at = head.end if head is not None and head.entry.text_value == "one" else i  # يوم غد
    rd = toks.find(at, "relative_day", clitic=at == i)
    if rd is None:
        return None
    proclitic = toks.words[i][: rd.clitic]
    if (
        proclitic not in CONJUNCTIONS
        and not (proclitic.endswith(BA) and toks.words[i][rd.clitic :].startswith(ARTICLE))
        and rd.end - at == 1
    ):
        return None  # لامس (touched) is not ل + أمس; بالأمس is, and so is لبعد بكرة (a phrase)
    if head is not None and at != i:
        rd = replace(rd, clitic=head.clitic)
    if toks.find(i - 1, "relative_pre_modifier", "anaphor") is not None:
        return None  # هذا اليوم, ذلك اليوم: anaphora
    nxt = rd.end
    if toks.find(nxt, "anaphor", "ord_ordinal", "ord_compound_unit") is not None:
        return None  # اليوم نفسه, اليوم الأول
    if toks.find(at, "noun_homograph") is not None and toks.find(nxt, "noun_homograph_complement") is not None:
        return None  # بكرة خيط, عن بكرة أبيهم: the noun 'reel'
    if toks.find(at, "adjective_homograph") is not None and toks.find(i - 1, "adjective_homograph_head") is not None:
        return None  # في وقت باكر: the adjective 'early'
    if toks.definite_word(nxt) and toks.find(nxt, "weekday", "month", "relative_modifier") is None:
        if toks.word(nxt).endswith(NISBA_ENDING) or toks.find(nxt, "blocks_relative_day", clitic=False) is not None:
            return None  # اليوم الوطني (an adjective), أمس الحاجة (a superlative)
        clause_start = i == 0 or rd.clitic > 0 or toks.word(i - 1) in CLAUSE_PUNCTUATION
        homograph = toks.find(at, "verb_homograph") is not None
        if homograph and clause_start and TANWEEN_FATH not in toks.raw_word(at):
            return None  # غدا الأمر مستحيلا: the verb 'became' (غدًا with tanween is the adverb)
    wd = toks.find(nxt, "weekday", clitic=False)
    if wd is not None:
        inner = weekday_date(toks, nxt)
        if inner is not None:
            c = point_candidate(inner)
            return replace(c, start=i, clitic=rd.clitic, rule="relative_day_" + inner.rule)
        nxt = wd.end
    when = shift(ref, "day", rd.entry.int_value) if ref else None
    weekday = wd.entry.int_value if wd is not None else None
    return date_candidate(i, nxt, rd.clitic, when, rel_value("day", weekday), "relative_day")


@date_rule(
    "relative_named",
    starts={"month", "hmonth", "month_noun", "day_noun", "weekday"},
    labels=("relative_month", "relative_weekday", "bare_weekday"),
)
def relative_named(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`نوفمبر الماضي`, `شهر يناير الماضي`, `تموز (يوليو) الماضي`, `الخميس المقبل`, `يوم الأحد`."""
    noun = toks.find(i, "month_noun")
    k = noun.end if noun is not None else i
    mo = month_name(toks, k)
    if mo is not None:
        rel = shift_at(toks, mo.end)
        if rel is None:
            return None
        n = rel.n
        when: When | None = None
        if ref is not None and mo.calendar == "gregorian":  # نوفمبر الماضي; نوفمبر بعد المقبل a year further
            when = last_or_next_month(ref, mo.number, n)
            if abs(n) > 1 and when.year is not None:
                when = Point(when.year + n - (1 if n > 0 else -1), mo.number)
        elif ref is not None and abs(n) == 1:  # شوال المقبل
            when = last_or_next_hijri_month(ref, mo.number, n)
        value = DateValue(calendar=mo.calendar, granularity="month", start=DatePoint(month=mo.number), relative=True)
        return date_candidate(i, rel.end, noun.clitic if noun else mo.clitic, when, value, "relative_month")
    k, clitic, noun = i, 0, toks.find(i, "day_noun")
    if noun is not None and noun.end - i == 1 and noun.entry.text_value == "one":
        k, clitic = noun.end, noun.clitic
    else:
        noun = None
    wd = toks.find(k, "weekday", clitic=noun is None)
    if wd is None:
        return None
    if noun is None:
        clitic = wd.clitic
    weekday = wd.entry.int_value
    rel = shift_at(toks, wd.end)
    if rel is not None:
        # الخميس بعد المقبل: a week further than the next
        when = resolve_when(Anchor("day", weekday=weekday), Offset(rel.n), ref=ref) if rel.n != 0 else None
        return date_candidate(i, rel.end, clitic, when, rel_value("day", weekday), "relative_weekday")
    if noun is None and toks.find(k, "ambiguous_weekday") is not None and toks.find(i - 1, "day_part") is None:
        return None  # الاثنين (the two), الجمعة: need يوم, a date, a relative word or مساء
    if noun is None and toks.words[i][:clitic] not in CONJUNCTIONS:
        return None
    return date_candidate(i, wd.end, clitic, None, rel_value("day", weekday), "bare_weekday")


@date_rule("relative_period", starts={"relative_period_noun"}, labels=("relative_period", "relative_period_year"))
def relative_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الأسبوع الماضي`, `الشهر المقبل`, `العام الماضي`, `العام المقبل 2026`."""
    noun = toks.find(i, "relative_period_noun")
    if noun is None:
        return None
    unit = noun.entry.text_value
    rel = shift_at(toks, noun.end)
    if rel is None or unit in ("century",):
        return None
    n, end = rel
    y = plain_year(toks, end, YEAR_MIN, YEAR_MAX)
    if unit == "year" and y is not None:
        value = DateValue(granularity="year", start=DatePoint(year=y), relative=True)
        return date_candidate(i, end + 1, noun.clitic, Point(y), value, "relative_period_year")
    when: When | None = None
    gran: Granularity = "day"
    if unit in ("week", "month", "year"):
        gran = "week" if unit == "week" else "month" if unit == "month" else "year"
        when = resolve_when(Anchor(gran), Offset(n), ref=ref)
    elif unit == "quarter":
        gran = "quarter"
        if ref:
            q = (ref.month - 1) // 3 + n
            y0, q0 = ref.year + q // 4, q % 4
            when = Span(Point(y0, q0 * 3 + 1), Point(y0, q0 * 3 + 3))
    elif unit == "decade":
        gran = "decade"  # العقد الماضي: the ten years before R's year, as العقدين الماضيين (docs/conventions.md)
        when = resolve_when(Anchor("decade"), Offset(n, span=n != 0), ref=ref)
    return date_candidate(i, end, noun.clitic, when, rel_value(gran), "relative_period")


class Duration(NamedTuple):
    unit: TimeUnit
    n: int


class Durations(NamedTuple):
    parts: list[Duration]  # `سنتين وثلاثة أشهر`: two parts, the largest first as written
    end: int


def _durations(toks: Tokens, k: int) -> Durations | None:
    """Up to three durations joined by `و` at token k (`3 سنوات`, `شهرين`, `سنة وستة أشهر`);
    None when one is vague (`عقود` with no number)."""
    parts: list[Duration] = []
    while len(parts) < 3:
        num = read_number(toks, k)
        n, u_at = 1, k
        if num is not None:
            if num.value.denominator != 1 or num.scaled:
                return None
            n, u_at = int(num.value), num.end
        unit = toks.find(u_at, "duration_unit", clitic=not parts or u_at == k)
        if unit is None:
            break
        name, _, mult = unit.entry.text_value.partition("*")
        if mult and u_at == k:
            n = int(mult)
        if name.endswith("+"):
            if u_at == k:
                return None  # بعد عقود: a plural with no number is vague
            name = name[:-1]
        parts.append(Duration(time_unit(name), n))
        k = unit.end
        if toks.word(k) == WAW or (
            toks.word(k).startswith(WAW) and toks.find(k, "duration_unit") is None and read_number(toks, k) is not None
        ):
            nxt = k + 1 if toks.word(k) == WAW else k
            if read_number(toks, nxt) is None and toks.find(nxt, "duration_unit") is None:
                break
            k = nxt
            continue
        break
    return Durations(parts, k)


_YEARS_IN = {"year": 1, "decade": 10, "century": 100}


def _moved(ref: dt.date, sign: int, parts: list[Duration]) -> When:
    """R moved by the durations, at the last one's granularity (weeks give a day)."""
    d = ref
    for unit, n in parts:
        if unit in ("day", "week"):
            d = d + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        elif unit == "month":
            y, m = add_months(d, sign * n)
            d = d.replace(year=y, month=m, day=min(d.day, 28))
        else:
            d = d.replace(year=d.year + sign * n * _YEARS_IN[unit], day=min(d.day, 28))
    last = parts[-1].unit
    return shift(d, "day" if last == "week" else last, 0)


@date_rule("ago_later", starts={"ago_prep"})
def _ago_later(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`قبل شهرين`, `بعد 3 سنوات`; not `بعد شهرين من الاستقلال` (counted from an event)."""
    prep = toks.find(i, "ago_prep")
    if prep is None:
        return None
    read = _durations(toks, prep.end)
    if read is None or not read.parts:
        return None
    if toks.find(read.end, "event_prep", clitic=False) is not None:
        return None  # counted from an event, not from the document's date
    when: When | None = None
    if ref is not None:
        try:
            when = _moved(ref, prep.entry.int_value, read.parts)
        except (ValueError, OverflowError):
            when = None  # R moved before the year 1 or after 9999 (قبل 2000 عام)
    last = read.parts[-1].unit
    gran: Granularity = "day" if last in ("day", "week") else "month" if last == "month" else "year"
    return date_candidate(i, read.end, prep.clitic, when, rel_value(gran), "ago_later")


@date_rule("this_period", starts={"relative_pre_modifier"})
def this_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`هذا العام`, `هذه السنة`, `هذا الشهر`: the current period."""
    pre = toks.find(i, "relative_pre_modifier")
    if pre is None:
        return None
    noun = toks.find(pre.end, "relative_period_noun", clitic=False)
    if noun is None or noun.entry.text_value not in ("year", "month", "week"):
        return None
    if toks.find(noun.end, "anaphor", "relative_modifier") is not None:
        return None
    unit = noun.entry.text_value
    when: When | None = None
    if ref is not None:
        this: dict[str, When] = {"year": Point(ref.year), "month": Point(ref.year, ref.month), "week": week_range(ref)}
        when = this[unit]
    gran: Granularity = "year" if unit == "year" else "month" if unit == "month" else "week"
    return date_candidate(i, noun.end, pre.clitic, when, rel_value(gran), "this_period")


_SEASON_START: dict[Season, int] = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def season_year(ref: dt.date, season: Season, n: int) -> int:
    """The year of a relative season: a season belongs to the year in which it
    begins (a winter to its December). This one is in progress or R's year's
    (n = 0), the next not yet begun at R (n > 0), the last already ended (n < 0)."""
    start = _SEASON_START[season]
    if n == 0:
        return ref.year - 1 if start == 12 and ref.month < 3 else ref.year
    if n > 0:
        y = ref.year if ref < dt.date(ref.year, start, 1) else ref.year + 1
        return y + n - 1
    y = ref.year
    while dt.date(y + (start + 3 > 12), (start + 2) % 12 + 1, 1) > ref:  # the day after the season ends
        y -= 1
    return y + n + 1


@date_rule("relative_season", starts={"relative_season", "relative_pre_modifier"})
def relative_season(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`هذا الصيف`, `الصيف الماضي`, `الربيع المقبل`, `الشتاء الجاي`: a year, the season in `value`."""
    pre = toks.find(i, "relative_pre_modifier")
    at = pre.end if pre is not None else i
    season = toks.find(at, "relative_season", clitic=pre is None)
    if season is None:
        return None
    end, n = season.end, 0
    rel = shift_at(toks, end)
    if pre is not None:
        if rel is not None or toks.find(end, "anaphor") is not None:
            return None  # هذا الصيف الماضي, ذلك الصيف: not this one
    elif rel is None:
        return None
    else:
        n, end = rel
    name = season_name(season.entry.text_value)
    when = Point(season_year(ref, name, n)) if ref is not None else None
    value = DateValue(granularity="year", relative=True, season=name)
    clitic = pre.clitic if pre is not None else season.clitic
    return date_candidate(i, end, clitic, when, value, "relative_season")
