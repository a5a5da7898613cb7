"""Date grammar: points, ranges, decades, centuries, parts of periods, relative dates.

Rules read the token stream and the lexicon roles only; no Arabic word is
spelled here except through `lexicons/*.tsv`. Every rule looks a bounded
number of tokens ahead, so a text is read in linear time. `DATE_RULES` below
is the whole inventory: each rule with the token keys that can start it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ...tokens import Tokens
from ..base import Candidate
from .colloquial_this import _colloquial_this
from .months_alone import _month_alone, _month_number
from .periods import _century, _decade, _modifier, _months_of_year, _part, _season, _season_of_year
from .points import _point_cand, point
from .ranges import _between, _dash, _days_pair, _from_to, _months_pair, _years_pair
from .relative import _ago_later, _relative_day, _relative_named, _relative_period, _relative_season, _this_period
from .seasons_weekend import _bare_season, _weekend

__all__ = ["DATE_RULES", "find_dates", "point"]


def _point_rule(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    p = point(toks, i)
    return _point_cand(p) if p is not None else None


def _no_ref(
    rule: Callable[[Tokens, int], Candidate | None],
) -> Callable[[Tokens, int, dt.date | None], Candidate | None]:
    return lambda toks, i, ref: rule(toks, i)


_ORDINAL = frozenset({"ord_ordinal", "ord_compound_unit", "ord_ten"})


_POINT_START = frozenset(
    {"digit", "article", "month", "hmonth", "month_noun", "day_noun", "weekday", "year_noun", *_ORDINAL}
)


# Every date rule, with what can start it: a token's lexicon roles, `digit` or
# `article`. At each anchor only the rules its keys can start are tried.
DATE_RULES: list[tuple[Callable[[Tokens, int, dt.date | None], Candidate | None], frozenset[str]]] = [
    (_point_rule, _POINT_START),
    (_no_ref(_from_to), frozenset({"range_open"})),
    (_no_ref(_between), frozenset({"range_open"})),
    (_no_ref(_dash), _POINT_START | {"period_modifier"}),
    (_no_ref(_season), frozenset({"digit", "fiscal_noun", "year_noun"})),
    (_no_ref(_years_pair), frozenset({"year_noun"})),
    (_no_ref(_months_pair), frozenset({"month_noun"})),
    (_no_ref(_days_pair), frozenset({"digit", "day_noun"})),
    (_century, frozenset({"century_noun"})),
    (_decade, frozenset({"decade_noun", "decade_word"})),
    (_relative_day, frozenset({"relative_day", "day_noun"})),
    (_relative_named, frozenset({"month", "hmonth", "month_noun", "day_noun", "weekday"})),
    (_relative_period, frozenset({"relative_period_noun"})),
    (_ago_later, frozenset({"ago_prep"})),
    (_part, frozenset({"part_noun", "part_noun_dual"})),
    (_months_of_year, frozenset({"months_count_noun"})),
    (_modifier, frozenset({"period_modifier"})),
    (_this_period, frozenset({"relative_pre_modifier"})),
    (_season_of_year, frozenset({"season"})),
    (_relative_season, frozenset({"relative_season", "relative_pre_modifier"})),
    (_month_alone, frozenset({"month", "hmonth", "relative_pre_modifier"})),
    (_month_number, frozenset({"month_noun"})),
    (_colloquial_this, frozenset({"colloquial_this"})),
    (_bare_season, frozenset({"relative_season", "period_modifier"})),
    (_weekend, frozenset({"weekend"})),
]


def find_dates(toks: Tokens, i: int, ref: dt.date | None) -> list[Candidate]:
    """Every date reading that starts at token i."""
    keys = toks.keys(i)
    found: list[Candidate] = []
    for rule, starts in DATE_RULES:
        if keys & starts:
            c = rule(toks, i, ref)
            if c is not None:
                found.append(c)
    return found
