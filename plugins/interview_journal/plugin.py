"""The MkDocs (and ProperDocs) adapter: it forwards MkDocs' events to the core, nothing else.

Everything the site says is computed by the core (``options``, ``load``, ``public``, ``rules``,
``pages``). Here: the plugin's options handed to ``options.parse_options``, the generated pages
handed to MkDocs as files, our HTML blocks handed to ``pages.blocks.PageBlocks`` at the events
where it needs the page, the journal folder watched by ``mkdocs serve``, and the log.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .dates import resolve_today
from .load import JournalCache, collector_skips_existing_objects, load_journal
from .options import Options, parse_options, plugin_values, read_yaml_config
from .pages import names
from .pages.blocks import PageBlocks
from .pages.build import build_site
from .pages.site import GeneratedPage, prepare

log = get_plugin_logger(__name__)

ASSETS = Path(__file__).parent / "assets"


class InterviewJournalPlugin(BasePlugin[base.LegacyConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.raw_options: dict[str, Any] = {}
        self.options = Options()
        self.journal_dir = Path("journal")
        self.template_dirs: list[Path] = []
        self.cache: JournalCache | None = None
        """Parsed journal files, kept across ``mkdocs serve`` rebuilds: only changed files are read again."""
        self.serving = False
        """True under ``mkdocs serve``: the journal's problems are then logged below warning level,
        so that ``strict: true`` does not stop the rebuild (the pages show them instead)."""
        self.blocks = PageBlocks()
        """Our HTML blocks of every generated page, from ``on_files`` until the page is written."""

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[list, list]:
        """MkDocs hands over the options as written in ``mkdocs.yml`` (``!ENV`` read already).
        They are checked in ``on_config`` by ``options.parse_options``, the command line's check."""
        self.raw_options = dict(options)
        self.config = base.LegacyConfig((), config_file_path=config_file_path)
        self.config.load_dict(self.raw_options)  # as given, for anyone who looks
        return [], []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Defined so that MkDocs keeps this instance (and its cache) across ``mkdocs serve`` rebuilds.

        Only ``serve`` keeps a cache: a one-off build (``mkdocs build``, or ``build()`` called
        from Python, which has no startup event) frees the parsed journal once the pages exist.
        """
        self.cache = JournalCache() if command == "serve" else None
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_file = Path(config.config_file_path or "mkdocs.yml")
        options, problems = parse_options(self.raw_options)
        if problems:  # read mkdocs.yml again only now, to point at the lines
            located, _ = read_yaml_config(config_file, os.environ)
            if located is not None:
                _, prefix = plugin_values(located.values)
                options, problems = parse_options(self.raw_options, located, prefix)
            raise PluginError("interview-journal: the options in mkdocs.yml have problems:\n"
                              + "\n".join(str(problem) for problem in problems))
        root = config_file.resolve().parent
        self.options = options
        self.journal_dir = (root / options.journal_dir).resolve()
        self.template_dirs = [(root / options.templates).resolve()] if options.templates else []
        for name, extra in ((names.ASSET_CSS, config.extra_css), (names.ASSET_JS, config.extra_javascript)):
            if self._src(name) not in [str(item) for item in extra]:
                extra.append(self._src(name))
        docs = Path(config.docs_dir).resolve()
        if docs == self.journal_dir or docs in self.journal_dir.parents:
            log.info("journal_dir is inside docs_dir: its files are shown only through the generated pages")
        return config

    def _src(self, name: str) -> str:
        section = self.options.section
        return f"{section}/{name}" if section else name

    @event_priority(-50)  # after other plugins added their files, so collisions are seen
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        started = time.perf_counter()
        zone = self.options.zone
        try:
            today, source = resolve_today(self.options.today, zone)
        except ValueError as error:  # INTERVIEW_JOURNAL_TODAY or SOURCE_DATE_EPOCH
            raise PluginError(f"interview-journal: {error}") from None
        journal = load_journal(self.journal_dir, zone, self.cache)
        loaded = time.perf_counter()
        _exclude_journal_sources(files, self.journal_dir)
        for problem in journal.problems:
            log.log(self._problem_level, str(problem))
        if journal.problems and config.strict and not self.serving and not log.isEnabledFor(logging.WARNING):
            # ``--quiet`` drops warnings before MkDocs counts them: strict would pass a half-read journal
            raise PluginError(f"interview-journal: {len(journal.problems)} problem(s) in the journal, and warnings "
                              "are silenced (--quiet): run 'interview-journal check' to see them")
        self.blocks.clear()
        site = prepare(journal, self.options, today, pinned=source in ("env", "option"),
                       use_directory_urls=config.use_directory_urls, template_dirs=self.template_dirs)
        try:
            with collector_skips_existing_objects():
                for page in build_site(site):
                    self._add(files, config, page)
        except TemplateError as error:  # a user's template override: say which, no traceback
            where = f"{error.name}:{error.lineno}: " if isinstance(error, TemplateSyntaxError) else ""
            raise PluginError(f"interview-journal: template {where}{error.message or error}") from None
        for name in (names.ASSET_CSS, names.ASSET_JS):
            uri = self._src(name)
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(ASSETS / Path(name).name)))
        pinned = "pinned" if source in ("env", "option") else "not pinned"
        log.info(("public site (public: true): " if self.options.public else "private site: ")
                 + f"{len(journal.debriefs)} debriefs, {len(journal.notes)} company notes, "
                 f"{len(journal.problems)} problems; today is {today} ({pinned}); "
                 + (f"{len(self.cache.parsed)} of {len(self.cache)} files read" if self.cache is not None else "read")
                 + f" in {loaded - started:.2f} s, pages generated in {time.perf_counter() - loaded:.2f} s")
        if journal.problems and self.serving:
            log.info("the problems are listed on the journal's dashboard and their debrief pages; "
                     "mkdocs build --strict fails on them")
        return files

    @property
    def _problem_level(self) -> int:
        """MkDocs' strict mode stops a build on a warning: a one-off build must stop on the
        journal's problems, ``mkdocs serve`` must not (its pages would hang until they are fixed)."""
        return logging.INFO if self.serving else logging.WARNING

    def _add(self, files: Files, config: MkDocsConfig, page: GeneratedPage) -> None:
        existing = files.get_file_from_path(page.src_uri)
        if existing is not None and existing.generated_by is None:
            log.log(self._problem_level,
                    f"{page.src_uri}: the journal's page replaces the file of the same name in docs_dir")
            files.remove(existing)
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        content = page.content if isinstance(page.content, bytes) else self.blocks.add(page.src_uri, page.content)
        file = File.generated(config, page.src_uri, content=content, inclusion=inclusion)
        if page.edit_path is not None:
            file.edit_uri = _edit_uri(page.edit_path, Path(config.docs_dir))
        files.append(file)

    def _ours(self, page: Any) -> bool:
        """A page this build generated (not a file of docs_dir that happens to share its name)."""
        return page.file.src_uri in self.blocks and page.file.generated_by is not None

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        if self._ours(page):
            page.file.content_string = ""  # read once; MkDocs would keep every page's source to the end
        return markdown

    def on_page_content(self, html: str, /, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        """The search texts go in (what search indexes in place of our blocks); our sections
        join the table of contents, before the notes' own headings (Markdown never saw them)."""
        if not self._ours(page):
            return html
        page.markdown = ""  # rendered: the HTML is what the rest of the build uses
        html, sections = self.blocks.content(page.file.src_uri, html)
        if sections:
            ours = [AnchorLink(title, anchor, 2) for anchor, title in sections]
            page.toc = TableOfContents(ours + list(page.toc or []))
        return html

    @event_priority(100)  # first: plugins that rewrite the finished page (minifiers) see all of it
    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        """Our blocks go into the finished page, and are then forgotten."""
        if not self._ours(page):
            return output
        output, missing = self.blocks.finish(page.file.src_uri, output)
        if missing:
            log.warning(f"{page.file.src_uri}: {len(missing)} generated section(s) could not be placed: "
                        "another plugin or the theme removed their place in the page")
        return output

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        self.serving = True  # ``serve --clean`` starts as a build: its rebuilds are served all the same
        if self.journal_dir.is_dir():
            server.watch(str(self.journal_dir))
        for folder in self.template_dirs:
            if folder.is_dir():
                server.watch(str(folder))
        return server


    def on_shutdown(self) -> None:
        """The end of ``mkdocs serve``: MkDocs may hand this instance to a later build of the same process."""
        self.serving = False
        self.cache = None


def _edit_uri(path: Path, docs_dir: Path) -> str:
    """The journal file relative to docs_dir, which is what ``edit_uri`` is relative to."""
    return Path(os.path.relpath(path.resolve(), docs_dir.resolve())).as_posix()


def _exclude_journal_sources(files: Files, journal_dir: Path) -> None:
    """When the journal sits inside docs_dir, its raw files must not be published as pages."""
    for file in list(files):
        if file.abs_src_path and file.generated_by is None:
            try:
                Path(file.abs_src_path).resolve().relative_to(journal_dir)
            except ValueError:
                continue
            files.remove(file)
