"""``journal/insights/``: feedback themes across companies, the funnel, response times, punctuality."""

from __future__ import annotations

import heapq
from datetime import date
from typing import Any

from jinja2 import Environment

from ... import insights as ins
from .. import names
from ..blocks import streamed_page
from ..charts import Bar, bar_chart, column_chart
from ..site import NOT_SEARCHED, GeneratedPage, Site


def page(site: Site, env: Environment) -> GeneratedPage:
    """Feedback themes across companies and the numbers of the search, with charts."""
    src = site.src(names.INSIGHTS)
    today = site.today
    chosen = site.options.themes
    matcher = ins.ThemeMatcher.of(ins.DEFAULT_THEMES if chosen is None else chosen)  # {}: no themes at all
    themes = ins.group_remarks(ins.remarks_of(site.rounds), matcher,
                               site.reuse.themes_of(matcher) if site.reuse is not None else None)
    numbers = {
        "steps": ins.funnel(site.processes),
        "delays": ins.feedback_delays(site.rounds, today),
        "thanks": ins.punctuality((item for item in site.items if item.kind == "thank-you"), today),
        "kinds": ins.discipline(site.items, today),
        "weeks": ins.interviews_per_week(site.rounds, today),
    }
    glance = {tone: [t for t in themes[tone].tallies if len(t.companies) > 1][:3] for tone in ins.TONES}
    held = sum(1 for r in site.rounds if r.status == "done" and r.day <= today)
    return GeneratedPage(src, streamed_page(
        "Insights", env, "insights.html", meta=NOT_SEARCHED,
        themes=themes, glance=glance, charts=_insight_charts(numbers),
        kind_titles=ins.KIND_TITLES, sources=ins.SOURCES, percent=percent, days=days, held=held,
        recent_remarks=lambda remarks: most_recent(remarks, lambda r: r.round.day, LIST_LIMIT),
        recent_items=lambda items: most_recent(items, lambda item: item.due or date.min, LIST_LIMIT),
        list_limit=LIST_LIMIT, page=src, **numbers))


LIST_LIMIT = 50
"""How many remarks per theme, and late or missed notes, the insights page lists: the counts
cover them all, and a large journal's page stays readable (and small)."""


def most_recent(things: list[Any], key: Any, limit: int) -> list[Any]:
    """The ``limit`` most recent of ``things`` (by ``key``), in their own order."""
    if len(things) <= limit:
        return things
    kept = {id(thing) for thing in heapq.nlargest(limit, things, key=key)}
    return [thing for thing in things if id(thing) in kept]


def _insight_charts(numbers: dict[str, Any]) -> dict[str, object]:
    """The insights page's charts; each title says the numbers in words for screen readers."""
    steps, delays, kinds, weeks = numbers["steps"], numbers["delays"], numbers["kinds"], numbers["weeks"]
    medians = [d for d in delays if d.median is not None]
    judged = [(ins.KIND_TITLES[kind], p) for kind, p in kinds.items() if p.counted]
    return {
        "funnel": bar_chart(
            "ij-chart-funnel", "Funnel: " + "; ".join(f"{s.label.lower()}: {s.count}" for s in steps),
            [Bar(s.label, s.count, f"{s.count} ({percent(s.share)})") for s in steps], maximum=steps[0].count),
        "delays": bar_chart(
            "ij-chart-feedback",
            "Median days from interview to feedback: " + "; ".join(f"{d.channel}: {days(d.median)}" for d in medians),
            [Bar(d.channel, d.median, days(d.median)) for d in medians if d.median is not None]) if medians else None,
        "discipline": bar_chart(
            "ij-chart-discipline",
            "Share of follow-ups done on time: " + "; ".join(f"{title}: {percent(p.share)}" for title, p in judged),
            [Bar(title, p.share or 0, f"{percent(p.share)} of {p.counted}") for title, p in judged], maximum=1),
        "weeks": column_chart(
            "ij-chart-weeks",
            "Interviews held per week: " + "; ".join(f"week of {monday.isoformat()}: {n}" for monday, n in weeks),
            [Bar(monday.isoformat(), n, str(n)) for monday, n in weeks]),
    }


def percent(share: float | None) -> str:
    """``83%``; an en dash when there is nothing to divide."""
    return "\u2013" if share is None else f"{round(share * 100)}%"


def days(value: float | None) -> str:
    """``3 days``, ``2.5 days``, ``1 day``."""
    if value is None:
        return "\u2013"
    text = f"{value:g}"
    return f"{text} day" if text == "1" else f"{text} days"
