"""A month named alone where the context says it is one (docs/MENTIONS.md, conversational): a
month word that is also a name or a verb after a temporal preposition (`حتى جوان`, `خلال رمضان`),
any month after a demonstrative (`هذا أغسطس`), and month numbers (`شهر ثلاثة`, `الشهر الثامن`).

A month that is no ordinary word after a preposition (`في أبريل`) is the point rule's bare month."""

from __future__ import annotations

import datetime as dt

from ...calendars import Point, When, last_or_next_hijri_month, last_or_next_month
from ...numbers import read_number
from ...particles import HAMZA_ALEFS, LAM
from ...records import DatePoint, DateValue
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, date_candidate, ordinal
from ..registry import date_rule
from .common import Pt, counted, month_name, point_candidate, year_part


def not_a_month(toks: Tokens, k: int, end: int) -> bool:
    """The ambiguous month word at k..end is the number, name or verb it also spells: `صفر`
    (zero), a first name before a second one (`رمضان عبد الله`), the verb before its object
    (`مارس الرياضة`) or before `إلى` and what one returns to (`آب إلى رشده`), `أب` (father)."""
    if toks.find(k, Role.NUM_UNIT) is not None or toks.find(end, Role.NAME_FOLLOWER, clitic=False) is not None:
        return True
    if toks.raw_word(k).startswith(HAMZA_ALEFS):
        return True  # حتى أب (even a father): the month is آب or اب
    if toks.find(end, Role.RANGE_TO, clitic=False) is not None and toks.find(end + 1, Role.VERB_HOMOGRAPH_COMPLEMENT):
        return True
    if toks.find(k, Role.VERB_HOMOGRAPH) is None:
        return False
    if toks.find(end, Role.VERB_HOMOGRAPH_COMPLEMENT) is not None:
        return True  # حتى مارس عليه ضغوطا
    return toks.definite_word(end) and toks.find(end, Role.MONTH_EPITHET, Role.RELATIVE_MODIFIER, clitic=False) is None


@date_rule(
    "month_alone",
    starts={Role.MONTH, Role.HMONTH, Role.RELATIVE_PRE_MODIFIER},
    labels=("month_alone", "this_month_name"),
)
def month_alone(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`حتى جوان`, `خلال رمضان` (a Hijri month without a year: `null`), `هذا أغسطس` (R's year)."""
    pre = toks.find(i, Role.RELATIVE_PRE_MODIFIER)
    k = pre.end if pre is not None else i
    mo = month_name(toks, k)
    if mo is None:
        return None
    if mo.ambiguous and not_a_month(toks, k, mo.end):
        return None
    if pre is None:
        if not mo.ambiguous or mo.clitic or toks.find(i - 1, Role.TEMPORAL_PREP) is None:
            return None  # a plain month after a preposition is the point rule's bare month
        return point_candidate(Pt(i, mo.end, 0, Point(None, mo.number), mo.calendar, "month", "month_alone"))
    if mo.clitic:
        return None
    when: When | None = None
    if ref is not None:  # هذا أغسطس: this year's; هذا رمضان: this Hijri year's
        if mo.calendar == "gregorian":
            when = last_or_next_month(ref, mo.number, 0)
        else:
            when = last_or_next_hijri_month(ref, mo.number, 0)
    value = DateValue(calendar=mo.calendar, granularity="month", start=DatePoint(month=mo.number), relative=True)
    return date_candidate(i, mo.end, pre.clitic, when, value, "this_month_name")


@date_rule("month_number", starts={Role.MONTH_NOUN_SINGULAR})
def month_number(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`شهر ثلاثة`, `شهر سبعة 2021`, `الشهر الثامن` → `XXXX-03`, `2021-07`, `XXXX-08`; not a count
    (`كل شهر ثلاثة أقساط`), `للشهر الثالث على التوالي`, `الشهر الثامن من الحمل`, `الشهر الثالث عشر`."""
    noun = toks.find(i, Role.MONTH_NOUN_SINGULAR)
    if noun is None or toks.find(i - 1, Role.DISTRIBUTIVE) is not None:
        return None
    k = noun.end
    if noun.entry.text_value == "definite":
        if toks.words[i][: noun.clitic].endswith(LAM):
            return None  # للشهر الثالث (على التوالي): the n-th month of a run
        o = ordinal(toks, k)
        if o is None or o.clitic or toks.word(o.end).startswith(LAM):
            return None  # الشهر الأول لانطلاق المشروع: the first month of something
        month, end = o.value, o.end
    else:
        num = read_number(toks, k)
        if num is None or num.digits or num.scaled or num.clitic or num.value.denominator != 1:
            return None
        month, end = int(num.value), num.end
        if month == 1 or counted(toks, end):
            return None  # شهر واحد: one month
    if not 1 <= month <= 12:
        return None
    year: int | None = None
    yp = year_part(toks, end)
    if yp is not None and yp.era in (None, "gregorian"):
        year, end = yp.year, yp.end
    elif toks.find(end, Role.EVENT_PREP, Role.AGO_PREP, clitic=False) is not None:
        return None  # الشهر الثامن من الحمل, الشهر الثالث بعد العملية: counted from something else
    value = DateValue(granularity="month", start=DatePoint(year=year, month=month))
    return date_candidate(i, end, noun.clitic, Point(year, month), value, "month_number")
