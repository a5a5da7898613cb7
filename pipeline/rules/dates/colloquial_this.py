"""The colloquial demonstrative glued to a period or a season (`هالشهر`, `هالسنة`, `هالصيف`):
the same as `هذا الشهر`, `هذه السنة`, `هذا الصيف`; the whole word is the span."""

from __future__ import annotations

import datetime as dt

from ...calendars import Point, When, week_range
from ...records import DateValue, Granularity
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, date_candidate
from ..registry import date_rule
from .common import rel_value, season_name
from .relative import season_year

_PERIODS: dict[str, Granularity] = {"year": "year", "month": "month", "week": "week"}


@date_rule("colloquial_this", starts={Role.COLLOQUIAL_THIS})
def colloquial_this(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    m = toks.find(i, Role.COLLOQUIAL_THIS)
    if m is None or toks.find(m.end, Role.ANAPHOR, Role.RELATIVE_MODIFIER, clitic=False) is not None:
        return None  # هالسنة نفسها, هالصيف الماضي: not this one
    unit = m.entry.text_value
    when: When | None = None
    gran = _PERIODS.get(unit)
    if gran is None:  # هالصيف: this season, in the year it belongs to
        season = season_name(unit)
        if ref is not None:
            when = Point(season_year(ref, season, 0))
        value = DateValue(granularity="year", relative=True, season=season)
    else:
        if ref is not None:
            when = week_range(ref) if gran == "week" else Point(ref.year, ref.month if gran == "month" else None)
        value = rel_value(gran)
    return date_candidate(i, m.end, m.clitic, when, value, "colloquial_this")
