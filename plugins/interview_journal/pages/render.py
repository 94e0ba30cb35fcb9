"""The one place where values become HTML: a Jinja environment with autoescape on, its filters,
and the text environment of the e-mail drafts.

Values never reach a page through string concatenation: templates write them, and autoescape
escapes them (``blocks`` places the rendered HTML in the page).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
)
from markupsafe import Markup, escape

from ..dates import Moment, day_of, format_moment
from ..drafts import Render

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
    env.filters["mailto"] = mailto
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


def mailto(address: str | None) -> str:
    """The ``mailto:`` link of an address, percent-encoded (RFC 6068): an address may hold
    ``%``, ``#`` or ``/``, which a mail program would otherwise read as more than the address."""
    return safe_href("mailto:" + quote(address, safe="@")) if address else ""


def page_title(text: str) -> str:
    """A title safe in every place the theme puts it, escaped or not.

    The theme prints ``page.title`` raw in some places and through ``striptags`` (which
    unescapes entities) in ``<title>``: so angle brackets become look-alikes, and ``&`` an
    entity that unescapes to itself.
    """
    text = " ".join(text.split()).replace("<", "\u2039").replace(">", "\u203a")
    return str(escape(text))


def text_renderer(template_dirs: Sequence[Path] = ()) -> Render:
    """``render(name, context)`` over the text environment (not HTML-escaped): the drafts' wording."""
    texts = text_environment(template_dirs)

    def render(name: str, context: Mapping[str, object]) -> str:
        try:
            return texts.get_template(name).render(**context)
        except TemplateSyntaxError:
            raise  # already names the template and the line
        except TemplateError as error:  # an unknown variable in a user's override, say
            raise TemplateError(f"{name}: {error.message}") from None

    return render
