"""The command line as a user meets it: exit codes, one error line per bad file, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from .cli_runs import as_process, in_process

ROOT = Path(__file__).resolve().parent.parent
GOOD = "في 20 أكتوبر 1947 بلغت المساعدات 78.3 مليار دولار، أي 59٪ من الإجمالي."
RECORD_FIELDS = {"doc", "kind", "start", "end", "text", "normalized", "value", "rule"}


def cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """In this process through `main(argv)`; the smoke tests marked below run a real `python -m pipeline`."""
    return in_process(*args, stdin=stdin)


def records(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]


def no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout, proc.stdout


def error_lines(proc: subprocess.CompletedProcess[str]) -> list[str]:
    return [line for line in proc.stderr.splitlines() if line.startswith("error:")]


# ---- run: bad files next to a good one


def _check_bad_files(proc: subprocess.CompletedProcess[str], bad: dict[Path, tuple[str, ...]], out: Path) -> None:
    no_traceback(proc)
    assert proc.returncode == 1, proc.stderr
    lines = error_lines(proc)
    for path, reasons in bad.items():
        named = [line for line in lines if str(path) in line]
        assert len(named) == 1, f"expected one error line for {path}, got {named}\n{proc.stderr}"
        assert any(r in named[0].lower() for r in reasons), f"no reason ({'/'.join(reasons)}) in {named[0]!r}"
    rows = records(out)
    good = {(r["kind"], r["normalized"]) for r in rows if r["doc"] == "good"}
    assert good >= {("date", "1947-10-20"), ("money", "USD 78300000000"), ("percent", "59%")}, rows
    assert not {r["doc"] for r in rows} & {p.stem for p in bad}, "a bad file produced records"


def test_bad_files_are_reported_and_good_ones_written(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "latin1.txt").write_bytes("في 20 أكتوبر 1947".encode() + b" caf\xe9 \xff\xfe")
    (corpus / "empty.txt").write_bytes(b"")
    bad: dict[Path, tuple[str, ...]] = {
        corpus / "latin1.txt": ("utf-8", "utf8", "decode", "encoding"),
    }
    locked = corpus / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        if not os.access(locked, os.R_OK):  # root reads it anyway: then it is a good file here
            bad[locked] = ("read", "permission", "denied")
        proc = as_process("run", str(corpus), "--out", str(out), "--quiet")  # smoke: exit 1 as the shell sees it
    finally:
        locked.chmod(0o644)
    _check_bad_files(proc, bad, out)
    # An empty file is a warning, not a failure.
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning:")]
    assert [line for line in warnings if str(corpus / "empty.txt") in line and "empty" in line], proc.stderr


def test_unreadable_file(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = corpus / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            # Root reads a chmod 000 file; a file that no one can read is a
            # link to process memory, which fails with an I/O error.
            locked.unlink()
            if not Path("/proc/self/mem").exists():
                pytest.skip("running as root and no /proc: cannot make an unreadable file")
            locked.symlink_to("/proc/self/mem")
        proc = cli("run", str(corpus), "--out", str(out), "--quiet")
    finally:
        if not locked.is_symlink():
            locked.chmod(0o644)
    _check_bad_files(proc, {locked: ("read", "permission", "denied")}, out)


def test_only_good_files_exit_zero(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    proc = cli("run", str(corpus), "--out", str(out), "--quiet")
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert error_lines(proc) == []


def test_bom_is_removed_before_counting(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "plain.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode("utf-8"))
    proc = cli("run", str(corpus), "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr
    rows = records(out)
    plain = [{k: v for k, v in r.items() if k != "doc"} for r in rows if r["doc"] == "plain"]
    bom = [{k: v for k, v in r.items() if k != "doc"} for r in rows if r["doc"] == "bom"]
    assert plain and bom == plain
    for r in plain:
        start, end = r["start"], r["end"]
        assert isinstance(start, int) and isinstance(end, int)
        assert GOOD[start:end] == r["text"]


def test_run_on_a_missing_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    proc = as_process("run", str(missing), "--out", str(tmp_path / "out"))  # smoke: exit 2 as the shell sees it
    no_traceback(proc)
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(missing) in lines[0], proc.stderr


@pytest.mark.parametrize("command", [["run", "corpus/"], ["extract", "أمس"]])
@pytest.mark.parametrize("bad", ["2025-13-01", "yesterday", "14/02/2025", "9999-12-31", "0999-12-31"])
def test_bad_reference_date(command: list[str], bad: str, tmp_path: Path) -> None:
    proc = cli(*command, "--reference-date", bad, *(["--out", str(tmp_path)] if command[0] == "run" else []))
    no_traceback(proc)
    assert proc.returncode == 2
    assert "usage:" in proc.stderr and "--reference-date" in proc.stderr and bad in proc.stderr, proc.stderr


# ---- extract


def test_extract_jsonl_fields() -> None:
    proc = cli("extract", GOOD, "--jsonl")
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) >= 3
    for r in rows:
        assert set(r) == RECORD_FIELDS, set(r) ^ RECORD_FIELDS
        assert GOOD[r["start"] : r["end"]] == r["text"]
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)


def test_extract_reads_stdin() -> None:
    from_arg = cli("extract", GOOD, "--jsonl")
    from_stdin = as_process("extract", "--jsonl", stdin=GOOD)  # smoke: a real pipe, and the same bytes as main()
    no_traceback(from_stdin)
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout == from_arg.stdout and from_stdin.stdout.strip()


def test_extract_plain_output_shows_values() -> None:
    proc = cli("extract", GOOD)
    assert proc.returncode == 0, proc.stderr
    assert "1947-10-20" in proc.stdout and "USD 78300000000" in proc.stdout


@pytest.mark.parametrize("command", [[], ["run"], ["extract"], ["gold"], ["gold", "check"]])
def test_help_shows_an_example(command: list[str]) -> None:
    proc = cli(*command, "--help")
    no_traceback(proc)
    assert proc.returncode == 0, proc.stderr
    assert "python -m pipeline" in proc.stdout
    examples = [line for line in proc.stdout.splitlines() if line.strip().startswith("python -m pipeline ")]
    assert examples, f"`{' '.join(['python -m pipeline', *command])} --help` shows no example line:\n{proc.stdout}"


# ---- reference dates: meta.json per document, --reference-date for the others


def test_meta_and_reference_date(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    text = "وقال المتحدث أمس إن الاتفاق سيوقع."
    (corpus / "dated.txt").write_text(text, encoding="utf-8")
    (corpus / "other.txt").write_text(text, encoding="utf-8")
    (corpus / "meta.json").write_text(json.dumps({"dated": {"reference_date": "2025-02-14"}}), encoding="utf-8")

    def yesterday(rows: list[dict[str, object]], doc: str) -> object:
        found = [r for r in rows if r["doc"] == doc and r["text"] == "أمس"]
        assert len(found) == 1, rows
        return found[0]["normalized"]

    proc = cli("run", str(corpus), "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert yesterday(records(out), "dated") == "2025-02-13"
    assert yesterday(records(out), "other") is None

    proc = cli("run", str(corpus), "--out", str(out), "--quiet", "--reference-date", "2024-03-01")
    assert proc.returncode == 0, proc.stderr
    assert yesterday(records(out), "dated") == "2025-02-13"  # meta.json wins for its document
    assert yesterday(records(out), "other") == "2024-02-29"


def test_no_temporary_files_left(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    (corpus / "gold.jsonl").write_text(
        json.dumps({"doc": "good", "kind": "percent", "start": GOOD.index("59٪"), "end": GOOD.index("59٪") + 3,
                    "text": "59٪", "normalized": "59%"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    for _ in range(2):  # the second run replaces existing files
        proc = cli("run", str(corpus), "--out", str(out), "--quiet")
        assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in out.iterdir())
    assert {"records.jsonl", "report.md", "report.json"} <= set(names)
    assert not [n for n in names if n.endswith(".tmp") or n.startswith(".")], names


# ---- run: large inputs, parallel workers, a bad --out


def test_too_large_file_is_refused_and_others_processed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    big = corpus / "big.txt"
    big.write_text("في عام 2019 " * 200_000, encoding="utf-8")  # about 2.6 MB
    out = tmp_path / "out"
    proc = cli("run", str(corpus), "--out", str(out), "--quiet", "--max-mb", "1")
    _check_bad_files(proc, {big: ("too large",)}, out)


def test_parallel_run_equals_serial_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(6):
        (corpus / f"doc{n}.txt").write_text(f"{GOOD}\nوفي عام {2000 + n} ارتفع بنسبة {n}٪.\n", encoding="utf-8")
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert cli("run", str(corpus), "--out", str(serial), "--quiet").returncode == 0
    proc = cli("run", str(corpus), "--out", str(parallel), "--quiet", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    for name in ("records.jsonl", "report.html"):
        assert (serial / name).read_bytes() == (parallel / name).read_bytes(), name


def test_out_that_is_a_file(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    proc = cli("run", str(corpus), "--out", str(target), "--quiet")
    no_traceback(proc)
    assert proc.returncode == 2 and len(error_lines(proc)) == 1 and str(target) in proc.stderr
    assert target.read_text(encoding="utf-8") == "x"


# ---- user errors found by a new user's review


def _small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    return corpus


def test_out_below_a_file(tmp_path: Path) -> None:
    corpus = _small_corpus(tmp_path)
    (tmp_path / "taken").write_text("x", encoding="utf-8")
    proc = cli("run", str(corpus), "--out", str(tmp_path / "taken" / "sub"), "--quiet")
    no_traceback(proc)
    assert proc.returncode == 2 and len(error_lines(proc)) == 1


def test_a_failed_run_leaves_earlier_outputs_alone(tmp_path: Path) -> None:
    corpus, out = _small_corpus(tmp_path), tmp_path / "out"
    assert cli("run", str(corpus), "--out", str(out), "--quiet").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (corpus / "gold.jsonl").write_text('{"doc": "good", "kind": "date", "start": 3, "end": 5, "text": "xx", '
                                       '"normalized": "1947"}\n', encoding="utf-8")  # fmt: skip
    proc = cli("run", str(corpus), "--out", str(out), "--quiet")
    no_traceback(proc)
    assert proc.returncode == 2 and "line 1" in proc.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_reports_of_an_earlier_gold_are_not_left_stale(tmp_path: Path) -> None:
    corpus, out = _small_corpus(tmp_path), tmp_path / "out"
    start = GOOD.index("20 أكتوبر 1947")
    row = {"doc": "good", "kind": "date", "start": start, "end": start + 14, "text": "20 أكتوبر 1947",
           "normalized": "1947-10-20"}  # fmt: skip
    (corpus / "gold.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    assert cli("run", str(corpus), "--out", str(out), "--quiet").returncode == 0
    assert (out / "report.md").exists()
    (corpus / "gold.jsonl").unlink()
    assert cli("run", str(corpus), "--out", str(out), "--quiet").returncode == 0
    assert not (out / "report.md").exists() and not (out / "report.json").exists()


@pytest.mark.parametrize(
    "meta",
    [
        '{"good": {"refernce_date": "2024-01-01"}}',
        '{"good": "2024-01-01"}',
        '{"nosuch": {"reference_date": "2024-01-01"}}',
        '{"good": {"reference_date": "2024-13-01"}}',
        "[1, 2]",
        "{not json",
    ],
)
def test_malformed_meta_is_a_usage_error(meta: str, tmp_path: Path) -> None:
    corpus = _small_corpus(tmp_path)
    (corpus / "meta.json").write_text(meta, encoding="utf-8")
    proc = cli("run", str(corpus), "--out", str(tmp_path / "out"), "--quiet")
    no_traceback(proc)
    assert proc.returncode == 2 and len(error_lines(proc)) == 1 and "meta.json" in proc.stderr


@pytest.mark.parametrize("command", [["run", "{corpus}", "--quiet", "--out", "{out}"], ["gold", "check", "{corpus}"],
                                     ["gold", "list", "good", "--corpus", "{corpus}"]])  # fmt: skip
def test_non_utf8_gold_is_reported(command: list[str], tmp_path: Path) -> None:
    corpus = _small_corpus(tmp_path)
    (corpus / "gold.jsonl").write_bytes(b'{"doc": "\xff"}\n')
    args = [a.format(corpus=corpus, out=tmp_path / "out") for a in command]
    proc = cli(*args)
    no_traceback(proc)
    assert proc.returncode in (1, 2) and "not UTF-8" in proc.stderr


def test_extract_refuses_text_and_file(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    proc = cli("extract", "--file", str(f), "نص")
    no_traceback(proc)
    assert proc.returncode == 2 and len(error_lines(proc)) == 1
