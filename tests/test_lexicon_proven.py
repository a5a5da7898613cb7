"""Every lexicon row is proven by an example: a word of a mention lies inside a
mention extracted right (an example row, a corpus gold mention, a number of
numbers.tsv), a word beside a mention next to one, a word that stops a reading in
a negative row or a sentence of negative.txt (tests/lexicon_proof.py; which proof
each role needs is in pipeline/roles.py). A row no example proves is dead data or
a reading nobody has checked: add an example row, or delete the lexicon row."""

from __future__ import annotations

from pipeline.lexicon import SourceRow, lexicon
from pipeline.roles import Role

from .lexicon_proof import Proof, accepted, proofs, units, unproven

# Forms the grammar does not read right yet, each a real word that a rule misreads or
# ignores; the rules are not this table's to change. A gap that an example now proves
# fails the test below: delete it here, so the list only shrinks.
_DUAL = "years_pair reads the genitive dual (العامين 2020 و2021) only"
KNOWN_GAPS = {
    ("triggers.tsv", "العامان", Role.YEAR_NOUN): f"`العامان 2020 و2021` gives only `العامان 2020`: {_DUAL}",
    ("triggers.tsv", "السنتان", Role.YEAR_NOUN): f"`السنتان 2011 و2012` gives only `السنتان 2011`: {_DUAL}",
    ("triggers.tsv", "أعوام", Role.YEAR_NOUN): "`أعوام 2017 و2018` gives only `أعوام 2017`",
    ("triggers.tsv", "الشهران", Role.MONTH_NOUN): "`الشهران يوليو وأغسطس 2023` gives `الشهران يوليو`, `أغسطس 2023`",
    ("triggers.tsv", "حاجة", Role.BLOCKS_RELATIVE_DAY): "`في أمس حاجة إلى` gives `أمس`: only `أمس الحاجة` blocks",
}


def _gap(row: SourceRow) -> str | None:
    return next((KNOWN_GAPS[k] for f in row.forms if (k := (row.file, f, row.role)) in KNOWN_GAPS), None)


def _describe(row: SourceRow) -> str:
    need = " or ".join(sorted(p.value for p in accepted(row.role)))
    forms = [f for f, e in zip(row.forms, row.entries, strict=True) if e in unproven(row)]
    return f"{row.where}: {' | '.join(forms)} ({row.role}) needs an example {need}"


def test_every_lexicon_row_is_proven() -> None:
    rows = lexicon().rows
    missing = [_describe(r) for r in rows if unproven(r) and _gap(r) is None]
    total = sum(units(r) for r in rows)
    assert not missing, (
        f"{len(missing)} lexicon rows (of {len(rows)}, {total} forms) no example proves; add rows to "
        "pipeline/rules/examples/ (or negative.txt for words that stop a reading), or delete them:\n"
        + "\n".join(missing)
    )


def test_known_gaps_are_still_gaps() -> None:
    rows = {(r.file, f, r.role): r for r in lexicon().rows for f in r.forms}
    assert set(KNOWN_GAPS) <= set(rows), f"known gaps that are no lexicon row: {set(KNOWN_GAPS) - set(rows)}"
    proven_now = [f"{k[0]} {k[1]} ({k[2]})" for k in KNOWN_GAPS if not unproven(rows[k])]
    assert not proven_now, f"known gaps an example now proves (delete them from KNOWN_GAPS): {proven_now}"


def test_the_proof_tells_apart_what_it_should() -> None:
    """The scan itself: a month form is proven inside a mention, a counted noun only by a
    negative sentence, and a form no text uses is proven by nothing."""
    found = proofs()
    by_form = {(r.role, f): e for r in lexicon().rows for f, e in zip(r.forms, r.entries, strict=True)}
    assert Proof.SPAN in found[by_form[(Role.MONTH, "أكتوبر")]]
    assert Proof.NEGATIVE in found[by_form[(Role.COUNTED_NOUN, "جندي")]]
    assert Proof.SPAN not in found.get(by_form[(Role.COUNTED_NOUN, "جندي")], frozenset())
    assert accepted(Role.COUNTED_NOUN) == {Proof.NEGATIVE} and accepted(Role.MONTH) == {Proof.SPAN}
    assert all(e.role != Role.MONTH or e.words != ("سيبتمبرز",) for e in found)


def test_a_qualifier_row_is_proven_by_one_of_its_forms() -> None:
    kuwaiti = next(r for r in lexicon().rows if r.role == Role.QUALIFIER and "كويتي" in r.forms)
    assert len(kuwaiti.entries) == 9 and not unproven(kuwaiti)
    assert units(kuwaiti) == 1
