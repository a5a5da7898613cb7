"""Words of Arabic letters alone skip spaCy: the result must be exactly spaCy's."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import normalise
from pipeline.tokenize import arabic_nlp, spacy_tokenize, tokenize

ROOT = Path(__file__).resolve().parent.parent
LETTERS = [chr(c) for c in [*range(0x621, 0x63B), *range(0x641, 0x64B)]]


def test_letter_words_are_one_spacy_token_each() -> None:
    rng = random.Random(5)
    words = {w for p in (ROOT / "corpus").glob("*.txt") for w in normalise(p.read_text(encoding="utf-8")).text.split()}
    words |= {"".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 14))) for _ in range(20_000)}
    words |= set(getattr(arabic_nlp().tokenizer, "rules", None) or {})
    nlp = arabic_nlp()
    for w in sorted(words):
        if all(c in LETTERS for c in w):
            assert [t.text for t in nlp.make_doc(w)] == [w], w


def test_the_corpus_tokenises_the_same_both_ways() -> None:
    for p in sorted((ROOT / "corpus").glob("*.txt")):
        text = normalise(p.read_text(encoding="utf-8")).text
        assert tokenize(text) == spacy_tokenize(text), p.name


pieces = st.one_of(
    st.text(alphabet=LETTERS, min_size=1, max_size=8),
    st.tuples(
        st.one_of(st.text(alphabet=LETTERS, min_size=1, max_size=8), st.from_regex(r"[0-9]{1,6}", fullmatch=True)),
        st.sampled_from(list(".,،؛:!?؟»)(\"'%-")),
    ).map("".join),
    st.sampled_from(["2019", "5%", "(2014)", "و59", "ب78.3", "1440ه", "1999-2013", "،", ".", "$10", "a" * 70]),
    st.text(max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(pieces, st.sampled_from([" ", "  ", "\n", "\t", " \n "])), max_size=40))
def test_any_text_tokenises_the_same_both_ways(parts: list[tuple[str, str]]) -> None:
    text = "".join(w + g for w, g in parts)
    assert tokenize(text) == spacy_tokenize(text)
