"""Normalisation of raw Arabic text for matching, with an offset map back to the raw text.

camel-tools gives the character-level decisions (Unicode compatibility forms,
diacritics, alef / alef-maksura / teh-marbuta variants), but none of its
functions reports offsets, and `dediac_ar` and NFKC change the text length.
So we ask camel-tools once per character, at import time, and build a table;
normalising a text is then one pass that also records, for every normalised
character, the raw span it came from.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .cache import cached, source
from .install_hint import CamelToolsMissing

# camel-tools is asked about each character once per installation (see cache.py);
# whether it is installed is checked at once, without importing it.
if importlib.util.find_spec("camel_tools") is None:
    raise CamelToolsMissing

TATWEEL = "\u0640"
# Invisible marks that carry no meaning for extraction: bidi controls and
# zero-width characters. They are dropped and belong to no character.
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
    "\u00ad\u2060\u180e"  # soft hyphen, word joiner, Mongolian vowel separator
)
# Spaces that should read as an ordinary space, and control characters (NUL and
# the like, left by bad conversions): they separate words, they never hide one.
_CONTROLS = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n\r")
_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u3000\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u205f" + _CONTROLS
_LINES = {"\u2028": "\n", "\u2029": "\n", "\u0085": "\n"}  # line and paragraph separators
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
    if ch in _LINES:
        return _LINES[ch]
    if ch in _SPACES:
        return " "
    if ch in _DIGITS:
        return _DIGITS[ch]
    if ch in _PUNCT:
        return _PUNCT[ch]
    if ch == TATWEEL:
        return ""
    from .camel import (
        dediac_ar,
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

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
    return cached("normalise", source("normalize.py", "camel.py"), ["camel-tools"], _build_table)


def _build_table() -> dict[str, str]:
    table: dict[str, str] = {}
    chars = [chr(c) for lo, hi in _ARABIC_RANGES for c in range(lo, hi + 1)]
    chars += list(_INVISIBLE) + list(_SPACES) + list(_PUNCT) + list(_LINES)
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
def _one_to_one() -> dict[int, str]:
    """Replacements that keep the length (alef variants, digits): `str.translate`."""
    return {ord(c): r for c, r in _table().items() if len(r) == 1}


@lru_cache(maxsize=1)
def _resizing_chars() -> re.Pattern[str]:
    """Characters whose replacement changes the length (deleted marks, ligatures)."""
    resizing = sorted(c for c, r in _table().items() if len(r) != 1)
    return re.compile("[" + re.escape("".join(resizing)) + "]")


@dataclass(frozen=True, slots=True)
class Normalised:
    """The normalised text and the way back to the raw text.

    The map is kept as pieces, one per stretch where normalised and raw
    characters correspond one to one, plus one per expansion (a ligature that
    became several letters); `ends` records the characters whose raw span
    grew over the marks that followed them. Its size is the number of length
    changes, not the length of the text."""

    raw: str
    text: str
    piece_norm: tuple[int, ...] = ()  # where each piece starts in the normalised text
    piece_raw: tuple[int, ...] = ()  # where it starts in the raw text
    piece_expanded: tuple[bool, ...] = ()  # all its characters come from one raw character
    ends: dict[int, int] | None = None  # normalised index -> raw end, where not start + 1

    @property
    def identity(self) -> bool:
        """Offsets are the same in both texts (only one-to-one replacements)."""
        return not self.piece_norm

    def _start(self, n: int) -> int:
        p = bisect_right(self.piece_norm, n) - 1
        if self.piece_expanded[p]:
            return self.piece_raw[p]
        return self.piece_raw[p] + (n - self.piece_norm[p])

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of the normalised span [start, end) (end > start)."""
        if not self.piece_norm:
            return start, end
        last = end - 1
        raw_end = self.ends.get(last) if self.ends else None
        return self._start(start), raw_end if raw_end is not None else self._start(last) + 1


# Between a number and a word, a tatweel is a dash (`2021ـقال`) and a zero-width
# character a space (`5\u200cملايين`): they separate the two. Elsewhere a tatweel
# only stretches a letter (`بـ78.3`, `1440هـ`; between two words it cannot be told
# from a stretch inside one, `أـكتوبر`) and a zero-width character is nothing.
_DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9%"
_WORD_AFTER = "(?=[\u0621-\u063a\u0641-\u064a]{2})"
_JOINERS = "\u200b\u200c\u200d\u2060"
_MARKS = re.compile(f"{TATWEEL}+|[{_JOINERS}]+")
_BEFORE_SPACE = re.compile(f"[{_DIGIT}]")
_WORD = re.compile("[\u0621-\u063a\u0641-\u064a]{2}")
_LETTER = re.compile("[\u0621-\u064a]")


def separate_glued(raw: str) -> str:
    """The raw text with the tatweels and zero-width characters that stand
    between a number and a word turned into a dash or a space (same length)."""
    if TATWEEL not in raw and not any(c in raw for c in _JOINERS):
        return raw
    out: list[str] = []
    pos = 0
    for m in _MARKS.finditer(raw):  # rare: each is judged by the characters around it
        a, b = m.span()
        before = raw[a - 1] if a else ""
        if raw[a] == TATWEEL:
            glued = bool(before) and _BEFORE_SPACE.match(before) is not None and _WORD.match(raw, b) is not None
            sep = "-"
        else:
            after = raw[b] if b < len(raw) else ""
            glued = bool(before) and (
                _BEFORE_SPACE.match(before) is not None
                or (_LETTER.match(before) is not None and bool(after) and _BEFORE_SPACE.match(after) is not None)
            )
            sep = " "
        if glued:
            out += [raw[pos:a], sep * (b - a)]  # same length: offsets unchanged
            pos = b
    if not out:
        return raw
    out.append(raw[pos:])
    return "".join(out)


def normalise(raw: str) -> Normalised:
    original, raw = raw, separate_glued(raw)
    table = _table()
    one_to_one = _one_to_one()
    if _resizing_chars().search(raw) is None:
        return Normalised(original, raw.translate(one_to_one))
    out: list[str] = []
    piece_norm: list[int] = []
    piece_raw: list[int] = []
    piece_expanded: list[bool] = []
    ends: dict[int, int] = {}
    n = 0  # length of the normalised text so far
    pos = 0  # raw position after the last resizing character
    last_start = -1  # raw start of the last normalised character
    last_piece_n = 0  # normalised index where the last output's raw character began
    for m in _resizing_chars().finditer(raw):
        i = m.start()
        if i > pos:  # a one-to-one run
            piece_norm.append(n)
            piece_raw.append(pos)
            piece_expanded.append(False)
            out.append(raw[pos:i].translate(one_to_one))
            n += i - pos
            last_start, last_piece_n = i - 1, n - 1
        rep = table[raw[i]]
        if rep:  # an expansion: every character comes from raw[i]
            piece_norm.append(n)
            piece_raw.append(i)
            piece_expanded.append(True)
            out.append(rep)
            last_start, last_piece_n = i, n
            n += len(rep)
        elif _attaches_left(raw[i]) and n and ends.get(n - 1, last_start + 1) == i:
            for k in range(last_piece_n, n):  # the letter (or ligature) before covers its mark
                ends[k] = i + 1
        pos = i + 1
    if pos < len(raw):
        piece_norm.append(n)
        piece_raw.append(pos)
        piece_expanded.append(False)
        out.append(raw[pos:].translate(one_to_one))
    if not out:  # nothing but deleted marks: an empty text, not an identity map
        return Normalised(original, "", (0,), (len(raw),), (False,))
    return Normalised(original, "".join(out), tuple(piece_norm), tuple(piece_raw), tuple(piece_expanded), ends or None)


def normalise_key(s: str) -> str:
    """Normalise a lexicon form the same way as the text (no offsets needed)."""
    return s.translate(_full_table())


@lru_cache(maxsize=1)
def _full_table() -> dict[int, str]:
    return {ord(c): r for c, r in _table().items()}
