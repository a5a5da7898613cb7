"""The closed-class Arabic the grammar itself is made of: particles, the
article, clitic letters, dual endings, clause punctuation.

These are grammar, not vocabulary: a contributor extends the vocabulary
(months, currencies, number words, trigger words) in `lexicons/*.tsv`, and the
rule modules spell no Arabic word except through this module and the lexicons.
"""

from __future__ import annotations

WAW = "و"  # and: joins numbers, range ends, coordinated nouns
ARTICLE = "ال"  # the definite article
MIN = "من"  # from / of: `من 1979 إلى 1989`, `الأول من مارس`, `سبتمبر من العام 2020`
FI = "في"  # in: `آخر يوم في الشهر` as `آخر يوم من الشهر`
BAYNA = "بين"  # between: `بين 5 و10`
LAM = "ل"  # the preposition glued to a year noun: `لعام 2016`
BA = "ب"  # the preposition glued to a percent marker: `بالمئة`
HYPHEN = "-"  # joins the two ends of a range (`1948-2016`, `10$-20$`); normalisation maps other dashes to it
ALEF = "ا"  # rebuilds `العام` from `للعام` (ل + ال)

# Proclitic letters that may be glued to the first word of a lexicon phrase,
# longest first; `ال` after `ل` merges into `لل` (`للعام`), see lexicon.py.
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
# Proclitic letters a mention drops (`وأمس`, `فاليوم`); prepositions are excluded.
CONJUNCTIONS = ("", "و", "ف")
# Proclitics before the article of a definite noun (`بالفلس`, `والدينار`).
ARTICLE_PROCLITICS = ("", "و", "ب", "ل", "ف", "ك", "وب", "ول")
# Each proclitic with the article after it, as written (`ل` + `ال` is `لل`): `الثلاثين`, `والثلاثين`, `للثلاثين`.
DEFINITE_PREFIXES = tuple((p, p + LAM if p.endswith(LAM) else p + ARTICLE) for p in ARTICLE_PROCLITICS)
DEFINITE_STARTS = tuple(prefix for _, prefix in DEFINITE_PREFIXES)

# Endings of dual nouns in the oblique/construct case: `عامي`, `شهري`, `يومي`, `شهرين`.
DUAL_ENDINGS = ("ي", "ين")
# The two dual endings of a noun: `دولاران`, `دولارين`.
DUAL_SUFFIXES = ("ان", "ين")
# A nisba adjective ends in yeh: `الوطني`, `العالمي`.
NISBA_ENDING = "ي"
# A word ending in teh marbuta is a noun (verbs never end in it).
TEH_MARBUTA = "ة"
# The construct dual `ألفا` ends in alef.
CONSTRUCT_DUAL_ENDING = "ا"

COMMAS = ("،", ",")
CLAUSE_PUNCTUATION = (".", "،", ",", "؛", ":", "!", "؟")
TANWEEN_FATH = "\u064b"  # `غدًا`: the adverb, not the verb `غدا`
TANWEEN = ("\u064b", "\u064c", "\u064d")  # fath, damm, kasr: only nouns and adjectives carry them
# Alef with a hamza (أ, إ): `أب` (father) normalises like the month `آب` but is spelt apart.
HAMZA_ALEFS = ("\u0623", "\u0625")
# The indefinite accusative ending without its diacritic: `موظفا` (a counted noun after 11-99).
ACCUSATIVE_ENDING = "ا"
# Words ending in alef that are not accusative nouns: perfect verbs in the plural (`قرروا`) or the
# first person plural (`أطلقنا`), nisba adverbs (`سنويا`, `رسميا`).
VERB_ALEF_ENDINGS = ("وا", "نا", "يا")

# The inflections of a regular adjective after a currency name, generated from its masculine singular
# (currency_qualifiers.tsv): `كويتي`, accusative `كويتيا`, feminine `كويتية`, the four duals, and with the
# article `الكويتي`, `الكويتية`. Each word of a two-word adjective takes the same ending (`كوري جنوبي`).
ADJECTIVE_ENDINGS = ("", "ا", "ة", "ان", "ين", "تان", "تين")
DEFINITE_ADJECTIVE_ENDINGS = ("", "ة")

# The sound feminine plural (`مباريات`, `حالات`): a long bare word ending in it is a noun, the thing
# a number before it counts (`في 3-4 مباريات`); verbs in `ات` are short (`مات`, `فات`).
FEMININE_PLURAL_ENDING = "ات"
PLURAL_NOUN_MIN_LEN = 5
