"""Cutting a long text into pieces read one at a time, in bounded memory.

A piece owns a stretch of the text and carries some context on either side, so
that a mention crossing the end of its stretch (`في 20 أكتوبر⏎1947`) is read
whole; a mention belongs to the piece whose stretch holds its first character.
The same cuts are made whether the text is in memory or streamed from a file,
so a document's mentions do not depend on how it is read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

SEGMENT = 200_000  # characters a piece owns
CONTEXT = 2_000  # characters of context on each side: far more than any mention and what its rules look at
_SPACE = re.compile(r"\s")
# Every character a text may separate words with (Python's whitespace); a cut falls after one.
_WHITESPACE = tuple({chr(c) for c in range(0x3001) if chr(c).isspace()} - {"\n"})


@dataclass(frozen=True, slots=True)
class Piece:
    offset: int  # document offset of text[0]
    text: str  # the owned stretch with its context
    own_start: int  # the owned stretch, in offsets of `text`
    own_end: int
    last: bool  # the document's last piece


def _last_space(buf: str, lo: int, hi: int) -> int:
    return max(buf.rfind(c, lo, hi) for c in _WHITESPACE)


def _cut(buf: str, lo: int, hi: int) -> int:
    """Where to end a stretch: after a line break in [lo, hi), else after any other
    whitespace (a space, NBSP, a tab…), else at hi (the context still covers it)."""
    cut = buf.rfind("\n", lo, hi)
    if cut < 0:
        cut = _last_space(buf, lo, hi)
    return hi if cut < 0 else cut + 1


def _context_start(buf: str, lo: int, own: int) -> int:
    """The first word start at or after lo (context never starts inside a word)."""
    if lo <= 0:
        return 0
    m = _SPACE.search(buf, lo - 1, own)
    return lo if m is None else m.start() + 1


def _context_end(buf: str, own: int, hi: int) -> int:
    """The last word end before hi; with no whitespace at all, hi itself (a forced
    cut keeps its context too: no mention near the cut is lost)."""
    if hi >= len(buf):
        return len(buf)
    cut = max(_last_space(buf, own, hi), buf.rfind("\n", own, hi))
    return hi if cut < 0 else cut


def pieces(chunks: Iterable[str], segment: int = SEGMENT, context: int = CONTEXT) -> Iterator[Piece]:
    """The pieces of the text made of `chunks` (a whole text, or a file read in blocks)."""
    it = iter(chunks)
    buf, buf_off = "", 0  # buf[0] is document offset buf_off
    a = 0  # document offset where the next owned stretch starts
    eof = False
    while True:
        while not eof and buf_off + len(buf) < a + segment + context:
            chunk = next(it, None)
            if chunk is None:
                eof = True
            else:
                buf += chunk
        end = buf_off + len(buf)
        ra = a - buf_off
        if eof and end - a <= segment:
            rb = len(buf)
        else:
            rb = _cut(buf, ra + segment // 2, ra + segment)
        ca = _context_start(buf, ra - context, ra)
        cb = _context_end(buf, rb, rb + context)
        last = eof and rb >= len(buf)
        yield Piece(buf_off + ca, buf[ca:cb], ra - ca, rb - ca, last)
        if last:
            return
        a = buf_off + rb
        drop = a - context - buf_off - 1
        if drop > 0:
            buf, buf_off = buf[drop:], buf_off + drop
