"""`report.html`: highlights, metrics and gold disagreements, checked in a real
headless Chromium when one is installed (`.ci/run` installs Debian's package)."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
TEXT = "في 20 أكتوبر 1947 قدمت الولايات المتحدة 78.3 مليار دولار، وارتفع التضخم 59٪ عام 2014 وبلغ 12 في المئة.\n"
# Gold that disagrees with the extraction in every way the page must show.
GOLD = [
    ("date", "20 أكتوبر 1947", "1947-10-20"),  # ok
    ("money", "78.3 مليار دولار", "USD 1"),  # wrong value
    ("date", "2014", "2014"),  # boundary: the extraction takes `عام 2014`
    ("percent", "12 في المئة", "12%"),  # ok
    ("date", "الولايات", "2000"),  # missed (not a date at all: a gold error the page must show)
]  # 59٪ is spurious: not in this gold


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "story.txt").write_text(TEXT, encoding="utf-8")
    rows = []
    for kind, text, norm in GOLD:
        start = TEXT.index(text)
        rows.append({"doc": "story", "kind": kind, "start": start, "end": start + len(text), "text": text,
                     "normalized": norm})  # fmt: skip
    (folder / "gold.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    out = tmp_path_factory.mktemp("out")
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(folder), "--out", str(out), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    return out / "report.html"


def test_page_is_self_contained_rtl_with_marks(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page
    assert not re.search(r"""(src|href)=["']https?:""", page), "the page must not load anything from the network"
    marks = re.findall(
        r'<mark class="entity (\w+)" data-kind="(\w+)" title="([^"]*)" id="([^"]+)".*?<bdi class="value" dir="ltr">'
        r"([^<]*)</bdi>",
        page,
    )
    by_status: dict[str, list[tuple[str, str, str]]] = {}
    for status, kind, title, _, value in marks:
        by_status.setdefault(status, []).append((kind, html.unescape(title), html.unescape(value)))
    assert len(by_status["ok"]) == 2
    assert by_status["boundary"] == [("date", "span differs from gold: gold 2014 → 2014", "2014")]
    assert ("date", "matches gold", "1947-10-20") in by_status["ok"]  # the value is printed, not only on hover
    assert by_status["wrong"][0][0] == "money" and by_status["wrong"][0][2] == "USD 78300000000 ≠ gold USD 1"
    assert by_status["spurious"] == [("percent", "not in gold", "59%")]
    assert by_status["missed"] == [("date", "missed: in gold, not extracted", "2000")]
    assert 'class="metrics"' in page and "<th>money</th>" in page


def test_differences_table_links_to_the_text(report: Path) -> None:
    page = report.read_text(encoding="utf-8")
    table = page[page.index('<table class="diffs">') :]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<tr class="([\w-]+)"><td class="ltr"><a href="#([^"]+)">', table)
    assert sorted(what for what, _ in rows) == ["boundary", "missed", "spurious", "wrong-value"]
    ids = set(re.findall(r'<mark [^>]*id="([^"]+)"', page))
    assert all(anchor in ids for _, anchor in rows)
    # The boundary difference shows the gold span (`2014`) under the predicted `عام 2014`.
    assert re.search(r'<mark class="entity boundary"[^>]*>[^<]*<span class="gold-span">2014</span>', page)
    assert '<table class="docs">' in page and ">story</a>" in page


def _chromium(browser: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={cwd / 'profile'}"]  # fmt: skip
    return subprocess.run([browser, *flags, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_page_in_headless_chromium(report: Path, tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium on this machine: install Debian's `chromium` package to run the browser check")
    proc = _chromium(browser, "--dump-dom", report.as_uri(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = re.search(r'data-layout="([^"]*)"', proc.stdout)
    assert found, "the page's layout script did not run"
    layout = json.loads(html.unescape(found.group(1)))
    assert layout["direction"] == "rtl" and layout["entitiesDirection"] == "rtl", layout
    assert layout["marks"] == 6, layout  # 2 ok, 1 wrong, 1 spurious, 1 boundary, 1 missed
    assert layout["metricsRows"] == 3 and layout["docRows"] == 1 and layout["diffRows"] == 4, layout
    assert layout["goldSpans"] == 1 and layout["brokenLinks"] == 0, layout
    # Each label sits left of its mention's text and right of its value, with a gap on both sides.
    assert len(layout["noteGaps"]) == 6 and all(a >= 2 and b >= 2 for a, b in layout["noteGaps"]), layout
    # Right-to-left: the first highlight of the text sits near the right edge, not the left.
    box_gap = layout["firstMarkRightGap"]
    assert 0 <= box_gap < 200, layout
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    proc = _chromium(browser, "--hide-scrollbars", "--window-size=1100,900", f"--screenshot={shot}",
                     report.as_uri(), cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 0 and shot.stat().st_size > 10_000, proc.stderr[-2000:]
