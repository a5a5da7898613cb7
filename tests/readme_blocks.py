"""The README's runnable blocks: a fenced block right after `<!-- test: TAGS -->` is run by the tests as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
_BLOCK = re.compile(r"^<!-- test: ([^>]*?) -->\n```(\w+)\n(.*?)\n```$", re.M | re.S)


@dataclass(frozen=True)
class Block:
    tags: frozenset[str]
    language: str
    code: str
    line: int

    @property
    def id(self) -> str:
        return f"README.md:{self.line}"


def blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    return [
        Block(frozenset(m.group(1).split()), m.group(2), m.group(3) + "\n", text.count("\n", 0, m.start()) + 1)
        for m in _BLOCK.finditer(text)
    ]
