"""pytest plugin: a corpus's gold as tests, one item per document (`pytest --mentions-gold corpus/`).

Registered through the `pytest11` entry point, so it is there in any project
where this package is installed, and does nothing without the option. A
document fails with the difference table of `python -m pipeline run`.

Known misses are recorded, not hidden: a gold line with `"xfail": "reason"`
(the mention is expected to be missed or misread), or a document with
`"xfail": "reason"` in `meta.json` (every difference in it is expected). A
document whose only differences are expected is reported as xfailed; one where
an expected miss is found again is reported as XPASS, and a warning names
each xfail gold line that now matches. Any other difference fails.
Documents with unreviewed drafts are skipped, as `run` does not score them.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .corpus import GOLD_FILE, META_FILE, DocError, discover, read_meta, read_text
from .records import GoldMention

OPTION = "--mentions-gold"


class MentionsMismatch(Exception):
    """A document's extraction differs from its gold in an unexpected way."""


class KnownMisses(Exception):
    """Every difference of a document is marked xfail in its gold."""


class XfailNowMatches(UserWarning):
    """A gold line marked xfail is now extracted right: the mark can go."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("arabic-mentions")
    group.addoption(
        OPTION,
        action="append",
        default=[],
        metavar="FOLDER",
        help="check the extraction of every document of FOLDER against FOLDER/gold.jsonl, one test per document",
    )


_GOLD_PATHS = pytest.StashKey[set[Path]]()


def pytest_configure(config: pytest.Config) -> None:
    # Each gold file becomes one more path to collect, beside the project's own tests.
    paths = {_gold_path(Path(folder)) for folder in config.getoption(OPTION)}
    config.stash[_GOLD_PATHS] = paths
    config.args += [str(p) for p in sorted(paths) if str(p) not in config.args]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> GoldFile | None:
    if file_path.resolve() in parent.config.stash.get(_GOLD_PATHS, set()):
        return GoldFile.from_parent(parent, path=file_path)
    return None


def _gold_path(folder: Path) -> Path:
    if not folder.is_dir():
        raise pytest.UsageError(f"{OPTION} {folder}: not a folder")
    path = (folder / GOLD_FILE).resolve()
    if not path.is_file():
        raise pytest.UsageError(f"{OPTION} {folder}: no {GOLD_FILE} in it")
    return path


def _document_xfails(folder: Path) -> dict[str, str]:
    """`meta.json`'s document-level marks: {doc id: reason}."""
    path = folder / META_FILE
    if not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {doc: str(fields["xfail"]) for doc, fields in data.items() if "xfail" in fields}


class GoldFile(pytest.File):
    """A corpus folder's gold.jsonl: one item per document that has gold."""

    def collect(self) -> Iterator[pytest.Item]:
        from .gold import check_gold, load_gold

        folder = self.path.parent
        try:
            meta = read_meta(folder)  # validates meta.json, including the xfail marks
        except DocError as exc:
            raise pytest.UsageError(str(exc)) from None
        numbered, problems = load_gold(self.path)
        texts: dict[str, str] = {}
        docs = {d.id: d for d in discover(folder)}
        for doc in docs.values():
            try:
                texts[doc.id] = read_text(doc.path)
            except DocError:
                texts[doc.id] = ""  # its item fails with the reason
        problems += check_gold(numbered, texts)
        if problems:
            raise pytest.UsageError(f"{self.path}: {problems[0]}; run `python -m pipeline gold check {folder}`")
        by_doc: dict[str, list[tuple[int, GoldMention]]] = {}
        for line, record in numbered:
            by_doc.setdefault(record.doc, []).append((line, record))
        doc_xfail = _document_xfails(folder)
        for doc_id in sorted(by_doc):
            yield GoldDocument.from_parent(
                self,
                name=doc_id,
                source=docs[doc_id].path,
                gold=by_doc[doc_id],
                reference_date=meta.get(doc_id),
                doc_xfail=doc_xfail.get(doc_id),
            )


class GoldDocument(pytest.Item):
    def __init__(
        self,
        *,
        source: Path,
        gold: list[tuple[int, GoldMention]],
        reference_date: Any,
        doc_xfail: str | None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.lines = {id(g): line for line, g in gold}
        self.gold = [g for _, g in gold]
        self.reference_date = reference_date
        self.doc_xfail = doc_xfail
        drafts = sum(1 for g in self.gold if g.draft)
        if drafts:
            self.add_marker(
                pytest.mark.skip(reason=f"{drafts} draft gold record{'s' if drafts != 1 else ''} not reviewed")
            )
        reasons = [doc_xfail] if doc_xfail else []
        reasons += [f"{g.text!r} ({g.kind}): {g.xfail}" for g in self.gold if g.xfail]
        if reasons:
            # raises=KnownMisses: only the expected differences make the item xfail; any other fails it
            self.add_marker(pytest.mark.xfail(reason="; ".join(reasons), raises=KnownMisses, strict=False))

    def runtest(self) -> None:
        from .engine import extract
        from .evaluate import evaluate
        from .report import terminal

        text = read_text(self.source)
        predicted = extract(text, reference_date=self.reference_date, doc=self.name)
        ev = evaluate(predicted, self.gold, {self.name: text}, [self.name])
        marked = {(g.kind, g.start, g.end): g for g in self.gold if g.xfail}
        expected = [d for d in ev.differences if self.doc_xfail or (d.gold and _key(d.gold) in marked)]
        unexpected = [d for d in ev.differences if d not in expected]
        still_missed = {_key(d.gold) for d in expected if d.gold}
        for key, g in marked.items():
            if key not in still_missed:
                message = f"{self.name}: gold {g.text!r} ({g.kind}) is marked xfail but now matches"
                # pointed at the gold line, where the mark is to be removed
                warnings.warn_explicit(message, XfailNowMatches, str(self.path), self.lines[id(g)])
        color = self.config.get_terminal_writer().hasmarkup
        if unexpected:
            ev.differences = unexpected
            table = terminal(ev, limit=len(unexpected), color=color)
            if expected:
                table += f"\n({len(expected)} more differences are marked xfail)"
            raise MentionsMismatch(table)
        if expected:
            raise KnownMisses(terminal(ev, limit=len(expected), color=color))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, MentionsMismatch | KnownMisses):
            return f"{self.name}: extraction differs from {GOLD_FILE}\n{excinfo.value}"
        if isinstance(excinfo.value, DocError):
            return f"{self.source}: {excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.source, 0, f"gold of {self.name}"


def _key(span: Any) -> tuple[str, int, int]:
    return (span.kind, span.start, span.end)
