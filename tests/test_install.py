"""Installed as a new user would: the wheel built from this checkout, in a fresh virtual environment
(no system site-packages), following the README's block for a new project line by line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import __version__

from .readme_blocks import ROOT, blocks

SEED = ROOT / "corpus" / "us_pakistan_relations.txt"


def _run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.slow
def test_the_wheel_works_in_a_fresh_environment_as_the_readme_says(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)], ROOT, {**os.environ}
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("arabic_mentions-*.whl")
    assert wheel.name.startswith(f"arabic_mentions-{__version__}-")

    (block,) = [b for b in blocks() if "new-environment" in b.tags]
    # The base interpreter first on the PATH, as `python3` is for a new user; nothing of this environment.
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = f"{Path(getattr(sys, '_base_executable', sys.executable)).parent}{os.pathsep}/usr/bin{os.pathsep}/bin"
    env["ARABIC_MENTIONS"] = str(wheel)
    proc = _run(["bash", "-euo", "pipefail", "-c", block.code], tmp_path, env)
    assert proc.returncode == 0, f"{block.id} failed:\n{proc.stdout}\n{proc.stderr}"

    project = tmp_path / "my-project"
    python = project / ".venv" / "bin" / "python"
    assert f"arabic-mentions {__version__}" in proc.stdout
    # the table, the records printed from Python and the spaCy spans all carry the amount
    assert proc.stdout.count("USD 3000000000") == 3, proc.stdout
    assert "('3 مليارات دولار', 'MONEY', 'USD 3000000000')" in proc.stdout
    assert (project / "mentions.csv").read_bytes().startswith(b"\xef\xbb\xbfdoc,kind,start,end,text")

    no_torch = _run([str(python), "-c", "import importlib.util as u; print(u.find_spec('torch'))"], project, env)
    assert no_torch.stdout.strip() == "None", "torch ended up in the new environment"
    site = _run([str(python), "-c", "import pipeline; print(pipeline.__file__)"], project, env)
    assert str(project / ".venv") in site.stdout, "the package must come from the new environment, not this checkout"

    # the seed, extracted by the installed package, gives the records of this checkout
    seed = _run(
        [str(project / ".venv" / "bin" / "arabic-mentions"), "extract", "--file", str(SEED), "--jsonl"], project, env
    )
    assert seed.returncode == 0, seed.stderr
    from pipeline import extract

    expected = [m.model_dump(mode="json") for m in extract(SEED.read_text(encoding="utf-8"))]
    assert [json.loads(line) for line in seed.stdout.splitlines()] == expected
    assert len(expected) > 10
