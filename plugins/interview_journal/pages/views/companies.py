"""``journal/companies/``: one row per company: role(s), stage, last contact, next follow-up."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from jinja2 import Environment

from ...journal import Company
from ...process import CLOSING_STATUSES
from ...rules import FollowUp
from ...timeline import Stage, last_contact, stage
from .. import names
from ..blocks import html_block, markdown_page
from ..site import WIDE_TABLE, GeneratedPage, Site


@dataclass
class CompanyRow:
    company: Company
    roles: list[str]
    stages: list[Stage]
    closed: bool
    last: date | None
    next: FollowUp | None
    rounds: int


def rows(site: Site) -> list[CompanyRow]:
    """One row per company: open ones with the nearest follow-up first, closed ones last."""
    today = site.today
    found = []
    for company in site.journal.companies.values():
        processes = site.processes_of(company)
        upcoming = sorted(site.outstanding_of(company), key=lambda item: item.optional)  # optional ones last
        closed = bool(processes) and all(p.closed for p in processes)
        if not processes and company.note is not None and company.note.model.status in CLOSING_STATUSES:
            closed = True
        stages = [stage(p, today) for p in processes] or [Stage("applied")]
        found.append(CompanyRow(company, [p.role for p in processes], stages, closed,
                                last_contact(site.events[company.key], today), upcoming[0] if upcoming else None,
                                sum(len(p.rounds) for p in processes)))
    return sorted(found, key=lambda r: (r.closed, r.next is None, r.next.due or date.max if r.next else date.max,
                                        r.company.name.casefold()))


def page(site: Site, env: Environment) -> GeneratedPage:
    src = site.src(names.COMPANIES)
    html = html_block(env, "companies.html", rows=rows(site), page=src)
    return GeneratedPage(src, markdown_page("Companies", html, meta=WIDE_TABLE))
