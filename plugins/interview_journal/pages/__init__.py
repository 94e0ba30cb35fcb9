"""Generated pages: Journal + settings -> Markdown documents (no MkDocs import here).

Each view is a small function; ``build_site`` yields them all so the plugin only has to turn
them into MkDocs files, and a test can call it without MkDocs.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from .. import insights as ins
from ..calendar import build_calendar
from ..dates import day_of, sort_key
from ..drafts import Candidate, Render
from ..load import Company, Journal, group_companies
from ..process import Process, Round, build_processes
from ..rules import BUCKET_TITLES, FollowUp, Offsets, all_items, bucket, by_bucket, outstanding, unique_keys
from ..slugs import slugify
from ..timeline import Event, Met, company_events, last_contact, people, stage, stage_rank
from .charts import Bar, bar_chart, column_chart
from .drafts import round_blocks, text_renderer
from .render import PageSource, environment, html_block, markdown_page, page_url, relative_url, streamed_page

ASSET_CSS = "assets/interview-journal.css"
ASSET_JS = "assets/interview-journal.js"
NOT_SEARCHED = {"search": {"exclude": True}}
"""Meta of the aggregate pages: they repeat what the debrief and company pages say, so search
leads to those instead (and a large journal's index is not several times its size)."""


@dataclass
class Settings:
    """What the views need to know besides the journal."""

    today: date
    pinned: bool = False
    section: str = "journal"
    use_directory_urls: bool = True
    offsets: Offsets = field(default_factory=Offsets)
    public: bool = False
    quiet_days: int = 14
    upcoming_days: int = 14
    recent_events: int = 12
    template_dirs: Sequence[Path] = ()
    candidate: Candidate = field(default_factory=Candidate)
    """Who signs the thank-you drafts and the skills they stress (the ``candidate`` option)."""
    themes: dict[str, tuple[str, ...]] | None = None
    """Feedback themes (name -> keywords); None: ``insights.DEFAULT_THEMES``."""


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
    settings: Settings
    processes: list[Process]
    items: list[FollowUp]
    groups: dict[str, list[FollowUp]] = field(default_factory=dict)
    """Outstanding items by bucket, soonest first."""
    _processes_by_company: dict[str, list[Process]] = field(default_factory=dict)
    _outstanding_by_company: dict[str, list[FollowUp]] = field(default_factory=dict)
    _links_page: str | None = None
    _links: dict[str, str] = field(default_factory=dict)
    """The links made so far on the page being rendered (``_links_page``), by target."""

    def __post_init__(self) -> None:
        self.groups = by_bucket(self.items, self.settings.today)
        for process in self.processes:
            self._processes_by_company.setdefault(process.company.key, []).append(process)
        for item in outstanding(self.items):
            self._outstanding_by_company.setdefault(item.round.company.key, []).append(item)

    @property
    def rounds(self) -> list[Round]:
        return [round_ for process in self.processes for round_ in process.rounds]

    def src(self, name: str) -> str:
        return f"{self.settings.section}/{name}" if self.settings.section else name

    def debrief_src(self, round_: Round) -> str:
        return self.src(round_.entry.rel + ".md")

    def url(self, src_uri: str) -> str:
        return page_url(src_uri, self.settings.use_directory_urls)

    def link(self, from_src: str, round_: Round) -> str:
        return self._link(from_src, self.debrief_src(round_))

    def company_src(self, company: Company) -> str:
        return self.src(f"companies/{company.slug}.md")

    def company_link(self, from_src: str, company: Company) -> str:
        return self._link(from_src, self.company_src(company))

    def _link(self, from_src: str, to_src: str) -> str:
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
    def met(self) -> list[Met]:
        """Everyone met (``timeline.people``): for the people page, and by company for the company pages."""
        return people(self.processes, self.settings.today)

    @cached_property
    def _interviewers(self) -> dict[str, list[Met]]:
        found: dict[str, list[Met]] = {}
        for person in self.met:
            if person.role == "interviewer":  # an interviewer is met at one company: their row is its own
                found.setdefault(person.companies[0].key, []).append(person)
        return found

    def interviewers_of(self, company: Company) -> list[Met]:
        """The interviewers met at the company, as ``people(its processes)`` lists them."""
        return self._interviewers.get(company.key, [])


def prepare(journal: Journal, settings: Settings) -> Site:
    if settings.public:
        journal = _public_view(journal)
    processes = build_processes(journal, settings.today)
    items = all_items(processes, settings.offsets)
    if settings.public:  # the answers to take back are private: the item keeps only its purpose
        items = [replace(item, title=item.title.split(" your answer:", 1)[0] + " an answer")
                 if item.kind == "take-back" else item for item in items]
    return Site(journal, settings, processes, items)


def _public_view(journal: Journal) -> Journal:
    """The journal without ``private: true`` files: they are never published."""
    view = replace(journal, debriefs=[e for e in journal.debriefs if not e.model.private],
                   notes=[e for e in journal.notes if not e.model.private], companies={})
    group_companies(view)
    return view


def build_site(journal: Journal, settings: Settings) -> Iterator[GeneratedPage]:
    """Every generated page, one at a time: a caller that stores pages compactly (the plugin
    packs their HTML) never holds the whole site's HTML at once."""
    site = prepare(journal, settings)
    env = environment(settings.template_dirs)
    # what every template may use, as globals: "macros.html" is then imported once per build, not
    # once per page (``import ... with context`` re-runs the whole module for every render)
    env.globals.update({
        "today": settings.today,
        "pinned": settings.pinned,
        "public": settings.public,
        "bucket": bucket,
        "bucket_titles": BUCKET_TITLES,
        "link": site.link,
        "company_link": site.company_link,
        "answer_titles": ins.ANSWER_TITLES,
    })
    events = {company.key: company_events(company, site.processes_of(company), journal.zone)
              for company in site.journal.companies.values()}
    if settings.public:
        events = {key: [e for e in found if not e.private] for key, found in events.items()}
    # the calendar first: its build's working memory is then free again for what follows
    yield GeneratedPage(site.src("calendar.ics"), build_calendar(site.processes, site.items, settings.today))
    yield dashboard(site, env, events)
    yield followups(site, env)
    yield companies_index(site, env, events)
    yield people_page(site, env)
    yield questions_page(site, env)
    yield insights_page(site, env)
    for company in site.journal.companies.values():
        yield company_page(site, env, company, events[company.key])
    items_by_path: dict[str, list[FollowUp]] = {}
    for item in site.items:
        items_by_path.setdefault(item.path, []).append(item)
    texts = text_renderer(settings.template_dirs)
    for round_ in site.rounds:
        yield debrief(site, env, round_, items_by_path.get(round_.entry.path, []), texts)


def debrief(site: Site, env: object, round_: Round, items: list[FollowUp],
            texts: Render | None = None) -> GeneratedPage:
    entry = round_.entry
    title = f"{round_.company.name} \u2014 {round_.process.role}, {round_.label}"
    page = site.debrief_src(round_)
    summary = html_block(env, "debrief.html", search_text=debrief_search_text(round_),  # type: ignore[arg-type]
                         round=round_, items=items, problems=entry.problems, page=page)
    body = entry.body.strip()
    notes = f"## Notes\n\n{body}" if body and not (site.settings.public and entry.model.private) else ""
    extras = round_blocks(env, texts or text_renderer(site.settings.template_dirs), round_,  # type: ignore[arg-type]
                          site.settings.candidate, site.settings.public)
    return GeneratedPage(page, markdown_page(title, summary, *extras, notes),
                         edit_path=entry.source.path)


def debrief_search_text(round_: Round) -> str:
    """What search indexes in place of a debrief's generated sections: the people, the format,
    the questions and the tags, in a few sentences (also the search result's preview). Kept
    short: the browser downloads the whole index.

    Only what a public site shows too: no address, phone number, feedback or log.
    """
    d = round_.debrief
    parts = [round_.label[:1].upper() + round_.label[1:] + (f", {d.format}." if d.format else ".")]
    if d.interviewers:
        parts.append("Interviewers: " + "; ".join(_who(p) for p in d.interviewers) + ".")
    if round_.via == "recruiter" and round_.recruiter:
        parts.append("Recruiter: " + _who(round_.recruiter) + ".")
    if round_.via == "direct" and round_.contact:
        parts.append("Contact: " + _who(round_.contact) + ".")
    for label, texts in (("Questions", [q.q for q in d.questions]), ("Tags", d.tags)):
        if texts:
            parts.append(f"{label}: " + "; ".join(texts) + ".")
    return " ".join(parts)


def company_search_text(recruiters: list, contacts: list, met: list) -> str:
    """What search indexes in place of a company page's generated sections: who you dealt with."""
    parts = []
    for label, persons in (("Recruiter", recruiters), ("Contact", contacts)):
        if persons:
            parts.append(f"{label}: " + "; ".join(_who(p) for p in persons) + ".")
    if met:
        parts.append("People met: " + "; ".join(p.name + (f", {p.title}" if p.title else "") for p in met) + ".")
    return " ".join(parts)


def _who(person: Any) -> str:
    """``Dana Ruiz, Senior Recruiter (Talent Bridge)``: a name for search, never an address."""
    agency = getattr(person, "agency", None)
    return person.name + (f", {person.title}" if person.title else "") + (f" ({agency})" if agency else "")


def followups(site: Site, env: object) -> GeneratedPage:
    src = site.src("followups.md")
    return GeneratedPage(src, streamed_page("Follow-ups", env, "followups.html", meta=NOT_SEARCHED,  # type: ignore[arg-type]
                                            groups=site.groups, total=sum(len(v) for v in site.groups.values()),
                                            page=src), in_nav=True)


def dashboard(site: Site, env: object, events: dict[str, list[Event]]) -> GeneratedPage:
    src = site.src("index.md")
    today = site.settings.today
    board: list[dict[str, Any]] = []
    for process in site.processes:
        if process.closed:
            continue
        found = [e for e in events[process.company.key] if e.round is None or e.round.process is process]
        last = last_contact(found, today)
        board.append({"company": process.company, "role": process.role, "stage": stage(process, today),
                      "last": last, "quiet": (today - last).days if last else 0})
    board.sort(key=lambda row: (stage_rank(row["stage"]), row["company"].name.casefold()))
    upcoming = sorted((r for r in site.rounds if r.status == "scheduled" and
                       0 <= (r.day - today).days <= site.settings.upcoming_days),
                      key=lambda r: sort_key(r.debrief.date, site.journal.zone))
    recent = _recent(site, events, site.settings.recent_events)
    html = html_block(env, "dashboard.html", groups=site.groups, problems=site.journal.problems,  # type: ignore[arg-type]
                      board=board, upcoming=upcoming, upcoming_days=site.settings.upcoming_days, recent=recent,
                      quiet_days=site.settings.quiet_days, page=src,
                      followups_url=relative_url(site.url(src), site.url(site.src("followups.md"))),
                      calendar_url=relative_url(site.url(src), site.src("calendar.ics")))
    return GeneratedPage(src, markdown_page("Journal", html, meta=NOT_SEARCHED), in_nav=True)


def _recent(site: Site, events: dict[str, list[Event]], count: int) -> list[tuple[Company, Event]]:
    """The ``count`` latest events up to today, newest first, each with its company.

    The same as sorting every event of the journal and keeping the first ``count`` (equal
    moments in journal order), but each company's events are oldest first already, so only
    the end of each list is read: the events of its latest ``count`` moments.
    """
    today, zone = site.settings.today, site.journal.zone
    candidates: list[tuple[Company, Event]] = []
    for company in site.journal.companies.values():
        latest: list[Event] = []
        for event in reversed(events[company.key]):
            if day_of(event.when) > today:
                continue
            if len(latest) >= count and (not latest or sort_key(event.when, zone) != sort_key(latest[-1].when, zone)):
                break
            latest.append(event)
        candidates += [(company, event) for event in reversed(latest)]
    return heapq.nlargest(count, candidates, key=lambda pair: sort_key(pair[1].when, zone))


def company_page(site: Site, env: object, company: Company,
                 events: list[Event]) -> GeneratedPage:
    src = site.company_src(company)
    processes = site.processes_of(company)
    today = site.settings.today
    rounds = [r for p in processes for r in p.rounds]
    recruiters = _distinct([r.recruiter for r in rounds if r.recruiter and r.via == "recruiter"]
                           or ([company.note.model.recruiter] if company.note and company.note.model.recruiter else []))
    contacts = _distinct([r.contact for r in rounds if r.contact and r.via == "direct"]
                         or ([company.note.model.contact] if company.note and company.note.model.contact else []))
    items = site.outstanding_of(company)
    met = site.interviewers_of(company)
    html = html_block(env, "company.html", search_text=company_search_text(recruiters, contacts, met),  # type: ignore[arg-type]
                      company=company, processes=processes,
                      stages=[stage(p, today) for p in processes], recruiters=recruiters, contacts=contacts,
                      items=items, events=events, met=met, last=last_contact(events, today), page=src)
    body = company.note.body.strip() if company.note else ""
    if body and site.settings.public and company.note and company.note.model.private:
        body = ""
    notes = f"## Notes\n\n{body}" if body else ""
    edit = company.note.source.path if company.note else None
    return GeneratedPage(src, markdown_page(company.name, html, notes), edit_path=edit)


def _distinct(persons: list) -> list:
    seen, result = set(), []
    for person in persons:
        if person.name not in seen:
            seen.add(person.name)
            result.append(person)
    return result


@dataclass
class CompanyRow:
    company: Company
    roles: list[str]
    stages: list[str]
    closed: bool
    last: date | None
    next: FollowUp | None
    rounds: int


def company_rows(site: Site, events: dict[str, list[Event]]) -> list[CompanyRow]:
    """One row per company: open ones with the nearest follow-up first, closed ones last."""
    today = site.settings.today
    rows = []
    for company in site.journal.companies.values():
        processes = site.processes_of(company)
        upcoming = sorted(site.outstanding_of(company), key=lambda item: item.optional)  # optional ones last
        closed = bool(processes) and all(p.closed for p in processes)
        if not processes and company.note is not None and company.note.model.status in (
                "accepted", "declined", "rejected", "withdrawn", "ghosted"):
            closed = True
        stages = [stage(p, today) for p in processes] or ["applied"]
        rows.append(CompanyRow(company, [p.role for p in processes], stages,
                               closed, last_contact(events[company.key], today), upcoming[0] if upcoming else None,
                               sum(len(p.rounds) for p in processes)))
    return sorted(rows, key=lambda r: (r.closed, r.next is None, r.next.due or date.max if r.next else date.max,
                                       r.company.name.casefold()))


def companies_index(site: Site, env: object, events: dict[str, list[Event]]) -> GeneratedPage:
    src = site.src("companies/index.md")
    html = html_block(env, "companies.html", rows=company_rows(site, events), page=src)  # type: ignore[arg-type]
    return GeneratedPage(src, markdown_page("Companies", html, meta=NOT_SEARCHED), in_nav=True)


def people_page(site: Site, env: object) -> GeneratedPage:
    src = site.src("people.md")
    return GeneratedPage(src, streamed_page("People", env, "people.html", meta=NOT_SEARCHED,  # type: ignore[arg-type]
                                            met=site.met, page=src), in_nav=True)


def questions_page(site: Site, env: object) -> GeneratedPage:
    """Every question asked, by theme; the poorly answered ones first, as a list to practise."""
    src = site.src("questions.md")
    bank = ins.question_bank(site.rounds)
    ids = unique_keys("theme-" + slugify(group.name) for group in bank)
    total = sum(len(group.questions) for group in bank)
    return GeneratedPage(src, streamed_page("Questions", env, "questions.html", meta=NOT_SEARCHED,  # type: ignore[arg-type]
                                            bank=list(zip(bank, ids, strict=True)), practise=ins.to_practise(bank),
                                            total=total, page=src), in_nav=True)


def insights_page(site: Site, env: object) -> GeneratedPage:
    """Feedback themes across companies and the numbers of the search, with charts."""
    src = site.src("insights.md")
    today = site.settings.today
    chosen = site.settings.themes
    matcher = ins.ThemeMatcher.of(ins.DEFAULT_THEMES if chosen is None else chosen)  # {}: no themes at all
    themes = ins.group_remarks(ins.remarks_of(site.rounds), matcher)
    numbers = {
        "steps": ins.funnel(site.processes),
        "delays": ins.feedback_delays(site.rounds, today),
        "thanks": ins.punctuality((item for item in site.items if item.kind == "thank-you"), today),
        "kinds": ins.discipline(site.items, today),
        "weeks": ins.interviews_per_week(site.rounds, today),
    }
    glance = {tone: [t for t in themes[tone].tallies if len(t.companies) > 1][:3] for tone in ins.TONES}
    held = sum(1 for r in site.rounds if r.status == "done" and r.day <= today)
    return GeneratedPage(src, streamed_page(
        "Insights", env, "insights.html", meta=NOT_SEARCHED,  # type: ignore[arg-type]
        themes=themes, glance=glance, charts=_insight_charts(numbers),
        kind_titles=ins.KIND_TITLES, sources=ins.SOURCES, percent=percent, days=days, held=held,
        recent_remarks=lambda remarks: most_recent(remarks, lambda r: r.round.day, LIST_LIMIT),
        recent_items=lambda items: most_recent(items, lambda item: item.due or date.min, LIST_LIMIT),
        list_limit=LIST_LIMIT, page=src, **numbers), in_nav=True)


LIST_LIMIT = 50
"""How many remarks per theme, and late or missed notes, the insights page lists: the counts
cover them all, and a large journal's page stays readable (and small)."""


def most_recent(things: list[Any], key: Any, limit: int) -> list[Any]:
    """The ``limit`` most recent of ``things`` (by ``key``), in their own order."""
    if len(things) <= limit:
        return things
    kept = {id(thing) for thing in heapq.nlargest(limit, things, key=key)}
    return [thing for thing in things if id(thing) in kept]


def _insight_charts(numbers: dict[str, Any]) -> dict[str, object]:
    """The insights page's charts; each title says the numbers in words for screen readers."""
    steps, delays, kinds, weeks = numbers["steps"], numbers["delays"], numbers["kinds"], numbers["weeks"]
    medians = [d for d in delays if d.median is not None]
    judged = [(ins.KIND_TITLES[kind], p) for kind, p in kinds.items() if p.counted]
    return {
        "funnel": bar_chart(
            "ij-chart-funnel", "Funnel: " + "; ".join(f"{s.label.lower()}: {s.count}" for s in steps),
            [Bar(s.label, s.count, f"{s.count} ({percent(s.share)})") for s in steps], maximum=steps[0].count),
        "delays": bar_chart(
            "ij-chart-feedback",
            "Median days from interview to feedback: " + "; ".join(f"{d.channel}: {days(d.median)}" for d in medians),
            [Bar(d.channel, d.median, days(d.median)) for d in medians if d.median is not None]) if medians else None,
        "discipline": bar_chart(
            "ij-chart-discipline",
            "Share of follow-ups done on time: " + "; ".join(f"{title}: {percent(p.share)}" for title, p in judged),
            [Bar(title, p.share or 0, f"{percent(p.share)} of {p.counted}") for title, p in judged], maximum=1),
        "weeks": column_chart(
            "ij-chart-weeks",
            "Interviews held per week: " + "; ".join(f"week of {monday.isoformat()}: {n}" for monday, n in weeks),
            [Bar(monday.isoformat(), n, str(n)) for monday, n in weeks]),
    }


def percent(share: float | None) -> str:
    """``83%``; an en dash when there is nothing to divide."""
    return "\u2013" if share is None else f"{round(share * 100)}%"


def days(value: float | None) -> str:
    """``3 days``, ``2.5 days``, ``1 day``."""
    if value is None:
        return "\u2013"
    text = f"{value:g}"
    return f"{text} day" if text == "1" else f"{text} days"
