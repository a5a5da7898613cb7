"""Arabic dates, money amounts and percentages as typed, checkable records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .records import Mention

__version__ = "0.2.0"

if TYPE_CHECKING:
    from .engine import extract
    from .spacy_component import nlp

__all__ = ["Mention", "__version__", "extract", "nlp"]


def __getattr__(name: str) -> Any:
    # Loaded on first use, not at import: spaCy imports this package through
    # its factory entry point in every pipeline it builds, and that must work
    # (and stay cheap) even where camel-tools, which the engine needs, is missing.
    if name == "extract":
        from .engine import extract

        return extract
    if name == "nlp":
        from .spacy_component import nlp

        return nlp
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
