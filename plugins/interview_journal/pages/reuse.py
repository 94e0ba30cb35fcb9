"""What a build of ``mkdocs serve`` takes over from the build before (no MkDocs import here).

MkDocs builds the whole site again after every saved file. The plugin keeps one ``Reuse``
across those builds, so that our part of a build is as large as the change, not the journal:

1. ``same_companies``: a company whose files are the same entries as last time (the serve
   cache, ``load.JournalCache``, hands back the entry of an unchanged file) is last build's
   ``Company`` object again, so "unchanged" is one identity test from here on.
2. ``processes``: a company's processes and follow-ups come from its own files alone
   (``process.company_processes``); an unchanged company keeps last build's, and its
   timeline (``events``), its people (``people``), and the calendar its events (``calendar``).
3. ``pages``: each page comes with the key of what it is made of (``build.planned_pages``);
   a page whose key equals last build's is last build's page, not rendered again.
4. ``fragments``: the lists of the whole journal (the dashboard, the follow-ups page) change
   with every saved debrief, but almost all of their items do not; an item's HTML is kept
   (``Fragments``) while the item is the same object and its link and ``done`` handle are the same.

Whether MkDocs then skips those pages too is the plugin's business (``dirty.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, tzinfo
from typing import Any, Generic, TypeVar

from markupsafe import Markup

from ..calendar import EventMemo
from ..insights import ThemeMatcher
from ..journal import Company, Journal
from ..options import Due
from ..process import Process, company_processes
from ..rules import FollowUp, all_items
from ..timeline import Event, Met, company_events, company_people
from .build import PlannedPage
from .site import GeneratedPage

K = TypeVar("K")
V = TypeVar("V")


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
    people: list[Met] | None = None


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
        self.fragments = Fragments()
        self._themes: Generations[str, list[str]] = Generations()

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

    def people(self, processes: list[Process], today: date) -> list[Met]:
        """``timeline.company_people`` of one company's processes, computed once for those of the
        last ``processes`` call (the people page's rows and anchors are over the whole journal)."""
        facts = self._facts.get(processes[0].company.key)
        if facts is None or facts.today != today or len(facts.processes) != len(processes) \
                or any(a is not b for a, b in zip(facts.processes, processes, strict=True)):
            return company_people(processes, today)
        if facts.people is None:
            facts.people = company_people(processes, today)
        return facts.people

    def themes_of(self, matcher: ThemeMatcher) -> Callable[[str], list[str]]:
        """``matcher.themes_of`` that remembers the texts of the last build's remarks (the
        insights page matches every remark of the journal against every theme)."""
        kept = self._themes
        kept.start(matcher)

        def themes_of(text: str) -> list[str]:
            found = kept.get(text)
            if found is None:
                found = matcher.themes_of(text)
            kept.put(text, found)
            return found

        return themes_of

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


class Generations(Generic[K, V]):
    """Values kept from one build to the next: ``start`` each build with what every value
    depends on (when that changed, nothing is kept); ``get`` finds this build's or the last
    rendering build's value, ``put`` keeps it for the next. Only what the last build that put
    anything used is kept: the memory stays the size of one build's values."""

    def __init__(self) -> None:
        self._inputs: object = None
        self._last: dict[K, V] = {}
        self._now: dict[K, V] = {}

    def start(self, inputs: object) -> None:
        if inputs != self._inputs:
            self._last, self._now = {}, {}
        elif self._now:  # the last build put values: those are the ones to keep
            self._last, self._now = self._now, {}
        self._inputs = inputs

    def get(self, key: K) -> V | None:
        found = self._now.get(key)
        return self._last.get(key) if found is None else found

    def put(self, key: K, value: V) -> None:
        self._now[key] = value


class Fragments:
    """Pieces of a page's HTML (an item of a list) from the builds before, each kept with the
    object it shows and what else went into it.

    ``start`` begins a build with what every piece depends on (``build.site_inputs``: the
    options, today, the templates): when that changed, nothing is kept. A piece is then last
    build's when it shows the same object (by identity: an unchanged company keeps its
    follow-ups, ``Reuse.processes``) on the same page with the same ``detail`` (its link, its
    handle).
    """

    def __init__(self) -> None:
        self._kept: Generations[tuple[int, str], tuple[object, Hashable, Markup]] = Generations()
        self.made = 0
        """How many pieces the build made (the others were kept)."""

    def start(self, inputs: object) -> None:
        self.made = 0
        self._kept.start(inputs)

    def get(self, thing: object, page: str, detail: Hashable, make: Callable[[], Markup]) -> Markup:
        """The piece showing ``thing`` on ``page``: last build's, or ``make()``."""
        key = (id(thing), page)
        found = self._kept.get(key)
        if found is None or found[0] is not thing or found[1] != detail:
            found = (thing, detail, make())
            self.made += 1
        self._kept.put(key, found)
        return found[2]


def _same_files(last: Company, now: Company) -> bool:
    """The same name, slug and entries (an unchanged file's entry is the same object)."""
    return ((last.key, last.slug, last.name) == (now.key, now.slug, now.name) and last.note is now.note
            and len(last.debriefs) == len(now.debriefs)
            and all(a is b for a, b in zip(last.debriefs, now.debriefs, strict=True)))
