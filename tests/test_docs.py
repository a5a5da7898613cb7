"""The repository's copy of the team contract matches the shared one, and the
README's commands exist."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "MENTIONS.md"


def test_contract_copy_is_current() -> None:
    if not SHARED.exists():
        pytest.skip(f"{SHARED} is not beside this checkout: nothing to compare the copy with")
    assert (ROOT / "docs" / "MENTIONS.md").read_text(encoding="utf-8") == SHARED.read_text(encoding="utf-8"), (
        "docs/MENTIONS.md differs from ../shared/MENTIONS.md: copy the shared contract again"
    )


def test_readme_commands_parse() -> None:
    """Every `python -m pipeline …` line of the README is accepted by the parser."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^\s*(?:\$ )?python -m pipeline ([^\n`#|]+?)\s*(?:#.*)?$", readme, re.M)
    assert len(commands) >= 8
    parser = build_parser()
    for line in commands:
        if "…" in line or "[" in line or "NEW" in line:
            continue  # a synopsis, not a command
        args = [a.strip("'") for a in re.findall(r"'[^']*'|\S+", line)]
        parser.parse_args(args)  # exits (SystemExit) on a command the CLI does not know
