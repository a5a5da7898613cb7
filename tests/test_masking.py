"""Masking (pipeline/masking.py): URLs, e-mail addresses, file paths and percent-encoded
text are not prose, and no mention may start or end inside one."""

from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.masking import masked_spans, overlaps


def _masked(text: str) -> list[str]:
    return [text[a:b] for a, b in masked_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("زوروا https://example.com/news/2019/05/03/a.html.", ["https://example.com/news/2019/05/03/a.html"]),
        ("المصدر:www.example.ma/15-mai-2019 اليوم", ["www.example.ma/15-mai-2019"]),
        ("(http://x.org/a?q=%29)", ["http://x.org/a?q=%29"]),
        ("راسلونا على finance-2020@example.net.", ["finance-2020@example.net"]),
        ("a.b@x.org و c@y.com", ["a.b@x.org", "c@y.com"]),
        ("الملف /home/user/2019/05/budget.xlsx", ["/home/user/2019/05/budget.xlsx"]),
        ("المسار C:\\Archive\\1998\\05", ["C:\\Archive\\1998\\05"]),
        ("في images/2022/06/photo.jpg", ["images/2022/06/photo.jpg"]),
        ("الصورة data/2019.csv", ["data/2019.csv"]),
        ("النص %D8%B3%D8%B9%D8%B1 هنا", ["%D8%B3%D8%B9%D8%B1"]),
        ("بحث?q=%D8%A7%29", ["بحث?q=%D8%A7%29"]),
        ("الرمز %2F وحده", ["%2F"]),
        ("id%29x", ["id%29x"]),
    ],
)
def test_masked(text: str, expected: list[str]) -> None:
    assert _masked(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "في 2019/05/03 و2022/2023",  # numeric dates and seasons are prose
        "ارتفع بنسبة %29 و59% و٪12",  # a percent sign before a number is a percentage
        "(%29)",
        "10/20 دولار و 1999-2013",
        "km/h",
        "بريد @ بلا عنوان",
        "",
    ],
)
def test_not_masked(text: str) -> None:
    assert masked_spans(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "http://" + "%" * 100_000,
        "a" * 100_000 + "@",
        "@" * 100_000,
        "a.@" * 30_000,
        "/" * 100_000,
        "a/" * 50_000,
        "%2F" * 50_000,
        "www." * 25_000,
        "a" * 100_000 + "://",
        "% " * 50_000,
        "ب" * 200_000 + "/",
    ],
    ids=lambda t: f"{t[:6]!r}x{len(t)}",
)
def test_hostile_inputs_give_sorted_disjoint_spans(text: str) -> None:
    """Long runs of the trigger characters: read once (the scan is linear by construction,
    see the module docstring); the spans stay in bounds, sorted and disjoint."""
    spans = masked_spans(text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        last = b


def test_overlaps() -> None:
    spans = [(5, 10), (20, 30)]
    assert overlaps(spans, 0, 6) and overlaps(spans, 9, 12) and overlaps(spans, 25, 26)
    assert not overlaps(spans, 0, 5) and not overlaps(spans, 10, 20) and not overlaps(spans, 30, 40)
    assert not overlaps([], 0, 100)


@pytest.mark.parametrize(
    "text",
    [
        "بحث?q=%D8%A7%29",
        "%29%20%D8",
        "الرابط https://example.com/search?q=%D9%85%D8%A7%D8%B1%D8%B3+2020",
        "الأرشيف ./data/2015/12/archive.zip",
        "للشكاوى complaints.2024@example.sa",
    ],
)
def test_no_mention_inside_a_masked_span(text: str) -> None:
    assert extract(text) == []


def test_mentions_beside_an_address_survive() -> None:
    text = "راجع https://example.com/r?id=10%25 الصادر في 5 مايو 2019 بنمو 3%"
    assert [(m.text, m.normalized) for m in extract(text)] == [("5 مايو 2019", "2019-05-05"), ("3%", "3%")]
