"""Records as CSV for spreadsheets: one row per mention, the typed `value` flattened into columns.

The columns are fixed (the union of every kind's value fields, in model
order), so every file has the same header whatever it holds, and a cell is
empty where a field does not apply or is null. UTF-8 with a byte order mark:
spreadsheet programs read a CSV without one in the locale's code page, which
turns Arabic into mojibake.
"""

from __future__ import annotations

import csv
import io
import json
import types
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from .corpus import AtomicWriter
from .records import DateValue, Mention, MoneyValue, PercentValue

BOM = "\ufeff"
RECORD_COLUMNS = ("doc", "kind", "start", "end", "text", "normalized", "rule")
FORMATS = ("jsonl", "csv")


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model an annotation holds (`DatePoint | None` -> DatePoint), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        for arg in get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _paths(model: type[BaseModel], prefix: str) -> Iterator[str]:
    for name, info in model.model_fields.items():
        if name == "kind" and prefix == "value":
            continue  # the record's own `kind` column says it
        nested = _model_in(info.annotation)
        if nested is None:
            yield f"{prefix}.{name}"
        else:
            yield from _paths(nested, f"{prefix}.{name}")


def value_columns() -> list[str]:
    columns: list[str] = []
    for model in (DateValue, MoneyValue, PercentValue):
        columns += [c for c in _paths(model, "value") if c not in columns]
    return columns


COLUMNS = (*RECORD_COLUMNS, *value_columns())


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _flatten(data: Mapping[str, Any], prefix: str, out: dict[str, str]) -> None:
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        if isinstance(value, Mapping):
            _flatten(value, path, out)
        else:
            out[path] = _cell(value)


def row(record: Mapping[str, Any]) -> list[str]:
    """One record in its JSON form (as in records.jsonl) -> the CSV cells, in COLUMNS order."""
    flat: dict[str, str] = {}
    _flatten(record, "", flat)
    return [flat.get(c, "") for c in COLUMNS]


def csv_text(records: Iterable[Mapping[str, Any]]) -> str:
    """The whole CSV file, byte order mark included."""
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(row(r) for r in records)
    return buf.getvalue()


def mentions_csv(mentions: Iterable[Mention]) -> str:
    return csv_text(m.model_dump(mode="json") for m in mentions)


def jsonl_to_csv(source: Path, target: Path) -> int:
    """Convert a records.jsonl file to CSV, streaming; returns the number of rows."""
    count = 0
    with source.open(encoding="utf-8") as fh, AtomicWriter(target) as out:
        out.write(BOM)
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for line in fh:
            if line.strip():
                writer.writerow(row(json.loads(line)))
                count += 1
    return count


def parse_formats(value: str) -> tuple[str, ...]:
    """`jsonl,csv` -> ("jsonl", "csv"); raises ValueError naming an unknown format."""
    names = tuple(dict.fromkeys(p.strip() for p in value.split(",") if p.strip()))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise ValueError(f"unknown format {unknown[0] if unknown else value!r}: choose from {', '.join(FORMATS)}")
    return names
