"""``journal/followups/``: every outstanding follow-up, bucketed, each linking to its debrief."""

from __future__ import annotations

from jinja2 import Environment

from .. import names
from ..blocks import streamed_page
from ..site import NOT_SEARCHED, GeneratedPage, Site


def page(site: Site, env: Environment) -> GeneratedPage:
    src = site.src(names.FOLLOWUPS)
    total = sum(len(items) for items in site.groups.values())
    return GeneratedPage(src, streamed_page("Follow-ups", env, "followups.html", meta=NOT_SEARCHED,
                                            groups=site.groups, total=total, page=src))
