"""mkdocs-git-revision-date-localized-plugin dates a page by the git history of its source file,
and the pages other plugins generate by the build: a debrief's page is its debrief's file as far
as other plugins can tell (``abs_src_path``, not ``generated_by``), so it has that file's dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import DEBRIEFS, SCREEN, assert_whole, build, commit_all, project, require, soup


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("mkdocs_git_revision_date_localized_plugin", package="mkdocs-git-revision-date-localized-plugin")
    root = project(tmp_path_factory.mktemp("git-revision-date"), git=True,
                   after=[{"git-revision-date-localized": {"enable_creation_date": True}}])
    screen = root / "journal" / f"{SCREEN}.md"
    screen.write_text(screen.read_text(encoding="utf-8") + "\nOne more thought.\n", encoding="utf-8")
    commit_all(root, "2026-02-03T10:00:00+00:00")  # only the screen changes
    return build(root)


def revision(page: Path) -> str:
    return soup(page).select_one(".git-revision-date-localized-plugin-date").get_text(strip=True)


def test_pages_are_whole_beside_git_revision_date(out: Path) -> None:
    assert_whole(out)


def test_each_debrief_page_has_its_own_files_dates(out: Path) -> None:
    assert revision(out / "journal" / SCREEN / "index.html") == "February 3, 2026"
    for rel in DEBRIEFS[1:]:
        assert revision(out / "journal" / rel / "index.html") == "January 2, 2026", rel


def test_a_company_page_has_its_notes_dates(out: Path) -> None:
    assert revision(out / "journal" / "companies" / "o-brien-labs" / "index.html") == "January 2, 2026"
