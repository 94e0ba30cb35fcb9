"""Images and PDFs next to a debrief are published beside its page, at the path they have in
the journal, so the notes' links and images work (and MkDocs checks them). On a public site only
those that a published file's notes link to are published."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import debrief

from .support import JOURNAL, PNG, SCREEN, assert_whole, build, project, soup

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
JOURNAL_WITH_FILES = {
    **JOURNAL,
    f"{SCREEN}.md": JOURNAL[f"{SCREEN}.md"] + "\n[The take-home](take home.pdf)\n",  # type: ignore[operator]
    "o-brien-labs/take home.pdf": PDF,
    "secret/2026-11-10-call.md": debrief(company="Secret Co", date="2026-11-10", private=True,
                                         body="![offer](offer.png)\n"),
    "secret/offer.png": PNG,
    "secret/unlinked.png": PNG,
}


@pytest.fixture(scope="module", params=["private", "public"])
def out(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    options = {"public": request.param == "public"}
    return build(project(tmp_path_factory.mktemp(f"attachments-{request.param}"), journal=JOURNAL_WITH_FILES,
                         options=options))


def test_pages_are_whole_with_attachments(out: Path) -> None:
    assert_whole(out)


def test_the_notes_show_the_image_and_link_the_pdf_beside_the_page(out: Path) -> None:
    page = soup(out / "journal" / SCREEN / "index.html")
    assert page.select_one("img[alt='The whiteboard']")["src"] == "../whiteboard.png"
    assert page.select_one("a[href$='.pdf']")["href"] == "../take%20home.pdf"
    assert (out / "journal" / "o-brien-labs" / "whiteboard.png").read_bytes() == PNG
    assert (out / "journal" / "o-brien-labs" / "take home.pdf").read_bytes() == PDF


def test_a_public_site_publishes_only_what_published_notes_link_to(out: Path) -> None:
    published = {path.name for path in (out / "journal").rglob("*.png")}
    if out.parent.name.startswith("attachments-public"):
        assert published == {"whiteboard.png"}  # the private debrief's image stays out, and the unlinked one
    else:
        assert published == {"whiteboard.png", "offer.png", "unlinked.png"}
