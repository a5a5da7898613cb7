"""Loading the lexicon data files and looking words up in running text.

Every lexicon row becomes an `Entry`: the form's tokens (normalised and
tokenised exactly like the text), a role (`month`, `currency`, `num_unit`,
`year_noun`, …) and a value. The grammar asks "does a phrase with role R
start at token i?"; proclitics on the first word are stripped here, and the
span start is moved past them.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from .cache import cached, source
from .normalize import normalise_key
from .particles import ALEF, LAM, PROCLITICS
from .tokenize import tokenize

LEXICON_DIR = Path(__file__).parent / "lexicons"
CACHE_WORDS = 50_000  # words whose look-ups are remembered; a text's frequent words stay in it


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Month:
    number: int
    calendar: str  # "gregorian" | "hijri"
    family: str
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class CurrencyName:
    lemma: str
    default: str


@dataclass(frozen=True, slots=True)
class Subunit:
    lemma: str
    factor: Decimal
    default: str
    parents: frozenset[str]
    factors: tuple[tuple[str, Decimal], ...] = ()  # per-currency shares (فلس: KWD 0.001, AED 0.01)

    def factor_for(self, code: str) -> Decimal:
        return dict(self.factors).get(code, self.factor)


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon phrase; `value` is read through the typed accessor its role implies."""

    words: tuple[str, ...]
    role: str
    value: object

    def _wrong(self, what: str) -> TypeError:
        return TypeError(f"lexicon entry {' '.join(self.words)!r} ({self.role}): {self.value!r} is not {what}")

    @property
    def int_value(self) -> int:
        """An ordinal, a weekday, a relative offset (`-1`), a decade, a day shift."""
        v = self.value
        if isinstance(v, int) and not isinstance(v, bool):
            return v
        if isinstance(v, str) and v.lstrip("+-").isdigit():
            return int(v)
        if isinstance(v, Fraction) and v.denominator == 1:
            return int(v)
        raise self._wrong("an integer")

    @property
    def text_value(self) -> str:
        """A trigger's argument (`month`, `quarter`, `start`…) or a currency code."""
        if isinstance(self.value, str):
            return self.value
        raise self._wrong("a text")

    @property
    def number(self) -> Fraction:
        """A number word's value."""
        try:
            return as_fraction(self.value)
        except TypeError:
            raise self._wrong("a number") from None

    @property
    def month(self) -> Month:
        if isinstance(self.value, Month):
            return self.value
        raise self._wrong("a month")


@dataclass(frozen=True, slots=True)
class LexMatch:
    entry: Entry
    end: int  # token index after the phrase
    clitic: int  # characters of proclitic on the first token


def _rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    path = LEXICON_DIR / name
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return
    header = lines[0][1].rstrip("\n").split("\t")
    for n, line in lines[1:]:
        cells = next(csv.reader([line.rstrip("\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(header):
            raise LexiconError(f"{path}:{n}: expected {len(header)} tab-separated fields, got {len(cells)}")
        yield n, {k: v.strip() for k, v in zip(header, cells, strict=True)}


def _forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split("|") if f.strip()]


def as_fraction(value: object) -> Fraction:
    """A number-word entry's value as an exact fraction (stored as one at load)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal | int):
        return Fraction(value)
    raise TypeError(f"not a number: {value!r}")


def parse_number(text: str) -> Decimal | Fraction:
    if "/" in text:
        return Fraction(text)
    return Decimal(text)


class Lexicon:
    def __init__(self) -> None:
        self._index: dict[str, list[Entry]] = defaultdict(list)
        # word -> the entries it may start (with the proclitic length); words
        # repeat, so each is resolved once per process.
        self._starts: dict[str, list[tuple[int, Entry]]] = {}
        self._roles: dict[str, frozenset[str]] = {}
        self.currency_by_lemma: dict[str, CurrencyName] = {}
        self.qualifiers: dict[tuple[str, str], str] = {}  # (lemma, qualifier key) -> code
        # Symbols that normalise alike (د.إ AED, د.أ JOD): tokens -> raw spelling -> code.
        self.raw_symbols: dict[tuple[str, ...], dict[str, str]] = {}

    def add(self, form: str, role: str, value: object) -> None:
        words = tuple(tokenize(normalise_key(form))[0])
        if not words:
            return
        self._starts.clear()
        self._roles.clear()
        entries = self._index[words[0]]
        entry = Entry(words, role, value)
        if entry not in entries:
            entries.append(entry)
            entries.sort(key=lambda e: -len(e.words))

    def entries(self) -> Iterator[Entry]:
        for entries in self._index.values():
            yield from entries

    def first_words(self) -> frozenset[str]:
        """Every word that begins a lexicon phrase, as written there."""
        return frozenset(self._index)

    def _variants(self, word: str) -> Iterator[tuple[int, str]]:
        yield 0, word
        if word in self._index:
            return  # an exact entry wins: `بين` is never `ب` + `ين` (yen)
        for p in PROCLITICS:
            if word.startswith(p) and len(word) - len(p) >= 2:
                rest = word[len(p) :]
                yield len(p), rest
                if p.endswith(LAM) and rest.startswith(LAM):
                    yield len(p), ALEF + rest  # للعام = ل + العام

    def _candidates(self, word: str) -> list[tuple[int, Entry]]:
        cands = self._starts.get(word)
        if cands is None:
            cands = [(clitic, e) for clitic, first in self._variants(word) for e in self._index.get(first, ())]
            if len(self._starts) >= CACHE_WORDS:  # an archive's vocabulary is endless: start afresh
                self._starts.clear()
            self._starts[word] = cands
        return cands

    def roles_for(self, word: str) -> frozenset[str]:
        """The roles of every phrase `word` may start (whether or not the rest of
        the phrase follows): a cheap first test before a full look-up."""
        roles = self._roles.get(word)
        if roles is None:
            roles = frozenset(e.role for _, e in self._candidates(word))
            if len(self._roles) >= CACHE_WORDS:
                self._roles.clear()
            self._roles[word] = roles
        return roles

    def lookup(self, words: list[str], i: int) -> list[LexMatch]:
        """Every phrase starting at token i, longest first."""
        cands = self._candidates(words[i])
        if not cands:
            return []
        found: list[LexMatch] = []
        for clitic, entry in cands:
            n = len(entry.words)
            if n == 1 or (i + n <= len(words) and tuple(words[i + 1 : i + n]) == entry.words[1:]):
                found.append(LexMatch(entry, i + n, clitic))
        found.sort(key=lambda m: (-(m.end - i), m.clitic))
        return found


def _load() -> Lexicon:
    lex = Lexicon()
    for n, row in _rows("months.tsv"):
        month = Month(int(row["month"]), row["calendar"], row["family"], row["ambiguous"] == "yes")
        if not 1 <= month.number <= 12 or month.calendar not in ("gregorian", "hijri"):
            raise LexiconError(f"months.tsv:{n}: bad month row")
        lex.add(row["form"], "month" if month.calendar == "gregorian" else "hmonth", month)
    for _, row in _rows("currency_names.tsv"):
        name = CurrencyName(row["lemma"], row["default"])
        lex.currency_by_lemma[row["lemma"]] = name
        for form in [*_forms(row["forms"]), row["lemma"]]:
            lex.add(form, "currency", name)
    for _, row in _rows("currency_qualifiers.tsv"):
        for form in _forms(row["qualifiers"]):
            lex.add(form, "qualifier", row["lemma"])
            lex.qualifiers[(row["lemma"], " ".join(tokenize(normalise_key(form))[0]))] = row["code"]
    symbol_codes: dict[tuple[str, ...], dict[str, str]] = {}
    for _, row in _rows("currency_symbols.tsv"):
        lex.add(row["symbol"], "cur_symbol", row["code"])
        words = tuple(tokenize(normalise_key(row["symbol"]))[0])
        symbol_codes.setdefault(words, {})[row["symbol"]] = row["code"]
    lex.raw_symbols = {k: v for k, v in symbol_codes.items() if len(set(v.values())) > 1}
    for _, row in _rows("currency_subunits.tsv"):
        forms = _forms(row["forms"])
        factors = tuple((c, Decimal(f)) for c, _, f in (x.partition(":") for x in _forms(row.get("factors", ""))))
        sub = Subunit(forms[0], Decimal(row["factor"]), row["default"], frozenset(_forms(row["parents"])), factors)
        for form in forms:
            lex.add(form, "subunit", sub)
    for _, row in _rows("number_words.tsv"):
        lex.add(row["form"], "num_" + row["type"], Fraction(parse_number(row["value"])))
    for _, row in _rows("ordinals.tsv"):
        lex.add(row["form"], "ord_" + row["type"], int(row["value"]))
    for _, row in _rows("triggers.tsv"):
        role, _, arg = row["role"].partition(":")
        lex.add(row["form"], role, arg)
    return lex


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The loaded lexicon, from the on-disk cache when its sources have not changed."""
    files = [
        *LEXICON_DIR.glob("*.tsv"),
        *source("lexicon.py", "normalize.py", "camel.py", "tokenize.py", "particles.py"),
    ]
    return cached("lexicon", files, ["camel-tools", "spacy"], _load)
