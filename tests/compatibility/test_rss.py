"""mkdocs-rss-plugin reads every page's history from git (``page.file.abs_src_path``) and its
description from ``page.markdown``: a debrief's page has its debrief's file and history; after
Markdown ``page.markdown`` is the page's summary (its search text, or its title)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .support import SCREEN, assert_whole, build, project, require


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require("mkdocs_rss_plugin", package="mkdocs-rss-plugin")
    return build(project(tmp_path_factory.mktemp("rss"), after=[{"rss": {"json_feed_enabled": True}}],
                         config={"site_url": "https://journal.example/"}, git=True))


def test_pages_are_whole_beside_rss(out: Path) -> None:
    assert_whole(out)


def test_a_debriefs_item_has_its_files_history_and_a_description(out: Path) -> None:
    feed = json.loads((out / "feed_json_created.json").read_text(encoding="utf-8"))
    items = {item["url"]: item for item in feed["items"]}
    screen = items[f"https://journal.example/journal/{SCREEN}/"]
    assert screen["date_published"].startswith("2026-01-02")  # the commit, not the build
    assert "Aiko O'Neil" in screen["content_html"] and "ij-" not in screen["content_html"]
    assert items["https://journal.example/journal/followups/"]["content_html"]
