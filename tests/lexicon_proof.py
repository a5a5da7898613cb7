"""Which lexicon entries the examples prove: words of a mention inside the span of
a mention extracted right, words beside a mention next to one, words that stop a
reading inside a text where nothing is found.

The evidence: positive rows of pipeline/rules/examples/{date,money,percent}.tsv
that give their expected mention, corpus gold mentions extracted with their
exact span and value, rows of numbers.tsv read whole with their value, and the
negative rows and negative.txt sentences, which give nothing.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from pathlib import Path

from pipeline import extract
from pipeline.corpus import discover, read_meta, read_text
from pipeline.lexicon import Entry, SourceRow, lexicon
from pipeline.normalize import normalise
from pipeline.numbers import read_signed, to_decimal
from pipeline.roles import BLOCKER_ROLES, CONTEXT_ROLES, EITHER_ROLES, Role
from pipeline.tokenize import tokenize
from pipeline.tokens import Tokens

from .examples import EXAMPLES, load

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
NEAR = 20  # characters between a mention and a context word beside it


class Proof(Enum):
    SPAN = "inside a mention extracted right"
    NEAR = "beside a mention extracted right"
    NEGATIVE = "in a text where nothing is found"


@dataclass(frozen=True)
class Found:
    entry: Entry
    start: int  # raw offsets of the phrase (after its proclitic)
    end: int


def found_entries(text: str) -> list[Found]:
    """Every lexicon phrase of `text`, with its offsets in the raw text."""
    norm = normalise(text)
    words, starts = tokenize(norm.text)
    toks = Tokens(words, starts, lexicon())
    out = []
    for i in range(len(toks)):
        for m in toks.matches(i):
            start, end = norm.raw_span(starts[i] + m.clitic, toks.ends[m.end - 1])
            out.append(Found(m.entry, start, end))
    return out


def _credit(proofs: dict[Entry, set[Proof]], text: str, spans: list[tuple[int, int]]) -> None:
    for f in found_entries(text):
        for a, b in spans:
            if f.start < b and a < f.end:  # inside, or partly (`ما بين`: MENTIONS.md leaves `ما` out)
                proofs[f.entry].add(Proof.SPAN)
            elif a - NEAR <= f.start < f.end <= b + NEAR:
                proofs[f.entry].add(Proof.NEAR)


Key = tuple[str, int, int, str | None]  # kind, start, end, normalized


def _gold() -> dict[str, list[Key]]:
    """The reviewed gold mentions of each corpus document."""
    gold: dict[str, list[Key]] = defaultdict(list)
    for line in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if not g.get("draft"):
            gold[g["doc"]].append((g["kind"], g["start"], g["end"], g["normalized"]))
    return gold


def _numbers_table() -> Iterator[tuple[str, str]]:
    with (EXAMPLES / "numbers.tsv").open(encoding="utf-8", newline="") as fh:
        lines = [line.rstrip("\n") for line in fh if line.strip() and not line.startswith("#")]
    for line in lines[1:]:
        text, value = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        yield text, value.strip()


@lru_cache(maxsize=1)
def proofs() -> dict[Entry, frozenset[Proof]]:
    found: dict[Entry, set[Proof]] = defaultdict(set)
    for kind in ("date", "money", "percent"):
        for row in load(kind):
            mentions = extract(row.input, reference_date=row.ref)
            if row.negative:
                for f in found_entries(row.input) if not mentions else []:
                    found[f.entry].add(Proof.NEGATIVE)
                continue
            expected = (kind, row.span, row.normalized)
            right = [(m.start, m.end) for m in mentions if (m.kind, m.text, m.normalized) == expected]
            _credit(found, row.input, right)
    meta = read_meta(CORPUS)
    gold = _gold()
    for doc in discover(CORPUS):
        text = read_text(doc.path)
        mentions = extract(text, reference_date=meta.get(doc.id), doc=doc.id)
        got = {(m.kind, m.start, m.end, m.normalized) for m in mentions}
        _credit(found, text, [(g[1], g[2]) for g in gold[doc.id] if g in got])
    for text, value in _numbers_table():
        norm = normalise(text)
        words, starts = tokenize(norm.text)
        toks = Tokens(words, starts, lexicon())
        num = read_signed(toks, 0)
        if value != "-" and num is not None and num.end == len(toks) and to_decimal(num.value) == Decimal(value):
            _credit(found, text, [(0, len(text))])
    for line in (EXAMPLES / "negative.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and not extract(line):
            for f in found_entries(line):
                found[f.entry].add(Proof.NEGATIVE)
    return {e: frozenset(p) for e, p in found.items()}


def accepted(role: Role) -> frozenset[Proof]:
    """The proofs that count for a role (pipeline/roles.py)."""
    if role in BLOCKER_ROLES:
        return frozenset({Proof.NEGATIVE})
    if role in EITHER_ROLES:
        return frozenset({Proof.SPAN, Proof.NEGATIVE})
    if role in CONTEXT_ROLES:
        return frozenset({Proof.NEAR, Proof.NEGATIVE, Proof.SPAN})
    return frozenset({Proof.SPAN})


def proven(entry: Entry) -> bool:
    return bool(proofs().get(entry, frozenset()) & accepted(Role(entry.role)))


def unproven(row: SourceRow) -> list[Entry]:
    """The entries of a row no example proves. A qualifier row is proven by any of its
    generated forms: the generation itself is tested (tests/test_lexicon_files.py)."""
    missing = [e for e in row.entries if not proven(e)]
    if row.role == Role.QUALIFIER and len(missing) < len(row.entries):
        return []
    return missing


def units(row: SourceRow) -> int:
    """What a row asks to be proven: each of its forms, or one qualifier lemma."""
    return 1 if row.role == Role.QUALIFIER else len(row.entries)
