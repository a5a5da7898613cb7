"""Benchmark: throughput, stage times and peak memory, against the normalise+tokenise floor.

    python -m pipeline.bench [--megabytes 5] [--big-megabytes 30] [--corpus corpus/]

Every input is generated afresh, written to a file and read by the same code
as `python -m pipeline run`, in its own process (so that each peak RSS is its
own). The floor is what the work costs with the libraries alone, measured on
the same text in the same run: camel-tools normalisation (its Unicode, dediac,
alef, alef-maksura and teh-marbuta functions) plus spaCy's blank Arabic
tokenizer. Inputs:

- news: paragraphs of news prose around sentences of the corpus (about one
  mention in 60 words), with fresh vocabulary: a sixth of the prose words are
  new pseudo-words, so spaCy's and our caches keep meeting unseen strings;
- prose: the same prose with no mention at all;
- tables: the corpus texts repeated (about one mention in 15 words);
- fresh vocabulary: prose where every other word has never been seen;
- one file: a single news-like file of --big-megabytes on few lines.

Timings are reported, never asserted: a benchmark is not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import engine
from .corpus import discover, open_source, read_chunks, read_text
from .engine import doc_currencies, extract_piece, warm_up
from .segments import pieces

# Prose of our own without dates, amounts or percentages: what most of an archive is.
_PROSE = [
    "تناول الاجتماع سبل تعزيز التعاون الثقافي بين المؤسسات التعليمية وناقش المشاركون أهمية تطوير المناهج.",
    "وأكد المتحدث باسم الوزارة أن الحكومة ماضية في تنفيذ خطتها لتحسين الخدمات المقدمة للمواطنين.",
    "وشهدت العاصمة حركة نشطة في الأسواق الشعبية حيث توافد السكان لشراء حاجاتهم من الخضار والفواكه.",
    "وقال رئيس البلدية إن أعمال الصيانة تشمل الطرق الرئيسية والحدائق العامة وشبكات الإنارة في الأحياء القديمة.",
    "ودعا الناشطون إلى حماية البيئة البحرية من التلوث وإلى تنظيف الشواطئ بمشاركة المتطوعين من الشباب.",
    "وتواصل الفرق الطبية حملات التوعية في المدارس والجامعات حول أهمية التغذية السليمة وممارسة الرياضة.",
    "وأشار التقرير إلى تحسن ملحوظ في جودة المياه بعد تركيب محطات المعالجة الجديدة في عدد من المحافظات.",
    "واستقبل الرئيس وفدا من رجال الأعمال لبحث فرص الاستثمار في قطاعات الزراعة والصناعة والسياحة.",
    "وفي الجانب الرياضي تستعد الأندية لانطلاق الموسم الجديد وسط آمال الجماهير بمنافسة قوية على اللقب.",
    "ويرى خبراء الاقتصاد أن تنويع مصادر الدخل يظل التحدي الأكبر أمام الدول المعتمدة على النفط.",
    "وافتتح معرض الكتاب أبوابه أمام الزوار بمشاركة دور نشر عربية وأجنبية وبرنامج ثقافي حافل بالندوات.",
    "وطالب المزارعون بتوفير البذور المحسنة والأسمدة بأسعار مناسبة ودعم تسويق المحاصيل المحلية.",
    "وأعلنت الشركة عن إطلاق خدمة رقمية جديدة تتيح للعملاء إنجاز معاملاتهم دون الحاجة إلى زيارة الفروع.",
    "وتحدث الكاتب في أمسيته عن علاقة الأدب بالذاكرة الجماعية وعن دور الرواية في توثيق تحولات المجتمع.",
    "وتعمل السلطات المحلية على تأهيل المباني التاريخية في المدينة العتيقة للحفاظ على طابعها المعماري.",
    "وشدد البيان الختامي على ضرورة تعزيز الحوار بين الأطراف والعمل المشترك لمواجهة التحديات الإقليمية.",
]
_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


class _Fresh:
    """Pseudo-words never seen before, from a counter: the vocabulary keeps growing."""

    def __init__(self) -> None:
        self.n = 0

    def word(self) -> str:
        self.n += 1
        n, out = self.n, []
        while n:
            n, d = divmod(n, len(_LETTERS))
            out.append(_LETTERS[d])
        return "ال" + "".join(out) + "ات"


def _sentences(corpus: Path) -> list[str]:
    out = []
    for doc in discover(corpus):
        try:
            text = read_text(doc.path)
        except Exception:
            continue
        out += [s.strip() + "." for s in text.replace("\n", ".").split(".") if len(s.split()) >= 6]
    return out


def _prose(rng: random.Random, fresh: _Fresh | None, share: float) -> str:
    words = rng.choice(_PROSE).split()
    if fresh is not None:
        words = [fresh.word() if rng.random() < share else w for w in words]
    return " ".join(words)


def generate(kind: str, chars: int, corpus: Path, seed: int = 1) -> str:
    rng = random.Random(seed)
    fresh = _Fresh()
    parts: list[str] = []
    size = 0
    corpus_sentences = _sentences(corpus) if kind in ("news", "tables", "big") else []
    while size < chars:
        if kind in ("news", "big"):
            para = [_prose(rng, fresh, 1 / 6) for _ in range(rng.randint(3, 5))]
            para.insert(rng.randrange(len(para) + 1), rng.choice(corpus_sentences))
            piece = " ".join(para) + ("\n" if kind == "news" or rng.random() < 0.01 else " ")
        elif kind == "prose":
            piece = " ".join(_prose(rng, None, 0) for _ in range(4)) + "\n"
        elif kind == "fresh":
            piece = " ".join(_prose(rng, fresh, 1 / 2) for _ in range(4)) + "\n"
        else:  # tables
            piece = rng.choice(corpus_sentences) + "\n"
        parts.append(piece)
        size += len(piece)
    return "".join(parts)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _floor(path: Path) -> dict[str, float]:
    """camel-tools normalisation + spaCy blank `ar` tokenisation of the file, in blocks."""
    import spacy
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    nlp = spacy.blank("ar")
    nlp.make_doc("تهيئة")
    source = open_source(path)
    start = time.perf_counter()
    for block in read_chunks(source):
        for i in range(0, len(block), 100_000):
            text = normalize_unicode(block[i : i + 100_000])
            text = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))
            with nlp.memory_zone():
                nlp.make_doc(text)
    return {"seconds": time.perf_counter() - start, "rss": _peak_mb()}


def _pipeline(path: Path) -> dict[str, float]:
    """The run's own path for one document: checked, read in blocks, cut in pieces."""
    warm_up()
    engine.STAGES = {}
    start = time.perf_counter()
    source = open_source(path)
    parts = pieces(read_chunks(source))
    first = next(parts)
    count = 0
    if first.last:
        count = len(extract_piece(first, None, "bench", None))
    else:
        currencies = doc_currencies(pieces(read_chunks(source)))
        count = sum(len(extract_piece(p, None, "bench", currencies)) for p in pieces(read_chunks(source)))
    took = time.perf_counter() - start
    return {
        "seconds": took,
        "rss": _peak_mb(),
        "mentions": count,
        **{f"stage_{k}": v for k, v in engine.STAGES.items()},
    }


def _child(mode: str, path: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-m", "pipeline.bench", "--child", mode, str(path)],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="texts the news is built around")
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of each input (default: 5)")
    parser.add_argument("--big-megabytes", type=float, default=30.0, help="size of the single file (default: 30)")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, path = args.child
        print(json.dumps(_floor(Path(path)) if mode == "floor" else _pipeline(Path(path))))
        return 0
    if args.megabytes <= 0 or args.big_megabytes < 0:
        parser.error("sizes must be more than 0")
    if not _sentences(args.corpus):
        print(f"error: {args.corpus}: no readable .txt files", file=sys.stderr)
        return 2
    print(f"python {sys.version.split()[0]}; each input about {args.megabytes} MB, generated afresh")
    header = (
        f"{'input':<16} {'MB':>6} {'mentions':>9} {'MB/s':>6} {'floor MB/s':>10} {'x floor':>7} "
        f"{'mentions/s':>10} {'peak RSS':>9}  seconds per stage (normalise/currencies/prefilter/tokenise/rules/records)"
    )
    print(header)
    cases = [("news", args.megabytes), ("prose", args.megabytes), ("tables", args.megabytes),
             ("fresh", args.megabytes), ("big", args.big_megabytes)]  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        for kind, mb in cases:
            if mb <= 0:
                continue
            path = Path(tmp) / f"{kind}.txt"
            path.write_text(generate(kind, int(mb * 1e6 / 1.8), args.corpus), encoding="utf-8")
            size = path.stat().st_size / 1e6
            floor = _child("floor", path)
            got = _child("pipeline", path)
            stages = "/".join(
                f"{got.get('stage_' + s, 0.0):.2f}"
                for s in ("normalise", "currencies", "prefilter", "tokenise", "rules", "records")
            )
            label = "one file" if kind == "big" else kind
            print(
                f"{label:<16} {size:>6.1f} {int(got['mentions']):>9,} {size / got['seconds']:>6.2f} "
                f"{size / floor['seconds']:>10.2f} {got['seconds'] / floor['seconds']:>7.2f} "
                f"{got['mentions'] / got['seconds']:>10,.0f} {got['rss']:>6.0f} MB  {stages} s"
            )
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
