"""Every Arabic month name CLDR gives (through babel, a dependency) for the Arab locales is a
month form of `months.tsv` with the same number: the systematic source for regional spellings."""

from __future__ import annotations

from babel import Locale
from babel.localedata import locale_identifiers

from pipeline.lexicon import lexicon
from pipeline.normalize import normalise_key
from pipeline.tokenize import tokenize
from pipeline.tokens import Tokens


def _cldr_months() -> dict[str, set[int]]:
    names: dict[str, set[int]] = {}
    for ident in locale_identifiers():
        if not ident.startswith("ar"):
            continue
        loc = Locale.parse(ident)
        if loc.language != "ar":
            continue  # arn (Mapuche), ary (Moroccan in Latin placeholders)
        for context in ("format", "stand-alone"):
            for number, name in loc.months[context]["wide"].items():
                names.setdefault(name, set()).add(number)
    return names


def test_every_cldr_month_name_is_a_month_form() -> None:
    names = _cldr_months()
    assert len(names) >= 30, sorted(names)  # Egyptian, Levantine, Maghreb, Moroccan, Mauritanian names
    lex = lexicon()
    missing = []
    for name, numbers in sorted(names.items()):
        text = normalise_key(name)
        words, starts = tokenize(text)
        toks = Tokens(words, starts, lex)
        m = toks.find(0, "month", clitic=False)
        if m is None or m.end != len(toks) or {m.entry.value.number} != numbers:  # type: ignore[attr-defined]
            missing.append(f"{name} {sorted(numbers)}")
    assert not missing, f"CLDR month names not in months.tsv (or with another number): {missing}"
