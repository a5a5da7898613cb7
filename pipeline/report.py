"""The evaluation report: a Markdown page, a JSON file and a terminal table."""

from __future__ import annotations

import json

from .evaluate import Difference, Evaluation

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


def metrics_table(ev: Evaluation) -> str:
    """Per kind: strict (exact span) and overlap (~) precision, recall, F1, and
    the share of strict matches whose normalized value is right."""
    table = ev.table()
    head = "| kind | " + " | ".join(label for _, label in _COLUMNS) + " |"
    sep = "|" + "---|" * (len(_COLUMNS) + 1)
    rows = [f"| {k} | " + " | ".join(_cell(table[k][key]) for key, _ in _COLUMNS) + " |" for k in table]
    return "\n".join([head, sep, *rows])


def _describe(d: Difference) -> str:
    span = d.gold or d.predicted
    assert span is not None
    g = f"gold {d.gold.text!r} → {d.gold.normalized}" if d.gold else ""
    p = f"predicted {d.predicted.text!r} → {d.predicted.normalized}" if d.predicted else ""
    return f"{span.doc} @{span.start} [{span.kind}] {d.what}: {'; '.join(x for x in (g, p) if x)}  {d.context}"


def markdown(ev: Evaluation, drafts: int = 0) -> str:
    lines = ["# Extraction against gold", "", metrics_table(ev), ""]
    if drafts:
        lines += [f"{drafts} gold records are drafts, not yet reviewed.", ""]
    if ev.differences:
        lines += [f"## Differences ({len(ev.differences)})", ""]
        lines += [f"- {_describe(d)}" for d in ev.differences]
    else:
        lines += ["No differences: every gold mention found with its value, nothing spurious."]
    return "\n".join(lines) + "\n"


def as_json(ev: Evaluation) -> str:
    data = {
        "metrics": ev.table(),
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


def _span_dict(s: object) -> dict[str, object]:
    return {k: getattr(s, k) for k in ("doc", "kind", "start", "end", "text", "normalized")}


_ANSI = {"missed": "\033[31m", "spurious": "\033[33m", "wrong value": "\033[35m", "boundary": "\033[36m"}


def terminal(ev: Evaluation, limit: int = 40, color: bool = False) -> str:
    out = [metrics_table(ev)]
    if ev.differences:
        out.append(f"\n{len(ev.differences)} differences:")
        for d in ev.differences[:limit]:
            line = "  " + _describe(d)
            out.append(f"{_ANSI[d.what]}{line}\033[0m" if color else line)
        if len(ev.differences) > limit:
            out.append(f"  … and {len(ev.differences) - limit} more in report.md")
    return "\n".join(out)
