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
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils import clean_directory, get_build_date, write_file

from . import dirty
from .dates import resolve_today
from .idle import IdleCollection
from .load import JournalCache, collector_skips_existing_objects, load_journal
from .options import Options, parse_options, plugin_values, read_yaml_config
from .pages import names
from .pages.blocks import PageBlocks
from .pages.build import build_site, planned_pages
from .pages.plan import Plan, PlannedFile, nav_paths, plan, without_pages
from .pages.render import compiled_templates, theme_writes_title
from .pages.reuse import Reuse
from .pages.site import GeneratedPage, prepare, src_of
from .wording import count

log = get_plugin_logger(__name__)


class _DirtyWarning(logging.Filter):
    """Drops MkDocs' warning that a dirty build may get the navigation and links wrong: with
    this plugin it does not (``dirty``), and in strict mode the warning would stop every build."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_BUILD_LOGS = [logging.getLogger(f"{name}.commands.build") for name in ("mkdocs", "properdocs")]
_DIRTY_WARNING = _DirtyWarning()

ASSETS = Path(__file__).parent / "assets"


class JournalFile(File):
    """A file of ours that knows whether it changed since the last build: in a dirty build
    (``mkdocs serve --dirty``) MkDocs asks (``is_modified``) and builds only those (see ``dirty``)."""

    changed = True
    _output_seen = False

    def is_modified(self) -> bool:
        """Changed, or its output is gone. MkDocs asks twice per page and the plugin once, after
        everything that decides it (``on_nav``): the output is looked for once."""
        if not self.changed and not self._output_seen:
            self.changed = not os.path.isfile(self.abs_dest_path)
            self._output_seen = True
        return self.changed


class InterviewJournalPlugin(BasePlugin[base.LegacyConfig]):
    supports_multiple_instances = True
    """Several journals in one site: each instance its own ``journal_dir``, ``section`` and ``title``."""

    def __init__(self) -> None:
        self.raw_options: dict[str, Any] = {}
        self.options = Options()
        self.journal_dir = Path("journal")
        self.template_dirs: list[Path] = []
        self.cache: JournalCache | None = None
        """Parsed journal files, kept across ``mkdocs serve`` rebuilds: only changed files are read again."""
        self.reuse: Reuse | None = None
        """The last build's companies, facts and pages, kept across ``mkdocs serve`` rebuilds:
        only the pages whose inputs changed are rendered again."""
        self.collection = IdleCollection()
        """Under ``serve``: the cycle collector's full runs between rebuilds (``idle``)."""
        self.assets: list[str] = []
        """The stylesheet and script this instance adds: a site with several journals loads them once."""
        self.nav_named: set[str] = set()
        """The pages the ``nav:`` of mkdocs.yml names: only those of ours may stay in a navigation."""
        self.writes_title = True
        """Whether the theme writes a page's title itself (Material); else our pages get an ``<h1>``."""
        self.plan: Plan | None = None
        """This build's files, from the first ``on_files`` step to the second."""
        self.made_by: str | None = None
        """What MkDocs calls this instance in ``File.generated_by``."""
        self.started = 0.0
        self.loaded = 0.0
        self.files: dict[str, File] = {}
        """Our pages' files, from ``on_files`` until each page is written."""
        self.serving = False
        """True under ``mkdocs serve``: the journal's problems are then logged below warning level,
        so that ``strict: true`` does not stop the rebuild (the pages show them instead)."""
        self.blocks = PageBlocks()
        """Our HTML blocks of every generated page, from ``on_files`` until the page is written."""
        self.dirty = False
        """``mkdocs serve --dirty``: MkDocs builds only the files that say they changed (``dirty``)."""
        self.last: dirty.LastBuild | None = None
        """What a dirty build needs to know of the one before it; None: the next build is full."""
        self.sources: tuple[tuple[str, int, int], ...] = ()
        self.relinked = False
        """This dirty build's pages of the journal are not those of the last build (added, removed, moved)."""
        self.site_files: Files | None = None
        self.ours: dict[str, JournalFile] = {}
        """This build's files of ours (pages, calendar, attachments), by ``src_uri``."""
        self.stamps: dict[str, tuple[int, int]] = {}
        """This build's attachments: modification time (ns) and size of the journal's file."""
        self.pending: dirty.LastBuild | None = None
        """This dirty build, recorded for the next one once it is written (``on_post_build``)."""
        self.search: dirty.SearchIndex | None = None
        """The search index of the last build that wrote one: each page's entries."""
        self.search_broken = False
        """A dirty build's search index could not be made right: every build is full from then on."""

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
        self.reuse = Reuse() if command == "serve" else None
        self.dirty = command == "serve" and dirty
        self.last = None
        if self.serving:  # full runs of the cycle collector after each rebuild, not in it (``idle``)
            self.collection.start()
        if self.dirty:  # MkDocs' warning about dirty builds: this plugin makes them right (``dirty``)
            for logger in _BUILD_LOGS:
                logger.addFilter(_DIRTY_WARNING)

    def on_shutdown(self) -> None:
        """The end of ``mkdocs serve``: MkDocs may hand this instance to a later build of the same process."""
        self.serving = False
        self.cache = None
        self.reuse = None
        self.dirty = False
        self.last = None
        self.collection.stop()
        for logger in _BUILD_LOGS:
            logger.removeFilter(_DIRTY_WARNING)

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
        self.assets = []
        for name, extra in ((names.ASSET_CSS, config.extra_css), (names.ASSET_JS, config.extra_javascript)):
            if not any(str(item).endswith(name) for item in extra):  # another journal's instance added it
                extra.append(self._src(name))
                self.assets.append(self._src(name))
        self.nav_named = nav_paths(config.nav)
        self.writes_title = theme_writes_title(config.theme.name)
        docs = Path(config.docs_dir).resolve()
        if docs == self.journal_dir or docs in self.journal_dir.parents:
            log.info("journal_dir is inside docs_dir: its files are shown only through the generated pages")
        return config

    def _src(self, name: str) -> str:
        return src_of(self.options.section, name)

    @event_priority(50)  # before the plugins that look at the files (redirects, mkdocs-exclude, at 0)
    def _on_files_plan(self, files: Files, config: MkDocsConfig) -> Files:
        """Every file of ours, by name and with the journal file behind it, before other plugins look."""
        self.started = time.perf_counter()
        excluded = _take_journal_sources(files, self.journal_dir)
        if self.dirty:  # docs_dir's and the theme's files, before ours join them
            self.sources = dirty.sources_state((file.src_uri, file.abs_src_path) for file in files
                                               if file.abs_src_path and file.generated_by is None)
            self.sources += dirty.watched_state(_watched(config))
        patterns = config.exclude_docs
        section = self.options.section

        def skip(path: str) -> bool:  # exclude_docs, by the path a journal file has in the site
            return path in excluded or (patterns is not None and patterns.match_file(src_of(section, path)))

        journal = load_journal(self.journal_dir, self.options.zone, self.cache, skip)
        self.loaded = time.perf_counter()
        for problem in journal.problems:
            log.log(self._problem_level, str(problem))
        if journal.problems and config.strict and not self.serving and not log.isEnabledFor(logging.WARNING):
            # ``--quiet`` drops warnings before MkDocs counts them: strict would pass a half-read journal
            raise PluginError(f"interview-journal: {count(len(journal.problems), 'problem')} in the journal, "
                              "and warnings are silenced (--quiet): run 'interview-journal check' to see them")
        self.plan = plan(journal, self.options)
        for path in self.plan.dropped:
            log.warning(f"{journal.root / path}: not published: a generated file of the journal has its name")
        self.files.clear()
        self.blocks.clear()
        self.ours.clear()
        self.stamps.clear()
        for planned in self.plan.files.values():
            self._announce(files, config, planned)
        for uri in self.assets:
            if files.src_uris.get(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(ASSETS / Path(uri).name)))
        return files

    def _announce(self, files: Files, config: MkDocsConfig, planned: PlannedFile) -> None:
        existing = files.src_uris.get(planned.src_uri)
        if existing is not None and existing.generated_by is not None:
            raise PluginError(f"interview-journal: {planned.src_uri} is made by '{existing.generated_by}' too: "
                              "give each journal a section of its own")
        if existing is not None:
            log.warning(f"{planned.src_uri}: the journal's page replaces the file of the same name in docs_dir")
            files.remove(existing)
        if planned.is_page or planned.source is None:
            inclusion = InclusionLevel.UNDEFINED if planned.in_nav else InclusionLevel.NOT_IN_NAV
            file = cast(JournalFile, JournalFile.generated(config, planned.src_uri, content=b"", inclusion=inclusion))
            # where the page would be in docs_dir, until it is rendered (mkdocs-static-i18n keeps
            # only the pages it sees there); then the journal file behind it, if there is one
            file.abs_src_path = os.path.join(config.docs_dir, planned.src_uri)
        else:  # an attachment, copied as it is
            file = cast(JournalFile, JournalFile.generated(config, planned.src_uri, abs_src_path=str(planned.source)))
            if self.dirty:  # copied again only when the journal's file changed
                stamp = self.stamps[planned.src_uri] = _stamp(planned.source)
                file.changed = self.last is None or self.last.attachments.get(planned.src_uri) != stamp
        self.ours[planned.src_uri] = file
        self.made_by = file.generated_by
        files.append(file)

    @event_priority(-110)  # after the plugins that rebuild or read the file list last (i18n, literate-nav: -100)
    def _on_files_render(self, files: Files, config: MkDocsConfig) -> Files:
        """The pages rendered into the files that are still there, at the URLs MkDocs gives them."""
        if self.plan is None:
            return files
        rendering = time.perf_counter()
        today, source = self._today()
        view, broken = self.plan.after_other_plugins(lambda uri: files.src_uris.get(uri) is not None)
        for uri in broken:
            log.warning(f"{uri}: another plugin removed this page of the journal: its links to it are broken")
        found = {uri: file for uri in self.plan.files if (file := files.src_uris.get(uri)) is not None}
        self.relinked = self.last is not None and self.last.urls != {uri: file.url for uri, file in found.items()}
        site = prepare(view, self.options, today, pinned=source in ("env", "option"),
                       use_directory_urls=config.use_directory_urls, template_dirs=self.template_dirs,
                       urls={uri: file.url for uri, file in found.items()}, reuse=self.reuse,
                       site_url=config.site_url or "")
        made: set[str] = set()
        docs = Path(config.docs_dir)
        pages = ((page, True) for page in build_site(site)) if self.reuse is None else self.reuse.pages(
            planned_pages(site))
        try:
            with collector_skips_existing_objects():
                for page, fresh in pages:
                    made.add(page.src_uri)
                    if page.src_uri in found:  # not one another plugin removed
                        self._fill(config, docs, found[page.src_uri], page, fresh)
        except TemplateError as error:  # a user's template override: say which, no traceback
            where = f"{error.name}:{error.lineno}: " if isinstance(error, TemplateSyntaxError) else ""
            raise PluginError(f"interview-journal: template {where}{error.message or error}") from None
        for uri, planned in self.plan.files.items():
            if uri not in made and uri in found and (planned.is_page or planned.source is None):
                files.remove(found[uri])  # a company left with no file (its debriefs' pages were removed)
        config.nav = without_pages(config.nav, self._not_in_nav() - self.nav_named)
        journal, self.plan = self.plan.view, None
        pinned = "pinned" if source in ("env", "option") else "not pinned"
        log.info(("public site (public: true): " if self.options.public else "private site: ")
                 + f"{count(len(journal.debriefs), 'debrief')}, {count(len(journal.notes), 'company note')}, "
                 f"{count(len(journal.problems), 'problem')}; today is {today} ({pinned}); "
                 + (f"{len(self.cache.parsed)} of {len(self.cache)} files read" if self.cache is not None else "read")
                 + f" in {self.loaded - self.started:.2f} s, "
                 + (f"{len(self.reuse.rendered)} of {len(made)} pages" if self.reuse is not None else "pages")
                 + f" generated in {time.perf_counter() - rendering:.2f} s")
        if self.serving and journal.problems:
            log.info("the problems are listed on the journal's dashboard and their debrief pages; "
                     "mkdocs build --strict fails on them")
        return files

    on_files = CombinedEvent(_on_files_plan, _on_files_render)

    def _today(self) -> tuple[date, str]:
        try:
            return resolve_today(self.options.today, self.options.zone)
        except ValueError as error:  # INTERVIEW_JOURNAL_TODAY or SOURCE_DATE_EPOCH
            raise PluginError(f"interview-journal: {error}") from None

    def _not_in_nav(self) -> set[str]:
        return {uri for uri, planned in self.plan.files.items() if planned.is_page and not planned.in_nav} \
            if self.plan is not None else set()

    def _fill(self, config: MkDocsConfig, docs: Path, file: File, page: GeneratedPage, fresh: bool) -> None:
        """A page's content into its file; the journal file behind it becomes its source, for
        the plugins that read a page's history (git dates, rss). ``fresh``: rendered in this
        build (not taken over from the last one); a dirty build writes it again."""
        if isinstance(file, JournalFile):
            markdown = page.content.markdown if not isinstance(page.content, bytes) else ""
            file.changed = fresh or (self.relinked and dirty.may_link(markdown))
        file.content_bytes = page.content if isinstance(page.content, bytes) else self.blocks.add(page.src_uri,
                                                                                                   page.content)
        behind = page.edit_path
        file.abs_src_path = str(behind) if behind is not None else os.path.join(config.docs_dir, page.src_uri)
        file.generated_by = None if behind is not None else self.made_by  # a page of a file, as MkDocs sees one
        if behind is not None:
            file.edit_uri = _edit_uri(behind, docs)
        self.files[page.src_uri] = file

    @property
    def _problem_level(self) -> int:
        """MkDocs' strict mode stops a build on a warning: a one-off build must stop on the
        journal's problems, ``mkdocs serve`` must not (its pages would hang until they are fixed)."""
        return logging.INFO if self.serving else logging.WARNING

    def _ours(self, page: Any) -> bool:
        """A page this build generated (not a file of docs_dir that happens to share its name)."""
        return self.files.get(page.file.src_uri) is page.file

    def on_page_markdown(self, markdown: str, /, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        if self._ours(page):
            source = page.file.abs_src_path
            page.file.content_bytes = b""  # read once; MkDocs would keep every page's source to the end
            page.file.abs_src_path = source  # (which setting the content forgets)
        return markdown

    def on_page_content(self, html: str, /, *, page: Any, config: MkDocsConfig, files: Files) -> str:
        """The search texts go in (what search indexes in place of our blocks); our sections
        join the table of contents, before the notes' own headings (Markdown never saw them),
        and the anchors MkDocs checks links against; the title, for a theme that does not write it."""
        if not self._ours(page):
            return html
        html, sections, summary = self.blocks.content(page.file.src_uri, html, page.title, not self.writes_title)
        page.markdown = summary  # rendered: the HTML is what the rest of the build uses
        if sections:
            ours = [AnchorLink(title, anchor, 2) for anchor, title in sections]
            page.toc = TableOfContents(ours + list(page.toc or []))
            page.present_anchor_ids = set(page.present_anchor_ids or ()) | {anchor for anchor, _ in sections}
        return html

    @event_priority(100)  # first: plugins that rewrite the finished page (minifiers) see all of it
    def on_post_page(self, output: str, /, *, page: Any, config: MkDocsConfig) -> str:
        """Our blocks go into the finished page, and are then forgotten."""
        if not self._ours(page):
            return output
        del self.files[page.file.src_uri]
        output, missing = self.blocks.finish(page.file.src_uri, output)
        if missing:
            log.warning(f"{page.file.src_uri}: {count(len(missing), 'generated section')} could not be placed: "
                        "another plugin or the theme removed their place in the page")
        return output

    @event_priority(-100)  # last: the navigation as the other plugins left it
    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        """A dirty build (``mkdocs serve --dirty``): all pages, or only what changed (see
        ``dirty``). Nothing is written yet: the site folder is emptied now for a full build, and
        the outputs that must be made again are deleted, so that MkDocs builds those."""
        if not self.dirty:
            return nav
        inputs = dirty.Inputs(dirty.file_digest(config.config_file_path), self.sources,
                              dirty.nav_signature(nav.items), get_build_date())
        untested = dirty.unknown({type(plugin).__module__ for plugin in config.plugins.values()}, config.theme.name)
        why = ("the first build" if self.last is None else "the search index could not be kept right"
               if self.search_broken else dirty.changed_input(self.last.inputs, inputs))
        ours = {uri: file for uri, file in self.ours.items() if files.src_uris.get(uri) is file}
        outputs = {uri: file.abs_dest_path for uri, file in ours.items()}
        if untested or why:
            clean_directory(config.site_dir)
            because = f"{', '.join(untested)} (not tested with --dirty)" if untested else why
            log.info(f"dirty build of every page: {because}")
        else:
            assert self.last is not None
            dirty.remove_outputs(dirty.stale_outputs(self.last.outputs, outputs), config.site_dir)
            in_nav = {page.file.src_uri for page in nav.pages}
            for file in files.documentation_pages():
                if file.src_uri in in_nav or file.dest_uri == "index.html":  # their titles are on other pages
                    if isinstance(file, JournalFile):
                        file.changed = True
                    else:  # MkDocs builds a page of docs_dir again when its output is gone
                        dirty.remove_outputs([file.abs_dest_path], config.site_dir)
                elif self.relinked and not isinstance(file, JournalFile):  # its links may resolve otherwise now
                    dirty.remove_outputs([file.abs_dest_path], config.site_dir)
            built = sum(1 for file in ours.values() if file.is_modified())
            log.info(f"dirty build: {built} of {len(ours)} files of the journal built again")
        self.pending = dirty.LastBuild(inputs, outputs, {uri: file.url for uri, file in ours.items()},
                                       dict(self.stamps))
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """``mkdocs serve``: the theme's templates compiled once per process, not at every
        rebuild (``render.compiled_templates``; a fifth of a dirty rebuild that changed one debrief)."""
        self.site_files = files if self.dirty else None
        if self.reuse is not None and env.bytecode_cache is None:
            env.bytecode_cache = compiled_templates(env)
        return env

    @event_priority(-100)  # after the search plugin wrote its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """A dirty build's search index made right; what the next dirty build needs to know."""
        self.collection.after_build()
        if not self.dirty or self.pending is None or self.site_files is None:
            return
        self.last, self.pending = self.pending, None
        if self.assets:  # the first instance of the plugin: the site has one index
            self._search_index(config, self.site_files)

    def _search_index(self, config: MkDocsConfig, files: Files) -> None:
        """The search index as a clean build writes it (``dirty.search_index``)."""
        path = Path(config.site_dir) / "search" / "search_index.json"
        try:
            written = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            self.search = None  # no search plugin
            return
        pages = [(file.page.url, file.page.content is not None)
                 for file in files.documentation_pages(inclusion=InclusionLevel.is_in_serve) if file.page is not None]
        found = dirty.search_index(written, pages, self.search)
        if found is None:
            self.search, self.search_broken = None, True
            log.warning("the search index of this dirty build could not be made right: every build is full from "
                        "now on, and search may list pages as they were; restart mkdocs serve without --dirty")
            return
        text, self.search = found
        if text != written:
            write_file(text.encode("utf-8"), str(path))

    def on_build_error(self, *, error: Exception) -> None:
        self.last = self.pending = None  # the site folder is as the failed build left it: the next build is full
        self.collection.after_build()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        self.serving = True  # ``serve --clean`` starts as a build: its rebuilds are served all the same
        if self.journal_dir.is_dir():
            server.watch(str(self.journal_dir))
        for folder in self.template_dirs:
            if folder.is_dir():
                server.watch(str(folder))
        return server


def _stamp(path: Path) -> tuple[int, int]:
    try:
        status = path.stat()
    except OSError:
        return (-1, -1)
    return (status.st_mtime_ns, status.st_size)


def _watched(config: MkDocsConfig) -> list[str]:
    """What a page may show besides the site's files: the theme's templates of the user's
    (``custom_dir``; MkDocs lists no template among the files), ``watch:`` and the hooks."""
    found: Any = config.hooks or {}  # a mapping of name to module at run time
    hooks = [getattr(module, "__file__", None) for module in (found.values() if isinstance(found, dict) else found)]
    return [path for path in (config.theme.custom_dir, *config.watch, *hooks) if path]


@lru_cache(maxsize=1 << 16)  # resolving both paths was a fifth of a serve rebuild that changed one debrief
def _edit_uri(path: Path, docs_dir: Path) -> str:
    """The journal file relative to docs_dir, which is what ``edit_uri`` is relative to."""
    return Path(os.path.relpath(path.resolve(), docs_dir.resolve())).as_posix()


def _take_journal_sources(files: Files, journal_dir: Path) -> set[str]:
    """When the journal sits inside docs_dir, its raw files must not be published as they are:
    they leave the files. Returns those MkDocs excluded (``exclude_docs``), by their path in the journal."""
    excluded = set()
    for file in list(files):
        if file.abs_src_path and file.generated_by is None:
            try:
                rel = Path(file.abs_src_path).resolve().relative_to(journal_dir)
            except ValueError:
                continue
            if file.inclusion.is_excluded():
                excluded.add(rel.as_posix())
            files.remove(file)
    return excluded
