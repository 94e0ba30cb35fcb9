"""The names of the generated pages, relative to the ``section`` folder: defined once.

The views make their pages under these names, the plugin adds the assets under them, and the
loader refuses a debrief that would take one of them (``RESERVED``). No imports: the loader and
the command line read this module without loading the rest of ``pages``.
"""

from __future__ import annotations

DASHBOARD = "index.md"
FOLLOWUPS = "followups.md"
COMPANIES = "companies/index.md"
PEOPLE = "people.md"
QUESTIONS = "questions.md"
INSIGHTS = "insights.md"
CALENDAR = "calendar.ics"
IN_NAV = (DASHBOARD, FOLLOWUPS, COMPANIES, PEOPLE, QUESTIONS, INSIGHTS)
"""The pages a site's navigation lists (when ``mkdocs.yml`` has no ``nav:``); company and
debrief pages are reached from these."""
ASSET_CSS = "assets/interview-journal.css"
ASSET_JS = "assets/interview-journal.js"


def company(slug: str) -> str:
    """A company's page: ``companies/<slug>.md``."""
    return f"companies/{slug}.md"


RESERVED = tuple(dict.fromkeys(name.split("/")[0].removesuffix(".md").removesuffix(".ics") for name in (
    DASHBOARD, FOLLOWUPS, COMPANIES, PEOPLE, QUESTIONS, INSIGHTS, CALENDAR, ASSET_CSS)))
"""The first part of every generated page's name: a journal file or folder at the top of the
journal may not use one (``index``, ``followups``, ``companies``, ...)."""
