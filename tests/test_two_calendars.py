"""Two values in two calendars are two mentions (MENTIONS.md), however they are joined."""

from __future__ import annotations

import pytest

from pipeline import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تأسست الدولة عام 160هـ/776م", [("عام 160هـ", None), ("776م", "0776")]),
        ("1440 هـ / 2019 م", [("1440 هـ", "2018-09-11/2019-08-30"), ("2019 م", "2019")]),
        ("يوم الثلاثاء ٧ شوال ١٤٤٥هـ الموافق ١٦ أبريل ٢٠٢٤م",
         [("يوم الثلاثاء ٧ شوال ١٤٤٥هـ", "2024-04-16"), ("١٦ أبريل ٢٠٢٤م", "2024-04-16")]),
    ],
)  # fmt: skip
def test_two_calendars_two_mentions(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(m.text, m.normalized) for m in extract(text)] == expected
