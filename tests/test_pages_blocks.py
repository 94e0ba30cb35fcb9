"""Our finished HTML blocks skip Python-Markdown and the search plugin: a placeholder stands in
for each until the finished page, where the block takes its place (``pages/render.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import markdown
import pytest
from jinja2 import DictLoader, Environment
from mkdocs.exceptions import Abort

from conftest import SharedJournal, build_once, debrief, soup
from interview_journal.pages.blocks import (
    Block,
    PackedBlocks,
    PageSource,
    html_block,
    markdown_page,
    with_blocks,
    with_search_texts,
)
from interview_journal.pages.site import relative_url

SHARED = SharedJournal()
"""The files of the tests that read ``out``, the one site of this module they share."""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, SHARED.files)


def blocks_of(source: PageSource) -> tuple[Block, ...]:
    return tuple(source.packed.unpack()) if source.packed is not None else ()


def test_blocks_skip_markdown_and_come_back_exactly() -> None:
    env = Environment(loader=DictLoader({"t.html": '<div class="ij-a">\n\n<p>{{ v }}</p>\n</div>'}), autoescape=True)
    block = html_block(env, "t.html", v="a *b* & c")
    source = markdown_page("T", block, "## Notes\n\nSome *notes*.")
    assert blocks_of(source) == (Block('<div class="ij-a">\n\n<p>a *b* &amp; c</p>\n</div>'),)
    assert "ij-a" not in source.markdown and "*notes*" in source.markdown
    html, missing = with_blocks(markdown.markdown(source.markdown.split("---\n", 2)[2]), blocks_of(source))
    assert missing == []
    assert '<div class="ij-a">\n\n<p>a *b* &amp; c</p>\n</div>' in html  # not turned into <em>
    assert "<em>notes</em>" in html


def test_search_sees_the_search_text_and_the_page_gets_the_block() -> None:
    source = markdown_page("T", Block("<ul><li>checklist</li></ul>", "Interviewers: Ann <Lee>."), "Notes.")
    rendered = markdown.markdown(source.markdown.split("---\n", 2)[2])
    for_search = with_search_texts(rendered, [block.search_text for block in blocks_of(source)])
    assert '<p class="ij-search-text">Interviewers: Ann &lt;Lee&gt;.</p>' in for_search
    assert "checklist" not in for_search
    finished, missing = with_blocks(for_search, blocks_of(source))
    assert missing == [] and "ij-search-text" not in finished and "<li>checklist</li>" in finished


def test_a_plugin_that_rewrites_the_html_between_the_events_keeps_our_place() -> None:
    """mkdocs-glightbox parses the page after Markdown and writes it back: ``&#39;`` as ``'``,
    ``&#34;`` as ``"``. The search text and the placeholder are found by their marks alone."""
    source = markdown_page("T", Block("<ul><li>checklist</li></ul>", "Interviewers: Aiko O'Neil, \"Lead\"."),
                           Block("<p>drafts</p>"), "Notes.")
    rendered = markdown.markdown(source.markdown.split("---\n", 2)[2])
    for_search = with_search_texts(rendered, [block.search_text for block in blocks_of(source)])
    rewritten = for_search.replace("&#39;", "'").replace("&#34;", '"').replace('class="ij-search-text"',
                                                                                'class=ij-search-text')
    finished, missing = with_blocks(rewritten, blocks_of(source))
    assert missing == []
    assert "ij-search-text" not in finished and "O'Neil" not in finished
    assert finished.index("<li>checklist</li>") < finished.index("<p>drafts</p>") < finished.index("Notes.")


def test_a_block_whose_place_is_gone_is_reported() -> None:
    source = markdown_page("T", Block("<p>one</p>"), Block("<p>two</p>"))
    html, missing = with_blocks("<p>nothing here</p>", blocks_of(source))
    assert missing == [0, 1] and html == "<p>nothing here</p>"


def test_a_block_asking_for_markdown_inside_is_left_to_markdown() -> None:
    source = markdown_page("T", Block('<div markdown="1">\n*x*\n</div>'))
    assert blocks_of(source) == () and '<div markdown="1">' in source.markdown


def test_packed_blocks_come_back_unchanged() -> None:
    blocks = [Block('<h2 id="checklist">Checklist</h2>\n<p>Zoë — 東京 ✗</p>', "Zoë", (("checklist", "Checklist"),)),
              Block("<p>b</p>"), Block("")]
    packed = PackedBlocks.pack(blocks)
    assert packed.unpack() == [block._replace(sections=()) for block in blocks]  # the sections wait apart
    assert packed.sections == (("checklist", "Checklist"),)
    assert packed.search_texts == ("Zoë", None, None)


def test_relative_urls_between_site_pages() -> None:
    assert relative_url("journal/acme/a/", "journal/companies/acme/") == "../../companies/acme/"
    assert relative_url("journal/", "journal/followups/") == "followups/"
    assert relative_url("journal/followups/", "journal/") == "../"
    assert relative_url("journal/a.html", "journal/b.html") == "b.html"
    assert relative_url("", "journal/") == "journal/"
    assert relative_url("journal/", "journal/") == "./"


SHARED.add({"acme/2026-11-20-screen.md": debrief(company="Acme", role="Dev", date="2026-11-20",
                                                 interviewers=[{"name": "Ann *Lee*"}])})


def test_built_debrief_keeps_its_summary_html(out: Path) -> None:
    path = out / "journal" / "acme" / "2026-11-20-screen" / "index.html"
    page = soup(path)
    summary = page.select_one(".ij-debrief .ij-summary")
    assert summary is not None and "Ann *Lee*" in summary.get_text()
    assert page.select_one(".ij-debrief em") is None
    text = path.read_text(encoding="utf-8")
    assert "ij-html" not in text and "ij-search-text" not in text


SHARED.add({"placeholder.md": debrief(company="Placeholder", interviewers=[{"name": "Ann Lee"}],
                                      body="<!--ij-html-0-->\n\nMy notes.\n")})


def test_notes_that_contain_a_placeholder_keep_it_and_our_block_stays_first(out: Path) -> None:
    article = soup(out / "journal" / "placeholder" / "index.html").select_one("article")
    assert len(article.select(".ij-summary")) == 1
    assert article.select_one(".ij-debrief").find_next("h2", id="notes") is not None


SHARED.add({"a.md": debrief(company="Indexed",
                            interviewers=[{"name": "Ann Lee", "title": "CTO", "email": "ann@acme.example"}],
                            questions=[{"q": "design a rate limiter"}], body="## Impressions\n\nCalm.\n")})


def test_search_indexes_the_search_text_not_the_checklist_or_drafts(out: Path) -> None:
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = [doc for doc in index["docs"] if doc["location"].startswith("journal/a/")]
    text = " ".join(doc["text"] for doc in docs)
    assert "Ann Lee, CTO" in text and "design a rate limiter" in text and "Calm." in text
    assert "ann@acme.example" not in text  # addresses are in the page, never in the index
    assert "Checklist" not in {doc["title"] for doc in docs}
    assert "Thank you for" in (out / "journal" / "a" / "index.html").read_text(encoding="utf-8")  # a draft
    assert not any("Thank you for" in doc["text"] for doc in docs)  # ... that search does not index


def test_a_plugin_that_drops_our_place_fails_a_strict_build(site, tmp_path) -> None:
    (tmp_path / "hooks.py").write_text(
        "from mkdocs.plugins import event_priority\n"
        "@event_priority(200)\n"
        "def on_post_page(output, page, config):\n"
        "    return output.replace('<!--ij-html-0-->', '')\n", encoding="utf-8")
    with pytest.raises(Abort):
        site({"a.md": debrief()}, config={"hooks": ["hooks.py"]})


@pytest.mark.parametrize("title", ["Acme — Dev, round 1", "a: b # c", "it's \"x\" \\ y", "- list", "null",
                                   "yes", "@at %p `t` {a} [b]", "Zoë 東京", "bell \x07 here"])
def test_the_header_reads_back_as_the_title(title: str) -> None:
    import yaml

    from interview_journal.pages.render import page_title

    header = markdown_page(title, "x", meta={"search": {"exclude": True}}).markdown.split("---\n")[1]
    assert yaml.safe_load(header) == {"title": page_title(title), "render_macros": False, "search": {"exclude": True}}


def test_a_streamed_page_packs_what_the_template_renders() -> None:
    from interview_journal.pages.blocks import _chunks, streamed_page

    rows = "".join(f'<h2 id="t{n}">Theme {n}</h2>\n<p>{"x" * 300} &amp; {n}</p>\n' for n in range(2000))
    env = Environment(loader=DictLoader({"big.html": "{% for n in range(2000) %}{{ toc.h2('t' ~ n, 'Theme ' ~ n) }}\n"
                                                     "<p>{{ 'x' * 300 }} {{ '&' }} {{ n }}</p>\n{% endfor %}"}),
                      autoescape=True)
    source = streamed_page("Big", env, "big.html", meta={"search": {"exclude": True}})
    assert source.packed is not None
    assert source.packed.unpack() == [Block(rows)]
    assert source.packed.sections == tuple((f"t{n}", f"Theme {n}") for n in range(2000))
    assert source.markdown.endswith("<!--ij-html-0-->\n")
    pieces = ["a\nb", "c" * 70000, "\nd\n", "e"]
    chunks = list(_chunks(pieces))
    assert "".join(chunks) == "".join(pieces) and len(chunks) > 1
    assert all(chunk.endswith("\n") for chunk in chunks[:-1])


def test_a_streamed_page_whose_override_asks_for_markdown_goes_through_markdown() -> None:
    from interview_journal.pages.blocks import streamed_page

    env = Environment(loader=DictLoader({"o.html": '<div markdown="1">\n\n*x*\n\n</div>'}), autoescape=True)
    source = streamed_page("O", env, "o.html")
    assert source.packed is None and blocks_of(source) == ()
    assert '<div markdown="1">\n*x*\n</div>' in source.markdown


def test_a_template_writes_its_sections_and_the_table_of_contents_gets_them() -> None:
    env = Environment(loader=DictLoader({"t.html": "{{ toc.h2('b-1', 'Bucket & co', count=3) }}\n"
                                                   "{{ toc.h2('t', name, data_theme=name) }}\n<h2 id='raw'>Not ours</h2>"}),
                      autoescape=True)
    block = html_block(env, "t.html", name="<SQL>")
    assert block.html.startswith('<h2 id="b-1">Bucket &amp; co <span class="ij-count__n">3</span></h2>\n'
                                 '<h2 id="t" data-theme="&lt;SQL&gt;">&lt;SQL&gt;</h2>')
    assert block.sections == (("b-1", "Bucket &amp; co 3"), ("t", "&lt;SQL&gt;"))  # a plain <h2> is not a section


def test_only_a_template_of_the_users_can_hand_a_block_to_markdown(tmp_path: Path) -> None:
    """A block of our templates stays a block whatever its text says (a note may well mention
    ``markdown="1"``); the same template as the user's override goes through Markdown."""
    from interview_journal.pages.render import environment
    from interview_journal.problems import Problem

    problems = [Problem("a.md", 1, 1, "notes", "text", ' <div markdown="1">')]
    ours = html_block(environment(), "left_out.html", problems=problems)
    assert 'markdown=&#34;1&#34;' in ours.html and not ours.user_template
    source = markdown_page("T", ours)
    assert blocks_of(source) == (ours._replace(user_template=True),) and "markdown" not in source.markdown
    (tmp_path / "left_out.html").write_text('<div markdown="1">\n\n*{{ problems | length }}*\n\n</div>')
    theirs = html_block(environment([tmp_path]), "left_out.html", problems=problems)
    assert theirs.user_template
    assert blocks_of(markdown_page("T", theirs)) == ()
