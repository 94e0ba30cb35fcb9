"""What a user installs: the wheel holds every template and asset, both site builders find the
plugin, and the floors CI tests are the floors ``pyproject.toml`` declares.

The wheel is built once per run (``pip wheel``, a few seconds); CI builds it anyway and passes
it in ``INTERVIEW_JOURNAL_WHEEL`` so it is not built twice.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "plugins" / "interview_journal"
WHEEL_ENV = "INTERVIEW_JOURNAL_WHEEL"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get(WHEEL_ENV)
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(REPO)],
                   check=True, capture_output=True)
    (found,) = out.glob("*.whl")
    return found


def test_every_template_and_asset_is_in_the_wheel(wheel: Path) -> None:
    shipped = set(zipfile.ZipFile(wheel).namelist())
    wanted = {f"interview_journal/{path.relative_to(PACKAGE).as_posix()}"
              for folder in ("pages/templates", "assets") for path in (PACKAGE / folder).rglob("*") if path.is_file()}
    assert any("/drafts/" in name for name in wanted)  # the subfolder a narrower pattern missed
    assert wanted - shipped == set()
    assert "interview_journal/py.typed" in shipped


def test_the_plugin_is_registered_for_mkdocs_and_properdocs() -> None:
    for group in ("mkdocs.plugins", "properdocs.plugins"):
        found = [ep.value for ep in entry_points(group=group) if ep.name == "interview-journal"]
        assert found == ["interview_journal.plugin:InterviewJournalPlugin"], group


def _pyproject_floors() -> dict[str, str]:
    text = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    text = text[text.index("\ndependencies = ["):]  # the project's requirements, not the build system's
    return {name.lower(): version for name, version in re.findall(r'"([A-Za-z0-9_.-]+)>=([0-9][0-9.]*)', text)}


def test_ci_tests_the_floors_pyproject_declares() -> None:
    floors = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", (REPO / ".ci" / "floors.txt").read_text(), re.MULTILINE))
    declared = _pyproject_floors()
    assert {name.lower() for name in floors} == set(declared)  # every floor tested, nothing else pinned
    for name, version in floors.items():
        tested, floor = (tuple(int(part) for part in v.split(".")) for v in (version, declared[name.lower()]))
        assert tested[:len(floor)] == floor and not any(tested[len(floor):]), f"{name}: {version} vs >={floor}"
