"""The committed JSON Schemas match the pydantic models, and real records validate against them."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pydantic
import pytest

from pipeline import extract
from pipeline.records import GoldMention, Mention
from pipeline.schemas import DIALECT, render, schemas, write

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
GOLD = ROOT / "corpus" / "gold.jsonl"
RECORDS = ROOT / "outputs" / "records.jsonl"
SAMPLE = (
    "وفي 20 أكتوبر 1947 أقيمت العلاقات، وبلغت المساعدات بـ78.3 مليار دولار أمريكي بين 1948 - 2016، "
    "وارتفعت النسبة إلى 59٪ أمس، ثم بين 10 و15 في المئة في الربع الثالث من 2024، و1440 هـ / 2019 م."
)

try:
    import jsonschema  # type: ignore[import-untyped]

    HAVE_JSONSCHEMA = True
except ImportError:  # pragma: no cover - the venv has it today; fall back to the models
    HAVE_JSONSCHEMA = False


@cache
def _validator(name: str) -> Any:
    """The committed schema's validator, built once: `jsonschema.validate` checks the schema and
    builds a new validator on every call, which made validating the ~900 committed records slow."""
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _validate(record: dict[str, Any], name: str) -> None:
    """Validate with `jsonschema` when installed; otherwise through the pydantic model
    the schema was generated from (a weaker check: it does not test the schema file)."""
    if HAVE_JSONSCHEMA:
        _validator(name).validate(record)
        return
    model = Mention if name == "mention.schema.json" else GoldMention
    model.model_validate(record)


def test_generator_names_both_models() -> None:
    assert set(schemas()) == {"mention.schema.json", "gold_mention.schema.json"}
    for name, model in (("mention.schema.json", Mention), ("gold_mention.schema.json", GoldMention)):
        schema = dict(schemas()[name])
        assert schema.pop("$schema") == DIALECT
        assert schema.pop("$id").endswith("/" + name)
        assert schema == model.model_json_schema()


@pytest.mark.parametrize("name", sorted(schemas()))
def test_committed_schema_is_current(name: str) -> None:
    path = SCHEMAS / name
    hint = "regenerate with `python -m pipeline.schemas` and commit schemas/"
    assert path.exists(), f"{path} is missing; {hint}"
    assert path.read_text(encoding="utf-8") == render(schemas()[name]), f"{path} is stale; {hint}"


def test_write_is_stable(tmp_path: Path) -> None:
    write(tmp_path)
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    write(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == first
    for data in first.values():
        assert data.endswith(b"\n") and not data.endswith(b"\n\n")
        assert json.loads(data) is not None


def test_schema_rejects_a_bad_record() -> None:
    """The validator used below is not a no-op."""
    bad = {"doc": "d", "kind": "time", "start": -1, "end": 2, "text": "x", "normalized": None}
    with pytest.raises(Exception):  # noqa: B017 - jsonschema.ValidationError or pydantic.ValidationError
        _validate(bad, "gold_mention.schema.json")


def _mention(**over: Any) -> dict[str, Any]:
    good: dict[str, Any] = {
        "doc": "d", "kind": "money", "start": 0, "end": 6, "text": "10 دولار", "normalized": "USD 10",
        "value": {"kind": "money", "currency": "USD", "amount": "10", "range": None}, "rule": "r",
    }  # fmt: skip
    return {**good, **over}


_DAY = {"kind": "date", "granularity": "day"}
BROKEN = {
    "end before start": _mention(start=5, end=2),
    "date kind, money value": _mention(kind="date", normalized="2019"),
    "money kind, date value": _mention(value={"kind": "date", "granularity": "year", "start": {"year": 2019}}),
    "money normalized without a code": _mention(normalized="10 USD"),
    "money normalized with an exponent": _mention(normalized="USD 1E1"),
    "money normalized with a trailing zero": _mention(normalized="USD 10.50"),
    "date normalized day first": _mention(kind="date", normalized="20/10/1947", value=_DAY),
    "date normalized with a two-digit year": _mention(kind="date", normalized="47-10", value=_DAY),
    "percent normalized without %": _mention(kind="percent", normalized="59", value={"kind": "percent", "value": "59"}),
    "percent range with one %": _mention(kind="percent", normalized="10/15%", value={"kind": "percent"}),
}  # fmt: skip


def test_a_good_mention_is_accepted() -> None:
    """The broken records below differ from this one in one field each."""
    _validate(_mention(), "mention.schema.json")
    Mention.model_validate(_mention())
    gold = {k: v for k, v in _mention().items() if k not in ("value", "rule")}
    _validate(gold, "gold_mention.schema.json")
    GoldMention.model_validate(gold)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_mention_is_rejected_by_model_and_schema(case: str) -> None:
    record = BROKEN[case]
    with pytest.raises(pydantic.ValidationError):
        Mention.model_validate(record)
    if HAVE_JSONSCHEMA and case != "end before start":  # JSON Schema cannot compare two fields
        with pytest.raises(jsonschema.ValidationError):
            _validator("mention.schema.json").validate(record)


@pytest.mark.parametrize("case", sorted(k for k in BROKEN if "value" not in k))
def test_a_broken_gold_line_is_rejected_by_model_and_schema(case: str) -> None:
    record = {k: v for k, v in BROKEN[case].items() if k not in ("value", "rule")}
    with pytest.raises(pydantic.ValidationError):
        GoldMention.model_validate(record)
    if HAVE_JSONSCHEMA and case != "end before start":
        with pytest.raises(jsonschema.ValidationError):
            _validator("gold_mention.schema.json").validate(record)


def test_schemas_are_valid_draft_2020_12() -> None:
    if not HAVE_JSONSCHEMA:
        pytest.skip("jsonschema is not installed")
    for name in schemas():
        jsonschema.Draft202012Validator.check_schema(json.loads((SCHEMAS / name).read_text(encoding="utf-8")))


def test_committed_records_validate() -> None:
    lines = [line for line in RECORDS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines, f"{RECORDS} is empty"
    for n, line in enumerate(lines, 1):
        record = json.loads(line)
        try:
            Mention.model_validate(record)
            _validate(record, "mention.schema.json")
        except Exception as exc:  # report which line
            pytest.fail(f"{RECORDS}:{n}: {exc}")


def test_gold_lines_validate() -> None:
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert lines, f"{GOLD} is empty"
    for n, line in enumerate(lines, 1):
        try:
            _validate(json.loads(line), "gold_mention.schema.json")
        except Exception as exc:  # report which line
            pytest.fail(f"{GOLD}:{n}: {exc}")


def test_extracted_records_validate() -> None:
    mentions = extract(SAMPLE, doc="sample")
    assert {m.kind for m in mentions} == {"date", "money", "percent"}, [m.text for m in mentions]
    for m in mentions:
        _validate(m.model_dump(mode="json"), "mention.schema.json")
