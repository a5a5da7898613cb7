"""The typed range ends: what kind of end each reading is, and what a relative end resolves to."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.calendars import Point
from pipeline.lexicon import lexicon
from pipeline.normalize import normalise
from pipeline.rules.dates.range_ends import End, EndKind, compatible, range_end
from pipeline.tokenize import tokenize
from pipeline.tokens import Tokens

REF = dt.date(2025, 5, 14)  # a Wednesday


def _end(text: str, ref: dt.date | None = REF) -> End | None:
    words, starts = tokenize(normalise(text).text)
    toks = Tokens(words, starts, lexicon())
    toks.ref = ref
    return range_end(toks, 0, ref)


@pytest.mark.parametrize(
    ("text", "kind", "point", "tokens"),
    [
        ("1948", EndKind.YEAR, Point(1948), 1),
        ("646", EndKind.SHORT_YEAR, Point(646), 1),
        ("705 م", EndKind.ERA_YEAR, Point(705), 2),
        ("عام 2010", EndKind.POINT, Point(2010), 2),
        ("مايو", EndKind.MONTH, Point(None, 5), 1),
        ("5", EndKind.DAY, Point(None, None, 5), 1),
        ("الأحد 5", EndKind.DAY, Point(None, None, 5), 2),
        ("9 مايو 2022", EndKind.POINT, Point(2022, 5, 9), 3),
        ("اليوم", EndKind.RELATIVE, Point(2025, 5, 14), 1),
        ("الأحد المقبل", EndKind.RELATIVE, Point(2025, 5, 18), 2),
        ("الشهر الماضي", EndKind.RELATIVE, Point(2025, 4), 2),
        ("9 الشهر المقبل", EndKind.RELATIVE, Point(2025, 6, 9), 3),
        ("18 من هذا الشهر", EndKind.RELATIVE, Point(2025, 5, 18), 4),
    ],
)
def test_end_kind_and_point(text: str, kind: EndKind, point: Point, tokens: int) -> None:
    end = _end(text)
    assert end is not None
    assert (end.kind, end.pt.point, end.end) == (kind, point, tokens)


def test_weekday_before_a_day_is_kept() -> None:
    end = _end("الأحد 5")
    assert end is not None and end.pt.weekday == 7


def test_a_modifier_marks_the_end() -> None:
    end = _end("منتصف يوليوز")
    assert end is not None and (end.kind, end.modified, end.pt.point) == (EndKind.MONTH, True, Point(None, 7))


@pytest.mark.parametrize("text", ["اليوم", "الأحد المقبل", "9 الشهر المقبل"])
def test_a_relative_end_without_a_reference_date_is_unresolved(text: str) -> None:
    end = _end(text, ref=None)
    assert end is not None and end.unresolved and end.pt.normalized is None


@pytest.mark.parametrize("text", ["الأسبوع المقبل", "الخميس", "الربع الأول", "من"])
def test_no_end(text: str) -> None:
    """A week or a quarter is a range already, a bare weekday names no date."""
    assert _end(text) is None


@pytest.mark.parametrize(
    ("first", "second", "ok"),
    [
        ("5", "9 مايو", True),  # a day borrows month and year
        ("5", "9", False),  # two bare numbers: a score or a count
        ("5", "9 الشهر المقبل", True),  # … or a relative month
        ("مايو", "9 يونيو", False),  # a month does not pair with a day
        ("1948", "2016", True),
        ("646", "2016", False),  # a short year needs an era on the last end
        ("646", "705 م", True),
        ("اليوم", "الأحد المقبل", True),
        ("اليوم", "الشهر المقبل", False),  # a relative end pairs with its own granularity
        ("الشهر الماضي", "يونيو", True),
    ],
)
def test_compatible(first: str, second: str, ok: bool) -> None:
    a, b = _end(first), _end(second)
    assert a is not None and b is not None
    assert compatible(a, b) is ok
