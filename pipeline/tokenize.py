"""spaCy's blank Arabic tokenizer, taught to split clitics and era letters off numbers.

The blank `ar` pipeline keeps `و59`, `ب78.3`, `1990م` and `1440ه` as one
token (after normalisation tatweel is gone, so `بـ78.3` reads `ب78.3`). We add
prefix, suffix and infix rules to spaCy's own tokenizer rather than running a
second tokenizer beside it. The clitic letters come from
particles.py and the era letters from triggers.tsv, as the grammar reads them.
Word clitics (`لعام`, `والعام`) are not split here:
the lexicon lookup strips them, since splitting every initial `و` or `ل` would
break ordinary words.
"""

from __future__ import annotations

import heapq
import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon_files import era_letters
from .particles import ARTICLE, PROCLITICS

if TYPE_CHECKING:
    from spacy.language import Language

_CURRENCY_SIGNS = r"\$€£¥₹₺₽₪﷼"
# The letters the grammar reads as proclitics (particles.py) and as era markers (the
# one-letter era rows of triggers.tsv): the tokenizer splits exactly these off a number.
_CLITIC = "".join(p for p in PROCLITICS if len(p) == 1)
_SECOND_CLITIC = "".join(sorted({p[1] for p in PROCLITICS if len(p) == 2}))
_ERA = era_letters()

# One proclitic letter before a digit, a currency sign or a percent sign.
PREFIXES = [
    rf"[{_CLITIC}](?=[{_SECOND_CLITIC}]?[-+]?[0-9{_CURRENCY_SIGNS}%])",
    rf"[{_CURRENCY_SIGNS}%](?=[0-9])",
    r"[-+](?=[0-9])",
    rf"{ARTICLE}(?=[0-9])",  # الـ25 من يناير: the article before a day number
    r"/(?=[\u0621-\u064a])",
    r"[(\[«\"'](?=[0-9])",
]
# Era letters (م, ه) and trailing signs after a number.
SUFFIXES = [
    rf"(?<=[0-9])[{_ERA}]",
    rf"(?<=[0-9])[{_CURRENCY_SIGNS}%]",
    r"(?<=[0-9])[-+]",
    r"(?<=[0-9)\]}»\"'%" + _CURRENCY_SIGNS + r"])[.,;:!?؟،؛]",
    r"(?<=[0-9])[)\]}»\"']",
    r"(?<=[\u0621-\u064a])\.",  # a sentence-final dot after a one-letter word (م.)
    r"(?<=[\u0621-\u064a])/",  # آذار/ مارس
]
# A hyphen between two numbers is a range or a date separator.
INFIXES = [
    r"(?<=[0-9])[-](?=[0-9])",
    r"(?<=[0-9])[%](?=[0-9])",
    # a dash glued to a word on either side of a number separates like a space (2021—قال, 7%–وهو)
    r"(?<=[0-9%])[-](?=[\u0621-\u064a])",
    r"(?<=[\u0621-\u064a])[-](?=[0-9])",
    r"(?<=[0-9])[%](?=-)",
    # 160هـ/776م: the era letter and the slash between a Hijri and a Gregorian year
    rf"(?<=[0-9])[{_ERA}](?=/)",
    rf"(?<=[{_ERA}])/(?=[0-9])",
    # د.ب, ر.س, ق.م: a dot between two letters splits, so an abbreviation has the
    # same tokens wherever it stands (with or without a sentence-final dot)
    r"(?<=[\u0621-\u064a])\.(?=[\u0621-\u064a])",
]


@lru_cache(maxsize=1)
def arabic_nlp() -> Language:
    # spaCy is imported when a text first needs it (a second or so): a short
    # text of plain words, or a process that only reads cached tables, never does.
    import spacy
    from spacy.attrs import IS_SPACE
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = spacy.blank("ar")
    defaults = nlp.Defaults
    tokenizer: Tokenizer = nlp.tokenizer
    # spaCy's Arabic special cases keep `د.` and `ب.` whole, which would give the
    # currency `د.ب` different tokens before a full stop; the dotted ones go.
    tokenizer.rules = {k: v for k, v in (tokenizer.rules or {}).items() if "." not in k}
    tokenizer.prefix_search = compile_prefix_regex(PREFIXES + list(defaults.prefixes or [])).search
    tokenizer.suffix_search = compile_suffix_regex(SUFFIXES + list(defaults.suffixes or [])).search
    tokenizer.infix_finditer = compile_infix_regex(INFIXES + list(defaults.infixes or [])).finditer
    # Every new word gets some twenty lexical attributes (shape, like_num, …) computed
    # in Python; we read only whether a token is whitespace. On an archive's
    # endless vocabulary this saves about a quarter of the tokeniser's time.
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]
    nlp.vocab.lex_attr_getters = {IS_SPACE: getters[IS_SPACE]}  # type: ignore[attr-defined]
    return nlp


MAX_STRINGS = 100_000  # strings spaCy may hold before the tokenizer is made anew
CHUNK = 100_000  # characters per tokenizer call: spaCy refuses texts over 1M
# spaCy strips affixes one at a time, each search scanning the rest of the
# word, so a long run without spaces costs its length squared (16,000 `%`
# took 34 s). No word or number is this long: a longer run is cut into
# pieces of this size before spaCy sees it.
MAX_RUN = 64
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")


def _chunks(text: str) -> list[tuple[int, str]]:
    """Cut a long text at whitespace into pieces the tokenizer accepts, and
    cut runs without whitespace longer than MAX_RUN; a mention never spans a
    cut, since cuts fall between tokens (or inside a run no mention can be)."""
    out: list[tuple[int, str]] = []
    pos = 0
    while len(text) - pos > CHUNK:
        cut = max(text.rfind("\n", pos, pos + CHUNK), text.rfind(" ", pos, pos + CHUNK))
        if cut <= pos:
            cut = pos + CHUNK  # no whitespace at all: a forced cut
        out.append((pos, text[pos:cut]))
        pos = cut
    out.append((pos, text[pos:]))
    return [piece for offset, chunk in out for piece in _cut_long_runs(offset, chunk)]


def _run_cuts(run: str) -> list[int]:
    """Where to cut a run without spaces into pieces of at most MAX_RUN characters:
    never between two letters or digits when another place is near (a number in
    a dot leader, `البطالة.......15%`, stays whole)."""
    cuts = [0]
    while len(run) - cuts[-1] > MAX_RUN:
        start = cuts[-1]
        cut = start + MAX_RUN
        while cut > start + 1 and run[cut - 1].isalnum() and run[cut].isalnum():
            cut -= 1
        cuts.append(cut if cut > start + 1 else start + MAX_RUN)
    return cuts


def _cut_long_runs(offset: int, chunk: str) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    pos = 0
    for m in _LONG_RUN.finditer(chunk):
        if m.start() > pos:
            pieces.append((offset + pos, chunk[pos : m.start()]))
        cuts = [m.start() + c for c in _run_cuts(m.group())] + [m.end()]
        pieces.extend((offset + a, chunk[a:b]) for a, b in itertools.pairwise(cuts))
        pos = m.end()
    if pos < len(chunk) or not pieces:
        pieces.append((offset + pos, chunk[pos:]))
    return pieces


# A run of Arabic letters alone (most words of a text), or of digits alone, is always one token: no
# affix rule and no special case splits it (tests/test_tokenize_paths.py checks
# this against spaCy). Such words skip spaCy; the others go to it together.
_CHUNK_RE = re.compile(r"\S+")
# A mark closing such a word is its own token too (not `)`: spaCy keeps `8)` whole, a smiley).
_END_PUNCT = frozenset(".,،؛:!?؟»")
_PLAIN = re.compile(f"[\u0621-\u063a\u0641-\u064a]{{1,{MAX_RUN}}}|[0-9]{{1,{MAX_RUN}}}")


def tokenize(text: str) -> tuple[list[str], list[int]]:
    """Token texts and their start offsets in `text`, whitespace tokens dropped."""
    plain_words: list[str] = []
    plain_starts: list[int] = []
    other: list[tuple[int, str]] = []
    plain = _PLAIN.fullmatch
    for m in _CHUNK_RE.finditer(text):
        w = m.group()
        if plain(w) is not None:
            plain_words.append(w)
            plain_starts.append(m.start())
        elif w[-1] in _END_PUNCT and plain(w[:-1]) is not None:  # `2024،`, `الماضي.`: the word, then the mark
            plain_words += [w[:-1], w[-1]]
            plain_starts += [m.start(), m.end() - 1]
        else:
            other.append((m.start(), w))
    if not other:
        return plain_words, plain_starts
    joined = " ".join(w for _, w in other)
    words, jstarts = spacy_tokenize(joined)
    # Back to offsets of `text`: token k lies in the k-th chunk sent to spaCy.
    starts: list[int] = []
    k, jbase = 0, 0  # the chunk, and where it begins in `joined`
    for j in jstarts:
        while j >= jbase + len(other[k][1]):
            jbase += len(other[k][1]) + 1
            k += 1
        starts.append(other[k][0] + j - jbase)
    if not plain_words:
        return words, starts
    merged = list(heapq.merge(zip(plain_starts, plain_words, strict=True), zip(starts, words, strict=True)))
    return [w for _, w in merged], [s for s, _ in merged]


def spacy_tokenize(text: str) -> tuple[list[str], list[int]]:
    """spaCy's tokenizer with our rules over the whole text: token texts and starts."""
    from spacy.attrs import IDX, IS_SPACE, LENGTH

    nlp = arabic_nlp()
    words: list[str] = []
    starts: list[int] = []
    for offset, piece in _chunks(text):
        # Reading the token table as an array avoids building a Token object per token.
        table = nlp.make_doc(piece).to_array([IDX, LENGTH, IS_SPACE]).tolist()
        for idx, length, space in table:
            if space:
                continue
            words.append(piece[idx : idx + length])
            starts.append(offset + idx)
    if len(nlp.vocab.strings) > MAX_STRINGS:
        # spaCy keeps every string it meets, and an archive's vocabulary is endless:
        # past a bound, a new tokenizer starts afresh. (A memory zone frees them too,
        # but it turns off spaCy's cache of tokenised words: 40 times slower here.)
        arabic_nlp.cache_clear()
    return words, starts
