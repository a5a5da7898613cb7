"""`report.html`: one self-contained right-to-left page. At the top the documents
that failed, the scores per kind and per document, and a table of every
difference linking to its place in the text; then every document with its
mentions highlighted by kind, the normalised value printed beside each one,
gold disagreements marked and, for a span that differs, the gold span drawn
under the text. Built in one pass per document (no quadratic look-ups)."""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from .evaluate import Difference, Evaluation, Span, first_overlaps
from .records import GoldMention, Mention
from .report import _COLUMNS
from .wording import plural, shown

COLORS = {"DATE": "#a6e3ff", "MONEY": "#b8f5b0", "PERCENT": "#ffd59e"}
STATUS_TEXT = {
    "ok": "matches gold",
    "wrong": "wrong value",
    "spurious": "not in gold",
    "boundary": "span differs from gold",
    "missed": "missed: in gold, not extracted",
    "nogold": "",
}

_CSS = """
body { font-family: 'Noto Naskh Arabic', 'Amiri', 'Segoe UI', Tahoma, sans-serif; margin: 2rem auto;
       max-width: 64rem; padding: 0 1rem; line-height: 1.6; color: #222; }
h1, h2 { font-weight: 600; }
table { border-collapse: collapse; margin: 1rem 0; }
table.metrics, table.docs { direction: ltr; }
table th, table td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: right; vertical-align: top; }
table.diffs td.ltr { direction: ltr; text-align: left; }
.failed { direction: ltr; border: 2px solid #d00; padding: .5rem 1rem; background: #fee; }
.legend span { margin-inline-end: 1rem; white-space: nowrap; }
section.doc { border-top: 1px solid #ddd; margin-top: 2rem; }
.entities { line-height: 2.8; font-size: 1.1rem; white-space: pre-wrap; }
mark.entity { padding: .2em .45em; margin: 0 .15em; border-radius: .35em; }
/* The note (kind label, then value) follows the text. It is an isolated
   right-to-left run, so it sits to the left of the text whatever the text ends
   with (digits included), and its inline-start margin (right) separates them. */
mark.entity .note { unicode-bidi: isolate; direction: rtl; margin-inline-start: .5em; white-space: nowrap; }
mark.entity .label { font-size: .65em; font-weight: bold; margin-inline-end: .4em; }
mark.entity .value { font-size: .75em; font-family: monospace; }
mark.wrong { outline: 3px solid #d00; }
mark.spurious { outline: 3px dashed #d00; }
mark.boundary { outline: 3px dotted #e80; }
mark.missed { background: repeating-linear-gradient(45deg, #fff, #fff 4px, #fcc 4px, #fcc 8px) !important; }
.gold-span { border-bottom: 3px solid #e80; }
:target { box-shadow: 0 0 0 4px #333; }
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
               metricsRows: document.querySelectorAll('table.metrics tbody tr').length,
               docRows: document.querySelectorAll('table.docs tbody tr').length,
               diffRows: document.querySelectorAll('table.diffs tbody tr').length,
               goldSpans: document.querySelectorAll('.entities .gold-span').length,
               brokenLinks: 0, noteGaps: []};
  document.querySelectorAll('table.diffs a[href^="#"]').forEach(function (a) {
    if (!document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)))) facts.brokenLinks++;
  });
  marks.forEach(function (m) {
    var label = m.querySelector('.label'), value = m.querySelector('.value'), text = m.firstChild;
    if (!label || !value || !text) return;
    var range = document.createRange(); range.selectNodeContents(text.nodeType === 3 ? text : text.firstChild);
    var rects = range.getClientRects(), t = rects[rects.length - 1];  // the text's last line
    var l = label.getBoundingClientRect(), v = value.getBoundingClientRect();
    if (Math.abs(t.top + t.height / 2 - (l.top + l.height / 2)) < t.height / 2)  // on the same line only
      facts.noteGaps.push([Math.round(t.left - l.right), Math.round(l.left - v.right)]);
  });
  if (first) {
    var box = first.getBoundingClientRect();
    var m = first.querySelector('mark.entity');
    if (m) { var r = m.getBoundingClientRect(); facts.firstMarkRightGap = Math.round(box.right - r.right); }
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
    value: str  # printed beside the mention
    title: str
    gold_span: tuple[int, int] | None = None  # drawn when the span differs


def _as_span(m: Mention | GoldMention) -> Span:
    return Span(m.doc or "", m.kind, m.start, m.end, m.text, m.normalized)


def _doc_ents(preds: list[Mention], gold: list[GoldMention] | None) -> list[_Ent]:
    if gold is None:
        return [_Ent(m.start, m.end, m.kind, "nogold", shown(m.normalized), m.rule) for m in preds]
    ents: list[_Ent] = []
    kinds = sorted({m.kind for m in preds} | {g.kind for g in gold})
    for kind in kinds:
        ps = sorted((_as_span(m) for m in preds if m.kind == kind), key=lambda s: (s.start, s.end))
        gs = sorted((_as_span(g) for g in gold if g.kind == kind), key=lambda s: (s.start, s.end))
        gold_at = {(g.start, g.end): g for g in gs}
        for p, near in zip(ps, first_overlaps(ps, gs), strict=True):
            g = gold_at.get((p.start, p.end))
            value = shown(p.normalized)
            if g is not None and g.normalized == p.normalized:
                ents.append(_Ent(p.start, p.end, kind, "ok", value, STATUS_TEXT["ok"]))
            elif g is not None:
                title = f"{STATUS_TEXT['wrong']}: gold {shown(g.normalized)}"
                ents.append(_Ent(p.start, p.end, kind, "wrong", f"{value} ≠ gold {shown(g.normalized)}", title))
            elif near is not None:
                title = f"{STATUS_TEXT['boundary']}: gold {near.text} → {shown(near.normalized)}"
                ents.append(_Ent(p.start, p.end, kind, "boundary", value, title, (near.start, near.end)))
            else:
                ents.append(_Ent(p.start, p.end, kind, "spurious", value, STATUS_TEXT["spurious"]))
        for g, near in zip(gs, first_overlaps(gs, ps), strict=True):
            if near is None:  # boundary cases are shown on the prediction
                ents.append(_Ent(g.start, g.end, kind, "missed", shown(g.normalized), STATUS_TEXT["missed"]))
    return sorted(ents, key=lambda e: (e.start, e.end, e.kind))


def _anchor(doc_no: int, start: int, kind: str) -> str:
    return f"d{doc_no}-{start}-{kind}"


def _render_text(text: str, ents: list[_Ent], doc_no: int) -> str:
    """The text with marks (non-overlapping; an overlapping one is left out of
    the drawing, it stays in the tables) and gold spans underlined, which may
    cross mark boundaries and are therefore drawn piece by piece."""
    marks: list[_Ent] = []
    for e in ents:
        if not marks or e.start >= marks[-1].end:
            marks.append(e)
    opening = {e.start: e for e in marks}
    closing = {e.end: e for e in marks}
    gold_events: dict[int, int] = {}
    for e in ents:
        if e.gold_span is not None:
            gold_events[e.gold_span[0]] = gold_events.get(e.gold_span[0], 0) + 1
            gold_events[e.gold_span[1]] = gold_events.get(e.gold_span[1], 0) - 1
    points = sorted({0, len(text), *opening, *closing, *gold_events})
    out: list[str] = []
    depth = 0
    for a, b in itertools.pairwise(points):
        depth += gold_events.get(a, 0)
        o = opening.get(a)
        if o is not None:
            out.append(
                f'<mark class="entity {o.status}" data-kind="{o.kind}" title="{html.escape(o.title)}" '
                f'id="{_anchor(doc_no, o.start, o.kind)}" style="background: {COLORS[o.kind.upper()]}">'
            )
        piece = html.escape(text[a:b])
        out.append(f'<span class="gold-span">{piece}</span>' if depth > 0 else piece)
        c = closing.get(b)
        if c is not None:
            out.append(
                f'<span class="note"><span class="label">{c.kind.upper()}</span>'
                f'<bdi class="value" dir="ltr">{html.escape(c.value)}</bdi></span></mark>'
            )
    return "".join(out)


def _num(v: float | int) -> str:
    return str(v) if isinstance(v, int) else format(v, ".3f")


def _metrics_html(ev: Evaluation) -> str:
    head = "".join(f"<th>{html.escape(label)}</th>" for _, label in _COLUMNS)
    rows = []
    for kind, row in ev.table().items():
        cells = "".join(f"<td>{_num(row[key])}</td>" for key, _ in _COLUMNS)
        rows.append(f"<tr><th>{kind}</th>{cells}</tr>")
    return f'<table class="metrics"><thead><tr><th>kind</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _docs_html(ev: Evaluation, doc_no: Mapping[str, int], counts: Mapping[str, int]) -> str:
    keys = [("gold", "gold"), ("predicted", "pred"), ("strict_f1", "F1"), ("overlap_f1", "F1~")]
    keys.append(("value_accuracy", "value acc"))
    head = "".join(f"<th>{label}</th>" for _, label in keys) + "<th>differences</th>"
    rows = []
    for doc, row in ev.document_table().items():
        name = html.escape(doc)
        link = f'<a href="#d{doc_no[doc]}">{name}</a>' if doc in doc_no else name
        if doc in ev.failed:
            link += " (failed)"
        cells = "".join(f"<td>{_num(row[key])}</td>" for key, _ in keys)
        rows.append(f"<tr><th>{link}</th>{cells}<td>{counts.get(doc, 0)}</td></tr>")
    return (
        f'<h2 dir="ltr">Per document</h2><table class="docs"><thead><tr><th>document</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _side(s: Span | None) -> str:
    if s is None:
        return "<td></td>"
    return f'<td><bdi>{html.escape(s.text)}</bdi></td><td class="ltr">{html.escape(shown(s.normalized))}</td>'


def _diffs_html(differences: list[Difference], doc_no: Mapping[str, int]) -> str:
    rows = []
    for d in differences:
        at = d.predicted if d.predicted is not None and d.what != "missed" else d.gold
        assert at is not None
        where = html.escape(f"{at.doc} @{at.start}")
        if at.doc in doc_no:
            where = f'<a href="#{_anchor(doc_no[at.doc], at.start, at.kind)}">{where}</a>'
        gold = _side(d.gold) if d.gold else "<td></td><td></td>"
        pred = _side(d.predicted) if d.predicted else "<td></td><td></td>"
        rows.append(f'<tr class="{d.what.replace(" ", "-")}"><td class="ltr">{where}</td><td>{at.kind}</td>'
                    f"{gold}{pred}<td>{d.what}</td></tr>")  # fmt: skip
    head = (
        "<tr><th>document</th><th>kind</th><th>gold text</th><th>gold value</th>"
        "<th>predicted text</th><th>predicted value</th><th>difference</th></tr>"
    )
    title = f'<h2 dir="ltr">Differences ({len(differences)})</h2>'
    if not differences:
        return title + '<p dir="ltr">None: every gold mention found with its value, nothing spurious.</p>'
    return f'{title}<table class="diffs"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


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
    doc_no = {doc: n for n, (doc, *_) in enumerate(docs, 1)}

    sections = []
    for doc, text, ents, differences in docs:
        note = plural(differences, "difference") if gold is not None else "no gold"
        sections.append(
            f'<section class="doc" id="d{doc_no[doc]}" data-doc="{html.escape(doc)}" data-differences="{differences}">'
            f'<h2><bdi dir="ltr"><code>{html.escape(doc)}</code> <small>({plural(len(ents), "mark")}, {note})'
            f'</small></bdi></h2><div class="entities" dir="rtl">{_render_text(text, ents, doc_no[doc])}</div>'
            "</section>"
        )
    legend = "".join(
        f'<span><mark class="entity" style="background:{color}">{label}</mark></span>'
        for label, color in COLORS.items()
    )
    legend += (
        '<span><mark class="entity wrong">wrong value</mark></span>'
        '<span><mark class="entity spurious">spurious</mark></span>'
        '<span><mark class="entity boundary">span differs</mark></span>'
        '<span><span class="gold-span">gold span</span></span>'
        '<span><mark class="entity missed">missed</mark></span>'
    )
    top = ""
    if ev is not None and ev.failed:
        items = "".join(f"<li><code>{html.escape(d)}</code>: {html.escape(why)}</li>" for d, why in ev.failed.items())
        top = (
            f'<div class="failed"><strong>{plural(len(ev.failed), "document")} failed</strong>; '
            f"all their gold counts as missed:<ul>{items}</ul></div>\n"
        )
    if ev is not None:
        counts = {doc: n for doc, _, _, n in docs}
        for doc in ev.failed:
            counts[doc] = sum(s.gold for s in ev.documents[doc].values())
        metrics = _metrics_html(ev) + _docs_html(ev, doc_no, counts) + _diffs_html(ev.differences, doc_no)
    else:
        metrics = "<p>No gold file: nothing to compare.</p>"
    if omitted:
        metrics += f'<p dir="ltr">{plural(omitted, "more document")} without gold in records.jsonl, not shown here.</p>'
    return (
        '<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Extraction report</title>\n<style>{_CSS}</style>\n<script>{_SCRIPT}</script>\n</head>\n<body>\n"
        f'<h1>تقرير الاستخراج · Extraction report</h1>\n{top}<p class="legend">{legend}</p>\n{metrics}\n'
        + "\n".join(sections)
        + "\n</body>\n</html>\n"
    )
