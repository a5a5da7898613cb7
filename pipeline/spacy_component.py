"""spaCy integration: the `arabic_mentions` pipeline component and `pipeline.nlp()`.

    nlp = spacy.blank("ar")
    nlp.add_pipe("arabic_mentions")            # found through the spacy_factories entry point
    doc = nlp("ارتفع التضخم إلى 12٫5٪ عام 2024")
    for span in doc.spans["mentions"]:         # labels DATE, MONEY, PERCENT
        span.label_, span._.normalized, span._.value, span._.rule, span._.start_char, span._.end_char

The component runs `extract` on `doc.text`, so its mentions are exactly the
library's. spaCy's stock Arabic tokenizer keeps a proclitic inside the token
(`بـ78.3`, `و59%`) while the contract leaves it outside the mention; such a
mention becomes the smallest span of whole tokens that covers it, and
`Span._.start_char` / `Span._.end_char` always hold the contract's exact
offsets. `nlp()` builds a pipeline whose tokenizer splits those forms in raw
text, so that every mention is exactly a span.

`Span._.value` is the record's `value` in its JSON form (Decimals as strings),
so that `doc.to_bytes()` and `nlp.pipe(..., n_process=2)` carry it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from . import tokenize
from .corpus import parse_date

FACTORY = "arabic_mentions"
DEFAULT_SPAN_KEY = "mentions"
LABELS = {"date": "DATE", "money": "MONEY", "percent": "PERCENT"}
EXTENSIONS = ("normalized", "value", "rule", "start_char", "end_char")

for _name in EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class MentionsComponent:
    """Sets `doc.spans[span_key]` to the document's mentions."""

    def __init__(self, reference_date: dt.date | None, span_key: str, split_tokens: bool) -> None:
        self.reference_date = reference_date
        self.span_key = span_key
        self.split_tokens = split_tokens

    def __call__(self, doc: Doc) -> Doc:
        from .engine import extract  # here, not at import: spaCy imports this module for every pipeline it builds

        mentions = extract(doc.text, reference_date=self.reference_date)
        if self.split_tokens:
            _split_at(doc, {b for m in mentions for b in (m.start, m.end)})
        spans: list[Span] = []
        for m in mentions:
            label = LABELS[m.kind]
            span = doc.char_span(m.start, m.end, label=label)
            if span is None:  # a token boundary of this tokenizer falls inside the mention's first or last token
                span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand")
            if span is None:
                continue  # cannot happen for a non-empty mention; a span-less record is not a span
            span._.normalized = m.normalized
            span._.value = m.value.model_dump(mode="json")
            span._.rule = m.rule
            span._.start_char = m.start
            span._.end_char = m.end
            spans.append(span)
        doc.spans[self.span_key] = spans
        return doc


def _split_at(doc: Doc, cuts: set[int]) -> None:
    """Split every token that one of the character offsets `cuts` falls inside
    (a word clitic: `لعام 2016` has the mention `عام 2016`)."""
    with doc.retokenize() as retokenizer:
        for token in doc:
            inside = sorted(c - token.idx for c in cuts if token.idx < c < token.idx + len(token))
            if inside:
                bounds = [0, *inside, len(token)]
                orths = [token.text[a:b] for a, b in itertools.pairwise(bounds)]
                # an unparsed pipeline: each piece is its own head, as a fresh token is
                retokenizer.split(token, orths, heads=[(token, i) for i in range(len(orths))])


def _reference_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return parse_date(value)
    except ValueError as exc:
        raise ValueError(f"arabic_mentions: reference_date: {exc}") from None


@Language.factory(FACTORY, default_config={"reference_date": None, "span_key": DEFAULT_SPAN_KEY, "split_tokens": False})
def make_component(
    nlp: Language, name: str, reference_date: str | None, span_key: str, split_tokens: bool
) -> MentionsComponent:
    """`reference_date`: "YYYY-MM-DD" against which relative dates (أمس) are resolved, or null.
    `split_tokens`: split a token a mention starts or ends inside, so that every mention is exactly a
    span; for a pipeline where nothing before this component annotates tokens (`nlp()` sets it)."""
    return MentionsComponent(_reference_date(reference_date), span_key, split_tokens)


# Our tokenizer's affix rules are written for normalised text; a Doc holds the
# raw text, where digits may be Arabic-Indic, `٪` is not folded to `%` yet,
# and a tatweel may draw out a proclitic, the article or an era letter
# (`بـ78.3`, `الـ25`, `1440هـ`, `160هـ/776م`). The rules are adapted, not copied,
# so that a rule added to tokenize.py applies here too.
_RAW_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_TATWEEL = "\u0640"


def _for_raw(pattern: str, *, suffix: bool = False) -> str:
    pattern = pattern.replace("0-9", _RAW_DIGITS).replace("%", "%\u066a")
    pattern = pattern.replace("(?<=[", f"(?<=[{_TATWEEL}")  # what stands before may end in a tatweel
    if suffix:
        return f"(?:{pattern}){_TATWEEL}*"
    return pattern.replace("(?=", f"{_TATWEEL}*(?=", 1)  # what is split off may end in a tatweel


def configure_raw_tokenizer(nlp: Language) -> None:
    """Give `nlp` (a blank Arabic pipeline) our affix rules, adapted to raw text."""
    defaults = nlp.Defaults
    tok: Tokenizer = nlp.tokenizer
    tok.rules = {k: v for k, v in (tok.rules or {}).items() if "." not in k}
    tok.prefix_search = compile_prefix_regex(
        [_for_raw(p) for p in tokenize.PREFIXES] + list(defaults.prefixes or [])
    ).search
    tok.suffix_search = compile_suffix_regex(
        [_for_raw(p, suffix=True) for p in tokenize.SUFFIXES] + list(defaults.suffixes or [])
    ).search
    tok.infix_finditer = compile_infix_regex(
        [_for_raw(p) for p in tokenize.INFIXES] + list(defaults.infixes or [])
    ).finditer


def nlp(*, reference_date: str | dt.date | None = None, span_key: str = DEFAULT_SPAN_KEY) -> Language:
    """A new blank Arabic pipeline with our tokenizer and the `arabic_mentions` component."""
    pipeline = spacy.blank("ar")
    configure_raw_tokenizer(pipeline)
    ref: Any = reference_date.isoformat() if isinstance(reference_date, dt.date) else reference_date
    pipeline.add_pipe(FACTORY, config={"reference_date": ref, "span_key": span_key, "split_tokens": True})
    return pipeline
