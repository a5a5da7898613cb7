"""Gold without typing offsets: annotate texts or folders, stable ids, list with
context, accept, reject, edit, add; one gold file per corpus root."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from pipeline.gold import find_root, record_ids
from pipeline.gold_edit import (
    GoldEditError,
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

from .cli_runs import in_process

ROOT = Path(__file__).resolve().parent.parent
TEXT = "أعلنت الوزارة في 20 أكتوبر 1947 أن التضخم بلغ 12٫5٪، وفي 20 أكتوبر 1947 أيضا.\n"


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text(TEXT, encoding="utf-8")
    return folder


def _lines(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


def _ids(folder: Path) -> list[str]:
    gold = open_gold(folder)
    ids = gold.ids()
    return [ids[id(r)] for r in gold.for_doc("story")]


def test_annotate_proposes_drafts(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    result = annotate([folder / "story.txt"], folder)
    (prop,) = result.proposals
    assert prop.path == (folder / "gold.jsonl").resolve() and prop.doc == "story"
    rows = _lines(folder)
    assert prop.count == len(rows) == 3
    assert all(r["draft"] is True and r["doc"] == "story" for r in rows)
    assert [r["text"] for r in rows] == ["20 أكتوبر 1947", "12٫5٪", "20 أكتوبر 1947"]
    for r in rows:
        assert TEXT[r["start"] : r["end"]] == r["text"]
    with pytest.raises(GoldEditError, match="already has gold"):
        annotate([folder / "story.txt"], folder)


def test_a_folder_is_annotated_where_gold_is_missing_and_ids_are_relative_to_the_root(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    annotate([folder / "story.txt"], folder)
    (folder / "news").mkdir()
    (folder / "news" / "later.txt").write_text("ارتفعت الأسعار 3% أمس.\n", encoding="utf-8")
    result = annotate([folder], folder, reference_date=__import__("datetime").date(2025, 5, 14))
    assert [p.doc for p in result.proposals] == ["news/later"] and result.skipped == ["story"]
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert meta == {"news/later": {"reference_date": "2025-05-14"}}
    assert [(r["doc"], r["normalized"]) for r in _lines(folder) if r["doc"] == "news/later"] == [
        ("news/later", "3%"),
        ("news/later", "2025-05-13"),
    ]
    assert not (folder / "news" / "gold.jsonl").exists()


def test_redo_keeps_reviewed_records_and_proposes_the_rest_again(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "today.txt").write_text("أعلنت الوزارة أمس أن التضخم بلغ 4% في 3 آذار 2024.\n", encoding="utf-8")
    annotate([folder / "today.txt"], folder)
    gold = open_gold(folder)
    rows = gold.for_doc("today")
    assert [r.normalized for r in rows] == [None, "4%", "2024-03-03"]
    accept(gold, [rows[2]])
    edit(gold, rows[1], "40%")  # a reviewed record that differs from the extraction: --redo must keep it
    save(gold)
    result = annotate([], folder, reference_date=__import__("datetime").date(2024, 3, 5), redo=["today"])
    assert [(p.doc, p.count, p.kept) for p in result.proposals] == [("today", 1, 2)]
    assert [(r["normalized"], "draft" in r) for r in _lines(folder)] == [
        ("2024-03-04", True),
        ("40%", False),
        ("2024-03-03", False),
    ]


def test_ids_are_stable_when_other_records_go(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    annotate([folder / "story.txt"], folder)
    first, second, third = _ids(folder)
    assert first.startswith("story#") and len(first) == len("story#") + 4 and len({first, second, third}) == 3
    gold = open_gold(folder)
    assert reject(gold, select(gold, [second])) == 1
    save(gold)
    assert _ids(folder) == [first, third]
    gold = open_gold(folder)
    assert find_record(gold, first).start == TEXT.index("20 أكتوبر")
    assert find_record(gold, "#" + third.split("#")[1], "story").text == "20 أكتوبر 1947"
    with pytest.raises(GoldEditError, match="no such record"):
        find_record(gold, second)


def test_ids_grow_only_when_four_digits_collide() -> None:
    from pipeline.records import GoldMention

    rows = [GoldMention(doc="d", kind="date", start=i, end=i + 1, text="x", normalized=None) for i in range(600)]
    ids = record_ids(rows)
    assert len(set(ids.values())) == 600
    assert {len(v) for v in ids.values()} == {len("d#") + 6}  # 600 records: some 4-digit prefixes collide


def test_ranges_accept_reject_edit_add(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    annotate([folder / "story.txt"], folder)
    first, second, third = _ids(folder)
    gold = open_gold(folder)
    assert accept(gold, select(gold, [f"{first}..#{second.split('#')[1]}"])) == 2
    save(gold)
    assert ["draft" in r for r in _lines(folder)] == [False, False, True]
    gold = open_gold(folder)
    new = edit(gold, find_record(gold, third), span_text="أكتوبر 1947", occurrence=2)
    assert (new.start, new.text, new.normalized, new.draft) == (
        TEXT.rindex("أكتوبر 1947"),
        "أكتوبر 1947",
        "1947-10-20",
        False,
    )
    edit(gold, new, "1947-10")
    save(gold)
    at = TEXT.rindex("أكتوبر 1947")
    want = {"doc": "story", "kind": "date", "start": at, "end": at + 11, "text": "أكتوبر 1947", "normalized": "1947-10"}
    assert _lines(folder)[2] == want
    gold = open_gold(folder)
    with pytest.raises(GoldEditError, match="occurs 2 times"):
        add(gold, "story", "20 أكتوبر 1947", 3, "date", "1947-10-20")
    with pytest.raises(GoldEditError, match="overlaps"):
        add(gold, "story", "أكتوبر 1947", 1, "date", "1947-10")
    with pytest.raises(GoldEditError, match="counts from 1"):
        add(gold, "story", "التضخم", 0, "date", "2019")
    with pytest.raises(GoldEditError, match="no document 'nosuch'"):
        select(gold, [f"{first}..nosuch#abcd"])


def test_list_shows_context_and_words(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = "صدر القرار في 1 شوال 1444 هـ بقيمة 78.3 مليار دولار، والمزيد من الكلام هنا لملء السياق فقط.\n"
    (folder / "h.txt").write_text(text, encoding="utf-8")
    annotate([folder / "h.txt"], folder)
    lines = listing(open_gold(folder), "h")
    assert len(lines) == 4
    assert lines[0].split()[1:4] == ["draft", "date", "2023-04-21"]
    assert lines[0].endswith("(Fri 21 April 2023 = 1 Shawwal 1444 AH)")
    assert lines[1] == "    \u2068…صدر القرار في ⟦1 شوال 1444 هـ⟧ بقيمة 78.3 مليار دولار، والمز…\u2069"
    assert lines[2].endswith("USD 78300000000  (78.3 billion USD)")
    left, right = lines[3].split("⟦")[0], lines[3].split("⟧")[1]
    assert right == text[text.index("دولار") + 5 :][:30] + "…\u2069"  # 30 characters each side
    assert left.endswith(text[: text.index("78.3")][-30:])


def test_a_bad_value_is_refused_and_nothing_rewritten(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    annotate([folder / "story.txt"], folder)
    before = (folder / "gold.jsonl").read_bytes()
    gold = open_gold(folder)
    with pytest.raises(GoldEditError, match=r"invalid.*not a well-formed date"):
        add(gold, "story", "التضخم", 1, "date", "not-a-date")  # the record model refuses it
    save(gold)
    assert (folder / "gold.jsonl").read_bytes() == before


def test_an_invalid_gold_file_is_not_edited(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (folder / "gold.jsonl").write_text('{"doc": "story"\n', encoding="utf-8")
    with pytest.raises(GoldEditError, match="fix them first"):
        open_gold(folder)


@pytest.mark.parametrize(
    ("kind", "value"),
    [("date", "2019-13"), ("date", "2019-02-30"), ("date", "2020/2019"), ("money", "ZZZ 5"), ("percent", "10%/5%")],
)
def test_impossible_values_are_refused(kind: str, value: str, tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    annotate([folder / "story.txt"], folder)
    gold = open_gold(folder)
    add(gold, "story", "التضخم", 1, kind, value)  # type: ignore[arg-type]
    with pytest.raises(GoldEditError, match="invalid"):
        save(gold)


def test_the_root_is_found_the_same_way_from_any_subfolder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _corpus(tmp_path)
    (folder / "news" / "local").mkdir(parents=True)
    deep = folder / "news" / "local" / "x.txt"
    deep.write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rel = Path("corpus/news/local/x.txt")
    assert find_root(rel) == folder.resolve()  # no gold yet: the first folder under the working folder
    (folder / "news" / "meta.json").write_text("{}", encoding="utf-8")
    (folder / "gold.jsonl").write_text("", encoding="utf-8")
    assert find_root(rel) == folder.resolve()  # the outermost marked folder wins
    assert find_root(Path("corpus/news")) == folder.resolve()
    assert find_root(rel, folder / "news") == (folder / "news").resolve()
    monkeypatch.chdir(folder / "news")
    assert find_root(Path("local/x.txt")) == (folder / "news").resolve()  # never above the working folder


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m pipeline ARGS` run from CWD, in this process through `main(argv)` (tests/cli_runs.py)."""
    return in_process(*args, cwd=cwd)


def test_drafts_are_reported_and_not_scored(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    proc = _cli("annotate", "corpus/story.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "story: 3 drafts proposed"
    assert "python -m pipeline review corpus/" in proc.stdout
    proc = _cli("run", "corpus", "--out", "out", "--quiet", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "3 draft gold records in 1 document are unreviewed and not scored" in proc.stdout
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["metrics"]["date"]["gold"] == 0
    proc = _cli("gold", "accept", "story", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout == "accepted 3 drafts\n", proc.stderr
    proc = _cli("run", "corpus", "--out", "out", "--quiet", cwd=tmp_path)
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["metrics"]["date"]["gold"] == 2 and report["metrics"]["date"]["strict_f1"] == 1.0
    proc = _cli("gold", "list", "nosuch", "--corpus", str(folder), cwd=ROOT)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1


def test_cli_edit_and_reject_by_id(tmp_path: Path) -> None:
    _corpus(tmp_path)
    _cli("annotate", "corpus/story.txt", cwd=tmp_path)
    first, second, _ = _ids(tmp_path / "corpus")
    proc = _cli("gold", "edit", second, "--normalized", "null", cwd=tmp_path)
    assert proc.returncode == 0 and proc.stdout.endswith("-> null\n"), proc.stderr
    proc = _cli("gold", "reject", first, cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, "rejected 1 record\n"), proc.stderr
    proc = _cli("gold", "reject", "story", cwd=tmp_path)
    assert proc.returncode == 2 and "record ids" in proc.stderr
    proc = _cli("gold", "edit", second, cwd=tmp_path)
    assert proc.returncode == 2 and "--normalized" in proc.stderr
    proc = _cli("gold", "list", cwd=tmp_path)  # the documents with drafts
    assert proc.returncode == 0 and proc.stdout.count("story#") == 2 and proc.stdout.count(" draft ") == 1


def test_annotate_says_why_a_text_cannot_be_read(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    proc = _cli("annotate", str(folder / "missing.txt"), cwd=ROOT)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "missing.txt" in proc.stderr and "cannot be read" in proc.stderr
    (folder / "latin1.txt").write_bytes("é".encode("latin-1"))
    proc = _cli("annotate", str(folder / "latin1.txt"), cwd=ROOT)
    assert proc.returncode == 1 and "not UTF-8" in proc.stderr
    proc = _cli("annotate", cwd=ROOT)
    assert proc.returncode == 2 and "--redo" in proc.stderr


def test_annotate_uses_the_reference_date_of_meta(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "today.txt").write_text("أعلنت الوزارة أمس النتائج.\n", encoding="utf-8")
    (folder / "meta.json").write_text('{"today": {"reference_date": "2024-03-15"}}', encoding="utf-8")
    (prop,) = annotate([folder / "today.txt"], folder).proposals
    assert prop.unresolved == 0
    assert [r["normalized"] for r in _lines(folder)] == ["2024-03-14"]
