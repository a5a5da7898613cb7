"""The records the pipeline writes: one `Mention` per date, money amount or percentage."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Kind = Literal["date", "money", "percent"]
Granularity = Literal["day", "week", "month", "quarter", "half", "year", "decade", "century"]
Modifier = Literal["start", "early", "mid", "late", "end"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class DatePoint(_Model):
    """One calendar point; a missing field is unknown (`XXXX-10`) or not given."""

    year: int | None = None
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)


class DateValue(_Model):
    kind: Literal["date"] = "date"
    calendar: Literal["gregorian", "hijri"] = "gregorian"
    granularity: Granularity
    start: DatePoint | None = Field(default=None, description="the point, or the first end of a range, as written")
    end: DatePoint | None = Field(default=None, description="the last end of a range, as written")
    modifier: Modifier | None = None
    season: Literal["spring", "summer", "autumn", "winter"] | None = None
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


class Mention(_Model):
    doc: str | None = None
    kind: Kind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    normalized: str | None
    value: Value
    rule: str


class GoldMention(_Model):
    """A gold record: the fields of a mention that are compared. A draft was
    proposed by `annotate` and is not reviewed yet; drafts are not scored.
    `xfail` marks a known miss (see `pipeline/pytest_plugin.py`)."""

    doc: str
    kind: Kind
    start: int = Field(ge=0, strict=True)
    end: int = Field(ge=0, strict=True)
    text: str
    normalized: str | None
    draft: bool = False
    xfail: str | None = Field(
        default=None, description="a known miss: why; the pytest plugin reports it instead of failing"
    )
