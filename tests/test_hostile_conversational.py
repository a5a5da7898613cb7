"""Hostile input for the conversational date families of issue 11 (weeks, days of a month, rolling periods,
short numeric forms, years in words, months alone, colloquial `هال`, seasons and the weekend): each phrase, and
each piece of one that a rule starts on but cannot finish, repeated thousands of times is read as a short
repetition of it is read, unit by unit (tests/repetition.py), with no exception such as a recursion per unit.
Nothing here is timed; tests/test_hostile.py says why."""

from __future__ import annotations

import datetime as dt

import pytest

from .repetition import EDGE, read_like_a_short_repetition

REF = dt.date(2025, 3, 14)  # a Friday: the week, month and season values depend on it
REPEAT = 5000  # deeper than any recursion limit, were a rule to recurse once per unit

# A unit and the rules that read it in the middle of a long repetition (none: a piece that is no date).
# Units are spaced: a run without spaces longer than the tokenizer's MAX_RUN is cut, by design.
UNITS: dict[str, set[str]] = {
    # weeks.py
    "الخميس من الأسبوع المقبل ": {"day_of_week"},
    "خميس الأسبوع الماضي ": {"day_of_week"},
    "الخميس السابق ": {"previous_weekday"},
    "هذا الأسبوع الخميس ": {"week_then_weekday"},
    "الأسبوع المقبل يوم ": {"relative_period"},  # no weekday after يوم: the week alone
    "يوم الأحد من ": {"bare_weekday"},
    # month_days.py
    "ثاني خميس من مايو 2019 ": {"day_of_period"},
    "آخر يوم من الشهر ": {"day_of_period"},
    "آخر ": set(),  # a period modifier, an ordinal and `last`: each one starts a reading of the next
    "آخر جمعة من ": set(),
    "اليوم الأول من ": set(),
    # rolling.py
    "الأيام الخمسة الماضية ": {"rolling_period"},
    "العقدين الماضيين ": {"rolling_period"},
    "آخر 4 سنوات ": {"last_n_periods"},
    "بقية الأسبوع ": {"rest_of_period"},
    "قبل بضعة أيام ": {"vague_ago"},
    "الأسابيع القليلة ": set(),
    "ما تبقى من ": set(),
    # numeric_short.py
    "في 17/3 ": {"numeric_day_month"},
    "بتاريخ 6/2021 ": {"numeric_month_year"},
    "17/03/21 ": {"numeric_short_year"},
    "17.03.21 ": {"numeric_short_year"},
    "2021. مارس .17 ": {"day_sep_month"},
    "17/3/ ": set(),
    "17/ ": set(),
    "من 3/2021 حتى ": set(),
    # spoken_years.py
    "في ألفين وستة وعشرين ": {"prep_word_year"},
    "مواليد ألفين ": {"prep_word_year"},
    "من ألفين وعشرة إلى ألفين وخمسة عشر ": {"word_years_range"},
    "ألفين و": set(),
    "تسعة عشر و": set(),
    "بين ألفين و": set(),
    # month_ordinal.py
    "مارس السابع عشر، 2021 ": {"month_ordinal_day"},
    "في يونيو العاشر ": {"month_ordinal_day"},
    # months_alone.py
    "الشهر الثامن ": {"month_number"},
    "حتى جوان ": {"month_alone"},
    "خلال رمضان ": {"month_alone"},
    "هذا أغسطس ": {"this_month_name"},
    "شهر ": set(),
    "هذا ": set(),
    # colloquial_this.py
    "هالشهر ": {"colloquial_this"},
    "هالصيف ": {"colloquial_this"},
    "هال": set(),
    "هال ": set(),
    # seasons_weekend.py
    "بالصيف ": {"bare_season"},
    "في الشتاء ": {"bare_season"},
    "بداية الشتاء ": {"bare_season"},
    "عطلة نهاية الأسبوع ": {"weekend"},
    "الويكند المقبل ": {"weekend"},
}


@pytest.mark.parametrize("unit", list(UNITS))
def test_repeated_phrase(unit: str) -> None:
    middle = read_like_a_short_repetition(unit, REPEAT, reference_date=REF)
    assert {rule for _, _, _, _, rule in middle} == UNITS[unit], middle
    if UNITS[unit]:
        assert len(middle) >= EDGE, middle  # every unit of the stretch is read
