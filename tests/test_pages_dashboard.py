"""The dashboard (pages/views/dashboard.py): what you owe first, then the board, the upcoming
interviews with their briefings. Real strict builds; each test reads its own companies' rows."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import SharedJournal, build_once, debrief, soup

SHARED = SharedJournal()
RECRUITER = {"name": "Dana Ruiz", "agency": "Talent Bridge", "email": "dana@talentbridge.example"}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, SHARED.files)


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, SHARED.files, public=True)


def dashboard(site: Path):
    return soup(site / "journal" / "index.html").select_one(".ij-dashboard")


def attributes(item) -> tuple[str, str, str, str]:
    return item["data-id"], item["data-kind"], item["data-due"], item["data-company"]


SHARED.add({
    "globex/final.md": debrief(company="Globex", date="2026-11-18", recruiter=RECRUITER, recruiter_call="2026-11-18",
                               offer={"received": "2026-11-20", "deadline": "2026-12-08"}),
    "initech/final.md": debrief(company="Initech", date="2026-11-18", via="direct", feedback={"received": "2026-11-19"},
                                offer={"received": "2026-11-20", "deadline": "2026-11-24"}),
})


def test_offers_come_first_with_their_deadlines(out: Path) -> None:
    board = dashboard(out)
    first = board.select_one(".ij-item")
    assert first.find_parent("ul")["class"] == ["ij-items", "ij-offers"]
    offers = [attributes(item) for item in board.select("ul.ij-offers > .ij-item")]
    assert offers == [("initech/final.md#offer-reply", "offer-reply", "2026-11-24", "initech"),  # soonest first
                      ("globex/final.md#offer-reply", "offer-reply", "2026-12-08", "globex")]
    headings = [h2["id"] for h2 in board.select("h2")]
    assert headings[:3] == ["offers", "overdue", "today"]
    overdue_offer = board.select_one("ul.ij-offers > .ij-item[data-company='initech']")
    assert "ij-overdue" in overdue_offer["class"] and "deadline Tue 2026-11-24" in overdue_offer.get_text()


SHARED.add({
    "acme/screen.md": debrief(company="Acme", date="2026-11-20", recruiter=RECRUITER, stage="screen",
                              interviewers=[{"name": "Priya Shah"}], body="- [ ] send the link 📅 2026-11-25\n"),
    "umbrella/screen.md": debrief(company="Umbrella", date="2026-11-24", interviewers=["Sam Patel"],
                                  contact={"name": "Kim Lee"}, body="- [ ] later thing 📅 2026-12-20\n"),
})
OURS = ("acme", "umbrella", "globex", "initech")


def test_the_overdue_and_due_today_items_are_the_follow_ups_page_s_own_elements(out: Path) -> None:
    board = dashboard(out)
    followups = soup(out / "journal/followups/index.html")
    for name in ("overdue", "today"):
        listed = [attributes(item) for item in board.select(f"section.ij-bucket[data-bucket='{name}'] .ij-item")
                  if item["data-company"] in OURS]
        expected = [attributes(item) for item in followups.select(f"section.ij-bucket[data-bucket='{name}'] .ij-item")
                    if item["data-company"] in OURS and item["data-kind"] != "offer-reply"]
        assert listed == expected and listed, name
    today = [item["data-kind"] for item in board.select("section[data-bucket='today'] .ij-item")
             if item["data-company"] in OURS]
    assert today == ["task", "thank-you"]  # due today is not overdue: the task, Umbrella's thank-you note
    assert board.select_one(".ij-item[data-company='umbrella'][data-kind='task']") is None  # later: counted only


def test_the_counts_stay_and_count_everything(out: Path) -> None:
    board = dashboard(out)
    followups = soup(out / "journal/followups/index.html")
    counts = {a["data-bucket"]: int(a.select_one(".ij-count__n").get_text()) for a in board.select(".ij-count")}
    on_followups = {s["data-bucket"]: len(s.select("li.ij-item")) for s in followups.select("section.ij-bucket")}
    assert counts == {name: on_followups[name] for name in ("overdue", "today", "this-week")}


SHARED.add({
    "quiet/screen.md": debrief(company="Quietco", date="2026-11-02", stage="phone screen", via="direct",
                               contact={"name": "Kim Lee", "title": "HR Coordinator", "email": "kim@quiet.example"},
                               interviewers=[{"name": "Sam Patel", "thank_you": "2026-11-02"}]),
    "hushed/screen.md": debrief(company="Hushed", date="2026-11-03", recruiter=RECRUITER, recruiter_call="2026-11-03",
                                interviewers=[{"name": "Ann Lee", "thank_you": "2026-11-03"}]),
    "awake/screen.md": debrief(company="Awake", date="2026-11-11", via="direct", contact="Kim Lee"),
})


def test_a_quiet_process_gets_a_one_click_check_in(out: Path) -> None:
    board = dashboard(out)
    row = board.select_one("tr[data-company='quietco']")
    assert "23 days ago" in row.get_text() and row.select_one(".ij-quiet").get_text() == "possibly ghosted"
    link = row.select_one("a.ij-quiet__check-in[data-draft='check-in']")
    parts = urlsplit(link["href"])
    assert (parts.scheme, unquote(parts.path)) == ("mailto", "kim@quiet.example")
    body = parse_qs(parts.query)["body"][0]
    assert body.startswith("Dear Kim,\r\n") and "it has been 23 days since we were last in touch" in body
    copies = {section["data-person"]: section for section in board.select(".ij-quiet-drafts section.ij-draft")}
    assert "Quietco" in copies["Kim Lee"].select_one("h3").get_text()  # the text to copy, below the table
    assert copies["Kim Lee"].select_one("a.ij-draft__mail")["href"] == link["href"]


def test_a_quiet_process_through_a_recruiter_checks_in_with_the_recruiter(out: Path) -> None:
    link = dashboard(out).select_one("tr[data-company='hushed'] a.ij-quiet__check-in")
    assert unquote(urlsplit(link["href"]).path) == "dana@talentbridge.example"
    assert "from Hushed" in parse_qs(urlsplit(link["href"]).query)["body"][0]  # when to hear from the company


def test_a_process_within_quiet_days_has_no_check_in(out: Path) -> None:
    row = dashboard(out).select_one("tr[data-company='awake']")
    assert "14 days ago" in row.get_text()  # quiet_days is 14: flagged from 15
    assert row.select_one(".ij-quiet") is None and row.select_one("a").get_text() == "Awake"


SHARED.add({
    "booked/company.md": "---\nkind: company\ncompany: Bookedco\nlog:\n  - date: 2026-10-01\n    note: a call\n---\n",
    "booked/onsite.md": debrief(company="Bookedco", date="2026-12-10", recruiter=RECRUITER),
})


def test_with_a_round_booked_there_is_nothing_to_chase(out: Path) -> None:
    row = dashboard(out).select_one("tr[data-company='bookedco']")
    assert "55 days ago" in row.get_text() and row.select_one(".ij-quiet__check-in") is None


def test_a_public_dashboard_flags_quiet_processes_without_drafts(public: Path) -> None:
    board = dashboard(public)
    assert board.select_one("tr[data-company='quietco'] .ij-quiet") is not None
    assert board.select("[data-draft]") == [] and board.select("a[href^='mailto:']") == []


SHARED.add({
    "soon/1-screen.md": debrief(company="Soonco", date="2026-11-10", recruiter=RECRUITER, recruiter_call="2026-11-10"),
    "soon/2-final.md": debrief(company="Soonco", date="2026-11-30 10:00", stage="final", recruiter=RECRUITER,
                               interviewers=[{"name": "Vera Vice", "title": "VP of Data"}]),
    "ready/final.md": debrief(company="Readyco", date="2026-12-01", format="video", recruiter=RECRUITER,
                              interviewers=[{"name": "Al Ready", "title": "CTO", "background": "ex-bank",
                                             "looking_for": "judgement"}]),
})


def test_an_upcoming_interview_links_to_its_briefing_and_says_what_is_missing(out: Path) -> None:
    items = {li.select_one("a")["href"]: li for li in dashboard(out).select("ul.ij-upcoming > li")}
    soon = items["soon/2-final/"]
    assert soon.select_one("a.ij-upcoming__briefing")["href"] == "soon/2-final/#briefing"
    assert soon.select_one(".ij-item__meta").get_text() == (
        "Not told yet: the format; Vera Vice: background and what they look for. Ask Dana Ruiz.")
    assert items["ready/final/"].select_one(".ij-item__meta").get_text() == "Everything you need to know is in it."
    assert soup(out / "journal/soon/2-final/index.html").select_one("#briefing") is not None
