"""``build_site``: every generated page of a site, one at a time (no MkDocs import here).

The pages come one at a time, so a caller that stores them compactly (the plugin packs their
HTML, ``blocks.PageBlocks``) never holds the whole site's HTML at once. ``planned_pages`` says
beforehand what each page is made of (its ``key``): ``mkdocs serve`` renders again only the
pages whose key changed since its last build (``reuse.Reuse.pages``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from markupsafe import Markup

from .. import insights as ins
from ..calendar import build_calendar, page_address
from ..dates import source_date_epoch
from ..journal import Company
from ..rules import BUCKET_TITLES, FollowUp, bucket
from ..wording import count
from . import names
from .render import environment, text_renderer
from .site import GeneratedPage, Site
from .views import companies as companies_page
from .views import company, dashboard, debrief, followups, insights, people, questions

if TYPE_CHECKING:
    from .reuse import Fragments


@dataclass(frozen=True)
class PlannedPage:
    """A page before it is rendered: its name, what it is made of, and how to make it."""

    src_uri: str
    key: Any
    """Everything the page shows depends on, compared with ``==`` (a journal entry, a company
    and a process by identity): two builds with equal keys make the same page."""
    make: Callable[[], GeneratedPage]


def build_site(site: Site) -> Iterator[GeneratedPage]:
    """Every generated page, one at a time."""
    for planned in planned_pages(site):
        yield planned.make()


def planned_pages(site: Site) -> Iterator[PlannedPage]:
    """Every generated page, with its key.

    A page made of the whole journal (the calendar, the lists) has the whole journal in its key:
    every company (an unchanged one is the same object from one ``mkdocs serve`` build to the
    next, ``reuse.Reuse.same_companies``), the problems and every page's URL. The people and
    questions pages show the front matter alone, and insights the front matter and the task
    lines (``tests/test_pages_reuse.py`` holds them to it): a note edited in a debrief's body
    leaves them as they are. With templates of the user's, every list has the whole journal
    in its key. A company's page
    and its debriefs' pages show that company alone (its processes, follow-ups, timeline and
    people come from its own files), so their key is the company, the URLs of its pages and
    the ``done`` handles of its items (a handle is made unique across the whole journal).
    Both hold what every page depends on: the options, today, the templates (``site_inputs``).
    """
    env = template_environment(site)
    shared = site_inputs(site)
    if site.reuse is not None and not site.template_dirs:  # a macro of the user's may show anything
        env.globals.update(_kept(site, env, site.reuse.fragments, shared))
    companies = tuple(site.journal.companies.values())
    whole: tuple[Any, ...] = (shared, companies, tuple(site.journal.problems), tuple(site.urls.items()))
    front_matter: tuple[Any, ...] = (shared, tuple((c.key, c.slug, c.name, c.note.model if c.note else None,
                                   tuple((entry.rel, entry.model) for entry in c.debriefs)) for c in companies),
                    tuple(site.urls.items()))
    with_tasks: tuple[Any, ...] = (front_matter, tuple(tuple(entry.tasks) for c in companies for entry in c.debriefs))
    if site.template_dirs:  # a template of the user's may show anything of a file
        front_matter = with_tasks = whole
    # the calendar first: its build's working memory is then free again for what follows
    epoch = _epoch()
    yield PlannedPage(site.src(names.CALENDAR), (whole, epoch), lambda: _calendar(site, epoch))
    for name, view, key in ((names.DASHBOARD, dashboard.page, whole), (names.FOLLOWUPS, followups.page, whole),
                            (names.COMPANIES, companies_page.page, whole), (names.PEOPLE, people.page, front_matter),
                            (names.QUESTIONS, questions.page, front_matter),
                            (names.INSIGHTS, insights.page, with_tasks)):
        yield PlannedPage(site.src(name), key, partial(view, site, env))
    keys = {found.key: company_key(site, found, shared) for found in site.journal.companies.values()}
    for found in site.journal.companies.values():
        yield PlannedPage(site.company_src(found), keys[found.key], partial(company.page, site, env, found))
    items_by_path: dict[str, list[FollowUp]] = {}
    for item in site.items:
        items_by_path.setdefault(item.path, []).append(item)
    texts = text_renderer(site.template_dirs)
    for round_ in site.rounds:
        items = debrief.checklist_order(items_by_path.get(round_.entry.path, []))
        yield PlannedPage(site.debrief_src(round_), keys[round_.company.key],
                          partial(debrief.page, site, env, round_, items, texts))
    for page in debrief.left_out_pages(site, env):  # a few, cheap: made every time
        yield PlannedPage(page.src_uri, object(), partial(_as_made, page))


def site_inputs(site: Site) -> tuple[Any, ...]:
    """What every page depends on besides the journal: the options, today, the URL form, what a
    public site lacks, and the user's templates (each file's size and time)."""
    return (site.options, site.today, site.pinned, site.use_directory_urls, site.site_url, site.features,
            folder_state(site.template_dirs))


def company_key(site: Site, found: Company, shared: tuple[Any, ...]) -> tuple[Any, ...]:
    """What a company's page and its debriefs' pages are made of (see ``planned_pages``)."""
    srcs = [site.company_src(found)] + [site.debrief_src(r) for p in site.processes_of(found) for r in p.rounds]
    handles = tuple(site.done_handle(item) for item in site.outstanding_of(found)) if site.features.done_commands \
        else ()
    return (shared, found, tuple(site.url(src) for src in srcs), handles)


def folder_state(folders: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file under ``folders``: path, modification time (ns) and size."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            try:
                status = path.stat()
            except OSError:
                continue
            found.append((str(path), status.st_mtime_ns, status.st_size))
    return tuple(found)


def _as_made(page: GeneratedPage) -> GeneratedPage:
    """A page made already (the page of a file left out, a few of them): ``make`` hands it over."""
    return page


def _calendar(site: Site, epoch: datetime | None) -> GeneratedPage:
    """``calendar.ics``: each event links to its debrief's page when the site has a ``site_url``."""
    page = (lambda round_: page_address(site.site_url, site.url(site.debrief_src(round_)))) if site.site_url else None
    return GeneratedPage(site.src(names.CALENDAR), build_calendar(site.processes, site.items, latest=epoch, page=page,
                                                                 memo=site.reuse.calendar if site.reuse else None))


def overdue_by(due: date, today: date) -> str:
    """``3 days overdue``: what an overdue item says (the browser says it again on the reader's day)."""
    return f"{count((today - due).days, 'day')} overdue"


def _epoch() -> datetime | None:
    """``SOURCE_DATE_EPOCH``, for the calendar's stamps (a wrong one is reported where "today" is
    chosen, when it is used for that)."""
    try:
        return source_date_epoch()
    except ValueError:
        return None


def _macro(env: Environment, name: str) -> Callable[..., Markup]:
    """A macro of ``macros.html`` as a function, for the templates' globals (``followup``,
    ``company_row``): ``mkdocs serve`` keeps what such a piece wrote (``_kept``)."""
    macro: Any = None

    def call(*args: Any) -> Markup:
        nonlocal macro
        if macro is None:  # looked up once: get_template checks the file's time at each call
            macro = getattr(env.get_template("macros.html").module, name)
        return Markup(macro(*args))

    return call


def _kept(site: Site, env: Environment, fragments: Fragments,
          shared: tuple[Any, ...]) -> dict[str, Callable[..., Markup]]:
    """``followup`` and ``company_row`` for ``mkdocs serve``: a piece's HTML is last build's
    while it shows the same follow-up or company object on the same page with the same links
    (and handle) (``reuse.Fragments``; ``shared`` holds today and everything else every piece
    depends on). The dashboard, the follow-ups and the companies pages list the whole journal,
    and one saved debrief changes a few of their pieces. A company's row is made of its own
    processes, follow-ups and timeline, which an unchanged company keeps."""
    followup, company_row = _macro(env, "followup"), _macro(env, "company_row")
    fragments.start(shared)

    def kept_followup(item: FollowUp, page: str, today: date) -> Markup:
        handle = site.done_handle(item) if site.features.done_commands else None
        return fragments.get(item, page, (today, site.link(page, item.round), handle),
                             lambda: followup(item, page, today))

    def kept_company_row(row: Any, page: str) -> Markup:
        links = (site.company_link(page, row.company), site.link(page, row.next.round) if row.next else None)
        return fragments.get(row.company, page, links, lambda: company_row(row, page))

    return {"followup": kept_followup, "company_row": kept_company_row}


def _company_links(site: Site) -> Callable[[str, Iterable[Company]], Markup]:
    """``company_links(page, companies)``: each company a link to its page, joined by commas.
    The insights page names most companies once per theme: each link is made once per page."""
    made: dict[tuple[str, str], Markup] = {}
    anchor = Markup('<a href="{}">{}</a>')

    def company_links(page: str, companies: Iterable[Company]) -> Markup:
        links = []
        for found in companies:
            link = made.get((page, found.key))
            if link is None:
                link = made[(page, found.key)] = anchor.format(site.company_link(page, found), found.name)
            links.append(link)
        return Markup(", ").join(links)

    return company_links


def template_environment(site: Site) -> Environment:
    """The HTML templates, with what every one of them may use as globals: "macros.html" is
    then imported once per build, not once per page (``import ... with context`` re-runs the
    whole module for every render)."""
    env = environment(site.template_dirs)
    env.globals.update({
        "today": site.today,
        "pinned": site.pinned,
        "features": site.features,
        "bucket": bucket,
        "bucket_titles": BUCKET_TITLES,
        "link": site.link,
        "company_link": site.company_link,
        "company_links": _company_links(site),
        "done_handle": site.done_handle,
        "overdue_by": overdue_by,
        "followup": _macro(env, "followup"),
        "company_row": _macro(env, "company_row"),
        "person_link": site.person_link,
        "answer_titles": ins.ANSWER_TITLES,
    })
    return env
