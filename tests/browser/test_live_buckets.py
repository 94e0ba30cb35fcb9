"""Re-bucketing in the reader's browser (assets/interview-journal.js).

The fixture journal is built for 2026-11-25 from SOURCE_DATE_EPOCH, which does not pin the date;
the browser's clock is then set to another day. At the build day: the thank-you note is due
today, the client's feedback (11-27) and the offer's reply (11-30) this week, the portfolio task
(12-05) later.
"""

from __future__ import annotations

from typing import Any

BUILD_DAY = "2026-11-25"  # the fixture site's build day (SOURCE_DATE_EPOCH in conftest.py)

LATER_DAY = "2026-12-01T09:00:00Z"
"""Six days after the build: thank-you, feedback and the offer are overdue, the task is this week."""


def _counts(page: Any, scope: str) -> dict[str, str]:
    return page.evaluate(
        """scope => Object.fromEntries([...document.querySelectorAll(scope + ' .ij-count')]
            .map(e => [e.dataset.bucket, e.querySelector('.ij-count__n').textContent.trim()]))""",
        scope)


def _open(visit: Any, url: str, clock: str) -> Any:
    seen = visit()
    seen.page.clock.set_fixed_time(clock)
    seen.goto(url)
    _script_ran(seen.page)
    return seen


def _script_ran(page: Any) -> None:
    """Wait until our script has run on this page: it re-buckets as soon as it is loaded."""
    page.wait_for_function("() => window.interviewJournal !== undefined")
    if page.evaluate("() => new Date().toISOString().slice(0, 10)") != BUILD_DAY \
            and page.locator("[data-ij-today]:not([data-ij-pinned])").count():
        page.locator("[data-ij-now]").first.wait_for(state="attached")


def test_followups_move_to_the_readers_day(visit: Any, live_url: str) -> None:
    seen = _open(visit, live_url + "journal/followups/", LATER_DAY)
    page = seen.page
    feedback = page.locator(".ij-item[data-kind='feedback']")
    assert feedback.locator("xpath=ancestor::section").get_attribute("data-bucket") == "overdue"
    assert "ij-overdue" in (feedback.get_attribute("class") or "")
    assert feedback.locator(".ij-badge").inner_text().strip().endswith("Overdue")
    task = page.locator(".ij-item[data-kind='task']")
    assert task.locator("xpath=ancestor::section").get_attribute("data-bucket") == "this-week"
    counts = _counts(page, ".ij-followups")
    assert (counts["overdue"], counts["today"], counts["this-week"], counts["later"]) == ("3", "0", "1", "0")
    assert page.locator("section[data-bucket='overdue'] h2 .ij-count__n").inner_text() == "3"
    assert page.locator("section[data-bucket='later'] .ij-empty").is_visible()
    assert "2026-12-01" in page.locator(".ij-asof").inner_text()
    assert seen.errors == []


def test_dashboard_counts_follow_the_readers_day(visit: Any, live_url: str) -> None:
    seen = _open(visit, live_url + "journal/", LATER_DAY)
    counts = _counts(seen.page, ".ij-dashboard")
    assert (counts["overdue"], counts["today"], counts["this-week"]) == ("3", "0", "1")
    assert "2026-12-01" in seen.page.locator(".ij-asof").first.inner_text()
    assert seen.errors == []


def test_dashboard_items_move_to_the_readers_day(visit: Any, live_url: str) -> None:
    seen = _open(visit, live_url + "journal/", LATER_DAY)
    page = seen.page
    thank_you = page.locator(".ij-dashboard .ij-item[data-kind='thank-you']")
    assert thank_you.locator("xpath=ancestor::section").get_attribute("data-bucket") == "overdue"
    assert thank_you.locator(".ij-badge").inner_text().strip().endswith("Overdue")
    assert page.locator("section[data-bucket='today'] .ij-empty").is_visible()
    assert page.locator("section[data-bucket='overdue'] .ij-empty").is_hidden()
    assert page.locator(".ij-stale").is_visible()  # the feedback became overdue too: not listed, counted
    offer = page.locator(".ij-dashboard .ij-item[data-kind='offer-reply']")
    assert offer.locator("xpath=..").get_attribute("class") == "ij-items ij-offers"  # offers stay first
    assert offer.locator(".ij-badge").inner_text().strip().endswith("Overdue")
    assert seen.errors == []


def test_on_the_build_day_nothing_moves(visit: Any, live_url: str) -> None:
    seen = _open(visit, live_url + "journal/", BUILD_DAY + "T09:00:00Z")
    assert _counts(seen.page, ".ij-dashboard") == {"overdue": "0", "today": "1", "this-week": "2"}
    thank_you = seen.page.locator(".ij-dashboard .ij-item[data-kind='thank-you']")
    assert thank_you.locator("xpath=ancestor::section").get_attribute("data-bucket") == "today"
    assert seen.page.locator(".ij-stale").is_hidden()
    seen.goto(live_url + "journal/followups/")
    _script_ran(seen.page)
    feedback = seen.page.locator(".ij-item[data-kind='feedback']")
    assert feedback.locator("xpath=ancestor::section").get_attribute("data-bucket") == "this-week"


def test_a_debrief_checklist_badge_follows_the_readers_day(visit: Any, live_url: str) -> None:
    seen = _open(visit, live_url + "journal/acme-rockets/2026-11-24-screen/", LATER_DAY)
    badge = seen.page.locator(".ij-item[data-kind='feedback'] .ij-badge")
    assert badge.inner_text().strip().endswith("Overdue")


def test_a_pinned_site_stays_as_of_its_date(visit: Any, sample_url: str) -> None:
    seen = _open(visit, sample_url + "journal/", LATER_DAY)
    before = seen.page.locator(".ij-dashboard").get_attribute("data-ij-today")
    assert before == "2026-11-25"
    assert seen.page.locator(".ij-dashboard[data-ij-now]").count() == 0
    assert "2026-12-01" not in seen.page.locator(".ij-asof").first.inner_text()
