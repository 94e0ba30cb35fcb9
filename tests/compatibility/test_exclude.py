"""Leaving journal files out of a site: MkDocs' own ``exclude_docs`` matches them by the path
their page has (``journal/northwind/...``), and mkdocs-exclude removes their pages; either way
what they said is on no page (no follow-up, no company), and no link leads to them."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import DEBRIEFS, assert_whole, build, project, require

KEPT = [rel for rel in DEBRIEFS if not rel.startswith("northwind/")]

SITES = {
    "exclude_docs": {"config": {"exclude_docs": "journal/northwind/\n"}},
    "mkdocs-exclude": {"after": [{"exclude": {"glob": ["journal/northwind/*"]}}]},
}


@pytest.fixture(scope="module", params=list(SITES))
def out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if request.param == "mkdocs-exclude":
        require("mkdocs_exclude", package="mkdocs-exclude")
    return build(project(tmp_path_factory.mktemp(request.param), **SITES[request.param]))


def test_the_other_pages_are_whole(out: Path) -> None:
    assert_whole(out, debriefs=KEPT)


def test_an_excluded_folder_is_on_no_page(out: Path) -> None:
    assert not (out / "journal" / "northwind").exists()
    assert not (out / "journal" / "companies" / "northwind").exists()
    for page in (out / "journal").rglob("*.html"):
        assert "Northwind" not in page.read_text(encoding="utf-8"), page
    assert "Northwind" not in (out / "journal" / "calendar.ics").read_text(encoding="utf-8")
