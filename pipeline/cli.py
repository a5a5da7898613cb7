"""Command line: `run` a corpus, `extract` from text, `gold check` a gold file."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from . import __version__
from .corpus import GOLD_FILE, MAX_MB, DocError, check_encoding, detect_encoding, discover, parse_date, read_text
from .engine import extract
from .export import jsonl_to_csv, mentions_csv, parse_formats
from .gold import RootError, check_gold, find_root, load_gold
from .gold_edit import (
    KEEP_VALUE,
    GoldEditError,
    Keep,
    accept,
    add,
    annotate,
    edit,
    find_record,
    listing,
    open_gold,
    reject,
    save,
    select,
)
from .records import Mention
from .review import make_server
from .runner import UsageError, run
from .thresholds import below_threshold
from .wording import plural, shown

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 3
T = TypeVar("T")


def _checked(parse: Callable[[str], T]) -> Callable[[str], T]:
    """An argparse type from a parser that raises ValueError: its message is the error shown."""

    def arg(value: str) -> T:
        try:
            return parse(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from exc

    return arg


_date_arg = _checked(parse_date)
_encoding_arg = _checked(check_encoding)
_formats_arg = _checked(parse_formats)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {n}")
    return n


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
        failed = run(
            args.corpus, args.out, args.reference_date, args.jobs, args.quiet, args.max_mb * 1024 * 1024,
            encoding=args.encoding, engine=args.engine, scheduler=args.scheduler,
        )  # fmt: skip
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
            text = read_text(args.file, encoding=args.encoding)
        except DocError as exc:
            _err(f"{args.file}: {exc}")
            return EXIT_SOME_FAILED
    else:
        data = sys.stdin.buffer.read()
        try:
            encoding = detect_encoding(data) if args.encoding == "auto" else args.encoding
            text = data.decode(encoding).removeprefix("\ufeff")
        except (UnicodeDecodeError, DocError) as exc:
            where = f" (invalid byte at offset {exc.start})" if isinstance(exc, UnicodeDecodeError) else f": {exc}"
            _err(f"standard input: cannot be decoded as {args.encoding}{where}")
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


def _root(path: Path, corpus: Path | None) -> Path:
    try:
        return find_root(path, corpus)
    except RootError as exc:
        raise GoldEditError(str(exc)) from exc


def _shown_root(root: Path) -> str:
    """The root as the user would type it: relative to the working folder when inside it."""
    try:
        return f"{root.relative_to(Path.cwd().resolve()).as_posix()}/"
    except ValueError:
        return str(root)


def cmd_annotate(args: argparse.Namespace) -> int:
    if not args.paths and not args.redo:
        _err("give texts or folders to annotate, or --redo DOC")
        return EXIT_USAGE
    try:
        root = _root(args.paths[0] if args.paths else Path("corpus"), args.corpus)
        result = annotate(args.paths, root, args.reference_date, args.redo)
    except (GoldEditError, DocError) as exc:
        _err(str(exc))
        return EXIT_SOME_FAILED
    for p in result.proposals:
        kept = f", {plural(p.kept, 'reviewed record')} kept" if p.kept else ""
        print(f"{p.doc}: {plural(p.count, 'draft')} proposed{kept}")
        if p.unresolved:
            print(f"  note: {plural(p.unresolved, 'relative date')} left null: give a reference date "
                  f"(`annotate --redo {p.doc} --reference-date YYYY-MM-DD`)")  # fmt: skip
    if result.skipped:
        n = len(result.skipped)
        print(f"skipped {plural(n, 'document')} that already {'has' if n == 1 else 'have'} gold (use --redo DOC)")
    if not result.proposals:
        print("nothing to annotate")
        return EXIT_OK
    shown = _shown_root(root)
    print(f"drafts written to {shown}{GOLD_FILE}; review them: python -m pipeline review {shown}")
    return EXIT_OK


def _gold_edit(args: argparse.Namespace) -> int:
    try:
        gold = open_gold(_root(args.corpus or Path("corpus"), args.corpus))
        if args.gold_command == "list":
            docs = args.docs or sorted({r.doc for r in gold.records if r.draft})
            if not docs:
                print(f"no drafts in {gold.path}; name a document to list its records")
            for doc in docs:
                print("\n".join(listing(gold, doc)))
            return EXIT_OK
        if args.gold_command == "accept":
            n = accept(gold, select(gold, args.ids))
            message = f"accepted {plural(n, 'draft')}"
        elif args.gold_command == "reject":
            if any("#" not in t for t in args.ids):
                _err("reject takes record ids (DOC#3f2a) or ranges (DOC#3f2a..#9b1c), not whole documents")
                return EXIT_USAGE
            n = reject(gold, select(gold, args.ids))
            message = f"rejected {plural(n, 'record')}"
        elif args.gold_command == "edit":
            if args.normalized is None and args.span_text is None:
                _err("give --normalized VALUE and/or --span-text TEXT [--occurrence N]")
                return EXIT_USAGE
            record = find_record(gold, args.id)
            value: str | Keep | None = KEEP_VALUE
            if args.normalized is not None:
                value = None if args.normalized == "null" else args.normalized
            new = edit(gold, record, value, args.span_text, args.occurrence)
            message = f"{gold.id_of(new)}: {new.kind} {new.text!r} at {new.start}-{new.end} -> {shown(new.normalized)}"
        else:
            norm = None if args.normalized == "null" else args.normalized
            rec = add(gold, args.doc, args.text, args.occurrence, args.kind, norm)
            message = (
                f"added {gold.id_of(rec)}: {rec.kind} {rec.text!r} at {rec.start}-{rec.end} -> {shown(rec.normalized)}"
            )
        save(gold)
    except GoldEditError as exc:
        _err(str(exc))
        return EXIT_SOME_FAILED
    print(message)
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    try:
        root = _root(args.corpus, None)
        open_gold(root)  # refuse an invalid gold file before serving it
    except GoldEditError as exc:
        _err(str(exc))
        return EXIT_SOME_FAILED
    try:
        server = make_server(root, args.port)
    except OSError as exc:
        _err(f"cannot listen on 127.0.0.1:{args.port} ({exc.strerror or exc}); choose another --port")
        return EXIT_USAGE
    print(f"reviewing {root / GOLD_FILE} at http://127.0.0.1:{server.server_address[1]}/  (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("stopped")
    finally:
        server.server_close()
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
        epilog="examples:\n  python -m pipeline run corpus/ --out outputs/ --reference-date 2025-02-14\n"
        "  python -m pipeline run archive/ --encoding auto --jobs 2\n\n"
        "writes records.jsonl, documents.jsonl (every file: bytes, encoding, status) and report.html;\n"
        "with a gold.jsonl also report.md and report.json.\n\n"
        "exit codes: 0 all files read, 1 some files failed (each named on stderr), 2 usage error,\n"
        "130 interrupted (earlier outputs kept), 3 an internal error (please report it)",
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
    ex.add_argument("--file", type=Path, help="read the text from this file")
    ex.add_argument(
        "--encoding", type=_encoding_arg, default="utf-8", metavar="NAME",
        help="encoding of --file or standard input: a Python codec or auto (default: utf-8)",
    )  # fmt: skip
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

    example = "python -m pipeline gold list new_story"
    lst = gold_sub.add_parser(
        "list",
        help="list gold records with their ids, value in words and 30 characters of context",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=f"examples:\n  {example}\n  python -m pipeline gold list        # every document with drafts",
    )
    lst.add_argument("docs", nargs="*", metavar="DOC", help="document ids (default: every document with drafts)")

    def edit_parser(name: str, help_: str, example: str) -> argparse.ArgumentParser:
        epilog = f"example, after `python -m pipeline annotate corpus/new_story.txt`:\n  {example}"
        return gold_sub.add_parser(
            name, help=help_, formatter_class=argparse.RawDescriptionHelpFormatter, epilog=epilog
        )

    acc = edit_parser(
        "accept", "mark drafts as reviewed", "python -m pipeline gold accept new_story#3f2a new_story#0c1d..#9b7e"
    )
    acc.add_argument("ids", nargs="+", metavar="ID", help="record ids (DOC#3f2a), ranges (DOC#3f2a..#9b1c) or a DOC")
    rej = edit_parser("reject", "delete gold records", "python -m pipeline gold reject new_story#3f2a")
    rej.add_argument("ids", nargs="+", metavar="ID", help="record ids (DOC#3f2a) or ranges (DOC#3f2a..#9b1c)")
    edp = edit_parser(
        "edit",
        "change a record's value or span (it becomes reviewed)",
        "python -m pipeline gold edit new_story#3f2a --normalized 2025-05-15",
    )
    edp.add_argument("id", metavar="ID", help="the record id from `gold list` (DOC#3f2a)")
    edp.add_argument("--normalized", help="the new normalized value, or null")
    edp.add_argument("--span-text", help="the new span: this text, exactly as written in the document")
    edp.add_argument("--occurrence", type=int, default=1, help="which occurrence of --span-text (default: 1)")
    addp = edit_parser(
        "add",
        "add a reviewed mention by its text (offsets are computed)",
        "python -m pipeline gold add new_story --text 'منتصف مايو' --occurrence 1 --kind date --normalized XXXX-05",
    )
    addp.add_argument("doc", help="document id (file path under the corpus folder, without .txt)")
    addp.add_argument("--text", required=True, help="the mention exactly as written in the document")
    addp.add_argument("--occurrence", type=int, default=1, help="which occurrence of the text (default: 1, the first)")
    addp.add_argument("--kind", required=True, choices=["date", "money", "percent"])
    addp.add_argument("--normalized", required=True, help="the normalized value, or null")
    for p in (lst, acc, rej, edp, addp):
        p.add_argument("--corpus", type=Path, default=None, help="corpus root (default: corpus/)")
        p.set_defaults(func=_gold_edit)

    ann = sub.add_parser(
        "annotate",
        help="propose gold as drafts for new texts from the current extraction",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python -m pipeline annotate corpus/new_story.txt --reference-date 2025-05-14\n"
        "  python -m pipeline annotate corpus/news/      # every text there without gold\n"
        "  python -m pipeline annotate --redo new_story --reference-date 2025-05-14",
    )
    ann.add_argument("paths", type=Path, nargs="*", metavar="PATH", help=".txt files or folders under the corpus root")
    ann.add_argument("--corpus", type=Path, default=None, help="corpus root (default: found from the first PATH)")
    ann.add_argument(
        "--reference-date", type=_date_arg, default=None, metavar="YYYY-MM-DD",
        help="resolve relative dates against this date; written to meta.json for these documents",
    )  # fmt: skip
    ann.add_argument(
        "--redo", action="append", default=[], metavar="DOC",
        help="propose drafts again for a document with gold, keeping its reviewed records (repeatable)",
    )  # fmt: skip
    ann.set_defaults(func=cmd_annotate)

    rev = sub.add_parser(
        "review",
        help="review drafts in a local web page (accept, reject, edit; keyboard shortcuts)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  python -m pipeline review corpus/ --port 8765   then open http://127.0.0.1:8765/",
    )
    rev.add_argument("corpus", type=Path, nargs="?", default=Path("corpus"), help="corpus root (default: corpus/)")
    rev.add_argument("--port", type=int, default=8765, help="local port (default: 8765; 0 picks a free one)")
    rev.set_defaults(func=cmd_review)
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
    except Exception as exc:  # a bug of ours: one line, and an exit code of its own
        _err(f"internal error ({type(exc).__name__}: {exc}); please report it with the command that caused it")
        return EXIT_BUG
    finally:
        signal.signal(signal.SIGTERM, previous)
