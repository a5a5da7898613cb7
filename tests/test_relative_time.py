"""The relative-time algebra on its own: its example table and properties that hold for every
reference date (a shift undone by its inverse, a selection inside its period, spans next to R)."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import extract
from pipeline.calendars import Point, Span, fmt_when
from pipeline.relative_time import (
    UNITS,
    Anchor,
    Offset,
    Period,
    Selection,
    Unit,
    containing,
    month,
    resolve,
    resolve_when,
    select,
    shifted,
    spanned,
    weekday_near,
    year,
)

TABLE = Path(__file__).resolve().parent.parent / "pipeline" / "rules" / "examples" / "relative_time.tsv"


def _anchor(cell: str) -> Anchor:
    name, _, arg = cell.partition("=")
    if name == "weekday":
        return Anchor("day", weekday=int(arg))
    if arg and name == "month":
        y, m = arg.split("-")
        return Anchor("month", fixed=month(int(y), int(m)))
    if arg and name == "year":
        return Anchor("year", fixed=year(int(arg)))
    if arg and name == "days":  # a Hijri month's Gregorian days: a fixed month not aligned with Gregorian ones
        first, last = (dt.date.fromisoformat(d) for d in arg.split(".."))
        return Anchor("month", fixed=Period(first, last, "month"))
    assert name in UNITS and not arg, f"unknown anchor {cell!r}"
    return Anchor(name)


def _shift(cell: str) -> Offset:
    return Offset(int(cell[2:]), span=True) if cell.startswith("..") else Offset(int(cell))


def _selection(cell: str) -> Selection:
    name, _, arg = cell.partition("=")
    if name == "weekday":
        return Selection("weekday", weekday=int(arg))
    if name == "nth":
        n, w = arg.split(":")
        return Selection("nth_weekday", weekday=int(w), n=int(n))
    assert name in ("whole", "first_day", "last_day", "rest") and not arg, f"unknown selection {cell!r}"
    return Selection(name)  # type: ignore[arg-type]


def _rows() -> list[tuple[int, list[str]]]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line.rstrip("\n")) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    assert lines[0][1].split("\t") == ["anchor", "shift", "selection", "ref", "expected"]
    rows = [(n, next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))) for n, line in lines[1:]]
    for n, cells in rows:
        assert len(cells) == 5, f"{TABLE.name}:{n}: {len(cells)} fields"
    return rows


ROWS = _rows()


@pytest.mark.parametrize(("line", "cells"), ROWS, ids=[f"{TABLE.name}:{n}" for n, _ in ROWS])
def test_table(line: int, cells: list[str]) -> None:
    anchor, shift, selection, ref, expected = cells
    ref_date = None if ref == "-" else dt.date.fromisoformat(ref)
    got = fmt_when(resolve_when(_anchor(anchor), _shift(shift), _selection(selection), ref_date))
    assert got == (None if expected == "-" else expected), f"{TABLE.name}:{line}: {cells}"


def test_the_table_covers_every_part_of_the_algebra() -> None:
    anchors = {c[0].partition("=")[0] for _, c in ROWS}
    selections = {c[2].partition("=")[0] for _, c in ROWS}
    assert {*UNITS, "weekday"} <= anchors
    assert {"whole", "first_day", "last_day", "weekday", "nth", "rest"} <= selections
    assert any(c[1].startswith("..") for _, c in ROWS) and any(c[4] == "-" for _, c in ROWS)


def test_a_relative_anchor_needs_a_reference_date() -> None:
    assert resolve(Anchor("week"), Offset(1)) is None
    assert resolve_when(Anchor("day", weekday=4), Offset(1)) is None
    assert resolve_when(Anchor("month", fixed=month(2024, 2)), selection=Selection("last_day")) == Point(2024, 2, 29)


def test_a_period_is_typed_at_the_precision_of_its_unit() -> None:
    assert resolve_when(Anchor("month"), Offset(6, span=True), ref=dt.date(2024, 4, 9)) == Span(
        Point(2024, 5), Point(2024, 10)
    )
    assert resolve_when(Anchor("week"), ref=dt.date(2024, 3, 13)) == Span(Point(2024, 3, 11), Point(2024, 3, 17))
    assert resolve_when(Anchor("decade"), Offset(-2, span=True), ref=dt.date(2025, 1, 1)) == Span.years(2005, 2024)
    assert resolve_when(Anchor("year"), Offset(-1), ref=dt.date(2025, 1, 1)) == Point(2024)


def test_a_weekday_selection_needs_its_weekday() -> None:
    with pytest.raises(ValueError, match="needs a weekday"):
        select(month(2024, 5), Selection("nth_weekday"))


def test_a_span_needs_a_step() -> None:
    with pytest.raises(ValueError, match="at least one step"):
        spanned(year(2024), 0)


def test_beyond_the_calendar_is_no_value() -> None:
    assert resolve_when(Anchor("year"), Offset(1), ref=dt.date(9999, 6, 1)) is None


DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
UNIT = st.sampled_from(UNITS)
STEPS = st.integers(min_value=-30, max_value=30)
SETTINGS = settings(max_examples=300, deadline=None)


@SETTINGS
@given(DATES, UNIT, STEPS)
def test_a_shift_then_its_inverse_is_the_period_again(ref: dt.date, unit: Unit, n: int) -> None:
    p = containing(unit, ref)
    assert shifted(shifted(p, n), -n) == p
    assert p.contains(ref)


@SETTINGS
@given(DATES, UNIT, STEPS.filter(bool))
def test_a_span_lies_next_to_its_anchor_and_holds_n_periods(ref: dt.date, unit: Unit, n: int) -> None:
    p = containing(unit, ref)
    s = spanned(p, n)
    if n > 0:
        assert s.first == p.last + dt.timedelta(days=1)
    else:
        assert s.last == p.first - dt.timedelta(days=1)
    far, near = shifted(p, n), shifted(p, 1 if n > 0 else -1)
    assert s.first == min(far.first, near.first) and s.last == max(far.last, near.last)
    assert not s.contains(ref)


@SETTINGS
@given(DATES, UNIT, STEPS, st.integers(min_value=1, max_value=7), st.sampled_from([-2, -1, 1, 2, 3, 4, 5]))
def test_a_selection_lies_inside_its_period(ref: dt.date, unit: Unit, n: int, weekday: int, nth: int) -> None:
    p = shifted(containing(unit, ref), n)
    for sel in (
        Selection("first_day"),
        Selection("last_day"),
        Selection("weekday", weekday=weekday),
        Selection("nth_weekday", weekday=weekday, n=nth),
        Selection("rest"),
    ):
        got = select(p, sel, ref)
        if got is not None:
            assert p.first <= got.first <= got.last <= p.last, (p, sel, got)
            if sel.weekday is not None:
                assert got.first.isoweekday() == weekday
    if unit == "week":  # a week has every weekday once
        assert select(p, Selection("weekday", weekday=weekday)) is not None


@SETTINGS
@given(DATES, st.integers(min_value=1, max_value=7), st.integers(min_value=1, max_value=5))
def test_next_and_last_weekday_are_the_nearest_ones(ref: dt.date, weekday: int, n: int) -> None:
    after, before = weekday_near(ref, weekday, n), weekday_near(ref, weekday, -n)
    assert after.isoweekday() == weekday == before.isoweekday()
    assert 7 * (n - 1) < (after - ref).days <= 7 * n
    assert 7 * (n - 1) < (ref - before).days <= 7 * n


@SETTINGS
@given(DATES, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=7))
def test_the_last_weekday_of_a_month_is_in_its_last_week(ref: dt.date, m: int, weekday: int) -> None:
    p = month(ref.year, m)
    last = select(p, Selection("nth_weekday", weekday=weekday, n=-1))
    assert last is not None and (p.last - last.first).days < 7
    first = select(p, Selection("nth_weekday", weekday=weekday, n=1))
    assert first is not None and (first.first - p.first).days < 7


def test_a_weekday_with_its_own_date_is_that_date_and_the_week_another_mention() -> None:
    found = extract("الأسبوع المقبل يوم الخميس 23 أكتوبر 2025", reference_date=dt.date(2025, 10, 14))
    assert [(m.text, m.normalized) for m in found] == [
        ("الأسبوع المقبل", "2025-10-20/2025-10-26"),
        ("يوم الخميس 23 أكتوبر 2025", "2025-10-23"),
    ]
