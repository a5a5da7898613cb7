"""Tables computed once per installation and kept on disk: the per-character
normalisation table (asking camel-tools about every Arabic code point) and the
loaded lexicon (every form normalised and tokenised). Loading them costs a few
milliseconds, where building them costs seconds and imports camel-tools and
spaCy. A cache entry is named by a hash of everything it was built from (our
source files, the lexicon files, the library versions), so a change to any of
them builds it anew; a cache that cannot be written is simply not used."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_HERE = Path(__file__).parent


def cache_dir() -> Path:
    """`$ARABIC_MENTIONS_CACHE`, else `$XDG_CACHE_HOME/arabic-mentions`, else `~/.cache/arabic-mentions`."""
    explicit = os.environ.get("ARABIC_MENTIONS_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arabic-mentions"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "none"


def fingerprint(files: Iterable[Path], dists: Iterable[str]) -> str:
    h = hashlib.sha256()
    for path in sorted(files):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    for dist in sorted(dists):
        h.update(f"{dist}={_version(dist)}".encode())
    h.update(f"python={sys.version_info[:2]} unicode={unicodedata.unidata_version}".encode())
    return h.hexdigest()[:20]


def cached(name: str, files: Iterable[Path], dists: Iterable[str], build: Callable[[], T]) -> T:
    """`build()`, or its result saved by an earlier process with the same sources."""
    if os.environ.get("ARABIC_MENTIONS_CACHE") == "off":
        return build()
    path = cache_dir() / f"{name}-{fingerprint(files, dists)}.pickle"
    try:
        with path.open("rb") as fh:
            value: T = pickle.load(fh)
            return value
    except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError, AttributeError, ImportError):
        pass  # not built yet, or unreadable: build it
    value = build()
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{name}-*.pickle"):  # earlier builds from other sources
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        tmp = None
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a read-only home: everything still works, only slower to start
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return value


def source(*names: str) -> list[Path]:
    """Our own source files, by name relative to the package."""
    return [_HERE / n for n in names]
