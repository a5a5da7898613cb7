"""The records the pipeline writes: one `Mention` per date, money amount or percentage."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

Kind = Literal["date", "money", "percent"]
Granularity = Literal["day", "week", "month", "quarter", "half", "year", "decade", "century"]
Modifier = Literal["start", "early", "mid", "late", "end"]
Season = Literal["spring", "summer", "autumn", "winter"]

# The shape of `normalized` for each kind (docs/MENTIONS.md). Written in the common subset of Python and
# ECMA-262 regular expressions, so the same text is the JSON Schema `pattern` and the pydantic check.
_DATE_POINT = r"(?:[0-9]{4}|XXXX)(?:-[0-9]{2}(?:-[0-9]{2})?)?"
_NUM = r"-?[0-9]+(?:\.[0-9]*[1-9])?"
NORMALIZED_PATTERNS: dict[str, str] = {
    "date": rf"^{_DATE_POINT}(?:/{_DATE_POINT})?$",
    "money": rf"^[A-Z]{{3}} {_NUM}(?:/{_NUM})?$",
    "percent": rf"^{_NUM}%(?:/{_NUM}%)?$",
}
NORMALIZED_FORMS = {
    kind: re.compile(pattern.removeprefix("^").removesuffix("$")) for kind, pattern in NORMALIZED_PATTERNS.items()
}
_ORDER_NOTE = "`start <= end` is checked by the pydantic model; JSON Schema cannot compare two fields."


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DatePoint(_Model):
    """One calendar point; a missing field is unknown (`XXXX-10`) or not given."""

    year: int | None = None
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)


class DateValue(_Model):
    kind: Literal["date"] = "date"
    calendar: Literal["gregorian", "hijri"] = Field(
        default="gregorian", description="the calendar of the months and days as written"
    )
    year_calendar: Literal["gregorian"] | None = Field(
        default=None,
        description="set when the years are in another calendar than `calendar`: `رمضان 2025` is a Hijri month "
        "(calendar hijri, month 9) in the Gregorian year 2025",
    )
    granularity: Granularity
    start: DatePoint | None = Field(default=None, description="the point, or the first end of a range, as written")
    end: DatePoint | None = Field(default=None, description="the last end of a range, as written")
    modifier: Modifier | None = None
    season: Season | None = None
    relative: bool = False
    weekday: int | None = Field(default=None, ge=1, le=7, description="ISO weekday named in the text")


class AmountRange(_Model):
    low: Decimal
    high: Decimal


class MoneyValue(_Model):
    kind: Literal["money"] = "money"
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    amount: Decimal | None = None
    range: AmountRange | None = None


class PercentValue(_Model):
    kind: Literal["percent"] = "percent"
    value: Decimal | None = None
    range: AmountRange | None = None


Value = Annotated[DateValue | MoneyValue | PercentValue, Field(discriminator="kind")]


def _record_problem(kind: str, start: int, end: int, normalized: str | None) -> str | None:
    if start > end:
        return f"offsets {start}:{end}: start is after end"
    if normalized is not None and not NORMALIZED_FORMS[kind].fullmatch(normalized):
        return f"normalized {normalized!r} is not a well-formed {kind} value"
    return None


def _kind_rules(schema: dict[str, Any], *, with_value: bool) -> None:
    """Add to a record's JSON Schema what ties its fields to `kind`: the `normalized` pattern and,
    for an extracted mention, the type of `value`."""
    rules = []
    for kind, pattern in NORMALIZED_PATTERNS.items():
        then: dict[str, Any] = {"normalized": {"anyOf": [{"type": "null"}, {"type": "string", "pattern": pattern}]}}
        if with_value:
            then["value"] = {"properties": {"kind": {"const": kind}}, "required": ["kind"]}
        rules.append({"if": {"properties": {"kind": {"const": kind}}}, "then": {"properties": then}})
    schema["allOf"] = rules
    schema["description"] = f"{schema.get('description', '').strip()}\n\n{_ORDER_NOTE}".strip()


def _mention_schema(schema: dict[str, Any]) -> None:
    _kind_rules(schema, with_value=True)


def _gold_schema(schema: dict[str, Any]) -> None:
    _kind_rules(schema, with_value=False)


class Mention(_Model):
    """One extracted mention: `value` is of the mention's kind, and `normalized` has that kind's form."""

    model_config = ConfigDict(json_schema_extra=_mention_schema)

    doc: str | None = None
    kind: Kind
    start: int = Field(ge=0)
    end: int = Field(ge=0, description="not before `start` (checked by the model, not expressible in JSON Schema)")
    text: str
    normalized: str | None
    value: Value
    rule: str

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        why = _record_problem(self.kind, self.start, self.end, self.normalized)
        if why is None and self.value.kind != self.kind:
            why = f"a {self.kind} mention with a {self.value.kind} value"
        if why is not None:
            raise ValueError(why)
        return self


class GoldMention(_Model):
    """A gold record: the fields of a mention that are compared. A draft was
    proposed by `annotate` and is not reviewed yet; drafts are not scored.
    `xfail` marks a known miss (see `pipeline/pytest_plugin.py`)."""

    model_config = ConfigDict(json_schema_extra=_gold_schema)

    doc: str
    kind: Kind
    start: int = Field(ge=0, strict=True)
    end: int = Field(ge=0, strict=True, description="not before `start` (checked by the model, not by JSON Schema)")
    text: str
    normalized: str | None
    draft: bool = False
    xfail: str | None = Field(
        default=None, description="a known miss: why; the pytest plugin reports it instead of failing"
    )

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        why = _record_problem(self.kind, self.start, self.end, self.normalized)
        if why is not None:
            raise ValueError(why)
        return self
