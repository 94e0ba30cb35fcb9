"""The names of the generated pages, relative to the ``section`` folder: defined once.

The views make their pages under these names, the plugin adds the assets under them, and the
loader refuses a debrief that would take one of them (``RESERVED``). Nothing of ``pages`` is imported:
the loader and the command line read this module without loading the rest of ``pages``.
"""

from __future__ import annotations

import unicodedata

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
    DASHBOARD, FOLLOWUPS, COMPANIES, PEOPLE, QUESTIONS, INSIGHTS, CALENDAR, ASSET_CSS))) + (CALENDAR,)
"""The first part of every generated page's name: a journal file or folder at the top of the
journal may not use one (``index``, ``followups``, ``companies``, ``calendar.ics``, ...), in
any case."""

TAKEN_COMPANY_SLUGS = (COMPANIES.split("/")[-1].removesuffix(".md"),)
"""Company slugs that would take another page's name: ``companies/index.md`` is the list of
companies, so a company named "Index" gets a slug of its own (``index-<hash>``)."""


def page_key(rel: str) -> str:
    """The page a journal file becomes, as every build and file system tells pages apart.

    MkDocs makes ``acme.md``, ``acme/index.md`` and ``acme/README.md`` one page (``acme/``;
    without directory URLs, the last two are ``acme/index.html``), and a file system that
    ignores case (macOS, Windows) makes ``x.md`` and ``X.md``, or ``x.md`` and ``x.MD``, one
    file. Two journal files with one key would be one page: the loader keeps the first.
    ``rel`` is the path under the journal folder without ``.md``; the dashboard's key is "".
    """
    parts = rel.split("/")
    if parts[-1] in ("index", "README"):
        parts.pop()
    return unicodedata.normalize("NFC", "/".join(parts)).casefold()
