"""`report.html`: one self-contained right-to-left page showing every document
with its mentions highlighted by kind (rendered by spaCy's displaCy), the
normalised value on hover, and gold disagreements marked."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

from spacy import displacy

from .evaluate import Evaluation
from .records import GoldMention, Mention
from .report import _COLUMNS

COLORS = {"DATE": "#a6e3ff", "MONEY": "#b8f5b0", "PERCENT": "#ffd59e"}
STATUS_TEXT = {
    "ok": "matches gold",
    "wrong": "wrong value",
    "spurious": "not in gold",
    "boundary": "span differs from gold",
    "missed": "missed: in gold, not extracted",
    "nogold": "",
}

# displaCy's template for one entity; `params` of each span fill the extra fields.
_ENT = (
    '<mark class="entity {status}" data-kind="{kind}" title="{title}" style="background: {bg}">'
    '{text}<span class="label">{label}</span></mark>'
)

_CSS = """
body { font-family: 'Noto Naskh Arabic', 'Amiri', 'Segoe UI', Tahoma, sans-serif; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; line-height: 1.6; color: #222; }
h1, h2 { font-weight: 600; }
table.metrics { border-collapse: collapse; direction: ltr; margin: 1rem 0; }
table.metrics th, table.metrics td { border: 1px solid #ccc; padding: .25rem .6rem; text-align: right; }
.legend span { margin-inline-end: 1rem; white-space: nowrap; }
section.doc { border-top: 1px solid #ddd; margin-top: 2rem; }
.entities { line-height: 2.6; font-size: 1.1rem; }
mark.entity { padding: .2em .45em; margin: 0 .15em; border-radius: .35em; }
mark.entity .label { font-size: .65em; font-weight: bold; margin-inline-start: .4em; direction: ltr;
                     unicode-bidi: isolate; }
mark.wrong { outline: 3px solid #d00; }
mark.spurious { outline: 3px dashed #d00; }
mark.boundary { outline: 3px dotted #e80; }
mark.missed { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #fcc 4px, #fcc 8px) !important; }
.diffs { direction: rtl; font-size: .95rem; }
.diffs li { margin: .2rem 0; }
code { direction: ltr; unicode-bidi: isolate; }
"""

# Records what the browser laid out, so a headless test can read it from the DOM.
_SCRIPT = """
window.addEventListener('load', function () {
  var marks = document.querySelectorAll('.entities mark.entity');
  var body = getComputedStyle(document.body).direction;
  var first = document.querySelector('.entities');
  var facts = {direction: body, marks: marks.length,
               entitiesDirection: first ? getComputedStyle(first).direction : null,
               metricsRows: document.querySelectorAll('table.metrics tbody tr').length};
  if (first) {
    var box = first.getBoundingClientRect();
    var m = first.querySelector('mark.entity');
    if (m) { var r = m.getBoundingClientRect(); facts.firstMarkRightGap = Math.round(box.right - r.right); }
    facts.textAlignStart = getComputedStyle(first).textAlign;
  }
  document.documentElement.setAttribute('data-layout', JSON.stringify(facts));
});
"""


@dataclass(frozen=True, slots=True)
class _Ent:
    start: int
    end: int
    kind: str
    status: str
    title: str


def _key(m: Mention | GoldMention) -> tuple[str, int, int]:
    return (m.kind, m.start, m.end)


def _doc_ents(preds: list[Mention], gold: list[GoldMention] | None) -> list[_Ent]:
    ents: list[_Ent] = []
    if gold is None:
        return [_Ent(m.start, m.end, m.kind, "nogold", f"{m.normalized} · {m.rule}") for m in preds]
    gold_by_key = {_key(g): g for g in gold}
    pred_keys = {_key(m) for m in preds}
    for m in preds:
        g = gold_by_key.get(_key(m))
        if g is not None:
            status = "ok" if g.normalized == m.normalized else "wrong"
            title = f"{m.normalized}" if status == "ok" else f"{m.normalized} ≠ gold {g.normalized}"
        else:
            near = [x for x in gold if x.kind == m.kind and x.start < m.end and m.start < x.end]
            status = "boundary" if near else "spurious"
            title = f"{m.normalized}" + (f" · gold: {near[0].text} → {near[0].normalized}" if near else "")
        ents.append(_Ent(m.start, m.end, m.kind, status, f"{title} · {STATUS_TEXT[status]} · {m.rule}"))
    taken = [(e.start, e.end) for e in ents]
    for g in gold:
        if _key(g) in pred_keys or any(g.start < b and a < g.end for a, b in taken):
            continue  # boundary cases are shown on the prediction
        ents.append(_Ent(g.start, g.end, g.kind, "missed", f"gold {g.normalized} · {STATUS_TEXT['missed']}"))
    return sorted(ents, key=lambda e: (e.start, e.end))


def _metrics_html(ev: Evaluation) -> str:
    table = ev.table()
    head = "".join(f"<th>{html.escape(label)}</th>" for _, label in _COLUMNS)
    rows = []
    for kind, row in table.items():
        cells = "".join(
            f"<td>{row[key] if isinstance(row[key], int) else format(row[key], '.3f')}</td>" for key, _ in _COLUMNS
        )
        rows.append(f"<tr><th>{kind}</th>{cells}</tr>")
    return f'<table class="metrics"><thead><tr><th>kind</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def render(
    texts: Mapping[str, str],
    mentions: list[Mention],
    gold: list[GoldMention] | None,
    ev: Evaluation | None,
    omitted: int = 0,
) -> str:
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc or "", []).append(m)
    gold_by_doc: dict[str, list[GoldMention]] = {}
    for g in gold or []:
        gold_by_doc.setdefault(g.doc, []).append(g)
    docs = []
    for doc, text in texts.items():
        ents = _doc_ents(by_doc.get(doc, []), gold_by_doc.get(doc, []) if gold is not None else None)
        differences = sum(1 for e in ents if e.status not in ("ok", "nogold"))
        docs.append((doc, text, ents, differences))
    docs.sort(key=lambda d: (-d[3], d[0]))  # documents with differences first

    sections = []
    for doc, text, ents, differences in docs:
        spans = [
            {
                "start": e.start,
                "end": e.end,
                "label": e.kind.upper(),
                "params": {"status": e.status, "kind": e.kind, "title": html.escape(e.title, quote=True)},
            }
            for e in ents
        ]
        body = displacy.render(
            {"text": text, "ents": spans, "settings": {"lang": "ar", "direction": "rtl"}},
            style="ent",
            manual=True,
            jupyter=False,
            options={"colors": COLORS, "template": _ENT},
        )
        note = f"{differences} differences" if gold is not None else "no gold"
        sections.append(
            f'<section class="doc" id="{html.escape(doc)}" data-differences="{differences}">'
            f'<h2><bdi dir="ltr"><code>{html.escape(doc)}</code> <small>({len(ents)} marks, {note})</small></bdi></h2>'
            f"{body}</section>"
        )
    legend = "".join(
        f'<span><mark class="entity" style="background:{color}">{label}</mark></span>'
        for label, color in COLORS.items()
    )
    legend += (
        '<span><mark class="entity wrong">wrong value</mark></span>'
        '<span><mark class="entity spurious">spurious</mark></span>'
        '<span><mark class="entity boundary">span differs</mark></span>'
        '<span><mark class="entity missed">missed</mark></span>'
    )
    metrics = _metrics_html(ev) if ev is not None else "<p>No gold file: nothing to compare.</p>"
    if omitted:
        metrics += f'<p dir="ltr">{omitted} more documents without gold are in records.jsonl, not shown here.</p>'
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Extraction report</title>\n<style>{_CSS}</style>\n<script>{_SCRIPT}</script>\n</head>\n<body>\n"
        f"<h1>تقرير الاستخراج · Extraction report</h1>\n{metrics}\n"
        f'<p class="legend">{legend}</p>\n<p dir="ltr">Hover a highlight for its normalised value.</p>\n'
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )
