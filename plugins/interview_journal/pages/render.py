"""The one place where values become HTML: a Jinja environment with autoescape on.

Generated pages are Markdown files whose content is a YAML header (the page title) and raw
HTML blocks rendered here; a debrief's own notes follow as Markdown. Values never reach a page
through string concatenation.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

import yaml
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


def markdown_page(title: str, *blocks: str, meta: dict[str, object] | None = None) -> str:
    """A generated page: YAML header, then blocks separated by blank lines.

    Raw HTML blocks are squeezed so that no blank line inside them ends the HTML block.
    """
    header = yaml.safe_dump({"title": page_title(title), **(meta or {})}, allow_unicode=True, sort_keys=False)
    return "---\n" + header + "---\n\n" + "\n\n".join(block for block in blocks if block.strip()) + "\n"


def html_block(env: Environment, template: str, **context: object) -> str:
    text = env.get_template(template).render(**context)
    squeezed = "\n".join(line for line in text.splitlines() if line.strip())
    return f"{_OPEN}\n{squeezed}\n{_CLOSE}" if squeezed else ""


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




# Our HTML blocks are finished HTML: Python-Markdown would still parse every tag of them (its
# raw-HTML and md_in_html parsers were a third of a large build) only to output them unchanged.
# So ``html_block`` marks each block, and the adapter sets the marked blocks aside before
# Markdown runs and puts them back in its output (``set_aside_html``, ``restore_html``).
_OPEN, _CLOSE = "<!--ij-html-->", "<!--/ij-html-->"
_MARKED = re.compile(r"^<!--ij-html-->\n(.*?)\n<!--/ij-html-->$", re.MULTILINE | re.DOTALL)
_PLACEHOLDER = "<!--ij-html-{}-->"
_MARKDOWN_INSIDE = re.compile(r"\smarkdown\s*=", re.IGNORECASE)


def set_aside_html(markdown: str) -> tuple[str, list[str]]:
    """A generated page's Markdown with each block of ``html_block`` replaced by a placeholder
    comment, and the blocks in order. A block that asks for Markdown inside it
    (``markdown="1"``, md_in_html) is left to Markdown.
    """
    blocks: list[str] = []

    def keep(match: re.Match[str]) -> str:
        if _MARKDOWN_INSIDE.search(match.group(1)):
            return match.group(1)
        blocks.append(match.group(1))
        return _PLACEHOLDER.format(len(blocks) - 1)

    return _MARKED.sub(keep, markdown), blocks


def restore_html(html: str, blocks: list[str]) -> str:
    """Markdown's output with the placeholders of ``set_aside_html`` replaced by their blocks."""
    for index, block in enumerate(blocks):
        html = html.replace(_PLACEHOLDER.format(index), block, 1)
    return html


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


def headings(blocks: Sequence[str]) -> list[tuple[str, str]]:
    """The ``(id, title)`` of every section heading in our HTML blocks, for the table of
    contents. The title stays HTML (its values are escaped already), without inner tags."""
    return [(anchor, " ".join(_TAG.sub("", inner).split()))
            for block in blocks for anchor, inner in _HEADING.findall(block)]
