"""JSON Schemas of the records, generated from the pydantic models.

    python -m pipeline.schemas [FOLDER]     # default: schemas/

`mention.schema.json` describes a record the pipeline writes (`records.jsonl`,
`extract --jsonl`); `gold_mention.schema.json` a line of `gold.jsonl`.
The committed files are checked against freshly generated ones by
`tests/test_schemas.py`; after changing `pipeline/records.py`, run this module.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .records import GoldMention, Mention

DEFAULT_FOLDER = Path("schemas")
DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Each schema names itself: the package name under the reserved `.invalid` domain (the project has no web home).
ID_BASE = "https://arabic-mentions.invalid/schemas/"


def _stamped(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DIALECT, "$id": ID_BASE + name, **schema}


def schemas() -> dict[str, dict[str, Any]]:
    """File name -> JSON Schema (draft 2020-12), one per record model."""
    return {
        "mention.schema.json": _stamped("mention.schema.json", Mention.model_json_schema()),
        "gold_mention.schema.json": _stamped("gold_mention.schema.json", GoldMention.model_json_schema()),
    }


def render(schema: dict[str, Any]) -> str:
    """The exact text a schema file holds: sorted keys, indent 2, UTF-8, final newline."""
    return json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas().items():
        (folder / name).write_text(render(schema), encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0] in ("-h", "--help")):
        print("usage: python -m pipeline.schemas [FOLDER]   (default: schemas/)", file=sys.stderr)
        return 0 if args and args[0] in ("-h", "--help") else 2
    folder = Path(args[0]) if args else DEFAULT_FOLDER
    write(folder)
    for name in schemas():
        print(folder / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
