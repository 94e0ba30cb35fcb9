"""The one place where values become HTML: a Jinja environment with autoescape on.

A generated page is a little Markdown (a YAML header with the title, a placeholder for each
HTML block rendered here, a debrief's own notes) and its blocks, which join the page once MkDocs
has rendered the Markdown (see "Our HTML blocks" below). Values never reach a page through
string concatenation.
"""

from __future__ import annotations

import json
import posixpath
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from ..dates import Moment, day_of, format_moment

TEMPLATES = Path(__file__).parent / "templates"


def environment(override_dirs: Sequence[Path] = ()) -> Environment:
    """Our templates, optionally overridden file by file from the user's folders."""
    loaders = [FileSystemLoader([str(path) for path in override_dirs])] if override_dirs else []
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("interview_journal", "pages/templates")]),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
        auto_reload=False,  # one environment per build: no need to stat a template file at every page
    )
    env.filters["when"] = time_element
    env.filters["day"] = lambda value: time_element(value, weekday=False, clock=False)
    env.filters["iso"] = lambda value: day_of(value).isoformat() if value is not None else ""
    env.filters["safe_href"] = safe_href
    env.filters["pre_text"] = pre_text
    return env


def text_environment(override_dirs: Sequence[Path] = ()) -> Environment:
    """The same templates (and overrides) for plain text: e-mail drafts (``*.txt``).

    Autoescape is off on purpose: the text goes into a ``mailto:`` body and onto the
    clipboard as written. Where that text lands in a page it is an ordinary value of an HTML
    template, so ``environment()`` escapes it there. Block tags keep their newlines (no
    ``trim_blocks``), so a template reads as the text it produces.
    """
    loaders = [FileSystemLoader([str(path) for path in override_dirs])] if override_dirs else []
    return Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("interview_journal", "pages/templates")]),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def pre_text(text: str) -> Markup:
    """Escaped text for a ``<pre>`` whose line breaks survive Markdown: one physical line.

    A blank line would end the raw HTML block in Markdown, so every line break becomes
    ``&#10;`` (still a line break in the browser and on the clipboard).
    """
    return Markup("&#10;").join(escape(line) for line in text.split("\n"))


def time_element(value: Moment | None, weekday: bool = True, clock: bool = True) -> Markup:
    """``<time datetime="2026-11-20T14:00:00+01:00">Fri 2026-11-20 14:00</time>``.

    Pages print the same moments again and again (today, an interview's date on each of its
    items): each one is formatted once. Two equal aware datetimes may be in different zones,
    so the UTC offset is part of the key.
    """
    if value is None:
        return Markup("")
    offset = value.utcoffset() if isinstance(value, datetime) else None
    return _time_element(value, offset, weekday, clock)


@lru_cache(maxsize=16384)
def _time_element(value: Moment, offset: timedelta | None, weekday: bool, clock: bool) -> Markup:
    if isinstance(value, datetime) and clock:
        machine = value.isoformat()
        text = format_moment(value, weekday)
    else:
        machine = day_of(value).isoformat()
        text = format_moment(day_of(value), weekday)
    return Markup(f'<time datetime="{escape(machine)}">{escape(text)}</time>')  # Markup.format is 5x slower


def safe_href(url: str | None) -> str:
    """Only http(s) and mailto links; anything else becomes no link at all."""
    if url and re.match(r"^(https?://|mailto:)[^\s\"'<>]+$", url, re.IGNORECASE):
        return url
    return ""


def page_title(text: str) -> str:
    """A title safe in every place the theme puts it, escaped or not.

    The theme prints ``page.title`` raw in some places and through ``striptags`` (which
    unescapes entities) in ``<title>``: so angle brackets become look-alikes, and ``&`` an
    entity that unescapes to itself.
    """
    text = " ".join(text.split()).replace("<", "\u2039").replace(">", "\u203a")
    return str(escape(text))


class Block(NamedTuple):
    """A finished piece of HTML of ours (see "Our HTML blocks" below)."""

    html: str
    search_text: str | None = None
    """What the search plugin indexes in the block's place; None: the block is not searched."""


@dataclass(frozen=True)
class PageSource:
    """A generated page: the Markdown MkDocs renders, with a placeholder for each of our blocks."""

    markdown: str
    blocks: tuple[Block, ...] = ()
    packed: PackedBlocks | None = None
    """The blocks, packed already (``streamed_page``); ``blocks`` is then empty."""


def _header(title: str, meta: Mapping[str, object] | None) -> str:
    # JSON is YAML (flow style), and json.dumps writes it twenty times faster than yaml.safe_dump
    header = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                     for key, value in {"title": page_title(title), **(meta or {})}.items())
    return "---\n" + header + "---\n\n"


def markdown_page(title: str, *parts: Block | str, meta: Mapping[str, object] | None = None) -> PageSource:
    """A generated page: YAML header, then the parts (our blocks and Markdown) separated by blank lines."""
    texts: list[str] = []
    blocks: list[Block] = []
    for part in parts:
        if isinstance(part, str):
            texts.append(part)
        elif _asks_for_markdown(part.html):  # squeezed: a blank line would end its HTML in Markdown
            texts.append("\n".join(line for line in part.html.splitlines() if line.strip()))
        elif part.html:
            texts.append(_PLACEHOLDER.format(len(blocks)))
            blocks.append(part)
    return PageSource(_header(title, meta) + "\n\n".join(t for t in texts if t.strip()) + "\n", tuple(blocks))


def streamed_page(title: str, env: Environment, template: str, *, meta: Mapping[str, object] | None = None,
                  **context: object) -> PageSource:
    """A page that is one large block (the follow-ups, people, questions and insights pages),
    rendered piece by piece straight into its packed form.

    A large journal's list pages are tens of megabytes; rendered whole, the template's pieces
    and the joined text were the largest part of the build's peak memory.
    """
    compressor = zlib.compressobj(1)
    data, size, found, markdown_inside = [], 0, [], False
    for chunk in _chunks(env.get_template(template).generate(**context)):
        found += headings([chunk])
        markdown_inside = markdown_inside or _asks_for_markdown(chunk)
        encoded = chunk.encode("utf-8")
        size += len(encoded)
        data.append(compressor.compress(encoded))
    data.append(compressor.flush())
    packed = PackedBlocks(b"".join(data), (size,), (None,), tuple(found))
    if markdown_inside:  # an override with markdown="1": Markdown needs the text after all
        return markdown_page(title, packed.unpack()[0], meta=meta)
    return PageSource(_header(title, meta) + _PLACEHOLDER.format(0) + "\n", packed=packed)


def _chunks(pieces: Iterable[str], size: int = 1 << 16) -> Iterator[str]:
    """The pieces joined into chunks of about ``size`` characters, each ending at a line end,
    so that no heading (one line in our templates) is cut in two."""
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


def _asks_for_markdown(html: str) -> bool:
    """A block of an override template with ``markdown="1"`` (md_in_html) goes through Markdown.

    The substring test comes first: the regex alone on every block was 3% of a large build.
    """
    return "markdown" in html.lower() and _MARKDOWN_INSIDE.search(html) is not None


def html_block(env: Environment, template: str, *, search_text: str | None = None, **context: object) -> Block:
    """A template's HTML as a block; ``search_text``: what search indexes in its place.

    The HTML is kept as rendered, not stripped: an aggregate page of a large journal is tens
    of megabytes, and a copy of it is a copy too many.
    """
    html = env.get_template(template).render(**context)
    return Block("" if html.isspace() else html, search_text)


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a page (``journal/followups.md`` -> ``journal/followups/``)."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        return f"{folder}/" if folder else ""
    return f"{stem}/" if use_directory_urls else f"{stem}.html"


def relative_url(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both site-relative)."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    target = _relpath(to_url, base)
    if to_url.endswith("/") and not target.endswith("/"):
        target += "/"
    # a journal file may be named "what?.md", "a#b.md" or "100%.md": the link must say so
    return "./" if target in (".", "./") else quote(target, safe="/")




# Our HTML blocks are finished HTML: Python-Markdown would parse every tag of them (its raw-HTML
# and md_in_html parsers were a third of a large build) only to output them unchanged. And the
# search plugin would parse them again, although they repeat what the debriefs and the company
# notes say (a third of a large build too). So a generated page's Markdown holds a placeholder
# comment for each block, and the adapter puts the blocks in the finished page (``on_post_page``):
#   * after Markdown, the placeholder of a block with a search text gets that text in front of
#     it (``with_search_texts``): that is what the search plugin indexes and shows as the
#     result's preview (a debrief's company, role, people and questions);
#   * in the finished page, each placeholder (with its search text) becomes the block
#     (``with_blocks``).
# Between the two, MkDocs keeps a page's content until the end of the build; the blocks wait
# compressed (``PackedBlocks``), so a large journal's HTML is never all in memory at once.
_PLACEHOLDER = "<!--ij-html-{}-->"
_MARKDOWN_INSIDE = re.compile(r"\smarkdown\s*=", re.IGNORECASE)


def _search_html(text: str) -> str:
    return f'<p class="ij-search-text">{escape(text)}</p>'


def with_search_texts(html: str, search_texts: Sequence[str | None]) -> str:
    """Markdown's output with the search text of each block (in order) in front of its placeholder."""
    for index, text in enumerate(search_texts):
        if text is not None:
            placeholder = _PLACEHOLDER.format(index)
            html = html.replace(placeholder, _search_html(text) + placeholder, 1)
    return html


def with_blocks(html: str, blocks: Sequence[Block]) -> tuple[str, list[int]]:
    """The page with each placeholder (and the search text before it) replaced by its block, and
    the indexes of the blocks whose place was not found.

    Our blocks come before a page's notes, so the first occurrence of a placeholder is ours
    even when the notes happen to contain the same comment.
    """
    missing = []
    for index, block in enumerate(blocks):
        placeholder = _PLACEHOLDER.format(index)
        if block.search_text is not None:
            placeholder = _search_html(block.search_text) + placeholder
        if placeholder in html:
            html = html.replace(placeholder, block.html, 1)
        else:
            missing.append(index)
    return html, missing


@dataclass(frozen=True)
class PackedBlocks:
    """A page's blocks, compressed while they wait for their page to be written.

    A large journal has thousands of pages whose blocks wait from ``on_files`` to the page's
    turn; compressed they take a third of the memory (a debrief's 6.4 kB of HTML -> 1.9 kB).
    """

    data: bytes
    sizes: tuple[int, ...]
    search_texts: tuple[str | None, ...]
    headings: tuple[tuple[str, str], ...]
    """``(id, title)`` of every section heading in the blocks, for the table of contents."""

    @classmethod
    def pack(cls, blocks: Sequence[Block]) -> PackedBlocks:
        encoded = [block.html.encode("utf-8") for block in blocks]
        return cls(zlib.compress(b"".join(encoded), 1), tuple(len(part) for part in encoded),
                   tuple(block.search_text for block in blocks), tuple(headings(block.html for block in blocks)))

    def unpack(self) -> list[Block]:
        data, blocks, start = zlib.decompress(self.data), [], 0
        for size, search_text in zip(self.sizes, self.search_texts, strict=True):
            blocks.append(Block(data[start:start + size].decode("utf-8"), search_text))
            start += size
        return blocks


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site-relative paths, without its two ``getcwd`` calls per link
    (a generated page has dozens of links: they were a tenth of a large build)."""
    start_parts = [part for part in posixpath.normpath(start or ".").split("/") if part not in ("", ".")]
    path_parts = [part for part in posixpath.normpath(path or ".").split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(start_parts), len(path_parts)) and start_parts[common] == path_parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."


_HEADING = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def headings(blocks: Iterable[str]) -> list[tuple[str, str]]:
    """The ``(id, title)`` of every section heading in our HTML blocks, for the table of
    contents. The title stays HTML (its values are escaped already), without inner tags."""
    return [(anchor, " ".join(_TAG.sub("", inner).split()))
            for block in blocks for anchor, inner in _HEADING.findall(block)]
