"""``journal/``: the dashboard: what you owe first (offers with their deadlines, the overdue and
due-today items, the counts), then open processes by stage (quiet ones with a check-in draft),
upcoming interviews with their briefings, recent activity."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date

from jinja2 import Environment

from ...dates import day_of, sort_key
from ...drafts import Briefing, Draft, Render, briefing, quiet_check_in
from ...journal import Company
from ...process import Round
from ...timeline import Event, Stage, last_contact, moment, stage
from .. import names
from ..blocks import html_block, markdown_page
from ..render import iso_day, text_renderer
from ..site import NOT_SEARCHED, GeneratedPage, Site, relative_url

UPCOMING_DAYS = 14
"""How far ahead the dashboard lists interviews."""
RECENT_EVENTS = 12
"""How many events the dashboard's recent activity lists."""
OWED = ("overdue", "today")
"""The buckets whose items the dashboard lists one by one (the others are counted)."""


@dataclass(frozen=True)
class BoardRow:
    """One open process on the dashboard."""

    company: Company
    role: str
    stage: Stage
    last: date | None
    """The last contact, not after today."""
    quiet: int
    """Days since the last contact (0 without one)."""
    check_in: Draft | None = None
    """A check-in draft, for a process quiet for longer than ``quiet_days`` (private sites only)."""


@dataclass(frozen=True)
class Upcoming:
    """An interview of the next days, with its briefing (None: a closed process has none)."""

    round: Round
    briefing: Briefing | None


def page(site: Site, env: Environment) -> GeneratedPage:
    src = site.src(names.DASHBOARD)
    offers = sorted((item for items in site.groups.values() for item in items if item.kind == "offer-reply"),
                    key=lambda item: item.due or date.max)
    owed = {name: [item for item in site.groups[name] if item.kind != "offer-reply"] for name in OWED}
    html = html_block(env, "dashboard.html", groups=site.groups, problems=site.journal.problems,
                      offers=offers, owed=owed, dues=dues(site),
                      board=board(site, text_renderer(site.template_dirs)), upcoming=upcoming(site),
                      upcoming_days=UPCOMING_DAYS, recent=recent(site, RECENT_EVENTS),
                      quiet_days=site.options.quiet_days, page=src,
                      followups_url=relative_url(site.url(src), site.url(site.src(names.FOLLOWUPS))),
                      calendar_url=relative_url(site.url(src), site.url(site.src(names.CALENDAR))))
    return GeneratedPage(src, markdown_page(site.options.title, html, meta=NOT_SEARCHED))


DUES = ("overdue", "today", "this-week", "later")
"""The buckets whose due days the dashboard's script reads (``data-ij-dues``)."""


def dues(site: Site) -> str:
    """The due day of every dated outstanding item, for the page's script: it counts them again
    on the reader's day (``assets/interview-journal.js``)."""
    return " ".join(iso_day(item.due) for name in DUES for item in site.groups[name])


def board(site: Site, texts: Render) -> list[BoardRow]:
    """The open processes, by stage (offers first); those waiting after a held round and quiet for
    longer than ``quiet_days`` with a check-in draft."""
    today, quiet_days = site.today, site.options.quiet_days
    rows = []
    for process in site.processes:
        if process.closed:
            continue
        found = [e for e in site.events[process.company.key] if e.round is None or e.round.process is process]
        last = last_contact(found, today)
        quiet = (today - last).days if last else 0
        where = stage(process, today)
        # waiting after a held round; with a round scheduled or an offer in hand there is nothing to chase
        waiting = where.kind == "held" and quiet > quiet_days and site.features.drafts
        draft = quiet_check_in(process, quiet, site.options.candidate, texts) if waiting else None
        rows.append(BoardRow(process.company, process.role, where, last, quiet, draft))
    return sorted(rows, key=lambda row: (row.stage.rank, row.company.name.casefold()))


def upcoming(site: Site) -> list[Upcoming]:
    """The scheduled interviews of the next ``UPCOMING_DAYS`` days, soonest first."""
    today = site.today
    rounds = sorted((r for r in site.rounds if r.status == "scheduled" and 0 <= (r.day - today).days <= UPCOMING_DAYS),
                    key=lambda r: sort_key(r.debrief.date, site.journal.zone))
    return [Upcoming(r, briefing(r)) for r in rounds]


def recent(site: Site, count: int) -> list[tuple[Company, Event]]:
    """The ``count`` latest events up to today, newest first, each with its company.

    The same as sorting every event of the journal and keeping the first ``count`` (equal
    moments in journal order), but each company's events are oldest first already, so only
    the end of each list is read: the events of its latest ``count`` moments.
    """
    today, zone = site.today, site.journal.zone
    candidates: list[tuple[Company, Event]] = []
    for company in site.journal.companies.values():
        latest: list[Event] = []
        for event in reversed(site.events[company.key]):
            if day_of(event.when) > today:
                continue
            if len(latest) >= count and (not latest or moment(event, zone) != moment(latest[-1], zone)):
                break
            latest.append(event)
        candidates += [(company, event) for event in reversed(latest)]
    return heapq.nlargest(count, candidates, key=lambda pair: moment(pair[1], zone))
