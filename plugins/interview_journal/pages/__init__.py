"""Generated pages: Journal + settings -> Markdown documents (no MkDocs import here).

Each view is a small function; ``build_site`` returns them all so the plugin only has to turn
them into MkDocs files, and a test can call it without MkDocs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..load import Journal
from ..process import Process, Round, build_processes
from ..rules import BUCKET_TITLES, FollowUp, Offsets, all_items, bucket, by_bucket
from .render import environment, html_block, markdown_page, page_url, relative_url

ASSET_CSS = "assets/interview-journal.css"
ASSET_JS = "assets/interview-journal.js"


@dataclass
class Settings:
    """What the views need to know besides the journal."""

    today: date
    pinned: bool = False
    section: str = "journal"
    use_directory_urls: bool = True
    offsets: Offsets = field(default_factory=Offsets)
    public: bool = False
    template_dirs: Sequence[Path] = ()


@dataclass
class GeneratedPage:
    src_uri: str
    content: str
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
        return relative_url(self.url(from_src), self.url(self.debrief_src(round_)))


RESERVED = ("index", "followups", "companies", "people", "questions", "insights", "calendar", "assets")
"""Names under the section that our own pages use: a debrief may not take them."""


def prepare(journal: Journal, settings: Settings) -> Site:
    if settings.public:
        journal = _public_view(journal)
    processes = build_processes(journal, settings.today)
    return Site(journal, settings, processes, all_items(processes, settings.offsets))


def _public_view(journal: Journal) -> Journal:
    """The journal without ``private: true`` files: they are never published."""
    from dataclasses import replace

    view = replace(journal, debriefs=[e for e in journal.debriefs if not e.model.private],
                   notes=[e for e in journal.notes if not e.model.private], companies={})
    from ..load import _group_companies

    _group_companies(view)
    return view


def build_site(journal: Journal, settings: Settings) -> list[GeneratedPage]:
    site = prepare(journal, settings)
    env = environment(settings.template_dirs)
    common = {
        "today": settings.today,
        "pinned": settings.pinned,
        "public": settings.public,
        "bucket": bucket,
        "bucket_titles": BUCKET_TITLES,
        "link": site.link,
    }
    pages = [dashboard(site, env, common), followups(site, env, common)]
    items_by_path: dict[str, list[FollowUp]] = {}
    for item in site.items:
        items_by_path.setdefault(item.path, []).append(item)
    for round_ in site.rounds:
        pages.append(debrief(site, env, common, round_, items_by_path.get(round_.entry.path, [])))
    return pages


def debrief(site: Site, env: object, common: dict[str, object], round_: Round, items: list[FollowUp]) -> GeneratedPage:
    entry = round_.entry
    title = f"{round_.company.name} \u2014 {round_.process.role}, {round_.label}"
    summary = html_block(env, "debrief.html", round=round_, items=items, problems=entry.problems,  # type: ignore[arg-type]
                         page=site.debrief_src(round_), **common)
    body = entry.body.strip()
    notes = f"## Notes\n\n{body}" if body and not (site.settings.public and entry.model.private) else ""
    return GeneratedPage(site.debrief_src(round_), markdown_page(title, summary, notes), edit_path=entry.source.path)


def followups(site: Site, env: object, common: dict[str, object]) -> GeneratedPage:
    src = site.src("followups.md")
    groups = by_bucket(site.items, site.settings.today)
    html = html_block(env, "followups.html", groups=groups, total=sum(len(v) for v in groups.values()),  # type: ignore[arg-type]
                      page=src, **common)
    return GeneratedPage(src, markdown_page("Follow-ups", html), in_nav=True)


def dashboard(site: Site, env: object, common: dict[str, object]) -> GeneratedPage:
    src = site.src("index.md")
    groups = by_bucket(site.items, site.settings.today)
    rounds = sorted(site.rounds, key=lambda r: (r.day, r.entry.rel), reverse=True)
    html = html_block(env, "dashboard.html", groups=groups, rounds=rounds, problems=site.journal.problems,  # type: ignore[arg-type]
                      page=src, followups_url=relative_url(site.url(src), site.url(site.src("followups.md"))),
                      **common)
    return GeneratedPage(src, markdown_page("Journal", html), in_nav=True)
