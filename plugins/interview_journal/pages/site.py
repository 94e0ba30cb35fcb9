"""The site of one build: the facts every view shares (``Site``, made by ``prepare``), and the
pages' URLs and links (no MkDocs import here)."""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from ..edit import handles
from ..frontmatter import Person
from ..journal import Company, Entry, Journal
from ..options import Options
from ..process import Process, Round, build_processes
from ..public import Features, features, public_view
from ..rules import FollowUp, all_items, by_bucket, outstanding
from ..timeline import Event, Met, company_events, people, person_key
from . import names
from .blocks import PageSource

if TYPE_CHECKING:
    from .reuse import Reuse


@dataclass
class GeneratedPage:
    src_uri: str
    content: PageSource | bytes
    """A page's Markdown and our HTML blocks; or the bytes of another file (``calendar.ics``)."""
    edit_path: Path | None = None
    """The journal file behind the page, for the edit link."""


@dataclass
class Site:
    """The derived facts every view shares: computed once per build."""

    journal: Journal
    """The journal as this site shows it: on a public site, ``public.public_view`` of it."""
    options: Options
    today: date
    pinned: bool
    """True when today comes from the ``today`` option or the environment: pages stay as of that date."""
    processes: list[Process]
    items: list[FollowUp]
    use_directory_urls: bool = True
    template_dirs: Sequence[Path] = ()
    urls: Mapping[str, str] = field(default_factory=dict)
    """``src_uri`` -> the URL MkDocs gives that file (as ``File.url`` says it, quoted). A page
    missing here has the URL of ``page_url``."""
    features: Features = field(default_factory=Features)
    reuse: Reuse | None = None
    """What ``mkdocs serve`` keeps from its last build (a company's timeline, among others)."""
    site_url: str = ""
    """The site's ``site_url`` (MkDocs' option), or empty: the calendar's events link to their pages."""
    groups: dict[str, list[FollowUp]] = field(default_factory=dict)
    """Outstanding items by bucket, soonest first."""
    _processes_by_company: dict[str, list[Process]] = field(default_factory=dict)
    _outstanding_by_company: dict[str, list[FollowUp]] = field(default_factory=dict)
    _links_page: str | None = None
    _links: dict[str, str] = field(default_factory=dict)
    """The links made so far on the page being rendered (``_links_page``), by target."""

    def __post_init__(self) -> None:
        self.groups = by_bucket(self.items, self.today)
        for process in self.processes:
            self._processes_by_company.setdefault(process.company.key, []).append(process)
        for item in outstanding(self.items):
            self._outstanding_by_company.setdefault(item.round.company.key, []).append(item)

    @property
    def rounds(self) -> list[Round]:
        return [round_ for process in self.processes for round_ in process.rounds]

    def src(self, name: str) -> str:
        """A page's ``src_uri``: ``names.FOLLOWUPS`` -> ``journal/followups.md``."""
        return src_of(self.options.section, name)

    def debrief_src(self, round_: Round) -> str:
        return src_of(self.options.section, round_.entry.path)

    def company_src(self, company: Company) -> str:
        return src_of(self.options.section, names.company(company.slug))

    def url(self, src_uri: str) -> str:
        found = self.urls.get(src_uri)
        return unquote(found) if found is not None else page_url(src_uri, self.use_directory_urls)

    def link(self, from_src: str, round_: Round) -> str:
        return self.link_to(from_src, self.debrief_src(round_))

    def company_link(self, from_src: str, company: Company) -> str:
        return self.link_to(from_src, self.company_src(company))

    def link_to(self, from_src: str, to_src: str) -> str:
        """A link from one page to another, computed once per page and target.

        A page links to the same debrief or company many times (each item, question, remark
        or event of it); a look-up is a tenth of the cost of a link. Pages are rendered one
        after the other, so only the current page's links are kept.
        """
        if from_src != self._links_page:
            self._links_page, self._links = from_src, {}
        found = self._links.get(to_src)
        if found is None:
            found = self._links[to_src] = relative_url(self.url(from_src), self.url(to_src))
        return found

    def processes_of(self, company: Company) -> list[Process]:
        return self._processes_by_company.get(company.key, [])

    def outstanding_of(self, company: Company) -> list[FollowUp]:
        """The company's outstanding items, soonest first."""
        return self._outstanding_by_company.get(company.key, [])

    @cached_property
    def done_handles(self) -> dict[str, str]:
        """Each outstanding item's handle for ``interview-journal done`` (``edit.handles``)."""
        return handles(outstanding(self.items))

    def done_handle(self, item: FollowUp) -> str:
        return self.done_handles[item.id]

    @cached_property
    def events(self) -> dict[str, list[Event]]:
        """Each company's timeline (company key -> events, oldest first)."""
        if self.reuse is not None:
            return {company.key: self.reuse.events(company) for company in self.journal.companies.values()}
        return {company.key: company_events(company, self.processes_of(company), self.journal.zone)
                for company in self.journal.companies.values()}

    @cached_property
    def met(self) -> list[Met]:
        """Everyone met (``timeline.people``): for the people page, and by company for the company pages."""
        kept = partial(self.reuse.people, today=self.today) if self.reuse is not None else None
        return people(self.processes, self.today, kept)

    @cached_property
    def _interviewers(self) -> dict[str, list[Met]]:
        found: dict[str, list[Met]] = {}
        for person in self.met:
            if "interviewer" in person.roles:  # an interviewer is met at one company: their row is its own
                found.setdefault(person.companies[0].key, []).append(person)
        return found

    @cached_property
    def _anchors(self) -> dict[tuple[str, ...], str]:
        return {person.key: person.anchor for person in self.met}

    def person_link(self, from_src: str, role: str, company: Company, person: Person) -> str | None:
        """A link to the person's row on the people page (``role``: interviewer, recruiter or
        contact), or None when they have none."""
        anchor = self._anchors.get(person_key(role, company, person.name))
        return None if anchor is None else self.link_to(from_src, self.src(names.PEOPLE)) + "#" + anchor

    def interviewers_of(self, company: Company) -> list[Met]:
        """The interviewers met at the company, as ``people(its processes)`` lists them."""
        return self._interviewers.get(company.key, [])


def site_view(journal: Journal, options: Options) -> Journal:
    """The journal as the site shows it: on a public site, its public view (``public.public_view``)."""
    return public_view(journal) if options.public else journal


def prepare(view: Journal, options: Options, today: date, *, pinned: bool = False,
            use_directory_urls: bool = True, template_dirs: Sequence[Path] = (),
            urls: Mapping[str, str] | None = None, reuse: Reuse | None = None, site_url: str = "") -> Site:
    """The site's facts, computed from ``view``: the journal as the site shows it (``site_view``).
    With ``reuse`` (``mkdocs serve``), only the changed companies' facts are computed again."""
    if reuse is not None:
        view = reuse.same_companies(view)
        processes, items = reuse.processes(view, today, options.due)
    else:
        processes = build_processes(view, today)
        items = all_items(processes, options.due)
    return Site(view, options, today, pinned, processes, items, use_directory_urls, template_dirs,
                urls or {}, features(options.public), reuse, site_url)


def src_of(section: str, name: str) -> str:
    """The ``src_uri`` of a file of the site: ``name`` (a page's name, a journal file's path)
    under the ``section`` folder."""
    return f"{section}/{name}" if section else name


NOT_SEARCHED: dict[str, object] = {"search": {"exclude": True}}
"""Meta of the aggregate pages: they repeat what the debrief and company pages say, so search
leads to those instead (and a large journal's index is not several times its size)."""
WIDE_TABLE: dict[str, object] = {**NOT_SEARCHED, "hide": ["toc"]}
"""Meta of the pages that are one wide table (companies, people): Material's table of contents
column would take a third of the screen for nothing (``hide: [toc]``; other themes ignore it)."""


def own_meta(entry: Entry[Any] | None) -> dict[str, object]:
    """Meta of a debrief's or company's page that its file asks for: ``render_macros: true`` in
    its front matter lets mkdocs-macros render its notes (``blocks.NO_MACROS`` otherwise).

    On a public site the fields of the user's own are gone (``public.public_view``), so macros
    never run on a public site's notes.
    """
    extra = entry.model.model_extra if entry is not None else None
    return {"render_macros": True} if extra and extra.get("render_macros") is True else {}


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives a file (``journal/followups.md`` -> ``journal/followups/``; a file
    that is not a page keeps its path). The build uses MkDocs' own (``Site.urls``); this is
    for a site made without MkDocs."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        if not use_directory_urls:
            return f"{folder}/index.html" if folder else "index.html"
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


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site-relative paths, without its two ``getcwd`` calls per link
    (a generated page has dozens of links: they were a tenth of a large build)."""
    start_parts = [part for part in posixpath.normpath(start or ".").split("/") if part not in ("", ".")]
    path_parts = [part for part in posixpath.normpath(path or ".").split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(start_parts), len(path_parts)) and start_parts[common] == path_parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."
