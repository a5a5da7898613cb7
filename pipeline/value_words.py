"""A normalized value said in words, for reviewing gold: `2023-04-21` ->
`Fri 21 April 2023`, and for a Hijri date the Hijri day it converts from, so
that the reviewer compares words with the text instead of digits with digits."""

from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal, InvalidOperation

from hijridate import Gregorian

_HIJRI_MONTHS = (
    "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula", "Jumada al-Akhira",
    "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qada", "Dhu al-Hijja",
)  # fmt: skip
_SCALES = ((Decimal(10**12), "trillion"), (Decimal(10**9), "billion"), (Decimal(10**6), "million"))


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _hijri(d: dt.date) -> str:
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
    except (ValueError, OverflowError):
        return "outside the Hijri tables"
    return f"{h.day} {_HIJRI_MONTHS[h.month - 1]} {h.year} AH"


def _point(value: str, hijri: bool) -> str:
    parts = value.split("-")
    year = "(year unknown)" if parts[0] == "XXXX" else str(int(parts[0]))
    if len(parts) == 1:
        return year
    month = calendar.month_name[int(parts[1])]
    if len(parts) == 2:
        return f"{month} {year}"
    d = _day(value)
    if d is None:
        return f"{int(parts[2])} {month} {year}"
    words = f"{calendar.day_abbr[d.weekday()]} {d.day} {month} {d.year}"
    return f"{words} = {_hijri(d)}" if hijri else words


def _amount(number: str) -> str:
    try:
        n = Decimal(number)
    except InvalidOperation:
        return number
    for scale, word in _SCALES:
        if abs(n) >= scale:
            return f"{(n / scale).normalize():f} {word}"
    return f"{n:,f}"


def in_words(kind: str, normalized: str | None, hijri: bool = False) -> str:
    """Words for a normalized value; `hijri` adds the Hijri day of each day point."""
    if normalized is None:
        return "null: no value"
    if kind == "date":
        return " to ".join(_point(p, hijri) for p in normalized.split("/"))
    if kind == "money":
        code, _, amounts = normalized.partition(" ")
        return " to ".join(_amount(a) for a in amounts.split("/")) + f" {code}"
    return normalized.replace("/", " to ")
