"""mkdocs-static-i18n makes the file list of each language from the files it finds in docs_dir
(its ``on_files`` at -100), copying each into a new ``File``: our files wait there under the
name they would have in docs_dir, and are rendered after it (``on_files`` at -110) into the
copies, in every language's build."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import DOCS, SCREEN, assert_whole, build, project, require, soup

LANGUAGES = [{"locale": "en", "default": True, "name": "English"}, {"locale": "fr", "name": "Français"}]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("mkdocs_static_i18n", package="mkdocs-static-i18n")
    docs = {**DOCS, "index.fr.md": "# Accueil\n\nLe [journal](journal/index.md).\n"}
    return build(project(tmp_path_factory.mktemp("i18n"), after=[{"i18n": {"languages": LANGUAGES}}], docs=docs))


def test_pages_are_whole_in_the_default_language(out: Path) -> None:
    assert_whole(out)


def test_every_language_has_the_journal(out: Path) -> None:
    page = soup(out / "fr" / "journal" / SCREEN / "index.html")
    assert page.select_one("ul.ij-checklist > li") is not None
    assert page.select_one(".ij-summary a")["href"] == "../../companies/o-brien-labs/"
    assert (out / "fr" / "journal" / "followups" / "index.html").is_file()
