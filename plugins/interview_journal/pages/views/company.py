"""``journal/companies/<slug>/``: a company's timeline, people, outstanding items and notes."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from ...journal import Company
from ...tasks import without_obsidian_comments
from ...timeline import Met, last_contact, stage
from ...wording import described
from ..blocks import html_block, markdown_page
from ..site import GeneratedPage, Site, own_meta


def page(site: Site, env: Environment, company: Company) -> GeneratedPage:
    src = site.company_src(company)
    processes = site.processes_of(company)
    events = site.events[company.key]
    rounds = [r for p in processes for r in p.rounds]
    note = company.note.model if company.note else None
    recruiters = _distinct([r.recruiter for r in rounds if r.recruiter and r.via == "recruiter"]
                           or ([note.recruiter] if note and note.recruiter else []))
    contacts = _distinct([r.contact for r in rounds if r.contact and r.via == "direct"]
                         or ([note.contact] if note and note.contact else []))
    met = site.interviewers_of(company)
    html = html_block(env, "company.html", search_text=search_text(recruiters, contacts, met),
                      company=company, processes=processes,
                      stages=[stage(p, site.today) for p in processes], recruiters=recruiters, contacts=contacts,
                      items=site.outstanding_of(company), events=events, met=met,
                      last=last_contact(events, site.today), page=src)
    body = without_obsidian_comments(company.note.body).strip() if company.note else ""
    notes = f"## Notes\n\n{body}" if body else ""
    edit = company.note.source.path if company.note else None
    return GeneratedPage(src, markdown_page(company.name, html, notes, meta=own_meta(company.note)), edit_path=edit)


def search_text(recruiters: list[Any], contacts: list[Any], met: list[Met]) -> str:
    """What search indexes in place of a company page's generated sections: who you dealt with."""
    parts = []
    for label, persons in (("Recruiter", recruiters), ("Contact", contacts)):
        if persons:
            parts.append(f"{label}: " + "; ".join(described(p) for p in persons) + ".")
    if met:
        parts.append("People met: " + "; ".join(p.name + (f", {p.title}" if p.title else "") for p in met) + ".")
    return " ".join(parts)


def _distinct(persons: list[Any]) -> list[Any]:
    seen, result = set(), []
    for person in persons:
        if person.name not in seen:
            seen.add(person.name)
            result.append(person)
    return result
