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
    ("date", "عام 2014", "2014"),  # ok
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
    statuses = re.findall(r'<mark class="entity (\w+)" data-kind="(\w+)" title="([^"]*)"', page)
    by_status = {s: [(k, html.unescape(t)) for st, k, t in statuses if st == s] for s, _, _ in statuses}
    assert len(by_status["ok"]) == 3
    assert by_status["wrong"][0][0] == "money" and "≠ gold USD 1" in by_status["wrong"][0][1]
    assert by_status["spurious"][0][0] == "percent" and by_status["spurious"][0][1].startswith("59%")
    assert by_status["missed"][0][0] == "date"
    assert 'class="metrics"' in page and "<th>money</th>" in page


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
    assert layout["marks"] == 6, layout  # 3 ok, 1 wrong, 1 spurious, 1 missed
    assert layout["metricsRows"] == 3, layout
    # Right-to-left: the first highlight of the text sits near the right edge, not the left.
    box_gap = layout["firstMarkRightGap"]
    assert 0 <= box_gap < 200, layout
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    proc = _chromium(browser, "--hide-scrollbars", "--window-size=1100,900", f"--screenshot={shot}",
                     report.as_uri(), cwd=tmp_path)  # fmt: skip
    assert proc.returncode == 0 and shot.stat().st_size > 10_000, proc.stderr[-2000:]
