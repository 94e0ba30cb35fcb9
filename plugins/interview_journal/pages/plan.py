"""The files of a site, known before any page is rendered (no MkDocs import here).

Other plugins look at a site's files when MkDocs hands them over (``on_files``): mkdocs-redirects
records the pages it may redirect to, mkdocs-exclude removes some, mkdocs-static-i18n makes a
file list per language, literate-nav reads the folders for its navigation. So the plugin adds
every file of ours early, by name and with the journal file behind it (``plan``), and renders
the pages only once those plugins have acted, for the files that are still there
(``Plan.after_other_plugins``): what another plugin removed is then gone from every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..journal import Journal, without
from ..options import Options
from . import names
from .site import site_view, src_of


@dataclass(frozen=True)
class PlannedFile:
    """A file the site will have: a page (``.md``), the calendar, or an attachment."""

    src_uri: str
    source: Path | None = None
    """The journal file behind it (a debrief, a company's note, an attachment): what other
    plugins see as its source (``abs_src_path``). None for the pages made of the whole journal."""
    in_nav: bool = False
    entry: str | None = None
    """The journal file (``Entry.path``) of a debrief's page: without its page, the debrief is
    left out of the site."""

    @property
    def is_page(self) -> bool:
        return self.src_uri.endswith(".md")


@dataclass
class Plan:
    """Every file of one site, and the journal as the site shows it."""

    view: Journal
    section: str
    files: dict[str, PlannedFile] = field(default_factory=dict)
    """``src_uri`` -> the file, in the order the site makes them."""
    dropped: list[str] = field(default_factory=list)
    """Attachments left out because a generated file has their name."""

    def add(self, planned: PlannedFile) -> None:
        self.files[planned.src_uri] = planned

    def after_other_plugins(self, present: Callable[[str], bool]) -> tuple[Journal, list[str]]:
        """The journal without the debriefs whose page another plugin removed (``present`` says
        which files are still there), and the other pages of ours that were removed although
        the site's pages link to them (the lists, the calendar, the page of a company that is
        still in the journal)."""
        gone = [planned for planned in self.files.values() if not present(planned.src_uri)]
        if not gone:
            return self.view, []
        view = without(self.view, {planned.entry for planned in gone if planned.entry is not None})
        companies = {src_of(self.section, names.company(company.slug)) for company in view.companies.values()}
        broken = [planned.src_uri for planned in gone
                  if planned.src_uri in companies or (planned.source is None and planned.entry is None)]
        return view, broken


def plan(journal: Journal, options: Options) -> Plan:
    """The files of the site of ``journal``: its generated pages (named as ``build.build_site``
    makes them) and the attachments the site shows."""
    view = site_view(journal, options)
    section = options.section
    found = Plan(view, section)
    found.add(PlannedFile(src_of(section, names.CALENDAR)))
    for name in (names.DASHBOARD, names.FOLLOWUPS, names.COMPANIES, names.PEOPLE, names.QUESTIONS,
                 names.INSIGHTS):
        found.add(PlannedFile(src_of(section, name), in_nav=name in names.IN_NAV))
    for company in view.companies.values():
        note = company.note.source.path if company.note is not None else None
        found.add(PlannedFile(src_of(section, names.company(company.slug)), note))
    for company in view.companies.values():
        for entry in company.debriefs:
            found.add(PlannedFile(src_of(section, entry.path), entry.source.path, entry=entry.path))
    for left in view.left_out:  # a file left out for its problems: a page saying what they are
        found.add(PlannedFile(src_of(section, left.rel + ".md"), left.path))
    for path in view.attachments:
        src = src_of(section, path)
        if src in found.files:
            found.dropped.append(path)
        else:
            found.add(PlannedFile(src, view.root / path))
    return found


def nav_paths(nav: Any) -> set[str]:
    """Every page a ``nav:`` names (MkDocs' form: a list of paths, ``{title: path}`` and
    ``{title: [...]}``)."""
    found: set[str] = set()
    for item in _items(nav):
        value = next(iter(item.values())) if isinstance(item, Mapping) and len(item) == 1 else item
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, list):
            found |= nav_paths(value)
    return found


def without_pages(nav: Any, hidden: set[str]) -> Any:
    """``nav`` without the entries of the ``hidden`` pages, and without the sections that held
    only those: a navigation made by a plugin from the folders (literate-nav's wildcards) lists
    every debrief page otherwise."""
    if not isinstance(nav, list):
        return nav
    kept: list[Any] = []
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, Mapping) and len(item) == 1 else (None, item)
        if isinstance(value, str) and value in hidden:
            continue
        if isinstance(value, list):
            inner = without_pages(value, hidden)
            if not inner:
                continue
            item = {title: inner}
        kept.append(item)
    return kept


def _items(nav: Any) -> Iterable[Any]:
    return nav if isinstance(nav, list) else []
