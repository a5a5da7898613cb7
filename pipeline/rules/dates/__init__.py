"""Date grammar: points, ranges, decades, centuries, parts of periods, relative dates.

Rules read the token stream and the lexicon roles only; no Arabic word is
spelled here except through `lexicons/*.tsv`. Every rule looks a bounded
number of tokens ahead, so a text is read in linear time. Each rule registers
itself where it is written (`@date_rule` in `points.py`, `ranges.py`,
`periods.py`, `relative.py`, `weeks.py`, `month_days.py`, `rolling.py`,
`numeric_short.py`, `spoken_years.py`, `month_ordinal.py`, `months_alone.py`,
`colloquial_this.py`, `seasons_weekend.py`; `RULE_MODULES` in
`pipeline/rules/registry.py` lists them) with the token keys that can start it."""

from __future__ import annotations

import datetime as dt

from ...tokens import Tokens
from ..base import Candidate
from ..registry import date_rules_for
from .points import point

__all__ = ["find_dates", "point"]


def find_dates(toks: Tokens, i: int, ref: dt.date | None) -> list[Candidate]:
    """Every date reading that starts at token i: at each anchor only the rules
    its keys can start are tried, in registry order."""
    found: list[Candidate] = []
    for rule in date_rules_for(toks.keys(i)):
        c = rule.fn(toks, i, ref)
        if c is not None:
            found.append(c)
    return found
