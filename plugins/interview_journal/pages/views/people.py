"""``journal/people/``: interviewers and recruiters met, with company, title, rounds, last contact."""

from __future__ import annotations

from jinja2 import Environment

from .. import names
from ..blocks import streamed_page
from ..site import WIDE_TABLE, GeneratedPage, Site


def page(site: Site, env: Environment) -> GeneratedPage:
    src = site.src(names.PEOPLE)
    return GeneratedPage(src, streamed_page("People", env, "people.html", meta=WIDE_TABLE,
                                            met=site.met, page=src))
