"""The spaCy component gives exactly the library's mentions, in a stock pipeline and in `pipeline.nlp()`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc

import pipeline
from pipeline.corpus import discover, read_meta, read_text
from pipeline.records import Mention

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
META = read_meta(CORPUS)
DOCS = [(d.id, read_text(d.path)) for d in discover(CORPUS)]


def stock(reference_date: dt.date | None = None) -> Language:
    nlp = spacy.blank("ar")
    nlp.add_pipe("arabic_mentions", config={"reference_date": reference_date.isoformat() if reference_date else None})
    return nlp


def as_records(doc: Doc, key: str = "mentions") -> list[tuple[str, int, int, str | None, str]]:
    return [(s.label_, s._.start_char, s._.end_char, s._.normalized, s._.rule) for s in doc.spans[key]]


def expected(mentions: list[Mention]) -> list[tuple[str, int, int, str | None, str]]:
    return [(m.kind.upper(), m.start, m.end, m.normalized, m.rule) for m in mentions]


@pytest.fixture(scope="module")
def corpus_docs() -> dict[str, tuple[list[Mention], Doc, Doc]]:
    out = {}
    for doc_id, text in DOCS:
        ref = META.get(doc_id)
        out[doc_id] = (
            pipeline.extract(text, reference_date=ref),
            stock(ref)(text),
            pipeline.nlp(reference_date=ref)(text),
        )
    return out


def test_a_stock_pipeline_gets_the_library_mentions(corpus_docs: dict[str, tuple[list[Mention], Doc, Doc]]) -> None:
    expanded = 0
    for mentions, doc, _ in corpus_docs.values():
        assert as_records(doc) == expected(mentions)
        for m, span in zip(mentions, doc.spans["mentions"], strict=True):
            assert span._.value == m.value.model_dump(mode="json")
            assert span.start_char <= m.start < m.end <= span.end_char
            assert doc.text[span._.start_char : span._.end_char] == m.text
            if (span.start_char, span.end_char) != (m.start, m.end):
                expanded += 1  # the stock tokenizer keeps a proclitic inside the token
                assert len(span.text) > len(m.text)
    assert expanded > 50, "the corpus has many proclitics before mentions: the fallback must have been used"


def test_our_pipeline_makes_every_mention_exactly_a_span(
    corpus_docs: dict[str, tuple[list[Mention], Doc, Doc]],
) -> None:
    for mentions, _, doc in corpus_docs.values():
        assert as_records(doc) == expected(mentions)
        assert [(s.start_char, s.end_char, s.text) for s in doc.spans["mentions"]] == [
            (m.start, m.end, m.text) for m in mentions
        ]
        assert "".join(t.text_with_ws for t in doc) == doc.text


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("قدمت بـ78.3 مليار", ["قدمت", "بـ", "78.3", "مليار"]),
        ("عام ١٩٩٠م", ["عام", "١٩٩٠", "م"]),
        ("سنة 1440هـ", ["سنة", "1440", "هـ"]),
        ("عام 160هـ/776م", ["عام", "160", "هـ", "/", "776", "م"]),
        ("و59٪ منها", ["و", "59", "٪", "منها"]),
        ("الـ25 من يناير", ["الـ", "25", "من", "يناير"]),
    ],
)
def test_our_tokenizer_splits_raw_forms(text: str, tokens: list[str]) -> None:
    nlp = pipeline.nlp()
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_a_word_clitic_is_split_only_where_a_mention_starts() -> None:
    doc = pipeline.nlp()("لعام 2016 ولكن للحكومة رأيا")
    assert [t.text for t in doc] == ["ل", "عام", "2016", "ولكن", "للحكومة", "رأيا"]
    assert [s.text for s in doc.spans["mentions"]] == ["عام 2016"]


def test_each_call_builds_a_new_pipeline() -> None:
    assert pipeline.nlp() is not pipeline.nlp()


def test_the_reference_date_and_span_key_are_config() -> None:
    nlp = spacy.blank("ar")
    nlp.add_pipe("arabic_mentions", config={"reference_date": "2025-02-14", "span_key": "sc"})
    doc = nlp("وصل الوفد أمس")
    assert [(s.text, s._.normalized) for s in doc.spans["sc"]] == [("أمس", "2025-02-13")]
    assert "mentions" not in doc.spans
    unresolved = stock()("وصل الوفد أمس")
    assert [s._.normalized for s in unresolved.spans["mentions"]] == [None]


def test_a_bad_reference_date_is_one_clear_error() -> None:
    nlp = spacy.blank("ar")
    with pytest.raises(
        ValueError, match=r"arabic_mentions: reference_date: not a date in YYYY-MM-DD form: '14/02/2025'"
    ):
        nlp.add_pipe("arabic_mentions", config={"reference_date": "14/02/2025"})


def test_spans_and_their_fields_survive_to_bytes() -> None:
    for nlp in (stock(), pipeline.nlp()):
        doc = nlp("قدمت لعام 2016 بـ78.3 مليار دولار، أي ١٢٫٥٪")
        back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        assert as_records(back) == as_records(doc)
        assert [s._.value for s in back.spans["mentions"]] == [s._.value for s in doc.spans["mentions"]]
        assert [s.label_ for s in back.spans["mentions"]] == ["DATE", "MONEY", "PERCENT"]


def test_two_processes_give_what_one_gives() -> None:
    texts = [text for _, text in DOCS[:6]]
    for nlp in (stock(), pipeline.nlp()):
        one = [as_records(d) for d in nlp.pipe(texts)]
        two = [as_records(d) for d in nlp.pipe(texts, n_process=2, batch_size=2)]
        assert two == one
        assert sum(map(len, one)) > 30


def test_displacy_draws_the_mentions_right_to_left() -> None:
    doc = pipeline.nlp()("ارتفع التضخم إلى 12٫5٪ في الربع الثالث من 2024")
    html = displacy.render(doc, style="span", options={"spans_key": "mentions"})
    assert "direction: rtl" in html
    assert "PERCENT" in html and "DATE" in html
