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
    BytecodeCache,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket
from markupsafe import Markup, escape

from ..dates import Moment, day_of, format_moment
from ..drafts import Render

TEMPLATES = Path(__file__).parent / "templates"


class _CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory, for the environments of this process that share settings.

    A build makes its environments anew (``environment``; MkDocs its theme's): their globals
    belong to that build. Compiling the templates was a third of a ``mkdocs serve`` rebuild that
    changed one debrief. Jinja keys each compiled template by its name and file and checks the
    checksum of its source, so an edited template or override is compiled again.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_COMPILED: dict[tuple[object, ...], _CompiledTemplates] = {}


def compiled_templates(env: Environment) -> BytecodeCache:
    """The compiled templates of this process's environments with ``env``'s settings: what a
    template compiles to depends on them (its syntax, whitespace, autoescape, extensions)."""
    settings = (env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
                env.comment_start_string, env.comment_end_string, env.line_statement_prefix,
                env.line_comment_prefix, env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
                env.keep_trailing_newline, env.optimized, repr(env.autoescape), repr(env.finalize),
                tuple(sorted(env.extensions)), tuple(sorted((key, repr(value)) for key, value in env.policies.items())))
    return _COMPILED.setdefault(settings, _CompiledTemplates())


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
    env.bytecode_cache = compiled_templates(env)
    env.extend(user_templates=bool(override_dirs))  # ``blocks``: only a user's template asks for Markdown
    env.filters["when"] = time_element
    env.filters["day"] = lambda value: time_element(value, weekday=False, clock=False)
    env.filters["when_zoned"] = lambda value: time_element(value, zone=True)
    env.filters["capfirst"] = lambda text: text[:1].upper() + text[1:]  # your own task reads like the others
    env.filters["dates_whole"] = dates_whole
    env.filters["iso"] = iso_day
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
    env = Environment(
        loader=ChoiceLoader([*loaders, PackageLoader("interview_journal", "pages/templates")]),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.bytecode_cache = compiled_templates(env)
    return env


def iso_day(value: Moment | None) -> str:
    """The ``iso`` filter: ``2026-11-25`` (the day of a date or a date and time), empty for None."""
    return day_of(value).isoformat() if value is not None else ""


def pre_text(text: str) -> Markup:
    """Escaped text for a ``<pre>`` whose line breaks survive Markdown: one physical line.

    A blank line would end the raw HTML block in Markdown, so every line break becomes
    ``&#10;`` (still a line break in the browser and on the clipboard).
    """
    return Markup("&#10;").join(escape(line) for line in text.split("\n"))


def time_element(value: Moment | None, weekday: bool = True, clock: bool = True, zone: bool = False) -> Markup:
    """``<time datetime="2026-11-20T14:00:00+01:00">Fri 2026-11-20 14:00</time>``; with ``zone``, a
    time says its zone too (``14:00 CET``): where a time written with another offset
    (``16:00 -05:00``) is shown in the journal's zone, the reader must see which.

    Pages print the same moments again and again (today, an interview's date on each of its
    items): each one is formatted once. Two equal aware datetimes may be in different zones,
    so the UTC offset is part of the key.
    """
    if value is None:
        return Markup("")
    offset = value.utcoffset() if isinstance(value, datetime) else None
    return _time_element(value, offset, weekday, clock, zone)


@lru_cache(maxsize=16384)
def _time_element(value: Moment, offset: timedelta | None, weekday: bool, clock: bool, zone: bool) -> Markup:
    if isinstance(value, datetime) and clock:
        machine = value.isoformat()
        text = format_moment(value, weekday) + (f" {value.tzname()}" if zone and value.tzname() else "")
    else:
        machine = day_of(value).isoformat()
        text = format_moment(day_of(value), weekday)
    return Markup(f'<time datetime="{escape(machine)}">{escape(text)}</time>')  # Markup.format is 5x slower


_DATE_IN_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2})?")


def dates_whole(value: object) -> Markup:
    """A sentence of ours (a stage: ``round 2 done 2026-11-23``) escaped, with each date kept on
    one line: a narrow table cell must not break ``2026-`` from ``11-23``."""
    text = str(escape(str(value)))
    return Markup(_DATE_IN_TEXT.sub(lambda m: f'<span class="ij-nowrap">{m.group(0)}</span>', text))


def safe_href(url: str | None) -> str:
    """Only http(s), mailto and tel links (a ``tel:`` of digits only); anything else becomes no link."""
    if url and (re.match(r"^(https?://|mailto:)[^\s\"'<>]+$", url, re.IGNORECASE) or re.match(r"^tel:\+?[0-9]+$", url)):
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


def theme_writes_title(theme: str | None) -> bool:
    """Whether a theme writes a page's title as its ``<h1>`` when the page has none: Material does;
    MkDocs' ``mkdocs`` and ``readthedocs`` themes (and most others) do not."""
    return theme == "material"
