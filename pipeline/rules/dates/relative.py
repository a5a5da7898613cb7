"""Relative dates, resolved against the reference date: `أمس`, `اليوم الجمعة`,
`نوفمبر الماضي`, `الخميس المقبل`, `الشهر المقبل`, `قبل شهرين`, `هذا العام`."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Literal

from ...calendars import (
    Point,
    add_months,
    last_or_next_hijri_month,
    last_or_next_month,
    range_str,
    shift,
    week_range,
)
from ...numbers import read_number
from ...particles import ARTICLE, BA, CLAUSE_PUNCTUATION, CONJUNCTIONS, NISBA_ENDING, TANWEEN_FATH, WAW
from ...records import DatePoint, DateValue, Granularity
from ...relative_time import Anchor, Shift, normalized
from ...tokens import Tokens
from ..base import Candidate
from .points import (
    YEAR_MAX,
    YEAR_MIN,
    _arg,
    _month,
    _plain_year,
    _point_cand,
    _weekday_date,
)


def _rel_value(gran: Granularity, weekday: int | None = None) -> DateValue:
    return DateValue(granularity=gran, relative=True, weekday=weekday)


def _relative_day(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`اليوم`, `أمس`, `غدا`, `اليوم الجمعة`, `اليوم الأربعاء 14 يونيو 2023`."""
    head = toks.find(i, "day_noun")
    at = head.end if head is not None and head.entry.value == "one" else i  # يوم غد
    rd = toks.find(at, "relative_day", clitic=at == i)
    if rd is None:
        return None
    proclitic = toks.words[i][: rd.clitic]
    if proclitic not in CONJUNCTIONS and not (
        proclitic.endswith(BA) and toks.words[i][rd.clitic :].startswith(ARTICLE)
    ):
        return None  # لامس (touched) is not ل + أمس; بالأمس is
    if at != i:
        rd = replace(rd, clitic=head.clitic)  # type: ignore[union-attr]
    if toks.find(i - 1, "relative_pre_modifier", "anaphor") is not None:
        return None  # هذا اليوم, ذلك اليوم: anaphora
    nxt = rd.end
    if toks.find(nxt, "anaphor", "ord_ordinal", "ord_compound_unit") is not None:
        return None  # اليوم نفسه, اليوم الأول
    if toks.find(at, "noun_homograph") is not None and toks.find(nxt, "noun_homograph_complement") is not None:
        return None  # بكرة خيط, عن بكرة أبيهم: the noun 'reel'
    if toks.definite_word(nxt) and toks.find(nxt, "weekday", "month", "relative_modifier") is None:
        if toks.word(nxt).endswith(NISBA_ENDING) or toks.find(nxt, "blocks_relative_day", clitic=False) is not None:
            return None  # اليوم الوطني (an adjective), أمس الحاجة (a superlative)
        clause_start = i == 0 or rd.clitic > 0 or toks.word(i - 1) in CLAUSE_PUNCTUATION
        homograph = toks.find(at, "verb_homograph") is not None
        if homograph and clause_start and TANWEEN_FATH not in toks.raw_word(at):
            return None  # غدا الأمر مستحيلا: the verb 'became' (غدًا with tanween is the adverb)
    wd = toks.find(nxt, "weekday", clitic=False)
    if wd is not None:
        inner = _weekday_date(toks, nxt)
        if inner is not None:
            c = _point_cand(inner)
            return replace(c, start=i, clitic=rd.clitic, rule="relative_day_" + inner.rule)
        nxt = wd.end
    n = int(str(rd.entry.value))
    norm = (ref + dt.timedelta(days=n)).isoformat() if ref else None
    weekday = int(str(wd.entry.value)) if wd is not None else None
    return Candidate("date", i, nxt, rd.clitic, norm, _rel_value("day", weekday), "relative_day")


def _relative_named(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`نوفمبر الماضي`, `شهر يناير الماضي`, `تموز (يوليو) الماضي`, `الخميس المقبل`, `يوم الأحد`."""
    noun = toks.find(i, "month_noun")
    k = noun.end if noun is not None else i
    mo = _month(toks, k)
    if mo is not None:
        rel = _arg(toks, mo[2], "relative_modifier", clitic=False)
        if rel is None:
            return None
        n = int(rel[0])
        norm = None
        if ref is not None and mo[1] == "gregorian":  # نوفمبر الماضي; نوفمبر بعد المقبل a year further
            norm = last_or_next_month(ref, mo[0], n)
            if abs(n) > 1:
                norm = Point(int(norm[:4]) + n - (1 if n > 0 else -1), mo[0]).fmt()
        elif ref is not None and abs(n) == 1:  # شوال المقبل
            norm = last_or_next_hijri_month(ref, mo[0], n)
        cal: Literal["gregorian", "hijri"] = "hijri" if mo[1] == "hijri" else "gregorian"
        value = DateValue(calendar=cal, granularity="month", start=DatePoint(month=mo[0]), relative=True)
        return Candidate("date", i, rel[1], noun.clitic if noun else mo[3], norm, value, "relative_month")
    k, clitic, noun = i, 0, toks.find(i, "day_noun")
    if noun is not None and noun.end - i == 1 and noun.entry.value == "one":
        k, clitic = noun.end, noun.clitic
    else:
        noun = None
    wd = toks.find(k, "weekday", clitic=noun is None)
    if wd is None:
        return None
    if noun is None:
        clitic = wd.clitic
    weekday = int(str(wd.entry.value))
    rel = _arg(toks, wd.end, "relative_modifier", clitic=False)
    if rel is not None:
        n = int(rel[0])  # الخميس بعد المقبل: a week further than the next
        norm = normalized(Anchor("day", weekday=weekday), Shift(n), ref=ref) if n != 0 else None
        return Candidate("date", i, rel[1], clitic, norm, _rel_value("day", weekday), "relative_weekday")
    if noun is None and toks.find(k, "ambiguous_weekday") is not None and toks.find(i - 1, "day_part") is None:
        return None  # الاثنين (the two), الجمعة: need يوم, a date, a relative word or مساء
    if noun is None and toks.words[i][:clitic] not in CONJUNCTIONS:
        return None
    return Candidate("date", i, wd.end, clitic, None, _rel_value("day", weekday), "bare_weekday")


def _relative_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الأسبوع الماضي`, `الشهر المقبل`, `العام الماضي`, `العام المقبل 2026`."""
    noun = toks.find(i, "relative_period_noun")
    if noun is None:
        return None
    unit = str(noun.entry.value)
    rel = _arg(toks, noun.end, "relative_modifier", clitic=False)
    if rel is None or unit in ("century",):
        return None
    n, end = int(rel[0]), rel[1]
    y = _plain_year(toks, end, YEAR_MIN, YEAR_MAX)
    if unit == "year" and y is not None:
        value = DateValue(granularity="year", start=DatePoint(year=y), relative=True)
        return Candidate("date", i, end + 1, noun.clitic, str(y), value, "relative_period_year")
    norm: str | None = None
    gran: Granularity = "day"
    if unit in ("week", "month", "year"):
        gran = "week" if unit == "week" else "month" if unit == "month" else "year"
        norm = normalized(Anchor(gran), Shift(n), ref=ref)
    elif unit == "quarter":
        gran = "quarter"
        if ref:
            q = (ref.month - 1) // 3 + n
            y0, q0 = ref.year + q // 4, q % 4
            norm = range_str(Point(y0, q0 * 3 + 1), Point(y0, q0 * 3 + 3))
    elif unit == "decade":
        gran = "decade"  # العقد الماضي: the ten years before R's year, as العقدين الماضيين (docs/conventions.md)
        norm = normalized(Anchor("decade"), Shift(n, span=n != 0), ref=ref)
    return Candidate("date", i, end, noun.clitic, norm, _rel_value(gran), "relative_period")


def _ago_later(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`قبل شهرين`, `بعد 3 سنوات`; not `بعد شهرين من الاستقلال` (counted from an event)."""
    prep = toks.find(i, "ago_prep")
    if prep is None:
        return None
    sign = int(str(prep.entry.value))
    parts: list[tuple[str, int]] = []
    k = prep.end
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
        name, _, mult = str(unit.entry.value).partition("*")
        if mult and u_at == k:
            n = int(mult)
        if name.endswith("+"):
            if u_at == k:
                return None  # بعد عقود: a plural with no number is vague
            name = name[:-1]
        parts.append((name, n))
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
    if not parts:
        return None
    end = k
    if toks.find(end, "event_prep", clitic=False) is not None:
        return None  # counted from an event, not from the document's date
    norm: str | None = None
    if ref is not None:
        try:
            d = ref
            gran = parts[-1][0]
            for unit_name, n in parts:
                if unit_name in ("day", "week"):
                    d = d + dt.timedelta(days=sign * n * (7 if unit_name == "week" else 1))
                elif unit_name == "month":
                    y, m = add_months(d, sign * n)
                    d = d.replace(year=y, month=m, day=min(d.day, 28))
                elif unit_name in ("year", "decade", "century"):
                    years = {"year": 1, "decade": 10, "century": 100}[unit_name]
                    d = d.replace(year=d.year + sign * n * years, day=min(d.day, 28))
            norm = shift(d, "day" if gran == "week" else gran, 0)
        except (ValueError, OverflowError):
            norm = None  # R moved before the year 1 or after 9999 (قبل 2000 عام)
    gran_out: Granularity = {"day": "day", "week": "day", "month": "month"}.get(parts[-1][0], "year")  # type: ignore[assignment]
    return Candidate("date", i, end, prep.clitic, norm, _rel_value(gran_out), "ago_later")


def _this_period(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`هذا العام`, `هذه السنة`, `هذا الشهر`: the current period."""
    pre = toks.find(i, "relative_pre_modifier")
    if pre is None:
        return None
    noun = toks.find(pre.end, "relative_period_noun", clitic=False)
    if noun is None or noun.entry.value not in ("year", "month", "week"):
        return None
    if toks.find(noun.end, "anaphor", "relative_modifier") is not None:
        return None
    unit = str(noun.entry.value)
    norm = None
    if ref is not None:
        norm = {"year": str(ref.year), "month": Point(ref.year, ref.month).fmt(), "week": week_range(ref)}[unit]
    gran: Granularity = "year" if unit == "year" else "month" if unit == "month" else "week"
    return Candidate("date", i, noun.end, pre.clitic, norm, _rel_value(gran), "this_period")


_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def _season_year(ref: dt.date, season: str, n: int) -> int:
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


def _relative_season(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`هذا الصيف`, `الصيف الماضي`, `الربيع المقبل`, `الشتاء الجاي`: a year, the season in `value`."""
    pre = toks.find(i, "relative_pre_modifier")
    at = pre.end if pre is not None else i
    season = toks.find(at, "relative_season", clitic=pre is None)
    if season is None:
        return None
    end, n = season.end, 0
    rel = _arg(toks, end, "relative_modifier", clitic=False)
    if pre is not None:
        if rel is not None or toks.find(end, "anaphor") is not None:
            return None  # هذا الصيف الماضي, ذلك الصيف: not this one
    elif rel is None:
        return None
    else:
        n, end = int(rel[0]), rel[1]
    norm = str(_season_year(ref, str(season.entry.value), n)) if ref is not None else None
    value = DateValue(granularity="year", relative=True, season=str(season.entry.value))  # type: ignore[arg-type]
    clitic = pre.clitic if pre is not None else season.clitic
    return Candidate("date", i, end, clitic, norm, value, "relative_season")
