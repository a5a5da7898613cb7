"""Short numeric dates (issue 11, part b2): the typed shape of a run of digits decides its rule label
and which two runs make one range."""

from __future__ import annotations

from pipeline import extract
from pipeline.records import DateValue
from pipeline.rules.dates.numeric_short import Shape
from pipeline.rules.registry import rules


def test_every_shape_is_a_declared_label_of_the_short_date_rule() -> None:
    (rule,) = [r for r in rules() if r.name == "short_date"]
    assert {shape.value for shape in Shape} <= rule.labels


def test_two_runs_of_one_shape_make_one_range_with_typed_ends() -> None:
    (m,) = extract("توقف المصنع من 3/2021 حتى 6/2021")
    assert (m.text, m.normalized, m.rule) == ("من 3/2021 حتى 6/2021", "2021-03/2021-06", "short_range")
    assert isinstance(m.value, DateValue) and m.value.start is not None and m.value.end is not None
    assert (m.value.granularity, m.value.start.month, m.value.end.month) == ("month", 3, 6)


def test_runs_of_two_shapes_make_no_range() -> None:
    found = extract("توقف المصنع من 3/2021 حتى 20/3")
    assert all(m.rule != "short_range" for m in found)
    assert [m.text for m in found] == ["20/3"]  # حتى marks the day-month alone


def test_a_later_first_end_makes_no_range() -> None:
    assert all(m.rule != "short_range" for m in extract("بقي المصنع مغلقا من 9/2021 حتى 6/2021"))
