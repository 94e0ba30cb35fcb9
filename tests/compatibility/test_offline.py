"""Material's ``offline`` plugin turns ``use_directory_urls`` off (``on_config``) so that the
site opens from disk: our links are MkDocs' own URLs of our files, taken once every plugin has
had its say (``Site.urls``), so they lead to ``.html`` files, never to a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from .support import SCREEN, assert_whole, build, project, require, soup


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("material.plugins.offline", package="mkdocs-material")
    return build(project(tmp_path_factory.mktemp("offline"), after=["offline"]))


def test_pages_are_whole_and_open_from_disk(out: Path) -> None:
    assert_whole(out, directory_urls=False, file_urls=True)


def test_links_between_our_pages_name_their_files(out: Path) -> None:
    page = soup(out / "journal" / f"{SCREEN}.html")
    assert page.select_one(".ij-summary a")["href"] == "../companies/o-brien-labs.html"
    followups = soup(out / "journal" / "followups.html")
    assert {a["href"] for a in followups.select(".ij-item a")} >= {"o-brien-labs/2026-11-18-screen.html"}
    dashboard = soup(out / "journal" / "index.html")
    assert dashboard.select_one("a[href='calendar.ics']") is not None
