"""A month named alone where the context says it is one (docs/MENTIONS.md, conversational): a
month word that is also a name or a verb after a temporal preposition (`حتى جوان`, `خلال رمضان`),
any month after a demonstrative (`هذا أغسطس`), and month numbers (`شهر ثلاثة`, `الشهر الثامن`).

A month that is no ordinary word after a preposition (`في أبريل`) is `points._bare_month`."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from ...calendars import Point, last_or_next_hijri_month, last_or_next_month
from ...numbers import read_number
from ...particles import HAMZA_ALEFS, LAM
from ...records import DatePoint, DateValue
from ...tokens import Tokens
from ..base import Candidate, ordinal
from .points import Pt, _counted, _month, _point_cand, _year_part


def _not_a_month(toks: Tokens, k: int, end: int) -> bool:
    """The ambiguous month word at k..end is the number, name or verb it also spells: `صفر`
    (zero), a first name before a second one (`رمضان عبد الله`), the verb before its object
    (`مارس الرياضة`) or before `إلى` and what one returns to (`آب إلى رشده`), `أب` (father)."""
    if toks.find(k, "num_unit") is not None or toks.find(end, "name_follower", clitic=False) is not None:
        return True
    if toks.raw_word(k).startswith(HAMZA_ALEFS):
        return True  # حتى أب (even a father): the month is آب or اب
    if toks.find(end, "range_to", clitic=False) is not None and toks.find(end + 1, "verb_homograph_complement"):
        return True
    if toks.find(k, "verb_homograph") is None:
        return False
    if toks.find(end, "verb_homograph_complement") is not None:
        return True  # حتى مارس عليه ضغوطا
    return toks.definite_word(end) and toks.find(end, "month_epithet", "relative_modifier", clitic=False) is None


def _month_alone(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`حتى جوان`, `خلال رمضان` (a Hijri month without a year: `null`), `هذا أغسطس` (R's year)."""
    pre = toks.find(i, "relative_pre_modifier")
    k = pre.end if pre is not None else i
    mo = _month(toks, k)
    if mo is None:
        return None
    number, cal, end, clitic, ambiguous = mo
    if ambiguous and _not_a_month(toks, k, end):
        return None
    if pre is None:
        if not ambiguous or clitic or toks.find(i - 1, "temporal_prep") is None:
            return None  # a plain month after a preposition is points._bare_month
        return _point_cand(Pt(i, end, 0, Point(None, number), cal, "month", "month_alone"))
    if clitic:
        return None
    norm = None
    if ref is not None:  # هذا أغسطس: this year's; هذا رمضان: this Hijri year's
        norm = last_or_next_month(ref, number, 0) if cal == "gregorian" else last_or_next_hijri_month(ref, number, 0)
    calendar: Literal["gregorian", "hijri"] = "hijri" if cal == "hijri" else "gregorian"
    value = DateValue(calendar=calendar, granularity="month", start=DatePoint(month=number), relative=True)
    return Candidate("date", i, end, pre.clitic, norm, value, "this_month_name")


def _month_number(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`شهر ثلاثة`, `شهر سبعة 2021`, `الشهر الثامن` → `XXXX-03`, `2021-07`, `XXXX-08`; not a count
    (`كل شهر ثلاثة أقساط`), `للشهر الثالث على التوالي`, `الشهر الثامن من الحمل`, `الشهر الثالث عشر`."""
    noun = toks.find(i, "month_noun_singular")
    if noun is None or toks.find(i - 1, "distributive") is not None:
        return None
    k = noun.end
    if noun.entry.value == "definite":
        if toks.words[i][: noun.clitic].endswith(LAM):
            return None  # للشهر الثالث (على التوالي): the n-th month of a run
        o = ordinal(toks, k)
        if o is None or o[2] or toks.word(o[1]).startswith(LAM):
            return None  # الشهر الأول لانطلاق المشروع: the first month of something
        month, end = o[0], o[1]
    else:
        num = read_number(toks, k)
        if num is None or num.digits or num.scaled or num.clitic or num.value.denominator != 1:
            return None
        month, end = int(num.value), num.end
        if month == 1 or _counted(toks, end):
            return None  # شهر واحد: one month
    if not 1 <= month <= 12:
        return None
    year: int | None = None
    yp = _year_part(toks, end)
    if yp is not None and yp[1] in (None, "gregorian"):
        year, end = yp[0], yp[2]
    elif toks.find(end, "event_prep", "ago_prep", clitic=False) is not None:
        return None  # الشهر الثامن من الحمل, الشهر الثالث بعد العملية: counted from something else
    value = DateValue(granularity="month", start=DatePoint(year=year, month=month))
    return Candidate("date", i, end, noun.clitic, Point(year, month).fmt(), value, "month_number")
