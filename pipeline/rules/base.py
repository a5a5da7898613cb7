"""What every rule returns, and small token-level helpers the grammars share."""

from __future__ import annotations

from dataclasses import dataclass

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


def ordinal(toks: Tokens, i: int) -> tuple[int, int, int] | None:
    """An ordinal word at i (`الأول`, `الحادي عشر`, `الحادي والعشرين`, `العشرين`):
    (value, end token, clitic)."""
    unit = toks.find(i, "ord_compound_unit")
    if unit is not None:
        teen = toks.find(unit.end, "ord_teen_ten", clitic=False)
        if teen is not None:
            return int(str(unit.entry.value)) + 10, teen.end, unit.clitic
        ten = toks.find(unit.end, "ord_ten")
        if ten is not None and ten.clitic == 1 and toks.words[unit.end].startswith(WAW):
            return int(str(unit.entry.value)) + int(str(ten.entry.value)), ten.end, unit.clitic
    for role in ("ord_ordinal", "ord_ten"):
        m = toks.find(i, role)
        if m is not None:
            return int(str(m.entry.value)), m.end, m.clitic
    return None


def joiner(toks: Tokens, i: int) -> int | None:
    """The token after `و` at i: a separate `و` token, else the same token when
    `و` is glued to it (the caller then reads through the clitic)."""
    if toks.word(i) == WAW:
        return i + 1
    if toks.word(i).startswith(WAW):
        return i
    return None
