"""Small wording helpers shared by the messages: counted nouns and JSON's `null`."""

from __future__ import annotations


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """`1 document`, `2 documents`; irregular plurals are given."""
    return f"{n} {noun if n == 1 else (nouns or noun + 's')}"


def shown(value: str | None) -> str:
    """A normalized value as JSON writes it: `null` for none."""
    return "null" if value is None else value
