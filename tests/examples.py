"""Reading the rule tables in `pipeline/rules/examples/`."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "pipeline" / "rules" / "examples"


@dataclass(frozen=True)
class Example:
    kind: str
    family: str
    input: str
    span: str
    normalized: str | None
    negative: bool
    ref: dt.date | None
    line: int

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.line}:{self.input[:30]}"


def load(kind: str) -> list[Example]:
    path = EXAMPLES / f"{kind}.tsv"
    rows: list[Example] = []
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line.rstrip("\n")) for n, line in enumerate(fh, 1) if line.strip() and not line.startswith("#")]
    header = lines[0][1].split("\t")
    assert header == ["family", "input", "span", "normalized", "ref"], header
    for n, line in lines[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        assert len(cells) == 5, f"{path}:{n}: {len(cells)} fields"
        family, text, span, norm, ref = cells
        rows.append(
            Example(
                kind=kind,
                family=family,
                input=text,
                span=span or text,
                normalized=None if norm in ("null", "-") else norm,
                negative=norm == "-",
                ref=dt.date.fromisoformat(ref) if ref else None,
                line=n,
            )
        )
    return rows
