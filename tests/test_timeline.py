"""Company timelines, stages, the companies index, the dashboard and the people page.

The tests of built pages share one build (``out``) of all their files, each test's under its
own companies; on the pages that list every company a test reads only its own rows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import SharedJournal, build_once, debrief, soup, write_files
from interview_journal.load import load_journal
from interview_journal.process import Process, build_processes
from interview_journal.timeline import Met, company_events, company_people, people, stage

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 25)
NOTE = "---\nkind: company\ncompany: Acme\n{extra}---\n{body}"
SHARED = SharedJournal()


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # quiet_days: 14 is the default; test_dashboard_flags_a_quiet_process names it all the same
    return build_once(tmp_path_factory, SHARED.files, quiet_days=14)


def processes(tmp_path: Path, files: dict[str, str]):
    write_files(tmp_path / "journal", files)
    journal = load_journal(tmp_path / "journal", BERLIN)
    assert journal.problems == []
    return journal, build_processes(journal, TODAY)


def test_timeline_orders_dates_datetimes_and_offsets_together(tmp_path: Path) -> None:
    journal, found = processes(tmp_path, {
        "acme/company.md": NOTE.format(extra="applied: 2026-11-01\nlog:\n  - date: 2026-11-20 09:00\n    note: mail\n", body=""),
        "acme/a.md": debrief(date="2026-11-20T07:30:00-05:00", recruiter_call="2026-11-20",  # 13:30 Berlin
                             interviewers=[{"name": "Priya", "thank_you": "2026-11-21 08:00"}]),
    })
    events = company_events(journal.companies["acme"], found, BERLIN)
    # the call of 2026-11-20 (a whole day) comes after that day's 09:00 mail and 13:30 interview
    assert [e.kind for e in events] == ["applied", "log", "interview", "recruiter-call", "thank-you"]


@pytest.mark.parametrize(
    ("fields", "note", "expected"),
    [
        ({"outcome": "rejected"}, "", "closed: rejected"),
        ({"outcome": "withdrawn"}, "", "closed: withdrawn"),
        ({"outcome": "offer"}, "", "offer"),
        ({"offer": {"deadline": "2026-12-04"}}, "", "offer, reply by 2026-12-04"),
        ({"offer": {"deadline": "2026-12-04", "replied": "2026-12-01"}}, "", "offer"),
        ({"offer": {"deadline": "2026-12-04"}}, "status: declined\n", "closed: declined"),
        ({"offer": {"deadline": "2026-12-04"}, "status": "cancelled"}, "", "applied"),  # a round that did not happen
        ({}, "status: offer\n", "offer"),
        ({}, "status: ghosted\n", "closed: ghosted"),
        ({}, "status: accepted\n", "closed: accepted"),
        ({"feedback": {"received": "2026-11-22"}}, "", "round 1 done 2026-11-20"),
        ({}, "", "round 1 done 2026-11-20, awaiting feedback"),
    ],
)
def test_stage_of_a_process(tmp_path: Path, fields: dict, note: str, expected: str) -> None:
    _, found = processes(tmp_path, {"acme/company.md": NOTE.format(extra=note, body=""),
                                    "acme/a.md": debrief(**fields)})
    assert str(stage(found[0], TODAY)) == expected


def test_an_offer_and_the_reply_are_events(tmp_path: Path) -> None:
    journal, found = processes(tmp_path, {"acme/a.md": debrief(
        date="2026-11-12", offer={"received": "2026-11-20", "deadline": "2026-12-04", "replied": "2026-11-24"})})
    events = company_events(journal.companies["acme"], found, BERLIN)
    assert [(e.kind, e.title, str(e.when)) for e in events] == [
        ("interview", "Data Engineer: round 1", "2026-11-12"),
        ("offer", "Offer for Data Engineer", "2026-11-20"),
        ("offer-reply", "Replied to the offer for Data Engineer", "2026-11-24")]


def test_stage_names_the_next_scheduled_round(tmp_path: Path) -> None:
    _, found = processes(tmp_path, {"a.md": debrief(), "b.md": debrief(date="2026-12-02 10:00")})
    assert str(stage(found[0], TODAY)) == "round 2 scheduled 2026-12-02 10:00"


def test_one_person_met_twice_is_one_row(tmp_path: Path) -> None:
    _, found = processes(tmp_path, {
        "a.md": debrief(interviewers=[{"name": "Priya Shah", "title": "EM"}], recruiter={"name": "Dana"}),
        "b.md": debrief(date="2026-11-22", interviewers=["priya shah"], recruiter={"name": "Dana"}),
        "c.md": debrief(company="Beta", interviewers=["Priya Shah"], recruiter={"name": "Dana"}),
    })
    met = {(m.role, m.name, tuple(c.name for c in m.companies)): len(m.rounds) for m in people(found, TODAY)}
    assert met == {
        ("interviewer", "Priya Shah", ("Acme",)): 2,
        ("interviewer", "Priya Shah", ("Beta",)): 1,
        ("recruiter", "Dana", ("Acme", "Beta")): 3,
    }


SHARED.add({
    "acme/company.md": NOTE.format(extra="applied: 2026-11-01\nsource: referral\n", body="A **great** team.\n"),
    "acme/a.md": debrief(company="ACME", recruiter={"name": "Rosa Diaz"}, recruiter_call="2026-11-20",
                         interviewers=[{"name": "Priya Shah", "title": "EM", "thank_you": "2026-11-21"}],
                         feedback={"received": "2026-11-23", "negatives": ["wants more streaming"]}),
    "acme/b.md": debrief(company="Acme", date="2026-12-02 10:00", stage="onsite", recruiter={"name": "Rosa Diaz"}),
})


def test_company_page_tells_the_story(out: Path) -> None:
    page = soup(out / "journal/companies/acme/index.html")
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in page.select("dl.ij-summary dt")}
    assert facts["Data Engineer"] == "round 2 scheduled 2026-12-02 10:00 · 2 rounds"
    assert facts["Source"] == "referral" and facts["Applied"] == "Sun 2026-11-01"
    events = [li["data-event"] for li in page.select("ol.ij-timeline > li")]
    assert events == ["applied", "interview", "recruiter-call", "thank-you", "feedback", "interview"]
    assert "wants more streaming" in page.select("ol.ij-timeline > li")[4].get_text()
    assert page.select_one("article strong").get_text() == "great"  # the note's body, as Markdown
    assert {li["data-kind"] for li in page.select("li.ij-item")} == {"prep-format", "recruiter-thank-you"}


ORDERED = ("soon", "late", "quiet", "done")
SHARED.add({
    "late/a.md": debrief(company="Late", date="2026-11-24", interviewers=["P"]),
    "soon/a.md": debrief(company="Soon", date="2026-11-18", interviewers=["P"]),
    "done/a.md": debrief(company="Done", outcome="rejected", interviewers=["P"]),
    "quiet/a.md": debrief(company="Quiet", via="direct", feedback={"received": "2026-11-21"}),
})


def test_companies_index_puts_the_nearest_follow_up_first(out: Path) -> None:
    rows = [row for row in soup(out / "journal/companies/index.html").select("tbody tr")
            if row["data-company"] in ORDERED]
    assert [row["data-company"] for row in rows] == ["soon", "late", "quiet", "done"]
    assert rows[0].select("td")[4].get_text(" ", strip=True).startswith("Thu 2026-11-19")


SHARED.add({
    # 2 overdue thank-yous, overdue check-in
    "board/a.md": debrief(company="A", date="2026-11-10", interviewers=["P", "Q"]),
    "board/b.md": debrief(company="B", date="2026-11-24", interviewers=["R"]),  # thank-you today
    "board/c.md": debrief(company="C", date="2026-12-01 09:00", stage="onsite"),
})


def test_dashboard_counts_agree_with_the_engine(out: Path) -> None:
    """The dashboard's counts are the follow-ups page's, whole; this test's companies by hand."""
    page = soup(out / "journal/index.html")
    counts = {a["data-bucket"]: int(a.select_one(".ij-count__n").get_text()) for a in page.select(".ij-count")}
    followups = soup(out / "journal/followups/index.html")
    on_followups = {s["data-bucket"]: len(s.select("li.ij-item")) for s in followups.select("section.ij-bucket")}
    assert counts == {k: on_followups[k] for k in ("overdue", "today", "this-week")}
    ours = {s["data-bucket"]: len(s.select("li.ij-item[data-company='a'], li.ij-item[data-company='b'], "
                                           "li.ij-item[data-company='c']"))
            for s in followups.select("section.ij-bucket")}
    assert {k: ours[k] for k in ("overdue", "today", "this-week")} == {"overdue": 3, "today": 1, "this-week": 1}
    upcoming = [a.get_text() for a in page.select("#upcoming ~ ul a") if a["href"].startswith("board/")]
    assert upcoming[0] == "C, Data Engineer: onsite"


SHARED.add({"silent.md": debrief(company="Silent", date="2026-11-01", via="direct")})


def test_dashboard_flags_a_quiet_process(out: Path) -> None:
    row = soup(out / "journal/index.html").select_one(".ij-board tbody tr[data-company='silent']")
    assert "24 days ago" in row.get_text() and row.select_one(".ij-quiet") is not None


SHARED.add({"met/a.md": debrief(company="Alder", recruiter={"name": "Dana Ruiz", "agency": "TB"},
                                interviewers=["Priya"]),
            "met/b.md": debrief(company="Beta", recruiter={"name": "Dana Ruiz"})})


def test_people_page_lists_recruiters_with_their_companies(out: Path) -> None:
    rows = [[" ".join(td.get_text().split()) for td in tr.select("td")]
            for tr in soup(out / "journal/people/index.html").select("tbody tr")]
    rows = [row for row in rows if set(row[1].split(", ")) <= {"Alder", "Beta"}]  # the people of this test
    assert ["Dana Ruiz", "Alder, Beta", "recruiter (TB)"] == rows[0][:3]
    assert rows[1][:3] == ["Priya", "Alder", "interviewer"]


SHARED.add({"linked/a.md": debrief(company="[[Corvid Labs]]", recruiter="[[People/Lea Moreau|Lea]]",
                                   interviewers=["[[Sam Okafor]]", {"name": "[[Ada Lin]]", "title": "CTO"}]),
            "linked/b.md": debrief(company="Dunlin", via="direct", contact={"name": "[[Sam Okafor]]"},
                                   interviewers=["Sam Okafor"])})


def test_wiki_links_are_names_and_each_person_links_to_their_row(out: Path) -> None:
    people_page = soup(out / "journal/people/index.html")
    ids = [tr.get("id") for tr in people_page.select("tbody tr")]
    assert len(ids) == len(set(ids)) and all(ids)
    for debrief_page, names in (("linked/a", ["Lea Moreau", "Sam Okafor", "Ada Lin"]), ("linked/b", ["Sam Okafor"] * 2)):
        html = soup(out / f"journal/{debrief_page}/index.html")
        links = html.select(".ij-summary .ij-person a[href*='people/#']")
        assert [a.get_text() for a in links] == names
        assert "[[" not in html.select_one(".ij-summary").get_text()
        for a in links:
            assert a["href"].startswith("../../people/#")
            row = people_page.find("tr", id=a["href"].split("#", 1)[1])
            assert row is not None and row.td.get_text(" ", strip=True).startswith(a.get_text())
    # one Sam Okafor at each company; at Dunlin the interviewer is the contact too: two rows, two anchors
    sams = [tr["id"] for tr in people_page.select("tbody tr") if tr.td.get_text(strip=True) == "Sam Okafor"]
    assert sams == ["interviewer-corvid-labs-sam-okafor", "interviewer-dunlin-sam-okafor"]


EVIL = '<img src=x onerror=alert(1)>'
SHARED.add({"evil.md": debrief(company=EVIL, role=EVIL, stage=EVIL, recruiter={"name": EVIL, "agency": EVIL},
                               interviewers=[{"name": EVIL, "title": EVIL}])})


@pytest.mark.parametrize("page", ["journal/companies/index.html", "journal/people/index.html", "journal/index.html"])
def test_new_pages_escape_front_matter(out: Path, page: str) -> None:
    evil = EVIL
    html = soup(out / page)
    assert html.select("img[onerror]") == []
    assert evil in html.get_text()
    company_pages = [path for path in (out / "journal/companies").glob("*/index.html") if evil in soup(path).get_text()]
    assert len(company_pages) == 1 and soup(company_pages[0]).select("img[onerror]") == []


SHARED.add({"optional.md": debrief(company="Optio", date="2026-11-10", recruiter={"name": "Dana"},
                                    recruiter_call="2026-11-10", feedback={"received": "2026-11-12"},
                                    interviewers=[{"name": "P", "thank_you": "2026-11-10"}],
                                    body="- [ ] send the link 📅 2026-11-28\n")})


def test_an_optional_item_is_not_the_next_follow_up(out: Path) -> None:
    cell = soup(out / "journal/companies/index.html").select_one("tbody tr[data-company='optio']").select("td")[4]
    assert cell.select_one("[data-kind]")["data-kind"] == "task"


def test_a_stage_sorts_boards_and_reads_as_a_sentence() -> None:
    from interview_journal.timeline import Stage

    stages = [Stage("closed", closed_by="rejected"), Stage("applied"), Stage("held", 1, date(2026, 11, 20), True),
              Stage("scheduled", 2, date(2026, 12, 2)), Stage("offer")]
    assert [str(s) for s in sorted(stages, key=lambda s: s.rank)] == [
        "offer", "round 2 scheduled 2026-12-02", "round 1 done 2026-11-20, awaiting feedback", "applied",
        "closed: rejected"]


def test_a_contact_who_also_interviews_is_one_person(tmp_path: Path) -> None:
    _, found = processes(tmp_path, {
        "acme/a.md": debrief(date="2026-11-10", via="direct", contact={"name": "Théo Marchand", "title": "Hiring Manager"}),
        "acme/b.md": debrief(date="2026-11-20", via="direct", contact={"name": "Théo Marchand"},
                             interviewers=[{"name": "theo marchand", "title": "Head of Data"}, "Ann Wu"]),
    })
    met = people(found, TODAY)
    assert [(m.name, m.roles) for m in met] == [("Ann Wu", ["interviewer"]),
                                                 ("Théo Marchand", ["contact", "interviewer"])]
    assert len(met[1].rounds) == 2 and met[1].title == "Hiring Manager"


def test_people_merged_from_each_companys_kept_rows_are_the_rows_of_one_pass(tmp_path: Path) -> None:
    _, found = processes(tmp_path, {
        "a.md": debrief(recruiter={"name": "Dana"}, interviewers=["Sam Lee"]),
        "b.md": debrief(company="Beta", interviewers=["Sam Lee"],
                        recruiter={"name": "Dana", "title": "Partner", "email": "dana@agency.example"}),
        "c.md": debrief(company="Gamma", date="2026-11-22", recruiter={"name": "dana", "title": "Associate"}),
    })
    kept: dict[str, list[Met]] = {}

    def of_company(part: list[Process]) -> list[Met]:  # as mkdocs serve keeps them (pages.reuse)
        return kept.setdefault(part[0].company.key, company_people(part, TODAY))

    one_pass = people(found, TODAY)
    people(found, TODAY, of_company)
    again = people(found, TODAY, of_company)  # the kept rows were left as they were
    assert [vars(m) for m in again] == [vars(m) for m in one_pass]
    dana = next(m for m in one_pass if m.role == "recruiter")
    assert ([c.name for c in dana.companies], dana.title, dana.email, len(dana.rounds)) == (
        ["Acme", "Beta", "Gamma"], "Partner", "dana@agency.example", 3)
    assert [m.anchor for m in one_pass] == ["recruiter-dana", "interviewer-acme-sam-lee", "interviewer-beta-sam-lee"]
