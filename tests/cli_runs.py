"""Running the command line in tests: in this process through `main(argv)`, or as a real process.

Most command-line tests call `in_process`: the same `pipeline.console.main` that `python -m pipeline`
and the `arabic-mentions` script call, with stdin, stdout and stderr swapped for byte buffers, so a
case costs no interpreter start and no second load of spaCy and the lexicons. Both return a
`subprocess.CompletedProcess`, so a test reads the same whichever it uses. What only a real process
shows (the entry point, exit codes as the shell sees them, signals, a terminal) keeps `as_process`.
"""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path
from typing import Literal, overload

from pipeline.console import main

ROOT = Path(__file__).resolve().parent.parent


def _text_stream(buffer: io.BytesIO) -> io.TextIOWrapper:
    # UTF-8 like a real process here; cmd_extract writes CSV to .buffer, so the bytes are kept.
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="strict", write_through=True)


@overload
def in_process(
    *args: str, stdin: str | None = ..., cwd: Path = ..., text: Literal[True] = ...
) -> subprocess.CompletedProcess[str]: ...
@overload
def in_process(
    *args: str, stdin: str | None = ..., cwd: Path = ..., text: Literal[False]
) -> subprocess.CompletedProcess[bytes]: ...


def in_process(
    *args: str, stdin: str | None = None, cwd: Path = ROOT, text: bool = True
) -> subprocess.CompletedProcess[str] | subprocess.CompletedProcess[bytes]:
    """`python -m pipeline ARGS` run by calling `main(argv)`; argparse's exits (usage errors, --help) included."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = [_text_stream(b) for b in (io.BytesIO((stdin or "").encode("utf-8")), out, err)]
    with contextlib.chdir(cwd), contextlib.redirect_stdout(streams[1]), contextlib.redirect_stderr(streams[2]):
        saved_stdin, sys.stdin = sys.stdin, streams[0]
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: --help is 0, a usage error 2
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        finally:
            sys.stdin = saved_stdin
            for stream in streams:
                stream.flush()
                stream.detach()  # a wrapper closes its buffer when collected; the bytes are read below
    if text:
        return subprocess.CompletedProcess(list(args), code, out.getvalue().decode(), err.getvalue().decode())
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def as_process(*args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """`python -m pipeline ARGS` as a real process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=300
    )
