"""A debrief page's own sections (pages/views/debrief.py): the offer. Real strict builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SharedJournal, build_once, debrief, soup

SHARED = SharedJournal()
OFFER = {"received": "2026-11-20", "deadline": "2026-12-04", "salary": "123k base <b>", "perks": ["gym", "bike"]}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, SHARED.files)


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, SHARED.files, public=True)


def page(site: Path, rel: str):
    return soup(site / "journal" / rel / "index.html")


SHARED.add({
    "globex/final.md": debrief(company="Globex", date="2026-11-18", outcome="offer", offer=OFFER),
    "initech/final.md": debrief(company="Initech", date="2026-11-18", offer={"received": "2026-11-24"}),
})


def test_the_offer_has_its_dates_its_details_and_its_checklist_item(out: Path) -> None:
    found = page(out, "globex/final")
    offer = found.select_one("dl.ij-offer")
    facts = dict(zip([dt.get_text() for dt in offer.select("dt")], [dd.get_text() for dd in offer.select("dd")],
                     strict=True))
    assert facts["Received"] == "Fri 2026-11-20" and facts["Deadline"] == "Fri 2026-12-04"
    assert facts["Replied"].startswith("not yet")
    assert (facts["Salary"], facts["Perks"]) == ("123k base <b>", "gym, bike")  # escaped text, not markup
    assert found.select_one("#offer") is not None
    item = found.select_one(".ij-checklist [data-kind='offer-reply']")
    assert item["data-due"] == "2026-12-04" and item["data-id"] == "globex/final.md#offer-reply"


def test_without_a_deadline_the_page_says_when_to_answer(out: Path) -> None:
    offer = page(out, "initech/final").select_one("dl.ij-offer")
    assert "none given: answer by Fri 2026-11-27" in offer.get_text()  # received + due.offer_reply (3)


def test_a_public_site_keeps_the_dates_and_leaves_the_details_out(public: Path) -> None:
    found = page(public, "globex/final")
    text = found.select_one(".ij-debrief").get_text()
    assert "Fri 2026-12-04" in text
    assert "123k" not in text and "gym" not in text and "Salary" not in text


# --- the notes: the task lines are on the checklist, once ------------------------------------

NOTES = """Went fine.

## Follow-ups

- [ ] send the deck [due:: 2026-11-26]
- [-] call back 📅 2026-11-25

## Homework

- [ ] write the summary
  - with the numbers from the call
- [ ] a task that goes on
  on a second line
- plain bullet, kept

## Last
"""

SHARED.add({"hooli/screen.md": debrief(company="Hooli", date="2026-11-18", body=NOTES)})


def test_task_lines_are_on_the_checklist_and_not_again_in_the_notes(out: Path) -> None:
    found = page(out, "hooli/screen")
    checklist = [li["data-id"] for li in found.select(".ij-checklist [data-kind='task']")]
    assert len(checklist) == 4
    notes = found.select_one("article").get_text()
    assert "[due::" not in notes and "[-]" not in notes and "send the deck" not in notes.split("Notes", 1)[1]
    headings = [h.get_text(strip=True).rstrip("¶") for h in found.select("article h2")]
    # a heading over tasks only goes with them; one over anything else stays, and so does one left empty
    assert "Follow-ups" not in headings and {"Homework", "Last"} <= set(headings)
    homework = found.find("h2", id="homework").find_next("ul").get_text(" ", strip=True)
    # a task with more under it, or a second line, keeps its item whole: nothing of the file is lost
    assert "with the numbers from the call" in homework and "on a second line" in homework
    assert "plain bullet, kept" in homework


CLOSED_NOTES = """They went quiet.

- [x] thank Dana for the intro
- [ ] send the portfolio link anyway 📅 2026-11-26
"""

SHARED.add({
    "umbrella/screen.md": debrief(company="Umbrella", date="2026-11-18", outcome="rejected", body=CLOSED_NOTES),
    "soylent/screen.md": debrief(company="Soylent", date="2026-11-18", status="cancelled",
                                 body="- [ ] reschedule with Kim\n"),
})


@pytest.mark.parametrize(("rel", "open_task"), [("umbrella/screen", "send the portfolio link anyway"),
                                                 ("soylent/screen", "reschedule with Kim")])
def test_an_open_task_line_that_is_on_no_checklist_stays_in_the_notes(out: Path, rel: str, open_task: str) -> None:
    # a closed process or a cancelled round owes nothing, so the line is not an item; it is not
    # dropped from the page either
    found = page(out, rel)
    assert all(open_task not in li.get_text() for li in found.select("[data-kind]"))
    notes = found.find("h2", id="notes")
    assert notes is not None and open_task in notes.find_next("ul").get_text()


def test_a_done_task_line_of_a_closed_process_is_on_the_checklist_not_in_the_notes(out: Path) -> None:
    found = page(out, "umbrella/screen")
    done = found.select(".ij-checklist [data-kind='task'][data-done]")
    assert [li.get_text(" ", strip=True).split(" done")[0] for li in done] == ["thank Dana for the intro"]
    assert "thank Dana" not in found.find("h2", id="notes").find_next("ul").get_text()
