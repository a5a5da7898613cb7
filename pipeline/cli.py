"""Command line: `run` a corpus, `extract` from text, `gold check` a gold file."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from . import __version__
from .corpus import GOLD_FILE, DocError, discover, parse_date, read_text
from .engine import extract
from .export import jsonl_to_csv, mentions_csv, parse_formats
from .gold import check_gold, load_gold
from .gold_edit import GoldEditError, accept, add, annotate, open_gold, reject, save
from .records import Mention
from .runner import UsageError, run
from .thresholds import below_threshold

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _date_arg(value: str) -> dt.date:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _formats_arg(value: str) -> tuple[str, ...]:
    try:
        return parse_formats(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _prog() -> str:
    return "arabic-mentions" if Path(sys.argv[0]).name == "arabic-mentions" else "python -m pipeline"


def _err(msg: str) -> None:
    print(f"error: {msg}", file=sys.stderr)


def records_jsonl(mentions: list[Mention]) -> str:
    rows = sorted(mentions, key=lambda m: (m.doc or "", m.start, m.end, m.kind))
    return "".join(json.dumps(m.model_dump(mode="json"), ensure_ascii=False) + "\n" for m in rows)


def cmd_run(args: argparse.Namespace) -> int:
    if args.fail_under is not None and not (args.corpus / GOLD_FILE).is_file():
        _err(f"{args.corpus / GOLD_FILE}: no gold file, so --fail-under has nothing to score")
        return EXIT_USAGE
    try:
        failed = run(args.corpus, args.out, args.reference_date, args.jobs, args.quiet, args.max_mb * 1024 * 1024)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    records = args.out / "records.jsonl"
    if "csv" in args.format:
        jsonl_to_csv(records, args.out / "records.csv")
        print(f"records as CSV -> {args.out / 'records.csv'}")
    if "jsonl" not in args.format:
        records.unlink()
    if args.fail_under is not None:
        below = below_threshold(args.out / "report.json", args.fail_under)
        if below:
            _err(f"strict F1 below {args.fail_under}: {below}")
            return EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_extract(args: argparse.Namespace) -> int:
    if args.text is not None and args.file is not None:
        _err("give the text as an argument or with --file, not both")
        return EXIT_USAGE
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
        except UnicodeDecodeError as exc:
            _err(f"standard input: is not UTF-8 (invalid byte at offset {exc.start})")
            return EXIT_SOME_FAILED
    if args.jsonl and args.format not in ("table", "jsonl"):
        _err(f"--jsonl and --format {args.format} contradict each other: give one")
        return EXIT_USAGE
    mentions = extract(text, reference_date=args.reference_date)
    if args.jsonl or args.format == "jsonl":
        sys.stdout.write(records_jsonl(mentions))
        return EXIT_OK
    if args.format == "csv":
        sys.stdout.flush()
        sys.stdout.buffer.write(mentions_csv(mentions).encode("utf-8"))
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
        prog=_prog(),
        description="Extract dates, money amounts and percentages from Arabic text.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python -m pipeline run corpus/\n  python -m pipeline extract 'في 20 أكتوبر 1947'",
    )
    parser.add_argument("--version", action="version", version=f"arabic-mentions {__version__}")
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
    run.add_argument("--jobs", type=int, default=1, metavar="N", help="documents processed in parallel (default: 1)")
    run.add_argument(
        "--max-mb", type=int, default=512, metavar="MB", help="refuse documents larger than this (default: 512)"
    )
    run.add_argument(
        "--format", type=_formats_arg, default=("jsonl",), metavar="jsonl,csv",
        help="record files to write: records.jsonl, records.csv (UTF-8 with BOM, for spreadsheets); default: jsonl",
    )  # fmt: skip
    run.add_argument(
        "--fail-under", type=float, default=None, metavar="F1",
        help="exit 1 when any kind's strict F1 against the gold is below this (e.g. 0.95), for CI",
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
    ex.add_argument("--file", type=Path, help="read the text from this UTF-8 file")
    ex.add_argument("--jsonl", action="store_true", help="print records as JSON lines (same as --format jsonl)")
    ex.add_argument(
        "--format", choices=["table", "jsonl", "csv"], default="table",
        help="table for people (default), jsonl for programs, csv for spreadsheets (UTF-8 with BOM)",
    )  # fmt: skip
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


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
