"""Dates are computed on typed values and formatted once: the typed pieces and the bugs they fixed."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hijridate import Hijri

from pipeline import extract
from pipeline.calendars import Point, Span, fmt_when, hijri_in_gregorian_year
from pipeline.lexicon import Entry, Month, lexicon
from pipeline.records import DateValue


def test_a_candidate_normalized_is_its_resolved_value_formatted() -> None:
    assert fmt_when(Point(2024, 3)) == "2024-03"
    assert fmt_when(Span.years(1990, 1999)) == "1990/1999"
    assert fmt_when(Span(Point(2024, 3, 11), Point(2025, 4, 28))) == "2024-03-11/2025-04-28"
    assert fmt_when(None) is None


@pytest.mark.parametrize(
    ("month", "day", "gyear", "expected"),
    [
        (9, None, 2025, "2025-03-01/2025-03-29"),  # Ramadan 1446 begins 2025-03-01
        (9, 15, 2025, "2025-03-15"),
        (10, 1, 2025, "2025-03-30"),  # 1 Shawwal 1446
        (9, 1, 2024, "2024-03-11"),  # Ramadan 1445
    ],
)
def test_a_hijri_day_in_a_gregorian_year(month: int, day: int | None, gyear: int, expected: str) -> None:
    assert fmt_when(hijri_in_gregorian_year(Point(gyear, month, day))) == expected


def test_a_hijri_month_range_in_gregorian_years_keeps_the_hijri_months_in_value() -> None:
    (m,) = extract("من رمضان 2024 إلى شوال 2025")
    assert m.normalized == "2024-03-11/2025-04-28"
    assert isinstance(m.value, DateValue) and m.value.start is not None and m.value.end is not None
    assert (m.value.calendar, m.value.year_calendar) == ("hijri", "gregorian")
    assert (m.value.start.year, m.value.start.month, m.value.end.year, m.value.end.month) == (2024, 9, 2025, 10)


def test_ends_with_years_in_two_calendars_are_two_mentions() -> None:
    found = extract("من رمضان 1445 هـ إلى شوال 2025")
    assert [(m.text, m.normalized) for m in found] == [
        ("رمضان 1445 هـ", "2024-03-11/2024-04-09"),
        ("شوال 2025", "2025-03-30/2025-04-28"),
    ]


def test_entry_accessors_read_the_value_their_role_implies() -> None:
    assert Entry(("x",), "relative_modifier", "-1").int_value == -1
    assert Entry(("x",), "ord_ordinal", 3).int_value == 3
    assert Entry(("x",), "part_noun", "quarter").text_value == "quarter"
    assert Entry(("x",), "num_unit", Fraction(5)).number == 5
    month = Month(9, "hijri", "hijri", False)
    assert Entry(("x",), "hmonth", month).month is month


@pytest.mark.parametrize(
    ("entry", "accessor"),
    [
        (Entry(("x",), "part_noun", "quarter"), "int_value"),
        (Entry(("x",), "ord_ordinal", 3), "text_value"),
        (Entry(("x",), "part_noun", "quarter"), "month"),
        (Entry(("x",), "part_noun", "quarter"), "number"),
    ],
)
def test_a_wrong_accessor_names_the_entry(entry: Entry, accessor: str) -> None:
    with pytest.raises(TypeError, match="lexicon entry 'x'"):
        getattr(entry, accessor)


def test_every_loaded_entry_is_read_through_its_accessor() -> None:
    """Each role's values have the type its readers ask for, so no rule needs a cast."""
    readers = {
        "month": "month",
        "hmonth": "month",
        "relative_modifier": "int_value",
        "relative_day": "int_value",
        "weekday": "int_value",
        "decade_word": "int_value",
        "ago_prep": "int_value",
        "ord_ordinal": "int_value",
        "ord_ten": "int_value",
        "ord_compound_unit": "int_value",
        "season": "text_value",
        "relative_season": "text_value",
        "period_modifier": "text_value",
        "part_noun": "text_value",
        "relative_period_noun": "text_value",
        "duration_unit": "text_value",
    }
    seen = set()
    for entry in lexicon().entries():
        accessor = readers.get(entry.role)
        if accessor is not None:
            getattr(entry, accessor)
            seen.add(entry.role)
    assert seen == set(readers)


@pytest.mark.parametrize(
    ("text", "normalized", "calendar", "year_calendar", "start"),
    [
        # Ramadan 1446 runs 2025-03-01 (a Saturday) to 2025-03-29: its Fridays are the 7th, 14th, 21st, 28th
        ("ثاني جمعة من رمضان 1446", "2025-03-14", "hijri", None, (1446, 9, 14)),
        ("آخر جمعة من رمضان 1446", "2025-03-28", "hijri", None, (1446, 9, 28)),
        ("ثالث خميس من رمضان 2025", "2025-03-20", "hijri", "gregorian", (2025, 9, 20)),  # as `15 رمضان 2025`
        ("آخر يوم من عام 1446 هـ", "2025-06-25", "hijri", None, (1446, 12, 29)),
        ("ثاني جمعة من مايو 2019", "2019-05-10", "gregorian", None, (2019, 5, 10)),
    ],
)
def test_a_day_chosen_in_a_hijri_period_keeps_its_calendar(
    text: str, normalized: str, calendar: str, year_calendar: str | None, start: tuple[int, int, int]
) -> None:
    """The selection counts the Gregorian days of the Hijri month; `value` writes the day as a Hijri day."""
    (m,) = extract(text)
    assert isinstance(m.value, DateValue) and m.value.start is not None
    got = (m.normalized, m.value.calendar, m.value.year_calendar, m.value.start.year, m.value.start.month)
    assert got == (normalized, calendar, year_calendar, start[0], start[1])
    assert m.value.start.day == start[2]


def test_a_relative_hijri_month_selection_is_relative() -> None:
    (m,) = extract("آخر جمعة من رمضان المقبل", reference_date=dt.date(2025, 3, 1))
    assert isinstance(m.value, DateValue)
    assert (m.normalized, m.value.calendar, m.value.relative, m.value.start) == ("2026-03-13", "hijri", True, None)


def _gregorian(h: Hijri) -> dt.date:
    g = h.to_gregorian()
    return dt.date(g.year, g.month, g.day)


@pytest.mark.parametrize(
    "hmonth", [("محرم", 1), ("رجب", 7), ("شعبان", 8), ("رمضان", 9), ("شوال", 10), ("ذو الحجة", 12)]
)
def test_the_nth_weekday_of_hijri_months_agrees_with_the_hijri_calendar(hmonth: tuple[str, int]) -> None:
    """Over eleven Hijri years: the day is the weekday asked for, inside the month, and `value` names the
    Hijri day the calendar gives for `normalized`."""
    name, number = hmonth
    for hyear in range(1440, 1451):
        for ordinal, n in (("أول", 1), ("ثاني", 2), ("آخر", -1)):
            (m,) = extract(f"{ordinal} خميس من {name} {hyear}")
            assert isinstance(m.value, DateValue) and m.value.start is not None and m.normalized is not None
            day = dt.date.fromisoformat(m.normalized)
            first = _gregorian(Hijri(hyear, number, 1))
            last = _gregorian(Hijri(hyear, number, Hijri(hyear, number, 1).month_length()))
            assert day.isoweekday() == 4 and first <= day <= last, (m.text, day)
            if n > 0:
                assert (day - first).days // 7 == n - 1, (m.text, day)
            else:
                assert (last - day).days < 7, (m.text, day)
            start = m.value.start
            assert (start.year, start.month) == (hyear, number) and start.day is not None
            assert _gregorian(Hijri(hyear, number, start.day)) == day
