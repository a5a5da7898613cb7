"""Reading and validating a gold file (`gold.jsonl`)."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .records import GoldMention

_DATE_POINT = r"(?:[0-9]{4}|XXXX)(?:-[0-9]{2}(?:-[0-9]{2})?)?"
_NUM = r"-?[0-9]+(?:\.[0-9]*[1-9])?"
NORMALIZED_FORMS = {
    "date": re.compile(rf"{_DATE_POINT}(?:/{_DATE_POINT})?"),
    "money": re.compile(rf"[A-Z]{{3}} {_NUM}(?:/{_NUM})?"),
    "percent": re.compile(rf"{_NUM}%(?:/{_NUM}%)?"),
}


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
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
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
            problems.append(GoldProblem(n, f"{'.'.join(map(str, err['loc']))}: {err['msg']}"))
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
        if r.normalized is not None and not NORMALIZED_FORMS[r.kind].fullmatch(r.normalized):
            problems.append(GoldProblem(n, f"normalized {r.normalized!r} is not a well-formed {r.kind} value"))
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
