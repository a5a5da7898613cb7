"""`python -m pipeline review corpus/`: a local page to review draft gold.

A standard-library HTTP server on 127.0.0.1 serves one self-contained page and
a small JSON API over the same functions as the `gold` commands (select,
accept, reject, edit, add), so the page and the command line write the same
`gold.jsonl`, atomically, and refuse the same invalid edits. Requests are
served one edit at a time (a lock), each re-reading the file, so an edit made
meanwhile from the command line is never lost."""

from __future__ import annotations

import json
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .corpus import DocError
from .engine import extract
from .gold_edit import (
    KEEP_VALUE,
    GoldEditError,
    GoldFile,
    Keep,
    accept,
    add,
    edit,
    find_record,
    open_gold,
    reject,
    save,
    select,
)
from .review_page import PAGE
from .value_words import in_words

MAX_BODY = 1_000_000  # bytes of a request body


def doc_payload(gold: GoldFile, doc: str) -> dict[str, Any]:
    """A document's text and its records, in text order, with ids and values in words."""
    if doc not in gold.texts:
        raise GoldEditError(f"no document {doc!r} in {gold.folder}")
    raw = gold.texts[doc]
    hijri = {(m.start, m.end) for m in extract(raw, doc=doc) if getattr(m.value, "calendar", "") == "hijri"}
    ids = gold.ids()
    records = [
        {
            "id": ids[id(r)],
            "kind": r.kind,
            "start": r.start,
            "end": r.end,
            "text": r.text,
            "normalized": r.normalized,
            "draft": r.draft,
            "words": in_words(r.kind, r.normalized, hijri=(r.start, r.end) in hijri),
        }
        for r in gold.for_doc(doc)
    ]
    return {"doc": doc, "text": raw, "records": records}


def docs_payload(gold: GoldFile) -> dict[str, Any]:
    counts: dict[str, list[int]] = {doc: [0, 0] for doc in gold.texts}
    for r in gold.records:
        counts[r.doc][0] += 1
        counts[r.doc][1] += int(r.draft)
    docs = [{"doc": d, "records": n, "drafts": k} for d, (n, k) in sorted(counts.items())]
    return {"gold": str(gold.path), "docs": docs}


def apply(gold: GoldFile, action: dict[str, Any]) -> str:
    """Apply one edit from the page; returns the document to show next."""
    what = action.get("action")
    ids = action.get("ids") or []
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise GoldEditError("ids must be a list of record ids")
    if what in ("accept", "reject"):
        rows = select(gold, ids)
        if not rows:
            raise GoldEditError("no records chosen")
        (accept if what == "accept" else reject)(gold, rows)
        return rows[0].doc
    if what == "edit":
        record = find_record(gold, str(action.get("id", "")))
        value: str | Keep | None = KEEP_VALUE
        if "normalized" in action:
            value = action["normalized"] if action["normalized"] not in ("", "null") else None
        span = action.get("span_text") or None
        edit(gold, record, value, span, int(action.get("occurrence", 1)))
        return record.doc
    if what == "add":
        doc = str(action.get("doc", ""))
        norm = action.get("normalized")
        kind = action.get("kind")
        if kind not in ("date", "money", "percent"):
            raise GoldEditError("kind must be date, money or percent")
        add(gold, doc, str(action.get("text", "")), int(action.get("occurrence", 1)), kind,
            None if norm in (None, "", "null") else str(norm))  # fmt: skip
        return doc
    raise GoldEditError(f"unknown action {what!r}")


class _Handler(BaseHTTPRequestHandler):
    server: ReviewServer

    def log_message(self, format: str, *args: Any) -> None:
        return  # quiet: the terminal shows only what the command prints

    def _send(self, status: HTTPStatus, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _json(self, data: dict[str, Any], status: HTTPStatus = HTTPStatus.OK) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        try:
            with self.server.lock:
                gold = open_gold(self.server.root)
                if url.path == "/":
                    self._send(HTTPStatus.OK, PAGE.encode(), "text/html; charset=utf-8")
                elif url.path == "/api/docs":
                    self._json(docs_payload(gold))
                elif url.path == "/api/doc":
                    self._json(doc_payload(gold, parse_qs(url.query).get("doc", [""])[0]))
                else:
                    self._json({"error": f"no such page: {url.path}"}, HTTPStatus.NOT_FOUND)
        except (GoldEditError, DocError) as exc:
            self._json({"error": str(exc)}, HTTPStatus.BAD_REQUEST)

    def do_POST(self) -> None:
        if urlsplit(self.path).path != "/api/action":
            self._json({"error": f"no such action: {self.path}"}, HTTPStatus.NOT_FOUND)
            return
        length = int(self.headers.get("Content-Length") or 0)
        if not 0 < length <= MAX_BODY:
            self._json({"error": "a JSON body is required"}, HTTPStatus.BAD_REQUEST)
            return
        try:
            action = json.loads(self.rfile.read(length).decode("utf-8"))
            if not isinstance(action, dict):
                raise GoldEditError("the body must be a JSON object")
            with self.server.lock:
                gold = open_gold(self.server.root)
                doc = apply(gold, action)
                save(gold)
                self._json(doc_payload(gold, doc))
        except (GoldEditError, DocError, ValueError) as exc:
            self._json({"error": str(exc)}, HTTPStatus.BAD_REQUEST)


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path, port: int) -> None:
        self.root = root
        self.lock = threading.Lock()
        super().__init__(("127.0.0.1", port), _Handler)


def make_server(root: Path, port: int = 8765) -> ReviewServer:
    """A server for the corpus root on 127.0.0.1 (port 0: any free port); call `serve_forever()`."""
    return ReviewServer(root, port)
