"""Command line: `run` a corpus, `extract` from text, `gold check` a gold file."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import signal
import sys
from pathlib import Path

from .corpus import GOLD_FILE, MAX_MB, DocError, check_encoding, discover, parse_date, read_text
from .engine import extract
from .gold import check_gold, load_gold
from .gold_edit import GoldEditError, accept, add, annotate, open_gold, reject, save
from .records import Mention
from .runner import UsageError, run

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _date_arg(value: str) -> dt.date:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _encoding_arg(value: str) -> str:
    try:
        return check_encoding(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {n}")
    return n


def _err(msg: str) -> None:
    print(f"error: {msg}", file=sys.stderr)


def records_jsonl(mentions: list[Mention]) -> str:
    rows = sorted(mentions, key=lambda m: (m.doc or "", m.start, m.end, m.kind))
    return "".join(json.dumps(m.model_dump(mode="json"), ensure_ascii=False) + "\n" for m in rows)


def cmd_run(args: argparse.Namespace) -> int:
    try:
        failed = run(
            args.corpus, args.out, args.reference_date, args.jobs, args.quiet, args.max_mb * 1024 * 1024,
            encoding=args.encoding, engine=args.engine, scheduler=args.scheduler,
        )  # fmt: skip
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    if args.text is not None and args.file is not None:
        _err("give the text as an argument or with --file, not both")
        return EXIT_USAGE
    if args.text is not None:
        text = args.text
    elif args.file is not None:
        try:
            text = read_text(args.file, encoding=args.encoding)
        except DocError as exc:
            _err(f"{args.file}: {exc}")
            return EXIT_SOME_FAILED
    else:
        data = sys.stdin.buffer.read()
        try:
            text = data.decode("utf-8" if args.encoding == "auto" else args.encoding).removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            _err(f"standard input: cannot be decoded as {args.encoding} (invalid byte at offset {exc.start})")
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
        _err(f"{gold_path}: {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        return EXIT_SOME_FAILED
    print(f"{gold_path}: {len(records)} records, all valid")
    return EXIT_OK


def cmd_annotate(args: argparse.Namespace) -> int:
    try:
        prop = annotate(args.text, args.reference_date, args.corpus)
    except GoldEditError as exc:
        _err(str(exc))
        return EXIT_SOME_FAILED
    except DocError as exc:
        _err(f"{args.text}: {exc}")
        return EXIT_SOME_FAILED
    print(f"{prop.count} draft mentions proposed for {prop.doc} in {prop.path}")
    if prop.unresolved:
        print(f"note: {prop.unresolved} relative dates are null: give the document a reference date in meta.json "
              "(or --reference-date) before accepting them")  # fmt: skip
    corpus = f" --corpus {prop.path.parent}" if prop.path.parent != Path("corpus").resolve() else ""
    print(f"review them: python -m pipeline gold list {prop.doc}{corpus}, then gold accept / reject / add")
    return EXIT_OK


def _gold_edit(args: argparse.Namespace) -> int:
    try:
        gold = open_gold(args.corpus)
        if args.gold_command == "list":
            rows = gold.for_doc(args.doc)
            if not rows:
                _err(f"no gold records for {args.doc!r} in {gold.path}")
                return EXIT_SOME_FAILED
            for n, r in enumerate(rows, 1):
                flag = "draft" if r.draft else "     "
                value = r.normalized or "null"
                print(f"{n:>4} {flag} {r.kind:<8} {r.start:>6}-{r.end:<6} {value:<26} \u2068{r.text}\u2069")
            return EXIT_OK
        if args.gold_command == "accept":
            if args.all == bool(args.numbers):
                _err("give record numbers from `gold list`, or --all (not both)")
                return EXIT_USAGE
            n = accept(gold, args.doc, None if args.all else args.numbers)
            message = f"accepted {n} draft{'s' if n != 1 else ''} of {args.doc}"
        elif args.gold_command == "reject":
            n = reject(gold, args.doc, args.numbers)
            message = f"rejected {n} record{'s' if n != 1 else ''} of {args.doc}"
        else:
            norm = None if args.normalized == "null" else args.normalized
            rec = add(gold, args.doc, args.text, args.occurrence, args.kind, norm)
            message = f"added {rec.kind} {rec.text!r} at {rec.start}-{rec.end} -> {rec.normalized or 'null'}"
        save(gold)
    except GoldEditError as exc:
        _err(str(exc))
        return EXIT_SOME_FAILED
    print(message)
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
        epilog="examples:\n  python -m pipeline run corpus/ --out outputs/ --reference-date 2025-02-14\n"
        "  python -m pipeline run archive/ --encoding auto --jobs 2\n\n"
        "writes records.jsonl, documents.jsonl (every file: bytes, encoding, status) and report.html;\n"
        "with a gold.jsonl also report.md and report.json.\n\n"
        "exit codes: 0 all files read, 1 some files failed (each named on stderr), 2 usage error",
    )
    run.add_argument("corpus", type=Path, help="folder of .txt files (with optional gold.jsonl and meta.json)")
    run.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (default: outputs/)")
    run.add_argument(
        "--reference-date", type=_date_arg, default=None, metavar="YYYY-MM-DD",
        help="resolve relative dates (أمس, الشهر المقبل) against this date; meta.json wins per document",
    )  # fmt: skip
    run.add_argument("--quiet", action="store_true", help="no progress bar")
    run.add_argument("--jobs", type=_positive, default=1, metavar="N", help="worker processes (default: 1)")
    run.add_argument(
        "--max-mb", type=_positive, default=MAX_MB, metavar="MB",
        help=f"refuse documents larger than this (default: {MAX_MB}); memory does not grow with size",
    )  # fmt: skip
    run.add_argument(
        "--encoding", type=_encoding_arg, default="utf-8", metavar="NAME",
        help="encoding of the texts: any Python codec (cp1256, iso-8859-6, utf-16) or auto to detect it "
        "per document (default: utf-8); the one used is in documents.jsonl",
    )  # fmt: skip
    run.add_argument(
        "--engine", choices=["local", "dask"], default="local",
        help="local: this machine (--jobs processes); dask: a dask.distributed cluster (default: local)",
    )  # fmt: skip
    run.add_argument(
        "--scheduler", default=None, metavar="tcp://HOST:8786",
        help="with --engine dask: the scheduler's address (default: start a local cluster of --jobs workers)",
    )  # fmt: skip
    run.set_defaults(func=cmd_run)

    ex = sub.add_parser(
        "extract",
        help="print the mentions of one text (argument, --file, or standard input)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python -m pipeline extract 'ارتفع بنسبة 59٪ عام 2014'\n"
        "  echo 'بين 5 و10 ملايين دولار' | python -m pipeline extract --jsonl",
    )
    ex.add_argument("text", nargs="?", help="the text (default: read standard input)")
    ex.add_argument("--file", type=Path, help="read the text from this file")
    ex.add_argument(
        "--encoding", type=_encoding_arg, default="utf-8", metavar="NAME",
        help="encoding of --file or standard input: a Python codec or auto (default: utf-8)",
    )  # fmt: skip
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

    def edit_parser(name: str, help_: str, example: str) -> argparse.ArgumentParser:
        epilog = f"example, after `python -m pipeline annotate corpus/new_story.txt`:\n  {example}"
        p = gold_sub.add_parser(name, help=help_, formatter_class=argparse.RawDescriptionHelpFormatter, epilog=epilog)
        p.add_argument("doc", help="document id (file path under the corpus folder, without .txt)")
        p.add_argument("--corpus", type=Path, default=Path("corpus"), help="corpus folder (default: corpus/)")
        p.set_defaults(func=_gold_edit)
        return p

    edit_parser("list", "list a document's gold records, numbered", "python -m pipeline gold list new_story")
    acc = edit_parser(
        "accept", "mark drafts as reviewed", "python -m pipeline gold accept new_story 1 2 5   (or --all)"
    )
    acc.add_argument("numbers", type=int, nargs="*", help="record numbers from `gold list`")
    acc.add_argument("--all", action="store_true", help="accept every draft of the document")
    rej = edit_parser(
        "reject",
        "delete gold records (numbers from the last `gold list`; give them all at once)",
        "python -m pipeline gold reject new_story 3 7",
    )
    rej.add_argument("numbers", type=int, nargs="+", help="record numbers from `gold list`")
    addp = edit_parser(
        "add",
        "add a reviewed mention by its text (offsets are computed)",
        "python -m pipeline gold add new_story --text 'منتصف مايو' --occurrence 1 --kind date --normalized XXXX-05",
    )
    addp.add_argument("--text", required=True, help="the mention exactly as written in the document")
    addp.add_argument("--occurrence", type=int, default=1, help="which occurrence of the text (default: 1, the first)")
    addp.add_argument("--kind", required=True, choices=["date", "money", "percent"])
    addp.add_argument("--normalized", required=True, help="the normalized value, or null")

    ann = sub.add_parser(
        "annotate",
        help="propose gold for a new text from the current extraction, as drafts",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python -m pipeline annotate corpus/new_story.txt\n"
        "  then: python -m pipeline gold list new_story; gold accept new_story --all",
    )
    ann.add_argument("text", type=Path, help="the .txt file, inside a corpus folder")
    ann.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: the folder holding the text)")
    ann.add_argument("--reference-date", type=_date_arg, default=None, metavar="YYYY-MM-DD")
    ann.set_defaults(func=cmd_annotate)
    return parser


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # unwinds like Ctrl-C: temporary files are removed, earlier outputs kept


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        _err("interrupted; earlier outputs are left as they were")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    finally:
        signal.signal(signal.SIGTERM, previous)
