"""The `arabic-mentions` command (and `python -m pipeline`): the command line, behind the camel-tools check.

The check comes first so that a missing camel-tools is one line on stderr
naming the command that installs it, not a traceback.
"""

from __future__ import annotations

import sys

from .install_hint import CamelToolsMissing


def main(argv: list[str] | None = None) -> int:
    try:
        from .cli import main as cli_main
    except CamelToolsMissing as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return cli_main(argv)
