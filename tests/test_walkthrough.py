"""The README's walkthrough, run as a new user types it: drop a text, annotate
it with its reference date, review it in the page, run. The text is the
shipped `amman_municipal_budget`, so the gold the walkthrough produces must be
exactly the committed gold, and the run scores it F1 1.0."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = "amman_municipal_budget"


def _commands() -> list[str]:
    """The numbered steps of the README's walkthrough, each a shell command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Adding a text, from drop to reviewed gold") :]
    section = section[: section.index("\n## ")]
    return re.findall(r"^\s*\$ (.+)$", section, flags=re.MULTILINE)


def test_the_readme_walkthrough_has_four_commands() -> None:
    commands = _commands()
    assert len(commands) == 4, commands
    assert commands[0].startswith("cp ") and commands[1].startswith("python -m pipeline annotate ")
    assert commands[2].startswith("python -m pipeline review ") and commands[3].startswith("python -m pipeline run ")


def test_the_walkthrough_reproduces_the_committed_gold(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    (tmp_path / "corpus").mkdir()
    shutil.copy(ROOT / "corpus" / f"{DOC}.txt", tmp_path / f"{DOC}.txt")  # the text as it arrives
    drop, annotate, review, run = (
        [sys.executable if word == "python" else word for word in shlex.split(c)] for c in _commands()
    )
    for command in (drop, annotate):
        proc = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"{DOC}: 34 drafts proposed\n"), proc.stdout
    # The review: the page's `A` (accept every draft of the document) through the API the page calls.
    server = subprocess.Popen([*review, "--port", "0"], cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        banner = server.stdout.readline()
        base = re.search(r"http://127\.0\.0\.1:\d+", banner)
        assert base, banner
        request = urllib.request.Request(
            base.group(0) + "/api/action", json.dumps({"action": "accept", "ids": [DOC]}).encode(), method="POST"
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            assert not any(r["draft"] for r in json.loads(response.read())["records"])
    finally:
        server.terminate()
        server.wait(timeout=30)
    proc = subprocess.run(run, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    report = json.loads((tmp_path / "outputs" / "report.json").read_text(encoding="utf-8"))
    assert all(report["metrics"][k]["strict_f1"] == 1.0 for k in ("date", "money", "percent")), report["metrics"]
    made = (tmp_path / "corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    shipped = [
        line
        for line in (ROOT / "corpus" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(line)["doc"] == DOC
    ]
    assert made == shipped
    meta = json.loads((tmp_path / "corpus" / "meta.json").read_text(encoding="utf-8"))
    assert meta == {DOC: json.loads((ROOT / "corpus" / "meta.json").read_text(encoding="utf-8"))[DOC]}
