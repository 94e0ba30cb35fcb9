"""The MkDocs adapter: configuration, generated files, the watched folder, logging. Nothing else.

Everything the site says is computed by the core (``load``, ``rules``, ``pages``); this module
only hands the results to MkDocs.
"""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .dates import resolve_today, zone_from_name
from .drafts import Candidate
from .insights import check_themes
from .load import JournalCache, collector_skips_existing_objects, load_journal
from .pages import ASSET_CSS, ASSET_JS, GeneratedPage, Settings, build_site
from .pages.render import PackedBlocks, PageSource, with_blocks, with_search_texts
from .rules import Offsets
from .settings import Options

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"


class DueConfig(base.Config):
    """Day offsets of the follow-up rules, counted from the interview's date."""

    recruiter_call = c.Type(int, default=Offsets.recruiter_call)
    thank_you = c.Type(int, default=Offsets.thank_you)
    feedback = c.Type(int, default=Offsets.feedback)
    check_in = c.Type(int, default=Offsets.check_in)
    prep_background = c.Type(int, default=Offsets.prep_background)
    prep_format = c.Type(int, default=Offsets.prep_format)


class CandidateConfig(base.Config):
    name = c.Optional(c.Type(str))
    top_skills = c.ListOfItems(c.Type(str), default=[])


class JournalConfig(base.Config):
    journal_dir = c.Type(str, default=Options.journal_dir)
    section = c.Type(str, default=Options.section)
    today = c.Optional(c.Type((str, date)))
    timezone = c.Optional(c.Type(str))
    public = c.Type(bool, default=False)
    quiet_days = c.Type(int, default=Options.quiet_days)
    due = c.SubConfig(DueConfig)
    candidate = c.SubConfig(CandidateConfig)
    templates = c.Optional(c.Type(str))
    themes = c.Optional(c.Type(dict))
    """Feedback themes for the insights page: theme name -> keywords; replaces the default set."""


class InterviewJournalPlugin(BasePlugin[JournalConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.journal_dir = Path("journal")
        self.settings: Settings | None = None
        self.cache: JournalCache | None = None
        """Parsed journal files, kept across ``mkdocs serve`` rebuilds: only changed files are read again."""
        self._generated: set[str] = set()
        """src_uri of the pages this build generated."""
        self._packed: dict[str, PackedBlocks] = {}
        """src_uri -> its HTML blocks, from on_files until the page is written (see ``render.with_blocks``)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this instance (and its cache) across ``mkdocs serve`` rebuilds.

        Only ``serve`` keeps a cache: a one-off build (``mkdocs build``, or ``build()`` called
        from Python, which has no startup event) frees the parsed journal once the pages exist.
        """
        self.cache = JournalCache() if command == "serve" else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").resolve().parent
        self.journal_dir = (root / self.config.journal_dir).resolve()
        section = self.config.section.strip("/")
        if ".." in section.split("/"):
            raise PluginError(f"interview-journal: section must stay inside the site, got {self.config.section!r}")
        try:
            zone = zone_from_name(self.config.timezone)
            today, source = resolve_today(self.config.today, zone)  # type: ignore[arg-type]  # str or date
            themes = check_themes(self.config.themes) if self.config.themes is not None else None
        except ValueError as error:
            raise PluginError(f"interview-journal: {error}") from None
        due = self.config.due
        template_dirs = [(root / self.config.templates).resolve()] if self.config.templates else []
        self.zone = zone
        self.settings = Settings(
            today=today,
            pinned=source in ("env", "option"),
            section=section,
            use_directory_urls=config.use_directory_urls,
            offsets=Offsets(due.recruiter_call, due.thank_you, due.feedback, due.check_in,
                            due.prep_background, due.prep_format),
            public=self.config.public,
            quiet_days=self.config.quiet_days,
            template_dirs=template_dirs,
            candidate=Candidate(self.config.candidate.name, tuple(self.config.candidate.top_skills)),
            themes=themes,
        )
        for name, extra in ((ASSET_CSS, config.extra_css), (ASSET_JS, config.extra_javascript)):
            if self._asset_uri(name) not in [str(item) for item in extra]:
                extra.append(self._asset_uri(name))
        docs = Path(config.docs_dir).resolve()
        if docs == self.journal_dir or docs in self.journal_dir.parents:
            log.info("journal_dir is inside docs_dir: its files are shown only through the generated pages")
        return config

    def _asset_uri(self, name: str) -> str:
        assert self.settings is not None
        return f"{self.settings.section}/{name}" if self.settings.section else name

    @event_priority(-50)  # after other plugins added their files, so collisions are seen
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        started = time.perf_counter()
        journal = load_journal(self.journal_dir, self.zone, self.cache)
        loaded = time.perf_counter()
        _exclude_journal_sources(files, self.journal_dir, config)
        for problem in journal.problems:
            log.warning(str(problem))
        self._generated, self._packed = set(), {}
        try:
            with collector_skips_existing_objects():
                for page in build_site(journal, self.settings):
                    self._add(files, config, page)
        except TemplateError as error:  # a user's template override: say which, no traceback
            where = f"{error.name}:{error.lineno}: " if isinstance(error, TemplateSyntaxError) else ""
            raise PluginError(f"interview-journal: template {where}{error.message or error}") from None
        for name in (ASSET_CSS, ASSET_JS):
            uri = self._asset_uri(name)
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(ASSETS / Path(name).name)))
        pinned = "pinned" if self.settings.pinned else "not pinned"
        log.info(f"{len(journal.debriefs)} debriefs, {len(journal.notes)} company notes, "
                 f"{len(journal.problems)} problems; today is {self.settings.today} ({pinned}); "
                 + (f"{len(self.cache.parsed)} of {len(self.cache)} files read" if self.cache is not None else "read")
                 + f" in {loaded - started:.2f} s, pages generated in {time.perf_counter() - loaded:.2f} s")
        return files

    def _add(self, files: Files, config: MkDocsConfig, page: GeneratedPage) -> None:
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None and existing.generated_by is None:
            log.warning(f"{page.src_uri}: the journal's page replaces the file of the same name in docs_dir")
            files.remove(existing)
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        content = page.content
        if isinstance(content, PageSource):
            packed = content.packed or (PackedBlocks.pack(content.blocks) if content.blocks else None)
            if packed is not None:
                self._packed[page.src_uri] = packed
            # as UTF-8 bytes: a str with one emoji in it (a task's 📅) takes four bytes per character
            content = content.markdown.encode("utf-8")
        file = File.generated(config, page.src_uri, content=content, inclusion=inclusion)
        if page.edit_path is not None:
            file.edit_uri = _edit_uri(page.edit_path, Path(config.docs_dir))
        files.append(file)
        self._generated.add(page.src_uri)

    def _ours(self, page: Any) -> bool:
        """A page this build generated (not a file of docs_dir that happens to share its name)."""
        return page.file.src_uri in self._generated and page.file.generated_by is not None

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        if self._ours(page):
            page.file.content_string = ""  # read once; MkDocs would keep every page's source to the end
        return markdown

    def on_page_content(self, html: str, /, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        """What search indexes in place of our blocks (see ``render.with_search_texts``)."""
        if not self._ours(page):
            return html
        page.markdown = ""  # rendered: the HTML is what the rest of the build uses
        packed = self._packed.get(page.file.src_uri)
        if packed is None:
            return html
        # Markdown never saw our sections: list them in the table of contents, before the notes
        ours = [AnchorLink(title, anchor, 2) for anchor, title in packed.headings]
        page.toc = TableOfContents(ours + list(page.toc or []))
        return with_search_texts(html, packed.search_texts)

    @event_priority(100)  # first: plugins that rewrite the finished page (minifiers) see all of it
    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        """Our blocks go into the finished page, and are then forgotten."""
        packed = self._packed.pop(page.file.src_uri, None) if self._ours(page) else None
        if packed is None:
            return output
        output, missing = with_blocks(output, packed.unpack())
        if missing:
            log.warning(f"{page.file.src_uri}: {len(missing)} generated section(s) could not be placed: "
                        "another plugin or the theme removed their place in the page")
        return output

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        if self.journal_dir.is_dir():
            server.watch(str(self.journal_dir))
        if self.settings and self.settings.template_dirs:
            for folder in self.settings.template_dirs:
                if folder.is_dir():
                    server.watch(str(folder))
        return server


def _edit_uri(path: Path, docs_dir: Path) -> str:
    """The journal file relative to docs_dir, which is what ``edit_uri`` is relative to."""
    return Path(os.path.relpath(path.resolve(), docs_dir.resolve())).as_posix()


def _exclude_journal_sources(files: Files, journal_dir: Path, config: MkDocsConfig) -> None:
    """When the journal sits inside docs_dir, its raw files must not be published as pages."""
    for file in list(files):
        if file.abs_src_path and file.generated_by is None:
            try:
                Path(file.abs_src_path).resolve().relative_to(journal_dir)
            except ValueError:
                continue
            files.remove(file)
