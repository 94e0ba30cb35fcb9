"""The sample site in real headless Chromium: clean loads, offline, search, small screens,
dark mode, accessibility, printing, and (with ``INTERVIEW_JOURNAL_SCREENSHOTS=DIR``, see
conftest.py) screenshots to look at."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CONTRAST = (Path(__file__).parent / "contrast.js").read_text(encoding="utf-8")
DEBRIEF = "journal/lumen-harbor-analytics/2026-11-18-technical-interview/"
CALL_SHEET = "journal/pinecrest-ledger/2026-11-23-onsite-rescheduled/"
"""A debrief whose call to the recruiter is still to make: its call sheet is open."""
PAGES = {
    "dashboard": "journal/",
    "followups": "journal/followups/",
    "companies": "journal/companies/",
    "company": "journal/companies/lumen-harbor-analytics/",
    "debrief": DEBRIEF,
    "call-sheet": CALL_SHEET,
    "people": "journal/people/",
    "questions": "journal/questions/",
    "insights": "journal/insights/",
}
WCAG_AA = 4.5


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_without_errors_and_stays_on_this_machine(visit: Any, sample_url: str, name: str) -> None:
    seen = visit()
    seen.goto(sample_url + PAGES[name])
    assert seen.page.locator(".md-content h1").count() == 1
    assert seen.errors == []
    assert len(seen.requests) > 3  # the page, Material's CSS and JS, ours
    foreign = [url for url in seen.requests if urlsplit(url).hostname != "127.0.0.1"]
    assert foreign == []


def test_our_assets_are_loaded(visit: Any, sample_url: str) -> None:
    seen = visit()
    seen.goto(sample_url + PAGES["followups"])
    names = [urlsplit(url).path.rsplit("/", 1)[-1] for url in seen.requests]
    assert "interview-journal.css" in names and "interview-journal.js" in names
    assert seen.page.evaluate("typeof window.interviewJournal.bucketOf") == "function"


def test_search_finds_a_debrief_by_an_interviewers_name(visit: Any, sample_url: str) -> None:
    seen = visit()
    seen.goto(sample_url + PAGES["dashboard"])
    box = seen.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("Tanaka")  # Material listens to key events, which fill() does not send
    result = seen.page.locator(f".md-search-result__list a.md-search-result__link[href*='/{DEBRIEF}']")
    result.first.wait_for(state="visible")
    assert "Lumen Harbor Analytics" in result.first.inner_text()
    assert seen.errors == []


@pytest.mark.parametrize("name", list(PAGES))
def test_a_phone_sized_screen_does_not_scroll_sideways(visit: Any, sample_url: str, name: str) -> None:
    seen = visit(viewport={"width": 375, "height": 800})
    seen.goto(sample_url + PAGES[name])
    widths = seen.page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"page is {widths[0]} px wide in a {widths[1]} px window"


@pytest.mark.parametrize("name", ["debrief", "call-sheet"])
def test_a_debriefs_checklist_starts_on_the_first_screen_of_a_phone(visit: Any, sample_url: str, name: str) -> None:
    seen = visit(viewport={"width": 375, "height": 800})
    seen.goto(sample_url + PAGES[name])
    top = seen.page.evaluate("() => document.getElementById('checklist').getBoundingClientRect().top + scrollY")
    assert top < 800 * 0.75, f"the checklist starts {top:.0f} px down"


@pytest.mark.parametrize("width", [1280, 375])
def test_the_people_table_fits_or_scrolls_inside_its_box(visit: Any, sample_url: str, width: int) -> None:
    seen = visit(viewport={"width": width, "height": 900})
    seen.goto(sample_url + PAGES["people"])
    box = seen.page.evaluate("""() => { const w = document.querySelector('.ij-people-page .ij-tablewrap');
        const r = w.getBoundingClientRect(), style = getComputedStyle(w);
        return {right: r.right, view: document.documentElement.clientWidth, overflow: style.overflowX,
                scroll: w.scrollWidth, client: w.clientWidth,
                last: document.querySelector('.ij-people-page th:last-child').textContent}; }""")
    assert box["right"] <= box["view"]  # the box itself stays on the screen
    assert box["scroll"] <= box["client"] or box["overflow"] == "auto"  # whatever does not fit scrolls in it
    headers = seen.page.locator(".ij-people-page th").all_inner_texts()
    assert "Last contact" in headers[:4]  # before the long list of rounds
    if width == 1280:  # at desktop width the last contact is on the screen, not behind a scroll
        right = seen.page.evaluate("""() => [...document.querySelectorAll('.ij-people-page th')]
            .find(th => th.textContent === 'Last contact').getBoundingClientRect().right""")
        assert right <= box["right"]


KEY_TEXT = {
    "company": [".ij-event__when", ".ij-event__what", ".ij-event__what a", ".ij-event__details li",
                ".ij-item__title", ".ij-item__meta", ".ij-badge", ".ij-summary dt", ".ij-summary dd"],
    "followups": ["h2", ".ij-count", ".ij-asof", ".ij-item__title", ".ij-item__meta", ".ij-badge",
                  ".ij-empty:not([hidden])"],
    "dashboard": [".ij-count", ".ij-asof", ".ij-event__when", ".ij-event__what", ".ij-quiet", "td", "th",
                  ".ij-item__title", ".ij-item__meta", ".ij-badge", ".ij-quiet__check-in", ".ij-upcoming li"],
    "debrief": [".ij-check label", ".ij-item__meta", ".ij-badge", ".ij-summary dt", ".ij-summary dd",
                ".ij-done-command code", ".ij-copy"],
    "call-sheet": [".ij-call li", ".ij-call h2", ".ij-call h3", ".ij-call__hint", ".ij-call__status",
                   ".ij-call a", ".ij-flag", ".ij-draft__text code"],
}


def _contrasts(page: Any, selectors: list[str]) -> list[tuple[str, str, float]]:
    """(selector, text, ratio) for every visible element the selectors match, in one round trip."""
    return [tuple(found) for found in page.evaluate(
        """([contrast, selectors]) => {
            const measure = eval(contrast), found = [];
            for (const selector of selectors) {
                for (const e of document.querySelectorAll('.md-content ' + selector)) {
                    if (!e.checkVisibility() || !e.textContent.trim()) continue;
                    found.push([selector, e.textContent.trim().slice(0, 40), measure(e).ratio]);
                }
            }
            return found;
        }""", [CONTRAST, selectors])]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(KEY_TEXT))
def test_text_is_readable_in_light_and_dark(visit: Any, sample_url: str, name: str, scheme: str) -> None:
    seen = visit(color_scheme=scheme)
    seen.goto(sample_url + PAGES[name])
    expected = "slate" if scheme == "dark" else "default"
    assert seen.page.get_attribute("body", "data-md-color-scheme") == expected
    measured = _contrasts(seen.page, KEY_TEXT[name])
    assert {selector for selector, _, _ in measured} >= {KEY_TEXT[name][0]}
    poor = [m for m in measured if m[2] < WCAG_AA]
    assert poor == [], f"below {WCAG_AA}:1 in {scheme} mode"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_overdue_is_said_in_words_not_colour_alone(visit: Any, sample_url: str, scheme: str) -> None:
    seen = visit(color_scheme=scheme)
    seen.goto(sample_url + PAGES["followups"])
    overdue = seen.page.locator(".ij-item.ij-overdue")
    assert overdue.count() > 0
    for item in overdue.all():
        assert item.locator(".ij-badge").inner_text().strip().endswith("Overdue")


@pytest.mark.parametrize("name", ["debrief", "followups", "company"])
def test_every_checkbox_has_an_accessible_name(visit: Any, sample_url: str, name: str) -> None:
    seen = visit()
    seen.goto(sample_url + PAGES[name])
    boxes = seen.page.get_by_role("checkbox")
    if name == "debrief":
        assert boxes.count() > 5  # our checklist and the tasks of the notes
    for box in boxes.all():
        snapshot = box.aria_snapshot()  # e.g. '- checkbox "send the portfolio link" [checked] [disabled]'
        assert re.search(r'checkbox "\s*[^\s"]', snapshot), snapshot


# -- printing the to-do list -----------------------------------------------------------------

def test_the_followups_page_prints_as_a_plain_list(visit: Any, sample_url: str,
                                                   screenshots_wanted: Path | None) -> None:
    seen = visit()
    seen.goto(sample_url + PAGES["followups"])
    page = seen.page
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                   ".md-search", ".ij-counts", ".md-top"):
        for element in page.locator(chrome).all():
            assert not element.is_visible(), chrome
    headings = page.locator(".ij-bucket h2")
    assert headings.count() >= 5 and headings.first.is_visible()
    item = page.locator(".ij-item").first
    style = item.evaluate("""e => {
        const s = getComputedStyle(e), box = getComputedStyle(e, '::before');
        return {breakInside: s.breakInside, box: box.content, border: box.borderTopStyle};
    }""")
    assert style["breakInside"] == "avoid"
    assert style["box"] != "none" and style["border"] == "solid"  # an empty box to tick with a pen
    link = item.locator("a").first.evaluate(
        "e => [getComputedStyle(e).textDecorationLine, getComputedStyle(e, '::after').content]")
    assert link[0] == "none" and link[1] in ("none", "normal", '""')
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    if screenshots_wanted is not None:  # to look at: opt-in, like the screenshots below
        page.screenshot(path=str(screenshots_wanted / "print-followups.png"), full_page=True)
        (screenshots_wanted / "followups.pdf").write_bytes(pdf)


def test_the_copy_button_puts_the_done_command_on_the_clipboard(visit: Any, sample_url: str) -> None:
    seen = visit()
    seen.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=sample_url.rstrip("/"))
    seen.goto(sample_url + PAGES["followups"])
    item = seen.page.locator(".ij-item[data-kind='thank-you']").first
    command = item.locator(".ij-done-command code").inner_text()
    assert command.startswith("interview-journal done ") and len(command.split()[-1]) >= 4
    item.locator("button.ij-copy[data-ij-ready]").wait_for(state="attached")  # the script took the button
    item.locator("button.ij-copy").click()
    item.locator("button.ij-copy", has_text="Copied").wait_for(timeout=5000)  # the clipboard's promise resolved
    assert seen.page.evaluate("navigator.clipboard.readText()") == command
    assert seen.errors == []


# -- screenshots to look at (opt-in: INTERVIEW_JOURNAL_SCREENSHOTS=DIR) -------------------------

@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", ["dashboard", "followups", "company", "debrief", "call-sheet"])
def test_screenshot(screenshot_dir: Path, visit: Any, sample_url: str, name: str, scheme: str, width: int) -> None:
    seen = visit(color_scheme=scheme, viewport={"width": width, "height": 900})
    seen.goto(sample_url + PAGES[name])
    path = screenshot_dir / f"{name}-{scheme}-{width}.png"
    seen.page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    assert seen.errors == []
