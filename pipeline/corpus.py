"""Finding and reading corpus documents; per-document metadata; atomic writes."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import signal
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TextIO

from .calendars import check_reference_year

MAX_MB = 1024  # default --max-mb: documents are streamed, so this bounds run time, not memory
MAX_BYTES = MAX_MB * 1024 * 1024
META_FILE = "meta.json"
META_KEYS = frozenset({"reference_date", "xfail"})  # xfail: read by the pytest plugin
GOLD_FILE = "gold.jsonl"
BLOCK = 1 << 20  # bytes read at a time
AUTO = "auto"
_SAMPLE = 1 << 16  # bytes looked at to tell a binary file and to detect an encoding
_CONTROL_BYTES = bytes(c for c in [*range(1, 32), 0x7F] if chr(c) not in "\t\n\r\f\v")
_BOMS = (  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DocError(Exception):
    """A document that cannot be processed; the message is the reason."""


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    path: Path


def discover(folder: Path) -> list[Document]:
    """Every `.txt` under `folder`, sorted by document id, broken links included
    (they are reported when read, not skipped in silence)."""
    docs = [
        Document(p.relative_to(folder).with_suffix("").as_posix(), p) for p in folder.rglob("*.txt") if not p.is_dir()
    ]
    return sorted(docs, key=lambda d: d.id)


def check_encoding(name: str) -> str:
    """A codec name Python knows, or `auto`; raises ValueError naming the problem."""
    if name == AUTO:
        return name
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding {name!r} (use a Python codec name such as cp1256, or auto)") from None


@dataclass(frozen=True, slots=True)
class Source:
    """A document checked and ready to be read: its size, the encoding it is read
    with, and a warning for an empty file."""

    path: Path
    size: int
    encoding: str
    warning: str | None = None


def _bom_encoding(head: bytes) -> str | None:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return None


def detect_encoding(data: bytes) -> str:
    """The encoding of some bytes (a byte-order mark, else charset-normalizer on a sample); raises DocError."""
    return _detect(data[:_SAMPLE])


def _detect(head: bytes) -> str:
    bom = _bom_encoding(head)
    if bom is not None:
        return bom
    from charset_normalizer import from_bytes  # imported only when asked for: it is slow to import

    best = from_bytes(head[:_SAMPLE]).best() if head else None
    if best is None:
        raise DocError("encoding could not be detected (--encoding auto); give it with --encoding NAME")
    name = codecs.lookup(best.encoding).name
    # ASCII alone in the sample says nothing of what follows: UTF-8 reads ASCII too.
    return "utf-8" if name == "ascii" else name


def _looks_binary(head: bytes) -> str | None:
    """A file whose first bytes are NUL or other control bytes is not text in an
    8-bit or UTF-8 encoding (a UTF-16 file read as UTF-8 looks like this too)."""
    if not head:
        return None
    nul = head.count(0)
    control = nul + sum(head.count(b) for b in _CONTROL_BYTES)
    if control * 10 <= len(head):
        return None
    what = "NUL bytes" if nul * 20 > len(head) else f"{100 * control // len(head)}% control bytes"
    return f"looks binary ({what})"


def open_source(path: Path, encoding: str = "utf-8", max_bytes: int = MAX_BYTES) -> Source:
    """Check that a document can be read, and decide its encoding, reading it
    through once in blocks (so a decoding error is found before any extraction);
    raises DocError with the reason."""
    try:
        if path.is_symlink() and not path.exists():
            raise DocError("is a broken link")
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise DocError("is not a regular file")  # a FIFO or a device would block or never end
        size = st.st_size
        if size > max_bytes:
            raise DocError(
                f"too large ({size / 1e6:.1f} MB; the limit is {max_bytes // (1024 * 1024)} MB: raise it with --max-mb)"
            )
        asked = encoding
        with path.open("rb") as fh:
            head = fh.read(_SAMPLE)
            if encoding == AUTO:
                encoding = _detect(head)
            elif (wide := _bom_encoding(head)) in ("utf-16", "utf-32") and not encoding.startswith(wide):
                raise DocError(f"starts with a {wide.upper()} byte-order mark: try --encoding auto")
            if not encoding.startswith(("utf-16", "utf-32")) and (binary := _looks_binary(head)) is not None:
                hint = "; if it is text in another encoding (UTF-16?), try --encoding auto" if asked != AUTO else ""
                raise DocError(binary + hint)
            decoder = codecs.getincrementaldecoder(encoding)("strict")
            offset = 0
            blank = True
            block = head
            while block:
                held = len(decoder.getstate()[0])  # bytes of a character begun in the block before
                try:
                    text = decoder.decode(block)
                except UnicodeDecodeError as exc:
                    raise DocError(_decode_message(asked, encoding, offset - held + exc.start)) from exc
                blank = blank and not text.strip()
                offset += len(block)
                block = fh.read(BLOCK)
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                raise DocError(_decode_message(asked, encoding, offset - len(exc.object) + exc.start)) from exc
    except OSError as exc:
        raise DocError(f"cannot be read ({exc.strerror or exc})") from exc
    warning = None
    if blank:
        warning = "is empty" if size == 0 else "has only whitespace"
    return Source(path, size, encoding, warning)


def _decode_message(asked: str, encoding: str, offset: int) -> str:
    if asked == AUTO:
        return (
            f"cannot be decoded as {encoding}, the encoding detected (invalid byte at offset {offset}); "
            "give the right one with --encoding NAME"
        )
    if encoding in ("utf-8", "utf_8"):
        return f"is not UTF-8 (invalid byte at offset {offset}); try --encoding auto, or --encoding cp1256"
    return f"cannot be decoded as {encoding} (invalid byte at offset {offset}); try --encoding auto"


def read_chunks(source: Source) -> Iterator[str]:
    """The document's text in blocks, one leading BOM removed (offsets count from there)."""
    decoder = codecs.getincrementaldecoder(source.encoding)("replace")
    first = True
    with source.path.open("rb") as fh:
        while block := fh.read(BLOCK):
            text = decoder.decode(block)
            if first and text:
                text, first = text.removeprefix("\ufeff"), False
            if text:
                yield text
        tail = decoder.decode(b"", final=True)
        if tail:
            yield tail.removeprefix("\ufeff") if first else tail


def read_text(path: Path, max_bytes: int = MAX_BYTES, encoding: str = "utf-8") -> str:
    """The whole document as MENTIONS.md counts it, one leading BOM removed;
    raises DocError for an unreadable, binary or empty file."""
    source = open_source(path, encoding, max_bytes)
    if source.warning is not None:
        raise DocError(source.warning)
    try:
        return "".join(read_chunks(source))
    except OSError as exc:
        raise DocError(f"cannot be read ({exc.strerror or exc})") from exc


def parse_date(value: str) -> dt.date:
    try:
        d = dt.date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"not a date in YYYY-MM-DD form: {value!r}") from exc
    return check_reference_year(d)


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


class Outputs:
    """The files of one run, written under temporary names and renamed into place
    together at the end, with SIGINT and SIGTERM held back meanwhile: an
    interrupted or failed run leaves the earlier outputs whole (all old or all new)
    and no temporary file behind."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._staged: list[tuple[str, Path]] = []  # (temporary file, final name)
        self._removed: list[Path] = []

    def __enter__(self) -> Outputs:
        return self

    def open(self, name: str) -> TextIO:
        # Held back until the file is listed: a signal between its creation and the listing left it behind.
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}.", suffix=".tmp")
            self._staged.append((tmp, self.folder / name))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
        return os.fdopen(fd, "w", encoding="utf-8", newline="\n")

    def write(self, name: str, content: str) -> None:
        with self.open(name) as fh:
            fh.write(content)

    def remove(self, name: str) -> None:
        """A file of an earlier run that this run makes stale."""
        self._removed.append(self.folder / name)

    def commit(self) -> None:
        umask = os.umask(0)
        os.umask(umask)
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            for tmp, final in self._staged:
                os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file the usual mode
                os.replace(tmp, final)
            for path in self._removed:
                path.unlink(missing_ok=True)
            self._staged.clear()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        for tmp, _ in self._staged:  # not committed: nothing of this run stays
            Path(tmp).unlink(missing_ok=True)


def write_atomic(path: Path, content: str) -> None:
    with AtomicWriter(path) as fh:
        fh.write(content)
