"""Every row of the rule tables: positives give exactly one mention, whole, with its
value; negatives give nothing at all (Duckling's corpus and negative corpus)."""

from __future__ import annotations

import pytest

from pipeline import extract

from .examples import Example, load

ROWS = [row for kind in ("date", "money", "percent") for row in load(kind)]


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_example(row: Example) -> None:
    found = extract(row.input, reference_date=row.ref)
    shown = [(m.kind, m.text, m.normalized, m.rule) for m in found]
    if row.negative:
        assert found == [], f"expected nothing in {row.input!r}, got {shown}"
        return
    assert len(found) == 1, f"expected one {row.kind} mention {row.span!r} in {row.input!r}, got {shown}"
    m = found[0]
    assert (m.kind, m.text, m.normalized) == (row.kind, row.span, row.normalized), f"got {shown}"
