"""Loading the lexicon data files and looking words up in running text.

Every lexicon row becomes an `Entry`: the form's tokens (normalised and
tokenised exactly like the text), a role (`month`, `currency`, `num_unit`,
`year_noun`, …) and a value. The grammar asks "does a phrase with role R
start at token i?"; proclitics on the first word are stripped here, and the
span start is moved past them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

from . import lexicon_files as files
from .cache import cached, source
from .lexicon_files import LEXICON_DIR, LexiconError, Row
from .normalize import normalise_key
from .particles import ADJECTIVE_ENDINGS, ALEF, ARTICLE, DEFINITE_ADJECTIVE_ENDINGS, LAM, PROCLITICS
from .roles import Role
from .tokenize import tokenize

__all__ = ["LEXICON_DIR", "Entry", "LexMatch", "Lexicon", "LexiconError", "lexicon", "load"]

CACHE_WORDS = 50_000  # words whose look-ups are remembered; a text's frequent words stay in it


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


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A row of a lexicon file and the entries it made (tests/test_lexicon_proven.py
    checks that an example exercises each one)."""

    file: str
    line: int
    role: Role
    entries: tuple[Entry, ...]
    forms: tuple[str, ...]  # as written (or generated), one per entry

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


def as_fraction(value: object) -> Fraction:
    """A number-word entry's value as an exact fraction (stored as one at load)."""
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal | int):
        return Fraction(value)
    raise TypeError(f"not a number: {value!r}")


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
        self.part_months: dict[str, int] = {}  # a part of a year -> its months (quarter 3, half 6)
        self.rows: list[SourceRow] = []  # every row of the lexicon files with the entries it made

    def add(self, form: str, role: str, value: object) -> Entry | None:
        words = tuple(tokenize(normalise_key(form))[0])
        if not words:
            return None
        self._starts.clear()
        self._roles.clear()
        entries = self._index[words[0]]
        entry = Entry(words, role, value)
        if entry not in entries:
            entries.append(entry)
            entries.sort(key=lambda e: -len(e.words))
        return entry

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


def inflect(adjective: str) -> list[str]:
    """Every form of a regular adjective after a currency name (particles.ADJECTIVE_ENDINGS):
    `كويتي` -> `كويتي`, `كويتيا`, `كويتية`, …, `الكويتي`, `الكويتية`; each word of `كوري جنوبي` alike."""
    words = adjective.split()
    forms = [" ".join(w + ending for w in words) for ending in ADJECTIVE_ENDINGS]
    forms += [" ".join(ARTICLE + w + ending for w in words) for ending in DEFINITE_ADJECTIVE_ENDINGS]
    return forms


# Roles whose phrase must mean one thing: a month form or a currency name listed twice is an error.
_ONE_VALUE = frozenset({Role.MONTH, Role.HMONTH, Role.CURRENCY})


class _Builder:
    """Adds checked rows to a lexicon, refusing a form a row lists twice and an
    entry two rows make."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.lex = Lexicon()
        self._made: dict[Entry, Row] = {}
        self._meaning: dict[tuple[str, tuple[str, ...]], Row] = {}

    def read(self, name: str, columns: tuple[str, ...], optional: frozenset[str] = frozenset()) -> list[Row]:
        return files.read_rows(name, columns, optional, self.directory)

    def add(self, row: Row, role: Role, forms: list[str], value: object) -> tuple[Entry, ...]:
        entries: dict[Entry, str] = {}
        for form in forms:
            entry = self.lex.add(form, role, value)
            if entry is None:
                raise row.error(f"form {form!r} has no letters")
            if entry in entries:
                raise row.error(f"forms {entries[entry]!r} and {form!r} are the same after normalisation")
            other = self._made.get(entry)
            if other is not None:
                raise row.error(f"{form!r} ({role}) repeats {other.path.name}:{other.line}")
            if role in _ONE_VALUE:
                first = self._meaning.setdefault((role, entry.words), row)
                if first is not row:
                    raise row.error(f"{form!r} is already a {role} at {first.path.name}:{first.line}")
            entries[entry] = form
            self._made[entry] = row
        made = tuple(entries)
        self.lex.rows.append(SourceRow(row.path.name, row.line, role, made, tuple(entries.values())))
        return made

    def months(self) -> None:
        for row in self.read("months.tsv", files.MONTH_COLUMNS):
            calendar = row.choice("calendar", ("gregorian", "hijri"))
            family = row.choice("family", files.MONTH_FAMILIES)
            if (calendar == "hijri") != (family == "hijri"):
                raise row.error(f"family {family} does not go with the {calendar} calendar")
            ambiguous = row.choice("ambiguous", ("yes", "no")) == "yes"
            month = Month(row.integer("month", 1, 12), calendar, family, ambiguous)
            self.add(row, Role.MONTH if calendar == "gregorian" else Role.HMONTH, row.forms("form"), month)

    def currencies(self) -> None:
        for row in self.read("currency_names.tsv", files.NAME_COLUMNS):
            (lemma,) = row.forms("lemma")
            if lemma in self.lex.currency_by_lemma:
                raise row.error(f"lemma {lemma!r} has a row already")
            name = CurrencyName(lemma, row.code("default"))
            forms = row.forms("forms")
            self.lex.currency_by_lemma[lemma] = name
            self.add(row, Role.CURRENCY, forms if lemma in forms else [lemma, *forms], name)
        for row in self.read("currency_qualifiers.tsv", files.QUALIFIER_COLUMNS, frozenset({"adjectives", "forms"})):
            lemma, code = self._lemma(row, row["lemma"]), row.code("code")
            if not row["adjectives"] and not row["forms"]:
                raise row.error("a qualifier row needs adjectives or forms")
            adjectives = row.forms("adjectives") if row["adjectives"] else []
            forms = [f for a in adjectives for f in inflect(a)] + (row.forms("forms") if row["forms"] else [])
            for entry in self.add(row, Role.QUALIFIER, forms, lemma):
                self.lex.qualifiers[(lemma, " ".join(entry.words))] = code
        symbol_codes: dict[tuple[str, ...], dict[str, str]] = {}
        for row in self.read("currency_symbols.tsv", files.SYMBOL_COLUMNS):
            (symbol,) = row.forms("symbol")
            (entry,) = self.add(row, Role.CUR_SYMBOL, [symbol], row.code("code"))
            symbol_codes.setdefault(entry.words, {})[symbol] = row["code"]
        self.lex.raw_symbols = {k: v for k, v in symbol_codes.items() if len(set(v.values())) > 1}
        for row in self.read("currency_subunits.tsv", files.SUBUNIT_COLUMNS, frozenset({"factors"})):
            forms = row.forms("forms")
            factors = []
            for item in row.forms("factors") if row["factors"] else []:
                code, colon, factor = item.partition(":")
                if not colon:
                    raise row.error(f"factors: {item!r} is not CODE:FACTOR")
                factors.append((row.code("factors", code), self._share(row, "factors", factor)))
            parents = frozenset(self._lemma(row, p) for p in row.forms("parents"))
            share = self._share(row, "factor", row["factor"])
            self.add(row, Role.SUBUNIT, forms, Subunit(forms[0], share, row.code("default"), parents, tuple(factors)))

    def _lemma(self, row: Row, lemma: str) -> str:
        if lemma not in self.lex.currency_by_lemma:
            raise row.error(f"{lemma!r} is not a lemma of currency_names.tsv")
        return lemma

    @staticmethod
    def _share(row: Row, column: str, text: str) -> Decimal:
        share = row.decimal(column, text)
        if not 0 < share < 1:
            raise row.error(f"{column}: a subunit's share of its currency is between 0 and 1, not {text}")
        return share

    def numbers(self) -> None:
        for row in self.read("number_words.tsv", files.NUMBER_COLUMNS):
            role = Role("num_" + row.choice("type", files.NUMBER_TYPES))
            self.add(row, role, row.forms("form"), row.number("value"))
        for row in self.read("ordinals.tsv", files.NUMBER_COLUMNS):
            role = Role("ord_" + row.choice("type", files.ORDINAL_TYPES))
            self.add(row, role, row.forms("form"), row.integer("value", 0, 99))

    def triggers(self) -> None:
        for row in self.read("period_parts.tsv", files.PART_COLUMNS):
            part, months = row["part"], row.integer("months", 1, 12)
            if not part.isascii() or not part.isalpha() or part in self.lex.part_months:
                raise row.error(f"part must be a new lower-case name, not {part!r}")
            if 12 % months:
                raise row.error(f"a part of a year is a whole share of 12 months, not {months}")
            self.lex.part_months[part] = months
        for row in self.read("triggers.tsv", files.TRIGGER_COLUMNS):
            role, value = row.trigger_role()
            if role in (Role.PART_NOUN, Role.PART_NOUN_DUAL) and value not in self.lex.part_months:
                raise row.error(f"{value!r} is not a part of period_parts.tsv")
            self.add(row, role, row.forms("form"), value)


def load(directory: Path = LEXICON_DIR) -> Lexicon:
    """The lexicon built from the files in `directory`, every row checked (LexiconError)."""
    build = _Builder(directory)
    build.months()
    build.currencies()
    build.numbers()
    build.triggers()
    return build.lex


def _load() -> Lexicon:
    return load()


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The loaded lexicon, from the on-disk cache when its sources have not changed."""
    files = [
        *LEXICON_DIR.glob("*.tsv"),
        *source("lexicon.py", "lexicon_files.py", "roles.py", "normalize.py", "camel.py", "tokenize.py"),
        *source("particles.py"),
    ]
    return cached("lexicon", files, ["camel-tools", "spacy"], _load)
