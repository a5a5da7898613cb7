"""Raw text -> mentions: normalise, tokenise, run the rules, pick the best readings."""

from __future__ import annotations

import datetime as dt
import gc

from .lexicon import lexicon
from .masking import masked_spans, overlaps
from .normalize import Normalised, normalise
from .particles import ARTICLE
from .records import Mention
from .rules.amounts import MONEY_START, PERCENT_START, amounts_at, scan_doc_currencies
from .rules.base import Candidate
from .rules.dates import DATE_RULES, find_dates
from .tokenize import tokenize
from .tokens import Tokens

# Roles that can start a mention: exactly what the rule tables say can start a
# rule. A token with none of them and no digit costs one dictionary look-up.
_RULE_STARTS: frozenset[str] = frozenset().union(*(starts for _, starts in DATE_RULES)) | MONEY_START | PERCENT_START
_ANCHOR_ROLES = _RULE_STARTS - {"digit", "article", "sign_char"}  # those three are not lexicon roles


# Anchors that start a mention only with a strong token close after them (a
# preposition, a year noun, a modifier): `في` alone is everywhere.
_WEAK_ROLES = frozenset(
    {"year_noun", "month_noun", "day_noun", "period_modifier", "part_noun", "part_noun_dual", "fiscal_noun",
     "decade_noun", "range_open", "ago_prep", "sign", "relative_pre_modifier", "season"}
)  # fmt: skip
_REACH = 6  # tokens a weak anchor looks ahead for a strong one


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
            if "duration_unit" in all_roles:
                support.append(i)
    keep = set(strong)
    k = 0
    for i in weak:
        while k < len(support) and support[k] <= i:
            k += 1
        if k < len(support) and support[k] - i <= _REACH:
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


SEGMENT = 200_000  # characters: a longer text is read paragraph-wise, in bounded memory


def _segments(text: str) -> list[tuple[int, int]]:
    """Cut a long text at line breaks (a mention never spans one) into pieces
    of about SEGMENT characters; a text with no line break is cut at a space."""
    out: list[tuple[int, int]] = []
    pos = 0
    while len(text) - pos > SEGMENT:
        cut = text.rfind("\n", pos + SEGMENT // 2, pos + SEGMENT)
        if cut < 0:
            cut = text.rfind(" ", pos + SEGMENT // 2, pos + SEGMENT)
        cut = pos + SEGMENT if cut < 0 else cut + 1
        out.append((pos, cut))
        pos = cut
    out.append((pos, len(text)))
    return out


def warm_up() -> None:
    """Load the lexicons and the tokenizer, then move everything alive to the
    garbage collector's permanent generation: the lexicon's many small objects
    are never garbage, and scanning them on every collection costs a sixth of
    the run. For programs (the command line, workers), not for library users."""
    lexicon()
    tokenize("تهيئة 2024")
    gc.freeze()


def _prepare(text: str) -> tuple[Normalised, Tokens]:
    norm = normalise(text)
    words, starts = tokenize(norm.text)
    return norm, Tokens(words, starts, lexicon(), lambda a, b: text[slice(*norm.raw_span(a, b))])


def extract(text: str, *, reference_date: dt.date | None = None, doc: str | None = None) -> list[Mention]:
    """Every date, money amount and percentage in `text`, in text order, with
    offsets into `text` itself."""
    segments = _segments(text)
    if len(segments) == 1:
        return _extract(text, 0, reference_date, doc, None)
    # Two passes over a long document: first the currency qualifiers it gives
    # anywhere, then the mentions, one segment at a time.
    seen: dict[str, set[str]] = {}
    for a, b in segments:
        scan_doc_currencies(_prepare(text[a:b])[1], seen)
    currencies = {lemma: next(iter(codes)) for lemma, codes in seen.items() if len(codes) == 1}
    mentions: list[Mention] = []
    for a, b in segments:
        mentions.extend(_extract(text[a:b], a, reference_date, doc, currencies))
    return mentions


def _extract(
    text: str, offset: int, reference_date: dt.date | None, doc: str | None, currencies: dict[str, str] | None
) -> list[Mention]:
    norm, toks = _prepare(text)
    toks.ref = reference_date
    anchors = _anchors(toks)
    if currencies is None:
        currencies = scan_doc_currencies(toks)
    cands: list[Candidate] = []
    for i in anchors:
        cands.extend(find_dates(toks, i, reference_date))
        cands.extend(amounts_at(toks, i, currencies))
    masks = masked_spans(norm.text)  # URLs, e-mail addresses, paths, percent-encoding: no mention touches one
    if masks:
        cands = [c for c in cands if not overlaps(masks, toks.starts[c.start] + c.clitic, toks.ends[c.end - 1])]
    mentions = []
    for c in _select(cands, toks):
        a = toks.starts[c.start] + c.clitic
        b = toks.ends[c.end - 1]
        rs, re_ = norm.raw_span(a, b)
        mentions.append(
            Mention(
                doc=doc,
                kind=c.kind,
                start=offset + rs,
                end=offset + re_,
                text=text[rs:re_],
                normalized=c.normalized,
                value=c.value,
                rule=c.rule,
            )
        )
    return mentions
