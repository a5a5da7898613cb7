"""The one number reader: digits of every script and number words -> exact value and token span.

Serves money, percentages and year words. Values are exact (`Fraction` while
composing, `Decimal` out): `78.3 مليار` is 78300000000, never a float.

Why not a library: the maintained Arabic number-word readers we looked at
(pyarabic's `text2number`, num2words' Arabic module, which only writes) return
no spans, use floats, or do not know scale composition such as
`9 آلاف و200 مليار`; the grammar must know the tokens each number covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction

from .particles import ARTICLE, CONSTRUCT_DUAL_ENDING, DEFINITE_PREFIXES, DEFINITE_STARTS, MIN, WAW
from .roles import Role
from .tokens import Tokens

_AGENCY = re.compile(r"([0-9]+)[ر،]([0-9]+)")  # 5ر2 = 2.5, fraction written first
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:([.,٬])[0-9]{3})(?:\1[0-9]{3})*")
_NUMBER = re.compile(r"[0-9]+(?:[.,][0-9]+)?")
_MIXED = re.compile(r"[0-9]{1,3}(?:([.,])[0-9]{3})*(?!\1)[.,][0-9]+")

MAX_DIGITS = 40
# A written number has at most a dozen terms (ثلاثة ملايين وخمسمائة وأربعة وعشرون ألفا
# وسبعمائة وخمسون): the bound keeps reading linear on `ألف ألف ألف …`.
MAX_TERMS = 12
WORD_KINDS = ("unit", "ten", "hundred", "teen_ten", "scale", "scale_plural", "scale_dual", "fraction")


def parse_digits(text: str, scale_follows: bool) -> Fraction | None:
    """The value of one digit token, by MENTIONS.md's separator rules."""
    if len(text) > MAX_DIGITS:
        return None  # a digit string this long is an identifier, and bounds regex work
    if (m := _AGENCY.fullmatch(text)) is not None:
        return Fraction(Decimal(f"{m.group(2)}.{m.group(1)}"))
    if "٬" in text:  # the Arabic thousands separator is never a decimal mark
        whole, dot, frac = text.partition(".")
        if _THOUSANDS.fullmatch(whole) is None or (dot and not frac.isdigit()):
            return None
        return Fraction(Decimal(whole.replace("٬", "") + dot + frac))
    if "." in text and "," in text:
        if _MIXED.fullmatch(text) is None:
            return None
        dec = max(text.rfind("."), text.rfind(","))
        whole = re.sub(r"[.,]", "", text[:dec])
        return Fraction(Decimal(f"{whole}.{text[dec + 1 :]}"))
    m = _THOUSANDS.fullmatch(text)
    if m is not None:
        sep = m.group(1)
        groups = text.count(sep)
        # `1,500` is 1500, but `31,275 مليار` is 31.275 billion; `1.500` alone
        # is 1.5 (decimal point), `505.000.000` is thousands.
        if groups >= 2 or (sep == "," and not scale_follows):
            return Fraction(int(text.replace(sep, "")))
    if _NUMBER.fullmatch(text) is None:
        return None
    return Fraction(Decimal(text.replace(",", ".")))


def to_decimal(value: Fraction) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 34
        d = Decimal(value.numerator) / Decimal(value.denominator)
    return plain(d)


def plain(d: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation."""
    d = d.normalize()
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d


def fmt(d: Decimal) -> str:
    return format(plain(d), "f")


@dataclass(frozen=True, slots=True)
class Number:
    start: int  # first token
    end: int  # token after the number
    clitic: int  # proclitic characters on the first token
    value: Fraction
    digits: bool  # written (at least partly) in digits
    scaled: bool  # carries a scale word (ألف, مليون, …)
    words: bool  # contains number words
    last_scale: Fraction = Fraction(1)  # the last scale word's value (for a trailing `ونصف`)

    @property
    def decimal(self) -> Decimal:
        return to_decimal(self.value)

    @property
    def plain_int(self) -> int | None:
        """The integer of a lone plain-digit token (a year candidate)."""
        if self.digits and not self.scaled and not self.words and self.end - self.start == 1:
            if self.value.denominator == 1 and self.value > 0:
                return int(self.value)
        return None


@dataclass(slots=True)
class _Term:
    kind: str  # "digits" or one of WORD_KINDS
    value: Fraction
    start: int
    end: int
    clitic: int


def _terms_at(toks: Tokens, i: int, first: bool, waw: bool = False) -> list[_Term]:
    """The readings of token i as a number term: a digit token, or a number word
    (a word may have two: `عشرة` is ten, or the ten of `ثلاثة عشر`). `first`
    allows any proclitic on a word; `waw` requires a glued `و`."""
    if i >= len(toks):
        return []
    if toks.has_digit(i):
        if waw:
            return []
        # Only a scale word right after the digits matters (31,275 مليار); looking
        # at the next token's roles, not reading it, keeps this O(1) per token.
        scale_follows = any(m.entry.role.startswith("num_scale") and m.clitic == 0 for m in toks.matches(i + 1))
        value = parse_digits(toks.words[i], scale_follows)
        return [_Term("digits", value, i, i + 1, 0)] if value is not None else []
    out = []
    for m in toks.matches(i):
        role = m.entry.role
        ok = m.clitic == 1 and toks.words[i].startswith(WAW) if waw else first or m.clitic == 0
        if role.startswith("num_") and ok:
            out.append(_Term(role[4:], m.entry.number, i, m.end, m.clitic))
    return out


# A cardinal that may carry the article before a scale, a currency or a percent marker (`الثلاثين ألف جنيه`,
# `الخمسين بالمئة`); scales and fractions with the article (`الألف ميل`, `النصف`) are nouns of their own.
_DEFINITE_KINDS = ("unit", "ten", "hundred")
# What must follow a definite number with no scale of its own for it to be an amount (`الثلاثين دولارا`).
_DEFINITE_UNITS = (Role.CURRENCY, Role.CUR_SYMBOL, Role.SUBUNIT, Role.PERCENT_MARKER)


_WAW_DEFINITE = ((WAW, WAW + ARTICLE),)  # the second part of `الخمسة والعشرين`


def _definite_terms(toks: Tokens, i: int, waw: bool = False) -> list[_Term]:
    """The readings of token i as a cardinal with the article: `الثلاثين`, `والعشرين`, `للخمسين` (ل + ال).
    The article stays in the span (it belongs to the word, MENTIONS.md); the proclitic before it does not.
    `waw` requires the proclitic `و` (the second part of `الخمسة والعشرين`). A word the lexicon reads as
    anything but an ordinal (`الاثنين` is Monday) is not taken."""
    w = toks.word(i)
    prefixes = _WAW_DEFINITE if waw else DEFINITE_PREFIXES
    if not w.startswith(WAW + ARTICLE if waw else DEFINITE_STARTS):
        return []  # most words: no article, so no lexicon look-up
    if any(not m.entry.role.startswith("ord_") for m in toks.matches(i)):
        return []
    for p, prefix in prefixes:
        if w.startswith(prefix) and len(w) - len(prefix) >= 2:
            bare = w[len(prefix) :]
            return [
                _Term(m.entry.role[4:], m.entry.number, i, i + 1, len(p))
                for m in toks.lex.lookup([bare], 0)
                if m.clitic == 0 and m.entry.role[4:] in _DEFINITE_KINDS
            ]
    return []


def definite_number_word(toks: Tokens, i: int) -> bool:
    """Token i is a cardinal with the article (`الثلاثين`, `والعشرين`): a number may start there."""
    return bool(_definite_terms(toks, i))


def _next_term(toks: Tokens, j: int, allowed: tuple[str, ...], waw: bool, definite: bool = False) -> _Term | None:
    if waw:
        if toks.word(j) == WAW:
            terms = _terms_at(toks, j + 1, False)
            for t in terms:
                t.start = j
        else:
            terms = _terms_at(toks, j, False, waw=True)
            if definite and not terms:
                terms = _definite_terms(toks, j, waw=True)  # الخمسة والعشرين: the article on both parts
    else:
        terms = _terms_at(toks, j, False)
    return next((t for t in terms if t.kind in allowed), None)


_SCALES = ("scale", "scale_plural", "scale_dual")
# Which term may follow which, directly (adjacent) or after `و`.
_DIRECT = {
    "digits": _SCALES,
    "unit": ("hundred", "teen_ten", "fraction", *_SCALES),
    "ten": _SCALES,
    "hundred": _SCALES,
    "teen_ten": _SCALES,
    "fraction": _SCALES,
    "scale": ("scale", "scale_plural"),  # ألف مليار: a larger scale, checked in the loop
    "scale_plural": ("scale",),  # 308 آلاف مليار
    "scale_dual": (),
}
# A whole number (these kinds) takes its fraction after `و` through `_waw_fraction` (`5 ونصف` is 5.5, as
# `خمسة ونصف`); after a scale the fraction is of the scale (`مليون ونصف`) and listed here.
_WHOLE = ("digits", "unit", "ten", "teen_ten", "hundred")
_AFTER_WAW = {
    "digits": (),  # `5 و10` is two numbers (a range), never 15
    "unit": ("ten",),
    "teen_ten": (),
    "ten": (),
    "hundred": ("unit", "ten", "digits"),
    "fraction": (),
    "scale": ("digits", "unit", "ten", "hundred", "fraction", "scale", "scale_dual"),
    "scale_plural": ("digits", "unit", "ten", "hundred", "fraction"),
    "scale_dual": ("digits", "unit", "ten", "hundred", "fraction"),
}


def _waw_fraction(toks: Tokens, j: int) -> _Term | None:
    """A fraction after `و` at token j that completes a whole number: `ونصف`, `و نص`, `وثلاثة أرباع`
    (a numerator and a plural fraction, less than one). None before a definite noun or `من`: there the
    fraction is a share of what follows (`5 ونصف المبلغ`, `3 ونصف من الحصة`), not half a unit."""
    frac = _next_term(toks, j, ("fraction",), waw=True)
    if frac is None:
        num = _next_term(toks, j, ("unit",), waw=True)
        plural = _next_term(toks, num.end, ("fraction",), waw=False) if num is not None else None
        if num is None or plural is None or num.value * plural.value >= 1:
            return None
        frac = _Term("fraction", num.value * plural.value, num.start, plural.end, num.clitic)
    if toks.definite_word(frac.end) or toks.word(frac.end) == MIN:
        return None
    return frac


def _is_repeated_scale(toks: Tokens, i: int, scale: Fraction) -> bool:
    """The scale word repeated after `ونصف`, with or without the article
    (`مليون ونصف المليون`, `ثلاثة مليارات ونصف مليار`)."""
    w = toks.word(i)
    bare = w[len(ARTICLE) :] if w.startswith(ARTICLE) else w
    return any(
        m.entry.role == "num_scale" and m.clitic == 0 and m.entry.number == scale for m in toks.lex.lookup([bare], 0)
    )


def read_number(toks: Tokens, i: int) -> Number | None:
    """The longest number starting at token i, or None."""
    return toks.once(_read_number, i)


def _read_number(toks: Tokens, i: int) -> Number | None:
    firsts = [t for t in _terms_at(toks, i, True) if t.kind != "teen_ten"]
    definite = not firsts
    if definite:
        firsts = _definite_terms(toks, i)
    if not firsts:
        return None
    if firsts[0].kind in _SCALES and _definite_terms(toks, i - 1):
        return None  # `الثلاثين ألف` read from `ألف` would be a thousand: a wrong value, worse than none
    # With no number before it, `مليونا` is the dual (two million), not the accusative,
    # unless `ونصف` follows (`مليونا ونصف المليون` is one and a half million).
    first = next((t for t in firsts if t.kind == "scale_dual"), firsts[0])
    # The construct dual (ألفا دولار) is followed by what it counts; followed by
    # `و` + a number, the same spelling is the accusative singular (بلغت ألفا ومئتي دولار).
    if first.kind == "scale_dual" and toks.words[i].endswith(CONSTRUCT_DUAL_ENDING):
        if _next_term(toks, first.end, _AFTER_WAW["scale"], waw=True) is not None:
            first = next((t for t in firsts if t.kind == "scale"), first)
    terms = [first]
    joined = [False]
    scale_before_waw: Fraction | None = None  # the scale a `و` segment follows
    waw_at = 0
    j = first.end
    while j < len(toks) and len(terms) < MAX_TERMS:
        last = terms[-1].kind
        nxt = _next_term(toks, j, _DIRECT[last], waw=False)
        if nxt is not None and last == "fraction" and joined[-1] and len(terms) > 1 and terms[-2].kind in _SCALES:
            nxt = None  # `3 ملايين ونصف مليار`: only the same scale repeats after `ونصف` (taken below)
        if nxt is not None and last in _SCALES and nxt.kind in _SCALES and nxt.value <= terms[-1].value:
            nxt = None  # مليون مليون: a scale multiplies only by a larger one
        if nxt is not None:
            if nxt.kind in _SCALES and scale_before_waw == nxt.value:
                # `5 ملايين و10 ملايين` is two amounts (a range), not 15 million
                del terms[waw_at:], joined[waw_at:]
                break
            terms.append(nxt)
            joined.append(False)
            j = nxt.end
            continue
        # `5 ونصف`, `ثلاثة وثلاثة أرباع`; `2.5 ونصف` is no number
        if last in _WHOLE and terms[-1].value.denominator == 1 and (frac := _waw_fraction(toks, j)) is not None:
            terms.append(frac)
            joined.append(True)
            j = frac.end
            continue
        nxt = _next_term(toks, j, _AFTER_WAW[last], waw=True, definite=definite)
        if nxt is not None and last == "unit" and nxt.kind == "ten" and terms[-1].value >= 10:
            nxt = None  # `عشرة وعشرين` is two numbers (a range), not thirty
        if nxt is not None and last in _SCALES and nxt.kind in _SCALES and nxt.value >= terms[-1].value:
            nxt = None  # `500 مليون ومليار` is two numbers: a compound descends
        if nxt is not None:
            if last in _SCALES:
                scale_before_waw, waw_at = terms[-1].value, len(terms)
            terms.append(nxt)
            joined.append(True)
            j = nxt.end
            if nxt.kind == "fraction" and last in _SCALES and _is_repeated_scale(toks, j, terms[-2].value):
                j += 1  # مليون ونصف المليون: the repeated scale belongs to the number
                terms[-1].end = j
            continue
        break
    value = _compose(terms, joined)
    if value is None:
        return None
    kinds = {t.kind for t in terms}
    if kinds <= {"scale_plural"} or kinds <= {"teen_ten"}:
        return None  # `آلاف` alone is vague, `عشر` alone is not a number
    if definite and not kinds & set(_SCALES) and toks.find(terms[-1].end, *_DEFINITE_UNITS, clitic=False) is None:
        return None  # `الثلاثين من عمره`, `العشرة الأوائل`: a definite number word counts no amount
    return Number(
        start=i,
        end=terms[-1].end,
        clitic=first.clitic,
        value=value,
        digits="digits" in kinds,
        scaled=bool(kinds & set(_SCALES)),
        words=bool(kinds - {"digits"}),
        last_scale=next((t.value for t in reversed(terms) if t.kind in _SCALES), Fraction(1)),
    )


def _compose(terms: list[_Term], joined: list[bool]) -> Fraction | None:
    if len(terms) == 1 and terms[0].kind not in _SCALES:
        return terms[0].value  # most numbers are one digit token: no arithmetic
    total = Fraction(0)
    group: Fraction | None = None
    max_scale = Fraction(0)
    last_scale = Fraction(0)
    prev = ""
    for n, (t, via_waw) in enumerate(zip(terms, joined, strict=True)):
        v = t.value
        if t.kind in _SCALES:
            if prev in ("scale", "scale_plural") and not via_waw:
                total *= v  # ألف مليار
            else:
                mult = group if group is not None else Fraction(2 if t.kind == "scale_dual" and n == 0 else 1)
                if total and v > max_scale:
                    total = (total + mult) * v  # 9 آلاف و200 مليار
                else:
                    total += mult * v
            max_scale = max(max_scale, v)
            last_scale = v
            group = None
        elif t.kind == "fraction":
            if via_waw and prev in _SCALES:
                total += v * last_scale  # مليون ونصف
            elif prev == "unit" and not via_waw and group is not None:
                group *= v  # ثلاثة أرباع
            else:
                group = (group or Fraction(0)) + v
        elif t.kind == "hundred" and prev == "unit" and not via_waw and group is not None and group < 10:
            group *= v  # ثلاث مئة
        else:
            group = (group or Fraction(0)) + v
        prev = t.kind
    return total + (group or Fraction(0))


@dataclass(frozen=True, slots=True)
class SignedNumber:
    start: int
    end: int
    clitic: int
    value: Fraction
    num: Number


def read_signed(toks: Tokens, i: int) -> SignedNumber | None:
    """A number with its sign: `-5`, `+3`, `سالب 1.3`, `2.4-` (sign typed after)."""
    return toks.once(_read_signed, i)


def _read_signed(toks: Tokens, i: int) -> SignedNumber | None:
    sign, start, clitic, k = 1, i, 0, i
    w = toks.word(i)
    if w in ("-", "+") and toks.adjacent(i + 1) and toks.has_digit(i + 1) and not toks.has_digit(i - 1):
        sign, k = (-1 if w == "-" else 1), i + 1
    else:
        s = toks.find(i, "sign")
        if s is not None:
            sign, k, clitic = s.entry.int_value, s.end, s.clitic
    num = read_number(toks, k)
    if num is None:
        return None
    if k == i:
        clitic = num.clitic
    end = num.end
    if sign == 1 and k == i and toks.word(end) == "-" and toks.adjacent(end) and num.digits:
        if not toks.has_digit(end + 1):
            sign, end = -1, end + 1
    return SignedNumber(start, end, clitic, sign * num.value, num)
