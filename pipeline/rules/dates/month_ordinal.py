"""A month before its ordinal day, as it is said: `مارس السابع عشر، 2021` → `2021-03-17`
(MENTIONS.md, "Number words everywhere a number may stand").

With its year the phrase is a date whatever the month (a day and a year vouch for `مارس`).
Without one it is a date only after a temporal preposition, with a month name that is no
ordinary word and no `من` after it (`في ديسمبر الأول من حكمه` is a first December, not a day)."""

from __future__ import annotations

import datetime as dt

from ...calendars import Point, valid_day
from ...particles import MIN
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, ordinal
from ..registry import date_rule
from .common import Pt, month_name, point_candidate, year_part
from .numeric_short import marked_before

HIJRI_YEAR_MAX = 1600  # a larger year after a Hijri month is Gregorian (points.py reads `رمضان 2025`)


@date_rule("month_ordinal", starts={Role.MONTH, Role.HMONTH}, labels=("month_ordinal_day",))
def month_ordinal(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`مارس السابع عشر، 2021`, `رمضان السابع عشر 1444 هـ`, `في يونيو العاشر`."""
    mo = month_name(toks, i)
    if mo is None:
        return None
    cal = mo.calendar
    o = ordinal(toks, mo.end)
    if o is None or o.clitic != 0:
        return None
    day, end = o.value, o.end
    if not 1 <= day <= 31:
        return None
    year: int | None = None
    yp = year_part(toks, end)
    if yp is not None:
        era = yp.era or cal
        if era != cal or (cal == "hijri" and yp.year > HIJRI_YEAR_MAX):
            return None  # رمضان السابع عشر 2025 mixes calendars; 500 ق.م is no day
        year, end = yp.year, yp.end
    elif cal != "gregorian" or mo.ambiguous or not marked_before(toks, i) or toks.word(end) == MIN:
        return None
    if (cal == "gregorian" and not valid_day(year, mo.number, day)) or (cal == "hijri" and day > 30):
        return None
    return point_candidate(Pt(i, end, mo.clitic, Point(year, mo.number, day), cal, "day", "month_ordinal_day"))


__all__ = ["month_ordinal"]
