"""Where a mention can be: windows of the normalised text around seed words.

Most of a text cannot hold a mention: no digit, no currency sign, no month,
number or relative-time word. Such stretches need not be tokenised at all. A
*seed* is a token that can start a mention or vouch for one (a strong anchor
of the grammar, or an amount of time); a window runs from a few words before
a seed to a few words after it, overlapping windows merge, and only windows
are tokenised and read by the rules.

Why this is exact: a rule starts at a strong anchor, or at a weak one (`في`,
`عام`) with a strong anchor at most `engine.REACH` tokens after it, and looks
at most a handful of tokens around the words it reads. Windows reach
`LEFT` words before the first seed and `RIGHT` words after the last one, more
than any rule looks, so a rule reads the same tokens inside a window as in
the whole text. Windows are tokenised together, separated by a barrier token
that no rule reads through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .particles import ALEF, LAM, PROCLITICS

LEFT = 10  # words before a seed: a weak anchor 6 tokens before a phrase of up to 4 words, ending in the seed
RIGHT = 8  # words after a seed: what a rule looks ahead past its last strong token
BARRIER = "\ue000"  # a private-use character: a token that matches nothing, between windows

# The Arabic letters and the extended ones dialect writing uses (چ of Gulf باچر, گ, ڤ, پ).
_LETTERS = "\u0621-\u064a\u0671-\u06d3"
_WORD = re.compile(f"[{_LETTERS}]+")
_LATIN = re.compile("[A-Za-z]+")
# One step over a word and the spaces after it; \S+ and \s+ cannot overlap, so no backtracking.
_RIGHT_WORDS = re.compile(rf"(?:\s*\S+){{1,{RIGHT + 1}}}")
_LEFT_WORDS = re.compile(rf"(?:\s*\S+){{1,{LEFT + 1}}}")  # run on the reversed text


@dataclass(frozen=True, slots=True)
class Seeds:
    """The seed vocabulary: Arabic words (with their proclitic spellings), Latin
    words (ISO codes), and characters (digits, currency and percent signs)."""

    words: frozenset[str]
    latin: frozenset[str]
    chars: re.Pattern[str]

    def positions(self, text: str) -> list[int]:
        """Start offsets of every seed in `text`, sorted."""
        return scan(text, self)[0]


def scan(text: str, *vocabularies: Seeds) -> list[list[int]]:
    """The seed positions of several vocabularies, in one pass over the text's words."""
    found = [[m.start() for m in v.chars.finditer(text)] for v in vocabularies]
    sets = [v.words for v in vocabularies]
    union = _union(tuple(sets))
    for m in _WORD.finditer(text):
        w = m.group()
        if w in union:
            for k, words in enumerate(sets):
                if w in words:
                    found[k].append(m.start())
    for k, v in enumerate(vocabularies):
        if v.latin:
            found[k].extend(m.start() for m in _LATIN.finditer(text) if m.group() in v.latin)
        found[k].sort()
    return found


@lru_cache(maxsize=8)
def _union(sets: tuple[frozenset[str], ...]) -> frozenset[str]:
    return frozenset().union(*sets)


def spellings(first_word: str) -> Iterable[str]:
    """The ways a lexicon phrase's first word can be written in running text:
    bare, after a proclitic (`وعام`), with `ل` + article merged (`للعام`)."""
    yield first_word
    for p in PROCLITICS:
        yield p + first_word
        if p.endswith(LAM) and first_word.startswith(ALEF + LAM):
            yield p + first_word[1:]


def build_seeds(phrases: Iterable[tuple[str, ...]], exact: frozenset[str] = frozenset(), digits: bool = True) -> Seeds:
    """Seeds from lexicon phrases: each phrase is found by its last word (`في المئة`
    by `المئة`: the first word is often a common particle), a one-word phrase
    also with a proclitic glued to it, unless that spelling is a word of its own
    in the lexicon (`exact`: `بين` is never `ب` + `ين`)."""
    words: set[str] = set()
    latin: set[str] = set()
    chars = set("0123456789" if digits else "")
    for phrase in phrases:
        w = next((x for x in reversed(phrase) if _WORD.fullmatch(x) or _LATIN.fullmatch(x)), "".join(phrase))
        if _WORD.fullmatch(w):
            words.add(w)
            if len(phrase) == 1:
                words.update(v for v in spellings(w) if v == w or v not in exact)
        elif _LATIN.fullmatch(w):
            latin.add(w)
        else:  # a sign ($, %, E£) or a dotted abbreviation (L.E): its letters and signs, never the dot
            latin.update(_LATIN.findall(w))
            chars.update(c for c in w if not (c.isspace() or c.isalnum() or c in ".,"))
    pattern = re.compile("[" + re.escape("".join(sorted(chars))) + "]+" if chars else "(?!)")
    return Seeds(frozenset(words), frozenset(latin), pattern)


def windows(text: str, positions: list[int]) -> list[tuple[int, int]]:
    """Merged windows [start, end) around the seed positions, cut at whitespace."""
    if not positions:
        return []
    rev = text[::-1]
    n = len(text)
    out: list[tuple[int, int]] = []

    def right(p: int) -> int:
        m = _RIGHT_WORDS.match(text, p)
        return m.end() if m else p

    def left(p: int) -> int:
        m = _LEFT_WORDS.match(rev, n - p)
        return n - m.end() if m else p

    cur_a, cur_b = left(positions[0]), right(positions[0])
    pending = -1  # the last seed inside the window whose right edge is not computed yet
    for p in positions:
        if p < cur_b:
            pending = p  # a later seed inside the window reaches at least as far: compute only the last one
            continue
        if pending >= 0:
            cur_b = max(cur_b, right(pending))
            pending = -1
            if p < cur_b:
                pending = p
                continue
        a = left(p)
        if a <= cur_b:
            cur_b = max(cur_b, right(p))
            continue
        out.append((cur_a, cur_b))
        cur_a, cur_b = a, right(p)
    if pending >= 0:
        cur_b = max(cur_b, right(pending))
    out.append((cur_a, cur_b))
    return out
