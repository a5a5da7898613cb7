"""The month and currency tables against CLDR (babel's data): every wide and
abbreviated month name, format and stand-alone, of every Arabic locale, and every
Arabic display name (singular and plural forms) of the Arab League currencies, the
major ones and every other currency the lexicon names, is read by the lexicon or
left out in tests/cldr_left_out.tsv with the reason."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.localedata import locale_identifiers
from babel.numbers import get_currency_name

from pipeline import extract
from pipeline.lexicon import Month, lexicon
from pipeline.normalize import normalise_key
from pipeline.roles import Role
from pipeline.tokenize import tokenize

LEFT_OUT = Path(__file__).with_name("cldr_left_out.tsv")
ARAB_LEAGUE = [
    "AED", "BHD", "DJF", "DZD", "EGP", "IQD", "JOD", "KMF", "KWD", "LBP", "LYD",
    "MAD", "MRU", "OMR", "QAR", "SAR", "SDG", "SOS", "SYP", "TND", "YER",
]  # fmt: skip
MAJOR = ["USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "PKR", "TRY", "RUB", "IRR", "ILS"]
COUNTS = (0, 1, 2, 3, 11, 100)  # CLDR's Arabic plural categories: zero, one, two, few, many, other


@lru_cache(maxsize=1)
def arabic_locales() -> list[Locale]:
    return [Locale.parse(i) for i in sorted(locale_identifiers()) if i == "ar" or i.startswith("ar_")]


def left_out() -> dict[tuple[str, str, str], str]:
    with LEFT_OUT.open(encoding="utf-8", newline="") as fh:
        lines = [line.rstrip("\n") for line in fh if line.strip() and not line.startswith("#")]
    assert lines[0] == "kind\tkey\tname\treason", lines[0]
    rows = [next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE)) for line in lines[1:]]
    assert all(len(r) == 4 and r[3].strip() for r in rows), "every line needs kind, key, name and a reason"
    return {(kind, key, name): reason for kind, key, name, reason in rows}


def cldr_months() -> set[tuple[str, str, str]]:
    return {
        ("month", str(n), name)
        for locale in arabic_locales()
        for context in ("format", "stand-alone")
        for width in ("wide", "abbreviated")
        for n, name in locale.months[context][width].items()
    }


def currency_codes() -> list[str]:
    lex = lexicon()
    named = set(lex.qualifiers.values()) | {str(e.value) for e in lex.entries() if e.role == Role.CUR_SYMBOL}
    return sorted(set(ARAB_LEAGUE) | set(MAJOR) | (named - {"XXX"}))


def cldr_currencies() -> set[tuple[str, str, str]]:
    names = set()
    for locale in arabic_locales():
        for code in currency_codes():
            names.add(("currency", code, get_currency_name(code, locale=locale)))
            names |= {("currency", code, get_currency_name(code, n, locale)) for n in COUNTS}
    return names


def month_read(number: str, name: str) -> bool:
    words = tuple(tokenize(normalise_key(name))[0])
    return any(
        e.role == Role.MONTH and isinstance(e.value, Month) and e.value.number == int(number)
        for e in lexicon().entries()
        if e.words == words
    )


def currency_read(code: str, name: str) -> bool:
    """`5 NAME` is one amount in `code` whose span ends with the whole name."""
    return any(m.normalized == f"{code} 5" and m.text == f"5 {name}" for m in extract(f"دفع 5 {name} نقدا"))


def read(kind: str, key: str, name: str) -> bool:
    return month_read(key, name) if kind == "month" else currency_read(key, name)


def test_cldr_data_is_there() -> None:
    assert len(arabic_locales()) > 20
    assert ("month", "9", "شتمبر") in cldr_months() and ("currency", "DZD", "دينار جزائري") in cldr_currencies()


def test_every_cldr_month_name_is_read_or_left_out() -> None:
    missing = sorted(m for m in cldr_months() if not read(*m) and m not in left_out())
    assert not missing, (
        f"CLDR month names the lexicon does not read (add a row, or a line to {LEFT_OUT.name}): {missing}"
    )


def test_every_cldr_currency_name_is_read_or_left_out() -> None:
    missing = sorted(c for c in cldr_currencies() if not read(*c) and c not in left_out())
    assert not missing, f"CLDR currency names not read (add a row, or a line to {LEFT_OUT.name}): {missing}"


def test_every_left_out_name_is_in_cldr_and_still_not_read() -> None:
    cldr = cldr_months() | cldr_currencies()
    stale = [k for k in left_out() if k not in cldr or read(*k)]
    assert not stale, f"lines of {LEFT_OUT.name} CLDR no longer has or the lexicon now reads: {stale}"


def test_a_made_up_name_is_not_read() -> None:
    assert not month_read("9", "سبتمبرز") and not currency_read("DZD", "دينار مريخي")
    assert month_read("9", "شتمبر") and currency_read("ILS", "شيكل إسرائيلي جديد")
