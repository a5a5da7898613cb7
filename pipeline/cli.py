"""Command line: `run` a corpus, `extract` from text, `gold check` a gold file."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from .corpus import GOLD_FILE, DocError, discover, parse_date, read_meta, read_text, write_atomic
from .engine import extract
from .evaluate import evaluate
from .gold import check_gold, load_gold
from .progress import Progress
from .records import Mention
from .report import as_json, markdown, terminal

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _date_arg(value: str) -> dt.date:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _err(msg: str) -> None:
    print(f"error: {msg}", file=sys.stderr)


def records_jsonl(mentions: list[Mention]) -> str:
    rows = sorted(mentions, key=lambda m: (m.doc or "", m.start, m.end, m.kind))
    return "".join(json.dumps(m.model_dump(mode="json"), ensure_ascii=False) + "\n" for m in rows)


def cmd_run(args: argparse.Namespace) -> int:
    folder: Path = args.corpus
    if not folder.is_dir():
        _err(f"{folder}: not a folder")
        return EXIT_USAGE
    docs = discover(folder)
    if not docs:
        _err(f"{folder}: no .txt files found")
        return EXIT_USAGE
    try:
        meta = read_meta(folder)
    except DocError as exc:
        _err(str(exc))
        return EXIT_USAGE
    failed = 0
    mentions: list[Mention] = []
    texts: dict[str, str] = {}
    progress = Progress(len(docs), quiet=args.quiet)
    for doc in docs:
        progress.step(doc.id)
        try:
            text = read_text(doc.path)
        except DocError as exc:
            progress.clear()
            _err(f"{doc.path}: {exc}")
            failed += 1
            continue
        texts[doc.id] = text
        ref = meta.get(doc.id, args.reference_date)
        mentions.extend(extract(text, reference_date=ref, doc=doc.id))
    progress.done()
    out: Path = args.out
    write_atomic(out / "records.jsonl", records_jsonl(mentions))
    summary = f"{len(texts)} documents, {len(mentions)} mentions -> {out / 'records.jsonl'}"
    gold_path = folder / GOLD_FILE
    if gold_path.exists():
        records, problems = load_gold(gold_path)
        problems += check_gold(records, {**texts, **{d.id: "" for d in docs if d.id not in texts}})
        problems = [p for p in problems if "outside the document (length 0)" not in p.message]
        if problems:
            for p in problems[:20]:
                _err(f"{gold_path}: {p}")
            _err(f"{gold_path}: {len(problems)} problems; run `python -m pipeline gold check` for all")
            return EXIT_USAGE
        gold = [r for _, r in records]
        ev = evaluate(mentions, gold, texts, texts.keys())
        write_atomic(out / "report.md", markdown(ev))
        write_atomic(out / "report.json", as_json(ev))
        print(terminal(ev))
        summary += f"; report -> {out / 'report.md'}"
    print(summary)
    if failed:
        _err(f"{failed} of {len(docs)} files failed")
        return EXIT_SOME_FAILED
    return EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    if args.text is not None:
        text = args.text
    elif args.file is not None:
        try:
            text = read_text(args.file)
        except DocError as exc:
            _err(f"{args.file}: {exc}")
            return EXIT_SOME_FAILED
    else:
        data = sys.stdin.buffer.read()
        try:
            text = data.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            _err("standard input: is not UTF-8")
            return EXIT_SOME_FAILED
    mentions = extract(text, reference_date=args.reference_date)
    if args.jsonl:
        sys.stdout.write(records_jsonl(mentions))
        return EXIT_OK
    if not mentions:
        print("no mentions")
    for m in mentions:
        # U+2068/U+2069 isolate the Arabic span so a terminal does not reorder the columns.
        print(f"{m.start:>6}-{m.end:<6} {m.kind:<8} {m.normalized or 'null':<26} \u2068{m.text}\u2069")
    return EXIT_OK


def cmd_gold_check(args: argparse.Namespace) -> int:
    folder: Path = args.corpus
    gold_path = folder / GOLD_FILE
    if not gold_path.exists():
        _err(f"{gold_path}: no gold file")
        return EXIT_USAGE
    texts: dict[str, str] = {}
    for doc in discover(folder):
        try:
            texts[doc.id] = read_text(doc.path)
        except DocError as exc:
            _err(f"{doc.path}: {exc}")
    records, problems = load_gold(gold_path)
    problems += check_gold(records, texts)
    for p in sorted(problems, key=lambda p: p.line):
        print(f"{gold_path}:{p}", file=sys.stderr)
    if problems:
        _err(f"{gold_path}: {len(problems)} problems")
        return EXIT_SOME_FAILED
    print(f"{gold_path}: {len(records)} records, all valid")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Extract dates, money amounts and percentages from Arabic text.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python -m pipeline run corpus/\n  python -m pipeline extract 'في 20 أكتوبر 1947'",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run",
        help="extract from every .txt under a folder and score against its gold.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python -m pipeline run corpus/ --out outputs/ --reference-date 2025-02-14",
    )
    run.add_argument("corpus", type=Path, help="folder of .txt files (with optional gold.jsonl and meta.json)")
    run.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (default: outputs/)")
    run.add_argument(
        "--reference-date", type=_date_arg, default=None, metavar="YYYY-MM-DD",
        help="resolve relative dates (أمس, الشهر المقبل) against this date; meta.json wins per document",
    )  # fmt: skip
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.set_defaults(func=cmd_run)

    ex = sub.add_parser(
        "extract",
        help="print the mentions of one text (argument, --file, or standard input)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python -m pipeline extract 'ارتفع بنسبة 59٪ عام 2014'\n"
        "  echo 'بين 5 و10 ملايين دولار' | python -m pipeline extract --jsonl",
    )
    ex.add_argument("text", nargs="?", help="the text (default: read standard input)")
    ex.add_argument("--file", type=Path, help="read the text from this UTF-8 file")
    ex.add_argument("--jsonl", action="store_true", help="print records as JSON lines")
    ex.add_argument("--reference-date", type=_date_arg, default=None, metavar="YYYY-MM-DD")
    ex.set_defaults(func=cmd_extract)

    gold = sub.add_parser(
        "gold",
        help="gold file tools",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python -m pipeline gold check corpus/",
    )
    gold_sub = gold.add_subparsers(dest="gold_command", required=True)
    check = gold_sub.add_parser(
        "check",
        help="validate a corpus folder's gold.jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python -m pipeline gold check corpus/",
    )
    check.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"), help="corpus folder (default: corpus/)")
    check.set_defaults(func=cmd_gold_check)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
