"""A season named alone (`في الصيف`, `بالشتاء`, `بداية الشتاء`: a mention with `null`, the season in
`value.season`) and the weekend (`عطلة نهاية الأسبوع`: `null`, as weekends differ between Arab
countries). A season with a year or a relative word has its year: `periods`, `relative`."""

from __future__ import annotations

import datetime as dt

from ...particles import BA, MIN
from ...records import DateValue
from ...tokens import Tokens
from ..base import Candidate
from .periods import _MODIFIERS
from .points import _arg
from .relative import _relative_season


def _bare_season(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`في الصيف`, `بالصيف`, `بداية الشتاء`; `بداية الشتاء الماضي` has the year of that winter.
    Not a season in a name or another sense (`في الربيع العربي`)."""
    mod = toks.find(i, "period_modifier")
    k = mod.end if mod is not None else i
    season = toks.find(k, "relative_season", clitic=mod is None)
    if season is None:
        return None
    modifier = _MODIFIERS.get(str(mod.entry.value), "start") if mod is not None else None
    if mod is not None:
        inner = _relative_season(toks, k, ref)
        if inner is not None:  # بداية الشتاء الماضي
            assert isinstance(inner.value, DateValue)
            value = inner.value.model_copy(update={"modifier": modifier})
            return Candidate("date", i, inner.end, mod.clitic, inner.normalized, value, "modifier_" + inner.rule)
    elif season.clitic:
        if not toks.words[i][: season.clitic].endswith(BA):
            return None  # بالصيف, وبالصيف: the preposition is glued
    elif toks.find(i - 1, "temporal_prep") is None:
        return None
    end = season.end
    if toks.definite_word(end) or toks.find(end, "anaphor", "relative_modifier", clitic=False) is not None:
        return None  # الربيع العربي, الصيف نفسه; الصيف الماضي is relative
    if toks.word(end) == MIN:
        return None  # في الصيف من كل عام (every summer), الشتاء من ديسمبر إلى فبراير (the range says which)
    value = DateValue(granularity="year", season=str(season.entry.value), modifier=modifier)  # type: ignore[arg-type]
    return Candidate("date", i, end, mod.clitic if mod is not None else season.clitic, None, value, "bare_season")


def _weekend(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`عطلة نهاية الأسبوع`, `الويكند`, `عطلة نهاية الأسبوع المقبل`: `null` even with a reference date."""
    w = toks.find(i, "weekend")
    if w is None or toks.find(i - 1, "distributive") is not None:
        return None  # كل ويكند: every weekend, no date
    end = w.end
    rel = _arg(toks, end, "relative_modifier", clitic=False)
    if rel is not None:
        end = rel[1]
    return Candidate("date", i, end, w.clitic, None, DateValue(granularity="day", relative=rel is not None), "weekend")
