"""Normalisation of raw Arabic text for matching, with an offset map back to the raw text.

camel-tools gives the character-level decisions (Unicode compatibility forms,
diacritics, alef / alef-maksura / teh-marbuta variants), but none of its
functions reports offsets, and `dediac_ar` and NFKC change the text length.
So we ask camel-tools once per character, at import time, and build a table;
normalising a text is then one pass that also records, for every normalised
character, the raw span it came from.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

TATWEEL = "\u0640"
# Invisible marks that carry no meaning for extraction: bidi controls and
# zero-width characters. They are dropped and belong to no character.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
# Spaces that should read as an ordinary space.
_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u3000"
# Digits of the two Arabic scripts, mapped to ASCII.
_DIGITS = {chr(0x0660 + d): str(d) for d in range(10)} | {chr(0x06F0 + d): str(d) for d in range(10)}
# Arabic decimal separator and percent sign fold to their Latin forms. The
# Arabic thousands separator U+066C is kept: it is unambiguous, unlike ','.
_PUNCT = {"\u066b": ".", "\u066a": "%", "\u2212": "-", "\u2013": "-", "\u2014": "-"}

# Code points worth asking camel-tools about: the Arabic blocks and the
# presentation forms (ligatures such as U+FDFC RIAL SIGN expand to a word).
_ARABIC_RANGES = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]


def _normalise_char(ch: str) -> str:
    if ch in _INVISIBLE:
        return ""
    if ch in _SPACES:
        return " "
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch in _PUNCT:
        return _PUNCT[ch]
    if ch == TATWEEL:
        return ""
    out = normalize_unicode(ch)
    out = dediac_ar(out)
    out = normalize_alef_ar(out)
    out = normalize_alef_maksura_ar(out)
    out = normalize_teh_marbuta_ar(out)
    # Hamza marks written as combining characters (U+0654/U+0655) and other
    # Arabic combining marks that dediac_ar leaves: drop them too.
    return "".join(c for c in out if not (unicodedata.combining(c) and "\u0610" <= c <= "\u08ff"))


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    chars = [chr(c) for lo, hi in _ARABIC_RANGES for c in range(lo, hi + 1)]
    chars += list(_INVISIBLE) + list(_SPACES) + list(_PUNCT)
    for ch in chars:
        out = _normalise_char(ch)
        if out != ch:
            table[ch] = out
    return table


def _attaches_left(ch: str) -> bool:
    """Deleted characters that belong to the letter before them (diacritics,
    tatweel): a mention ending on that letter covers them too."""
    return ch == TATWEEL or unicodedata.combining(ch) != 0


@lru_cache(maxsize=1)
def _changing_chars() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(sorted(_table()))) + "]")


@dataclass(frozen=True, slots=True)
class Normalised:
    """The normalised text and, for each of its characters, the raw span it
    came from (`starts[i]`, `ends[i]`)."""

    raw: str
    text: str
    starts: array[int] | None  # None: identity map (nothing changed length)
    ends: array[int] | None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the normalised span [start, end) (end > start)."""
        if self.starts is None or self.ends is None:
            return start, end
        return self.starts[start], self.ends[end - 1]


def normalise(raw: str) -> Normalised:
    table = _table()
    pattern = _changing_chars()
    if pattern.search(raw) is None:
        return Normalised(raw, raw, None, None)
    out: list[str] = []
    starts = array("q")
    ends = array("q")
    pos = 0
    for m in pattern.finditer(raw):
        i = m.start()
        if i > pos:  # unchanged run: identity mapping
            out.append(raw[pos:i])
            starts.extend(range(pos, i))
            ends.extend(range(pos + 1, i + 1))
        ch = raw[i]
        rep = table[ch]
        if rep:
            out.append(rep)
            starts.extend([i] * len(rep))
            ends.extend([i + 1] * len(rep))
        elif _attaches_left(ch) and ends and ends[-1] == i:
            ends[-1] = i + 1  # the letter before now covers its mark
            # an expansion (ligature) shares the end with all its characters
            k = len(ends) - 2
            while k >= 0 and starts[k] == starts[-1]:
                ends[k] = i + 1
                k -= 1
        pos = i + 1
    if pos < len(raw):
        out.append(raw[pos:])
        starts.extend(range(pos, len(raw)))
        ends.extend(range(pos + 1, len(raw) + 1))
    text = "".join(out)
    return Normalised(raw, text, starts, ends)


def normalise_key(s: str) -> str:
    """Normalise a lexicon form the same way as the text (no offsets needed)."""
    table = _table()
    return "".join(table.get(c, c) for c in s)
