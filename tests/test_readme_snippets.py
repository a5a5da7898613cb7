"""The README's examples run as written (blocks marked `<!-- test: … -->`; the one that
needs a fresh environment is run by tests/test_install.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .readme_blocks import ROOT, Block, blocks

LOCAL = [b for b in blocks() if "new-environment" not in b.tags]


def test_the_readme_has_runnable_blocks_of_each_language() -> None:
    assert {b.language for b in LOCAL} == {"sh", "python"}
    assert sum(1 for b in blocks() if "new-environment" in b.tags) == 1


@pytest.mark.parametrize("block", LOCAL, ids=[b.id for b in LOCAL])
def test_readme_block_runs_as_written(block: Block, tmp_path: Path) -> None:
    # A user's project: the corpus beside them, this environment's commands on the PATH.
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    if block.language == "sh":
        command = ["bash", "-euo", "pipefail", "-c", block.code]
    else:
        command = [sys.executable, "-c", block.code]
    proc = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"{block.id} failed:\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr
