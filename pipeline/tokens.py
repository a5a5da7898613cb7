"""The token stream the grammar walks: token texts, offsets, and cached lexicon look-ups."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TypeVar, cast

from .lexicon import Lexicon, LexMatch
from .particles import ARTICLE, DEFINITE_STARTS

T = TypeVar("T")
_HAS_DIGIT = re.compile(r"[0-9]")
_PLAIN_INT = re.compile(r"[0-9]+")


class Tokens:
    __slots__ = ("_cache", "_keys", "_raw", "_roles", "ends", "lex", "memo", "ref", "starts", "words")

    def __init__(
        self, words: list[str], starts: list[int], lex: Lexicon, raw: Callable[[int, int], str] | None = None
    ) -> None:
        self._raw = raw  # the raw text of a normalised span, for the rare rule that needs diacritics
        self.words = words
        self.starts = starts
        self.ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
        self.lex = lex
        self._cache: dict[int, list[LexMatch]] = {}
        self._roles: dict[int, dict[str, list[tuple[int, LexMatch]]]] = {}
        # Results of sub-parsers asked at the same token by several rules
        # (a number, a date point): computed once per token.
        self.memo: dict[tuple[Callable[..., object], int], object] = {}
        self._keys: dict[
            int, frozenset[str]
        ] = {}  # what can start a rule at each token, asked by the engine and the rules
        self.ref: dt.date | None = None  # the reference date of relative dates

    def __len__(self) -> int:
        return len(self.words)

    def matches(self, i: int) -> list[LexMatch]:
        found = self._cache.get(i)
        if found is None:
            # i may be -1 or past the end when a rule looks around the edges.
            found = self.lex.lookup(self.words, i) if 0 <= i < len(self.words) else []
            self._cache[i] = found
        return found

    def _by_role(self, i: int) -> dict[str, list[tuple[int, LexMatch]]]:
        by = self._roles.get(i)
        if by is None:
            by = {}
            for n, m in enumerate(self.matches(i)):
                by.setdefault(m.entry.role, []).append((n, m))
            self._roles[i] = by
        return by

    def once(self, parser: Callable[[Tokens, int], T], i: int) -> T:
        """`parser(self, i)`, computed once per token: several rules ask for the
        same number or date point at the same place."""
        key = (parser, i)
        if key not in self.memo:
            self.memo[key] = parser(self, i)
        return cast(T, self.memo[key])  # stored by this method under the parser that made it

    def may_be(self, i: int, role: str) -> bool:
        """A cheap test that token i may start a phrase of `role`."""
        return 0 <= i < len(self.words) and role in self.lex.roles_for(self.words[i])

    def keys(self, i: int) -> frozenset[str]:
        """What can start a rule at token i: its lexicon roles, and `digit`,
        `article` (a bare `ال` before a number), `sign_char` (`-`, `+`), `definite` (a word with
        the article, perhaps after a proclitic: `الثلاثين` may start `الثلاثين ألف جنيه`)."""
        found = self._keys.get(i)
        if found is not None:
            return found
        keys = set(self._by_role(i))
        if self.has_digit(i):
            keys.add("digit")
        w = self.word(i)
        if w == ARTICLE:
            keys.add("article")
        elif w in ("-", "+"):
            keys.add("sign_char")
        elif w.startswith(DEFINITE_STARTS):
            keys.add("definite")
        found = self._keys[i] = frozenset(keys)
        return found

    def find(self, i: int, *roles: str, clitic: bool = True) -> LexMatch | None:
        """Longest phrase at token i with one of `roles` (optionally refusing a proclitic)."""
        by = self._by_role(i)
        if not by:
            return None
        best: tuple[int, LexMatch] | None = None
        for role in roles:
            for n, m in by.get(role, ()):
                if clitic or m.clitic == 0:
                    if best is None or n < best[0]:
                        best = (n, m)
                    break
        return best[1] if best is not None else None

    def find_all(self, i: int, role: str) -> list[LexMatch]:
        return [m for m in self.matches(i) if m.entry.role == role]

    def raw_word(self, i: int) -> str:
        if self._raw is None or not 0 <= i < len(self.words):
            return self.word(i)
        return self._raw(self.starts[i], self.ends[i])

    def definite_word(self, i: int) -> bool:
        """A word with the article (`الوطني`), not a function word like `إلى`."""
        return self.word(i).startswith(ARTICLE) and self.find(i, "function_word", clitic=False) is None

    def word(self, i: int) -> str:
        return self.words[i] if 0 <= i < len(self.words) else ""

    def is_int(self, i: int) -> bool:
        return 0 <= i < len(self.words) and _PLAIN_INT.fullmatch(self.words[i]) is not None

    def has_digit(self, i: int) -> bool:
        return 0 <= i < len(self.words) and _HAS_DIGIT.search(self.words[i]) is not None

    def adjacent(self, i: int) -> bool:
        """Token i starts right where token i-1 ends (no space between)."""
        return 0 < i < len(self.words) and self.starts[i] == self.ends[i - 1]
