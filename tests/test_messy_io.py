"""Messy files and messy characters: legacy encodings, broken files, control
characters and glued dashes never crash a run, lose a mention or flatter the score."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import extract

from .cli_runs import in_process

ROOT = Path(__file__).resolve().parent.parent
TEXT = "في 20 أكتوبر 1947 بلغت المساعدات 78.3 مليار دولار، أي 59% من الإجمالي، وارتفعت بين 2005 و2010."
EXPECTED = ["1947-10-20", "USD 78300000000", "59%", "2005/2010"]


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """In this process through `main(argv)`; the interrupted runs below need a real process to signal."""
    return in_process(*args)


def documents(out: Path) -> dict[str, dict[str, object]]:
    rows = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    return {str(r["doc"]): r for r in rows}


def normalized(out: Path, doc: str) -> list[object]:
    rows = [json.loads(line) for line in (out / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r["normalized"] for r in rows if r["doc"] == doc]


# ---- encodings

ENCODED = {
    "utf8": TEXT.encode("utf-8"),
    "cp1256": TEXT.encode("cp1256"),
    "iso8859_6": TEXT.encode("iso-8859-6"),
    "utf16_bom": TEXT.encode("utf-16"),
    "utf16le_nobom": TEXT.encode("utf-16-le"),
    "utf16be_nobom": TEXT.encode("utf-16-be"),
    "utf32_bom": TEXT.encode("utf-32"),
}


def test_auto_reads_every_encoding_and_records_it(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    for name, data in ENCODED.items():
        (corpus / f"{name}.txt").write_bytes(data)
    proc = cli("run", str(corpus), "--out", str(out), "--quiet", "--encoding", "auto")
    assert proc.returncode == 0, proc.stderr
    docs = documents(out)
    for name in ENCODED:
        assert normalized(out, name) == EXPECTED, name
        assert docs[name]["status"] == "ok"
    assert docs["cp1256"]["encoding"] == "cp1256"
    assert docs["iso8859_6"]["encoding"] == "iso8859-6"
    assert str(docs["utf16le_nobom"]["encoding"]).startswith("utf-16")
    assert str(docs["utf32_bom"]["encoding"]).startswith("utf-32")


def test_utf8_by_default_names_the_file_the_offset_and_the_way_out(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "good.txt").write_text(TEXT, encoding="utf-8")
    for name in ("cp1256", "utf16_bom", "utf16le_nobom"):
        (corpus / f"{name}.txt").write_bytes(ENCODED[name])
    proc = cli("run", str(corpus), "--out", str(out), "--quiet")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    errors = {line.split(":")[1].strip(): line for line in proc.stderr.splitlines() if line.startswith("error: /")}
    assert "offset 0" in errors[str(corpus / "cp1256.txt")] and "--encoding auto" in errors[str(corpus / "cp1256.txt")]
    assert "byte-order mark" in errors[str(corpus / "utf16_bom.txt")]
    assert "--encoding auto" in errors[str(corpus / "utf16le_nobom.txt")]
    assert normalized(out, "good") == EXPECTED
    assert documents(out)["cp1256"]["status"] == "failed"


def test_a_named_encoding_and_an_unknown_one(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "old.txt").write_bytes(ENCODED["cp1256"])
    proc = cli("run", str(corpus), "--out", str(out), "--quiet", "--encoding", "windows-1256")
    assert proc.returncode == 0, proc.stderr
    assert normalized(out, "old") == EXPECTED
    proc = cli("run", str(corpus), "--out", str(out), "--encoding", "klingon")
    assert proc.returncode == 2 and "klingon" in proc.stderr and "Traceback" not in proc.stderr
    proc = cli("extract", "--file", str(corpus / "old.txt"), "--encoding", "auto", "--jsonl")
    assert proc.returncode == 0 and [json.loads(x)["normalized"] for x in proc.stdout.splitlines()] == EXPECTED


# ---- every file accounted for


def test_every_file_is_accounted_for(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "good.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "link.txt").symlink_to(tmp_path / "gone.txt")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (corpus / "big.txt").write_bytes(TEXT.encode("utf-8") * (1_100_000 // len(TEXT.encode("utf-8")) + 1))
    proc = cli("run", str(corpus), "--out", str(out), "--quiet", "--max-mb", "1")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()

    def line_for(name: str) -> str:
        found = [x for x in lines if str(corpus / name) in x]
        assert len(found) == 1, (name, proc.stderr)
        return found[0]

    assert line_for("link.txt").startswith("error:") and "broken link" in line_for("link.txt")
    assert line_for("image.txt").startswith("error:") and "binary" in line_for("image.txt")
    assert line_for("big.txt").startswith("error:") and "--max-mb" in line_for("big.txt")
    assert line_for("empty.txt").startswith("warning:") and "empty" in line_for("empty.txt")
    assert line_for("blank.txt").startswith("warning:") and "whitespace" in line_for("blank.txt")
    docs = documents(out)
    assert {d: r["status"] for d, r in docs.items()} == {
        "big": "failed", "blank": "warning", "empty": "warning", "good": "ok", "image": "failed", "link": "failed",
    }  # fmt: skip
    assert "error: 3 of 6 files failed" in proc.stderr
    assert normalized(out, "good") == EXPECTED


def test_warnings_alone_exit_zero(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "good.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    proc = cli("run", str(corpus), "--out", str(out), "--quiet")
    assert proc.returncode == 0, proc.stderr


# ---- honest scores


def _gold_line(doc: str, text: str, span: str, kind: str, norm: str) -> str:
    start = text.index(span)
    fields = {"doc": doc, "kind": kind, "start": start, "end": start + len(span), "text": span, "normalized": norm}
    return json.dumps(fields, ensure_ascii=False)


def test_a_failed_document_keeps_its_gold_as_missed(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "b.txt").write_bytes(ENCODED["cp1256"])  # fails under the default utf-8
    gold = [_gold_line("a", TEXT, "20 أكتوبر 1947", "date", "1947-10-20")]
    gold.append(_gold_line("b", TEXT, "20 أكتوبر 1947", "date", "1947-10-20"))
    (corpus / "gold.jsonl").write_text("\n".join(gold) + "\n", encoding="utf-8")
    proc = cli("run", str(corpus), "--out", str(out), "--quiet")
    assert proc.returncode == 1
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    date = report["metrics"]["date"]
    assert date["gold"] == 2
    assert date["strict_recall"] == 0.5, date
    assert "b" in proc.stderr.split("gold failed")[-1]
    # With every document failing, nothing is found and nothing is flattered.
    (corpus / "a.txt").write_bytes(ENCODED["cp1256"])
    proc = cli("run", str(corpus), "--out", str(out), "--quiet")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    date = report["metrics"]["date"]
    assert date["strict_recall"] == 0.0 and date["strict_f1"] == 0.0, date


def test_a_wrong_gold_offset_stops_the_run_before_extraction(tmp_path: Path) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    line = json.loads(_gold_line("a", TEXT, "20 أكتوبر 1947", "date", "1947-10-20"))
    line["start"] += 1
    (corpus / "gold.jsonl").write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    proc = cli("run", str(corpus), "--out", str(out), "--quiet")
    assert proc.returncode == 2 and "gold.jsonl: line 1" in proc.stderr
    assert not (out / "records.jsonl").exists()


# ---- interrupted runs


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_an_interrupted_run_keeps_the_previous_outputs(tmp_path: Path, sig: signal.Signals) -> None:
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    out.mkdir()
    (out / "records.jsonl").write_text("previous\n", encoding="utf-8")
    (corpus / "long.txt").write_text(TEXT * 60_000, encoding="utf-8")
    # A test run started in the background (`make test &`) ignores SIGINT, and a child inherits an ignored
    # signal, so Python would never raise KeyboardInterrupt in it: start the child with the default disposition.
    ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--quiet"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
    finally:
        if ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
    deadline = time.monotonic() + 60
    while not list(out.glob(".records.jsonl.*")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.kill(proc.pid, sig)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()  # never leave a stuck run behind to load the machine
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    assert (out / "records.jsonl").read_text(encoding="utf-8") == "previous\n"
    assert sorted(p.name for p in out.iterdir()) == ["records.jsonl"]


# ---- characters around mentions

SEPARATORS = [
    ("NUL", "\x00"), ("control", "\x07"), ("form feed", "\x0c"), ("DEL", "\x7f"), ("C1", "\x85"),
    ("NBSP", "\u00a0"), ("thin space", "\u2009"), ("narrow NBSP", "\u202f"), ("line separator", "\u2028"),
]  # fmt: skip
INVISIBLE = [
    ("ZWJ", "\u200d"), ("ZWNJ", "\u200c"), ("ZWSP", "\u200b"), ("RLM", "\u200f"), ("LRM", "\u200e"),
    ("ALM", "\u061c"), ("isolate", "\u2067"), ("soft hyphen", "\u00ad"), ("word joiner", "\u2060"),
]  # fmt: skip
SENTENCES = [
    ("وقع في 20 أكتوبر 2024 ثم", "2024-10-20"),
    ("بلغ 5 ملايين دولار تقريبا", "USD 5000000"),
    ("ارتفع بنسبة 7% فقط", "7%"),
    ("من 1979 إلى 1989 كانت", "1979/1989"),
]


@pytest.mark.parametrize(("name", "char"), SEPARATORS + INVISIBLE, ids=[n for n, _ in SEPARATORS + INVISIBLE])
@pytest.mark.parametrize(("sentence", "value"), SENTENCES)
def test_characters_around_and_inside_a_mention(name: str, char: str, sentence: str, value: str) -> None:
    spaces = [i for i, c in enumerate(sentence) if c == " "]
    variants = [
        sentence.replace(" ", char + " "),  # before every space
        sentence.replace(" ", " " + char),  # after every space
        char + sentence + char,
    ]
    if (name, char) in SEPARATORS:
        variants.append("".join(char if i in spaces else c for i, c in enumerate(sentence)))  # instead of spaces
    for text in variants:
        found = extract(text)
        assert [m.normalized for m in found] == [value], (name, text, [(m.text, m.normalized) for m in found])
        assert all(text[m.start : m.end] == m.text for m in found)


DASHES = ["-", "–", "—", "ـ"]
GLUED = [
    ("في 3 مايو 2021{d}قال المتحدث", "3 مايو 2021", "2021-05-03"),
    ("عام 2018{d}ثم جاءت الأزمة", "عام 2018", "2018"),
    ("بنسبة 7%{d}وهو رقم قياسي", "7%", "7%"),
    ("قال{d}في 20 أكتوبر 1947 وقعت", "20 أكتوبر 1947", "1947-10-20"),
    ("بلغت 300 دولار{d}أي أكثر", "300 دولار", "USD 300"),
]


def _after_number(template: str) -> bool:
    before = template.split("{d}")[0][-1]
    return before.isdigit() or before == "%"


# A tatweel is a dash only after a number: after a letter it stretches it (`أـكتوبر`).
CASES = [(d, *case) for case in GLUED for d in DASHES if d != "ـ" or _after_number(case[0])]


@pytest.mark.parametrize(("dash", "template", "span", "value"), CASES)
def test_dashes_glued_to_a_mention_separate_like_a_space(dash: str, template: str, span: str, value: str) -> None:
    text = template.format(d=dash)
    found = extract(text)
    assert [(m.text, m.normalized) for m in found] == [(span, value)], text


def test_a_tatweel_inside_a_word_stretches_it() -> None:
    found = extract("وقعت في 20 أـكتوبر 1947 الاتفاقية")
    assert [(m.text, m.normalized) for m in found] == [("20 أـكتوبر 1947", "1947-10-20")]


def test_a_dash_inside_a_mention_stays_in_it() -> None:
    assert [(m.text, m.normalized) for m in extract("الفترة 1999-2013 كانت")] == [("1999-2013", "1999/2013")]
    assert [(m.text, m.normalized) for m in extract("بنسبة 10-15% تقريبا")] == [("10-15%", "10%/15%")]


# ---- the Python API


def test_reference_date_is_checked() -> None:
    with pytest.raises(TypeError, match=r"reference_date must be a datetime\.date"):
        extract("أمس", reference_date="2025-02-14")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be a str"):
        extract(b"\xd8\xa3\xd9\x85\xd8\xb3")  # type: ignore[arg-type]
    at_noon = extract("أمس", reference_date=dt.datetime(2025, 2, 14, 12, 30))
    assert [m.normalized for m in at_noon] == ["2025-02-13"]
    assert at_noon == extract("أمس", reference_date=dt.date(2025, 2, 14))
    # Relative readings reach centuries from R: a reference date near the calendar's ends is refused
    # up front rather than failing inside date arithmetic (`بعد غد` on 9999-12-31).
    for far in (dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.datetime(9000, 1, 1, 8, 0)):
        with pytest.raises(ValueError, match="outside the years 1000-8999"):
            extract("بعد غد", reference_date=far)
    assert [m.normalized for m in extract("بعد غد", reference_date=dt.date(8999, 12, 31))] == ["9000-01-02"]
