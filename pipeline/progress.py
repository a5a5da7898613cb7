"""A progress line on stderr for long runs; silent when stderr is not a terminal."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, quiet: bool = False) -> None:
        self.total = total
        self.count = 0
        self.enabled = not quiet and sys.stderr.isatty()
        self.started = time.monotonic()

    def step(self, label: str, amount: int = 1) -> None:
        """One unit of work done (a file, counted by its size in bytes)."""
        self.count += amount
        if self.enabled:
            width = 30
            filled = width * min(self.count, self.total) // max(1, self.total)
            bar = "#" * filled + "." * (width - filled)
            pct = 100 * min(self.count, self.total) // max(1, self.total)
            sys.stderr.write(f"\r[{bar}] {pct:>3}% {label[:40]:<40}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 80 + "\r")

    def done(self) -> None:
        if self.enabled:
            self.clear()
            sys.stderr.write(f"done in {time.monotonic() - self.started:.1f}s\n")
