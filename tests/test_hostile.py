"""Hostile input: every lexicon form and every digit shape repeated thousands of
times must be read without an exception (deep recursion, runaway numbers). The
work is linear by design; a regression shows as this file slowing down, and the
benchmark (`python -m pipeline.bench`) measures it — nothing here is timed."""

from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.lexicon import lexicon

REPEAT = 1500


def _forms_by_role() -> dict[str, str]:
    """One surface form (its tokens joined) per lexicon role."""
    forms: dict[str, str] = {}
    for entry in lexicon().entries():
        forms.setdefault(entry.role, " ".join(entry.words))
    return forms


FORMS = sorted(_forms_by_role().items())
SHAPES = ["5", "٥", "1,", "1.", "5%", "%", "-", ")", "(5", "و5", "ـ", "\u064b", "20/10/", "1999-", "ر5"]


@pytest.mark.parametrize(("role", "form"), FORMS, ids=[role for role, _ in FORMS])
def test_repeated_lexicon_form(role: str, form: str) -> None:
    for text in (f"{form} " * REPEAT, f"و{form} " * REPEAT, f"{form} 5 " * REPEAT):
        for m in extract(text):
            assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("shape", SHAPES)
def test_repeated_shape(shape: str) -> None:
    for text in (shape * REPEAT * 4, f"{shape} " * REPEAT):
        for m in extract(text):
            assert text[m.start : m.end] == m.text
