"""What to tell a user whose environment lacks camel-tools (kept apart from `camel.py`, which needs it)."""

from __future__ import annotations

CAMEL_TOOLS_REQUIREMENT = "camel-tools==1.6.0"
INSTALL_COMMAND = f"pip install --no-deps {CAMEL_TOOLS_REQUIREMENT}"


class CamelToolsMissing(ImportError):
    """camel-tools is not installed; the message names the command that installs it."""

    def __init__(self) -> None:
        super().__init__(
            f"arabic-mentions needs camel-tools, installed without its deep-learning stack: run `{INSTALL_COMMAND}`",
            name="camel_tools",
        )
