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
