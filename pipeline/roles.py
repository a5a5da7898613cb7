"""The roles a lexicon phrase can play, what value each role carries, and how
an example row proves it.

`Role` is a `StrEnum`: `Role.MONTH == "month"`, so code that compares roles with
strings keeps working, and a lexicon row naming a role that is not here is an
error when the lexicons load (pipeline/lexicon.py). Each trigger role says
what its value (`ROLE:VALUE` in triggers.tsv) must look like.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Role(StrEnum):
    # months.tsv
    MONTH = "month"  # a Gregorian month name of any family
    HMONTH = "hmonth"  # a Hijri month name
    # currency_*.tsv
    CURRENCY = "currency"  # a currency name (`دولار`, `دنانير`)
    QUALIFIER = "qualifier"  # a nationality adjective after a currency name (`كويتي`)
    CUR_SYMBOL = "cur_symbol"  # a sign, ISO code or written abbreviation (`$`, `USD`, `ر.س`)
    SUBUNIT = "subunit"  # `سنت`, `فلس`, `قرش`
    # number_words.tsv: `num_` + its type column
    NUM_UNIT = "num_unit"
    NUM_TEN = "num_ten"
    NUM_HUNDRED = "num_hundred"
    NUM_TEEN_TEN = "num_teen_ten"
    NUM_SCALE = "num_scale"
    NUM_SCALE_PLURAL = "num_scale_plural"
    NUM_SCALE_DUAL = "num_scale_dual"
    NUM_FRACTION = "num_fraction"
    # ordinals.tsv: `ord_` + its type column
    ORD_ORDINAL = "ord_ordinal"
    ORD_COMPOUND_UNIT = "ord_compound_unit"
    ORD_TEEN_TEN = "ord_teen_ten"
    ORD_TEN = "ord_ten"
    # triggers.tsv: words of a date or an amount (inside the span)
    YEAR_NOUN = "year_noun"
    MONTH_NOUN = "month_noun"
    DAY_NOUN = "day_noun"
    ERA_GREGORIAN = "era_gregorian"
    ERA_HIJRI = "era_hijri"
    WEEKDAY = "weekday"
    RELATIVE_DAY = "relative_day"
    RELATIVE_PERIOD_NOUN = "relative_period_noun"
    RELATIVE_MODIFIER = "relative_modifier"
    RELATIVE_PRE_MODIFIER = "relative_pre_modifier"
    DURATION_UNIT = "duration_unit"
    AGO_PREP = "ago_prep"
    PERIOD_MODIFIER = "period_modifier"
    RELATIVE_PERIOD_MODIFIER = "relative_period_modifier"  # `أول` only before a relative period (`أول الشهر الجاي`)
    PART_NOUN = "part_noun"
    PART_NOUN_DUAL = "part_noun_dual"
    MONTHS_COUNT_NOUN = "months_count_noun"
    FISCAL_NOUN = "fiscal_noun"
    DECADE_WORD = "decade_word"
    DECADE_NOUN = "decade_noun"
    CENTURY_NOUN = "century_noun"
    SEASON = "season"
    RELATIVE_SEASON = "relative_season"
    MONTH_EPITHET = "month_epithet"
    DATE_APPOSITION = "date_apposition"
    PERCENT_MARKER = "percent_marker"
    RANGE_OPEN = "range_open"
    RANGE_TO = "range_to"
    RANGE_UNTIL = "range_until"  # حتى joining two whole dates without an opening من
    SIGN = "sign"
    # triggers.tsv: words of the relative-time algebra (weeks.py, month_days.py, rolling.py)
    WEEKDAY_CONSTRUCT = "weekday_construct"  # a weekday in construct, no article (`خميس الأسبوع الماضي`)
    CONSTRUCT_ORDINAL = "construct_ordinal"  # an ordinal before its noun (`ثاني خميس`, `آخر يوم`)
    DEFINITE_DAY_NOUN = "definite_day_noun"  # `اليوم` as `the day` before an ordinal (`اليوم الأول من`)
    WEEKDAY_MODIFIER = "weekday_modifier"  # `السابق` after a weekday: the last one before R
    ROLLING_UNIT = "rolling_unit"  # a definite plural or dual period noun (`الأيام`, `الشهرين`)
    REST_OF = "rest_of"  # `بقية`, `باقي`, `ما تبقى`
    VAGUE_COUNT = "vague_count"  # `بضعة`, `عدة`, `القليلة`
    # triggers.tsv: words next to a mention that let it be one (outside the span)
    TEMPORAL_PREP = "temporal_prep"
    ADVERB = "adverb"
    DAY_PART = "day_part"
    FUNCTION_WORD = "function_word"  # التي, الذي: not the article of a definite noun
    CLOCK_NOUN = "clock_noun"  # `الساعة` before a clock time: it ends a short date (`بتاريخ 23/11 الساعة 9:40`)
    # triggers.tsv: words that show a number or a word is not a mention
    ERA_BC = "era_bc"
    ANAPHOR = "anaphor"
    EVENT_PREP = "event_prep"
    AMBIGUOUS_WEEKDAY = "ambiguous_weekday"
    AMBIGUOUS_PART = "ambiguous_part"
    AGE_NOUN = "age_noun"
    NAME_HEAD = "name_head"
    COMMODITY = "commodity"
    NUMBERED_NOUN = "numbered_noun"
    NUMBER_NOUN = "number_noun"
    COUNT_HEAD = "count_head"
    COUNTED_NOUN = "counted_noun"
    BLOCKS_RELATIVE_DAY = "blocks_relative_day"
    VERB_HOMOGRAPH = "verb_homograph"
    NOUN_HOMOGRAPH = "noun_homograph"
    NOUN_HOMOGRAPH_COMPLEMENT = "noun_homograph_complement"
    ADJECTIVE_HOMOGRAPH = "adjective_homograph"  # `باكر` 'tomorrow' is also the adjective 'early'
    ADJECTIVE_HOMOGRAPH_HEAD = "adjective_homograph_head"  # the time noun it qualifies (`في وقت باكر`)
    # triggers.tsv, issue 11 (short numeric forms): a word a date follows, outside its span, that
    # licenses a short numeric date or a year in words as a temporal preposition does (`بتاريخ 12/2`)
    DATE_HEAD = "date_head"
    # issue 11 (months alone, month numbers, colloquial demonstratives, the weekend)
    COLLOQUIAL_THIS = "colloquial_this"  # `هالشهر`, `هالصيف`: a demonstrative glued to a period or a season
    WEEKEND = "weekend"  # `عطلة نهاية الأسبوع`, `الويكند`
    MONTH_NOUN_SINGULAR = "month_noun_singular"  # `شهر`, `الشهر` before a month number (`شهر سبعة`)
    NAME_FOLLOWER = "name_follower"  # a second name after a month that is also a first name (`رمضان عبد الله`)
    DISTRIBUTIVE = "distributive"  # `كل` before a period noun: a count per period, no date
    VERB_HOMOGRAPH_COMPLEMENT = "verb_homograph_complement"  # the object of `مارس`, `آب` read as verbs


# The roles a row of triggers.tsv may name (the others come from their own files).
LEXICON_FILE_ROLES = frozenset(
    {Role.MONTH, Role.HMONTH, Role.CURRENCY, Role.QUALIFIER, Role.CUR_SYMBOL, Role.SUBUNIT}
    | {r for r in Role if r.startswith(("num_", "ord_"))}
)
TRIGGER_ROLES = frozenset(Role) - LEXICON_FILE_ROLES

_SEASONS = "summer|winter|spring|autumn"
# The value (after `ROLE:`) each trigger role takes, as a regular expression; a role not
# listed takes none. part_noun's value must also name a row of period_parts.tsv.
TRIGGER_VALUES: dict[Role, str] = {
    Role.WEEKDAY: r"[1-7]",  # ISO: Monday 1 … Sunday 7
    Role.RELATIVE_DAY: r"-?[0-9]",  # days from the reference date
    Role.RELATIVE_MODIFIER: r"-1|0|1|2",  # past, current, next, the one after
    Role.RELATIVE_PRE_MODIFIER: r"-1|0|1",
    Role.RELATIVE_PERIOD_NOUN: r"week|month|quarter|year|decade|century",
    Role.DURATION_UNIT: r"(day|week|month|year|decade|century)(\*2|\+)?",  # *2 dual, + plural
    Role.AGO_PREP: r"-1|1",  # before or after the reference date
    Role.PERIOD_MODIFIER: r"start|early|mid|late|end",
    Role.RELATIVE_PERIOD_MODIFIER: r"start|end",
    Role.PART_NOUN: r"[a-z]+",
    Role.PART_NOUN_DUAL: r"[a-z]+",
    Role.FISCAL_NOUN: r"fiscal|season|academic",
    Role.DECADE_WORD: r"[1-9]0",  # the decade of the century
    Role.CENTURY_NOUN: r"single|dual",
    Role.DAY_NOUN: r"one|dual|plural",
    Role.SEASON: _SEASONS,
    Role.RELATIVE_SEASON: _SEASONS,
    Role.SIGN: r"-1|1",
    Role.WEEKDAY_CONSTRUCT: r"[1-7]",
    Role.CONSTRUCT_ORDINAL: r"[0-5]",  # 0: the last (`آخر`)
    Role.WEEKDAY_MODIFIER: r"-1",
    Role.ROLLING_UNIT: r"(day|week|month|year|decade)(\*2)?",  # *2 dual
    Role.COLLOQUIAL_THIS: r"week|month|year|" + _SEASONS,
    Role.MONTH_NOUN_SINGULAR: r"definite|indefinite",
}
TRIGGER_VALUE_RE = {role: re.compile(pattern) for role, pattern in TRIGGER_VALUES.items()}

# How an example proves a row (tests/test_lexicon_proven.py): words of a mention are
# proven inside the span of a mention extracted right; words beside a mention next to
# one; words that stop a reading by a negative row (or a sentence of negative.txt).
CONTEXT_ROLES = frozenset(
    {Role.TEMPORAL_PREP, Role.ADVERB, Role.DAY_PART, Role.FUNCTION_WORD, Role.DATE_HEAD, Role.CLOCK_NOUN}
)
BLOCKER_ROLES = frozenset(
    {
        Role.ERA_BC, Role.ANAPHOR, Role.EVENT_PREP, Role.AMBIGUOUS_WEEKDAY, Role.AMBIGUOUS_PART, Role.AGE_NOUN,
        Role.NAME_HEAD, Role.COMMODITY, Role.NUMBERED_NOUN, Role.NUMBER_NOUN, Role.COUNT_HEAD, Role.COUNTED_NOUN,
        Role.BLOCKS_RELATIVE_DAY, Role.VERB_HOMOGRAPH, Role.NOUN_HOMOGRAPH,
        Role.NOUN_HOMOGRAPH_COMPLEMENT, Role.ADJECTIVE_HOMOGRAPH, Role.ADJECTIVE_HOMOGRAPH_HEAD,
        Role.NAME_FOLLOWER, Role.DISTRIBUTIVE, Role.VERB_HOMOGRAPH_COMPLEMENT,
    }
)  # fmt: skip
# Words of a mention in one construction that stop a reading in another, proven by either:
# a duration (`لمدة عامين`) is no date, an ordinal after a period noun (`للسنة الثالثة`) is no current year.
EITHER_ROLES = frozenset(
    {Role.DURATION_UNIT, Role.ORD_ORDINAL, Role.ORD_COMPOUND_UNIT, Role.ORD_TEEN_TEN, Role.ORD_TEN}
)
SPAN_ROLES = frozenset(Role) - CONTEXT_ROLES - BLOCKER_ROLES - EITHER_ROLES
