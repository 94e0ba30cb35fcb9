"""Our pages in MkDocs' own themes, ``mkdocs`` and ``readthedocs``, in real Chromium: a title,
a checklist that reads as one (no bullets, a coloured edge per item, a box per item), the
summary's labels as labels, the dashboard's table inside the page, readable text."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import OTHER_THEMES
from .test_site import CONTRAST, WCAG_AA

DEBRIEF = "journal/acme-rockets/2026-11-24-screen/"


@pytest.mark.parametrize("theme", OTHER_THEMES)
def test_a_debrief_page_has_its_title_and_a_styled_checklist(visit: Any, theme_urls: dict[str, str],
                                                             theme: str) -> None:
    seen = visit()
    seen.goto(theme_urls[theme] + DEBRIEF)
    page = seen.page
    assert page.locator("[role=main] h1").first.inner_text().startswith("Acme Rockets \u2014 Platform Engineer")
    items = page.evaluate("""() => [...document.querySelectorAll('[role=main] ul.ij-checklist > li')].map(li => {
        const s = getComputedStyle(li);
        return [s.listStyleType, parseFloat(s.borderLeftWidth), s.backgroundColor];
    })""")
    assert len(items) >= 3
    for list_style, edge, background in items:
        assert list_style == "none" and edge >= 3 and background not in ("rgba(0, 0, 0, 0)", "transparent")
    label = page.evaluate("() => { const s = getComputedStyle(document.querySelector('.ij-summary dt'));"
                          " return [s.display, s.backgroundColor, s.borderTopWidth]; }")
    assert label == ["block", "rgba(0, 0, 0, 0)", "0px"]
    # (no check of console errors here: these themes load scripts from CDNs, which the test refuses)


@pytest.mark.parametrize("theme", OTHER_THEMES)
def test_the_dashboard_table_fits_the_page(visit: Any, theme_urls: dict[str, str], theme: str) -> None:
    seen = visit()
    seen.goto(theme_urls[theme] + "journal/")
    widths = seen.page.evaluate("() => { const t = document.querySelector('.ij-board table');"
                                " return [t.scrollWidth, document.querySelector('.ij-board').clientWidth]; }")
    assert widths[0] <= widths[1], f"the table is {widths[0]} px wide in {widths[1]} px"


@pytest.mark.parametrize("theme", OTHER_THEMES)
def test_our_text_is_readable(visit: Any, theme_urls: dict[str, str], theme: str) -> None:
    seen = visit()
    seen.goto(theme_urls[theme] + DEBRIEF)
    measured = seen.page.evaluate(
        """([contrast, selectors]) => {
            const measure = eval(contrast), found = [];
            for (const e of document.querySelectorAll(selectors)) {
                if (e.checkVisibility() && e.textContent.trim()) found.push([e.textContent.trim().slice(0, 40), measure(e).ratio]);
            }
            return found;
        }""", [CONTRAST, "[role=main] :is(.ij-check label, .ij-item__meta, .ij-badge, .ij-summary dt, .ij-summary dd)"])
    assert measured and [m for m in measured if m[1] < WCAG_AA] == []
