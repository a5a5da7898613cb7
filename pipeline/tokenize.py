"""spaCy's blank Arabic tokenizer, taught to split clitics and era letters off numbers.

The blank `ar` pipeline keeps `و59`, `ب78.3`, `1990م` and `1440ه` as one
token (after normalisation tatweel is gone, so `بـ78.3` reads `ب78.3`). We add
prefix, suffix and infix rules to spaCy's own tokenizer rather than running a
second tokenizer beside it. Word clitics (`لعام`, `والعام`) are not split here:
the lexicon lookup strips them, since splitting every initial `و` or `ل` would
break ordinary words.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

_CURRENCY_SIGNS = r"\$€£¥₹₺₽₪﷼"

# One proclitic letter before a digit, a currency sign or a percent sign.
PREFIXES = [
    rf"[وفبلك](?=[بلك]?[0-9{_CURRENCY_SIGNS}%])",
    rf"[{_CURRENCY_SIGNS}%](?=[0-9])",
    r"[-+](?=[0-9])",
    r"ال(?=[0-9])",  # الـ25 من يناير: the article before a day number
    r"/(?=[\u0621-\u064a])",
    r"[(\[«\"'](?=[0-9])",
]
# Era letters (م, ه) and trailing signs after a number.
SUFFIXES = [
    r"(?<=[0-9])[مه]",
    rf"(?<=[0-9])[{_CURRENCY_SIGNS}%]",
    r"(?<=[0-9])[-+]",
    r"(?<=[0-9)\]}»\"'%" + _CURRENCY_SIGNS + r"])[.,;:!?؟،؛]",
    r"(?<=[0-9])[)\]}»\"']",
    r"(?<=[\u0621-\u064a])\.",  # a sentence-final dot after a one-letter word (م.)
    r"(?<=[\u0621-\u064a])/",  # آذار/ مارس
]
# A hyphen between two numbers is a range or a date separator.
INFIXES = [r"(?<=[0-9])[-](?=[0-9])", r"(?<=[0-9])[%](?=[0-9])"]


@lru_cache(maxsize=1)
def arabic_nlp() -> Language:
    nlp = spacy.blank("ar")
    defaults = nlp.Defaults
    nlp.tokenizer.prefix_search = compile_prefix_regex(PREFIXES + list(defaults.prefixes or [])).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(SUFFIXES + list(defaults.suffixes or [])).search
    nlp.tokenizer.infix_finditer = compile_infix_regex(INFIXES + list(defaults.infixes or [])).finditer
    return nlp


def tokenize(text: str) -> tuple[list[str], list[int]]:
    """Token texts and their start offsets in `text`, whitespace tokens dropped."""
    doc = arabic_nlp().make_doc(text)
    words: list[str] = []
    starts: list[int] = []
    for tok in doc:
        if tok.is_space:
            continue
        words.append(tok.text)
        starts.append(tok.idx)
    return words, starts
