"""Hostile input: every lexicon form and every digit shape repeated thousands of
times is read without an exception (deep recursion, runaway numbers) and exactly
as a short repetition of it is read: the same mentions, values and rules, unit
after unit, from the first to the last. The work is linear by design; a
regression shows as this file slowing down, and the benchmark
(`python -m pipeline.bench`) measures it — nothing here is timed."""

from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.lexicon import lexicon

from .repetition import EDGE, REPEAT, read_like_a_short_repetition


def _forms_by_role() -> dict[str, str]:
    """One surface form (its tokens joined) per lexicon role."""
    forms: dict[str, str] = {}
    for entry in lexicon().entries():
        forms.setdefault(entry.role, " ".join(entry.words))
    return forms


FORMS = sorted(_forms_by_role().items())
SHAPES = ["5", "٥", "1,", "1.", "5%", "%", "-", ")", "(5", "و5", "ـ", "\u064b", "20/10/", "1999-", "ر5"]
# A number beside one of these forms is a mention of this kind: a currency, symbol or subunit makes an amount,
# a percent sign a percentage, a month, year noun, century or decade a date (`5 يناير`, `عام 5`, `القرن 5`).
NEXT_TO_A_NUMBER = {
    "currency": "money", "cur_symbol": "money", "subunit": "money", "percent_marker": "percent",
    "month": "date", "hmonth": "date", "year_noun": "date", "century_noun": "date", "decade_word": "date",
}  # fmt: skip


@pytest.mark.parametrize(("role", "form"), FORMS, ids=[role for role, _ in FORMS])
def test_repeated_lexicon_form(role: str, form: str) -> None:
    for unit in (f"{form} ", f"و{form} "):
        read_like_a_short_repetition(unit)
    beside_numbers = read_like_a_short_repetition(f"{form} 5 ")
    if role in NEXT_TO_A_NUMBER:
        # at least every other number is read (a month may take the next number as its year), all of this kind
        assert len(beside_numbers) >= EDGE // 2, beside_numbers
        assert {kind for _, _, kind, _, _ in beside_numbers} == {NEXT_TO_A_NUMBER[role]}, beside_numbers


@pytest.mark.parametrize("shape", SHAPES)
def test_repeated_shape(shape: str) -> None:
    glued = shape * REPEAT * 4
    found = extract(glued)
    spaced = read_like_a_short_repetition(f"{shape} ")
    if shape == "5%":
        # each `5%` is a percentage, glued or spaced
        assert [(m.start, m.text, m.normalized) for m in found] == [(2 * i, "5%", "5%") for i in range(REPEAT * 4)]
        assert spaced and {(kind, value) for _, _, kind, value, _ in spaced} == {("percent", "5%")}
    else:
        # a number without a unit, a unit without a number, or punctuation: no mention, however many
        assert found == [] and spaced == []
