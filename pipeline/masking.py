"""Spans of the normalised text that are addresses, not prose: URLs, e-mail addresses,
file paths and percent-encoded runs (`%2F`, `%D8%A7`). No mention may touch one:
`%29` inside a URL is not 29 %, and `/2019/05/` inside a path is not a date.

The scan is linear: one regular expression finds the characters that can start
such a span (`://`, `www.`, `@`, `/`, `\\`, `%`), and each trigger is widened to
its white-space-delimited chunk by walking, never re-reading a chunk twice.
"""

from __future__ import annotations

import bisect
import re

_TRIGGER = re.compile(r"://|www\.|@|[/\\%]", re.IGNORECASE)
_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_SCHEME = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-")
_EMAIL_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-")
_EMAIL_DOMAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_FILE_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")
_DRIVE = re.compile(r"[A-Za-z]:\\")
_OPENERS = "([{<\"'«"
_CLOSERS = ".,،;؛:!?؟)]}>\"'»"


def _chunk_bounds(text: str, p: int, floor: int) -> tuple[int, int]:
    """The white-space-delimited chunk around position p, not reaching back before `floor`."""
    a = p
    while a > floor and not text[a - 1].isspace():
        a -= 1
    b = p
    n = len(text)
    while b < n and not text[b].isspace():
        b += 1
    return a, b


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _OPENERS:
        a += 1
    while b > a and text[b - 1] in _CLOSERS:
        b -= 1
    return a, b


def _url_start(text: str, a: int, sep: int) -> int:
    """Where the scheme before `://` at `sep` begins (`https` in `المصدر:https://…`)."""
    s = sep
    while s > a and text[s - 1] in _SCHEME:
        s -= 1
    return s


def _emails(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    lo = a  # an address never reaches back into the one before it
    at = text.find("@", a, b)
    while at != -1:
        s = at
        while s > lo and text[s - 1] in _EMAIL_LOCAL:
            s -= 1
        e = at + 1
        while e < b and text[e] in _EMAIL_DOMAIN:
            e += 1
        if s < at and "." in text[at + 1 : e]:
            out.append(_trim(text, s, e))
            lo = e
        at = text.find("@", e if e > at else at + 1, b)
    return out


def _is_path(chunk: str) -> bool:
    """`/var/log/2024/05.txt`, `C:\\Reports\\2019`, `./data/10`, `docs/2024/report.pdf`;
    never an ASCII-letterless `2019/05/03` or `2022/2023`."""
    if _ASCII_LETTERS.search(chunk) is None:
        return False
    if chunk.startswith(("/", "./", "../", "~/", "\\\\")) or _DRIVE.match(chunk):
        return True
    separators = chunk.count("/") + chunk.count("\\")
    return separators >= 2 or (separators == 1 and _FILE_EXTENSION.search(chunk) is not None)


def _is_encoded(chunk: str) -> bool:
    """`%D8%A7`, `%2F`, `a%29b`: escapes that are not a percent sign before a number
    (`%29` alone in prose is 29 %)."""
    for m in _ESCAPES.finditer(chunk):
        run = m.group()
        if len(run) > 3 or _ASCII_LETTERS.search(run[1:]) is not None:
            return True
        rest = chunk[: m.start()] + chunk[m.end() :]
        if any(c.isascii() and c.isalnum() for c in rest):
            return True
    return False


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, disjoint (start, end) spans of URLs, e-mail addresses, file paths and
    percent-encoded runs in `text`."""
    spans: list[tuple[int, int]] = []
    done = 0  # the scan never walks back before the end of the last chunk read
    for m in _TRIGGER.finditer(text):
        p = m.start()
        if p < done:
            continue
        a, b = _chunk_bounds(text, p, done)
        done = b
        chunk = text[a:b]
        sep = chunk.find("://")
        if sep != -1:
            spans.append(_trim(text, _url_start(text, a, a + sep), b))
            continue
        www = chunk.lower().find("www.")
        if www != -1:
            spans.append(_trim(text, a + www, b))
            continue
        if "@" in chunk:
            found = _emails(text, a, b)
            if found:
                spans.extend(found)
                continue
        if _is_path(chunk) or _is_encoded(chunk):
            spans.append(_trim(text, a, b))
    return [(a, b) for a, b in spans if a < b]


def overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) touches one of the sorted, disjoint `spans`."""
    k = bisect.bisect_right(spans, a, key=lambda s: s[0])  # spans[k - 1] starts at or before a
    if k > 0 and spans[k - 1][1] > a:
        return True
    return k < len(spans) and spans[k][0] < b
