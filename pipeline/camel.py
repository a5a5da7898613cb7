"""The camel-tools functions normalisation uses, behind one clear error when camel-tools is missing.

camel-tools cannot be an ordinary dependency: its PyPI package hard-requires
torch and transformers (upstream CAMeL-Lab/camel_tools#173), while the
modules we use need only six, emoji and regex, which are our dependencies.
A user who installed this package without the separate no-deps step gets one
line saying which command fixes it, instead of `No module named 'camel_tools'`.
"""

from __future__ import annotations

from .install_hint import INSTALL_COMMAND, CamelToolsMissing

try:
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )
except ModuleNotFoundError as exc:
    if exc.name is None or not exc.name.startswith("camel_tools"):
        raise  # six, emoji or regex missing: pip's own message says which
    raise CamelToolsMissing from None

__all__ = [
    "INSTALL_COMMAND",
    "CamelToolsMissing",
    "dediac_ar",
    "normalize_alef_ar",
    "normalize_alef_maksura_ar",
    "normalize_teh_marbuta_ar",
    "normalize_unicode",
]
