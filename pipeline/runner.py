"""The corpus run: read every document, extract, stream the records, score against gold, write reports.

Memory stays bounded on large corpora: records are streamed to disk in
document order, and texts are kept only for the documents that have gold and
for the HTML report's page budget.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import GOLD_FILE, MAX_BYTES, AtomicWriter, DocError, Document, discover, read_meta, read_text, write_atomic
from .engine import extract, warm_up
from .evaluate import evaluate
from .gold import check_gold, load_gold
from .html_report import render as render_html
from .progress import Progress
from .records import GoldMention, Mention
from .report import as_json, markdown, terminal
from .wording import plural

HTML_BUDGET = 2_000_000  # characters of text shown in report.html besides the gold documents


class UsageError(Exception):
    """The run cannot start (no folder, bad meta.json or gold.jsonl); one line."""


@dataclass(frozen=True, slots=True)
class _Job:
    doc: Document
    reference_date: dt.date | None
    keep_text: bool
    max_bytes: int


@dataclass(slots=True)
class _Done:
    doc: Document
    mentions: list[Mention] = field(default_factory=list)
    text: str | None = None
    error: str | None = None
    size: int = 0


def _work(job: _Job) -> _Done:
    try:
        text = read_text(job.doc.path, job.max_bytes)
    except DocError as exc:
        return _Done(job.doc, error=str(exc))
    try:
        mentions = extract(text, reference_date=job.reference_date, doc=job.doc.id)
    except Exception as exc:  # a bug of ours must cost one document, not the run
        return _Done(job.doc, error=f"extraction failed ({type(exc).__name__}: {exc}); please report it")
    return _Done(job.doc, mentions, text if job.keep_text else None, size=len(text))


def _results(jobs: list[_Job], workers: int) -> Iterator[_Done]:
    """Results in document order, whatever the number of workers."""
    if workers <= 1 or len(jobs) <= 1:
        yield from map(_work, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=warm_up) as pool:
        yield from pool.map(_work, jobs, chunksize=4)


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

    sizes = {d.id: _size(d) for d in docs}
    budget = HTML_BUDGET
    job_list = []
    for d in docs:
        keep = d.id in gold_docs or sizes[d.id] <= budget
        if d.id not in gold_docs and keep:
            budget -= sizes[d.id]
        job_list.append(_Job(d, meta.get(d.id, reference_date), keep, max_bytes))

    warm_up()
    progress = Progress(sum(sizes.values()), quiet=quiet)
    texts: dict[str, str] = {}
    kept: list[Mention] = []
    failed = processed = count = 0
    failures: dict[str, str] = {}  # doc id -> reason, for the evaluation
    # records.jsonl is renamed into place only when the whole run succeeds, so a
    # failed run leaves the previous outputs as they were.
    with AtomicWriter(out / "records.jsonl") as fh:
        for done in _results(job_list, jobs):
            progress.step(done.doc.id, sizes[done.doc.id])
            if done.error is not None:
                progress.clear()
                print(f"error: {done.doc.path}: {done.error}", file=sys.stderr)
                failed += 1
                failures[done.doc.id] = done.error
                continue
            processed += 1
            count += len(done.mentions)
            for m in done.mentions:
                fh.write(json.dumps(m.model_dump(mode="json"), ensure_ascii=False) + "\n")
            if done.text is not None:
                texts[done.doc.id] = done.text
                kept.extend(done.mentions)
        progress.done()
        if gold_path.exists():
            missing = {d.id: "" for d in docs if d.id not in texts}
            problems = [p for p in check_gold(numbered, {**texts, **missing}) if "(length 0)" not in p.message]
            if problems:
                first = problems[0]
                raise UsageError(_gold_message(gold_path, folder, first.line, first.message, len(problems)))
    summary = f"{plural(processed, 'document')}, {plural(count, 'mention')} -> {out / 'records.jsonl'}"

    gold: list[GoldMention] | None = None
    ev = None
    if not gold_path.exists():
        for stale in ("report.md", "report.json"):  # from an earlier run with gold
            (out / stale).unlink(missing_ok=True)
    else:
        gold = [r for _, r in numbered]
        # A document with unreviewed drafts is not scored: its gold is not gold yet.
        drafted = sorted({r.doc for r in gold if r.draft})
        scored = [d for d in texts if d in gold_docs and d not in drafted]
        lost = {d: why for d, why in failures.items() if d in gold_docs and d not in drafted}
        ev = evaluate(kept, [g for g in gold if g.doc in scored or g.doc in lost], texts, scored, failed=lost)
        n_drafts = sum(1 for r in gold if r.draft)
        write_atomic(out / "report.md", markdown(ev, drafts=n_drafts))
        write_atomic(out / "report.json", as_json(ev))
        print(terminal(ev, color=sys.stdout.isatty()))
        if n_drafts:
            where = f"{plural(n_drafts, 'draft gold record')} in {plural(len(drafted), 'document')}"
            print(f"{where} {'is' if n_drafts == 1 else 'are'} unreviewed and not scored: {', '.join(drafted)} "
                  f"(review with `python -m pipeline review {folder}` or `gold list {drafted[0]}`)")  # fmt: skip
        summary += f"; report -> {out / 'report.md'}, {out / 'report.json'}"
    omitted = processed - len(texts)
    write_atomic(out / "report.html", render_html(texts, kept, gold, ev, omitted=omitted))
    summary += f", {out / 'report.html'}"
    print(summary)
    if failed:
        print(f"error: {failed} of {len(docs)} files failed", file=sys.stderr)
    return failed
