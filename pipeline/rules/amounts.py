"""Money and percentage grammar: a number with its unit, alone or in a range.

Both kinds share one shape (number + unit, `بين A و B unit`, `من A إلى B unit`,
`A-B unit`), so they share this module; the units differ: a currency phrase or
a percent marker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal, NamedTuple

from ..lexicon import CurrencyName, Subunit
from ..numbers import SignedNumber, fmt, parse_digits, read_number, read_signed, to_decimal
from ..particles import ARTICLE, ARTICLE_PROCLITICS, BA, BAYNA, DUAL_SUFFIXES, HYPHEN, LAM, MIN, WAW
from ..records import AmountRange, MoneyValue, PercentValue
from ..tokens import Tokens
from .base import Candidate, joiner
from .registry import amount_rule, amount_rules


@dataclass(frozen=True, slots=True)
class Unit:
    start: int
    end: int
    code: str  # ISO code, or "%" for a percent marker
    factor: Fraction = Fraction(1)  # a subunit's share of its currency
    lemma: str = ""
    clitic: int = 0
    of_plural: bool = False  # `من الدولارات`: only after a scale word


# Document-wide qualifiers: lemma -> code, when the document qualifies the
# name in exactly one way (`درهم إماراتي` makes a bare `درهم` AED).
DocCurrencies = dict[str, str]


RangeKind = Literal["between", "from", "dash"]  # how a range is written: `بين A و B`, `من A إلى B`, `A-B`


class Qualified(NamedTuple):
    code: str  # the ISO code the qualifier gives the name (`درهم إماراتي`: AED)
    end: int


class Tail(NamedTuple):
    amount: Fraction  # what a trailing part adds to the amount (`و43 سنتا`, `ونصف`)
    end: int


class AmountSpan(NamedTuple):
    """A range of two amounts with the unit after the second end."""

    start: int
    end: int
    clitic: int
    low: Fraction
    high: Fraction
    unit: Unit


def _qualifier(toks: Tokens, i: int, lemma: str) -> Qualified | None:
    """A qualifier of the currency name `lemma` at token i (`إماراتي` after `درهم`)."""
    for m in toks.find_all(i, "qualifier"):
        if m.entry.value == lemma and m.clitic == 0:
            code = toks.lex.qualifiers.get((lemma, " ".join(m.entry.words)))
            if code:
                return Qualified(code, m.end)
    return None


def currency_at(toks: Tokens, i: int, doc: DocCurrencies, clitic: bool = False) -> Unit | None:
    """A currency after a number: name [qualifier], subunit, symbol or ISO code;
    after a scale word also `من` + the definite plural (`5 مليارات من الدولارات`)."""
    m = toks.find(i, "currency", "cur_symbol", "subunit", clitic=clitic)
    if m is None and toks.word(i) == MIN and toks.word(i + 1).startswith(ARTICLE):
        bare = toks.lex.lookup([toks.word(i + 1)[len(ARTICLE) :]], 0)
        named = next((b for b in bare if b.entry.role == "currency" and b.clitic == 0), None)
        if named is not None and isinstance(named.entry.value, CurrencyName):
            lemma = named.entry.value.lemma
            q = _qualifier(toks, i + 2, lemma)
            code = q.code if q else doc.get(lemma, named.entry.value.default)
            return Unit(i, q.end if q else i + 2, code, lemma=lemma, of_plural=True)
    if m is None:
        return None
    if toks.find(m.end, "commodity") is not None or (
        toks.word(m.end) == MIN and toks.find(m.end + 1, "commodity") is not None
    ):
        return None  # 50 ألف أوقية من الذهب: ounces, not ouguiyas
    value = m.entry.value
    if isinstance(value, CurrencyName):
        q = _qualifier(toks, m.end, value.lemma)
        if q is not None:
            return Unit(i, q.end, q.code, lemma=value.lemma, clitic=m.clitic)
        return Unit(i, m.end, doc.get(value.lemma, value.default), lemma=value.lemma, clitic=m.clitic)
    if isinstance(value, Subunit):
        code, end = value.default, m.end
        for parent in sorted(value.parents):
            q = _qualifier(toks, m.end, parent)
            if q is not None:  # 100 فلس كويتي
                code, end = q
                break
        else:
            if _subunit_key(value) in doc:  # the document qualified the subunit itself
                code = doc[_subunit_key(value)]
            elif value.default == "XXX":  # a shared subunit takes the document's currency
                codes = {doc[p] for p in value.parents if p in doc}
                if len(codes) == 1:
                    code = codes.pop()
        return Unit(i, end, code, Fraction(value.factor_for(code)), lemma=value.lemma, clitic=m.clitic)
    code = m.entry.text_value
    spellings = toks.lex.raw_symbols.get(m.entry.words)
    if spellings is not None:  # د.أ (JOD) and د.إ (AED) differ only in the raw text
        raw = "".join(toks.raw_word(k) for k in range(i, m.end))[m.clitic :]
        code = spellings.get(raw, code)
    return Unit(i, m.end, code, clitic=m.clitic)


def _definite_currency(toks: Tokens, i: int) -> CurrencyName | Subunit | None:
    """`الدينار`, `بالفلس` (with the article, which the lexicon forms leave out)."""
    w = toks.word(i)
    at = w.find(ARTICLE)
    if at < 0 or len(w) - at < 4 or w[:at] not in ARTICLE_PROCLITICS:
        return None
    for m in toks.lex.lookup([w[at + len(ARTICLE) :]], 0):
        if m.entry.role in ("currency", "subunit") and m.clitic == 0:
            value = m.entry.value
            if isinstance(value, CurrencyName | Subunit):
                return value
    return None


def _subunit_key(sub: Subunit) -> str:
    return "subunit:" + sub.lemma


def scan_doc_currencies(toks: Tokens, seen: dict[str, set[str]] | None = None) -> DocCurrencies:
    """Qualifiers the document gives each currency name, anywhere: `درهم مغربي`
    in an amount, or `الدينار العراقي` in running text. `seen` accumulates over
    the segments of a long document."""
    seen = {} if seen is None else seen
    for i in range(len(toks) - 1):
        if not toks.may_be(i + 1, "qualifier") or toks.find(i + 1, "qualifier", clitic=False) is None:
            continue  # qualifiers are rare: look for them first
        m = toks.find(i, "currency", "subunit")
        name = m.entry.value if m is not None else _definite_currency(toks, i)
        end = m.end if m is not None else i + 1
        if isinstance(name, CurrencyName):
            q = _qualifier(toks, end, name.lemma)
            if q is not None:
                seen.setdefault(name.lemma, set()).add(q.code)
        elif isinstance(name, Subunit):  # بالفلس الكويتي: the document's fils are Kuwaiti
            for parent in sorted(name.parents):
                q = _qualifier(toks, end, parent)
                if q is not None:
                    seen.setdefault(_subunit_key(name), set()).add(q.code)
                    break
    return {lemma: next(iter(codes)) for lemma, codes in seen.items() if len(codes) == 1}


def percent_at(toks: Tokens, i: int) -> Unit | None:
    m = toks.find(i, "percent_marker")
    if m is None:
        return None
    return Unit(i, m.end, "%", clitic=m.clitic)


def _fmt(v: Fraction) -> str:
    return fmt(to_decimal(v))


# ---------------------------------------------------------------- money


def _money_cand(
    start: int, end: int, clitic: int, lo: Fraction, hi: Fraction | None, code: str, rule: str
) -> Candidate:
    if hi is None:
        norm = f"{code} {_fmt(lo)}"
        value = MoneyValue(currency=code, amount=to_decimal(lo))
    else:
        norm = f"{code} {_fmt(lo)}/{_fmt(hi)}"
        value = MoneyValue(currency=code, range=AmountRange(low=to_decimal(lo), high=to_decimal(hi)))
    return Candidate("money", start, end, clitic, norm, value, rule)


def _subunit_tail(toks: Tokens, unit: Unit, k: int) -> Tail | None:
    """`20 دولارا و43 سنتا`: the subunit amount added to the main amount."""
    j = joiner(toks, k)
    if j is None:
        return None
    num = read_number(toks, j) if j != k else None
    if num is None:
        return None
    m = toks.find(num.end, "subunit", clitic=False)
    if m is None or not isinstance(m.entry.value, Subunit):
        return None
    sub = m.entry.value
    if unit.lemma:
        if unit.lemma not in sub.parents:
            return None
    elif unit.code not in _parent_codes(toks, sub):
        return None  # `20$ و43 سنتا`: a symbol's code must be one of the subunit's currencies
    return Tail(num.value * Fraction(sub.factor_for(unit.code)), m.end)


def _parent_codes(toks: Tokens, sub: Subunit) -> set[str]:
    """The default codes of a subunit's parent names (سنت: USD, EUR)."""
    names = toks.lex.currency_by_lemma
    return {names[p].default for p in sub.parents if p in names}


# A number glued to a sign the tokenizer does not split off: `75¢`, and `10$-20` (+ `$`) in `10$-20$`.
_GLUED = re.compile(r"([0-9][0-9.,٬]*)([^\w\s.,٬-]+)(?:-([0-9][0-9.,٬]*))?")


def _glued_money(toks: Tokens, i: int) -> Candidate | None:
    m = _GLUED.fullmatch(toks.word(i))
    if m is None:
        return None
    sign = m.group(2)
    entry = next((x.entry for x in toks.lex.lookup([sign], 0) if x.clitic == 0 and x.end == 1), None)
    if entry is None or entry.role not in ("cur_symbol", "subunit"):
        return None
    value = entry.value
    code, factor = (value.default, Fraction(value.factor)) if isinstance(value, Subunit) else (entry.text_value, 1)
    lo = parse_digits(m.group(1), scale_follows=False)
    if lo is None:
        return None
    if m.group(3) is None:
        return _money_cand(i, i + 1, 0, lo * factor, None, code, "glued_sign")
    hi = parse_digits(m.group(3), scale_follows=False)
    if hi is None or hi <= lo or toks.word(i + 1) != sign or not toks.adjacent(i + 1):
        return None  # `10$-20 شخصا`: the second number counts something else
    return _money_cand(i, i + 2, 0, lo * factor, hi * factor, code, "glued_sign_range")


# What can start an amount: a number (digits, number words, a sign), a range
# opener, a currency before its number (`$10`, `دولار واحد`), `%` before its number.
_NUMBER_START = frozenset(
    {"digit", "sign", "sign_char", "num_unit", "num_ten", "num_hundred", "num_scale", "num_scale_dual", "num_fraction",
     "definite"}
)  # fmt: skip


@amount_rule(
    "money",
    starts=_NUMBER_START | {"range_open", "cur_symbol", "currency"},
    labels=("symbol_number", "money_range", "number_currency", "currency_one", "currency_dual", "glued_sign",
            "glued_sign_range"),
)  # fmt: skip
def money_at(toks: Tokens, i: int, doc: DocCurrencies) -> list[Candidate]:
    found: list[Candidate] = []
    glued = _glued_money(toks, i) if toks.has_digit(i) else None
    if glued is not None:
        found.append(glued)
    # a symbol or ISO code before the number: `$10`, `USD 10`, `€ 5`
    sym = toks.find(i, "cur_symbol", clitic=True)
    if sym is not None:
        n = read_signed(toks, sym.end)
        if n is not None and n.clitic == 0:
            code, amount, end = sym.entry.text_value, n.value, n.end
            tail = _subunit_tail(toks, Unit(i, sym.end, code), end)
            if tail is not None:  # $20 و43 سنتا
                amount, end = amount + tail.amount, tail.end
            found.append(_money_cand(i, end, sym.clitic, amount, None, code, "symbol_number"))
    rng = _range(
        toks, i, lambda k: currency_at(toks, k, doc), lambda k: currency_at(toks, k, doc) is not None, both_dash=True
    )
    if rng is not None:
        factor = rng.unit.factor
        found.append(
            _money_cand(
                rng.start, rng.end, rng.clitic, rng.low * factor, rng.high * factor, rng.unit.code, "money_range"
            )
        )
    n = read_signed(toks, i)
    unit: Unit | None = currency_at(toks, n.end, doc) if n is not None else None
    if unit is not None and unit.of_plural and not (n is not None and n.num.scaled):
        unit = None
    if n is None:
        one = _currency_then_one(toks, i, doc)
        if one is not None:
            found.append(one)
    if n is not None and unit is not None:
        amount, end = n.value * unit.factor, unit.end
        tail = _subunit_tail(toks, unit, end)
        if tail is not None:
            amount, end = amount + tail.amount, tail.end
        else:
            half = _trailing_fraction(toks, end)
            if half is not None:  # ثلاثة ملايين دولار ونصف
                amount, end = amount + half.amount * n.num.last_scale * unit.factor, half.end
        found.append(_money_cand(i, end, n.clitic, amount, None, unit.code, "number_currency"))
    return found


def _trailing_fraction(toks: Tokens, i: int) -> Tail | None:
    """`ونصف`, spoken `ونص`, after an amount's currency."""
    w = toks.word(i)
    k, clitic_ok = (i + 1, False) if w == WAW else (i, True)
    if not clitic_ok and toks.word(k) == "":
        return None
    for m in toks.matches(k):
        if m.entry.role == "num_fraction" and (m.clitic == 1 if clitic_ok else m.clitic == 0):
            if clitic_ok and not w.startswith(WAW):
                continue
            if toks.definite_word(m.end):
                return None  # 200 دينار ونص المبلغ: half of what follows, not of the amount
            return Tail(m.entry.number, m.end)
    return None


def _currency_then_one(toks: Tokens, i: int, doc: DocCurrencies) -> Candidate | None:
    """`دولار واحد`: a currency name counted by the word for one after it;
    a dual name alone (`دولارين`, `جنيهان`) is two."""
    unit = currency_at(toks, i, doc)
    if unit is None or unit.lemma == "":
        return None
    word = toks.words[i][unit.clitic :]
    duals = {unit.lemma + suffix for suffix in DUAL_SUFFIXES}
    if unit.end == i + 1 and word in duals and not toks.has_digit(i - 1):
        return _money_cand(i, unit.end, unit.clitic, 2 * unit.factor, None, unit.code, "currency_dual")
    one = toks.find(unit.end, "num_unit", clitic=False)
    if one is None or one.entry.number != 1:
        return None
    amount, end = unit.factor, one.end
    tail = _subunit_tail(toks, unit, end)  # دينار واحد و٥٠٠ فلس
    if tail is not None:
        amount, end = amount + tail.amount, tail.end
    return _money_cand(i, end, 0, amount, None, unit.code, "currency_one")


# ---------------------------------------------------------------- percent


def _pct_cand(start: int, end: int, clitic: int, lo: Fraction, hi: Fraction | None, rule: str) -> Candidate:
    if hi is None:
        return Candidate("percent", start, end, clitic, f"{_fmt(lo)}%", PercentValue(value=to_decimal(lo)), rule)
    value = PercentValue(range=AmountRange(low=to_decimal(lo), high=to_decimal(hi)))
    return Candidate("percent", start, end, clitic, f"{_fmt(lo)}%/{_fmt(hi)}%", value, rule)


@amount_rule(
    "percent",
    starts=_NUMBER_START | {"range_open", "percent_marker"},
    labels=("percent_sign_number", "percent_range", "number_percent"),
)
def percent_at_token(toks: Tokens, i: int, doc: DocCurrencies | None = None) -> list[Candidate]:
    found: list[Candidate] = []
    pre = percent_at(toks, i)
    if pre is not None and toks.word(i) in ("%",):
        n = read_signed(toks, pre.end)
        if n is not None and n.clitic == 0 and n.num.digits:
            found.append(_pct_cand(i, n.end, 0, n.value, None, "percent_sign_number"))
    rng = _range(toks, i, lambda k: percent_at(toks, k), lambda k: percent_at(toks, k) is not None)
    if rng is not None:
        found.append(_pct_cand(rng.start, rng.end, rng.clitic, rng.low, rng.high, "percent_range"))
    n = read_signed(toks, i)
    unit = percent_at(toks, n.end) if n is not None else None
    if n is not None and unit is not None and unit.clitic in (0, 1) and toks.words[n.end][: unit.clitic] in ("", BA):
        found.append(_pct_cand(i, unit.end, n.clitic, n.value, None, "number_percent"))
    return found


# ---------------------------------------------------------------- ranges


def _range(
    toks: Tokens,
    i: int,
    unit_at: Callable[[int], Unit | None],
    has_unit: Callable[[int], bool],
    both_dash: bool = False,
) -> AmountSpan | None:
    """`بين 5 و10 ملايين دولار`, `من 3 إلى 4%`, `5-10 ملايين يورو`: the unit (and a
    scale word) after the second number serves both; `من 7% إلى 14%` is two values.
    `both_dash` (money): two ends with the same unit joined by a hyphen are one range (`10$ - 20$`)."""
    w = toks.word(i)
    opener = toks.find(i, "range_open")
    start, clitic = i, 0
    kind: RangeKind
    if opener is not None and w.endswith(BAYNA):
        kind, clitic, k = "between", len(w) - len(BAYNA), opener.end
    elif opener is not None and w[opener.clitic :] == MIN:
        kind, clitic, k = "from", opener.clitic, opener.end
    elif toks.has_digit(i):
        kind, k = "dash", i
    else:
        return None
    a = read_signed(toks, k)
    if a is None:
        return None
    if kind == "dash":
        clitic = a.clitic
    k = a.end
    own_unit = has_unit(k)
    first_unit = unit_at(k) if own_unit else None
    if first_unit is not None:
        k = first_unit.end
    if first_unit is not None and not (kind == "between" or (kind == "dash" and both_dash and toks.word(k) == HYPHEN)):
        return None  # both ends carry the unit: two mentions (`من 7% إلى 14%`), but `10$-20$` is one range
    b = _second_end(toks, kind, k)
    if b is None:
        return None
    unit = unit_at(b.end)
    if unit is None:
        return None
    if first_unit is not None and kind == "dash" and (first_unit.code, first_unit.factor) != (unit.code, unit.factor):
        return None  # `10$-20€`: two amounts
    lo, hi = a.value, b.value
    if b.num.scaled and not a.num.scaled:
        lo *= b.num.last_scale  # بين 5 و10 ملايين: the scale serves both
    if lo >= hi and kind != "from":
        # بين 10 و5 or 10-5 (a score): not a range. A falling `من 12 إلى 10 في المئة`
        # stays one range, written in its own order.
        return None
    return AmountSpan(start, unit.end, clitic, lo, hi, unit)


def _second_end(toks: Tokens, kind: RangeKind, k: int) -> SignedNumber | None:
    """The second number of a range, after its joiner at token k: `إلى`/`-` (`from`, `dash`),
    `و` (`between`, also `ما بين 10 إلى 15%`), or `ل` in `من عشرة لعشرين`."""
    to = toks.find(k, "range_to")
    if kind == "from" and to is None:
        return _lam_end(toks, k)  # من عشرة لعشرين دولارا
    if kind == "between":
        j = joiner(toks, k)
        if j is not None:
            return read_signed(toks, j) if j != k else _glued(toks, k)
        return read_signed(toks, to.end) if to is not None else None  # ما بين 10 إلى 15%
    return read_signed(toks, to.end) if to is not None else None  # من 3 إلى 4%, 5-10 ملايين, 4 إلى 5 في المائة


def _lam_end(toks: Tokens, i: int) -> SignedNumber | None:
    """The second end of `من A لـB`: `ل` before a number, apart (`ل 10`, `لـ10`) or glued
    to a number word (`لعشرين`)."""
    if toks.word(i) == LAM:
        return read_signed(toks, i + 1) if toks.has_digit(i + 1) else None
    if not toks.word(i).startswith(LAM):
        return None
    num = read_number(toks, i)
    if num is None or num.clitic != len(LAM):
        return None
    return SignedNumber(i, num.end, num.clitic, num.value, num)


def _glued(toks: Tokens, i: int) -> SignedNumber | None:
    """`و10` tokenised as one word never happens for digits (the tokenizer splits
    it), but number words do glue: `بين عشرة وعشرين`."""
    num = read_number(toks, i)
    if num is None or num.clitic != 1:
        return None
    return SignedNumber(i, num.end, 1, num.value, num)


def amounts_at(toks: Tokens, i: int, doc: DocCurrencies) -> list[Candidate]:
    """Every money and percent reading that starts at token i, rule by rule in registry order."""
    keys = toks.keys(i)
    found: list[Candidate] = []
    for rule in amount_rules():
        if keys & rule.starts:
            found += rule.fn(toks, i, doc)
    return found


__all__ = ["DocCurrencies", "amounts_at", "scan_doc_currencies"]
