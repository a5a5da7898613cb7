"""Date ranges: `من … إلى`, `بين … و…`, `A - B`, `A حتى B`, season years `2022/2023`,
pairs of years, months and days under a dual noun, a month then its days
(`مايو بين 5 و9`), weekdays of one week (`الأسبوع المقبل بين الاثنين والأربعاء`).
What each end can be, and what it borrows, is `range_ends.py`."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ...calendars import (
    Point,
    range_str,
    valid_day,
)
from ...particles import ARTICLE, BAYNA, DUAL_ENDINGS, HYPHEN, MIN, WAW
from ...records import DatePoint, DateValue
from ...tokens import Tokens
from ..base import Candidate, joiner
from ..registry import date_rule
from .periods import _century, _decade, periods_spanned
from .points import (
    POINT_START,
    YEAR_MAX,
    YEAR_MIN,
    Pt,
    _bounds,
    _counted,
    _day,
    _dp,
    _month,
    _numeric,
    _plain_year,
    _year_part,
    point,
)
from .range_ends import BARE, End, EndKind, compatible, counts, point_of, range_end
from .relative import _relative_period, _this_period


def _null_range(a: Pt, b: Pt, start: int, clitic: int, rule: str) -> Candidate:
    """A range with a relative end and no reference date."""
    value = DateValue(granularity=b.gran, start=_dp(a.point), end=_dp(b.point), relative=True)
    return Candidate("date", start, b.end, clitic, None, value, rule)


YEAR_LAST = 9999  # `normalized` writes four-digit years


def _after(a: Point, b: Point) -> bool:
    """`a` is later than `b` on the fields both give, from the year down: an end
    with a weekday or an ordinal day may lack the month or year the other has.
    Two ends without a year are later only within one month (`من 5 إلى 3 مايو`):
    `من ديسمبر إلى فبراير` crosses the new year."""
    if a.year is None and b.year is None and a.month != b.month:
        return False
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if x is None and y is None:
            continue
        if x is None or y is None:
            return False
        if x != y:
            return x > y
    return False


def _range_cand(a: Pt, b: Pt, start: int, clitic: int, rule: str) -> Candidate | None:
    """The range of two ends; relative ends come resolved (`range_ends.py`)."""
    if (a.relative and a.normalized is None) or (b.relative and b.normalized is None):
        return _null_range(a, b, start, clitic, rule)
    # The first end borrows what it lacks from the second: من 5 إلى 10 مايو 2023.
    pa, pb = a.point, b.point
    if pa.month is None and pa.day is not None:
        pa = Point(pb.year, pb.month, pa.day)
    elif pa.year is None and pb.year is not None:
        if pa.month is not None and pb.month is None:
            return None  # من الأول من مارس حتى عام 2020: a bare year does not complete a day or a month
        pa = Point(pb.year, pa.month, pa.day)
        if pa.month is not None and pb.month is not None and (pa.month, pa.day or 0) > (pb.month, pb.day or 0):
            if pb.year <= 1:
                return None  # no year before year 1
            pa = Point(pb.year - 1, pa.month, pa.day)  # من ديسمبر إلى فبراير 2024: across the new year
    if pb.year is None and pa.year is not None and pb.month is not None and a.calendar == b.calendar:
        # and the second end from the first: من 2019/05/03 حتى 7 يونيو, من 20 ديسمبر 2023 إلى 5 يناير
        across = pa.month is not None and (pa.month, pa.day or 0) > (pb.month, pb.day or 0)
        if pa.year + across > YEAR_LAST:
            return None
        pb = Point(pa.year + across, pb.month, pb.day)
        b = replace(b, point=pb)
    if pa.day is not None and pa.month is not None and not valid_day(pa.year, pa.month, pa.day):
        return None
    if pb.day is not None and pb.month is not None and not valid_day(pb.year, pb.month, pb.day):
        return None
    a = replace(a, point=pa)
    if a.calendar != b.calendar and b.calendar == "hijri":
        a = replace(a, calendar="hijri")
    gran = b.gran
    if a.calendar == "hijri":
        ba, bb = _bounds(a), _bounds(b)
        norm = f"{ba[0]}/{bb[1]}" if ba and bb else None
    else:
        if _after(pa, pb):
            return None
        norm = range_str(pa, pb)
    value = DateValue(
        calendar="hijri" if a.calendar == "hijri" else "gregorian",
        granularity=gran,
        start=_dp(pa),
        end=_dp(b.point),
        relative=a.relative or b.relative,
    )
    return Candidate("date", start, b.end, clitic, norm, value, rule)


@date_rule("range_from_to", starts={"range_open"})
def _from_to(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`من 1979 إلى 1989`, `من 5 إلى 10 مايو 2023`."""
    opener = toks.find(i, "range_open")
    if opener is None or toks.words[i][opener.clitic :] != MIN:
        return None
    a = range_end(toks, opener.end, ref)
    if a is None:
        return None
    to = toks.find(a.end, "range_to")
    if to is None:
        return None
    b = range_end(toks, to.end, ref)
    if b is None or not compatible(a, b) or counts(toks, b):
        return None
    return _range_cand(a.pt, b.pt, i, opener.clitic, "range_from_to")


@date_rule("range_between", starts={"range_open"}, prefixes=("range_between_",))
def _between(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`بين عامي 2005 و2010`, `بين 1830 و1962`."""
    w = toks.word(i)
    if w == BAYNA:
        start, clitic = i, 0
    elif w.endswith(BAYNA) and toks.find(i, "range_open") is not None:
        start, clitic = i, len(w) - len(BAYNA)  # مابين / وبين: the span starts at بين
    else:
        return None
    both = _century(toks, i + 1, None) or _decade(toks, i + 1, None)
    if both is not None and (periods_spanned(both) or 0) > 1 and both.clitic == 0:
        return replace(both, start=start, clitic=clitic, rule="range_between_" + both.rule)  # بين القرنين …
    k = i + 1
    noun = toks.find(k, "year_noun", clitic=False)
    if noun is not None:
        k = noun.end
    a = range_end(toks, k, ref)
    if a is None:
        return None
    j = joiner(toks, a.end)
    if j is None:
        return None
    if j == a.end:  # و glued to the second end's first word
        b = _glued_end(toks, j, ref)
    else:
        b = range_end(toks, j, ref)
    if b is None or not compatible(a, b) or counts(toks, b):
        return None
    return _range_cand(a.pt, b.pt, start, clitic, "range_between")


def _glued_end(toks: Tokens, i: int, ref: dt.date | None) -> End | None:
    p = range_end(toks, i, ref)
    return p if p is not None and p.pt.clitic == 1 else None


@date_rule("range_dash", starts=POINT_START | {"period_modifier"})
def _dash(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`1948 - 2016`, `1999-2013`, `5 - 10 مايو 2023`."""
    a = range_end(toks, i, ref)
    if a is None or (a.kind is EndKind.MONTH and not a.modified) or toks.word(a.end) != HYPHEN:
        return None
    b = range_end(toks, a.end + 1, ref)
    if b is None or not compatible(a, b) or counts(toks, b):
        return None
    if a.kind is b.kind is EndKind.YEAR and (b.pt.point.year or 0) <= (a.pt.point.year or 0):
        return None  # 2013-1999 or a score
    return _range_cand(a.pt, b.pt, i, a.pt.clitic, "range_dash")


@date_rule("years_pair", starts={"year_noun"})
def _years_pair(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`عامي 2005 و2010` without `بين`."""
    noun = toks.find(i, "year_noun")
    if noun is None:
        return None
    a = _plain_year(toks, noun.end, YEAR_MIN, YEAR_MAX)
    if a is None or toks.word(noun.end + 1) != WAW:
        return None
    b = _plain_year(toks, noun.end + 2, YEAR_MIN, YEAR_MAX)
    if b is None or b <= a or not toks.words[i][noun.clitic :].endswith(DUAL_ENDINGS):
        return None
    value = DateValue(granularity="year", start=DatePoint(year=a), end=DatePoint(year=b))
    return Candidate("date", i, noun.end + 3, noun.clitic, f"{a:04d}/{b:04d}", value, "years_pair")


@date_rule("days_pair", starts={"digit", "day_noun"})
def _days_pair(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`يومي 3 و4 أبريل 2024`, `في 3 و4 أبريل`: two days of one month, one range."""
    noun = toks.find(i, "day_noun")
    k = noun.end if noun is not None and toks.words[i][noun.clitic :].endswith(DUAL_ENDINGS) else i
    clitic = noun.clitic if k != i and noun is not None else 0
    d = _day(toks, k)
    if d is None:
        return None
    j = joiner(toks, k + 1)
    if j is None or j == k + 1:
        return None  # the second day is digits: `و` is its own token
    b = point(toks, j)
    if b is None or not _day_number_then_month(toks, j, b):
        return None
    a = Pt(k, k + 1, 0, Point(None, None, d), b.calendar, "day", BARE)
    if d >= (b.point.day or 0):
        return None
    return _range_cand(a, b, i, clitic, "days_pair")


def _day_number_then_month(toks: Tokens, j: int, b: Pt) -> bool:
    """`4 أبريل 2024` at j: a day number and its month name, not a numeric date,
    an ordinal day or a day of a relative month."""
    if b.gran != "day" or b.point.month is None or b.relative or b.weekday is not None:
        return False
    k = j + 1 if toks.word(j) == ARTICLE and toks.adjacent(j + 1) else j  # الـ4 من أبريل
    return _day(toks, k) is not None and _numeric(toks, j) is None


@date_rule("months_pair", starts={"month_noun"})
def _months_pair(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`شهري يوليو وأغسطس 2024`: two months under a dual noun, one range."""
    noun = toks.find(i, "month_noun")
    if noun is None or not toks.words[i][noun.clitic :].endswith(DUAL_ENDINGS):
        return None
    a = _month(toks, noun.end)
    if a is None:
        return None
    j = joiner(toks, a[2])
    if j is None:
        return None
    b = _month(toks, j)
    if b is None or (j == a[2] and b[3] != 1) or b[1] != a[1]:
        return None
    yp = _year_part(toks, b[2])
    year, end = (yp[0], yp[2]) if yp is not None and yp[1] != "bc" else (None, b[2])
    pa, pb = (
        Pt(noun.end, a[2], 0, Point(year, a[0]), a[1], "month", BARE),
        Pt(j, end, 0, Point(year, b[0]), b[1], "month", BARE),
    )
    return _range_cand(pa, pb, i, noun.clitic, "months_pair")


# ---------------------------------------------------------------- ranges as people say them


_WHOLE = (EndKind.POINT, EndKind.RELATIVE)


@date_rule(
    "range_until",
    starts=POINT_START | {"period_modifier", "relative_day", "relative_period_noun", "relative_pre_modifier"},
)
def _until(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`5 مايو حتى 9 مايو`, `اليوم لغاية الأحد المقبل`: two whole days or months joined
    by `حتى`/`لغاية` without an opening `من` (a hyphen is `_dash`, `إلى` needs `من`)."""
    a = range_end(toks, i, ref)
    if a is None or a.kind not in _WHOLE or a.pt.gran not in ("day", "month"):
        return None
    until = toks.find(a.end, "range_until")
    if until is None:
        return None
    b = range_end(toks, until.end, ref)
    if b is None or b.kind not in _WHOLE or not compatible(a, b):
        return None
    return _range_cand(a.pt, b.pt, i, a.pt.clitic, "range_until")


# What a bare day number must not be followed by to be a day: a scale, a unit, a month (then `بين 5 و9 مايو`
# is the range itself), a counted noun.
_NOT_AFTER_DAY = (
    "num_scale",
    "num_scale_plural",
    "num_scale_dual",
    "percent_marker",
    "currency",
    "cur_symbol",
    "duration_unit",
    "month",
    "hmonth",
)


def _days_span(toks: Tokens, k: int) -> tuple[int, int, int] | None:
    """`بين 5 و9`, `من 10 إلى 14` at k: (first day, last day, end)."""
    opener = toks.find(k, "range_open")
    lo = _day(toks, opener.end) if opener is not None else None
    if opener is None or lo is None:
        return None
    w = toks.word(k)
    if w.endswith(BAYNA):
        second = joiner(toks, opener.end + 1)  # digits are never glued to و: a glued word is no day
    elif w[opener.clitic :] == MIN:
        to = toks.find(opener.end + 1, "range_to")
        second = to.end if to is not None else None
    else:
        return None
    hi = _day(toks, second) if second is not None else None
    if second is None or hi is None or hi <= lo:
        return None
    stop = second + 1
    if _counted(toks, stop) or toks.find(stop, *_NOT_AFTER_DAY) is not None:
        return None  # مايو بين 5 و9 آلاف, مايو بين 5 و9 حالات
    return lo, hi, stop


@date_rule("range_month_days", starts={"month", "hmonth", "month_noun"})
def _month_days(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`مايو بين 5 و9`, `شهر يونيو 2024 من 10 إلى 14`: a month, then a range of its days."""
    noun = toks.find(i, "month_noun")
    k = noun.end if noun is not None else i
    mo = _month(toks, k)
    if mo is None or (mo[4] and noun is None):
        return None  # مارس 'practised': an ambiguous name needs شهر
    clitic = noun.clitic if noun is not None else mo[3]
    year, end = None, mo[2]
    yp = _year_part(toks, end)
    if yp is not None:
        if yp[1] == "bc" or (mo[1] == "gregorian" and yp[1] == "hijri") or (mo[1] == "hijri" and yp[1] is None):
            return None
        year, end = yp[0], yp[2]
    days = _days_span(toks, end)
    if days is None:
        return None
    lo, hi, stop = days
    a = Pt(i, end, clitic, Point(year, mo[0], lo), mo[1], "day", BARE)
    b = Pt(end, stop, 0, Point(year, mo[0], hi), mo[1], "day", BARE)
    return _range_cand(a, b, i, clitic, "range_month_days")


def _week(toks: Tokens, i: int, ref: dt.date | None) -> Candidate | None:
    """`الأسبوع المقبل`, `هذا الأسبوع` at i."""
    for read in (_relative_period, _this_period):
        c = read(toks, i, ref)
        if c is not None and isinstance(c.value, DateValue) and c.value.granularity == "week":
            return c
    return None


def _weekdays_span(toks: Tokens, k: int) -> tuple[int, int, int, int] | None:
    """`بين الاثنين والأربعاء`, `من الثلاثاء إلى الخميس` at k: (first ISO weekday,
    last, clitic before the opener, end)."""
    opener = toks.find(k, "range_open")
    if opener is None:
        return None
    w = toks.word(k)
    a = toks.find(opener.end, "weekday", clitic=False)
    if a is None:
        return None
    if w.endswith(BAYNA):
        clitic, j = len(w) - len(BAYNA), joiner(toks, a.end)
        b = toks.find(j, "weekday", clitic=j == a.end) if j is not None else None
        if b is not None and j == a.end and b.clitic != 1:
            return None
    elif w[opener.clitic :] == MIN:
        to = toks.find(a.end, "range_to")
        clitic, b = opener.clitic, toks.find(to.end, "weekday", clitic=False) if to is not None else None
    else:
        return None
    if b is None:
        return None
    lo, hi = int(str(a.entry.value)), int(str(b.entry.value))
    return (lo, hi, clitic, b.end) if lo < hi else None  # الجمعة إلى الاثنين would leave the week


@date_rule("range_week_days", starts={"relative_period_noun", "relative_pre_modifier", "range_open"})
def _week_days(toks: Tokens, i: int, ref: dt.date | None = None) -> Candidate | None:
    """`الأسبوع المقبل بين الاثنين والأربعاء`, `من الثلاثاء إلى الخميس من هذا الأسبوع`:
    days of one ISO week, the week on either side."""
    week = _week(toks, i, ref)
    if week is not None:
        days = _weekdays_span(toks, week.end)
        if days is None:
            return None
        lo, hi, _, end = days
        clitic = week.clitic
    else:
        days = _weekdays_span(toks, i)
        if days is None:
            return None
        lo, hi, clitic, k = days
        week = _week(toks, k + 1 if toks.word(k) == MIN else k, ref)
        if week is None:
            return None
        end = week.end
    if week.normalized is None:
        return Candidate("date", i, end, clitic, None, DateValue(granularity="day", relative=True), "range_week_days")
    monday = point_of(week.normalized.partition("/")[0])
    first = dt.date(monday.year or 1, monday.month or 1, monday.day or 1)
    pa, pb = (Point(d.year, d.month, d.day) for d in (first + dt.timedelta(lo - 1), first + dt.timedelta(hi - 1)))
    value = DateValue(granularity="day", start=_dp(pa), end=_dp(pb), relative=True)
    return Candidate("date", i, end, clitic, range_str(pa, pb), value, "range_week_days")
