"""MkDocs' own themes, ``mkdocs`` and ``readthedocs``, write no ``<h1>`` for a page without one
(Material does): our pages bring their own there, and our stylesheet, written for Material's
``.md-typeset``, also styles their content (``[role="main"]``). Material stays as it was: its
own ``<h1>``, none of ours. How the checklist looks is checked in a browser
(``tests/browser/test_themes.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import SCREEN, assert_whole, build, project, soup

THEMES = ("mkdocs", "readthedocs", "material")
PAGES = {
    "journal/index.html": "Journal",
    "journal/followups/index.html": "Follow-ups",
    "journal/companies/o-brien-labs/index.html": "O'Brien \"Labs\"",
    f"journal/{SCREEN}/index.html": "O'Brien \"Labs\" \u2014 Data Engineer, round 1",
}


@pytest.fixture(scope="module", params=THEMES)
def out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    theme = {"name": request.param} if request.param != "material" else {"name": "material", "font": False}
    return build(project(tmp_path_factory.mktemp(f"theme-{request.param}"), config={"theme": theme}))


def test_pages_are_whole_in_every_theme(out: Path) -> None:
    assert_whole(out)


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_has_one_title_heading(out: Path, page: str) -> None:
    headings = soup(out / page).select("h1")
    assert [h1.get_text(strip=True).rstrip("¶") for h1 in headings] == [PAGES[page]]


def test_our_blocks_sit_where_our_stylesheet_reaches(out: Path) -> None:
    page = soup(out / "journal" / SCREEN / "index.html")
    assert page.select_one(":is(.md-typeset, [role='main']) ul.ij-checklist") is not None
    sheets = [link["href"] for link in page.select("link[rel=stylesheet]") if "interview-journal" in link["href"]]
    assert sheets == ["../../assets/interview-journal.css"]
