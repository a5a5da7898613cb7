"""What every rule returns, and small token-level helpers the grammars share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ..calendars import When, fmt_when
from ..particles import WAW
from ..records import DateValue, Kind, MoneyValue, PercentValue
from ..tokens import Tokens


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: Kind
    start: int  # first token
    end: int  # token after the mention
    clitic: int  # proclitic characters to skip on the first token
    normalized: str | None
    value: DateValue | MoneyValue | PercentValue
    rule: str
    when: When | None = None  # a date's resolved value, which `normalized` formats


def date_candidate(start: int, end: int, clitic: int, when: When | None, value: DateValue, rule: str) -> Candidate:
    """A date candidate whose `normalized` is its resolved value, formatted here and nowhere else."""
    return Candidate("date", start, end, clitic, fmt_when(when), value, rule, when)


class Ordinal(NamedTuple):
    value: int  # 0 for `الأخير` (the last)
    end: int
    clitic: int


def ordinal(toks: Tokens, i: int) -> Ordinal | None:
    """An ordinal word at i (`الأول`, `الحادي عشر`, `الحادي والعشرين`, `العشرين`)."""
    unit = toks.find(i, "ord_compound_unit")
    if unit is not None:
        teen = toks.find(unit.end, "ord_teen_ten", clitic=False)
        if teen is not None:
            return Ordinal(unit.entry.int_value + 10, teen.end, unit.clitic)
        ten = toks.find(unit.end, "ord_ten")
        if ten is not None and ten.clitic == 1 and toks.words[unit.end].startswith(WAW):
            return Ordinal(unit.entry.int_value + ten.entry.int_value, ten.end, unit.clitic)
    for role in ("ord_ordinal", "ord_ten"):
        m = toks.find(i, role)
        if m is not None:
            return Ordinal(m.entry.int_value, m.end, m.clitic)
    return None


def joiner(toks: Tokens, i: int) -> int | None:
    """The token after `و` at i: a separate `و` token, else the same token when
    `و` is glued to it (the caller then reads through the clitic)."""
    if toks.word(i) == WAW:
        return i + 1
    if toks.word(i).startswith(WAW):
        return i
    return None
