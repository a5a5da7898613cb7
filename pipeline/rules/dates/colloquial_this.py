"""The colloquial demonstrative glued to a period or a season (`هالشهر`, `هالسنة`, `هالصيف`):
the same as `هذا الشهر`, `هذه السنة`, `هذا الصيف`; the whole word is the span."""

from __future__ import annotations

import datetime as dt

from ...calendars import Point, week_range
from ...records import DateValue, Granularity
from ...tokens import Tokens
from ..base import Candidate
from .relative import _SEASON_START, _season_year

_GRANULARITY: dict[str, Granularity] = {"year": "year", "month": "month", "week": "week"}


def _colloquial_this(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    m = toks.find(i, "colloquial_this")
    if m is None or toks.find(m.end, "anaphor", "relative_modifier", clitic=False) is not None:
        return None
    unit = str(m.entry.value)
    norm: str | None = None
    if unit in _SEASON_START:
        norm = str(_season_year(ref, unit, 0)) if ref is not None else None
        value = DateValue(granularity="year", relative=True, season=unit)  # type: ignore[arg-type]
    else:
        if ref is not None:
            norm = {"year": str(ref.year), "month": Point(ref.year, ref.month).fmt(), "week": week_range(ref)}[unit]
        value = DateValue(granularity=_GRANULARITY[unit], relative=True)
    return Candidate("date", i, m.end, m.clitic, norm, value, "colloquial_this")
