"""literate-nav makes the navigation from the folders (``* [Journal](journal/)``, wildcards):
from every page of the journal, debriefs and companies included. Those leave the navigation
again before MkDocs builds it (``pages.plan.without_pages``), unless ``nav:`` names them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import DOCS, SCREEN, assert_whole, build, project, require, soup

SUMMARIES = {
    "folder": "* [Home](index.md)\n* [Journal](journal/)\n",
    "wildcard": "* [Home](index.md)\n* *\n",
}


@pytest.fixture(scope="module", params=list(SUMMARIES))
def out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("mkdocs_literate_nav", package="mkdocs-literate-nav")
    docs = {**DOCS, "SUMMARY.md": SUMMARIES[request.param]}
    # SUMMARY.md is the navigation, not a page (its folder links are literate-nav's to read)
    config = {"validation": {"links": {"anchors": "warn"}}, "exclude_docs": "/SUMMARY.md\n"}
    return build(project(tmp_path_factory.mktemp(f"literate-nav-{request.param}"), after=["literate-nav"],
                         docs=docs, config=config))


def nav_links(page: Path) -> set[str]:
    return {a["href"] for a in soup(page).select("nav.md-nav--primary a.md-nav__link[href]")}


def test_pages_are_whole_beside_literate_nav(out: Path) -> None:
    assert_whole(out)


def test_the_navigation_lists_the_journals_pages_but_no_debrief_or_company(out: Path) -> None:
    links = nav_links(out / "index.html")
    assert {"journal/", "journal/followups/", "journal/companies/", "journal/people/"} <= links
    assert not [link for link in links if "o-brien-labs" in link or "northwind" in link]
    assert not [link for link in nav_links(out / "journal" / SCREEN / "index.html") if "2026-" in link]
