"""Thank-you drafts on done rounds and briefings on scheduled ones: real strict builds, parsed HTML.

Tests that only read a site share a build per configuration: ``out`` (no candidate) and
``with_candidate`` (``candidate: CANDIDATE``), each of the files of all its tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from mkdocs.exceptions import Abort

from conftest import SharedJournal, build_once, debrief, soup, write_files
from interview_journal.drafts import interested, joined, mailto_url, split_subject

RECRUITER = {"name": "Dana Ruiz", "agency": "Talent Bridge", "email": "dana@talentbridge.example"}
CANDIDATE = {"name": "Alex Morgan", "top_skills": ["building data pipelines that scale", "mentoring engineers"]}
SHARED = SharedJournal()
"""Files of the tests that read ``out``: no ``candidate`` option."""
WITH_CANDIDATE = SharedJournal()
"""Files of the tests that read ``with_candidate``: ``candidate: CANDIDATE``."""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, SHARED.files)


@pytest.fixture(scope="module")
def with_candidate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_once(tmp_path_factory, WITH_CANDIDATE.files, candidate=CANDIDATE)


def page(out: Path, rel: str = "a"):
    return soup(out / "journal" / rel / "index.html")


def drafts(out: Path, rel: str = "a", kind: str = "thank-you") -> dict[str, dict[str, str]]:
    """Drafts of a page by the person's name: subject, body (the copyable text), href."""
    found = {}
    for section in page(out, rel).select(f"section.ij-draft[data-draft='{kind}']"):
        link = section.select_one("a.ij-draft__mail")
        subject = section.select_one(".ij-draft__subject span")
        found[section.get("data-person", "")] = {
            "subject": subject.get_text() if subject else "",
            "body": section.select_one("pre.ij-draft__text code").get_text(),
            "href": link["href"] if link else "",
        }
    return found


def parse_mailto(href: str) -> tuple[str, str, str]:
    """(address, subject, body) decoded with urllib.parse, as a mail program would."""
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    return unquote(parts.path), query["subject"][0], query["body"][0]


def paragraphs(body: str) -> list[str]:
    """The note without greeting and signature: the paragraphs the protocol asks for."""
    blocks = body.split("\n\n")
    assert blocks[0].startswith(("Dear ", "Hi ", "Hello")), blocks[0]
    return blocks[1:-1]


# --- the core, on its boundaries -------------------------------------------------------------

@pytest.mark.parametrize(("interest", "expected"), [(None, True), (1, False), (2, False), (3, True), (5, True)])
def test_interest_is_claimed_only_from_3_or_when_unset(interest: int | None, expected: bool) -> None:
    assert interested(interest) is expected


def test_mailto_encodes_everything_and_round_trips() -> None:
    subject, body = "Merci — Zoë & Søren?", "Dear Zoë,\n\nA+B = 100% & more #1\nBest"
    url = mailto_url("o'hara%x@example.example", subject, body)
    assert " " not in url and "+" not in url.split("?", 1)[1] and "'" not in url
    address, got_subject, got_body = parse_mailto(url)
    assert address == "o'hara%x@example.example"
    assert got_subject == subject
    assert got_body == body.replace("\n", "\r\n")  # RFC 6068: line breaks are CRLF


def test_subject_line_is_split_off() -> None:
    assert split_subject("\n\nSubject:  Hello \n\n\nDear A,  \n\n\n\nBye\n") == ("Hello", "Dear A,\n\nBye")
    assert split_subject("Dear A,\nBye") == ("", "Dear A,\nBye")


def test_skills_are_joined_as_a_sentence_reads() -> None:
    assert [joined([]), joined(["a"]), joined(["a", "b"]), joined(["a", "b", "c"])] == [
        "", "a", "a and b", "a, b and c"]


# --- drafts on the debrief page --------------------------------------------------------------

WITH_CANDIDATE.add({"northwind.md": debrief(
    company="Northwind", role="Data Engineer", date="2026-11-20 14:00", stage="technical screen",
    interviewers=[{"name": "Priya Shah", "title": "Engineering Manager", "email": "priya@northwind.example"}],
    questions=[{"q": "design a dedup pipeline", "theme": "system design"}], interest=4,
)})


def test_draft_has_two_paragraphs_thanks_then_interest_and_skills(with_candidate: Path) -> None:
    note = drafts(with_candidate, "northwind")["Priya Shah"]
    first, second = paragraphs(note["body"])
    assert note["body"].startswith("Dear Priya,\n\n")
    assert "Friday, 20 November" in first and "enjoyed meeting you" in first and "system design" in first
    assert "even more interested" in second and "next step" in second
    assert "building data pipelines that scale and mentoring engineers" in second
    assert note["body"].endswith("\n\nBest regards,\nAlex Morgan")
    assert note["subject"] == "Thank you for meeting me on Friday — Data Engineer"


def test_mailto_round_trips_accents_ampersands_and_line_breaks(site) -> None:
    out = site({"a.md": debrief(
        company="Société & Fils", role="R&D Engineer", stage="panel", interest=5,
        interviewers=[{"name": "Zoë O'Brien-Søndergaard", "email": "zoe@societe.example"}],
        pitch="I bring R&D rigour —\nand 100% follow-through.",
    )}, candidate={"name": "Renée Dupont & Co"})
    note = drafts(out)["Zoë O'Brien-Søndergaard"]
    address, subject, body = parse_mailto(note["href"])
    assert address == "zoe@societe.example"
    assert subject == note["subject"] == "Thank you for meeting me on Friday — R&D Engineer"
    assert body == note["body"].replace("\n", "\r\n")
    assert "Dear Zoë,\r\n" in body and "R&D rigour —\r\nand 100% follow-through." in body
    assert body.endswith("Renée Dupont & Co")
    assert "+" not in note["href"] and " " not in note["href"]


SHARED.add({"no-address.md": debrief(company="No Address", interviewers=[{"name": "Kim Lee"}])})


def test_no_address_gives_the_text_without_a_mailto(out: Path) -> None:
    html = page(out, "no-address")
    section = html.select_one("section.ij-draft[data-draft='thank-you']")
    assert section.select_one("pre code").get_text().startswith("Dear Kim,")
    assert section.select("a") == []
    assert section.select_one(".ij-draft__no-address") is not None
    assert not html.select("a[href^='mailto:']")


SHARED.add({
    **{f"i{level}.md": debrief(company=f"Co{level}", interest=level, interviewers=["Kim Lee"]) for level in (1, 2, 3)},
    "unset.md": debrief(company="Unset", interviewers=["Kim Lee"]),
})


def test_interest_sentence_only_when_true(out: Path) -> None:
    for rel, claims in (("i1", False), ("i2", False), ("i3", True), ("unset", True)):
        body = drafts(out, rel)["Kim Lee"]["body"]
        assert ("even more interested" in body) is claims, rel
        assert len(paragraphs(body)) == 2, rel


WITH_CANDIDATE.add({
    "pitched.md": debrief(company="Pitched", interviewers=["Kim Lee"], pitch="My on-call tooling cut pages by half."),
    "plain.md": debrief(company="Plain", interviewers=["Kim Lee"]),
})


def test_pitch_beats_top_skills(with_candidate: Path) -> None:
    pitched = drafts(with_candidate, "pitched")["Kim Lee"]["body"]
    plain = drafts(with_candidate, "plain")["Kim Lee"]["body"]
    assert "My on-call tooling cut pages by half." in pitched and "mentoring engineers" not in pitched
    assert "mentoring engineers" in plain


SHARED.add({"nameless.md": debrief(company="Nameless", interviewers=["Kim Lee"], interest=2)})


def test_without_name_or_skills_the_draft_has_a_placeholder_and_no_skills_sentence(out: Path) -> None:
    body = drafts(out, "nameless")["Kim Lee"]["body"]
    assert body.endswith("\n[your name]")
    assert "experience in" not in body
    assert len(paragraphs(body)) == 2  # a neutral second paragraph when nothing else is true


SHARED.add({
    "some-sent.md": debrief(company="Some Sent", recruiter=RECRUITER, recruiter_thank_you="2026-11-21",
                            interviewers=[{"name": "Sent Person", "thank_you": "2026-11-21"},
                                          {"name": "Unsent Person"}]),
    "all-sent.md": debrief(company="Other", interviewers=[{"name": "Kim Lee", "thank_you": "2026-11-20"}]),
})


def test_sent_notes_get_no_draft(out: Path) -> None:
    assert list(drafts(out, "some-sent")) == ["Unsent Person"]
    assert drafts(out, "some-sent", kind="recruiter-thank-you") == {}
    assert page(out, "all-sent").select_one(".ij-drafts") is None


WITH_CANDIDATE.add({"recruited.md": debrief(company="Recruited", recruiter=RECRUITER, stage="onsite",
                                             interviewers=["Kim Lee"])})


def test_recruiter_gets_an_optional_shorter_note(with_candidate: Path) -> None:
    note = drafts(with_candidate, "recruited", kind="recruiter-thank-you")["Dana Ruiz"]
    address, _subject, body = parse_mailto(note["href"])
    assert address == "dana@talentbridge.example" and body == note["body"].replace("\n", "\r\n")
    assert note["body"].startswith("Hi Dana,") and "the onsite" in note["body"]
    assert len(note["body"]) < len(drafts(with_candidate, "recruited")["Kim Lee"]["body"])


SHARED.add({
    "future.md": debrief(company="Future", date="2026-12-01", interviewers=["Kim Lee"]),
    "cancelled.md": debrief(company="Cancelled", status="cancelled", interviewers=["Kim Lee"]),
    "rejected.md": debrief(company="Rejected", outcome="rejected", interviewers=["Kim Lee"]),
})


def test_scheduled_cancelled_and_closed_rounds_get_no_drafts(out: Path) -> None:
    for rel in ("future", "cancelled", "rejected"):
        assert page(out, rel).select_one(".ij-drafts") is None, rel


def test_user_template_override_changes_the_wording(site, tmp_path: Path) -> None:
    write_files(tmp_path / "my-templates", {
        "drafts/thank_you.txt":
            "Subject: Cheers from {{ name }}\n\nHey {{ first_name }} & team,\n\nTa for {{ weekday }}!\n",
    })
    out = site({"a.md": debrief(interviewers=[{"name": "Kim Lee", "email": "kim@acme.example"}])},
               templates="my-templates", candidate={"name": "Alex"})
    note = drafts(out)["Kim Lee"]
    assert note["body"] == "Hey Kim & team,\n\nTa for Friday!"
    assert parse_mailto(note["href"])[1:] == ("Cheers from Alex", "Hey Kim & team,\r\n\r\nTa for Friday!")


@pytest.mark.parametrize(("text", "message"), [
    ("Dear {{ first_name\n", "template drafts/thank_you.txt:1: unexpected end of template"),
    ("Dear {{ nickname }}\n", "template drafts/thank_you.txt: 'nickname' is undefined"),
])
def test_a_broken_override_fails_the_build_with_one_line(site, tmp_path: Path, caplog, text: str, message: str) -> None:
    write_files(tmp_path / "my-templates", {"drafts/thank_you.txt": text})
    with pytest.raises(Abort):
        site({"a.md": debrief(interviewers=["Kim Lee"])}, templates="my-templates")
    assert f"interview-journal: {message}" in caplog.text
    assert "Traceback" not in caplog.text


EVIL = "<script>alert(1)</script>"
SHARED.add({"escaped.md": debrief(interviewers=[{"name": EVIL, "email": "x@acme.example"}], pitch="I & <b>you</b>")})


def test_names_are_escaped_in_the_page_and_intact_in_the_mailto(out: Path) -> None:
    evil = EVIL
    raw = (out / "journal/escaped/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw and "<b>you</b>" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    note = drafts(out, "escaped")[evil]
    assert note["body"].startswith(f"Dear {evil},")
    _, _, body = parse_mailto(note["href"])
    assert body.startswith(f"Dear {evil},\r\n") and "I & <b>you</b>" in body


# --- the check-in of a direct search ---------------------------------------------------------

def check_in(out: Path, rel: str):
    return page(out, rel).select_one("section.ij-draft[data-draft='check-in']")


WITH_CANDIDATE.add({"verte/hm.md": debrief(
    company="Verte & Fils", role="Analytics Engineer", date="2026-11-24 14:00", stage="hiring manager interview",
    via="direct", contact={"name": "Théo Marchand", "title": "Hiring Manager"}, interest=5,
    interviewers=[{"name": "Théo Marchand", "title": "Head of Data", "email": "theo@verte.example"},
                  {"name": "Amélie Rousseau", "email": "amelie@verte.example"}],
)})


def test_a_direct_round_has_a_check_in_draft_to_the_contact_in_two_clicks(with_candidate: Path) -> None:
    box = page(with_candidate, "verte/hm").select_one(".ij-check-in")
    assert box.select_one("h2")["id"] == "check-in-draft"
    assert "Tue 2026-12-01" in box.get_text()  # the check-in's due day: the interview + due.check_in (7)
    note = drafts(with_candidate, "verte/hm", kind="check-in")["Théo Marchand"]
    address, subject, body = parse_mailto(note["href"])
    assert address == "theo@verte.example"  # the contact has no address: the interviewer of that name has
    assert subject == note["subject"] == "Analytics Engineer at Verte & Fils: next steps after the hiring manager interview"
    assert body == note["body"].replace("\n", "\r\n")
    assert note["body"].startswith("Dear Théo,\n\nThank you again for the hiring manager interview on Tuesday, 24 November.")
    assert "still very interested" in note["body"] and "next steps" in note["body"]
    assert note["body"].endswith("\n\nThank you,\nAlex Morgan")
    assert box.select_one(".ij-draft__to").get_text() == "To Théo Marchand, Hiring Manager"


SHARED.add({
    "nocontact/a.md": debrief(company="No Contact", interviewers=[
        {"name": "Sam Patel", "title": "Staff Engineer", "email": "sam@nc.example"},
        {"name": "Ana Costa", "title": "Hiring Manager, Data", "email": "ana@nc.example"}]),
    "nobody/a.md": debrief(company="Nobody", interviewers=["Sam Patel"], interest=1),
    "heard/a.md": debrief(company="Heard", contact="Kim Lee", feedback={"received": "2026-11-24"}),
    "agency/a.md": debrief(company="Agency", recruiter=RECRUITER, interviewers=["Kim Lee"]),
    "gone/a.md": debrief(company="Gone", contact="Kim Lee", outcome="withdrawn"),
})


def test_without_a_contact_the_check_in_goes_to_the_interviewer_who_is_the_hiring_manager(out: Path) -> None:
    note = drafts(out, "nocontact/a", kind="check-in")["Ana Costa"]
    assert parse_mailto(note["href"])[0] == "ana@nc.example" and note["body"].startswith("Dear Ana,")


def test_with_nobody_known_the_check_in_is_text_to_copy(out: Path) -> None:
    box = check_in(out, "nobody/a")
    assert box.select_one("pre code").get_text().startswith("Hello,\n\n")
    assert "still very interested" not in box.get_text()  # interest 1: not claimed
    assert box.select("a") == [] and box.select_one(".ij-draft__no-address") is not None
    assert "To the hiring manager or HR coordinator" in box.get_text()


def test_no_check_in_once_heard_through_a_recruiter_or_in_a_closed_process(out: Path) -> None:
    for rel in ("heard/a", "agency/a", "gone/a"):
        assert page(out, rel).select_one(".ij-check-in") is None, rel


def test_the_check_in_wording_is_a_template_of_its_own(site, tmp_path: Path) -> None:
    write_files(tmp_path / "my-templates", {"drafts/check_in.txt": "Subject: Any news, {{ first_name }}?\n\nHi!\n"})
    out = site({"a.md": debrief(contact={"name": "Kim Lee", "email": "kim@acme.example"})}, templates="my-templates")
    note = drafts(out, kind="check-in")["Kim Lee"]
    assert (note["subject"], note["body"]) == ("Any news, Kim?", "Hi!")


def test_the_docs_quote_the_sample_s_check_in() -> None:
    from datetime import date

    from conftest import REPO
    from interview_journal.drafts import check_in_draft
    from interview_journal.load import load_journal
    from interview_journal.options import read_config
    from interview_journal.pages.render import text_renderer
    from interview_journal.process import build_processes

    config = read_config(REPO / "mkdocs.yml")
    processes = build_processes(load_journal(config.journal_path, config.options.zone), date(2026, 11, 25))
    (round_,) = [r for p in processes for r in p.rounds
                 if r.entry.rel == "societe-verte-fils/2026-11-24-hiring-manager-interview"]
    draft = check_in_draft(round_, config.options.candidate, text_renderer())
    assert draft is not None
    text = f"```text\nSubject: {draft.subject}\n\n{draft.body}\n```"
    for doc in ("protocol.md", "thank-you-notes.md"):
        assert text in (REPO / "docs" / doc).read_text(encoding="utf-8"), doc


# --- briefings before a scheduled round ------------------------------------------------------

EARLIER = {
    "company": "Acme", "role": "Data Engineer", "date": "2026-11-10", "stage": "screen", "recruiter": RECRUITER,
    "interviewers": [{"name": "Met Before", "title": "Lead"}],
    "went_poorly": ["rambled on why-leave"],
    "take_back": [{"answer": "said no Kafka", "correction": "two years of Kafka"}],
    "feedback": {"received": "2026-11-12", "negatives": ["wants more SQL depth"],
                 "next_steps": "final panel with the VP"},
}
OTHER_ROLE = {
    "company": "Acme", "role": "Analytics Engineer", "date": "2026-11-15", "recruiter": RECRUITER,
    "interviewers": [{"name": "Other Role Person"}], "went_poorly": ["other-role slip"],
    "feedback": {"negatives": ["other-role negative"], "next_steps": "other-role next step"},
}
NEXT = {
    "company": "Acme", "role": "Data Engineer", "date": "2026-12-01 10:00", "stage": "final", "recruiter": RECRUITER,
    "interviewers": [{"name": "Vera Vice", "title": "VP of Data", "background": "built the data org",
                   "looking_for": "leadership"}, {"name": "Hal Unknown"}],
}


SHARED.add({"briefed/1-screen.md": debrief(**{**EARLIER, "company": "Briefed"}),
            "briefed/other-role.md": debrief(**{**OTHER_ROLE, "company": "Briefed"}),
            "briefed/2-final.md": debrief(**{**NEXT, "company": "Briefed"})})


def test_briefing_lists_people_type_next_steps_and_earlier_rounds_of_the_same_process(out: Path) -> None:
    box = page(out, "briefed/2-final").select_one(".ij-briefing")
    text = box.get_text(" ", strip=True)
    assert "Vera Vice , VP of Data" in text and "built the data org" in text and "leadership" in text
    hal = next(li for li in box.select(".ij-briefing__people > li") if "Hal Unknown" in li.get_text())
    assert len(hal.select(".ij-flag")) == 3  # title, background, looking for
    assert "not told yet — ask Dana Ruiz" in hal.get_text()
    assert "format not told yet — ask Dana Ruiz" in text
    assert "final panel with the VP" in text
    earlier = box.select_one(".ij-briefing__earlier").get_text(" ", strip=True)
    for expected in ("wants more SQL depth", "rambled on why-leave", "said no Kafka", "two years of Kafka"):
        assert expected in earlier
    met = [li.get_text(" ", strip=True).split(" (")[0] for li in box.select(".ij-briefing__met > li")]
    assert met == ["Met Before, Lead"]
    for leaked in ("other-role", "Other Role Person"):
        assert leaked not in text


SHARED.add({"done/a.md": debrief(company="Done", interviewers=["Kim Lee"]),
            "known/b.md": debrief(company="Known", date="2026-12-01", format="video",
                                  interviewers=[{"name": "Kim Lee", "title": "CTO"}])})


def test_done_rounds_have_no_briefing_and_a_known_format_is_not_flagged(out: Path) -> None:
    assert page(out, "done/a").select_one(".ij-briefing") is None
    box = page(out, "known/b").select_one(".ij-briefing")
    assert "video" in box.get_text() and "format not told yet" not in box.get_text()


SHARED.add({"closed/1.md": debrief(company="Closed", outcome="rejected"),
            "closed/2.md": debrief(company="Closed", date="2026-12-01")})


def test_a_closed_process_gets_no_briefing(out: Path) -> None:
    assert page(out, "closed/2").select_one(".ij-briefing") is None


SHARED.add({"unnamed.md": debrief(company="Unnamed", date="2026-12-01")})


def test_a_briefing_without_interviewers_says_so(out: Path) -> None:
    box = page(out, "unnamed").select_one(".ij-briefing")
    assert "not told yet — ask the hiring manager or HR coordinator" in box.get_text()


# --- a public site ---------------------------------------------------------------------------

def test_public_site_has_no_drafts_and_a_briefing_without_private_notes(site) -> None:
    files = {"acme/1-screen.md": debrief(**{**EARLIER, "interviewers": [
        {"name": "Met Before", "title": "Lead", "email": "met@acme.example"}]}),
        "acme/2-final.md": debrief(**NEXT),
        "direct/a.md": debrief(company="Direct Co", contact={"name": "Kim Lee", "email": "kim@direct.example"})}
    out = site(files, public=True, candidate=CANDIDATE)
    assert page(out, "acme/1-screen").select_one(".ij-drafts") is None
    assert page(out, "direct/a").select_one("[data-kind='check-in']") is not None  # owed, with no draft
    assert all(soup(html).select_one("[data-draft]") is None for html in out.rglob("*.html"))
    for html in out.rglob("*.html"):
        for link in soup(html).select("a[href^='mailto:']"):
            assert urlsplit(link["href"]).path == "", html
    box = page(out, "acme/2-final").select_one(".ij-briefing")
    text = box.get_text(" ", strip=True)
    assert "Vera Vice , VP of Data" in text and "Met Before, Lead" in text
    index = json.dumps(json.loads((out / "search/search_index.json").read_text(encoding="utf-8")))
    for private in ("built the data org", "leadership", "final panel with the VP", "wants more SQL depth",
                    "rambled on why-leave", "said no Kafka", "two years of Kafka", "met@acme.example",
                    "even more interested", "mentoring engineers"):
        assert private not in text
        if private != "rambled on why-leave":  # went_poorly is public on the debrief page itself
            assert private not in index, private
