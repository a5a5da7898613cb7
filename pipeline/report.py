"""The evaluation report: a Markdown page, a JSON file and a terminal table,
each naming the documents that failed first, then scores per kind and per
document, then every difference."""

from __future__ import annotations

import json

from .evaluate import Difference, Evaluation, Span
from .wording import plural, shown

_COLUMNS = [
    ("gold", "gold"),
    ("predicted", "pred"),
    ("strict_precision", "P"),
    ("strict_recall", "R"),
    ("strict_f1", "F1"),
    ("overlap_precision", "P~"),
    ("overlap_recall", "R~"),
    ("overlap_f1", "F1~"),
    ("value_accuracy", "value acc"),
]


def _cell(v: float | int) -> str:
    return str(v) if isinstance(v, int) else f"{v:.3f}"


def _table(first: str, rows: dict[str, dict[str, float | int]]) -> str:
    head = f"| {first} | " + " | ".join(label for _, label in _COLUMNS) + " |"
    sep = "|" + "---|" * (len(_COLUMNS) + 1)
    body = [f"| {k} | " + " | ".join(_cell(row[key]) for key, _ in _COLUMNS) + " |" for k, row in rows.items()]
    return "\n".join([head, sep, *body])


def metrics_table(ev: Evaluation) -> str:
    """Per kind: strict (exact span) and overlap (~) precision, recall, F1, and
    the share of strict matches whose normalized value is right."""
    return _table("kind", ev.table())


def failed_lines(ev: Evaluation) -> list[str]:
    if not ev.failed:
        return []
    head = f"{plural(len(ev.failed), 'document')} failed; all their gold counts as missed:"
    return [head, *(f"- {doc}: {why}" for doc, why in ev.failed.items())]


def _value(s: Span) -> str:
    return f"{s.text!r} → {shown(s.normalized)}"


def _describe(d: Difference) -> str:
    span = d.gold or d.predicted
    assert span is not None
    g = f"gold {_value(d.gold)}" if d.gold else ""
    p = f"predicted {_value(d.predicted)}" if d.predicted else ""
    return f"{span.doc} @{span.start} [{span.kind}] {d.what}: {'; '.join(x for x in (g, p) if x)}  {d.context}"


def markdown(ev: Evaluation, drafts: int = 0) -> str:
    lines = ["# Extraction against gold", ""]
    if ev.failed:
        lines += [*failed_lines(ev), ""]
    lines += [metrics_table(ev), ""]
    if drafts:
        lines += [
            f"{plural(drafts, 'gold record')} {'is a draft' if drafts == 1 else 'are drafts'}, not yet reviewed.",
            "",
        ]
    if ev.documents:
        lines += ["## Per document", "", _table("document", ev.document_table()), ""]
    if ev.differences:
        lines += [f"## Differences ({len(ev.differences)})", ""]
        lines += [f"- {_describe(d)}" for d in ev.differences]
    else:
        lines += ["No differences: every gold mention found with its value, nothing spurious."]
    return "\n".join(lines) + "\n"


def _span_dict(s: Span) -> dict[str, object]:
    return {k: getattr(s, k) for k in ("doc", "kind", "start", "end", "text", "normalized")}


def as_json(ev: Evaluation) -> str:
    totals = ev.document_table()
    data = {
        "failed": ev.failed,
        "metrics": ev.table(),
        "documents": {
            doc: {"all": totals[doc], **{k: s.as_dict() for k, s in kinds.items()}}
            for doc, kinds in ev.documents.items()
        },
        "differences": [
            {
                "what": d.what,
                "gold": None if d.gold is None else _span_dict(d.gold),
                "predicted": None if d.predicted is None else _span_dict(d.predicted),
                "context": d.context,
            }
            for d in ev.differences
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


_ANSI = {"missed": "\033[31m", "spurious": "\033[33m", "wrong value": "\033[35m", "boundary": "\033[36m"}


def terminal(ev: Evaluation, limit: int = 40, color: bool = False) -> str:
    out = [*failed_lines(ev), metrics_table(ev)]
    if ev.differences:
        out.append(f"\n{plural(len(ev.differences), 'difference')}:")
        for d in ev.differences[:limit]:
            line = "  " + _describe(d)
            out.append(f"{_ANSI[d.what]}{line}\033[0m" if color else line)
        if len(ev.differences) > limit:
            out.append(f"  … and {len(ev.differences) - limit} more in report.md")
    return "\n".join(out)
