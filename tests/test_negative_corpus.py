"""The negative corpus (`pipeline/rules/examples/negative.txt`): hundreds of realistic
sentences full of digits and trigger words in which nothing is a mention."""

from __future__ import annotations

import re

from pipeline import extract
from pipeline.lexicon import lexicon
from pipeline.normalize import normalise
from pipeline.tokenize import tokenize

from .examples import EXAMPLES

PATH = EXAMPLES / "negative.txt"


def _sentences() -> list[tuple[int, str]]:
    lines = PATH.read_text(encoding="utf-8").splitlines()
    return [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]


SENTENCES = _sentences()


def test_nothing_is_a_mention() -> None:
    found = []
    for n, line in SENTENCES:
        mentions = extract(line)
        if mentions:
            found.append(f"{PATH.name}:{n}: {line!r} -> {[(m.kind, m.text, m.rule) for m in mentions]}")
    assert not found, "\n".join(found)


def test_the_corpus_is_large_and_distinct() -> None:
    texts = [line for _, line in SENTENCES]
    assert len(texts) >= 300, len(texts)
    assert len(set(texts)) == len(texts), "duplicate sentences"


def test_every_sentence_tempts_the_grammar() -> None:
    """Each line holds a digit or a word of the lexicon: a line the grammar never looks at proves nothing."""
    lex = lexicon()
    idle = []
    for n, line in SENTENCES:
        text = normalise(line).text
        if re.search(r"[0-9]", text) is None and not any(lex.roles_for(w) for w in tokenize(text)[0]):
            idle.append(f"{n}: {line}")
    assert not idle, "\n".join(idle)
