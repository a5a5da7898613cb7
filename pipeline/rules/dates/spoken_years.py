"""Years in number words where people say them (MENTIONS.md, "Number words everywhere a number
may stand"): after a temporal preposition or a date head (`في ألفين وستة وعشرين`, `مواليد ألفين`;
the preposition and the head stay outside the span), spoken as two numbers (`عام تسعة عشر وثمانية
وستين` → `1968`), and ranges of them (`من ألفين وعشرة إلى ألفين وخمسة عشر` → `2010/2015`).

A number in words after `في` is as often a count (`في ألفين وخمسين حالة`): without a year noun,
only a value a person alive today says as a year (`SPOKEN_MIN`–`YEAR_MAX`) that counts no noun
after it is one. A bare four-digit year after a date head (`مواليد 2000`) is read here too."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ...calendars import Point, Span
from ...numbers import read_number
from ...particles import BAYNA, MIN
from ...records import DatePoint, DateValue
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, date_candidate, joiner
from ..registry import date_rule
from .common import YEAR_MAX, YEAR_MIN, Pt, counted, era_at, plain_year, point_candidate
from .numeric_short import marked_before

SPOKEN_MIN = 1900  # a year in words without a year noun: `في ألفين`, not `في ألف مكان`
ROUND = 100  # two round numbers (`من ألف وتسعمائة إلى ألفين`) are counts, not a range of years
_NUMBER_WORD_START = frozenset({Role.NUM_UNIT, Role.NUM_TEN, Role.NUM_HUNDRED, Role.NUM_SCALE, Role.NUM_SCALE_DUAL})


def _words_value(toks: Tokens, i: int) -> tuple[int, int] | None:
    """A whole number written in words only, starting at i: (value, end)."""
    num = read_number(toks, i)
    if num is None or num.digits or not num.words or num.value.denominator != 1:
        return None
    return int(num.value), num.end


def _spoken(toks: Tokens, i: int) -> tuple[int, int] | None:
    """A year said as two numbers joined by `و`: `تسعة عشر وثمانية وستين` (19 | 68 → 1968)."""
    hundreds = _words_value(toks, i)
    if hundreds is None or not 11 <= hundreds[0] <= 19:
        return None
    j = joiner(toks, hundreds[1])
    if j is None:
        return None
    rest = _words_value(toks, j)
    if rest is None or not 1 <= rest[0] <= 99:
        return None
    return hundreds[0] * 100 + rest[0], rest[1]


def word_year(toks: Tokens, i: int, lo: int = SPOKEN_MIN) -> tuple[int, int] | None:
    """A year in words at i, whole (`ألفين وستة وعشرين`) or spoken (`تسعة عشر وثمانية وستين`): (year, end)."""
    found = _spoken(toks, i) or _words_value(toks, i)
    if found is None or not lo <= found[0] <= YEAR_MAX:
        return None
    return found


def _year_cand(toks: Tokens, p: Pt) -> Candidate | None:
    """The year `p`, with an era after it (`ألفين وعشرين ميلادية`), unless a noun after it is counted."""
    era = era_at(toks, p.end)
    if era is not None:
        if era.calendar != "gregorian":
            return None  # a Hijri year in words is left to the year-noun rule
        p = replace(p, end=era.end)
    elif counted(toks, p.end):
        return None  # في ألفين وخمسين حالة
    return point_candidate(p)


WORD_YEAR_START = _NUMBER_WORD_START | {"digit", Role.YEAR_NOUN}


@date_rule("marked_word_year", starts=WORD_YEAR_START, labels=("prep_word_year", "head_year", "year_noun_spoken"))
def marked_word_year(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`في ألفين وستة وعشرين`, `مواليد ألفين`, `مواليد 2000`, `عام تسعة عشر وثمانية وستين`."""
    noun = toks.find(i, Role.YEAR_NOUN)
    if noun is not None:  # عام تسعة عشر وثمانية وستين: the noun inside the span
        found = _spoken(toks, noun.end)
        if found is None:
            return None
        return _year_cand(toks, Pt(i, found[1], noun.clitic, Point(found[0]), "gregorian", "year", "year_noun_spoken"))
    if toks.has_digit(i):  # no year in words starts with digits: only `مواليد 2000` is left to read
        if len(toks.word(i)) != 4 or toks.find(i - 1, Role.DATE_HEAD) is None or not marked_before(toks, i):
            return None
        y = plain_year(toks, i, YEAR_MIN, YEAR_MAX)  # (after a preposition, points.py's prep_year)
        return _year_cand(toks, Pt(i, i + 1, 0, Point(y), "gregorian", "year", "head_year")) if y is not None else None
    if not marked_before(toks, i):
        return None
    found = word_year(toks, i)
    if found is not None:
        return _year_cand(toks, Pt(i, found[1], 0, Point(found[0]), "gregorian", "year", "prep_word_year"))
    return None


def _range_year(toks: Tokens, i: int) -> tuple[int, int, bool] | None:
    """A range end: a year in words or four digits: (year, end, in words)."""
    found = word_year(toks, i)
    if found is not None:
        return found[0], found[1], True
    y = plain_year(toks, i, YEAR_MIN, YEAR_MAX)
    if y is not None and len(toks.word(i)) == 4:
        return y, i + 1, False
    return None


@date_rule("word_years_range", starts={Role.RANGE_OPEN})
def word_years_range(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`من ألفين وعشرة إلى ألفين وخمسة عشر`, `بين ألفين وعشرة وألفين وخمسة عشر`: one range."""
    opener = toks.find(i, Role.RANGE_OPEN)
    if opener is None:
        return None
    first = toks.words[i][opener.clitic :]
    if first not in (MIN, BAYNA):
        return None
    a = _range_year(toks, opener.end)
    if a is None:
        return None
    if first == MIN:
        to = toks.find(a[1], Role.RANGE_TO)
        k = to.end if to is not None else None
    else:
        k = joiner(toks, a[1])
    if k is None:
        return None
    b = _range_year(toks, k)
    if b is None or b[0] <= a[0] or not (a[2] or b[2]) or counted(toks, b[1]):
        return None  # one end in words at least: two digit years are ranges.py's
    if a[0] % ROUND == 0 and b[0] % ROUND == 0:
        return None  # من ألف وتسعمائة إلى ألفين: two round counts
    value = DateValue(granularity="year", start=DatePoint(year=a[0]), end=DatePoint(year=b[0]))
    clitic = opener.clitic if first == MIN else 0
    return date_candidate(i, b[1], clitic, Span.years(a[0], b[0]), value, "word_years_range")


__all__ = ["WORD_YEAR_START", "marked_word_year", "word_year", "word_years_range"]
