"""``journal/``: the dashboard: counts, open processes by stage, upcoming interviews, recent activity."""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from datetime import date

from jinja2 import Environment

from ...dates import day_of, sort_key
from ...journal import Company
from ...timeline import Event, Stage, last_contact, stage
from .. import names
from ..blocks import html_block, markdown_page
from ..site import NOT_SEARCHED, GeneratedPage, Site, relative_url

UPCOMING_DAYS = 14
"""How far ahead the dashboard lists interviews."""
RECENT_EVENTS = 12
"""How many events the dashboard's recent activity lists."""


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


def page(site: Site, env: Environment) -> GeneratedPage:
    src = site.src(names.DASHBOARD)
    today = site.today
    board = []
    for process in site.processes:
        if process.closed:
            continue
        found = [e for e in site.events[process.company.key] if e.round is None or e.round.process is process]
        last = last_contact(found, today)
        board.append(BoardRow(process.company, process.role, stage(process, today), last,
                              (today - last).days if last else 0))
    board.sort(key=lambda row: (row.stage.rank, row.company.name.casefold()))
    upcoming = sorted((r for r in site.rounds if r.status == "scheduled" and
                       0 <= (r.day - today).days <= UPCOMING_DAYS),
                      key=lambda r: sort_key(r.debrief.date, site.journal.zone))
    html = html_block(env, "dashboard.html", groups=site.groups, problems=site.journal.problems,
                      board=board, upcoming=upcoming, upcoming_days=UPCOMING_DAYS, recent=recent(site, RECENT_EVENTS),
                      quiet_days=site.options.quiet_days, page=src,
                      followups_url=relative_url(site.url(src), site.url(site.src(names.FOLLOWUPS))),
                      calendar_url=relative_url(site.url(src), site.url(site.src(names.CALENDAR))))
    return GeneratedPage(src, markdown_page(site.options.title, html, meta=NOT_SEARCHED))


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
            if len(latest) >= count and (not latest or sort_key(event.when, zone) != sort_key(latest[-1].when, zone)):
                break
            latest.append(event)
        candidates += [(company, event) for event in reversed(latest)]
    return heapq.nlargest(count, candidates, key=lambda pair: sort_key(pair[1].when, zone))
