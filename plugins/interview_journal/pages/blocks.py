"""The seam between our HTML and MkDocs: placeholders, packing, search texts, table of contents.

A generated page is a little Markdown (a YAML header with the title, a placeholder comment for
each of our HTML blocks, a debrief's own notes) and its blocks. The blocks are finished HTML:
Python-Markdown would parse every tag of them (its raw-HTML and md_in_html parsers were a third
of a large build) only to output them unchanged, and the search plugin would parse them again
although they repeat what the debriefs and the company notes say (a third of a large build too).
So the blocks go around Markdown, and ``PageBlocks`` is the one object that knows how:

1. ``PageBlocks.add`` (the plugin's ``on_files``): keeps a page's blocks, packed, and returns the
   Markdown MkDocs renders.
2. ``PageBlocks.content`` (``on_page_content``, after Markdown): puts each block's *search text*
   in front of its placeholder (what the search plugin indexes, and shows as the result's
   preview) and returns the page's sections for the table of contents.
3. ``PageBlocks.finish`` (``on_post_page``, the finished page): each placeholder (with its search
   text) becomes its block; the blocks are then forgotten.

Between 1 and 3 MkDocs keeps every page until the end of the build; the blocks wait compressed
(``PackedBlocks``: zlib, a debrief's 6.4 kB -> 1.9 kB), so a large journal's HTML is never all
in memory at once. The sections come from the templates themselves (``Sections.h2`` writes a
heading and records it): no regex reads our HTML back.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from jinja2 import Environment
from markupsafe import Markup, escape

from .render import page_title

Section = tuple[str, str]
"""``(id, title)`` of a heading of ours; the title is HTML (its values are escaped already)."""


class Sections:
    """The ``<h2>`` sections a template writes, in order: its part of the table of contents.

    A template writes ``{{ toc.h2("checklist", "Checklist") }}``; the view passes ``toc`` in and
    reads ``found`` when the template is rendered. ``count`` is a number after the title
    (``Overdue 3``); other keyword arguments are attributes (``data_theme="SQL"``).
    """

    def __init__(self) -> None:
        self.found: list[Section] = []

    def h2(self, anchor: str, title: str, count: int | None = None, **attributes: str) -> Markup:
        extra = "".join(f' {name.replace("_", "-")}="{escape(value)}"' for name, value in attributes.items())
        suffix = f' <span class="ij-count__n">{count}</span>' if count is not None else ""
        self.found.append((str(escape(anchor)), str(escape(title)) + (f" {count}" if count is not None else "")))
        return Markup(f'<h2 id="{escape(anchor)}"{extra}>{escape(title)}{suffix}</h2>')


class Block(NamedTuple):
    """A finished piece of HTML of ours."""

    html: str
    search_text: str | None = None
    """What the search plugin indexes in the block's place; None: the block is not searched."""
    sections: tuple[Section, ...] = ()
    user_template: bool = True
    """Whether a template of the user's may have written it: only such a block can ask for
    Markdown (``markdown="1"``); ours never do, whatever a note's text says."""


@dataclass(frozen=True)
class PackedBlocks:
    """A page's blocks, compressed while they wait for their page to be written."""

    data: bytes
    sizes: tuple[int, ...]
    search_texts: tuple[str | None, ...]
    sections: tuple[Section, ...]

    @classmethod
    def pack(cls, blocks: Sequence[Block]) -> PackedBlocks:
        encoded = [block.html.encode("utf-8") for block in blocks]
        return cls(zlib.compress(b"".join(encoded), 1), tuple(len(part) for part in encoded),
                   tuple(block.search_text for block in blocks),
                   tuple(section for block in blocks for section in block.sections))

    def unpack(self) -> list[Block]:
        data, blocks, start = zlib.decompress(self.data), [], 0
        for size, search_text in zip(self.sizes, self.search_texts, strict=True):
            blocks.append(Block(data[start:start + size].decode("utf-8"), search_text))
            start += size
        return blocks


@dataclass(frozen=True)
class PageSource:
    """A generated page: the Markdown MkDocs renders, with a placeholder for each of our blocks."""

    markdown: str
    packed: PackedBlocks | None = None
    """The page's blocks; None when it has none."""


def html_block(env: Environment, template: str, *, search_text: str | None = None, **context: object) -> Block:
    """A template's HTML as a block, with the sections it wrote (``toc``); ``search_text``: what
    search indexes in its place.

    The HTML is kept as rendered, not stripped: an aggregate page of a large journal is tens
    of megabytes, and a copy of it is a copy too many.
    """
    toc = Sections()
    html = env.get_template(template).render(toc=toc, **context)
    return Block("" if html.isspace() else html, search_text, tuple(toc.found), _user_templates(env))


def markdown_page(title: str, *parts: Block | str, meta: Mapping[str, object] | None = None) -> PageSource:
    """A generated page: YAML header, then the parts (our blocks and Markdown) separated by blank lines."""
    texts: list[str] = []
    blocks: list[Block] = []
    for part in parts:
        if isinstance(part, str):
            texts.append(part)
        elif part.user_template and _asks_for_markdown(part.html):  # squeezed: a blank line would end its HTML
            texts.append("\n".join(line for line in part.html.splitlines() if line.strip()))
        elif part.html:
            texts.append(_PLACEHOLDER.format(len(blocks)))
            blocks.append(part)
    markdown = _header(title, meta) + "\n\n".join(t for t in texts if t.strip()) + "\n"
    return PageSource(markdown, PackedBlocks.pack(blocks) if blocks else None)


def streamed_page(title: str, env: Environment, template: str, *, meta: Mapping[str, object] | None = None,
                  **context: object) -> PageSource:
    """A page that is one large block (the follow-ups, people, questions and insights pages),
    rendered piece by piece straight into its packed form.

    A large journal's list pages are tens of megabytes; rendered whole, the template's pieces
    and the joined text were the largest part of the build's peak memory.
    """
    toc = Sections()
    compressor = zlib.compressobj(1)
    data, size, markdown_inside = [], 0, False
    check = _user_templates(env)
    for chunk in _chunks(env.get_template(template).generate(toc=toc, **context)):
        markdown_inside = markdown_inside or (check and _asks_for_markdown(chunk))
        encoded = chunk.encode("utf-8")
        size += len(encoded)
        data.append(compressor.compress(encoded))
    data.append(compressor.flush())
    packed = PackedBlocks(b"".join(data), (size,), (None,), tuple(toc.found))
    if markdown_inside:  # an override with markdown="1": Markdown needs the text after all
        (block,) = packed.unpack()
        return markdown_page(title, block, meta=meta)
    return PageSource(_header(title, meta) + _PLACEHOLDER.format(0) + "\n", packed)


NO_MACROS = {"render_macros": False}
"""Every generated page's meta, unless the view says otherwise: mkdocs-macros renders a page's
Markdown as a Jinja template, and ours is a user's notes (``{% if %}`` in a note would be a
template error, and the page would lose its blocks). ``render_macros: false`` is macros' own
switch, which it honours over everything else."""


def _header(title: str, meta: Mapping[str, object] | None) -> str:
    # JSON is YAML (flow style), and json.dumps writes it twenty times faster than yaml.safe_dump
    header = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                     for key, value in {"title": page_title(title), **NO_MACROS, **(meta or {})}.items())
    return "---\n" + header + "---\n\n"


def _chunks(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """The pieces joined into chunks of about ``size`` characters, each ending at a line end."""
    buffer, length = [], 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            text = "".join(buffer)
            cut = text.rfind("\n") + 1
            if cut:
                yield text[:cut]
                text = text[cut:]
            buffer, length = [text], len(text)
    rest = "".join(buffer)
    if rest:
        yield rest


_PLACEHOLDER = "<!--ij-html-{}-->"
_SEARCH_MARK = "<!--ij-search-{}-->"
"""Where a block's search text starts: the text and its placeholder are found by these two
comments alone, so a plugin that parses and re-writes the page's HTML between the events
(mkdocs-glightbox writes ``&#39;`` back as ``'``) cannot hide our place."""
_MARKDOWN_INSIDE = re.compile(r"\smarkdown\s*=", re.IGNORECASE)


def _user_templates(env: Environment) -> bool:
    """Whether ``env`` loads templates of the user's (``render.environment``); unknown: yes."""
    return bool(getattr(env, "user_templates", True))


def _asks_for_markdown(html: str) -> bool:
    """A block of an override template with ``markdown="1"`` (md_in_html) goes through Markdown.

    The substring test comes first: the regex alone on every block was 3% of a large build.
    """
    return "markdown" in html.lower() and _MARKDOWN_INSIDE.search(html) is not None


def _search_html(text: str) -> str:
    return f'<p class="ij-search-text">{escape(text)}</p>'


def with_search_texts(html: str, search_texts: Sequence[str | None]) -> str:
    """Markdown's output with the search text of each block (in order) in front of its
    placeholder, after a comment that marks where it starts."""
    for index, text in enumerate(search_texts):
        if text is not None:
            placeholder = _PLACEHOLDER.format(index)
            html = html.replace(placeholder, _SEARCH_MARK.format(index) + _search_html(text) + placeholder, 1)
    return html


def with_blocks(html: str, blocks: Sequence[Block]) -> tuple[str, list[int]]:
    """The page with each placeholder (and the search text before it) replaced by its block, and
    the indexes of the blocks whose place was not found.

    Our blocks come before a page's notes, so the first occurrence of a placeholder is ours
    even when the notes happen to contain the same comment. The search text is whatever lies
    between its mark and the placeholder, however another plugin re-wrote it.
    """
    missing = []
    for index, block in enumerate(blocks):
        placeholder = _PLACEHOLDER.format(index)
        end = html.find(placeholder)
        if end < 0:
            missing.append(index)
            continue
        start = html.rfind(_SEARCH_MARK.format(index), 0, end) if block.search_text is not None else -1
        start = end if start < 0 else start
        html = html[:start] + block.html + html[end + len(placeholder):]
    return html, missing


class Rendered(NamedTuple):
    """A page of ours after Markdown (``PageBlocks.content``)."""

    html: str
    sections: list[Section]
    summary: str
    """What the page is about in a sentence or two (its search texts, or its title): what other
    plugins read as its Markdown from then on (mkdocs-rss-plugin's item descriptions)."""


@dataclass
class PageBlocks:
    """The blocks of every generated page of one build, from ``on_files`` until each page is written."""

    _packed: dict[str, PackedBlocks | None] = field(default_factory=dict)
    """src_uri -> its packed blocks (None: a page of ours without blocks)."""

    def clear(self) -> None:
        self._packed.clear()

    def add(self, src_uri: str, page: PageSource) -> bytes:
        """Keep the page's blocks; the Markdown MkDocs renders, as UTF-8 bytes (a str with one
        emoji in it, a task's 📅, would take four bytes per character)."""
        self._packed[src_uri] = page.packed
        return page.markdown.encode("utf-8")

    def __contains__(self, src_uri: str) -> bool:
        return src_uri in self._packed

    def content(self, src_uri: str, html: str, title: str, heading: bool = False) -> Rendered:
        """Markdown's HTML of a page with the search texts in, the page's sections (ours first),
        and its summary.

        ``heading``: the page's ``title`` (HTML) as its ``<h1>``, for a theme that does not write
        one itself (Material does; MkDocs' own ``mkdocs`` and ``readthedocs`` do not).
        """
        packed = self._packed.get(src_uri)
        if heading:
            html = f"<h1>{title}</h1>\n{html}"
        if packed is None:
            return Rendered(html, [], title)
        summary = " ".join(text for text in packed.search_texts if text) or title
        return Rendered(with_search_texts(html, packed.search_texts), list(packed.sections), summary)

    def finish(self, src_uri: str, output: str) -> tuple[str, list[int]]:
        """The finished page with our blocks in it, and the indexes of blocks whose place is gone."""
        packed = self._packed.pop(src_uri, None)
        if packed is None:
            return output, []
        return with_blocks(output, packed.unpack())
