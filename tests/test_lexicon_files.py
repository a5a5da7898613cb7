"""The lexicon files are checked row by row when they load: a broken row is one
`LexiconError` naming the file, the line and the reason. Each test breaks one
cell of a small valid lexicon written to a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.lexicon import LexiconError, inflect, lexicon, load
from pipeline.lexicon_files import era_letters
from pipeline.particles import PROCLITICS
from pipeline.roles import Role
from pipeline.tokenize import tokenize

# One or two valid rows per file; the line numbers below count the header as line 1.
VALID = {
    "months.tsv": "form\tmonth\tcalendar\tfamily\tambiguous\n"
    "أبريل\t4\tgregorian\tegyptian\tno\nرجب\t7\thijri\thijri\tno\n",
    "currency_names.tsv": "lemma\tforms\tdefault\nدينار\tدينار|دنانير\tXXX\nدولار\tدولار|دولارات\tUSD\n",
    "currency_qualifiers.tsv": "lemma\tadjectives\tforms\tcode\nدينار\tكويتي\t\tKWD\nدولار\t\tهونغ كونغ\tHKD\n",
    "currency_symbols.tsv": "symbol\tcode\n$\tUSD\nد.ك\tKWD\n",
    "currency_subunits.tsv": "forms\tfactor\tdefault\tparents\tfactors\nفلس|فلوس\t0.001\tXXX\tدينار\tKWD:0.001\n",
    "number_words.tsv": "form\tvalue\ttype\nثلاثة\t3\tunit\nثلث\t1/3\tfraction\n",
    "ordinals.tsv": "form\tvalue\ttype\nالثالث\t3\tordinal\n",
    "period_parts.tsv": "part\tmonths\nquarter\t3\nhalf\t6\n",
    "triggers.tsv": "form\trole\nعام\tyear_noun\nالخميس\tweekday:4\nالربع\tpart_noun:quarter\nه\tera_hijri\n",
}


def _write(folder: Path, **changes: str) -> Path:
    for name, text in VALID.items():
        (folder / name).write_text(changes.get(name.removesuffix(".tsv"), text), encoding="utf-8")
    return folder


def _broken(tmp_path: Path, name: str, line: int, new: str) -> str:
    """Load the valid lexicon with line `line` of `name` replaced; the error message."""
    lines = VALID[name].splitlines()
    lines[line - 1] = new
    folder = _write(tmp_path, **{name.removesuffix(".tsv"): "\n".join(lines) + "\n"})
    with pytest.raises(LexiconError) as err:
        load(folder)
    message = str(err.value)
    assert message.startswith(f"{folder / name}:{line}: "), message
    assert "\n" not in message
    return message


def test_the_small_lexicon_loads(tmp_path: Path) -> None:
    lex = load(_write(tmp_path))
    roles = {r.role for r in lex.rows}
    assert {Role.MONTH, Role.HMONTH, Role.QUALIFIER, Role.SUBUNIT, Role.NUM_FRACTION, Role.PART_NOUN} <= roles
    assert lex.part_months == {"quarter": 3, "half": 6}
    assert lex.qualifiers[("دينار", "الكويتيه")] == "KWD" and lex.qualifiers[("دولار", "هونغ كونغ")] == "HKD"
    assert all(isinstance(e.role, Role) for e in lex.entries())


@pytest.mark.parametrize(
    ("name", "line", "row", "reason"),
    [
        ("triggers.tsv", 3, "الخميس\tweekday", "role weekday needs a value matching [1-7], got ''"),
        ("triggers.tsv", 3, "الخميس\tweekday:8", "role weekday needs a value matching [1-7], got '8'"),
        ("triggers.tsv", 2, "عام\tyear_nouns", "unknown role 'year_nouns'"),
        ("triggers.tsv", 2, "عام\tyear_noun:1", "role year_noun takes no value, got '1'"),
        ("triggers.tsv", 2, "عام\tmonth", "unknown role 'month'"),  # months.tsv gives that role
        ("triggers.tsv", 4, "الربع\tpart_noun:third", "'third' is not a part of period_parts.tsv"),
        ("triggers.tsv", 3, "الخميس", "expected 2 tab-separated fields, got 1"),
        ("triggers.tsv", 3, "الخميس\tweekday:4\textra", "expected 2 tab-separated fields, got 3"),
        ("triggers.tsv", 3, "عام\tyear_noun", "'عام' (year_noun) repeats triggers.tsv:2"),
        ("triggers.tsv", 3, "عـام\tyear_noun", "form 'عـام' has diacritics or tatweel"),
        ("triggers.tsv", 1, "form\trole\tvalue", "the header must be form | role, not"),
        ("months.tsv", 2, "يناير\t13\tgregorian\tegyptian\tno", "month must be a whole number from 1 to 12, not '13'"),
        ("months.tsv", 2, "يناير\t1\tjulian\tegyptian\tno", "calendar must be one of gregorian, hijri, not 'julian'"),
        ("months.tsv", 2, "يناير\t1\tgregorian\thijri\tno", "family hijri does not go with the gregorian calendar"),
        ("months.tsv", 2, "يناير\t1\tgregorian\tegyptian\tmaybe", "ambiguous must be one of no, yes, not 'maybe'"),
        ("months.tsv", 3, "إبريل\t5\tgregorian\tegyptian\tno", "'إبريل' is already a month at months.tsv:2"),
        ("months.tsv", 3, "رجب\t\thijri\thijri\tno", "empty month"),
        ("currency_names.tsv", 3, "دولار\tدولار|دولارات\tusd", "default must be an ISO 4217 code"),
        ("currency_names.tsv", 3, "دولار\tدولار|دولار\tUSD", "forms 'دولار' and 'دولار' are the same after"),
        ("currency_names.tsv", 3, "دينار\tدينارات\tXXX", "lemma 'دينار' has a row already"),
        ("currency_qualifiers.tsv", 2, "روبل\tروسي\t\tRUB", "'روبل' is not a lemma of currency_names.tsv"),
        ("currency_qualifiers.tsv", 2, "دينار\t\t\tKWD", "a qualifier row needs adjectives or forms"),
        ("currency_symbols.tsv", 2, "$\tUS", "code must be an ISO 4217 code (three capital letters), not 'US'"),
        ("currency_subunits.tsv", 2, "فلس\t1.5\tXXX\tدينار\t", "factor: a subunit's share of its currency is"),
        ("currency_subunits.tsv", 2, "فلس\t0.001\tXXX\tدينار\tKWD", "factors: 'KWD' is not CODE:FACTOR"),
        ("currency_subunits.tsv", 2, "فلس\t0.001\tXXX\tدينار\tKWD:x", "factors must be a plain decimal number"),
        ("currency_subunits.tsv", 2, "فلس\t0.001\tXXX\tريال\t", "'ريال' is not a lemma of currency_names.tsv"),
        ("number_words.tsv", 2, "ثلاثة\tthree\tunit", "value must be a decimal or a fraction a/b, not 'three'"),
        ("number_words.tsv", 3, "ثلث\t1/0\tfraction", "value must be a decimal or a fraction a/b, not '1/0'"),
        ("number_words.tsv", 2, "ثلاثة\t3\tcardinal", "type must be one of fraction, hundred,"),
        ("ordinals.tsv", 2, "الثالث\t3.5\tordinal", "value must be a whole number from 0 to 99, not '3.5'"),
        ("period_parts.tsv", 2, "quarter\t5", "a part of a year is a whole share of 12 months, not 5"),
        ("period_parts.tsv", 3, "quarter\t6", "part must be a new lower-case name, not 'quarter'"),
    ],
)
def test_a_broken_row_names_file_line_and_reason(tmp_path: Path, name: str, line: int, row: str, reason: str) -> None:
    assert reason in _broken(tmp_path, name, line, row)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    folder = _write(tmp_path)
    (folder / "ordinals.tsv").unlink()
    with pytest.raises(LexiconError, match=r"ordinals\.tsv: cannot be read"):
        load(folder)


def test_qualifier_forms_are_generated_from_the_adjective() -> None:
    """The nine forms currency_qualifiers.tsv listed by hand before issue 10, for `كويتي`
    (the generated set equals the old one for every row but the four listed in its header)."""
    assert inflect("كويتي") == [
        "كويتي", "كويتيا", "كويتية", "كويتيان", "كويتيين", "كويتيتان", "كويتيتين", "الكويتي", "الكويتية",
    ]  # fmt: skip
    assert inflect("كوري جنوبي")[2] == "كورية جنوبية" and inflect("كوري جنوبي")[-1] == "الكورية الجنوبية"
    kuwaiti = {" ".join(e.words) for r in lexicon().rows if "كويتي" in r.forms for e in r.entries}
    assert kuwaiti == {" ".join(tokenize(f)[0]).replace("ة", "ه") for f in inflect("كويتي")}


def test_the_tokenizer_splits_the_lexicons_era_letters_and_the_grammars_clitics() -> None:
    eras = era_letters()
    assert set(eras) == {"م", "ه"}
    for era in eras:
        assert tokenize("1990" + era)[0] == ["1990", era]
    for clitic in (p for p in PROCLITICS if len(p) == 1):
        assert tokenize(clitic + "59")[0] == [clitic, "59"]


def test_era_letters_come_from_triggers_tsv(tmp_path: Path) -> None:
    folder = _write(tmp_path, triggers="form\trole\nق\tera_gregorian\nه\tera_hijri\nعام\tyear_noun\n")
    assert era_letters(folder) == "قه"
