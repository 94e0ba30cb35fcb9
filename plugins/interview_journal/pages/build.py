"""``build_site``: every generated page of a site, one at a time (no MkDocs import here).

The pages come one at a time, so a caller that stores them compactly (the plugin packs their
HTML, ``blocks.PageBlocks``) never holds the whole site's HTML at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

from jinja2 import Environment

from .. import insights as ins
from ..calendar import build_calendar, page_address
from ..dates import source_date_epoch
from ..rules import BUCKET_TITLES, bucket
from ..wording import count
from . import names
from .render import environment
from .site import GeneratedPage, Site
from .views import companies, company, dashboard, debrief, followups, insights, people, questions


def build_site(site: Site) -> Iterator[GeneratedPage]:
    """Every generated page, one at a time."""
    env = template_environment(site)
    # the calendar first: its build's working memory is then free again for what follows
    page = (lambda round_: page_address(site.site_url, site.url(site.debrief_src(round_)))) if site.site_url else None
    calendar = build_calendar(site.processes, site.items, latest=_epoch(), page=page)
    yield GeneratedPage(site.src(names.CALENDAR), calendar)
    yield dashboard.page(site, env)
    yield followups.page(site, env)
    yield companies.page(site, env)
    yield people.page(site, env)
    yield questions.page(site, env)
    yield insights.page(site, env)
    for found in site.journal.companies.values():
        yield company.page(site, env, found)
    yield from debrief.pages(site, env)
    yield from debrief.left_out_pages(site, env)


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
        "done_handle": site.done_handle,
        "overdue_by": overdue_by,
        "person_link": site.person_link,
        "answer_titles": ins.ANSWER_TITLES,
    })
    return env
