"""Raw text -> mentions: normalise, find the windows worth reading, tokenise them,
run the rules, pick the best readings."""

from __future__ import annotations

import datetime as dt
import gc
import time
from collections.abc import Iterable, Iterator
from functools import lru_cache

from .calendars import check_reference_year
from .lexicon import lexicon
from .masking import masked_spans, overlaps
from .normalize import Normalised, normalise
from .numbers import MAX_TERMS, definite_number_word
from .particles import ARTICLE
from .prefilter import BARRIER, LEFT, RIGHT, Seeds, build_seeds, scan, windows
from .records import Mention
from .rules.amounts import amounts_at, scan_doc_currencies
from .rules.base import Candidate
from .rules.dates import find_dates
from .rules.registry import start_keys
from .segments import SEGMENT, Piece, pieces
from .tokenize import spacy_tokenize, tokenize
from .tokens import Tokens

# Roles that can start a mention: exactly what the registered rules say can start
# them. A token with none of them and no digit costs one dictionary look-up.
_RULE_STARTS: frozenset[str] = start_keys()
_ANCHOR_ROLES = _RULE_STARTS - {"digit", "article", "sign_char", "definite"}  # those four are not lexicon roles


# Anchors that start a mention only with a strong token close after them (a
# preposition, a year noun, a modifier): `في` alone is everywhere.
_WEAK_ROLES = frozenset(
    {"year_noun", "month_noun", "day_noun", "period_modifier", "part_noun", "part_noun_dual", "fiscal_noun",
     "decade_noun", "range_open", "ago_prep", "sign", "relative_pre_modifier", "season",
     "relative_period_modifier"}
)  # fmt: skip
_NUMBER_ROLE = "num_"  # the prefix of every number word's role (`num_scale_plural` in `العشرة آلاف`)
REACH = 6  # tokens a weak anchor looks ahead for a strong one
_SUPPORT_ROLES = frozenset({"duration_unit"})  # amounts of time: `قبل شهرين` is a mention without a strong anchor
# What a window grows from: strong anchors and supports. Weak anchors are read
# only within REACH tokens before one, which LEFT words cover.
SEED_ROLES = (_ANCHOR_ROLES - _WEAK_ROLES) | _SUPPORT_ROLES
assert LEFT > REACH and RIGHT >= REACH


@lru_cache(maxsize=1)
def _seeds() -> Seeds:
    lex = lexicon()
    phrases = [e.words for e in lex.entries() if e.role in SEED_ROLES]
    # A seed is a phrase's last word; the phrase and a weak anchor before it must fit in LEFT words.
    assert max(map(len, phrases)) + REACH <= LEFT, "a seed phrase too long for the window"
    return build_seeds(phrases, lex.first_words())


@lru_cache(maxsize=1)
def _currency_name_seeds() -> Seeds:
    """Currency names with or without the article (`دينار`, `بالدينار`): where a
    document may say which dinar it means (`الدينار الكويتي`). Qualifiers
    themselves (`الجديد` is one) are far too common to look for first."""
    lex = lexicon()
    names = [e.words for e in lex.entries() if e.role in ("currency", "subunit")]
    with_article = [(ARTICLE + w[0],) for w in names if len(w) == 1]
    return build_seeds([*names, *with_article], lex.first_words(), digits=False)


def _anchors(toks: Tokens) -> list[int]:
    strong: list[int] = []
    weak: list[int] = []
    support: list[int] = []  # strong anchors, and amounts of time (قبل شهرين)
    for i in range(len(toks)):
        w = toks.words[i]
        if toks.has_digit(i) or w in ("-", "+", "%", ARTICLE):
            strong.append(i)
            support.append(i)
            continue
        maybe = toks.lex.roles_for(w)
        if not maybe:
            continue  # most words: no lexicon entry starts with them
        all_roles = {m.entry.role for m in toks.matches(i)}
        roles = all_roles & _ANCHOR_ROLES
        if roles - _WEAK_ROLES:
            strong.append(i)
            support.append(i)
        else:
            if roles:
                weak.append(i)
            if all_roles & _SUPPORT_ROLES:
                support.append(i)
    keep = set(strong)
    for i in strong:
        # A cardinal with the article starts an amount only before a strong token (a scale, a currency, a
        # percent marker): from `دولار` in `الخمسة والعشرين ألف دولار` back over the number's words.
        for k in range(i - 1, max(i - MAX_TERMS, 0) - 1, -1):
            if definite_number_word(toks, k):
                keep.add(k)
            elif not any(r.startswith(_NUMBER_ROLE) for r in toks.keys(k)):
                break
    k = 0
    for i in weak:
        while k < len(support) and support[k] <= i:
            k += 1
        if k < len(support) and support[k] - i <= REACH:
            keep.add(i)
    return sorted(keep)


def _select(cands: list[Candidate], toks: Tokens) -> list[Candidate]:
    """Longest readings first; a reading that overlaps a chosen one is dropped.
    Ties go to the earlier start, then to the rule order, so output is stable."""
    order = sorted(
        enumerate(cands),
        key=lambda ic: (-(toks.ends[ic[1].end - 1] - toks.starts[ic[1].start] - ic[1].clitic), ic[1].start, ic[0]),
    )
    # One byte per character marks what is taken: checking costs the span's length.
    taken = bytearray(toks.ends[-1] if len(toks) else 0)
    chosen: list[Candidate] = []
    for _, c in order:
        a = toks.starts[c.start] + c.clitic
        b = toks.ends[c.end - 1]
        if taken.find(1, a, b) != -1:
            continue
        taken[a:b] = b"\x01" * (b - a)
        chosen.append(c)
    chosen.sort(key=lambda c: toks.starts[c.start] + c.clitic)
    return chosen


def warm_up() -> None:
    """Load the lexicons and the tokenizer, then move everything alive to the
    garbage collector's permanent generation: the lexicon's many small objects
    are never garbage, and scanning them on every collection costs a sixth of
    the run. For programs (the command line, workers), not for library users."""
    _seeds()
    _currency_name_seeds()
    spacy_tokenize("تهيئة 2024،")  # spaCy imported and its tokenizer built
    gc.freeze()


def _window_tokens(norm: Normalised, spans: list[tuple[int, int]], raw: str) -> Tokens:
    """The tokens of the windows, in offsets of the normalised text, with a
    barrier token between two windows."""
    text = norm.text
    sep = f" {BARRIER} "
    words, jstarts = tokenize(sep.join(text[a:b] for a, b in spans))
    starts: list[int] = []
    k = 0  # the window of the current token
    shift = spans[0][0]  # normalised offset - joined offset, in window k
    wend = spans[0][1] - shift  # joined offset where window k ends
    for s in jstarts:
        if s >= wend and k + 1 < len(spans):
            if s < wend + len(sep):
                starts.append(spans[k][1])  # the barrier: just after window k
                continue
            while s >= wend and k + 1 < len(spans):
                k += 1
                shift = spans[k][0] - (wend + len(sep))
                wend = spans[k][1] - shift
        starts.append(s + shift)
    return Tokens(words, starts, lexicon(), lambda a, b: raw[slice(*norm.raw_span(a, b))])


def _doc_currencies(norm: Normalised, raw: str, seen: dict[str, set[str]], positions: list[int] | None = None) -> None:
    """Add what the text says about which currency a shared name means (`positions`:
    where its currency names are, when already known)."""
    if positions is None:
        positions = _currency_name_seeds().positions(norm.text)
    spans = windows(norm.text, positions)
    if spans:
        scan_doc_currencies(_window_tokens(norm, spans, raw), seen)


def _settle(seen: dict[str, set[str]]) -> dict[str, str]:
    return {lemma: next(iter(codes)) for lemma, codes in seen.items() if len(codes) == 1}


_BLOCK = 1 << 20  # characters handed to the piece cutter at a time


def check_reference(reference_date: object) -> dt.date | None:
    """The reference date as a `date`; a `datetime` is taken as its date. A date outside
    `REFERENCE_YEARS` is a ValueError."""
    if reference_date is None:
        return None
    if isinstance(reference_date, dt.datetime):
        return check_reference_year(reference_date.date())  # a time of day has no place in `normalized`
    if isinstance(reference_date, dt.date):
        return check_reference_year(reference_date)
    raise TypeError(
        f"reference_date must be a datetime.date or None, not {type(reference_date).__name__} "
        f"({reference_date!r}); for a string use datetime.date.fromisoformat()"
    )


def extract(text: str, *, reference_date: dt.date | None = None, doc: str | None = None) -> list[Mention]:
    """Every date, money amount and percentage in `text`, in text order, with
    offsets into `text` itself."""
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if doc is not None and not isinstance(doc, str):
        raise TypeError(f"doc must be a str or None, not {type(doc).__name__}")
    ref = check_reference(reference_date)
    if len(text) <= SEGMENT:
        return extract_piece(next(pieces([text])), ref, doc, None)
    currencies = doc_currencies(pieces(_blocks(text)))
    return [m for piece in pieces(_blocks(text)) for m in extract_piece(piece, ref, doc, currencies)]


def _blocks(text: str) -> Iterator[str]:
    """A long text in blocks, as a file is read: the piece cutter then keeps a bounded buffer."""
    return (text[i : i + _BLOCK] for i in range(0, len(text), _BLOCK))


def doc_currencies(parts: Iterable[Piece]) -> dict[str, str]:
    """Which currency each shared name (`دينار`) means in this document, when the
    document qualifies it one way only (`دينار كويتي`), from all its pieces."""
    seen: dict[str, set[str]] = {}
    for piece in parts:
        doc_currencies_seen(piece, seen)
    return _settle(seen)


def doc_currencies_seen(piece: Piece, seen: dict[str, set[str]]) -> None:
    """Add the qualifiers one piece gives currency names to `seen` (name -> codes)."""
    clock = _Clock() if STAGES is not None else None
    _doc_currencies(normalise(piece.text), piece.text, seen)
    if clock:
        clock.lap("currencies")


def extract_piece(
    piece: Piece, reference_date: dt.date | None, doc: str | None, currencies: dict[str, str] | None
) -> list[Mention]:
    """The mentions that start in the piece's own stretch. `currencies` comes from
    `doc_currencies` over the whole document; None reads them from this piece,
    which is right for a document of one piece."""
    clock = _Clock() if STAGES is not None else None
    text = piece.text
    norm = normalise(text)
    if clock:
        clock.lap("normalise")
    if currencies is None:  # one scan of the words finds seeds and currency names
        positions, names = scan(norm.text, _seeds(), _currency_name_seeds())
        seen: dict[str, set[str]] = {}
        _doc_currencies(norm, text, seen, names)
        currencies = _settle(seen)
        if clock:
            clock.lap("currencies")
    else:
        positions = _seeds().positions(norm.text)
    spans = windows(norm.text, positions)
    if clock:
        clock.lap("prefilter")
    if not spans:
        return []
    toks = _window_tokens(norm, spans, text)
    toks.ref = reference_date
    if clock:
        clock.lap("tokenise")
    cands: list[Candidate] = []
    for i in _anchors(toks):
        cands.extend(find_dates(toks, i, reference_date))
        cands.extend(amounts_at(toks, i, currencies))
    masks = masked_spans(norm.text) if cands else []  # URLs, e-mail addresses, paths, percent-encoding
    if masks:  # no mention touches one
        cands = [c for c in cands if not overlaps(masks, toks.starts[c.start] + c.clitic, toks.ends[c.end - 1])]
    if clock:
        clock.lap("rules")
    mentions = []
    for c in _select(cands, toks):
        rs, re_ = norm.raw_span(toks.starts[c.start] + c.clitic, toks.ends[c.end - 1])
        if not piece.own_start <= rs < piece.own_end:
            continue  # the neighbouring piece's mention, read here for context
        mentions.append(
            Mention(
                doc=doc,
                kind=c.kind,
                start=piece.offset + rs,
                end=piece.offset + re_,
                text=text[rs:re_],
                normalized=c.normalized,
                value=c.value,
                rule=c.rule,
            )
        )
    if clock:
        clock.lap("records")
    return mentions


# Seconds spent per stage, summed over pieces, when a benchmark sets it to {}.
STAGES: dict[str, float] | None = None


class _Clock:
    __slots__ = ("t",)

    def __init__(self) -> None:
        self.t = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if STAGES is not None:
            STAGES[stage] = STAGES.get(stage, 0.0) + now - self.t
        self.t = now
