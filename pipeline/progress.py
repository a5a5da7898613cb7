"""A progress line on stderr for long runs; silent when stderr is not a terminal."""

from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, quiet: bool = False) -> None:
        self.total = total
        self.count = 0
        self.enabled = not quiet and sys.stderr.isatty() and total > 1
        self.started = time.monotonic()

    def step(self, label: str) -> None:
        self.count += 1
        if self.enabled:
            width = 30
            filled = width * self.count // self.total
            bar = "#" * filled + "." * (width - filled)
            sys.stderr.write(f"\r[{bar}] {self.count}/{self.total} {label[:40]:<40}")
            sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 80 + "\r")

    def done(self) -> None:
        if self.enabled:
            self.clear()
            sys.stderr.write(f"{self.total} files in {time.monotonic() - self.started:.1f}s\n")
