"""Finding and reading corpus documents; per-document metadata; atomic writes."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TextIO

MAX_BYTES = 512 * 1024 * 1024  # one document; larger files are refused, not read
META_FILE = "meta.json"
META_KEYS = frozenset({"reference_date", "xfail"})  # xfail: read by the pytest plugin
GOLD_FILE = "gold.jsonl"


class DocError(Exception):
    """A document that cannot be processed; the message is the reason."""


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    path: Path


def discover(folder: Path) -> list[Document]:
    """Every `.txt` under `folder`, sorted by document id."""
    docs = [Document(p.relative_to(folder).with_suffix("").as_posix(), p) for p in folder.rglob("*.txt") if p.is_file()]
    return sorted(docs, key=lambda d: d.id)


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The document as MENTIONS.md counts it: UTF-8, one leading BOM removed."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocError(f"too large ({size} bytes; the limit is {max_bytes})")
        data = path.read_bytes()
    except OSError as exc:
        raise DocError(f"cannot be read ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DocError(f"is not UTF-8 (invalid byte at offset {exc.start})") from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise DocError("is empty")
    return text


def parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"not a date in YYYY-MM-DD form: {value!r}") from exc


def read_meta(folder: Path) -> dict[str, dt.date]:
    """Per-document reference dates from `meta.json`:
    `{"DOC_ID": {"reference_date": "YYYY-MM-DD"}}`."""
    path = folder / META_FILE
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DocError(f"{path}: cannot be read as JSON ({exc})") from exc
    out: dict[str, dt.date] = {}
    if not isinstance(data, dict):
        raise DocError(f"{path}: expected an object of document ids")
    known = {d.id for d in discover(folder)}
    for doc, fields in data.items():
        if doc not in known:
            raise DocError(f"{path}: {doc!r} is not a document of {folder} (no {doc}.txt)")
        if not isinstance(fields, dict) or set(fields) - META_KEYS:
            raise DocError(f'{path}: {doc}: expected an object like {{"reference_date": "YYYY-MM-DD"}}')
        if "reference_date" not in fields:
            continue
        try:
            out[doc] = parse_date(str(fields["reference_date"]))
        except ValueError as exc:
            raise DocError(f"{path}: {doc}: {exc}") from exc
    return out


class AtomicWriter:
    """A text file written under a temporary name and renamed into place on
    success, so that a reader never sees half of it; removed on failure."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self) -> TextIO:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self._tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        self._fh = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        return self._fh

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._fh.close()
        if exc_type is not None:
            Path(self._tmp).unlink(missing_ok=True)
            return
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self._tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
        os.replace(self._tmp, self.path)


def write_atomic(path: Path, content: str) -> None:
    with AtomicWriter(path) as fh:
        fh.write(content)
