"""Our finished HTML blocks skip Python-Markdown: set aside before it runs, put back after."""

from __future__ import annotations

import markdown
from jinja2 import DictLoader, Environment

from interview_journal.pages.render import html_block, markdown_page, relative_url, restore_html, set_aside_html

from conftest import debrief, soup


def test_blocks_are_set_aside_and_restored_exactly() -> None:
    env = Environment(loader=DictLoader({"t.html": '<div class="ij-a">\n\n<p>{{ v }}</p>\n</div>'}), autoescape=True)
    block = html_block(env, "t.html", v="a *b* & c")
    page = markdown_page("T", block, "## Notes\n\nSome *notes*.")
    text, blocks = set_aside_html(page)
    assert blocks == ['<div class="ij-a">\n<p>a *b* &amp; c</p>\n</div>']
    assert "ij-a" not in text and "*notes*" in text
    html = restore_html(markdown.markdown(text.split("---\n", 2)[2]), blocks)
    assert '<div class="ij-a">\n<p>a *b* &amp; c</p>\n</div>' in html  # not turned into <em>
    assert "<em>notes</em>" in html


def test_a_block_asking_for_markdown_inside_is_left_to_markdown() -> None:
    page = markdown_page("T", '<!--ij-html-->\n<div markdown="1">\n*x*\n</div>\n<!--/ij-html-->')
    text, blocks = set_aside_html(page)
    assert blocks == [] and '<div markdown="1">' in text


def test_notes_that_look_like_markers_are_plain_notes() -> None:
    """Only whole marked blocks are set aside; a stray marker in the notes changes nothing."""
    text, blocks = set_aside_html("---\ntitle: T\n---\n\n## Notes\n\n<!--ij-html--> and *more*\n")
    assert blocks == [] and "*more*" in text


def test_relative_urls_between_site_pages() -> None:
    assert relative_url("journal/acme/a/", "journal/companies/acme/") == "../../companies/acme/"
    assert relative_url("journal/", "journal/followups/") == "followups/"
    assert relative_url("journal/followups/", "journal/") == "../"
    assert relative_url("journal/a.html", "journal/b.html") == "b.html"
    assert relative_url("", "journal/") == "journal/"
    assert relative_url("journal/", "journal/") == "./"


def test_built_debrief_keeps_its_summary_html(site) -> None:
    out = site({"acme/2026-11-20-screen.md": debrief(company="Acme", role="Dev", date="2026-11-20",
                                                     interviewers=[{"name": "Ann *Lee*"}])})
    page = soup(out / "journal" / "acme" / "2026-11-20-screen" / "index.html")
    summary = page.select_one(".ij-debrief .ij-summary")
    assert summary is not None and "Ann *Lee*" in summary.get_text()
    assert page.select_one(".ij-debrief em") is None
    assert "ij-html" not in (out / "journal" / "acme" / "2026-11-20-screen" / "index.html").read_text(encoding="utf-8")
