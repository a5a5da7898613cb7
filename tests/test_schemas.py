"""The committed JSON Schemas match the pydantic models, and real records validate against them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline import extract
from pipeline.records import GoldMention, Mention
from pipeline.schemas import render, schemas, write

ROOT = Path(__file__).resolve().parent.parent
SCHEMAS = ROOT / "schemas"
GOLD = ROOT / "corpus" / "gold.jsonl"
SAMPLE = (
    "وفي 20 أكتوبر 1947 أقيمت العلاقات، وبلغت المساعدات بـ78.3 مليار دولار أمريكي بين 1948 - 2016، "
    "وارتفعت النسبة إلى 59٪ أمس، ثم بين 10 و15 في المئة في الربع الثالث من 2024، و1440 هـ / 2019 م."
)

try:
    import jsonschema  # type: ignore[import-untyped]

    HAVE_JSONSCHEMA = True
except ImportError:  # pragma: no cover - the venv has it today; fall back to the models
    HAVE_JSONSCHEMA = False


def _validate(record: dict[str, Any], name: str) -> None:
    """Validate with `jsonschema` when installed; otherwise through the pydantic model
    the schema was generated from (a weaker check: it does not test the schema file)."""
    if HAVE_JSONSCHEMA:
        schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        jsonschema.validate(record, schema)
        return
    model = Mention if name == "mention.schema.json" else GoldMention
    model.model_validate(record)


def test_generator_names_both_models() -> None:
    assert set(schemas()) == {"mention.schema.json", "gold_mention.schema.json"}
    assert schemas()["mention.schema.json"] == Mention.model_json_schema()
    assert schemas()["gold_mention.schema.json"] == GoldMention.model_json_schema()


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
