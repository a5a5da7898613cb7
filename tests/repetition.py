"""Reading a unit repeated thousands of times as a short repetition of it is read (tests/test_hostile*.py)."""

from __future__ import annotations

import datetime as dt

from pipeline import extract
from pipeline.records import Mention

REPEAT = 1500
SHORT = 36  # units in the short repetition the long one is compared with
EDGE = 12  # units at each end whose reading may depend on the end (a range needs its second half)

Key = tuple[int, int, str, str | None, str]


def window(found: list[Mention], lo: int, hi: int) -> list[Key]:
    """The mentions wholly inside raw[lo:hi], with offsets from lo."""
    return [(m.start - lo, m.end - lo, m.kind, m.normalized, m.rule) for m in found if lo <= m.start and m.end <= hi]


def read_like_a_short_repetition(unit: str, repeat: int = REPEAT, reference_date: dt.date | None = None) -> list[Key]:
    """Read `unit` `repeat` times and check it against SHORT times; return the mentions of EDGE units in the middle."""
    text, short_text, n = unit * repeat, unit * SHORT, len(unit)
    found, short = extract(text, reference_date=reference_date), extract(short_text, reference_date=reference_date)
    for m in found:
        assert text[m.start : m.end] == m.text
    # The start and the end read as in the short text, away from the short text's other end.
    reach = (SHORT - EDGE) * n
    assert window(found, 0, reach) == window(short, 0, reach), "the start reads differently"
    tail = (repeat - SHORT) * n
    assert window(found, tail + EDGE * n, len(text)) == window(short, EDGE * n, SHORT * n), "the end reads differently"
    # Between them, every stretch of EDGE units reads like the middle of the short text: nothing is lost or
    # runs away however long the text. (EDGE is a multiple of any period a pairing rule can give: 1, 2, 3, 4, 6.)
    middle = window(short, EDGE * n, 2 * EDGE * n)
    for k in range(EDGE, repeat - EDGE, EDGE):
        assert window(found, k * n, (k + EDGE) * n) == middle, f"units {k} to {k + EDGE} read differently"
    return middle
