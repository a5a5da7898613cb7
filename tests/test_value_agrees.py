"""A mention's `normalized` string and its typed `value` say the same thing.

Checked for every positive row of the rule tables and every committed corpus record
(`outputs/records.jsonl`): money and percent amounts and ranges, Gregorian date points
and ranges of a day, month, year, decade or century, and Hijri days, months, years and
ranges of them (their Umm al-Qura conversion must be `normalized`, a Hijri month in a
Gregorian year included). Not checked, because `value` holds what was written and
`normalized` a computed result that cannot be read back from it without redoing the rule's
work: relative dates (resolved against a reference date), seasons, modifiers such as `نهاية`,
and quarters, halves and weeks (their range is derived from the period).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline import extract
from pipeline.calendars import Point, Span, When, bounds, fmt_when, hijri_in_gregorian_year, hijri_to_gregorian
from pipeline.records import DatePoint, DateValue, Mention, MoneyValue, PercentValue

from .examples import load

ROOT = Path(__file__).resolve().parent.parent
RECORDS = ROOT / "outputs" / "records.jsonl"


def _amounts(text: str) -> list[Decimal]:
    return [Decimal(n) for n in text.split("/")]


def _money(norm: str, value: MoneyValue) -> str | None:
    code, _, amount = norm.partition(" ")
    if code != value.currency:
        return f"currency {value.currency} in value, {code} in normalized"
    got = [value.range.low, value.range.high] if value.range is not None else [value.amount]
    return None if got == _amounts(amount) else f"amount {got} in value, {amount} in normalized"


def _percent(norm: str, value: PercentValue) -> str | None:
    got = [value.range.low, value.range.high] if value.range is not None else [value.value]
    want = _amounts(norm.replace("%", ""))
    return None if got == want else f"{got} in value, {norm} in normalized"


def _point(text: str) -> DatePoint:
    parts = text.split("-")
    year = None if parts[0] == "XXXX" else int(parts[0])
    return DatePoint(year=year, **dict(zip(("month", "day"), map(int, parts[1:]), strict=False)))


def _date_checkable(value: DateValue) -> bool:
    """A Gregorian point or range written out in full (see the module docstring for the rest)."""
    return (
        value.calendar == "gregorian"
        and _as_written(value)
        and value.granularity in ("day", "month", "year", "decade", "century")
    )


def _as_written(value: DateValue) -> bool:
    return not value.relative and value.season is None and value.modifier is None and value.start is not None


def _hijri_checkable(value: DateValue) -> bool:
    """A Hijri day, month or year (or a range of them) with its year written."""
    return (
        value.calendar == "hijri"
        and _as_written(value)
        and value.granularity in ("day", "month", "year")
        and value.start is not None
        and value.start.year is not None
    )


def _gregorian(p: DatePoint, value: DateValue) -> When | None:
    point = Point(p.year, p.month, p.day)
    return hijri_in_gregorian_year(point) if value.year_calendar == "gregorian" else hijri_to_gregorian(point)


def _hijri(norm: str, value: DateValue) -> str | None:
    """The Gregorian days the Hijri value covers, formatted, must be `normalized`."""
    assert value.start is not None
    first = _gregorian(value.start, value)
    last = _gregorian(value.end, value) if value.end is not None else first
    if first is None or last is None:
        return f"{value.start} has no Gregorian equivalent, {norm} in normalized"
    want = fmt_when(first if value.end is None else Span(bounds(first).first, bounds(last).last))
    return None if want == norm else f"{value.model_dump(exclude_none=True)} is {want}, {norm} in normalized"


def _date(norm: str, value: DateValue) -> str | None:
    ends = [_point(p) for p in norm.split("/")]
    got = [value.start] if value.end is None else [value.start, value.end]
    if len(ends) == 1 and len(got) == 2 and got[0] == got[1]:
        got = got[:1]
    return None if got == ends else f"{[p.model_dump() if p else None for p in got]} in value, {norm} in normalized"


def disagreement(m: Mention) -> str | None:
    """Why `normalized` and `value` disagree, or None (also when the pair cannot be checked)."""
    if m.normalized is None:
        return None
    if isinstance(m.value, MoneyValue):
        return _money(m.normalized, m.value)
    if isinstance(m.value, PercentValue):
        return _percent(m.normalized, m.value)
    if _date_checkable(m.value):
        return _date(m.normalized, m.value)
    if _hijri_checkable(m.value):
        return _hijri(m.normalized, m.value)
    return None


def _checked(m: Mention) -> bool:
    if m.normalized is None:
        return False
    return not isinstance(m.value, DateValue) or _date_checkable(m.value) or _hijri_checkable(m.value)


def _table_mentions() -> list[Mention]:
    rows = [row for kind in ("date", "money", "percent") for row in load(kind) if not row.negative]
    return [m for row in rows for m in extract(row.input, reference_date=row.ref)]


def _corpus_mentions() -> list[Mention]:
    lines = RECORDS.read_text(encoding="utf-8").splitlines()
    return [Mention.model_validate(json.loads(line)) for line in lines if line.strip()]


@pytest.mark.parametrize("source", ["tables", "corpus"])
def test_normalized_and_value_agree(source: str) -> None:
    mentions = _table_mentions() if source == "tables" else _corpus_mentions()
    problems = [f"{m.text!r} ({m.rule}): {why}" for m in mentions if (why := disagreement(m)) is not None]
    assert not problems, "\n".join(problems)
    kinds = ("date", "money", "percent")
    checked = {kind: sum(1 for m in mentions if m.kind == kind and _checked(m)) for kind in kinds}
    assert all(n >= 10 for n in checked.values()), f"too few mentions checked: {checked}"
    hijri = sum(1 for m in mentions if isinstance(m.value, DateValue) and _hijri_checkable(m.value) and _checked(m))
    assert hijri >= 3, f"too few Hijri dates checked: {hijri}"


@pytest.mark.parametrize(
    ("norm", "value"),
    [
        ("USD 10", MoneyValue(currency="USD", amount=Decimal(11))),
        ("EUR 10", MoneyValue(currency="USD", amount=Decimal(10))),
        ("10%/15%", PercentValue(value=Decimal(10))),
        ("1947-10-20", DateValue(granularity="day", start=DatePoint(year=1947, month=10, day=21))),
        ("1979/1989", DateValue(granularity="year", start=DatePoint(year=1979), end=DatePoint(year=1988))),
        ("XXXX-10", DateValue(granularity="month", start=DatePoint(year=2019, month=10))),
        # رمضان 2024 read as Gregorian September, and a Hijri range read as Gregorian months
        (
            "2024-09",
            DateValue(
                calendar="hijri", year_calendar="gregorian", granularity="month", start=DatePoint(year=2024, month=9)
            ),
        ),
        (
            "2024-09/2025-10",
            DateValue(
                calendar="hijri",
                year_calendar="gregorian",
                granularity="month",
                start=DatePoint(year=2024, month=9),
                end=DatePoint(year=2025, month=10),
            ),
        ),
        ("2023-04-21", DateValue(calendar="hijri", granularity="day", start=DatePoint(year=1444, month=10, day=2))),
    ],
)
def test_a_disagreement_is_found(norm: str, value: MoneyValue | PercentValue | DateValue) -> None:
    m = Mention(kind=value.kind, start=0, end=1, text="x", normalized=norm, value=value, rule="r")
    assert disagreement(m) is not None


def test_a_hijri_month_in_a_gregorian_year_says_so() -> None:
    """`رمضان 2025`: the normalized range is in March, and the value names the Hijri month as written."""
    (m,) = extract("يبدأ رمضان 2025 قريبا")
    assert m.normalized == "2025-03-01/2025-03-29"
    assert isinstance(m.value, DateValue)
    assert (m.value.calendar, m.value.year_calendar) == ("hijri", "gregorian")
    assert m.value.start == DatePoint(year=2025, month=9)
