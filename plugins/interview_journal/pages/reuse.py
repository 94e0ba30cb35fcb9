"""What a build of ``mkdocs serve`` takes over from the build before (no MkDocs import here).

MkDocs builds the whole site again after every saved file. The plugin keeps one ``Reuse``
across those builds, so that our part of a build is as large as the change, not the journal:

1. ``same_companies``: a company whose files are the same entries as last time (the serve
   cache, ``load.JournalCache``, hands back the entry of an unchanged file) is last build's
   ``Company`` object again, so "unchanged" is one identity test from here on.
2. ``processes``: a company's processes and follow-ups come from its own files alone
   (``process.company_processes``); an unchanged company keeps last build's, and its
   timeline (``events``), and the calendar its events (``calendar``).
3. ``pages``: each page comes with the key of what it is made of (``build.planned_pages``);
   a page whose key equals last build's is last build's page, not rendered again.

Whether MkDocs then skips those pages too is the plugin's business (``dirty.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, tzinfo
from typing import Any

from ..calendar import EventMemo
from ..journal import Company, Journal
from ..options import Due
from ..process import Process, company_processes
from ..rules import FollowUp, all_items
from ..timeline import Event, company_events
from .build import PlannedPage
from .site import GeneratedPage


@dataclass
class _Facts:
    """One company's derived facts, and what they were computed from."""

    company: Company
    today: date
    due: Due
    zone: tzinfo
    processes: list[Process]
    items: list[FollowUp]
    events: list[Event] | None = None


class Reuse:
    """Companies, derived facts and pages of the last build, for the next one."""

    def __init__(self) -> None:
        self._companies: dict[str, Company] = {}
        self._facts: dict[str, _Facts] = {}
        self._pages: dict[str, tuple[Any, GeneratedPage]] = {}
        self.calendar: EventMemo = {}
        """The calendar's events of the last build (``calendar.build_calendar``'s ``memo``)."""
        self.rendered: list[str] = []
        """The pages the last build rendered (the others were taken over)."""

    def same_companies(self, view: Journal) -> Journal:
        """``view`` with last build's ``Company`` for each company whose files did not change."""
        companies = {}
        for key, company in view.companies.items():
            last = self._companies.get(key)
            companies[key] = last if last is not None and _same_files(last, company) else company
        self._companies = companies
        return replace(view, companies=companies)

    def processes(self, view: Journal, today: date, due: Due) -> tuple[list[Process], list[FollowUp]]:
        """``process.build_processes`` and ``rules.all_items``, computed again only for the companies that changed."""
        processes: list[Process] = []
        items: list[FollowUp] = []
        kept: dict[str, _Facts] = {}
        for company in sorted(view.companies.values(), key=lambda c: c.slug):
            facts = self._facts.get(company.key)
            if facts is None or (facts.company, facts.today, facts.due, facts.zone) != (company, today, due, view.zone):
                found = company_processes(company, today, view.zone)
                facts = _Facts(company, today, due, view.zone, found, all_items(found, due))
            kept[company.key] = facts
            processes += facts.processes
            items += facts.items
        self._facts = kept
        return processes, items

    def events(self, company: Company) -> list[Event]:
        """``timeline.company_events`` of a company of the last ``processes`` call, computed once."""
        facts = self._facts[company.key]
        if facts.events is None:
            facts.events = company_events(company, facts.processes, facts.zone)
        return facts.events

    def pages(self, planned: Iterable[PlannedPage]) -> Iterator[tuple[GeneratedPage, bool]]:
        """Each page, and whether it was rendered now (True) or is last build's (False)."""
        kept: dict[str, tuple[Any, GeneratedPage]] = {}
        rendered: list[str] = []
        for page in planned:
            last = self._pages.get(page.src_uri)
            if last is not None and last[0] == page.key:
                made, fresh = last[1], False
            else:
                made, fresh = page.make(), True
                rendered.append(page.src_uri)
            kept[page.src_uri] = (page.key, made)
            yield made, fresh
        self._pages, self.rendered = kept, rendered


def _same_files(last: Company, now: Company) -> bool:
    """The same name, slug and entries (an unchanged file's entry is the same object)."""
    return ((last.key, last.slug, last.name) == (now.key, now.slug, now.name) and last.note is now.note
            and len(last.debriefs) == len(now.debriefs)
            and all(a is b for a, b in zip(last.debriefs, now.debriefs, strict=True)))
