"""Reading and validating a gold file (`gold.jsonl`)."""

from __future__ import annotations

import calendar
import functools
import hashlib
import itertools
import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from babel.numbers import list_currencies
from pydantic import ValidationError

from .corpus import GOLD_FILE, META_FILE
from .lexicon import CurrencyName, Subunit, lexicon
from .records import NORMALIZED_FORMS, GoldMention


def _date_ok(point: str) -> bool:
    parts = point.split("-")
    year = None if parts[0] == "XXXX" else int(parts[0])
    if len(parts) >= 2 and not 1 <= int(parts[1]) <= 12:
        return False
    if len(parts) == 3:
        last = calendar.monthrange(2000 if year is None else year, int(parts[1]))[1]
        return 1 <= int(parts[2]) <= last
    return True


def normalized_problem(kind: str, value: str) -> str | None:
    """Why a `normalized` value cannot be right for its kind, or None."""
    if not NORMALIZED_FORMS[kind].fullmatch(value):
        return f"not a well-formed {kind} value"
    if kind == "date":
        ends = value.split("/")
        if not all(_date_ok(p) for p in ends):
            return "not a calendar date"
        if len(ends) == 2 and "XXXX" not in value and ends[0] > ends[1]:
            return "a range must not end before it starts"
        return None
    if kind == "money":
        code, _, amount = value.partition(" ")
        if code not in iso_4217_codes():
            return f"{code} is not an ISO 4217 currency code"
        nums = amount.split("/")
    else:
        nums = [n.rstrip("%") for n in value.split("/")]
    if len(nums) == 2 and Decimal(nums[0]) > Decimal(nums[1]):
        return "a range must not end below its start"
    return None


@functools.cache
def iso_4217_codes() -> frozenset[str]:
    """The ISO 4217 codes, current and historical, as CLDR lists them (through babel): gold may name a currency
    the lexicon does not know yet (`BRL 5`), and `XXX` (no currency) is one of them."""
    return frozenset(list_currencies())


def lexicon_codes() -> set[str]:
    """Every currency code the lexicon can produce."""
    lex = lexicon()
    codes = set(lex.qualifiers.values())
    for e in lex.entries():
        if isinstance(e.value, CurrencyName):
            codes.add(e.value.default)
        elif isinstance(e.value, Subunit):
            codes.add(e.value.default)
            codes.update(c for c, _ in e.value.factors)
        elif e.role == "cur_symbol":
            codes.add(e.text_value)
    return codes


@dataclass(frozen=True, slots=True)
class GoldProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


def load_gold(path: Path) -> tuple[list[tuple[int, GoldMention]], list[GoldProblem]]:
    """Parse every line into (line number, record); problems are collected, not raised."""
    records: list[tuple[int, GoldMention]] = []
    problems: list[GoldProblem] = []
    try:
        content = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return [], [GoldProblem(0, f"is not UTF-8 (invalid byte at offset {exc.start})")]
    except OSError as exc:
        return [], [GoldProblem(0, f"cannot be read ({exc.strerror or exc})")]
    for n, line in enumerate(content.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(GoldProblem(n, f"not JSON ({exc.msg})"))
            continue
        if isinstance(data, dict):
            data.pop("value", None)
            data.pop("rule", None)
        try:
            records.append((n, GoldMention.model_validate(data)))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(map(str, err["loc"]))
            msg = str(err["msg"]).removeprefix("Value error, ")  # a model validator's own sentence
            problems.append(GoldProblem(n, f"{where}: {msg}" if where else msg))
    return records, problems


def check_gold(records: list[tuple[int, GoldMention]], texts: Mapping[str, str]) -> list[GoldProblem]:
    """Offsets inside the document, text equal to the raw slice, normalized
    well-formed, no duplicates, no overlapping mentions of one kind, no unknown docs."""
    problems: list[GoldProblem] = []
    seen: dict[tuple[str, str, int, int], int] = {}
    by_doc_kind: dict[tuple[str, str], list[tuple[int, GoldMention]]] = {}
    for n, r in records:
        raw = texts.get(r.doc)
        if raw is None:
            problems.append(GoldProblem(n, f"unknown document {r.doc!r}"))
            continue
        if not 0 <= r.start < r.end <= len(raw):
            problems.append(GoldProblem(n, f"offsets {r.start}:{r.end} outside the document (length {len(raw)})"))
            continue
        if raw[r.start : r.end] != r.text:
            problems.append(GoldProblem(n, f"text {r.text!r} is not the raw slice {raw[r.start : r.end]!r}"))
        if r.normalized is not None:
            why = normalized_problem(r.kind, r.normalized)
            if why:
                problems.append(GoldProblem(n, f"normalized {r.normalized!r}: {why}"))
        key = (r.doc, r.kind, r.start, r.end)
        if key in seen:
            problems.append(GoldProblem(n, f"duplicate of line {seen[key]}"))
            continue
        seen[key] = n
        by_doc_kind.setdefault((r.doc, r.kind), []).append((n, r))
    for group in by_doc_kind.values():
        group.sort(key=lambda nr: (nr[1].start, nr[1].end))
        for (na, a), (nb, b) in itertools.pairwise(group):
            if b.start < a.end:
                problems.append(GoldProblem(nb, f"overlaps line {na} ({a.text!r})"))
    problems.sort(key=lambda p: p.line)
    return problems


class RootError(Exception):
    """No corpus root can be found for a path; the message says why."""


def find_root(path: Path, corpus: Path | None = None) -> Path:
    """The corpus root every gold command uses for a text or folder: `--corpus`
    when given; else the outermost folder above the path (the working folder at
    most, when the path is inside it) holding `gold.jsonl` or `meta.json`; else
    the path's first folder under the working folder (`corpus/news/x.txt` ->
    `corpus`), so that one gold file serves every subfolder and `run corpus/`
    reads it; else the folder of the path itself."""
    if corpus is not None:
        if not corpus.is_dir():
            raise RootError(f"{corpus}: not a folder (--corpus)")
        return corpus.resolve()
    target = path.resolve()
    folder = target if target.is_dir() else target.parent
    cwd = Path.cwd().resolve()
    chain = [folder, *folder.parents]
    inside = folder == cwd or cwd in folder.parents
    if inside:
        chain = [f for f in chain if f == cwd or cwd in f.parents]
    marked = [f for f in chain if (f / GOLD_FILE).exists() or (f / META_FILE).exists()]
    if marked:
        return marked[-1]
    below = [f for f in chain if f != cwd]
    return below[-1] if inside and below else folder


def record_key(r: GoldMention) -> str:
    """The hash behind a record's id: its kind and offsets, so an id does not
    change when other records are added or removed."""
    return hashlib.sha1(f"{r.kind}:{r.start}:{r.end}".encode(), usedforsecurity=False).hexdigest()


def record_ids(records: list[GoldMention]) -> dict[int, str]:
    """Short ids (`DOC#3f2a`) for the records of a gold file, keyed by `id()`:
    four hex digits, more when two records of one document would share them.
    A longer prefix of the same hash always names the same record."""
    keys = {id(r): record_key(r) for r in records}
    by_doc: dict[str, list[GoldMention]] = {}
    for r in records:
        by_doc.setdefault(r.doc, []).append(r)
    out: dict[int, str] = {}
    for doc, rows in by_doc.items():
        width = 4
        while len({keys[id(r)][:width] for r in rows}) < len(rows) and width < 40:
            width += 2
        for r in rows:
            out[id(r)] = f"{doc}#{keys[id(r)][:width]}"
    return out
