"""The debrief call sheet (callsheet.py) and its section of the debrief page: real strict builds."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import SharedJournal, build_once, debrief, soup
from interview_journal.callsheet import tel_url
from interview_journal.pages.render import safe_href

SHARED = SharedJournal()
RITA = {"name": "Rita Gomez", "agency": "Apex Search", "email": "rita@apex.example", "phone": "+1 (212) 555-0199"}
EVIL = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, SHARED.files)


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, SHARED.files, public=True)


def sheet(site: Path, rel: str):
    return soup(site / "journal" / rel / "index.html").select_one("section.ij-call")


# --- the core --------------------------------------------------------------------------------

@pytest.mark.parametrize(("phone", "url"), [
    ("+1 (212) 555-0199", "tel:+12125550199"),
    ("0049 30 1234567", "tel:0049301234567"),
    ("  +44 20 7946 0018 ext. 12", "tel:+442079460018" + "12"),
    ("ask at the desk", ""),
    ("12", ""),  # too short to dial
])
def test_a_phone_number_becomes_a_tel_link_of_digits(phone: str, url: str) -> None:
    assert tel_url(phone) == url
    assert safe_href(url) == url


def test_only_digit_tel_links_pass_the_link_filter() -> None:
    assert safe_href("tel:+12125550199") == "tel:+12125550199"
    assert safe_href("tel:+1 212") == "" and safe_href("tel:javascript:alert(1)") == ""


# --- on the debrief page ---------------------------------------------------------------------

SHARED.add({"globex/onsite.md": debrief(
    company="Globex", date="2026-11-24 10:00", stage="onsite", recruiter=RITA, rapport="mixed",
    interviewers=[{"name": "Ann Lee", "title": "CTO", "thank_you": "2026-11-24"}, {"name": "Bo Chen"}],
    went_well=["the live demo"], went_poorly=["the cost estimate"],
    questions=[{"q": "size the cluster", "answer": "poor"}, {"q": "why us?", "answer": "good"}],
    take_back=[{"answer": "said no Kafka", "correction": "two years of Kafka Connect"},
               {"answer": "said I hate on-call", "clarified": "2026-11-25"}],
)})


def test_an_outstanding_call_has_an_open_sheet_right_after_the_checklist(out: Path) -> None:
    found = sheet(out, "globex/onsite")
    assert "ij-call--due" in found["class"]
    assert found.select_one("h2").get("id") == "debrief-call"
    assert found.select_one("h2").get_text() == "Debrief call with Rita Gomez (Apex Search)"
    assert found.select_one("details") is None
    headings = [h2["id"] for h2 in soup(out / "journal/globex/onsite/index.html").select(".ij-debrief h2")]
    # the checklist first (on a phone it must start on the first screen), the call sheet right after
    assert headings.index("debrief-call") == headings.index("checklist") + 1
    assert "Due Tue 2026-11-24" in found.select_one(".ij-call__status").get_text()


def test_the_sheet_links_to_the_recruiter_by_phone_and_mail(out: Path) -> None:
    found = sheet(out, "globex/onsite")
    assert found.select_one("a.ij-call__tel")["href"] == "tel:+12125550199"
    mail = urlsplit(found.select_one("a.ij-call__mail")["href"])
    assert (mail.scheme, mail.path) == ("mailto", "rita@apex.example")
    assert parse_qs(mail.query)["subject"] == ["The onsite at Globex"]


def test_the_talking_points_come_from_the_file(out: Path) -> None:
    found = sheet(out, "globex/onsite")
    points = {}
    for item in found.select("[data-point]"):
        points.setdefault(item["data-point"], []).append(" ".join(item.get_text(" ").split()))
    assert points["went-well"] == ["Went well: the live demo"]
    assert points["went-poorly"] == ["Went poorly: the cost estimate"]
    assert points["rapport"] == ["You clicked with some of the interviewers, not with all (rapport: mixed)."]
    assert points["slip"] == ["An answer that went wrong: size the cluster"]
    assert points["take-back"] == [
        "You said: \u201csaid no Kafka\u201d What you meant: two years of Kafka Connect Not clarified yet.",
        "You said: \u201csaid I hate on-call\u201d What you meant: not written yet: add a correction: "
        "Clarified Wed 2026-11-25 ."]
    assert points["thank-you"] == ["Ann Lee, CTO: sent Tue 2026-11-24", "Bo Chen: not sent yet"]
    assert [ask["data-ask"] for ask in found.select("[data-ask]")] == [
        "feedback", "positives", "negatives", "next_steps", "timeline"]


SHARED.add({
    "initech/screen.md": debrief(
        company="Initech", date="2026-11-10", stage="screen", recruiter={"name": "Sam Roe"},
        recruiter_call="2026-11-10", went_well=["the intro"],
        feedback={"received": "2026-11-12", "positives": ["clear"], "negatives": ["slow SQL"],
                  "next_steps": "an onsite"}),
    "initech/onsite.md": debrief(company="Initech", date="2026-12-01 09:00", stage="onsite", recruiter="Sam Roe"),
})


def test_once_the_call_is_made_the_sheet_is_folded_with_what_was_heard(out: Path) -> None:
    found = sheet(out, "initech/screen")
    assert "ij-call--due" not in found["class"]
    assert "Called Tue 2026-11-10." in found.select_one(".ij-call__status").get_text()
    folded = found.select_one("details.ij-call__sheet")
    assert folded.select_one("summary").get_text() == "The call sheet"
    assert folded.select_one("[data-point='went-well']") is not None
    heard = {ask["data-ask"]: [li.get_text() for li in ask.select(".ij-call__heard li")]
             for ask in folded.select("[data-ask]")}
    assert heard == {"feedback": ["Heard: received Thu 2026-11-12"], "positives": ["Heard: clear"],
                     "negatives": ["Heard: slow SQL"], "next_steps": ["Heard: an onsite"],
                     "timeline": ["Heard: onsite on Tue 2026-12-01 09:00"]}
    assert "No phone number or address" in found.select_one(".ij-call__contact").get_text()


def test_no_sheet_for_a_scheduled_round(out: Path) -> None:
    assert sheet(out, "initech/onsite") is None


SHARED.add({
    "hooli/screen.md": debrief(company="Hooli", contact={"name": "Kim Lee"}, interviewers=["Kim Lee"]),
    "closed/screen.md": debrief(company="Closedco", recruiter="Sam Roe", outcome="rejected"),
    "evil/screen.md": debrief(company="Evilco", recruiter={"name": EVIL, "agency": EVIL}, went_well=[EVIL],
                              take_back=[{"answer": EVIL, "correction": EVIL}]),
})


SHARED.add({"anon/screen.md": debrief(company="Anonco", via="recruiter", interviewers=["Sam Patel"])})


def test_an_unnamed_recruiter_is_the_recruiter(out: Path) -> None:
    found = sheet(out, "anon/screen")
    assert found.select_one("h2").get_text() == "Debrief call with the recruiter"
    assert found.select("a") == [] and "No phone number or address" in found.get_text()
    assert "Say whether you clicked" in found.select_one("[data-point='rapport']").get_text()


def test_no_sheet_for_a_direct_search(out: Path) -> None:
    assert sheet(out, "hooli/screen") is None


def test_a_closed_process_owes_no_call(out: Path) -> None:
    found = sheet(out, "closed/screen")
    assert "ij-call--due" not in found["class"]
    assert "No call needed any more: the process is closed." in found.get_text()


def test_the_sheet_escapes_every_value(out: Path) -> None:
    found = sheet(out, "evil/screen")
    assert found.find("script") is None
    assert EVIL in found.select_one("h2").get_text() and EVIL in found.select_one("[data-point='went-well']").get_text()


def test_a_public_site_has_no_call_sheet(public: Path) -> None:
    page = soup(public / "journal" / "globex" / "onsite" / "index.html")
    assert page.select_one("#debrief-call") is None and page.select_one(".ij-call") is None
    assert "the live demo" not in page.get_text() and "555" not in page.get_text()
    assert page.select_one("[data-kind='recruiter-call']") is not None  # the call is still on the checklist
