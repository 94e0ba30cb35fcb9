"""Leaving journal files out of a site: MkDocs' own ``exclude_docs`` matches them by the path
their page has (``journal/northwind/...``), and mkdocs-exclude removes their pages; either way
what they said is on no page (no follow-up, no company), and no link leads to them."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from conftest import write_files

from .support import DEBRIEFS, JOURNAL, assert_whole, build, project, require

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


def test_exclude_docs_takes_a_companys_note_with_its_folder(tmp_path: Path) -> None:
    out = build(project(tmp_path, config={"exclude_docs": "journal/o-brien-labs/\n"}, docs={"index.md": "# Home\n"}))
    assert not (out / "journal" / "companies" / "o-brien-labs").exists()
    assert not (out / "journal" / "o-brien-labs").exists()  # the image too
    assert "O'Brien" not in (out / "journal" / "companies" / "index.html").read_text(encoding="utf-8")


def test_mkdocs_exclude_leaves_a_companys_note_its_page(tmp_path: Path) -> None:
    require("mkdocs_exclude", package="mkdocs-exclude")
    out = build(project(tmp_path, after=[{"exclude": {"glob": ["journal/o-brien-labs/*"]}}], docs={"index.md": "# Home\n"}))
    assert "A note about O'Brien." in (out / "journal" / "companies" / "o-brien-labs" / "index.html").read_text(
        encoding="utf-8")  # the known limit (docs/configuration.md): a note has no page to remove
    assert not (out / "journal" / "o-brien-labs").exists()


def test_a_journal_inside_docs_dir_is_excluded_by_its_path_there(tmp_path: Path) -> None:
    root = project(tmp_path, journal={}, options={"journal_dir": "docs/diary"}, docs={"index.md": "# Home\n"},
                   config={"exclude_docs": "diary/northwind/\n"})
    write_files(root / "docs" / "diary", dict(JOURNAL))
    out = build(root)
    assert (out / "journal" / "o-brien-labs" / "2026-11-18-screen" / "index.html").is_file()
    assert not (out / "journal" / "northwind").exists() and not (out / "diary").exists()


def test_a_plugin_that_removes_a_list_page_is_reported(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    require("mkdocs_exclude", package="mkdocs-exclude")
    with pytest.raises(Abort):
        build(project(tmp_path, after=[{"exclude": {"glob": ["journal/followups.md"]}}], docs={"index.md": "# Home\n"}))
    assert ("journal/followups.md: another plugin removed this page of the journal: its links to it are broken"
            in caplog.text)
