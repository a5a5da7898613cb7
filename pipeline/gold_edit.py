"""Editing a gold file without counting characters: propose drafts, accept,
reject, add by text. Nothing is rewritten unless the whole file is valid
before and after the change."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from .corpus import GOLD_FILE, DocError, discover, read_meta, read_text, write_atomic
from .engine import extract
from .gold import check_gold, load_gold
from .records import GoldMention, Kind


class GoldEditError(Exception):
    """A refused edit; the message says why."""


@dataclass(slots=True)
class GoldFile:
    folder: Path
    records: list[GoldMention]
    texts: dict[str, str]

    @property
    def path(self) -> Path:
        return self.folder / GOLD_FILE

    def for_doc(self, doc: str) -> list[GoldMention]:
        return sorted((r for r in self.records if r.doc == doc), key=lambda r: (r.start, r.end, r.kind))


def corpus_folder_of(text_path: Path) -> Path:
    """The corpus folder holding a text: the nearest ancestor with a gold file
    or meta.json, else the text's own folder."""
    for folder in text_path.resolve().parents:
        if (folder / GOLD_FILE).exists() or (folder / "meta.json").exists():
            return folder
    return text_path.resolve().parent


def open_gold(folder: Path) -> GoldFile:
    texts: dict[str, str] = {}
    for doc in discover(folder):
        try:
            texts[doc.id] = read_text(doc.path)
        except DocError:
            continue
    path = folder / GOLD_FILE
    if not path.exists():
        return GoldFile(folder, [], texts)
    numbered, problems = load_gold(path)
    problems += check_gold(numbered, texts)
    if problems:
        raise GoldEditError(
            f"{path} has {len(problems)} problems (first: line {problems[0].line}: {problems[0].message}); "
            "fix them first (`python -m pipeline gold check`)"
        )
    return GoldFile(folder, [r for _, r in numbered], texts)


def save(gold: GoldFile) -> None:
    numbered = list(enumerate(gold.records, 1))
    problems = check_gold(numbered, gold.texts)
    if problems:
        raise GoldEditError(f"the change would make {gold.path} invalid: {problems[0].message}")
    rows = sorted(gold.records, key=lambda r: (r.doc, r.start, r.end, r.kind))
    lines = [json.dumps(r.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False) for r in rows]
    write_atomic(gold.path, "".join(line + "\n" for line in lines))


@dataclass(frozen=True, slots=True)
class Proposal:
    path: Path  # the gold file
    doc: str
    count: int
    unresolved: int  # relative dates left null for want of a reference date


def annotate(text_path: Path, reference_date: dt.date | None = None, folder: Path | None = None) -> Proposal:
    """Propose gold for one text from the current extraction, as drafts. The
    reference date is the argument, else the document's in meta.json."""
    if text_path.suffix != ".txt":
        raise GoldEditError(f"{text_path}: not a .txt file")
    read_text(text_path)  # a missing, unreadable or non-UTF-8 file says why (DocError)
    folder = (folder or corpus_folder_of(text_path)).resolve()
    gold = open_gold(folder)
    try:
        doc = text_path.resolve().relative_to(folder).with_suffix("").as_posix()
    except ValueError as exc:
        raise GoldEditError(f"{text_path} is not under the corpus folder {folder}") from exc
    if any(r.doc == doc for r in gold.records):
        raise GoldEditError(f"{doc} already has gold in {gold.path}; use `gold list {doc}` to review it")
    if reference_date is None:
        reference_date = read_meta(folder).get(doc)
    proposed = extract(gold.texts[doc], reference_date=reference_date, doc=doc)
    for m in proposed:
        gold.records.append(
            GoldMention(
                doc=doc, kind=m.kind, start=m.start, end=m.end, text=m.text, normalized=m.normalized, draft=True
            )
        )
    save(gold)
    unresolved = sum(1 for m in proposed if m.normalized is None and getattr(m.value, "relative", False))
    return Proposal(gold.path, doc, len(proposed), unresolved)


def _pick(gold: GoldFile, doc: str, indexes: list[int]) -> list[GoldMention]:
    rows = gold.for_doc(doc)
    if not rows:
        raise GoldEditError(f"no gold records for {doc!r}")
    bad = [i for i in indexes if not 1 <= i <= len(rows)]
    if bad:
        raise GoldEditError(f"{doc}: no record number {bad[0]} (1–{len(rows)}; see `gold list {doc}`)")
    return [rows[i - 1] for i in indexes]


def accept(gold: GoldFile, doc: str, indexes: list[int] | None) -> int:
    """Mark drafts as reviewed: the given record numbers, or all of the document."""
    rows = gold.for_doc(doc) if indexes is None else _pick(gold, doc, indexes)
    chosen = {id(r) for r in rows if r.draft}
    gold.records = [r.model_copy(update={"draft": False}) if id(r) in chosen else r for r in gold.records]
    return len(chosen)


def reject(gold: GoldFile, doc: str, indexes: list[int]) -> int:
    chosen = {id(r) for r in _pick(gold, doc, indexes)}
    gold.records = [r for r in gold.records if id(r) not in chosen]
    return len(chosen)


def add(gold: GoldFile, doc: str, text: str, occurrence: int, kind: Kind, normalized: str | None) -> GoldMention:
    """Add a reviewed mention by its text and which occurrence of it (1 = first)."""
    if occurrence < 1:
        raise GoldEditError("--occurrence counts from 1 (the first occurrence)")
    raw = gold.texts.get(doc)
    if raw is None:
        raise GoldEditError(f"unknown document {doc!r} in {gold.folder}")
    if not text or text != text.strip():
        raise GoldEditError("the mention text must be non-empty, without surrounding spaces")
    pos = -1
    for _ in range(occurrence):
        pos = raw.find(text, pos + 1)
        if pos < 0:
            count = raw.count(text)
            raise GoldEditError(f"{doc}: {text!r} occurs {count} time(s), not {occurrence}")
    record = GoldMention(doc=doc, kind=kind, start=pos, end=pos + len(text), text=text, normalized=normalized)
    clash = [
        r for r in gold.records if r.doc == doc and r.kind == kind and r.start < record.end and record.start < r.end
    ]
    if clash:
        raise GoldEditError(f"{doc}: overlaps the {kind} record {clash[0].text!r} at {clash[0].start}; reject it first")
    gold.records.append(record)
    return record


def drafts(records: list[GoldMention]) -> int:
    return sum(1 for r in records if r.draft)
