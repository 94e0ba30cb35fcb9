"""mkdocs-redirects records the site's pages in its ``on_files``: ours are there by then (the
plugin's first ``on_files`` step, before the default priority), so a redirect to a journal page
is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import SCREEN, assert_whole, build, project, require, soup

REDIRECTS = {"old-followups.md": "journal/followups.md", "screen.md": f"journal/{SCREEN}.md#checklist"}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("mkdocs_redirects", package="mkdocs-redirects")
    return build(project(tmp_path_factory.mktemp("redirects"), before=[{"redirects": {"redirect_maps": REDIRECTS}}]))


def test_pages_are_whole_beside_redirects(out: Path) -> None:
    assert_whole(out)


def test_redirects_to_journal_pages_are_written(out: Path) -> None:
    assert soup(out / "old-followups" / "index.html").select_one("link[rel=canonical]")["href"] == "../journal/followups/"
    assert soup(out / "screen" / "index.html").select_one("link[rel=canonical]")["href"] == f"../journal/{SCREEN}/#checklist"
