"""Lexicon data and grammar stay in step: every role of pipeline/roles.py is read by
some code (no dead rows), every role the code asks for is a `Role`, and every role
has lexicon rows."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.lexicon import lexicon
from pipeline.roles import BLOCKER_ROLES, CONTEXT_ROLES, EITHER_ROLES, SPAN_ROLES, TRIGGER_VALUES, Role

ROOT = Path(__file__).resolve().parent.parent
# The grammar: every module but the ones that define and load the roles.
_DEFINING = {"roles.py", "lexicon.py", "lexicon_files.py"}
CODE = "".join(
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "pipeline").rglob("*.py")) if p.name not in _DEFINING
)


def test_every_role_is_read_by_the_grammar() -> None:
    # `"num_" + t` and `"ord_" + t` compose the number roles from their type, as numbers.py reads them.
    composed = {r for r in Role if r.startswith(("num_", "ord_"))}
    dead = sorted(r for r in set(Role) - composed if f'"{r}"' not in CODE and f"Role.{r.name}" not in CODE)
    assert not dead, f"roles that no code reads (dead data): {dead}"


def test_every_role_the_grammar_asks_for_exists() -> None:
    calls = re.findall(r"toks\.(?:find|may_be|find_all)\(([^)]*)\)", CODE)
    asked = {role for args in calls for role in re.findall(r'"([a-z_]+)"', args)}
    missing = sorted(asked - set(Role))
    assert asked and not missing, f"roles the grammar looks up that pipeline/roles.py does not define: {missing}"


def test_every_role_has_rows_and_one_kind_of_proof() -> None:
    used = {e.role for e in lexicon().entries()}
    assert set(Role) - used == set(), f"roles no lexicon row gives: {sorted(set(Role) - used)}"
    kinds = [SPAN_ROLES, CONTEXT_ROLES, BLOCKER_ROLES, EITHER_ROLES]
    assert sum(len(k) for k in kinds) == len(Role) and frozenset().union(*kinds) == set(Role)


def test_roles_compare_as_strings() -> None:
    """Rule modules that still spell a role as a string keep working."""
    role: str = Role.MONTH  # as an entry's role reaches a rule
    assert role == "month" and "month" in {Role.MONTH} and f"{Role.YEAR_NOUN}" == "year_noun"
    assert {e.role for e in lexicon().entries() if e.words == ("يناير",)} == {"month"}
    assert set(TRIGGER_VALUES) <= set(Role)
