"""``journal/questions/``: every question asked, by theme, the poorly answered ones first."""

from __future__ import annotations

from jinja2 import Environment

from ... import insights as ins
from ...rules import unique_keys
from ...slugs import slugify
from .. import names
from ..blocks import streamed_page
from ..site import NOT_SEARCHED, GeneratedPage, Site


def page(site: Site, env: Environment) -> GeneratedPage:
    src = site.src(names.QUESTIONS)
    bank = ins.question_bank(site.rounds)
    ids = unique_keys("theme-" + slugify(group.name) for group in bank)
    total = sum(len(group.questions) for group in bank)
    return GeneratedPage(src, streamed_page("Questions", env, "questions.html", meta=NOT_SEARCHED,
                                            bank=list(zip(bank, ids, strict=True)), practise=ins.to_practise(bank),
                                            total=total, page=src))
