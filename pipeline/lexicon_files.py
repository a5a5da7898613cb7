"""Reading the lexicon files row by row, with every column checked.

Each file in `lexicons/` is a tab-separated table: comment lines start with
`#`, the first other line is the header. A row that does not fit its table
(a missing or extra column, an unknown role or type, a malformed number or
code) is a `LexiconError` naming the file and line. This module reads cells
only; pipeline/lexicon.py turns rows into entries and checks duplicates.
It imports nothing heavy, so the tokenizer can read its era letters here.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

from .roles import TRIGGER_ROLES, TRIGGER_VALUE_RE, TRIGGER_VALUES, Role

LEXICON_DIR = Path(__file__).parent / "lexicons"

_CODE = re.compile(r"[A-Z]{3}")
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_FRACTION = re.compile(r"[0-9]+/[1-9][0-9]*")
# Arabic diacritics and tatweel: forms are written without them (the text is matched normalised).
_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Row:
    path: Path
    line: int
    cells: dict[str, str]

    def __getitem__(self, column: str) -> str:
        return self.cells[column]

    def error(self, reason: str) -> LexiconError:
        return LexiconError(f"{self.path}:{self.line}: {reason}")

    def forms(self, column: str) -> list[str]:
        """The |-joined forms of a cell, each checked to be plain spelling."""
        forms = [f.strip() for f in self.cells[column].split("|")]
        for form in forms:
            if not form:
                raise self.error(f"empty form in {column} {self.cells[column]!r}")
            if _MARKS.search(form):
                raise self.error(f"{column}: form {form!r} has diacritics or tatweel (write the plain spelling)")
        return forms

    def choice(self, column: str, allowed: Iterable[str]) -> str:
        value = self.cells[column]
        options = sorted(allowed)
        if value not in options:
            raise self.error(f"{column} must be one of {', '.join(options)}, not {value!r}")
        return value

    def integer(self, column: str, low: int, high: int) -> int:
        value = self.cells[column]
        if not re.fullmatch(r"-?[0-9]+", value) or not low <= int(value) <= high:
            raise self.error(f"{column} must be a whole number from {low} to {high}, not {value!r}")
        return int(value)

    def decimal(self, column: str, value: str | None = None) -> Decimal:
        text = self.cells[column] if value is None else value
        if not _DECIMAL.fullmatch(text):
            raise self.error(f"{column} must be a plain decimal number, not {text!r}")
        return Decimal(text)

    def number(self, column: str) -> Fraction:
        """A decimal (`1.5`) or a fraction (`1/3`)."""
        text = self.cells[column]
        try:
            if _FRACTION.fullmatch(text):
                return Fraction(text)
            return Fraction(self.decimal(column))
        except (InvalidOperation, ZeroDivisionError, LexiconError):
            raise self.error(f"{column} must be a decimal or a fraction a/b, not {text!r}") from None

    def code(self, column: str, value: str | None = None) -> str:
        text = self.cells[column] if value is None else value
        if not _CODE.fullmatch(text):
            raise self.error(f"{column} must be an ISO 4217 code (three capital letters), not {text!r}")
        return text

    def trigger_role(self) -> tuple[Role, str]:
        """`ROLE` or `ROLE:VALUE`, checked against the role's value pattern."""
        name, colon, value = self.cells["role"].partition(":")
        if name not in TRIGGER_ROLES:
            raise self.error(f"unknown role {name!r} (the roles are listed in pipeline/roles.py)")
        role = Role(name)
        pattern = TRIGGER_VALUE_RE.get(role)
        if pattern is None:
            if colon:
                raise self.error(f"role {name} takes no value, got {value!r}")
        elif not pattern.fullmatch(value):
            raise self.error(f"role {name} needs a value matching {TRIGGER_VALUES[role]}, got {value!r}")
        return role, value


def read_rows(
    name: str, columns: tuple[str, ...], optional: frozenset[str] = frozenset(), directory: Path = LEXICON_DIR
) -> list[Row]:
    """The rows of one lexicon file, whose header must be exactly `columns`;
    every cell must be filled except those in `optional`."""
    path = directory / name
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [(n, line.rstrip("\r\n")) for n, line in enumerate(fh, 1) if line.strip() and line[0] != "#"]
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot be read ({exc})") from None
    if not lines:
        raise LexiconError(f"{path}: no header line (expected {chr(9).join(columns)!r})")
    header_line, header = lines[0]
    if tuple(header.split("\t")) != columns:
        raise LexiconError(f"{path}:{header_line}: the header must be {' | '.join(columns)}, not {header!r}")
    rows: list[Row] = []
    for n, line in lines[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(columns):
            raise LexiconError(f"{path}:{n}: expected {len(columns)} tab-separated fields, got {len(cells)}")
        row = Row(path, n, {k: v.strip() for k, v in zip(columns, cells, strict=True)})
        for column in columns:
            if not row[column] and column not in optional:
                raise row.error(f"empty {column}")
        rows.append(row)
    return rows


# ---------------------------------------------------------------- the tables

MONTH_COLUMNS = ("form", "month", "calendar", "family", "ambiguous")
MONTH_FAMILIES = frozenset({"egyptian", "levantine", "maghreb", "moroccan", "hijri"})
NAME_COLUMNS = ("lemma", "forms", "default")
QUALIFIER_COLUMNS = ("lemma", "adjectives", "forms", "code")
SYMBOL_COLUMNS = ("symbol", "code")
SUBUNIT_COLUMNS = ("forms", "factor", "default", "parents", "factors")
NUMBER_COLUMNS = ("form", "value", "type")
NUMBER_TYPES = frozenset(r.removeprefix("num_") for r in Role if r.startswith("num_"))
ORDINAL_TYPES = frozenset(r.removeprefix("ord_") for r in Role if r.startswith("ord_"))
TRIGGER_COLUMNS = ("form", "role")
PART_COLUMNS = ("part", "months")


def era_letters(directory: Path = LEXICON_DIR) -> str:
    """The one-letter era markers of triggers.tsv (`م`, `ه`): the tokenizer splits
    them off a number (`1990م`), and the grammar reads them as eras."""
    eras = (Role.ERA_GREGORIAN, Role.ERA_HIJRI)
    rows = read_rows("triggers.tsv", TRIGGER_COLUMNS, directory=directory)
    letters = {r["form"] for r in rows if len(r["form"]) == 1 and r["role"].partition(":")[0] in eras}
    return "".join(sorted(letters))
