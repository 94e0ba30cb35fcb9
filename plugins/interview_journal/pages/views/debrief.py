"""``journal/<path of the debrief>/``: a debrief's summary and checklist, its drafts or briefing, its notes."""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from ...drafts import Render, briefing, round_drafts
from ...process import Round
from ...rules import FollowUp
from ...tasks import without_obsidian_comments
from ...wording import described
from ..blocks import Block, html_block, markdown_page
from ..render import text_renderer
from ..site import GeneratedPage, Site


def pages(site: Site, env: Environment) -> Iterator[GeneratedPage]:
    """Every debrief's page, in the order of the processes and their rounds."""
    items_by_path: dict[str, list[FollowUp]] = {}
    for item in site.items:
        items_by_path.setdefault(item.path, []).append(item)
    texts = text_renderer(site.template_dirs)
    for round_ in site.rounds:
        yield page(site, env, round_, items_by_path.get(round_.entry.path, []), texts)


def page(site: Site, env: Environment, round_: Round, items: list[FollowUp], texts: Render) -> GeneratedPage:
    entry = round_.entry
    title = f"{round_.company.name} \u2014 {round_.process.role}, {round_.label}"
    src = site.debrief_src(round_)
    summary = html_block(env, "debrief.html", search_text=search_text(round_),
                         round=round_, items=items, problems=entry.problems, page=src)
    body = without_obsidian_comments(entry.body).strip()
    notes = f"## Notes\n\n{body}" if body else ""
    return GeneratedPage(src, markdown_page(title, summary, *extra_blocks(site, env, texts, round_), notes),
                         edit_path=entry.source.path)


def extra_blocks(site: Site, env: Environment, texts: Render, round_: Round) -> list[Block]:
    """The thank-you drafts of a done round, the briefing of a scheduled one."""
    blocks = []
    drafts = round_drafts(round_, site.options.candidate, texts) if site.features.drafts else []
    if drafts:
        blocks.append(html_block(env, "drafts/drafts.html", drafts=drafts))
    found = briefing(round_)
    if found is not None:
        blocks.append(html_block(env, "drafts/briefing.html", b=found))
    return blocks


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
