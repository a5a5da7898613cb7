"""The page `python -m pipeline review` serves: self-contained (no network),
right-to-left text with the records highlighted, a list of records, and
keyboard shortcuts. `?doc=DOC` opens a document; `?keys=a,r,n` replays keys
after loading (for demonstrations and the headless-browser test)."""

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gold review</title>
<style>
body { font-family: 'Noto Naskh Arabic', 'Amiri', 'Segoe UI', Tahoma, sans-serif; margin: 0; color: #222; }
header { direction: ltr; padding: .5rem 1rem; background: #f4f4f4; border-bottom: 1px solid #ccc; }
header .keys { font-size: .85rem; color: #555; }
#status.error { color: #b00; font-weight: bold; }
main { display: flex; direction: ltr; }
nav { width: 16rem; padding: .5rem; border-right: 1px solid #ddd; font-size: .9rem; }
nav a { display: block; padding: .15rem .3rem; color: #036; text-decoration: none; }
nav a.current { background: #def; }
section { flex: 1; padding: 0 1rem; }
.text { direction: rtl; white-space: pre-wrap; line-height: 2.6; font-size: 1.15rem; }
mark { padding: .15em .35em; border-radius: .3em; cursor: pointer; }
mark.date { background: #a6e3ff; } mark.money { background: #b8f5b0; } mark.percent { background: #ffd59e; }
mark.draft { outline: 2px dashed #777; }
mark.sel { outline: 3px solid #d00; }
mark .note { unicode-bidi: isolate; direction: rtl; margin-inline-start: .4em; font-size: .7em; white-space: nowrap; }
mark .note bdi { font-family: monospace; margin-inline-start: .3em; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
td, th { border: 1px solid #ccc; padding: .15rem .4rem; text-align: left; }
tr.sel { background: #fee; }
td.ar { direction: rtl; text-align: right; }
</style>
</head>
<body>
<header><strong>Gold review</strong> <span id="file"></span> <span id="status"></span>
<div class="keys">a accept · r reject · e edit value · s edit span · + add · n / j next draft · p / k previous ·
A accept every draft of the document · ] next document with drafts · click a highlight to select it</div></header>
<main><nav id="docs"></nav>
<section><h2 id="title"></h2><div id="text" class="text"></div>
<table><thead><tr><th>id</th><th>status</th><th>kind</th><th>text</th><th>value</th><th>in words</th></tr></thead>
<tbody id="records"></tbody></table></section></main>
<script>
'use strict';
const state = {docs: [], doc: null, text: '', records: [], sel: -1, log: [], pending: null};
const $ = (id) => document.getElementById(id);
const plural = (n, noun) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'})[c]);

async function api(path, body) {
  const opts = body ? {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)} : {};
  const response = await fetch(path, opts);
  const data = await response.json();
  if (!response.ok) {
    $('status').textContent = data.error; $('status').className = 'error';
    state.log.push('error: ' + data.error); publish();
    throw new Error(data.error);
  }
  $('status').textContent = ''; $('status').className = '';
  return data;
}

function nextDraft(from, step) {
  const n = state.records.length;
  for (let k = 1; k <= n; k++) {
    const i = ((from + step * k) % n + n) % n;
    if (state.records[i].draft) return i;
  }
  return n ? Math.max(0, Math.min(from, n - 1)) : -1;
}

async function loadDocs() {
  const data = await api('/api/docs');
  state.docs = data.docs; $('file').textContent = data.gold;
  $('docs').innerHTML = state.docs.map((d) => {
    const current = d.doc === state.doc ? ' class="current"' : '';
    const note = d.drafts ? plural(d.drafts, 'draft') : (d.records ? '✓' : '');
    const href = `?doc=${encodeURIComponent(d.doc)}`;
    return `<a href="${href}" data-doc="${esc(d.doc)}"${current}>${esc(d.doc)} <small>${note}</small></a>`;
  }).join('');
}

function show(data, pick) {
  state.doc = data.doc; state.text = data.text; state.records = data.records;
  state.sel = pick(); render();
}

async function openDoc(doc) {
  const data = await api('/api/doc?doc=' + encodeURIComponent(doc));
  show(data, () => nextDraft(-1, 1));
  await loadDocs();
}

function render() {
  const parts = []; let at = 0;
  state.records.forEach((r, i) => {
    if (r.start < at) return;  // overlaps a record of another kind: in the table only
    parts.push(esc(state.text.slice(at, r.start)));
    const cls = `${r.kind} ${r.draft ? 'draft' : 'ok'}${i === state.sel ? ' sel' : ''}`;
    parts.push(`<mark data-i="${i}" class="${cls}">${esc(r.text)}<span class="note">${r.kind.toUpperCase()}` +
               `<bdi dir="ltr">${esc(r.normalized === null ? 'null' : r.normalized)}</bdi></span></mark>`);
    at = r.end;
  });
  parts.push(esc(state.text.slice(at)));
  $('text').innerHTML = parts.join('');
  const drafts = state.records.filter((r) => r.draft).length;
  $('title').textContent = `${state.doc} (${plural(state.records.length, 'record')}, ${plural(drafts, 'draft')})`;
  $('records').innerHTML = state.records.map((r, i) =>
    `<tr data-i="${i}"${i === state.sel ? ' class="sel"' : ''}><td>${esc(r.id)}</td>` +
    `<td>${r.draft ? 'draft' : 'ok'}</td>` +
    `<td>${r.kind}</td><td class="ar"><bdi>${esc(r.text)}</bdi></td>` +
    `<td>${esc(r.normalized === null ? 'null' : r.normalized)}</td><td>${esc(r.words)}</td></tr>`
  ).join('');
  const sel = document.querySelector('mark.sel');
  if (sel && sel.scrollIntoView) sel.scrollIntoView({block: 'center'});
  publish();
}

function publish() {
  const mark = document.querySelector('#text mark');
  const facts = {doc: state.doc, sel: state.sel, records: state.records.length,
                 drafts: state.records.filter((r) => r.draft).length, log: state.log,
                 marks: document.querySelectorAll('#text mark').length,
                 textDirection: getComputedStyle($('text')).direction,
                 selected: state.sel >= 0 ? state.records[state.sel].id : null};
  if (mark) {
    const box = $('text').getBoundingClientRect(), r = mark.getBoundingClientRect();
    facts.firstMarkRightGap = Math.round(box.right - r.right);
  }
  document.documentElement.setAttribute('data-state', JSON.stringify(facts));
}

async function act(body, pick) {
  const data = await api('/api/action', body);
  state.log.push(body.action);
  show(data, pick);
  await loadDocs();
}

function current() { return state.sel >= 0 ? state.records[state.sel] : null; }

function onKey(key) {
  const r = current(), at = state.sel;
  switch (key) {
    case 'a': return r && act({action: 'accept', ids: [r.id]}, () => nextDraft(at, 1));
    case 'r': return r && act({action: 'reject', ids: [r.id]}, () => nextDraft(at - 1, 1));
    case 'A': return state.doc && act({action: 'accept', ids: [state.doc]}, () => Math.max(0, at));
    case 'e': {
      const value = r && prompt('normalized value (null for none)', r.normalized === null ? 'null' : r.normalized);
      return value !== null && value !== undefined && act({action: 'edit', id: r.id, normalized: value}, () => at);
    }
    case 's': {
      const text = r && prompt('span: the text exactly as written', r.text);
      const occurrence = text && parseInt(prompt('which occurrence of it (1 = first)', '1') || '1', 10);
      return text && act({action: 'edit', id: r.id, span_text: text, occurrence}, () => at);
    }
    case '+': {
      const text = prompt('text to add, exactly as written'); if (!text) return;
      const kind = prompt('kind: date, money or percent', 'date'); if (!kind) return;
      const normalized = prompt('normalized value (null for none)', 'null'); if (normalized === null) return;
      const occurrence = parseInt(prompt('which occurrence of it (1 = first)', '1') || '1', 10);
      return act({action: 'add', doc: state.doc, text, kind, normalized, occurrence}, () => at);
    }
    case 'n': case 'j': state.sel = nextDraft(at, 1); render(); return;
    case 'p': case 'k': state.sel = nextDraft(at, -1); render(); return;
    case ']': {
      const i = state.docs.findIndex((d) => d.doc === state.doc);
      const later = state.docs.slice(i + 1).concat(state.docs.slice(0, i + 1)).find((d) => d.drafts);
      return later && openDoc(later.doc);
    }
  }
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  const result = onKey(event.key);
  if (result) { event.preventDefault(); state.pending = Promise.resolve(result).catch(() => {}); }
});
document.addEventListener('click', (event) => {
  const doc = event.target.closest('nav a');
  if (doc) { event.preventDefault(); openDoc(doc.dataset.doc); return; }
  const hit = event.target.closest('[data-i]');
  if (hit) { state.sel = parseInt(hit.dataset.i, 10); render(); }
});

(async function start() {
  const params = new URLSearchParams(location.search);
  await loadDocs();
  const first = params.get('doc') || (state.docs.find((d) => d.drafts) || state.docs[0] || {}).doc;
  if (first) await openDoc(first);
  for (const key of (params.get('keys') || '').split(',').filter(Boolean)) {
    state.pending = null;
    document.dispatchEvent(new KeyboardEvent('keydown', {key}));
    if (state.pending) await state.pending;
  }
  state.log.push('ready'); publish();
})();
</script>
</body>
</html>
"""
