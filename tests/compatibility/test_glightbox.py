"""mkdocs-glightbox parses every page's HTML and writes it back (``&#39;`` becomes ``'``) after
Markdown and again in the finished page: our blocks are found by their marks alone
(``pages/blocks.py``), and the image next to a debrief opens in its lightbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import SCREEN, assert_whole, build, project, require, soup


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("mkdocs_glightbox", package="mkdocs-glightbox")
    return build(project(tmp_path_factory.mktemp("glightbox"), after=["glightbox"]))


def test_pages_are_whole_beside_glightbox(out: Path) -> None:
    assert_whole(out)


def test_names_with_quotes_keep_their_summary_and_checklist(out: Path) -> None:
    page = soup(out / "journal" / SCREEN / "index.html")
    assert "Aiko O'Neil" in page.select_one(".ij-summary").get_text()
    assert any("O'Neil" in item.get_text() for item in page.select("ul.ij-checklist > li"))


def test_the_attachment_opens_in_the_lightbox(out: Path) -> None:
    link = soup(out / "journal" / SCREEN / "index.html").select_one("a.glightbox")
    assert link is not None and link["href"] == "../whiteboard.png"
    assert (out / "journal" / "o-brien-labs" / "whiteboard.png").is_file()
