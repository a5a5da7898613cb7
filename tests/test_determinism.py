"""`python -m pipeline run` is deterministic, and the committed `outputs/` is a fresh run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
COMMITTED = ROOT / "outputs"
FILES = ("records.jsonl", "documents.jsonl", "report.md", "report.json", "report.html")


def _run(out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": "random"}
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "corpus/", "--out", str(out), "--quiet"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stderr}"
    return proc


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    a, b = tmp_path_factory.mktemp("run_a"), tmp_path_factory.mktemp("run_b")
    _run(a)
    _run(b)
    return a, b


@pytest.mark.parametrize("name", FILES)
def test_two_runs_are_byte_identical(two_runs: tuple[Path, Path], name: str) -> None:
    a, b = two_runs
    assert (a / name).exists(), f"{name} was not written"
    assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs between two runs"


def test_output_does_not_name_the_out_folder(two_runs: tuple[Path, Path]) -> None:
    """A report that mentions its own temp folder could never equal the committed one."""
    a, _ = two_runs
    for name in FILES:
        assert str(a) not in (a / name).read_text(encoding="utf-8"), name


@pytest.mark.parametrize("name", FILES)
def test_committed_outputs_equal_a_fresh_run(two_runs: tuple[Path, Path], name: str) -> None:
    if not COMMITTED.is_dir():
        pytest.skip("outputs/ does not exist yet: run `python -m pipeline run corpus/ --out outputs/` and commit it")
    committed = COMMITTED / name
    assert committed.exists(), f"{committed} is missing; rerun `python -m pipeline run corpus/ --out outputs/`"
    fresh = two_runs[0] / name
    assert committed.read_bytes() == fresh.read_bytes(), (
        f"{committed} is stale; rerun `python -m pipeline run corpus/ --out outputs/` and commit it"
    )
