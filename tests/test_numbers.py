"""The number reader on its own: `pipeline/rules/examples/numbers.tsv` and the
separator rules of MENTIONS.md ("Numbers inside mentions")."""

from __future__ import annotations

import csv
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from pipeline.lexicon import lexicon
from pipeline.normalize import normalise
from pipeline.numbers import SignedNumber, parse_digits, read_number, read_signed, to_decimal
from pipeline.tokenize import tokenize
from pipeline.tokens import Tokens

TABLE = Path(__file__).resolve().parent.parent / "pipeline" / "rules" / "examples" / "numbers.tsv"


def _rows() -> list[tuple[int, str, str]]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line.rstrip("\n")) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    assert lines[0][1].split("\t") == ["input", "value"], lines[0]
    rows = []
    for n, line in lines[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        assert len(cells) == 2, f"{TABLE}:{n}: {len(cells)} fields"
        rows.append((n, cells[0], cells[1].strip()))
    return rows


ROWS = _rows()


def _tokens(text: str) -> Tokens:
    """Tokens built the way the engine builds them."""
    norm = normalise(text)
    words, starts = tokenize(norm.text)
    return Tokens(words, starts, lexicon())


def _read(text: str) -> tuple[Tokens, SignedNumber | None]:
    """The number reader with its sign (`سالب 3`, `-4`), as money and percent use it."""
    toks = _tokens(text)
    return toks, read_signed(toks, 0)


@pytest.mark.parametrize(("line", "text", "value"), ROWS, ids=[f"{n}:{t}" for n, t, _ in ROWS])
def test_numbers_table(line: int, text: str, value: str) -> None:
    toks, num = _read(text)
    if value == "-":
        covers = num is not None and num.end == len(toks)
        got = None if num is None else f"{to_decimal(num.value)} over {toks.words[num.start : num.end]}"
        assert not covers, f"{TABLE.name}:{line}: {text!r} is not a number, read {got}"
        return
    assert num is not None, f"{TABLE.name}:{line}: {text!r} not read (tokens {toks.words})"
    assert (num.start, num.end) == (0, len(toks)), (
        f"{TABLE.name}:{line}: {text!r} read {to_decimal(num.value)} "
        f"over {toks.words[num.start : num.end]} of {toks.words}"
    )
    assert to_decimal(num.value) == Decimal(value), (
        f"{TABLE.name}:{line}: {text!r} = {to_decimal(num.value)}, expected {value}"
    )


def test_table_has_positives_and_negatives() -> None:
    assert any(v == "-" for _, _, v in ROWS) and any(v != "-" for _, _, v in ROWS)


# ---- parse_digits: MENTIONS.md separator rules


@pytest.mark.parametrize(
    ("text", "scale_follows", "expected"),
    [
        ("1,500", False, Fraction(1500)),  # thousands: three digits follow, no scale word
        ("31,275", True, Fraction("31.275")),  # a scale word follows: decimal comma
        ("2,5", False, Fraction("2.5")),  # not three digits: decimal comma
        ("2,5", True, Fraction("2.5")),
        ("1,500,000", False, Fraction(1500000)),
        ("2.340,5", True, Fraction("2340.5")),  # both marks: the last one is the decimal
        ("2.340,5", False, Fraction("2340.5")),
        ("1,234.5", False, Fraction("1234.5")),
        ("505.000.000.000", False, Fraction(505000000000)),  # two or more ". + 3 digits": thousands
        ("505.000.000.000", True, Fraction(505000000000)),
        ("78.3", True, Fraction("78.3")),
        ("2.5", False, Fraction("2.5")),  # a single "." is a decimal point
        ("5ر2", False, Fraction("2.5")),  # agency decimal, fraction written first
        ("7ر3", False, Fraction("3.7")),
        ("5،41", False, Fraction("41.5")),
        ("5،2105", False, Fraction("2105.5")),
        ("1٬500", False, Fraction(1500)),  # ٬ is always a thousands separator
        ("1٬500", True, Fraction(1500)),
        ("12", False, Fraction(12)),
    ],
)
def test_parse_digits(text: str, scale_follows: bool, expected: Fraction) -> None:
    assert parse_digits(text, scale_follows) == expected


@pytest.mark.parametrize("text", ["1,50,0", "1٬50", "2.340,5,5", "abc", ""])
def test_parse_digits_rejects(text: str) -> None:
    assert parse_digits(text, False) is None


def test_arabic_indic_thousands_after_normalisation() -> None:
    norm = normalise("١٬٥٠٠")
    assert norm.text == "1٬500"
    assert parse_digits(norm.text, False) == Fraction(1500)
    toks, num = _read("١٬٥٠٠")
    assert num is not None and num.end == len(toks) and to_decimal(num.value) == Decimal(1500)


@pytest.mark.parametrize(
    ("text", "value"),
    [("31,275 مليار", "31275000000"), ("1,500", "1500"), ("٣١٫٢٧٥ مليار", "31275000000"), ("۵ر۲", "2.5")],
)
def test_read_number_uses_scale_lookahead(text: str, value: str) -> None:
    toks, num = _read(text)
    assert num is not None and num.end == len(toks), (text, toks.words)
    assert to_decimal(num.value) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "value", "words"),
    [
        ("5 ونصف المبلغ", "5", 1),  # half of the sum: a share of the noun, not of a unit
        ("3 ونصف من الحصة", "3", 1),
        ("خمسة ونصف المبلغ", "5", 1),  # the same in words
        ("4 وثلاثة أرباع الموظفين", "4", 1),
        ("2.5 ونصف مليون", "2.5", 1),  # a fraction completes a whole number only
        ("5 و10", "5", 1),  # two numbers (a range), never 15
        ("5 ونصف مليون", "5500000", 3),
        ("5 ونصف بالمئة", "5.5", 2),
    ],
)
def test_fraction_after_waw_completes_a_whole_number(text: str, value: str, words: int) -> None:
    """`و` + a fraction joins a whole number unless a definite noun or `من` follows the fraction."""
    toks, num = _read(text)
    assert num is not None, text
    got = (to_decimal(num.value), len(toks.words[num.start : num.end]))
    assert got == (Decimal(value), words), (text, toks.words)


@pytest.mark.parametrize(
    ("text", "start", "value"),
    [
        ("الثلاثين ألف جنيه", 0, "30000"),  # read from the definite word: thirty thousand
        ("الثلاثين ألف جنيه", 1, None),  # never the thousand alone after it (a wrong value)
        ("بالخمسة والعشرين ألف", 2, None),
        ("بالخمسة والعشرين ألف", 0, "25000"),
        ("في الثلاثين من عمره", 1, None),  # no scale, currency or marker follows: no number
        ("في 30 ألف", 2, "1000"),  # a scale after digits is still read where a rule asks for it
    ],
)
def test_definite_number_words(text: str, start: int, value: str | None) -> None:
    toks = _tokens(text)
    num = read_number(toks, start)
    assert (None if num is None else str(to_decimal(num.value))) == value, toks.words
