"""``journal/<path of the debrief>/``: a debrief's summary, offer, call sheet and checklist, its drafts
or briefing, its notes; for a file left out for its problems (a private site), those problems."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from jinja2 import Environment

from ...callsheet import call_sheet
from ...drafts import Render, briefing, check_in_draft, round_drafts
from ...process import Round
from ...rules import FollowUp, listed_tasks
from ...tasks import without_listed_tasks, without_obsidian_comments
from ...wording import DIRECT_CONTACT, described, titled
from ..blocks import Block, html_block, markdown_page
from ..site import NOT_SEARCHED, GeneratedPage, Site, own_meta


def checklist_order(items: list[FollowUp]) -> list[FollowUp]:
    """A checklist reads in date order: the soonest due first, optional and undated ones last
    (a stable sort: items due the same day keep the protocol's order)."""
    return sorted(items, key=lambda item: (item.optional, item.due is None, item.due or date.max))


def page(site: Site, env: Environment, round_: Round, items: list[FollowUp], texts: Render) -> GeneratedPage:
    entry = round_.entry
    title = f"{round_.company.name} \u2014 {round_.process.role}, {round_.label}"
    src = site.debrief_src(round_)
    offer = next((item for item in items if item.kind == "offer-reply"), None)
    summary = html_block(env, "debrief.html", search_text=search_text(round_),
                         round=round_, items=items, problems=entry.problems, page=src,
                         offer_due=offer.due if offer else None, offer_details=offer_details(round_),
                         sheet=call_sheet(round_, items) if site.features.call_sheet else None)
    # the task lines on the checklist are not again in the notes (the file keeps them); one that is
    # on no checklist (open, in a closed process) stays in the notes, as written
    body = without_listed_tasks(without_obsidian_comments(entry.body), listed_tasks(round_, items),
                                entry.source.body_line).strip()
    notes = f"## Notes\n\n{body}" if body else ""
    return GeneratedPage(src, markdown_page(title, summary, *extra_blocks(site, env, texts, round_, items), notes,
                                            meta=own_meta(entry)),
                         edit_path=entry.source.path)


def left_out_pages(site: Site, env: Environment) -> Iterator[GeneratedPage]:
    """Where the page of a file left out for its problems would be, its problems (a private site
    only): ``mkdocs serve`` keeps showing the page being edited, with what to fix."""
    if not site.features.problem_lines:
        return
    for found in site.journal.left_out:
        src = site.src(found.rel + ".md")
        html = html_block(env, "left_out.html", problems=found.problems)
        yield GeneratedPage(src, markdown_page(f"{found.rel}.md: left out", html, meta=NOT_SEARCHED),
                            edit_path=found.path)


def extra_blocks(site: Site, env: Environment, texts: Render, round_: Round, items: list[FollowUp]) -> list[Block]:
    """The thank-you drafts and the check-in of a done round, the briefing of a scheduled one."""
    blocks = []
    drafts = round_drafts(round_, site.options.candidate, texts) if site.features.drafts else []
    if drafts:
        blocks.append(html_block(env, "drafts/drafts.html", drafts=drafts))
    check_in = check_in_draft(round_, site.options.candidate, texts) if site.features.drafts else None
    if check_in is not None:
        item = next((item for item in items if item.kind == "check-in"), None)
        blocks.append(html_block(env, "drafts/check_in.html", draft=check_in, item=item,
                                 whom=titled(check_in.to, DIRECT_CONTACT)))
    found = briefing(round_)
    if found is not None:
        blocks.append(html_block(env, "drafts/briefing.html", b=found))
    return blocks


def offer_details(round_: Round) -> list[tuple[str, str]]:
    """The keys of your own under ``offer`` (``salary: 120k``), as label and text; none on a
    public site (``public.public_view`` leaves them out)."""
    offer = round_.debrief.offer
    if offer is None or not offer.model_extra:
        return []
    return [(key.replace("_", " ").capitalize(), _text(value)) for key, value in offer.model_extra.items()
            if value is not None]


def _text(value: object) -> str:
    """A YAML value as one line: a list joined by commas, a mapping as ``key: value; ...``."""
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_text(item)}" for key, item in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def search_text(round_: Round) -> str:
    """What search indexes in place of a debrief's generated sections: the people, the format,
    the questions and the tags, in a few sentences (also the search result's preview). Kept
    short: the browser downloads the whole index.

    Only what a public site shows too: no address, phone number, feedback or log.
    """
    d = round_.debrief
    parts = [round_.label[:1].upper() + round_.label[1:] + (f", {d.format}." if d.format else ".")]
    if d.interviewers:
        parts.append("Interviewers: " + "; ".join(described(p) for p in d.interviewers) + ".")
    if round_.via == "recruiter" and round_.recruiter:
        parts.append("Recruiter: " + described(round_.recruiter) + ".")
    if round_.via == "direct" and round_.contact:
        parts.append("Contact: " + described(round_.contact) + ".")
    for label, words in (("Questions", [q.q for q in d.questions]), ("Tags", d.tags)):
        if words:
            parts.append(f"{label}: " + "; ".join(words) + ".")
    return " ".join(parts)
