"""mkdocs-macros renders every page's Markdown as a Jinja template: our pages say
``render_macros: false`` (macros' own switch), so a note with ``{% if %}`` in it stays as
written; a file whose front matter says ``render_macros: true`` asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import debrief

from .support import DEBRIEFS, JOURNAL, assert_whole, build, project, require, soup

JINJA_NOTE = "notes/2026-11-19-call.md"
ASKS = "asks/2026-11-19-call.md"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("mkdocs_macros", package="mkdocs-macros-plugin")
    journal = {
        **JOURNAL,
        JINJA_NOTE: debrief(company="Notes Inc", date="2026-11-19", interviewers=["Ann"],
                            body="They use {% if %} blocks and {{ curly }} templates in prod.\n"),
        ASKS: debrief(company="Asks Inc", date="2026-11-19", interviewers=["Ben"], render_macros=True,
                      body="Two plus two is {{ 2 + 2 }}.\n"),
    }
    return build(project(tmp_path_factory.mktemp("macros"), after=["macros"], journal=journal))


def test_pages_are_whole_beside_macros(out: Path) -> None:
    assert_whole(out, debriefs=[*DEBRIEFS, JINJA_NOTE[:-3], ASKS[:-3]])


def test_a_note_with_jinja_in_it_stays_as_written(out: Path) -> None:
    notes = soup(out / "journal" / JINJA_NOTE[:-3] / "index.html").select_one("h2#notes").find_next("p")
    assert notes.get_text() == "They use {% if %} blocks and {{ curly }} templates in prod."


def test_a_file_can_ask_for_macros(out: Path) -> None:
    notes = soup(out / "journal" / ASKS[:-3] / "index.html").select_one("h2#notes").find_next("p")
    assert notes.get_text() == "Two plus two is 4."
