"""What an installed package offers: the version everywhere, type information, entry points,
and one clear line when camel-tools is missing."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import distribution, entry_points
from pathlib import Path

import pipeline
from pipeline.console import main as console_main
from pipeline.install_hint import INSTALL_COMMAND

ROOT = Path(__file__).resolve().parent.parent

# camel_tools made unimportable, as in an environment where the no-deps step was skipped
_NO_CAMEL = "import sys; sys.modules['camel_tools'] = None\n"


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_version_is_one_value_everywhere() -> None:
    assert distribution("arabic-mentions").version == pipeline.__version__
    proc = subprocess.run([sys.executable, "-m", "pipeline", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0
    assert proc.stdout.strip() == f"arabic-mentions {pipeline.__version__}"


def test_the_changelog_has_an_entry_for_this_version() -> None:
    assert f"## {pipeline.__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_the_package_ships_py_typed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in config["tool"]["setuptools"]["package-data"]["pipeline"]
    assert (ROOT / "pipeline" / "py.typed").is_file()


def test_the_entry_points_name_what_exists() -> None:
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "arabic-mentions"]
    assert script.load() is console_main
    (factory,) = [e for e in entry_points(group="spacy_factories") if e.name == "arabic_mentions"]
    assert callable(factory.load())
    (plugin,) = [e for e in entry_points(group="pytest11") if e.name == "arabic_mentions"]
    assert hasattr(plugin.load(), "pytest_addoption")


def test_without_camel_tools_the_first_import_names_the_install_command() -> None:
    proc = _python(_NO_CAMEL + "from pipeline import extract")
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1] == (
        "pipeline.install_hint.CamelToolsMissing: arabic-mentions needs camel-tools, installed without its "
        f"deep-learning stack: run `{INSTALL_COMMAND}`"
    )


def test_without_camel_tools_the_command_says_so_in_one_line() -> None:
    proc = _python(_NO_CAMEL + "import sys; from pipeline.console import main; sys.exit(main(['extract', '2024']))")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        f"error: arabic-mentions needs camel-tools, installed without its deep-learning stack: run `{INSTALL_COMMAND}`"
    ]


def test_without_camel_tools_spacy_still_builds_other_pipelines() -> None:
    # spaCy imports our factory entry point for every pipeline; that must not need camel-tools
    proc = _python(_NO_CAMEL + "import spacy, pipeline; print(len(spacy.blank('ar')('نص عادي')), pipeline.__version__)")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["2", pipeline.__version__]


def test_a_missing_ordinary_dependency_is_not_blamed_on_camel_tools() -> None:
    # With the cache off the normalisation table is built, which imports camel-tools and so six.
    proc = _python("import os, sys; os.environ['ARABIC_MENTIONS_CACHE'] = 'off'; sys.modules['six'] = None\n"
                   "from pipeline import extract; extract('في 2020')")  # fmt: skip
    assert proc.returncode == 1
    assert "CamelToolsMissing" not in proc.stderr
    assert "six" in proc.stderr.strip().splitlines()[-1]
