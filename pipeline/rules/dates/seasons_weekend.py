"""A season named alone (`في الصيف`, `بالشتاء`, `بداية الشتاء`: a mention with `null`, the season in
`value.season`) and the weekend (`عطلة نهاية الأسبوع`: `null`, as weekends differ between Arab
countries). A season with a year or a relative word has its year: `periods`, `relative`."""

from __future__ import annotations

import datetime as dt

from ...particles import BA, MIN
from ...records import DateValue
from ...roles import Role
from ...tokens import Tokens
from ..base import Candidate, date_candidate
from ..registry import date_rule
from .common import modifier_name, season_name, shift_at
from .relative import relative_season


@date_rule("bare_season", starts={Role.RELATIVE_SEASON, Role.PERIOD_MODIFIER}, prefixes=("modifier_",))
def bare_season(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`في الصيف`, `بالصيف`, `بداية الشتاء`; `بداية الشتاء الماضي` has the year of that winter.
    Not a season in a name or another sense (`في الربيع العربي`)."""
    mod = toks.find(i, Role.PERIOD_MODIFIER)
    k = mod.end if mod is not None else i
    season = toks.find(k, Role.RELATIVE_SEASON, clitic=mod is None)
    if season is None:
        return None
    modifier = modifier_name(mod.entry.text_value) if mod is not None else None
    if mod is not None:
        inner = relative_season(toks, k, ref)
        if inner is not None:  # بداية الشتاء الماضي
            assert isinstance(inner.value, DateValue)
            value = inner.value.model_copy(update={"modifier": modifier})
            return date_candidate(i, inner.end, mod.clitic, inner.when, value, "modifier_" + inner.rule)
    elif season.clitic:
        if not toks.words[i][: season.clitic].endswith(BA):
            return None  # بالصيف, وبالصيف: the preposition is glued
    elif toks.find(i - 1, Role.TEMPORAL_PREP) is None:
        return None
    end = season.end
    if toks.definite_word(end) or toks.find(end, Role.ANAPHOR, Role.RELATIVE_MODIFIER, clitic=False) is not None:
        return None  # الربيع العربي, الصيف نفسه; الصيف الماضي is relative
    if toks.word(end) == MIN:
        return None  # في الصيف من كل عام (every summer), الشتاء من ديسمبر إلى فبراير (the range says which)
    value = DateValue(granularity="year", season=season_name(season.entry.text_value), modifier=modifier)
    clitic = mod.clitic if mod is not None else season.clitic
    return date_candidate(i, end, clitic, None, value, "bare_season")


@date_rule("weekend", starts={Role.WEEKEND})
def weekend(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`عطلة نهاية الأسبوع`, `الويكند`, `عطلة نهاية الأسبوع المقبل`: `null` even with a reference date."""
    w = toks.find(i, Role.WEEKEND)
    if w is None or toks.find(i - 1, Role.DISTRIBUTIVE) is not None:
        return None  # كل ويكند: every weekend, no date
    end = w.end
    rel = shift_at(toks, end)
    if rel is not None:
        end = rel.end
    value = DateValue(granularity="day", relative=rel is not None)
    return date_candidate(i, end, w.clitic, None, value, "weekend")
