"""`python -m pipeline review`: the JSON API the page uses, and the page itself
driven by its keyboard shortcuts in headless Chromium when one is installed."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.gold_edit import annotate
from pipeline.review import ReviewServer, make_server

TEXT = "أعلنت الوزارة في 20 أكتوبر 1947 أن التضخم بلغ 12٫5٪ وأن الدعم بلغ 78.3 مليار دولار.\n"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "story.txt").write_text(TEXT, encoding="utf-8")
    (folder / "other.txt").write_text("لا شيء هنا.\n", encoding="utf-8")
    annotate([folder / "story.txt"], folder)
    server: ReviewServer = make_server(folder, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield folder, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def _post(base: str, body: dict[str, Any]) -> tuple[int, Any]:
    request = urllib.request.Request(
        base + "/api/action", json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read().decode("utf-8"))


def _gold(folder: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


def test_api_lists_and_edits_the_same_gold_file(served: tuple[Path, str]) -> None:
    folder, base = served
    docs = _get(base + "/api/docs")["docs"]
    assert docs == [{"doc": "other", "records": 0, "drafts": 0}, {"doc": "story", "records": 3, "drafts": 3}]
    doc = _get(base + "/api/doc?doc=story")
    assert doc["text"] == TEXT
    date, percent, money = doc["records"]
    assert (date["text"], date["words"], date["draft"]) == ("20 أكتوبر 1947", "Mon 20 October 1947", True)
    status, doc = _post(base, {"action": "accept", "ids": [date["id"]]})
    assert status == 200 and [r["draft"] for r in doc["records"]] == [False, True, True]
    status, doc = _post(base, {"action": "reject", "ids": [percent["id"]]})
    assert status == 200 and [r["id"] for r in doc["records"]] == [date["id"], money["id"]]
    status, doc = _post(base, {"action": "edit", "id": money["id"], "normalized": "USD 78300000001"})
    assert status == 200 and doc["records"][1]["normalized"] == "USD 78300000001"
    status, doc = _post(
        base, {"action": "add", "doc": "story", "text": "12٫5٪", "kind": "percent", "normalized": "12.5%"}
    )
    assert status == 200 and len(doc["records"]) == 3
    assert [(r["text"], r["normalized"], "draft" in r) for r in _gold(folder)] == [
        ("20 أكتوبر 1947", "1947-10-20", False),
        ("12٫5٪", "12.5%", False),
        ("78.3 مليار دولار", "USD 78300000001", False),
    ]
    assert not list(folder.glob(".gold.jsonl.*"))  # written atomically: no temporary file left


def test_api_refuses_bad_edits_with_a_reason(served: tuple[Path, str]) -> None:
    folder, base = served
    before = (folder / "gold.jsonl").read_bytes()
    record = _get(base + "/api/doc?doc=story")["records"][0]
    for body, reason in [
        ({"action": "edit", "id": record["id"], "normalized": "1947-13"}, "not a calendar date"),
        ({"action": "accept", "ids": ["story#zzzz"]}, "no such record"),
        (
            {"action": "add", "doc": "story", "text": "غير موجود", "kind": "date", "normalized": "2020"},
            "occurs 0 times",
        ),
        ({"action": "explode"}, "unknown action"),
    ]:
        status, data = _post(base, body)
        assert status == 400 and reason in data["error"], data
    assert (folder / "gold.jsonl").read_bytes() == before
    with pytest.raises(urllib.error.HTTPError):
        _get(base + "/api/doc?doc=nosuch")


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _page_state(browser: str, url: str, profile: Path) -> dict[str, Any]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--virtual-time-budget=15000"]  # fmt: skip
    proc = subprocess.run([browser, *flags, "--dump-dom", url], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r'data-state="([^"]*)"', proc.stdout)
    assert found, "the page's script did not run"
    state: dict[str, Any] = json.loads(html.unescape(found.group(1)))
    return state


def test_keyboard_review_in_headless_chromium(served: tuple[Path, str], tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium on this machine: install Debian's `chromium` package to run the browser check")
    folder, base = served
    first, second, third = (r["id"] for r in _get(base + "/api/doc?doc=story")["records"])
    state = _page_state(browser, base + "/?doc=story", tmp_path / "p1")
    assert state["textDirection"] == "rtl" and state["marks"] == 3 and state["drafts"] == 3, state
    assert state["selected"] == first and 0 <= state["firstMarkRightGap"] < 200, state  # RTL: first mark at the right
    # a: accept the first draft (selection moves to the next draft), r: reject it, n: move on.
    state = _page_state(browser, base + "/?doc=story&keys=a,r", tmp_path / "p2")
    assert state["log"] == ["accept", "reject", "ready"], state
    assert state["records"] == 2 and state["drafts"] == 1 and state["selected"] == third, state
    assert [(r["text"], "draft" in r) for r in _gold(folder)] == [("20 أكتوبر 1947", False), ("78.3 مليار دولار", True)]
    state = _page_state(browser, base + "/?doc=story&keys=A", tmp_path / "p3")
    assert state["drafts"] == 0 and not any("draft" in r for r in _gold(folder)), state
    assert second not in {r["id"] for r in _get(base + "/api/doc?doc=story")["records"]}
