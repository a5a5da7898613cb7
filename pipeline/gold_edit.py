"""Editing a gold file without counting characters: propose drafts for texts
or folders, list records with their context, accept, reject, edit and add by
stable ids. Nothing is rewritten unless the whole file is valid before and
after the change, and every write is atomic."""

from __future__ import annotations

import datetime as dt
import enum
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .corpus import GOLD_FILE, META_FILE, DocError, discover, read_meta, read_text, write_atomic
from .engine import extract
from .gold import check_gold, load_gold, record_ids, record_key
from .records import GoldMention, Kind
from .value_words import in_words


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

    def ids(self) -> dict[int, str]:
        return record_ids(self.records)

    def id_of(self, record: GoldMention) -> str:
        return self.ids()[id(record)]


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
            f"{path} has {len(problems)} problem{'s' if len(problems) != 1 else ''} (first: line "
            f"{problems[0].line}: {problems[0].message}); fix them first (`python -m pipeline gold check`)"
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


# --- proposing drafts -------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Proposal:
    path: Path  # the gold file
    doc: str
    count: int
    unresolved: int  # relative dates left null for want of a reference date
    kept: int = 0  # reviewed records kept by --redo


@dataclass(slots=True)
class Annotation:
    proposals: list[Proposal] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # documents of a folder that already have gold


def docs_of(paths: list[Path], folder: Path) -> tuple[list[str], set[str]]:
    """Document ids of the texts and folders given (in order, without repeats),
    and those named as files (not found in a folder)."""
    found: list[str] = []
    named: set[str] = set()
    for path in paths:
        if path.is_dir():
            texts = sorted(path.resolve().rglob("*.txt"))
        elif path.suffix != ".txt":
            raise GoldEditError(f"{path}: not a .txt file or a folder")
        else:
            try:
                read_text(path)
            except DocError as exc:  # missing, unreadable, not UTF-8, empty
                raise GoldEditError(f"{path}: {exc}") from exc
            texts = [path.resolve()]
        for text in texts:
            try:
                doc = text.relative_to(folder).with_suffix("").as_posix()
            except ValueError as exc:
                raise GoldEditError(f"{path} is not under the corpus folder {folder}") from exc
            if not path.is_dir():
                named.add(doc)
            if doc not in found:
                found.append(doc)
    return found, named


def set_reference_dates(folder: Path, docs: list[str], date: dt.date) -> None:
    """Write `reference_date` for these documents into the folder's meta.json."""
    path = folder / META_FILE
    read_meta(folder)  # a malformed meta.json is refused (DocError), not overwritten
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    for doc in docs:
        data.setdefault(doc, {})["reference_date"] = date.isoformat()
    write_atomic(path, json.dumps(dict(sorted(data.items())), ensure_ascii=False, indent=2) + "\n")


def _propose(gold: GoldFile, doc: str, reference_date: dt.date | None, keep: list[GoldMention]) -> Proposal:
    raw = gold.texts.get(doc)
    if raw is None:
        raise GoldEditError(f"{doc}: cannot be read (see `python -m pipeline run`)")
    proposed = extract(raw, reference_date=reference_date, doc=doc)
    count = 0
    for m in proposed:
        if any(r.kind == m.kind and r.start < m.end and m.start < r.end for r in keep):
            continue  # a reviewed record already says what is there
        gold.records.append(
            GoldMention(
                doc=doc, kind=m.kind, start=m.start, end=m.end, text=m.text, normalized=m.normalized, draft=True
            )
        )
        count += 1
    unresolved = sum(1 for m in proposed if m.normalized is None and getattr(m.value, "relative", False))
    return Proposal(gold.path, doc, count, unresolved, len(keep))


def annotate(
    paths: list[Path], folder: Path, reference_date: dt.date | None = None, redo: list[str] | None = None
) -> Annotation:
    """Propose gold as drafts from the current extraction: for every text named
    or found in a folder that has no gold yet, and for each `redo` document
    (its drafts are proposed again, its reviewed records kept). A reference date
    is written to meta.json for those documents first."""
    folder = folder.resolve()
    docs, named = docs_of(paths, folder)
    gold = open_gold(folder)
    has_gold = {r.doc for r in gold.records}
    result = Annotation()
    todo: list[str] = []
    redo = list(redo or [])
    for doc in docs:
        if doc in redo:
            continue
        if doc not in has_gold:
            todo.append(doc)
        elif doc in named:
            raise GoldEditError(
                f"{doc} already has gold in {gold.path}; review it (`python -m pipeline gold list {doc}`) "
                f"or propose its drafts again (`annotate --redo {doc}`)"
            )
        else:
            result.skipped.append(doc)
    for doc in redo:
        if doc not in gold.texts:
            raise GoldEditError(f"--redo {doc}: no such document in {folder} (no {doc}.txt)")
    if reference_date is not None and todo + redo:
        set_reference_dates(folder, todo + redo, reference_date)
    meta = read_meta(folder)
    for doc in redo:
        keep = [r for r in gold.records if r.doc == doc and not r.draft]
        gold.records = [r for r in gold.records if r.doc != doc or not r.draft]
        result.proposals.append(_propose(gold, doc, meta.get(doc, reference_date), keep))
    for doc in todo:
        result.proposals.append(_propose(gold, doc, meta.get(doc, reference_date), []))
    save(gold)
    return result


# --- choosing records by id ------------------------------------------------


def find_record(gold: GoldFile, token: str, doc: str | None = None) -> GoldMention:
    """The record an id names (`DOC#3f2a`; `#3f2a` within `doc`)."""
    name, sep, digest = token.partition("#")
    if not sep:
        raise GoldEditError(f"{token!r} is not a record id (DOC#3f2a, from `gold list`)")
    name = name or (doc or "")
    if name not in gold.texts:
        raise GoldEditError(f"{token!r}: no document {name!r} in {gold.folder}")
    hits = [r for r in gold.records if r.doc == name and record_key(r).startswith(digest.lower())]
    if len(digest) < 4 or len(hits) > 1:
        raise GoldEditError(f"{token!r} names more than one record; give the id `gold list {name}` prints")
    if not hits:
        raise GoldEditError(f"{token!r}: no such record (ids are printed by `gold list {name}`)")
    return hits[0]


def select(gold: GoldFile, tokens: list[str]) -> list[GoldMention]:
    """Records named by ids (`DOC#3f2a`), ranges in text order
    (`DOC#3f2a..DOC#9b1c`, or `DOC#3f2a..#9b1c`), or a bare document id (all its records)."""
    chosen: dict[int, GoldMention] = {}
    for token in tokens:
        if "#" not in token:
            rows = gold.for_doc(token)
            if token not in gold.texts:
                raise GoldEditError(f"{token!r}: no document of that name in {gold.folder}")
            if not rows:
                raise GoldEditError(f"no gold records for {token!r} in {gold.path}")
        elif ".." in token:
            left, right = token.split("..", 1)
            first = find_record(gold, left, None)
            last = find_record(gold, right, first.doc)
            if last.doc != first.doc:
                raise GoldEditError(f"{token!r}: a range stays within one document")
            order = gold.for_doc(first.doc)
            a, b = sorted((order.index(first), order.index(last)))
            rows = order[a : b + 1]
        else:
            rows = [find_record(gold, token, None)]
        chosen.update((id(r), r) for r in rows)
    return list(chosen.values())


def accept(gold: GoldFile, rows: list[GoldMention]) -> int:
    """Mark drafts as reviewed; returns how many were drafts."""
    chosen = {id(r) for r in rows if r.draft}
    gold.records = [r.model_copy(update={"draft": False}) if id(r) in chosen else r for r in gold.records]
    return len(chosen)


def reject(gold: GoldFile, rows: list[GoldMention]) -> int:
    chosen = {id(r) for r in rows}
    gold.records = [r for r in gold.records if id(r) not in chosen]
    return len(chosen)


def _locate(raw: str, doc: str, text: str, occurrence: int) -> int:
    if occurrence < 1:
        raise GoldEditError("--occurrence counts from 1 (the first occurrence)")
    if not text or text != text.strip():
        raise GoldEditError("the mention text must be non-empty, without surrounding spaces")
    pos = -1
    for _ in range(occurrence):
        pos = raw.find(text, pos + 1)
        if pos < 0:
            count = raw.count(text)
            raise GoldEditError(f"{doc}: {text!r} occurs {count} time{'s' if count != 1 else ''}, not {occurrence}")
    return pos


def _no_clash(gold: GoldFile, record: GoldMention, ignore: GoldMention | None = None) -> None:
    clash = [
        r
        for r in gold.records
        if r is not ignore
        and r.doc == record.doc
        and r.kind == record.kind
        and r.start < record.end
        and record.start < r.end
    ]
    if clash:
        c = clash[0]
        raise GoldEditError(f"{record.doc}: overlaps the {c.kind} record {c.text!r} ({gold.id_of(c)}); reject it first")


def add(gold: GoldFile, doc: str, text: str, occurrence: int, kind: Kind, normalized: str | None) -> GoldMention:
    """Add a reviewed mention by its text and which occurrence of it (1 = first)."""
    raw = gold.texts.get(doc)
    if raw is None:
        raise GoldEditError(f"unknown document {doc!r} in {gold.folder}")
    pos = _locate(raw, doc, text, occurrence)
    try:
        record = GoldMention(doc=doc, kind=kind, start=pos, end=pos + len(text), text=text, normalized=normalized)
    except ValidationError as exc:  # a malformed `normalized`: the user's input, not a bug
        why = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
        raise GoldEditError(f"the change would make {gold.path} invalid: {why}") from None
    _no_clash(gold, record)
    gold.records.append(record)
    return record


class Keep(enum.Enum):
    VALUE = 0


KEEP_VALUE = Keep.VALUE  # `edit` leaves `normalized` as it is


def edit(
    gold: GoldFile,
    record: GoldMention,
    normalized: str | Keep | None = KEEP_VALUE,
    span_text: str | None = None,
    occurrence: int = 1,
) -> GoldMention:
    """Change a record's value, or move it onto the n-th occurrence of another
    text (both at once if given); the record becomes reviewed."""
    update: dict[str, object] = {"draft": False}
    if normalized is not KEEP_VALUE:
        update["normalized"] = normalized
    if span_text is not None:
        pos = _locate(gold.texts[record.doc], record.doc, span_text, occurrence)
        update.update(start=pos, end=pos + len(span_text), text=span_text)
    new = record.model_copy(update=update)
    _no_clash(gold, new, ignore=record)
    gold.records = [new if r is record else r for r in gold.records]
    return new


def drafts(records: list[GoldMention]) -> int:
    return sum(1 for r in records if r.draft)


# --- listing ---------------------------------------------------------------


def _context(raw: str, start: int, end: int, width: int = 30) -> str:
    left = raw[max(0, start - width) : start].replace("\n", " ")
    right = raw[end : end + width].replace("\n", " ")
    # U+2068/U+2069 keep the Arabic from reordering the line's columns in a terminal.
    return f"\u2068…{left}⟦{raw[start:end]}⟧{right}…\u2069"


def listing(gold: GoldFile, doc: str) -> list[str]:
    """Two lines a record: id, status, kind, value (in words where it helps);
    then the mention with 30 characters of context on both sides."""
    rows = gold.for_doc(doc)
    if not rows:
        raise GoldEditError(f"no gold records for {doc!r} in {gold.path}")
    raw = gold.texts[doc]
    hijri = {(m.start, m.end) for m in extract(raw, doc=doc) if getattr(m.value, "calendar", "") == "hijri"}
    ids = gold.ids()
    out = []
    for r in rows:
        value = "null" if r.normalized is None else r.normalized
        words = in_words(r.kind, r.normalized, hijri=(r.start, r.end) in hijri)
        said = f"  ({words})" if words != value else ""
        out.append(f"{ids[id(r)]:<16} {'draft' if r.draft else 'ok   '} {r.kind:<8} {value}{said}")
        out.append(f"    {_context(raw, r.start, r.end)}")
    return out
