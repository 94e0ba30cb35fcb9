"""Two journals in one site: two instances of the plugin, each with its own ``journal_dir``,
``section`` and ``title``; the stylesheet and script are loaded once. Two journals in the same
section are refused, with one line that says so."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from mkdocs.exceptions import Abort

from conftest import debrief, write_files

from .support import SCREEN, assert_whole, build, project, soup

FREELANCE = {"acme/2026-11-19-pitch.md": debrief(company="Acme Studio", role="Contract", date="2026-11-19",
                                                 interviewers=["Kim O'Dell"])}


def two_journals(root: Path, second: dict) -> Path:
    project(root)
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"].append({"interview-journal": {"today": "2026-11-25", "timezone": "Europe/Berlin", **second}})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    write_files(root / "freelance", dict(FREELANCE))
    return root


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = two_journals(tmp_path_factory.mktemp("two-journals"),
                        {"journal_dir": "freelance", "section": "freelance", "title": "Freelance"})
    return build(root)


def test_both_journals_are_whole(out: Path) -> None:
    assert_whole(out)
    assert_whole(out, section="freelance", debriefs=["acme/2026-11-19-pitch"])


def test_each_dashboard_has_its_title_and_its_own_pages(out: Path) -> None:
    assert soup(out / "journal" / "index.html").select_one("h1").get_text() == "Journal"
    freelance = soup(out / "freelance" / "index.html")
    assert freelance.select_one("h1").get_text() == "Freelance"
    assert "Acme Studio" in freelance.get_text() and "O'Brien" not in freelance.get_text()
    assert "Acme Studio" not in soup(out / "journal" / "followups" / "index.html").get_text()


def test_the_stylesheet_and_script_load_once(out: Path) -> None:
    page = soup(out / "freelance" / "acme" / "2026-11-19-pitch" / "index.html")
    assert [link["href"] for link in page.select("link[href*=interview-journal]")] == [
        "../../../journal/assets/interview-journal.css"]
    assert len(page.select("script[src*=interview-journal]")) == 1
    assert soup(out / "journal" / SCREEN / "index.html").select("link[href*=interview-journal]")


def test_two_journals_in_one_section_are_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = two_journals(tmp_path, {"journal_dir": "freelance"})
    with pytest.raises(Abort):
        build(root)
    assert ("interview-journal: journal/calendar.ics is made by 'interview-journal' too: "
            "give each journal a section of its own") in caplog.text
