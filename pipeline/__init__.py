"""Arabic dates, money amounts and percentages as typed, checkable records."""

from .engine import extract
from .records import Mention

__all__ = ["Mention", "extract"]
