"""Archive scale: reading only the windows around seed words gives exactly what
reading the whole text gives; memory does not grow with the vocabulary; the
Dask engine writes the same bytes as a local run."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import engine, extract
from pipeline.lexicon import lexicon
from pipeline.prefilter import windows
from pipeline.tokenize import arabic_nlp

ROOT = Path(__file__).resolve().parent.parent
CORPUS_WORDS = sorted({w for p in (ROOT / "corpus").glob("*.txt") for w in p.read_text(encoding="utf-8").split()})
LEXICON_FORMS = sorted({" ".join(e.words) for e in lexicon().entries()})
PROSE = [
    "تناول",
    "الاجتماع",
    "سبل",
    "تعزيز",
    "التعاون",
    "الثقافي",
    "بين",
    "المؤسسات",
    "وناقش",
    "المشاركون",
    "أهمية",
    "تطوير",
    "المناهج",
    "في",
    "المدن",
]


def _one_window(text: str, positions: list[int]) -> list[tuple[int, int]]:
    return [(0, len(text))] if text.strip() else []


def _whole(text: str) -> list[tuple[int, int, str, str | None, str]]:
    """The mentions when the whole text is one window (no prefilter)."""
    with mock.patch("pipeline.engine.windows", _one_window):
        return [(m.start, m.end, m.kind, m.normalized, m.rule) for m in extract(text)]


def _key(text: str) -> list[tuple[int, int, str, str | None, str]]:
    return [(m.start, m.end, m.kind, m.normalized, m.rule) for m in extract(text)]


words = st.one_of(st.sampled_from(CORPUS_WORDS), st.sampled_from(LEXICON_FORMS), st.sampled_from(PROSE))
gaps = st.sampled_from([" ", " ", " ", "\n", "، ", " - "])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(words, gaps), min_size=1, max_size=80))
def test_windows_read_what_the_whole_text_reads(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + g for w, g in parts)
    assert _key(text) == _whole(text)


def test_windows_on_the_corpus_and_sparse_text() -> None:
    rng = random.Random(3)
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _key(text) == _whole(text), path.name
        # the same sentences far apart in prose: each window alone
        sentences = text.split("،")
        sparse = " ".join(s + " " + " ".join(rng.choice(PROSE) for _ in range(30)) for s in sentences)
        assert _key(sparse) == _whole(sparse), path.name


def test_windows_are_merged_cut_at_whitespace_and_cover_their_seeds() -> None:
    text = " ".join(PROSE * 3) + " في 20 أكتوبر 1947 " + " ".join(PROSE * 3) + " بلغ 5 ملايين دولار"
    positions = engine._seeds().positions(text)
    spans = windows(text, positions)
    assert len(spans) == 2
    for a, b in spans:
        assert (a == 0 or text[a - 1].isspace()) and (b == len(text) or text[b].isspace())
    assert all(any(a <= p < b for a, b in spans) for p in positions)
    assert windows(" ".join(PROSE), engine._seeds().positions(" ".join(PROSE))) == []


def test_prose_without_seeds_is_not_tokenised(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def tokenize(text: str) -> tuple[list[str], list[int]]:
        calls.append(text)
        return [], []

    monkeypatch.setattr(engine, "tokenize", tokenize)
    assert extract(" ".join(PROSE * 50)) == []
    assert calls == []


def test_memory_does_not_grow_with_the_vocabulary(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import tokenize

    monkeypatch.setattr(tokenize, "MAX_STRINGS", 20_000)  # a low bound, to see it work on a small input
    extract("تهيئة 5")
    rng = random.Random(0)
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    for _ in range(5):  # 60,000 new words in brackets (so spaCy splits them), each by a digit (all are read)
        text = " ".join(
            "(" + "".join(rng.choice(letters) for _ in range(8)) + f") {rng.randint(1, 99)}" for _ in range(12_000)
        )
        extract(text)
        assert len(arabic_nlp().vocab.strings) <= 20_000 + 30_000  # bounded: at most one piece past the bound
    from pipeline.lexicon import CACHE_WORDS

    assert len(lexicon()._starts) <= CACHE_WORDS and len(lexicon()._roles) <= CACHE_WORDS


def test_dask_engine_writes_the_same_bytes(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("us_pakistan_relations", "gulf_budget", "news_relative_dates"):
        (corpus / f"{name}.txt").write_bytes((ROOT / "corpus" / f"{name}.txt").read_bytes())
    long = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
    (corpus / "long.txt").write_text(long * 5, encoding="utf-8")  # several pieces: pieces are tasks
    outs: list[Path] = []
    for extra in ([], ["--jobs", "2"], ["--engine", "dask", "--jobs", "2"]):
        out = tmp_path / f"out{len(outs)}"
        proc = subprocess.run(
            [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--quiet", *extra],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert proc.returncode == 0, proc.stderr
        outs.append(out)
    for name in ("records.jsonl", "documents.jsonl", "report.html"):
        data = [(o / name).read_bytes() for o in outs]
        assert data[0] == data[1] == data[2], name
    assert (outs[0] / "records.jsonl").read_text(encoding="utf-8").count('"doc": "long"') > 1000


def test_progress_shows_on_a_terminal_and_nowhere_else(tmp_path: Path) -> None:
    import os
    import pty

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (ROOT / "corpus" / "gulf_budget.txt").read_text(encoding="utf-8")
    (corpus / "long.txt").write_text(text * 400, encoding="utf-8")  # several pieces: the bar moves inside the file
    args = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(tmp_path / "out")]
    piped = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and "\r" not in piped.stderr and piped.stderr == ""
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=300)
    os.close(master)
    shown = seen.decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "B/s" in shown and "%" in shown, shown[-500:]  # rate and share done, from tqdm
    assert "done in" in shown


def _peak_rss_mb(path: Path, out: Path) -> float:
    code = (
        "import resource, sys; from pathlib import Path; from pipeline.runner import run; "
        "run(Path(sys.argv[1]), Path(sys.argv[2]), quiet=True); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, str(path), str(out)], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr
    return float(proc.stdout.strip().splitlines()[-1])


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    """Peak memory of a run on a 1 MB and a 12 MB single-line file of news-like
    text (dense with mentions, no line break): the same, within noise."""
    from pipeline.bench import generate

    sizes = {}
    for mb in (1, 12):
        corpus = tmp_path / f"c{mb}"
        corpus.mkdir()
        text = generate("news", int(mb * 1e6 / 1.8), ROOT / "corpus").replace("\n", " ")
        (corpus / "one.txt").write_text(text, encoding="utf-8")
        sizes[mb] = _peak_rss_mb(corpus, tmp_path / f"out{mb}")
    print(f"peak RSS by input size (MB): {sizes}")
    assert sizes[12] < sizes[1] + 60, sizes  # 11 MB more input, tens of thousands more mentions
