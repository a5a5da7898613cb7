"""Every rule the grammar can produce, and every month form, currency name and
currency symbol of the lexicons, is exercised by an example row or the corpus.

The inventory is the rule registry (`pipeline/rules/registry.py`): each rule
declares the labels its candidates carry, the wrappers it puts around an inner
reading's label (`"weekday_" + inner`, `inner + "_relative"`) and the label
families a lexicon value completes (`"fiscal_" + value`).
"""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from pipeline import extract
from pipeline.corpus import discover, read_meta, read_text
from pipeline.lexicon import lexicon
from pipeline.normalize import normalise, normalise_key
from pipeline.rules.base import Candidate
from pipeline.rules.registry import RULE_MODULES, RuleKind, date_rule, rules
from pipeline.tokenize import tokenize
from pipeline.tokens import Tokens

from .examples import load

ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "pipeline" / "lexicons"
CORPUS = ROOT / "corpus"

EXPECTED_RULES = frozenset().union(*(r.labels for r in rules()))
PREFIXES = tuple(sorted(frozenset().union(*(r.prefixes for r in rules()))))
SUFFIXES = tuple(sorted(frozenset().union(*(r.suffixes for r in rules()))))
TERMINAL_PREFIXES = tuple(sorted(frozenset().union(*(r.families for r in rules()))))


# ---------------------------------------------------------------- the registry


def test_registry_holds_every_rule() -> None:
    names = [r.name for r in rules()]
    assert len(names) == len(set(names))
    assert {r.kind for r in rules()} == {RuleKind.DATE, RuleKind.AMOUNT}
    assert {r.module for r in rules()} == set(RULE_MODULES), "a module of RULE_MODULES registers no rule"
    assert {"point", "range_from_to", "money", "percent"} <= set(names)
    assert {"range_from_to", "weekday_", "_relative", "fiscal_", "number_percent"} <= (
        EXPECTED_RULES | set(PREFIXES) | set(SUFFIXES) | set(TERMINAL_PREFIXES)
    )


def test_dispatch_order_is_module_then_definition_order() -> None:
    keys = [(RULE_MODULES.index(r.module), r.line) for r in rules()]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


_ORDER_SCRIPT = (
    "import importlib, sys\n"
    "for m in sys.argv[1:]: importlib.import_module(m)\n"
    "from pipeline.rules.registry import rules\n"
    "print([(r.name, sorted(r.starts)) for r in rules()])\n"
)


def test_dispatch_order_does_not_depend_on_import_order() -> None:
    outs = {
        subprocess.run(
            [sys.executable, "-c", _ORDER_SCRIPT, *order], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout
        for order in (RULE_MODULES, tuple(reversed(RULE_MODULES)))
    }
    assert len(outs) == 1, outs
    assert "range_from_to" in next(iter(outs))


def test_a_rule_outside_the_rule_modules_is_refused() -> None:
    def stray(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
        return None

    with pytest.raises(ValueError, match="not in RULE_MODULES"):
        date_rule("stray", starts={"digit"})(stray)
    assert "stray" not in {r.name for r in rules()}


# ---------------------------------------------------------------- what the tables and corpus exercise


def _example_texts() -> Iterator[tuple[str, dt.date | None]]:
    for kind in ("date", "money", "percent"):
        for row in load(kind):
            yield row.input, row.ref


@lru_cache(maxsize=1)
def corpus_texts() -> dict[str, str]:
    return {d.id: read_text(d.path) for d in discover(CORPUS)}


@lru_cache(maxsize=1)
def seen_rules() -> frozenset[str]:
    seen: set[str] = set()
    for text, ref in _example_texts():
        seen |= {m.rule for m in extract(text, reference_date=ref)}
    meta = read_meta(CORPUS)
    for doc, text in corpus_texts().items():
        seen |= {m.rule for m in extract(text, reference_date=meta.get(doc), doc=doc)}
    return frozenset(seen)


def parts(rule: str) -> set[str]:
    """The base rules and wrappers a rule id is made of."""
    if rule in EXPECTED_RULES:
        return {rule}
    for suffix in SUFFIXES:
        if rule.endswith(suffix):
            return {suffix} | parts(rule[: -len(suffix)])
    for prefix in TERMINAL_PREFIXES:
        if rule.startswith(prefix):
            return {prefix}
    for prefix in PREFIXES:
        if rule.startswith(prefix):
            return {prefix} | parts(rule[len(prefix) :])
    return {rule}


def test_every_rule_is_exercised() -> None:
    covered = set().union(*(parts(r) for r in seen_rules()))
    wanted = EXPECTED_RULES | set(PREFIXES) | set(SUFFIXES) | set(TERMINAL_PREFIXES)
    unknown = covered - wanted
    assert not unknown, f"extraction produced rule ids this test does not know: {sorted(unknown)}"
    missing = wanted - covered
    assert not missing, (
        f"rules no example row (pipeline/rules/examples/*.tsv) or corpus text exercises: {sorted(missing)}"
    )


# ---------------------------------------------------------------- lexicon rows


def _lex_rows(name: str) -> list[tuple[int, dict[str, str]]]:
    path = LEXICONS / name
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line.rstrip("\n")) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    header = lines[0][1].split("\t")
    out = []
    for n, line in lines[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        out.append((n, {k: v.strip() for k, v in zip(header, cells, strict=True)}))
    return out


def _key(form: str) -> tuple[str, ...]:
    """A lexicon form as the lexicon indexes it."""
    return tuple(tokenize(normalise_key(form))[0])


@lru_cache(maxsize=1)
def used_entries() -> frozenset[tuple[str, tuple[str, ...]]]:
    """(role, form tokens) of every lexicon phrase found in an example row or a corpus text."""
    lex = lexicon()
    used: set[tuple[str, tuple[str, ...]]] = set()
    texts = [t for t, _ in _example_texts()] + list(corpus_texts().values())
    for text in texts:
        words, starts = tokenize(normalise(text).text)
        toks = Tokens(words, starts, lex)
        for i in range(len(toks)):
            for m in toks.matches(i):
                used.add((m.entry.role, m.entry.words))
    return frozenset(used)


def _used(role: str, forms: list[str]) -> bool:
    return any((role, _key(f)) in used_entries() for f in forms)


def test_every_month_form_is_used() -> None:
    unused = [
        f"months.tsv:{n}: {row['form']} ({row['calendar']} {row['month']}, {row['family']})"
        for n, row in _lex_rows("months.tsv")
        if not _used("month" if row["calendar"] == "gregorian" else "hmonth", [row["form"]])
    ]
    assert not unused, f"{len(unused)} month forms no example row or corpus text uses:\n" + "\n".join(unused)


def test_every_currency_name_is_used() -> None:
    unused = []
    for n, row in _lex_rows("currency_names.tsv"):
        forms = [f.strip() for f in row["forms"].split("|") if f.strip()] + [row["lemma"]]
        if not _used("currency", forms):
            unused.append(f"currency_names.tsv:{n}: {row['lemma']} ({row['default']})")
    assert not unused, f"{len(unused)} currency names no example row or corpus text uses:\n" + "\n".join(unused)


def _symbol_rows() -> list[tuple[int, dict[str, str]]]:
    return _lex_rows("currency_symbols.tsv")


def test_every_currency_code_is_used() -> None:
    """ISO 4217 code rows (`USD`). The other symbols and abbreviations (`US$`, `ر.ي`)
    are not checked here: most have no example yet (see the report of this test file)."""
    unused = [
        f"currency_symbols.tsv:{n}: {row['symbol']}"
        for n, row in _symbol_rows()
        if row["symbol"] == row["code"] and not _used("cur_symbol", [row["symbol"]])
    ]
    assert not unused, f"{len(unused)} ISO codes no example row or corpus text uses:\n" + "\n".join(unused)


def test_lexicon_scan_works() -> None:
    assert ("month", _key("أكتوبر")) in used_entries()
    assert ("currency", _key("دولار")) in used_entries()
    assert ("cur_symbol", _key("USD")) in used_entries()
    assert ("month", _key("سيبتمبرز")) not in used_entries()
