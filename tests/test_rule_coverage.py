"""Every rule the grammar can produce, and every month form, currency name and
currency symbol of the lexicons, is exercised by an example row or the corpus.

Rule ids are plain strings in `pipeline/rules/*.py`, some composed at run time
(`"weekday_" + inner.rule`, `"modifier_" + inner.rule`, `"fiscal_" + value`,
`rule + "_hijri_in_gregorian"`). There is no registry, so this file keeps
`EXPECTED_RULES` (final rule ids and the inner rules that composed ids wrap) by
hand, and a static scan of the rule modules checks that the list is current.
"""

from __future__ import annotations

import ast
import csv
import datetime as dt
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from pipeline import extract
from pipeline.corpus import discover, read_meta, read_text
from pipeline.lexicon import lexicon
from pipeline.normalize import normalise, normalise_key
from pipeline.tokenize import tokenize
from pipeline.tokens import Tokens

from .examples import load

ROOT = Path(__file__).resolve().parent.parent
RULES_DIR = ROOT / "pipeline" / "rules"
LEXICONS = ROOT / "pipeline" / "lexicons"
CORPUS = ROOT / "corpus"

# Base rule ids, read from pipeline/rules/*.py. A composed id counts for each part.
EXPECTED_RULES = frozenset(
    {
        # dates: points
        "day_month", "ordinal_day_month", "month_noun", "month_year", "paired_month", "bare_month",
        "numeric_date", "year_noun", "year_era", "prep_year", "paren_year", "marked_year", "month",
        # dates: ranges, seasons, decades, centuries, parts
        "range_from_to", "range_between", "range_dash", "season_years", "years_pair",
        "century", "centuries", "relative_century", "decade", "decade_century", "part_of_year", "part_relative",
        # dates: relative
        "relative_day", "relative_month", "relative_weekday", "bare_weekday", "relative_period",
        "relative_period_year", "ago_later", "months_pair", "this_period", "season_of_year",
        "days_pair", "decades", "part_of_century", "part_of_decade", "months_of_year", "current_period",
        "relative_season",
        # dates: months alone, month numbers, colloquial demonstratives, bare seasons, the weekend
        "month_alone", "this_month_name", "month_number", "colloquial_this", "bare_season", "weekend",
        # money and percentages
        "symbol_number", "money_range", "number_currency", "currency_one", "currency_dual",
        "glued_sign", "glued_sign_range",
        "percent_sign_number", "percent_range", "number_percent",
    }
)  # fmt: skip
# Prefixes and suffixes that wrap an inner rule id (`weekday_day_month`).
PREFIXES = ("weekday_", "day_noun_", "modifier_", "relative_day_", "decade_noun_", "range_between_")
SUFFIXES = ("_hijri_in_gregorian", "_relative")
# `fiscal_` + the head noun's lexicon value (`fiscal_fiscal`, `fiscal_academic`): no inner rule.
TERMINAL_PREFIXES = ("fiscal_",)
# Ids only ever seen by other rules (range ends), never in a mention.
INTERNAL_RULES = frozenset({"range_year", "range_month", "range_day", "range_month_mod", "range_year_short"})

# Callables whose parameter (or dataclass field) named `rule` carries a rule id.
_RULE_CALLS = (
    "Candidate",
    "Pt",
    "_with_month",
    "_day_of",
    "_money_cand",
    "_pct_cand",
    "_range_cand",
    "_cand",
    "replace",
)


# ---------------------------------------------------------------- static scan


def _rule_positions(trees: list[ast.Module]) -> dict[str, int]:
    """Position of the `rule` argument of each callable in _RULE_CALLS, from its definition."""
    pos: dict[str, int] = {}
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in _RULE_CALLS:
                fields = [
                    s.target.id for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)
                ]
                if "rule" in fields:
                    pos[node.name] = fields.index("rule")
            elif isinstance(node, ast.FunctionDef) and node.name in _RULE_CALLS:
                names = [a.arg for a in node.args.args]
                if "rule" in names:
                    pos[node.name] = names.index("rule")
    return pos


def _strings(node: ast.expr) -> Iterator[tuple[str, str]]:
    """('id', s) for a literal id, ('prefix', s)/('suffix', s) for `"s" + x` / `x + "s"`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield "id", node.value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        if isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
            yield "prefix", node.left.value
        if isinstance(node.right, ast.Constant) and isinstance(node.right.value, str):
            yield "suffix", node.right.value
    elif isinstance(node, ast.IfExp):
        yield from _strings(node.body)
        yield from _strings(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for v in node.values:
            yield from _strings(v)


@lru_cache(maxsize=1)
def static_rules() -> dict[str, frozenset[str]]:
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in sorted(RULES_DIR.rglob("*.py"))]
    pos = _rule_positions(trees)
    found: dict[str, set[str]] = {"id": set(), "prefix": set(), "suffix": set()}
    for tree in trees:
        for node in ast.walk(tree):
            args: list[ast.expr] = []
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if name in _RULE_CALLS:
                    args += [k.value for k in node.keywords if k.arg == "rule"]
                    if name in pos and len(node.args) > pos[name]:
                        args.append(node.args[pos[name]])
                if name == "replace" and isinstance(func, ast.Attribute):  # inner.rule.replace("a", "b")
                    args += node.args[1:2]
            elif isinstance(node, ast.Assign):  # rule = "…" and `k, clitic, rule = i, 0, "…"`
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == "rule":
                        args.append(node.value)
                    elif isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
                        for t, v in zip(target.elts, node.value.elts, strict=False):
                            if isinstance(t, ast.Name) and t.id == "rule":
                                args.append(v)
            for arg in args:
                for what, s in _strings(arg):
                    found[what].add(s)
    return {k: frozenset(v) for k, v in found.items()}


def test_static_scan_finds_rules() -> None:
    found = static_rules()
    assert len(found["id"]) >= 20, found  # the scan itself works
    assert "range_from_to" in found["id"] and "weekday_" in found["prefix"]


def test_expected_rules_match_the_code() -> None:
    found = static_rules()
    in_code = found["id"] - INTERNAL_RULES
    assert in_code - EXPECTED_RULES == set(), (
        f"rules in pipeline/rules/*.py missing from EXPECTED_RULES (add them, with an example row): "
        f"{sorted(in_code - EXPECTED_RULES)}"
    )
    assert EXPECTED_RULES - in_code == set(), (
        f"EXPECTED_RULES no longer in the code: {sorted(EXPECTED_RULES - in_code)}"
    )
    assert found["prefix"] == set(PREFIXES) | set(TERMINAL_PREFIXES), found["prefix"]
    assert found["suffix"] == set(SUFFIXES), found["suffix"]


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
