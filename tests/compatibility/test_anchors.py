"""MkDocs checks a docs page's links to the anchors of other pages (``validation: anchors``):
the sections of our pages join the page after Markdown, and their ids are added to what MkDocs
checks against (``page.present_anchor_ids``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .support import DOCS, build, project


def test_links_to_our_sections_validate(tmp_path: Path) -> None:
    build(project(tmp_path))  # DOCS links to journal/followups.md#overdue and a debrief's #checklist
    assert "followups.md#overdue" in DOCS["index.md"]


def test_a_link_to_a_section_we_do_not_have_fails_strict(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(Abort):
        build(project(tmp_path, docs={"index.md": "[nothing](journal/followups.md#no-such-bucket)\n"}))
    assert "does not contain an anchor '#no-such-bucket'" in caplog.text
