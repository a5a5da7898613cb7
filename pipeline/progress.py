"""Progress of a long run on stderr, by bytes, with rate and time left (tqdm);
silent when stderr is not a terminal or with --quiet. Messages (errors,
warnings) are printed above the bar whatever happens."""

from __future__ import annotations

import shutil
import sys
import time

from tqdm import tqdm


class Progress:
    def __init__(self, total: int, quiet: bool = False) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.started = time.monotonic()
        self._done = 0
        self.total = total
        size = shutil.get_terminal_size((80, 20))
        self._bar = tqdm(
            total=total, unit="B", unit_scale=True, unit_divisor=1024, file=sys.stderr,
            disable=not self.enabled, leave=False, smoothing=0.1,
            # A terminal that reports no size (0 x 0) would get an empty bar: 80 x 20 then.
            ncols=min(100, size.columns), nrows=size.lines,
        )  # fmt: skip

    def advance(self, amount: int) -> None:
        """`amount` more bytes are done (never past the total)."""
        amount = max(0, min(amount, self.total - self._done))
        self._done += amount
        self._bar.update(amount)

    def message(self, line: str) -> None:
        if self.enabled:
            self._bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def done(self) -> None:
        self._bar.close()
        if self.enabled:
            sys.stderr.write(f"done in {time.monotonic() - self.started:.1f}s\n")
