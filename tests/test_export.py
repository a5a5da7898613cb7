"""CSV records for spreadsheets (`run --format`, `extract --format csv`) and `run --fail-under`."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline import extract
from pipeline.export import COLUMNS, mentions_csv, parse_formats, row

from .cli_runs import in_process

ROOT = Path(__file__).resolve().parent.parent
TEXT = "بلغ العجز بين 5 و10 ملايين دولار في الربع الثالث من 2024، أي 12٫5٪ من الإيرادات"


def cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    """In this process through `main(argv)` (tests/cli_runs.py), bytes as a pipe gives them."""
    return in_process(*args, text=False)


def read_csv(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "a spreadsheet needs the byte order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_value_fields_become_columns_of_every_kind() -> None:
    rows = read_csv(mentions_csv(extract(TEXT)).encode("utf-8"))
    assert [(r["kind"], r["text"], r["normalized"]) for r in rows] == [
        ("money", "بين 5 و10 ملايين دولار", "USD 5000000/10000000"),
        ("date", "الربع الثالث من 2024", "2024-07/2024-09"),
        ("percent", "12٫5٪", "12.5%"),
    ]
    money, date, percent = rows
    assert (money["value.currency"], money["value.range.low"], money["value.range.high"]) == (
        "USD",
        "5000000",
        "10000000",
    )
    assert money["value.amount"] == "" and money["value.granularity"] == ""
    assert (date["value.granularity"], date["value.start.year"], date["value.start.month"]) == ("quarter", "2024", "7")
    assert (date["value.end.month"], date["value.relative"]) == ("9", "false")
    assert percent["value.value"] == "12.5"
    assert all(int(r["end"]) - int(r["start"]) == len(r["text"]) for r in rows)


def test_every_row_has_every_column_in_a_fixed_order() -> None:
    assert len(set(COLUMNS)) == len(COLUMNS)
    assert COLUMNS[:7] == ("doc", "kind", "start", "end", "text", "normalized", "rule")
    for m in extract(TEXT):
        cells = row(m.model_dump(mode="json"))
        assert len(cells) == len(COLUMNS)
        assert "{" not in "".join(cells), "a nested value was left unflattened"


def test_formats_are_checked() -> None:
    assert parse_formats("jsonl,csv") == ("jsonl", "csv")
    assert parse_formats(" csv , csv ") == ("csv",)
    with pytest.raises(ValueError, match="unknown format 'xlsx'"):
        parse_formats("csv,xlsx")
    with pytest.raises(ValueError):
        parse_formats(",")


def test_extract_prints_csv() -> None:
    proc = cli("extract", TEXT, "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    assert [r["normalized"] for r in read_csv(proc.stdout)] == ["USD 5000000/10000000", "2024-07/2024-09", "12.5%"]


def test_extract_refuses_two_formats_at_once() -> None:
    proc = cli("extract", TEXT, "--jsonl", "--format", "csv")
    assert proc.returncode == 2
    assert proc.stderr.decode().strip() == "error: --jsonl and --format csv contradict each other: give one"
    assert proc.stdout == b""


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for doc in ("us_pakistan_relations", "gulf_budget"):
        shutil.copy(ROOT / "corpus" / f"{doc}.txt", folder)
    lines = (ROOT / "corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if json.loads(line)["doc"] in ("us_pakistan_relations", "gulf_budget")]
    (folder / "gold.jsonl").write_text("\n".join(kept) + "\n", encoding="utf-8")
    return folder


def test_run_writes_csv_beside_jsonl_with_the_same_records(small_corpus: Path, tmp_path: Path) -> None:
    proc = cli("run", str(small_corpus), "--out", str(tmp_path), "--format", "jsonl,csv", "--quiet")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = read_csv((tmp_path / "records.csv").read_bytes())
    assert len(rows) == len(records) > 20
    assert [(r["doc"], int(r["start"]), r["text"], r["rule"]) for r in rows] == [
        (r["doc"], r["start"], r["text"], r["rule"]) for r in records
    ]


def test_run_with_csv_only_keeps_no_jsonl(small_corpus: Path, tmp_path: Path) -> None:
    proc = cli("run", str(small_corpus), "--out", str(tmp_path), "--format", "csv", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "records.csv").exists()
    assert not (tmp_path / "records.jsonl").exists()


def test_an_unknown_format_is_a_usage_error(small_corpus: Path, tmp_path: Path) -> None:
    proc = cli("run", str(small_corpus), "--out", str(tmp_path), "--format", "parquet")
    assert proc.returncode == 2
    assert b"unknown format 'parquet'" in proc.stderr
    assert not list(tmp_path.iterdir())


def test_fail_under_passes_a_perfect_corpus(small_corpus: Path, tmp_path: Path) -> None:
    proc = cli("run", str(small_corpus), "--out", str(tmp_path), "--fail-under", "1.0", "--quiet")
    assert proc.returncode == 0, proc.stderr


def test_fail_under_fails_when_a_kind_falls_below(small_corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(small_corpus, folder)
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    # drop two percentages from the gold: they become spurious, and only percent F1 falls
    dropped = [i for i, line in enumerate(lines) if json.loads(line)["kind"] == "percent"][:2]
    (folder / "gold.jsonl").write_text("".join(f"{x}\n" for i, x in enumerate(lines) if i not in dropped), "utf-8")
    out = tmp_path / "out"
    low = cli("run", str(folder), "--out", str(out), "--fail-under", "0.95", "--quiet")
    assert low.returncode == 1
    (message,) = [line for line in low.stderr.decode().splitlines() if line.startswith("error:")]
    assert message.startswith("error: strict F1 below 0.95: percent 0.")
    assert "date" not in message and "money" not in message
    assert cli("run", str(folder), "--out", str(out), "--fail-under", "0.5", "--quiet").returncode == 0


def test_fail_under_without_gold_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("في عام 2024", encoding="utf-8")
    proc = cli("run", str(tmp_path), "--out", str(tmp_path / "out"), "--fail-under", "0.9")
    assert proc.returncode == 2
    assert (
        proc.stderr.decode().strip()
        == f"error: {tmp_path / 'gold.jsonl'}: no gold file, so --fail-under has nothing to score"
    )
