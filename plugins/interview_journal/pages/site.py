"""The site of one build: the facts every view shares (``Site``, made by ``prepare``), and the
pages' URLs and links (no MkDocs import here)."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from urllib.parse import quote

from ..frontmatter import Person
from ..journal import Company, Journal
from ..options import Options
from ..process import Process, Round, build_processes
from ..public import Features, features, public_view
from ..rules import FollowUp, all_items, by_bucket, outstanding
from ..timeline import Event, Met, company_events, people, person_key
from . import names
from .blocks import PageSource


@dataclass
class GeneratedPage:
    src_uri: str
    content: PageSource | bytes
    """A page's Markdown and our HTML blocks; or the bytes of another file (``calendar.ics``)."""
    in_nav: bool = False
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
    features: Features = field(default_factory=Features)
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
        section = self.options.section
        return f"{section}/{name}" if section else name

    def debrief_src(self, round_: Round) -> str:
        return self.src(round_.entry.rel + ".md")

    def company_src(self, company: Company) -> str:
        return self.src(names.company(company.slug))

    def url(self, src_uri: str) -> str:
        return page_url(src_uri, self.use_directory_urls)

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
    def events(self) -> dict[str, list[Event]]:
        """Each company's timeline (company key -> events, oldest first)."""
        return {company.key: company_events(company, self.processes_of(company), self.journal.zone)
                for company in self.journal.companies.values()}

    @cached_property
    def met(self) -> list[Met]:
        """Everyone met (``timeline.people``): for the people page, and by company for the company pages."""
        return people(self.processes, self.today)

    @cached_property
    def _interviewers(self) -> dict[str, list[Met]]:
        found: dict[str, list[Met]] = {}
        for person in self.met:
            if person.role == "interviewer":  # an interviewer is met at one company: their row is its own
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


def prepare(journal: Journal, options: Options, today: date, *, pinned: bool = False,
            use_directory_urls: bool = True, template_dirs: Sequence[Path] = ()) -> Site:
    """The site's facts: on a public site, computed from the public view of the journal."""
    if options.public:
        journal = public_view(journal)
    processes = build_processes(journal, today)
    items = all_items(processes, options.due)
    return Site(journal, options, today, pinned, processes, items, use_directory_urls, template_dirs,
                features(options.public))


NOT_SEARCHED = {"search": {"exclude": True}}
"""Meta of the aggregate pages: they repeat what the debrief and company pages say, so search
leads to those instead (and a large journal's index is not several times its size)."""


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


def _relpath(path: str, start: str) -> str:
    """``posixpath.relpath`` for site-relative paths, without its two ``getcwd`` calls per link
    (a generated page has dozens of links: they were a tenth of a large build)."""
    start_parts = [part for part in posixpath.normpath(start or ".").split("/") if part not in ("", ".")]
    path_parts = [part for part in posixpath.normpath(path or ".").split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(start_parts), len(path_parts)) and start_parts[common] == path_parts[common]:
        common += 1
    return "/".join([".."] * (len(start_parts) - common) + path_parts[common:]) or "."
