"""Short numeric dates as people type them (MENTIONS.md, "Numeric short forms"): a day and month
without a year (`في 17/3`, `يوم 17-3` → `XXXX-03-17`), a month and year (`6/2021`, `2021/6`,
`2021.6`, `06-2021` → `2021-06`), a two-digit year (`17/03/21` → `2021-03-17`), and a day joined
to a month name by a hyphen, slash or dots (`17-مارس`, `17/ مارس`, `مارس-17`, `17. مارس. 2021`).

A bare `17/3` or `6/2021` is as often a fraction, a score, a ratio or a file number as a date, so
those two shapes are dates only after what marks a date: a temporal preposition or a date head
(`بتاريخ`, `المؤرخ`, `مواليد`: outside the span), or `يوم` or a weekday (inside it). A number
noun before them (`القانون رقم 6/2021`) and a fraction's noun after them (`في 17/3 من الحالات`,
`في 3/4 الحالات`, `خلال 3-5 أيام`) undo the mark."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from enum import StrEnum
from typing import NamedTuple

from ...calendars import Point, Span, valid_day
from ...numbers import read_number
from ...particles import BA, COMMAS, FEMININE_PLURAL_ENDING, MIN, PLURAL_NOUN_MIN_LEN, WAW
from ...records import DateValue, Granularity
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, date_candidate
from ..registry import date_rule
from .common import (
    YEAR_MAX,
    YEAR_MIN,
    Calendar,
    Pt,
    counted,
    date_point,
    month_name,
    plain_year,
    point_candidate,
    year_part,
)

# One token of a run of digits and separators (`17/3`, `17`, `-`, `.17`, `17/`); bounded length.
_PIECE = re.compile(r"[0-9./-]{1,10}")
MAX_RUN = 5  # tokens of one run: `17`, `-`, `03`, `-`, `21`
MAX_RUN_CHARS = 10  # `17/03/2021`
_DAY_MONTH = re.compile(r"([0-9]{1,2})([-/])([0-9]{1,2})")  # never dotted: `17.3` is a decimal
_MONTH_YEAR = re.compile(r"([0-9]{1,2})([-/.])([0-9]{4})")
_YEAR_MONTH = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})")
_SHORT_YEAR = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{2})")
FULL_STOP = "."
SEPARATORS = ("-", "/", FULL_STOP)
CENTURY_PIVOT = 50  # a two-digit year 00-49 is 20xx, 50-99 is 19xx
_NUMBERS = (Role.NUMBER_NOUN, Role.NUMBERED_NOUN)  # رقم, القانون, المادة: the number that follows is no date
_AMOUNT_ROLES = (
    Role.NUM_SCALE,
    Role.NUM_SCALE_PLURAL,
    Role.PERCENT_MARKER,
    Role.CURRENCY,
    Role.CUR_SYMBOL,
    Role.SUBUNIT,
)


class Shape(StrEnum):
    """What a run of digits writes; two ends of a short range must share one."""

    FULL = "numeric_short_year"  # 17/03/21: a day, a month and a two-digit year
    DAY_MONTH = "numeric_day_month"
    MONTH_YEAR = "numeric_month_year"


class RunPoint(NamedTuple):
    pt: Pt
    shape: Shape


def _run(toks: Tokens, i: int) -> tuple[str, int] | None:
    """The whole run of digit and separator tokens written together from token i (its text and
    end), if i starts one: a date reading never takes a part of a longer run (`17-3-20215`)."""
    if not toks.has_digit(i) or _PIECE.fullmatch(toks.word(i)) is None:
        return None
    if toks.adjacent(i) and _PIECE.fullmatch(toks.word(i - 1)) is not None:
        return None
    end = i + 1
    while end < len(toks) and toks.adjacent(end) and _PIECE.fullmatch(toks.words[end]) is not None:
        end += 1
        if end - i > MAX_RUN:
            return None
    if end - i > 1 and toks.words[end - 1] == FULL_STOP:
        end -= 1  # `في 17/3.`: the sentence's full stop, not a separator
    text = "".join(toks.words[i:end])
    if len(text) > MAX_RUN_CHARS or text[-1] in SEPARATORS:
        return None
    if toks.adjacent(end) and toks.word(end)[:1].isalpha():
        return None  # `3/4كغ`, `17/3م`: a unit or an era this rule does not read
    return text, end


def _day_month(a: int, b: int) -> tuple[int, int] | None:
    """Day first; month first (`3/17`) only when day first is impossible: (month, day)."""
    if valid_day(None, b, a):
        return b, a
    if valid_day(None, a, b):
        return a, b
    return None


def _short_year(yy: int) -> int:
    return 2000 + yy if yy < CENTURY_PIVOT else 1900 + yy


def _run_point(toks: Tokens, i: int, marked: bool) -> RunPoint | None:
    """The date a run of digits at i writes; a day-month or month-year only when `marked`."""
    run = toks.once(_run, i)
    if run is None:
        return None
    text, end = run
    m = _SHORT_YEAR.fullmatch(text)
    if m is not None:
        if m.group(2) == "." and (len(m.group(1)) != 2 or len(m.group(3)) != 2):
            return None  # `2.4.10` is a version; a dotted short date writes `17.03.21`
        year = _short_year(int(m.group(4)))
        a, b = int(m.group(1)), int(m.group(3))
        md = (b, a) if valid_day(year, b, a) else (a, b) if valid_day(year, a, b) else None
        if md is None:
            return None
        return _run_pt(i, end, Point(year, md[0], md[1]), "day", Shape.FULL)
    if not marked or _fraction_follows(toks, end):
        return None
    m = _DAY_MONTH.fullmatch(text)
    if m is not None:
        dm = _day_month(int(m.group(1)), int(m.group(3)))
        if dm is None:
            return None
        return _run_pt(i, end, Point(None, dm[0], dm[1]), "day", Shape.DAY_MONTH)
    m = _MONTH_YEAR.fullmatch(text)
    ym = (int(m.group(3)), int(m.group(1))) if m is not None else None
    m = _YEAR_MONTH.fullmatch(text)
    if m is not None:
        ym = (int(m.group(1)), int(m.group(3)))
    if ym is None or not 1 <= ym[1] <= 12 or not YEAR_MIN <= ym[0] <= YEAR_MAX:
        return None
    if m is not None and ym[1] == (ym[0] + 1) % 100:
        return None  # `2011/12` is a season (2011/2012), not December 2011
    return _run_pt(i, end, Point(ym[0], ym[1]), "month", Shape.MONTH_YEAR)


def _run_pt(start: int, end: int, point: Point, gran: Granularity, shape: Shape) -> RunPoint:
    return RunPoint(Pt(start, end, 0, point, "gregorian", gran, shape.value), shape)


def _fraction_follows(toks: Tokens, k: int) -> bool:
    """What follows makes the numbers a fraction, a share or a count: `من` (`17/3 من الحالات`),
    a definite noun (`3/4 الحالات`), or a counted noun (`3-5 أيام`, `3-4 مباريات`)."""
    w = toks.word(k)
    if _clock_follows(toks, k) or toks.find(k, Role.DAY_PART, clitic=False) is not None:
        return False  # `بتاريخ 23/11 الساعة 9:40`, `في 14/9 الصبح`: the date, then its time
    if w == MIN or toks.definite_word(k) or counted(toks, k):
        return True
    if toks.find(k, *_AMOUNT_ROLES, clitic=False) is not None:
        return True  # `في 2021.6 مليون`, `1/2 دولار`: an amount
    plural = w.endswith(FEMININE_PLURAL_ENDING) and len(w) >= PLURAL_NOUN_MIN_LEN
    return plural and not w.startswith((BA, WAW)) and toks.find(k, Role.ADVERB) is None


def _clock_follows(toks: Tokens, k: int) -> bool:
    """A clock noun then a time at k (`الساعة 9:40`, `الساعة تسعة`)."""
    clock = toks.find(k, Role.CLOCK_NOUN, clitic=False)
    return clock is not None and (toks.has_digit(clock.end) or read_number(toks, clock.end) is not None)


def _sep_number(toks: Tokens, k: int, digits: int) -> tuple[str, int, int] | None:
    """A separator then a number of up to `digits` digits, as one token (`.17`) or two
    (`-`, `17`): (separator, value, end)."""
    w = toks.word(k)
    if w in SEPARATORS:
        k, sep = k + 1, w
        w = toks.word(k)
    elif w[:1] in SEPARATORS:
        sep, w = w[0], w[1:]
    else:
        return None
    if not w.isascii() or not w.isdigit() or len(w) > digits:
        return None
    return sep, int(w), k + 1


def _number_sep(toks: Tokens, i: int) -> tuple[int, str, int] | None:
    """A day then a separator, as one token (`17/`) or two (`17`, `-`): (day, separator, next)."""
    w = toks.word(i)
    if w[-1:] in SEPARATORS:
        sep, w, k = w[-1], w[:-1], i + 1
    elif toks.word(i + 1) in SEPARATORS:
        sep, k = toks.word(i + 1), i + 2
    else:
        return None
    if not w.isascii() or not w.isdigit() or len(w) > 2:
        return None
    if toks.adjacent(i) and toks.has_digit(i - 1):
        return None
    return int(w), sep, k


def _dated(
    start: int, end: int, clitic: int, year: int | None, month: int, day: int | None, cal: Calendar
) -> Pt | None:
    if day is not None:
        if cal == "gregorian" and not valid_day(year, month, day):
            return None
        if cal == "hijri" and (day > 30 or year is None):
            return None  # a Hijri day without its year has no Gregorian value
    gran: Granularity = "day" if day is not None else "month"
    return Pt(start, end, clitic, Point(year, month, day), cal, gran, "day_sep_month")


def _sep_year(toks: Tokens, k: int, sep: str) -> tuple[int, int] | None:
    """The year after a month written with separators: the same separator then four digits."""
    after = _sep_number(toks, k, 4)
    if after is None or after[0] != sep:
        return None
    y = after[1]
    return (y, after[2]) if YEAR_MIN <= y <= YEAR_MAX and len(toks.word(after[2] - 1).lstrip(sep)) == 4 else None


def _day_sep_month(toks: Tokens, i: int) -> Pt | None:
    """`17-مارس`, `17/ مارس 2021`, `17-مارس-2021`, `17. مارس. 2021` (dots only with the year)."""
    ds = _number_sep(toks, i)
    if ds is None or ds[0] < 1 or toks.find(i - 1, *_NUMBERS, Role.NAME_HEAD) is not None:
        return None
    day, sep, k = ds
    mo = month_name(toks, k)
    if mo is None or mo.clitic != 0 or (sep == "-" and not toks.adjacent(k)):
        return None  # `2- مارس …`: a list's number, not a day
    month, cal, end = mo.number, mo.calendar, mo.end
    year: int | None = None
    sy = _sep_year(toks, end, sep)
    if sy is not None:
        year, end = sy
    elif sep == ".":
        return None  # `عددهم 17. مارس ...`: a full stop, not a dotted date
    else:
        yp = year_part(toks, end)
        if yp is not None and yp.era != "bc":
            year, end = yp.year, yp.end
    return _dated(i, end, 0, year, month, day, cal)


def _month_sep_day(toks: Tokens, i: int) -> Pt | None:
    """`مارس-17`, `مارس/17/2021`, `مارس-2021`."""
    mo = month_name(toks, i)
    if mo is None:
        return None
    month, cal, k, clitic = mo.number, mo.calendar, mo.end, mo.clitic
    after = _sep_number(toks, k, 4)
    if after is None or after[0] == ".":
        return None
    sep, n, end = after
    if toks.word(k) in SEPARATORS and not toks.adjacent(k + 1):
        return None  # the number is written against its separator: `مارس-17`, `مارس /17`
    if len(toks.word(end - 1).lstrip(sep)) == 4:
        return _dated(i, end, clitic, n, month, None, cal) if YEAR_MIN <= n <= YEAR_MAX else None
    if (toks.adjacent(end) and toks.has_digit(end)) or month_name(toks, end) is not None:
        return None  # `يناير - 5 فبراير`: the 5 is the next end's day
    sy = _sep_year(toks, end, sep)
    year, end = sy if sy is not None else (None, end)
    return _dated(i, end, clitic, year, month, n, cal)


def _year_sep_month(toks: Tokens, i: int) -> Pt | None:
    """`2021. مارس .17`, `2021-مارس-17`: the year first, the same separator twice."""
    year = plain_year(toks, i, YEAR_MIN, YEAR_MAX)
    sep = toks.word(i + 1)
    if year is None or len(toks.word(i)) != 4 or sep not in SEPARATORS:
        return None
    mo = month_name(toks, i + 2)
    if mo is None or mo.clitic != 0:
        return None
    after = _sep_number(toks, mo.end, 2)
    if after is None or after[0] != sep:
        return None
    return _dated(i, after[2], 0, year, mo.number, after[1], mo.calendar)


def marked_before(toks: Tokens, i: int) -> bool:
    """A temporal preposition (`في`, `اعتبارا من`) or a date head (`بتاريخ`) ends right before i."""
    for j in range(max(0, i - 3), i):
        for role in (Role.TEMPORAL_PREP, Role.DATE_HEAD):
            if any(m.end == i for m in toks.find_all(j, role)):
                return True
    return False


def _unmarked_number(toks: Tokens, i: int) -> bool:
    return toks.find(i - 1, *_NUMBERS) is not None


def short_point(toks: Tokens, i: int, marked: bool) -> Pt | None:
    """The longest short date starting at token i."""
    best: Pt | None = None
    run = _run_point(toks, i, marked) if not _unmarked_number(toks, i) else None
    candidates = (
        run.pt if run is not None else None,
        _day_sep_month(toks, i),
        _month_sep_day(toks, i),
        _year_sep_month(toks, i),
    )
    for p in candidates:
        if p is not None and (best is None or p.end > best.end):
            best = p
    return best


def _led(toks: Tokens, i: int) -> Pt | None:
    """`يوم 17-3`, `الخميس 17/3`, `يوم الخميس، 17/3`, `الخميس الموافق 17/3/21`: the head inside the span."""
    noun = toks.find(i, Role.DAY_NOUN)
    k, clitic = i, 0
    if noun is not None and noun.entry.text_value == "one":
        k, clitic = noun.end, noun.clitic
    else:
        noun = None
    wd = toks.find(k, Role.WEEKDAY, clitic=noun is None)
    if wd is None and noun is None:
        return None
    weekday: int | None = None
    if wd is not None:
        weekday, k = wd.entry.int_value, wd.end
        if noun is None:
            clitic = wd.clitic
        if toks.word(k) in COMMAS:
            k += 1
        apposition = toks.find(k, Role.DATE_APPOSITION, clitic=False)
        if apposition is not None:
            k = apposition.end
    p = short_point(toks, k, marked=True)
    if p is None or (p.gran != "day" and wd is None):
        return None  # `يوم` heads a day, not a month (`يوم 6/2021`)
    if (
        noun is None
        and p.rule == Shape.DAY_MONTH
        and "-" in "".join(toks.words[p.start : p.end])
        and not marked_before(toks, i)
    ):
        return None  # `فاز الفريق الجمعة 2-1`: a score; `يوم الجمعة 2-1`, `في الجمعة 20-6` stay dates
    prefix = "weekday_" if wd is not None else "day_noun_"
    return replace(p, start=i, clitic=clitic, weekday=weekday, rule=prefix + p.rule)


SHORT_DATE_START = frozenset({"digit", Role.DAY_NOUN, Role.WEEKDAY, Role.MONTH, Role.HMONTH})


@date_rule(
    "short_date",
    starts=SHORT_DATE_START,
    labels=[shape.value for shape in Shape] + ["day_sep_month"],
    prefixes=("weekday_", "day_noun_"),
)
def short_date(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """A short date at i, or one led by `يوم` or a weekday."""
    p = _led(toks, i) if toks.keys(i) & {Role.DAY_NOUN, Role.WEEKDAY} else None
    if p is None:
        p = short_point(toks, i, _separated(toks, i) and marked_before(toks, i))
    return point_candidate(p) if p is not None else None


def _separated(toks: Tokens, i: int) -> bool:
    """A run with a separator starts at i: only such a run needs a mark before it, so plain
    numbers (most digits in a table) skip the look-behind."""
    run = toks.once(_run, i)  # short_point reads the same run
    return run is not None and any(sep in run[0] for sep in SEPARATORS)


def _proper_fraction(toks: Tokens, p: Pt) -> bool:
    """A day-month that also reads as a proper fraction (`1/3`, `3/4`): its first number is the
    smaller. `2/1`, `6/1`, `20/6` are no fraction anyone writes."""
    m = _DAY_MONTH.fullmatch("".join(toks.words[p.start : p.end]))
    return m is not None and int(m.group(1)) < int(m.group(3))


@date_rule("short_range", starts={Role.RANGE_OPEN})
def short_range(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`من 3/2021 حتى 6/2021`: two short dates of one shape, one range. Two day-months need a
    temporal mark, before `من` or holding it (`ابتداء من 17/3 إلى 20/3`), or an end that is no proper
    fraction (`من 2/1 لين 6/1`): `من 1/3 إلى 1/2` is fractions."""
    opener = toks.find(i, Role.RANGE_OPEN)
    if opener is None or toks.words[i][opener.clitic :] != MIN:
        return None
    first = _run_point(toks, opener.end, marked=True)
    if first is None or first.shape == Shape.FULL:
        return None
    to = toks.find(first.pt.end, Role.RANGE_TO)
    second = _run_point(toks, to.end, marked=True) if to is not None else None
    if second is None or second.shape != first.shape:
        return None
    if first.shape == Shape.DAY_MONTH and not (marked_before(toks, i) or marked_before(toks, opener.end)):
        if _proper_fraction(toks, first.pt) and _proper_fraction(toks, second.pt):
            return None  # `ارتفعت الحصة من 1/3 إلى 1/2`: two fractions; `من 2/1 لين 6/1` is no fraction
    a, b = first.pt, second.pt
    if b.point == a.point:
        return None
    if a.point.year is not None and (a.point.year, a.point.month) > (b.point.year or 0, b.point.month or 0):
        return None
    value = DateValue(granularity=b.gran, start=date_point(a.point), end=date_point(b.point))
    return date_candidate(i, b.end, opener.clitic, Span(a.point, b.point), value, "short_range")


__all__ = ["SHORT_DATE_START", "Shape", "marked_before", "short_date", "short_point", "short_range"]
