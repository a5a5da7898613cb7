"""The corpus run: read every document, extract, stream the records, score against gold, write reports.

Memory stays flat whatever the corpus: a document is read in pieces (see
`segments.py`), each piece's records are written as soon as they are ready and
in document order, and texts and mentions are kept only for the documents
with gold and for the HTML report's page budget. The same piece tasks run in
this process, in worker processes (`--jobs N`) or on a Dask cluster
(`--engine dask`), and give byte-identical outputs.
"""

from __future__ import annotations

import datetime as dt
import json
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

from .corpus import (
    GOLD_FILE,
    MAX_BYTES,
    DocError,
    Document,
    Outputs,
    Source,
    discover,
    open_source,
    read_chunks,
    read_meta,
)
from .engine import doc_currencies_seen, extract_piece, warm_up
from .evaluate import evaluate
from .gold import check_gold, load_gold
from .html_report import render as render_html
from .progress import Progress
from .records import GoldMention, Mention
from .report import as_json, markdown, terminal
from .segments import Piece, pieces
from .wording import plural

HTML_BUDGET = 2_000_000  # characters of text shown in report.html besides the gold documents
DOCUMENTS_FILE = "documents.jsonl"


class UsageError(Exception):
    """The run cannot start (no folder, bad meta.json or gold.jsonl); one line."""


# ---------------------------------------------------------------- tasks (run in workers)


@dataclass(frozen=True, slots=True)
class PieceResult:
    records: str  # JSON lines, in text order
    count: int
    mentions: list[Mention] | None  # kept for scoring and the HTML report
    error: str | None = None


def record_line(m: Mention) -> str:
    return json.dumps(m.model_dump(mode="json"), ensure_ascii=False) + "\n"


def extract_task(
    piece: Piece, reference_date: dt.date | None, doc: str, currencies: dict[str, str] | None, keep: bool
) -> PieceResult:
    try:
        mentions = extract_piece(piece, reference_date, doc, currencies)
    except Exception as exc:  # a bug of ours must cost one piece of one document, not the run
        where = f"characters {piece.offset + piece.own_start}-{piece.offset + piece.own_end}"
        return PieceResult("", 0, None, f"extraction failed at {where} ({type(exc).__name__}: {exc}); please report it")
    return PieceResult("".join(map(record_line, mentions)), len(mentions), mentions if keep else None)


def scan_task(piece: Piece) -> dict[str, set[str]]:
    seen: dict[str, set[str]] = {}
    doc_currencies_seen(piece, seen)
    return seen


def _worker_init() -> None:
    # The parent handles interruptions: a worker just stops when the pool does.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    warm_up()


# ---------------------------------------------------------------- engines


class _Future(Protocol):
    def result(self) -> Any: ...


class Engine(Protocol):
    workers: int

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> _Future: ...

    def close(self) -> None: ...


class _Done:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class SerialEngine:
    workers = 1

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> _Future:
        return _Done(fn(*args))

    def close(self) -> None:
        pass


class ProcessEngine:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = self._new()

    def _new(self) -> ProcessPoolExecutor:
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(max_workers=self.workers, initializer=_worker_init)

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> _Future:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._pool.submit(fn, *args)
        except BrokenProcessPool:  # a worker died (out of memory, killed): a new pool goes on
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = self._new()
            return self._pool.submit(fn, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskEngine:
    """Pieces as tasks on a `dask.distributed` cluster (a local one without a scheduler address)."""

    def __init__(self, workers: int, scheduler: str | None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise UsageError(
                "--engine dask needs dask.distributed: pip install 'arabic-mentions[dask]' (or pip install distributed)"
            ) from None
        self._cluster: Any = None
        try:
            if scheduler is None:
                self._cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
                self._client = Client(self._cluster)  # type: ignore[no-untyped-call]
            else:
                self._client = Client(scheduler, timeout="20s")  # type: ignore[no-untyped-call]
        except (OSError, ValueError, TypeError) as exc:  # unreachable, or not an address at all
            raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})) or workers)

    def submit(self, fn: Callable[..., Any], /, *args: Any) -> _Future:
        return self._client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self._client.close()  # type: ignore[no-untyped-call]
        if self._cluster is not None:
            self._cluster.close()


def make_engine(name: str, jobs: int, scheduler: str | None) -> Engine:
    if name == "dask":
        return DaskEngine(jobs, scheduler)
    if scheduler is not None:
        raise UsageError("--scheduler needs --engine dask")
    return ProcessEngine(jobs) if jobs > 1 else SerialEngine()


# ---------------------------------------------------------------- the run


@dataclass(frozen=True, slots=True)
class Job:
    doc: Document
    reference_date: dt.date | None
    keep: bool


@dataclass(slots=True)
class DocStatus:
    """One line of documents.jsonl: every file is accounted for."""

    doc: str
    bytes: int = 0
    encoding: str | None = None
    mentions: int = 0
    status: str = "ok"  # ok | warning | failed
    reason: str | None = None

    def line(self) -> str:
        fields = {k: getattr(self, k) for k in ("doc", "bytes", "encoding", "mentions", "status", "reason")}
        return json.dumps(fields, ensure_ascii=False) + "\n"


@dataclass(slots=True)
class _Outcome:
    texts: dict[str, str] = field(default_factory=dict)
    kept: list[Mention] = field(default_factory=list)
    statuses: list[DocStatus] = field(default_factory=list)
    count: int = 0

    @property
    def failed(self) -> list[DocStatus]:
        return [s for s in self.statuses if s.status == "failed"]


class _Pending:
    """Submitted piece tasks, drained in submission order with a bound on how
    many are in flight (memory stays flat, output stays in document order)."""

    def __init__(self, engine: Engine, out: IO[str], outcome: _Outcome, progress: Progress) -> None:
        self.engine = engine
        self.limit = 2 * engine.workers + 2
        self.queue: deque[tuple[DocStatus, _Future, int, tuple[Any, ...]]] = deque()
        self.out = out
        self.outcome = outcome
        self.progress = progress
        self._progressed: dict[str, int] = {}  # bytes counted so far per document

    def add(self, status: DocStatus, size: int, *task: Any) -> None:
        """Submit `extract_task(*task)` for a piece of `size` bytes (-1: the rest of the file)."""
        self.queue.append((status, self.engine.submit(extract_task, *task), size, task))
        while len(self.queue) > self.limit:
            self.pop()

    def _result(self, fut: _Future, task: tuple[Any, ...]) -> PieceResult:
        try:
            res: PieceResult = fut.result()
            return res
        except Exception:  # a worker died (out of memory, killed): the piece is tried once more
            pass
        try:
            res = self.engine.submit(extract_task, *task).result()
            return res
        except Exception as exc:  # twice: this piece is lost, and said so
            return PieceResult("", 0, None, f"a worker failed twice on it ({type(exc).__name__}: {exc})")

    def pop(self) -> None:
        status, fut, size, task = self.queue.popleft()
        res = self._result(fut, task)
        done = self._progressed.get(status.doc, 0)
        step = max(0, status.bytes - done) if size < 0 else min(size, max(0, status.bytes - done))
        self._progressed[status.doc] = done + step
        self.progress.advance(step)
        if res.error is not None:
            status.status, status.reason = "failed", res.error
            self.progress.message(f"error: {status.doc}: {res.error}")
        self.out.write(res.records)
        status.mentions += res.count
        self.outcome.count += res.count
        if res.mentions is not None:
            self.outcome.kept.extend(res.mentions)

    def drain(self) -> None:
        while self.queue:
            self.pop()


def _submit_document(job: Job, source: Source, pending: _Pending, status: DocStatus, text: str | None) -> None:
    engine = pending.engine
    chunks: Callable[[], Iterator[str]] = (lambda: iter([text])) if text is not None else (lambda: read_chunks(source))
    parts = pieces(chunks())
    first = next(parts)
    ref, doc, keep = job.reference_date, job.doc.id, job.keep
    if first.last:  # one piece: its currency qualifiers are read with it
        pending.add(status, -1, first, ref, doc, None, keep)
        return
    # A long document: first which currency each shared name means, from all its pieces.
    seen: dict[str, set[str]] = {}
    scans: deque[_Future] = deque()
    for piece in pieces(chunks()):
        scans.append(engine.submit(scan_task, piece))
        while len(scans) > pending.limit:
            _merge(seen, scans.popleft().result())
    while scans:
        _merge(seen, scans.popleft().result())
    currencies = {lemma: next(iter(codes)) for lemma, codes in seen.items() if len(codes) == 1}
    for piece in pieces(chunks()):
        # A piece's share of the bytes, from the characters it owns (the last one takes the rest).
        pending.add(status, _share(piece, source), piece, ref, doc, currencies, keep)


def _share(piece: Piece, source: Source) -> int:
    if piece.last:
        return -1  # the rest of the file
    return (piece.own_end - piece.own_start) * 2  # Arabic UTF-8 is about two bytes a character


def _merge(seen: dict[str, set[str]], more: dict[str, set[str]]) -> None:
    for lemma, codes in more.items():
        seen.setdefault(lemma, set()).update(codes)


def _gold_message(path: Path, folder: Path, line: int, message: str, count: int) -> str:
    where = f"line {line}: " if line else ""
    more = f" ({count} problems)" if count > 1 else ""
    return f"{path}: {where}{message}{more}; run `python -m pipeline gold check {folder}`"


def _size(doc: Document) -> int:
    try:
        return doc.path.stat().st_size
    except OSError:
        return 0


def run(
    folder: Path,
    out: Path,
    reference_date: dt.date | None = None,
    jobs: int = 1,
    quiet: bool = False,
    max_bytes: int = MAX_BYTES,
    encoding: str = "utf-8",
    engine: str = "local",
    scheduler: str | None = None,
) -> int:
    """Returns the number of documents that failed; raises UsageError."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise UsageError(f"{out}: is not a folder (choose another --out)") from None
    except OSError as exc:
        raise UsageError(f"{out}: cannot be created ({exc.strerror or exc})") from None
    if not out.is_dir():
        raise UsageError(f"{out}: is not a folder (choose another --out)")
    docs = discover(folder)
    if not docs:
        raise UsageError(f"{folder}: no .txt files found")
    try:
        meta = read_meta(folder)
    except DocError as exc:
        raise UsageError(str(exc)) from exc
    gold_path = folder / GOLD_FILE
    numbered: list[tuple[int, GoldMention]] = []
    if gold_path.exists():
        numbered, problems = load_gold(gold_path)
        if problems:
            raise UsageError(_gold_message(gold_path, folder, problems[0].line, problems[0].message, len(problems)))
    gold_docs = {r.doc for _, r in numbered}

    progress = Progress(sum(_size(d) for d in docs), quiet=quiet)
    outcome = _Outcome()
    # Check every file first (encoding, size, binary), and the gold against its
    # texts, so that a bad gold line stops the run before any extraction.
    sources: dict[str, Source] = {}
    for d in docs:
        status = DocStatus(d.id)
        outcome.statuses.append(status)
        try:
            source = open_source(d.path, encoding, max_bytes)
        except DocError as exc:
            status.status, status.reason, status.bytes = "failed", str(exc), _size(d)
            progress.message(f"error: {d.path}: {exc}")
            progress.advance(status.bytes)  # nothing more to do for it
            continue
        sources[d.id] = source
        status.bytes, status.encoding = source.size, source.encoding
        if source.warning is not None:
            status.status, status.reason = "warning", source.warning
            progress.message(f"warning: {d.path}: {source.warning}")
        if d.id in gold_docs:
            outcome.texts[d.id] = "".join(read_chunks(source))
    if gold_path.exists():
        # Gold of an unreadable document is not checked (it counts as missed); unknown documents are reported.
        known = {d.id for d in docs}
        problems = check_gold(
            [(n, r) for n, r in numbered if r.doc in outcome.texts or r.doc not in known], outcome.texts
        )
        if problems:
            first = problems[0]
            raise UsageError(_gold_message(gold_path, folder, first.line, first.message, len(problems)))

    budget = HTML_BUDGET
    job_list: list[Job] = []
    for d in docs:
        if d.id not in sources:
            continue
        keep = d.id in gold_docs or sources[d.id].size <= budget
        if d.id not in gold_docs and keep:
            budget -= sources[d.id].size
        job_list.append(Job(d, meta.get(d.id, reference_date), keep))

    statuses = {s.doc: s for s in outcome.statuses}
    eng = make_engine(engine, jobs, scheduler)
    warm_up()
    # Every output is renamed into place together when the whole run succeeds, so
    # a failed or interrupted run leaves the previous outputs as they were.
    with Outputs(out) as outputs:
        try:
            with outputs.open("records.jsonl") as fh:
                pending = _Pending(eng, fh, outcome, progress)
                for job in job_list:
                    _submit_or_fail(job, sources[job.doc.id], pending, statuses[job.doc.id], outcome)
                pending.drain()
        finally:
            eng.close()
        progress.done()
        outputs.write(DOCUMENTS_FILE, "".join(s.line() for s in outcome.statuses))
        _reports(folder, out, outputs, outcome, numbered, gold_docs, len(docs))
        outputs.commit()
    failed = outcome.failed
    if failed:
        print(f"error: {len(failed)} of {plural(len(docs), 'file')} failed", file=sys.stderr)
    return len(failed)


def _submit_or_fail(job: Job, source: Source, pending: _Pending, status: DocStatus, outcome: _Outcome) -> None:
    """Read and submit one document; a file gone or unreadable since it was checked fails alone."""
    try:
        text = outcome.texts.get(job.doc.id)
        if text is None and job.keep and source.size <= HTML_BUDGET:
            text = "".join(read_chunks(source))
            outcome.texts[job.doc.id] = text
        _submit_document(job, source, pending, status, text)
    except OSError as exc:
        status.status, status.reason = "failed", f"cannot be read ({exc.strerror or exc})"
        outcome.texts.pop(job.doc.id, None)
        pending.progress.message(f"error: {job.doc.path}: {status.reason}")


def _reports(
    folder: Path,
    out: Path,
    outputs: Outputs,
    outcome: _Outcome,
    numbered: list[tuple[int, GoldMention]],
    gold_docs: set[str],
    n: int,
) -> None:
    failed = {s.doc for s in outcome.failed}
    processed = n - len(failed)
    summary = f"{plural(processed, 'document')}, {plural(outcome.count, 'mention')} -> {out / 'records.jsonl'}"
    gold_path = folder / GOLD_FILE
    texts = {d: t for d, t in outcome.texts.items() if d not in failed}
    kept = [m for m in outcome.kept if m.doc not in failed]
    gold: list[GoldMention] | None = None
    ev = None
    if not gold_path.exists():
        for stale in ("report.md", "report.json"):  # from an earlier run with gold
            outputs.remove(stale)
    else:
        gold = [r for _, r in numbered]
        # A document with unreviewed drafts is not scored: its gold is not gold yet.
        drafted = sorted({r.doc for r in gold if r.draft})
        # A document that failed is scored with nothing found: its gold counts as missed.
        lost = {s.doc: s.reason or "failed" for s in outcome.failed if s.doc in gold_docs and s.doc not in drafted}
        scored = sorted(d for d in gold_docs if d not in drafted and d in texts)
        ev = evaluate(kept, [g for g in gold if g.doc in scored or g.doc in lost], texts, scored, failed=lost)
        n_drafts = sum(1 for r in gold if r.draft)
        outputs.write("report.md", markdown(ev, drafts=n_drafts))
        outputs.write("report.json", as_json(ev))
        print(terminal(ev, color=sys.stdout.isatty()))
        if lost:
            print(f"error: {plural(len(lost), 'document')} with gold failed; all their gold counts as "
                  f"missed: {', '.join(sorted(lost))}", file=sys.stderr)  # fmt: skip
        if n_drafts:
            where = f"{plural(n_drafts, 'draft gold record')} in {plural(len(drafted), 'document')}"
            print(f"{where} {'is' if n_drafts == 1 else 'are'} unreviewed and not scored: {', '.join(drafted)} "
                  f"(review with `python -m pipeline review {folder}` or `gold list {drafted[0]}`)")  # fmt: skip
        summary += f"; report -> {out / 'report.md'}, {out / 'report.json'}"
    omitted = processed - len(texts)
    outputs.write("report.html", render_html(texts, kept, gold, ev, omitted=omitted))
    summary += f", {out / 'report.html'}"
    print(summary)
