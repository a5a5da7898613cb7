"""What the date grammars share: the parsed point `Pt`, the typed pieces a point is read from
(a month name, a year, an era, a relative shift) and the step from a point to its candidate.

Every piece is a named tuple or a frozen dataclass; `normalized` is formatted once, from the
typed `When` a candidate carries (`base.date_candidate`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from ...calendars import Point, Span, When, bounds, hijri_in_gregorian_year, hijri_to_gregorian
from ...numbers import read_number
from ...particles import (
    ACCUSATIVE_ENDING,
    ARTICLE,
    ARTICLE_PROCLITICS,
    COMMAS,
    LAM,
    MIN,
    TANWEEN,
    TEH_MARBUTA,
    VERB_ALEF_ENDINGS,
)
from ...records import DatePoint, DateValue, Granularity, Modifier, Season
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, date_candidate

YEAR_MIN, YEAR_MAX = 1000, 2100  # a bare four-digit number read as a year
LAST_ORDINAL = 0  # the value of `آخر`, `الأخير` in the lexicon (construct_ordinal, ord_ordinal): the last one

Calendar = Literal["gregorian", "hijri"]
EraName = Literal["gregorian", "hijri", "bc"]


@dataclass(frozen=True, slots=True)
class Pt:
    """A parsed date point with its tokens."""

    start: int
    end: int
    clitic: int
    point: Point
    calendar: Calendar  # the calendar of the month and day as written
    gran: Granularity
    rule: str
    weekday: int | None = None
    relative: bool = False
    when: When | None = None  # the resolved value, set when it is not the plain point (relative dates)
    year_calendar: Literal["gregorian"] | None = None  # رمضان 2025: a Hijri month in a Gregorian year


_SEASONS: dict[str, Season] = {"spring": "spring", "summer": "summer", "autumn": "autumn", "winter": "winter"}
_MODIFIERS: dict[str, Modifier] = {"start": "start", "early": "early", "mid": "mid", "late": "late", "end": "end"}


def season_name(name: str) -> Season:
    """A `season` trigger's argument as the value's season."""
    try:
        return _SEASONS[name]
    except KeyError:
        raise ValueError(f"unknown season {name!r} in the lexicon") from None


def modifier_name(name: str) -> Modifier:
    """A `period_modifier` trigger's argument as the value's modifier (`start` when it names none)."""
    return _MODIFIERS.get(name, "start")


class Shift(NamedTuple):
    """A relative modifier (`الماضي` -1, `المقبل` +1, `الحالي` 0, `بعد المقبل` +2) and the token after it."""

    n: int
    end: int


class Era(NamedTuple):
    calendar: EraName
    end: int


class MonthName(NamedTuple):
    number: int
    calendar: Calendar
    end: int
    clitic: int
    ambiguous: bool  # a month word that is also an ordinary word (`مارس`, `آب`)


class YearPart(NamedTuple):
    year: int
    era: EraName | None
    end: int


class YearAt(NamedTuple):
    year: int
    end: int


def shift_at(toks: Tokens, i: int) -> Shift | None:
    """A relative modifier at token i (never behind a proclitic). A demonstrative that also stands
    before a noun belongs to a definite word after it (`يصادف الأحد هذا العام`, `الخميس هذه المرة`)."""
    m = toks.find(i, "relative_modifier", clitic=False)
    if m is None:
        return None
    if toks.find(i, "relative_pre_modifier", clitic=False) is not None and toks.definite_word(m.end):
        return None
    return Shift(m.entry.int_value, m.end)


class LedWeekday(NamedTuple):
    """A weekday, after `يوم` or alone: its ISO number, the token after it, the proclitic of the first word."""

    weekday: int
    end: int
    clitic: int


def led_weekday(toks: Tokens, i: int) -> LedWeekday | None:
    """`الخميس`, `والخميس`, `يوم الخميس`, `ويوم الخميس` at token i (the proclitic is on `يوم`, not on the weekday)."""
    noun = toks.find(i, Role.DAY_NOUN)
    if noun is not None and noun.entry.text_value == "one" and noun.end == i + 1:
        wd = toks.find(noun.end, Role.WEEKDAY, clitic=False)
        return LedWeekday(wd.entry.int_value, wd.end, noun.clitic) if wd is not None else None
    wd = toks.find(i, Role.WEEKDAY)
    return LedWeekday(wd.entry.int_value, wd.end, wd.clitic) if wd is not None else None


def plain_year(toks: Tokens, i: int, lo: int = 1, hi: int = 9999) -> int | None:
    """Digits of at most four figures at token i, within [lo, hi]."""
    if toks.is_int(i) and len(toks.words[i]) <= 4:
        y = int(toks.words[i])
        if lo <= y <= hi:
            return y
    return None


def four_digit_year(toks: Tokens, i: int) -> int | None:
    """A year of exactly four digits within YEAR_MIN…YEAR_MAX (`نهاية 2027`, `صيف 2006`)."""
    y = plain_year(toks, i, YEAR_MIN, YEAR_MAX)
    return y if y is not None and len(toks.words[i]) == 4 else None


def year_value(toks: Tokens, i: int) -> YearAt | None:
    """A year after a year noun: digits, or year words (`ألفين وتسعة عشر`)."""
    y = plain_year(toks, i)
    if y is not None:
        return YearAt(y, i + 1)
    num = read_number(toks, i)
    if num is not None and num.words and not num.digits and num.value.denominator == 1:
        if YEAR_MIN <= num.value <= YEAR_MAX:
            return YearAt(int(num.value), num.end)
    return None


_ERAS: tuple[tuple[str, EraName], ...] = (("era_gregorian", "gregorian"), ("era_hijri", "hijri"), ("era_bc", "bc"))


def era_at(toks: Tokens, i: int) -> Era | None:
    """An era marker (`م`, `هـ`, `قبل الميلاد`) at token i."""
    for role, cal in _ERAS:
        m = toks.find(i, role)
        if m is not None:
            return Era(cal, m.end)
    return None


def month_name(toks: Tokens, i: int, hijri_ok: bool = True) -> MonthName | None:
    """A month name with an optional paired name (`شباط/فبراير`, `تموز (يوليو)`);
    a paired name is never ambiguous."""
    roles = ("month", "hmonth") if hijri_ok else ("month",)
    m = toks.find(i, *roles)
    if m is None:
        return None
    info = m.entry.month
    end = m.end
    w = toks.word(end)
    if w == "/" or w == "(":
        other = toks.find(end + 1, "month", clitic=False)
        if other is not None and other.entry.month.number == info.number:
            close = other.end
            if w == "(" and toks.word(close) == ")":
                return MonthName(info.number, _calendar(info.calendar), close + 1, m.clitic, False)
            if w == "/":
                return MonthName(info.number, _calendar(info.calendar), close, m.clitic, False)
    return MonthName(info.number, _calendar(info.calendar), end, m.clitic, info.ambiguous)


def _calendar(name: str) -> Calendar:
    return "hijri" if name == "hijri" else "gregorian"


def year_part(toks: Tokens, i: int) -> YearPart | None:
    """The year after a month: `1947`, `، 1947`, `(2021)`, `عام 2021`, `1444 هـ`."""
    k = i
    epithet = toks.find(k, "month_epithet", clitic=False)
    if epithet is not None:
        k = epithet.end  # شهر رمضان المبارك لعام 1445 هـ
    if toks.word(k) in COMMAS:
        k += 1
    if toks.word(k) == MIN and toks.find(k + 1, "year_noun", clitic=False) is not None:
        k += 1  # سبتمبر من العام 2020
    if toks.word(k) == "(":
        y = plain_year(toks, k + 1)
        if y is not None and toks.word(k + 2) == ")":
            return YearPart(y, None, k + 3)
        return None
    noun = toks.find(k, "year_noun")
    if noun is not None and toks.word(k)[: noun.clitic] in ("", LAM):
        yv = year_value(toks, noun.end)  # سنة ألف وتسعمائة وستين
        if yv is None:
            return None
        y, k = yv
    else:
        y = plain_year(toks, k)
        if y is None:
            return None
        k += 1
    era = era_at(toks, k)
    if era is not None:
        return YearPart(y, era.calendar, era.end)
    return YearPart(y, None, k)


def day_number(toks: Tokens, i: int) -> int | None:
    """A day of the month in one or two digits."""
    y = plain_year(toks, i, 1, 31)
    return y if y is not None and len(toks.words[i]) <= 2 else None


# The article, alone or behind a proclitic (`القاهرة`, `بالقاهرة`, `وال`, and `لل` where ل + ال drops the alef).
_DEFINITE = (*(p + ARTICLE for p in ARTICLE_PROCLITICS), LAM + LAM)


def counted(toks: Tokens, k: int) -> bool:
    """Token k is a noun that the number before it counts (`1500 جندي`, `2000 صفحة`,
    `1750 تقاطعا`), not the verb or word that follows a year (`في 2019 قررت`, `في 2019 أيضا`)."""
    if toks.find(k, "duration_unit", "counted_noun") is not None:
        return True  # منذ 1400 عام, في 1500 قرية
    if toks.has_digit(k) or toks.word(k).startswith(_DEFINITE) or toks.find(k, "adverb", clitic=False) is not None:
        return False  # a counted noun is indefinite, with no preposition (بالقاهرة, للعاصمة); أيضا, تقريبا are adverbs
    if toks.find(k, "range_to", clitic=False) is not None:
        return False  # `لغاية` ends in teh marbuta but joins a range (من 20/6 لغاية 25/6)
    raw = toks.raw_word(k)
    if any(mark in raw for mark in TANWEEN):
        return True  # only nouns and adjectives carry tanween (مكتبٍ, موظفًا)
    w = toks.word(k)
    if raw.endswith(TEH_MARBUTA):
        return True  # only nouns end in teh marbuta (حتى 2000 صفحة)
    if not w.endswith(ACCUSATIVE_ENDING):
        return False
    # The accusative of a noun counted by a number ending in 11-99: a counted noun of the lexicon
    # (1850 جنديا), or any word of five letters or more (1750 تقاطعا) but a verb in alef (plural
    # قرروا, first person plural أطلقنا; duals are short) or a nisba adverb (سنويا, رسميا).
    stem = w[: -len(ACCUSATIVE_ENDING)]
    if {"counted_noun", "duration_unit"} & toks.lex.roles_for(stem):
        return True
    return len(w) >= 5 and not w.endswith(VERB_ALEF_ENDINGS)


def date_point(p: Point) -> DatePoint:
    return DatePoint(year=p.year, month=p.month, day=p.day)


def rel_value(gran: Granularity, weekday: int | None = None) -> DateValue:
    """The value of a relative date: its granularity (and a weekday named with it)."""
    return DateValue(granularity=gran, relative=True, weekday=weekday)


def resolve(p: Pt) -> When | None:
    """A point's Gregorian value: as written, converted from the Hijri calendar, or resolved."""
    if p.when is not None or p.relative:
        return p.when
    if p.year_calendar is not None:  # رمضان 2025, 15 رمضان 2025
        return hijri_in_gregorian_year(p.point)
    if p.calendar == "hijri":
        return hijri_to_gregorian(p.point)
    return p.point


def pt_bounds(p: Pt) -> Span | None:
    """The first and last Gregorian day (or month, year) a point covers; None when unknown."""
    when = resolve(p)
    return bounds(when) if when is not None else None


def point_candidate(p: Pt) -> Candidate:
    value = DateValue(
        calendar=p.calendar,
        year_calendar=p.year_calendar,
        granularity=p.gran,
        start=date_point(p.point),
        weekday=p.weekday,
        relative=p.relative,
    )
    return date_candidate(p.start, p.end, p.clitic, resolve(p), value, p.rule)
