"""A month before its ordinal day, as it is said: `مارس السابع عشر، 2021` → `2021-03-17`
(MENTIONS.md, "Number words everywhere a number may stand").

With its year the phrase is a date whatever the month (a day and a year vouch for `مارس`).
Without one it is a date only after a temporal preposition, with a month name that is no
ordinary word and no `من` after it (`في ديسمبر الأول من حكمه` is a first December, not a day)."""

from __future__ import annotations

import datetime as dt

from ...calendars import Point, valid_day
from ...particles import MIN
from ...tokens import Tokens
from ..base import Candidate, ordinal
from .numeric_short import marked_before
from .points import Pt, _month, _point_cand, _year_part

_MONTH_START = frozenset({"month", "hmonth"})
HIJRI_YEAR_MAX = 1600  # a larger year after a Hijri month is Gregorian (points.py reads `رمضان 2025`)


def _month_ordinal(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    mo = _month(toks, i)
    if mo is None:
        return None
    month, cal, k, clitic, ambiguous = mo
    o = ordinal(toks, k)
    if o is None or o[2] != 0:
        return None
    day, end = o[0], o[1]
    if not 1 <= day <= 31:
        return None
    year: int | None = None
    yp = _year_part(toks, end)
    if yp is not None:
        era = yp[1] or cal
        if era != cal or (cal == "hijri" and yp[0] > HIJRI_YEAR_MAX):
            return None  # رمضان السابع عشر 2025 mixes calendars; 500 ق.م is no day
        year, end = yp[0], yp[2]
    elif cal != "gregorian" or ambiguous or not marked_before(toks, i) or toks.word(end) == MIN:
        return None
    if (cal == "gregorian" and not valid_day(year, month, day)) or (cal == "hijri" and day > 30):
        return None
    return _point_cand(Pt(i, end, clitic, Point(year, month, day), cal, "day", "month_ordinal_day"))


MONTH_ORDINAL_START = _MONTH_START

__all__ = ["MONTH_ORDINAL_START"]
