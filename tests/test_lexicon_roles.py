"""Lexicon data and grammar stay in step: every role a trigger row gives is read
by some code (no dead rows), and every role the code asks for exists in the data."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRIGGERS = ROOT / "pipeline" / "lexicons" / "triggers.tsv"
CODE = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "pipeline").rglob("*.py")))


def _trigger_roles() -> set[str]:
    roles = set()
    for line in TRIGGERS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("form\t"):
            continue
        roles.add(line.split("\t")[1].partition(":")[0])
    return roles


def test_every_trigger_role_is_read_by_the_grammar() -> None:
    dead = sorted(r for r in _trigger_roles() if f'"{r}"' not in CODE)
    assert not dead, f"roles in triggers.tsv that no code reads (dead data): {dead}"


def test_every_role_the_grammar_asks_for_exists() -> None:
    calls = re.findall(r"toks\.(?:find|may_be|find_all)\(([^)]*)\)", CODE)
    asked = {role for args in calls for role in re.findall(r'"([a-z_]+)"', args)}
    known = _trigger_roles() | {"month", "hmonth", "currency", "qualifier", "cur_symbol", "subunit"}
    known |= {"num_" + t for t in ("unit", "ten", "hundred", "teen_ten", "scale", "scale_plural", "scale_dual")}
    known |= {"num_fraction", "ord_ordinal", "ord_compound_unit", "ord_teen_ten", "ord_ten"}
    missing = sorted(asked - known)
    assert asked and not missing, f"roles the grammar looks up that no lexicon file defines: {missing}"
