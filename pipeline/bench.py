"""Benchmark: throughput and peak memory of extraction.

    python -m pipeline.bench [--corpus corpus/] [--megabytes 5]

Reports, for three inputs of about the same size, characters and megabytes
per second and the peak resident memory: the corpus texts repeated (real
density of mentions), Arabic prose with no digits or trigger words (the cost
floor: normalisation and tokenisation), and a hostile text dense with digits.
Timings are reported, never asserted: a benchmark is not a test.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from .corpus import DocError, discover, read_text
from .engine import extract, warm_up
from .normalize import normalise
from .tokenize import tokenize

_PROSE = (
    "تناول الاجتماع سبل تعزيز التعاون الثقافي بين المؤسسات التعليمية وناقش المشاركون "
    "أهمية تطوير المناهج وتشجيع القراءة لدى الأطفال والشباب في المدن والقرى على السواء\n"
)
_HOSTILE = "من 1,5 إلى 2.340,5 بين 5 و10 ملايين 1999-2013 ٪59 20/10/1947 عام ألفين وتسعة عشر "


def _repeat(text: str, chars: int) -> str:
    return (text * (chars // max(1, len(text)) + 1))[:chars]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(name: str, text: str) -> str:
    start = time.perf_counter()
    norm = normalise(text)
    tokenize(norm.text)
    floor = time.perf_counter() - start
    start = time.perf_counter()
    mentions = extract(text)
    took = time.perf_counter() - start
    mb = len(text.encode("utf-8")) / 1e6
    return (
        f"{name:<18} {len(text):>10,} chars {mb:>7.2f} MB  {len(mentions):>8,} mentions  "
        f"{len(text) / took:>11,.0f} chars/s {mb / took:>6.2f} MB/s  "
        f"(normalise+tokenise alone: {mb / floor:.2f} MB/s)  peak RSS {_peak_mb():.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="texts to repeat (default: corpus/)")
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of each input (default: 5)")
    args = parser.parse_args(argv)
    if args.megabytes <= 0:
        parser.error("--megabytes must be more than 0")
    texts = []
    for doc in discover(args.corpus):
        try:
            texts.append(read_text(doc.path))
        except DocError:
            continue
    if not texts:
        print(f"error: {args.corpus}: no readable .txt files", file=sys.stderr)
        return 2
    chars = int(args.megabytes * 1e6 / 1.8)  # Arabic UTF-8 is about 1.8 bytes a character
    warm_up()  # load lexicons and spaCy before timing, as the command line does
    print(f"python {sys.version.split()[0]}; inputs of about {args.megabytes} MB each")
    print(_measure("corpus repeated", _repeat("\n".join(texts), chars)))
    print(_measure("prose, no triggers", _repeat(_PROSE, chars)))
    print(_measure("hostile, digits", _repeat(_HOSTILE, chars)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
