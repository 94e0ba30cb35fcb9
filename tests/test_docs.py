"""The guide's own examples work as written: the tour of ``docs/index.md``, step by step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, build, soup
from interview_journal.cli import main

INDEX = (REPO / "docs" / "index.md").read_text(encoding="utf-8")


def _block(language: str, after: str) -> str:
    """The first ``language`` code block after the text ``after``."""
    found = re.search(re.escape(after) + r".*?```" + language + r"\n(.*?)```", INDEX, re.DOTALL)
    assert found, after
    return found.group(1)


@pytest.fixture(scope="module")
def tour(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tour")
    debrief = root / "journal" / "acme" / "2026-11-20-screen.md"
    debrief.parent.mkdir(parents=True)
    debrief.write_text(_block("markdown", "create `journal/acme/2026-11-20-screen.md`"), encoding="utf-8")
    home = _block("bash", "Give the site a home page")
    assert home.strip() == 'mkdir -p docs && echo "# My job search" > docs/index.md'
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# My job search\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(_block("yaml", "Turn the plugin on in `mkdocs.yml`"), encoding="utf-8")
    return root


def test_the_tour_builds_strict_with_a_home_page(tour: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tour)
    site = build(tour)
    assert (site / "index.html").is_file()  # no 404 at /
    page = soup(site / "journal/acme/2026-11-20-screen/index.html")
    rows = re.findall(r"^\| (.+?) \| (.+?) \|$", INDEX.split("The checklist of the round reads:")[1].split("\n\n")[1],
                      re.MULTILINE)
    documented = [(item, bucket.split(" (")[0]) for item, bucket in rows[1:]]  # past the header
    shown = [(li.label.get_text(" ", strip=True), li.select_one(".ij-badge").get_text(strip=True))
             for li in page.select(".ij-checklist li")]
    assert shown == documented


def test_the_tour_s_done_command_records_the_thank_you(tour: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tour)
    command = _block("bash", "`done` writes the date into the file for you").strip().splitlines()[-1]
    assert command.startswith("interview-journal done ")
    result = CliRunner().invoke(main, command.split()[1:])
    assert result.exit_code == 0, result.output
    text = (tour / "journal/acme/2026-11-20-screen.md").read_text(encoding="utf-8")
    assert _block("yaml", "The interviewer now reads") in text


def test_the_todo_of_the_command_line_page_is_the_tour_s(tour: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tour)
    monkeypatch.setenv("INTERVIEW_JOURNAL_CACHE", "off")
    debrief = tour / "journal" / "acme" / "2026-11-20-screen.md"  # as the tour writes it, before any done
    debrief.write_text(_block("markdown", "create `journal/acme/2026-11-20-screen.md`"), encoding="utf-8")
    shown = (REPO / "docs" / "cli.md").read_text(encoding="utf-8").split("```console\n$ interview-journal todo\n", 1)[1]
    result = CliRunner().invoke(main, ["todo"])
    assert result.exit_code == 0
    assert shown.split("```", 1)[0] == result.stdout
