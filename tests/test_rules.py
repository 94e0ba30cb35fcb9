"""The follow-up protocol, rule by rule, on its boundaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import debrief, write_files
from interview_journal.load import load_journal
from interview_journal.options import Due
from interview_journal.process import build_processes
from interview_journal.rules import all_items, bucket, by_bucket, listed_tasks, outstanding

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 11, 25)
RECRUITER = {"name": "Dana Ruiz", "agency": "Talent Bridge"}


def items(tmp_path: Path, files: dict[str, str], today: date = TODAY, offsets: Due | None = None):
    write_files(tmp_path / "journal", files)
    journal = load_journal(tmp_path / "journal", BERLIN)
    assert journal.problems == []
    return all_items(build_processes(journal, today), offsets or Due())


def kinds(found) -> list[tuple[str, str | None, bool]]:
    return sorted((item.kind, item.due.isoformat() if item.due else None, item.outstanding) for item in found)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (date(2026, 11, 24), "overdue"),
        (date(2026, 11, 25), "today"),
        (date(2026, 11, 26), "this-week"),
        (date(2026, 12, 2), "this-week"),  # day 7
        (date(2026, 12, 3), "later"),  # day 8
        (None, "undated"),
    ],
)
def test_bucket_boundaries(due: date | None, expected: str) -> None:
    assert bucket(due, TODAY) == expected


def test_optional_items_are_never_overdue() -> None:
    assert bucket(date(2026, 1, 1), TODAY, optional=True) == "optional"


def test_done_round_via_recruiter_has_the_whole_protocol(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(
        recruiter=RECRUITER,
        interviewers=[{"name": "Priya Shah", "title": "Engineering Manager"}, {"name": "Tom Becker"}],
        take_back=[{"answer": "said I never used Kafka"}],
    )})
    assert kinds(found) == [
        ("feedback", "2026-11-23", True),
        ("recruiter-call", "2026-11-20", True),
        ("recruiter-thank-you", "2026-11-21", True),
        ("take-back", "2026-11-20", True),
        ("thank-you", "2026-11-21", True),
        ("thank-you", "2026-11-21", True),
    ]


def test_direct_round_has_thank_yous_and_a_check_in(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(contact={"name": "Kim Lee", "title": "HR Coordinator"},
                                             interviewers=["Priya Shah"])})
    assert kinds(found) == [("check-in", "2026-11-27", True), ("thank-you", "2026-11-21", True)]
    check_in = next(item for item in found if item.kind == "check-in")
    assert check_in.title == "Check in with Kim Lee (HR Coordinator) about the next steps after round 1"
    assert check_in.person == "Kim Lee"


def test_thank_you_title_names_the_person_and_title(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(interviewers=[{"name": "Tom Becker", "title": "Staff Engineer"}])})
    assert [item.title for item in found if item.kind == "thank-you"] == [
        "Send a thank-you note to Tom Becker (Staff Engineer)"
    ]


@pytest.mark.parametrize(
    ("fields", "kind"),
    [
        ({"recruiter_call": "2026-11-20"}, "recruiter-call"),
        ({"recruiter_thank_you": "2026-11-22"}, "recruiter-thank-you"),
        ({"feedback": {"received": "2026-11-22"}}, "feedback"),
        ({"take_back": [{"answer": "x", "clarified": "2026-11-21"}]}, "take-back"),
        ({"interviewers": [{"name": "P", "thank_you": "2026-11-20"}]}, "thank-you"),
    ],
)
def test_each_recruiter_item_is_done_by_its_field(tmp_path: Path, fields: dict, kind: str) -> None:
    found = [item for item in items(tmp_path, {"a.md": debrief(recruiter=RECRUITER, **fields)}) if item.kind == kind]
    assert len(found) == 1
    assert found[0].done and found[0].done_on is not None and not found[0].outstanding


def test_feedback_received_ends_the_direct_check_in(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(feedback={"received": "2026-11-24"})})
    assert [(item.kind, item.done_on) for item in found] == [("check-in", date(2026, 11, 24))]


def test_scheduled_round_via_recruiter_asks_for_the_briefing(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(
        date="2026-12-02 10:00", recruiter=RECRUITER,
        interviewers=[{"name": "Rafael Gómez"}, {"name": "Mia Chen", "background": "ran the data team"}],
    )})
    assert kinds(found) == [
        ("prep-background", "2026-12-01", False),
        ("prep-background", "2026-12-01", True),
        ("prep-format", "2026-11-30", True),
    ]


def test_scheduled_round_with_format_needs_no_format_briefing(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(date="2026-12-02", recruiter=RECRUITER, format="onsite")})
    assert [(item.kind, item.outstanding) for item in found] == [("prep-format", False)]


def test_scheduled_direct_round_has_nothing_yet(tmp_path: Path) -> None:
    assert items(tmp_path, {"a.md": debrief(date="2026-12-02", interviewers=["Priya"])}) == []


def test_a_round_today_is_done_by_default(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(date="2026-11-25 18:00", interviewers=["Priya"])})
    assert {item.kind for item in found} == {"thank-you", "check-in"}


def test_recruiter_is_inherited_from_the_company_note(tmp_path: Path) -> None:
    found = items(tmp_path, {
        "acme/company.md": "---\nkind: company\ncompany: ACME, Inc.\nrecruiter:\n  name: Dana Ruiz\n---\n",
        "acme/a.md": debrief(company="Acme Inc"),
    })
    call = next(item for item in found if item.kind == "recruiter-call")
    assert call.title == "Call Dana Ruiz to debrief round 1"
    assert call.person == "Dana Ruiz"


def test_explicit_direct_wins_over_a_known_recruiter(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(recruiter=RECRUITER, via="direct")})
    assert {item.kind for item in found} == {"check-in"}


@pytest.mark.parametrize("status", ["accepted", "declined", "rejected", "withdrawn", "ghosted"])
def test_closing_company_status_suppresses_outstanding_items(tmp_path: Path, status: str) -> None:
    found = items(tmp_path, {
        "acme/company.md": f"---\nkind: company\ncompany: Acme\nstatus: {status}\n---\n",
        "acme/a.md": debrief(recruiter=RECRUITER, interviewers=[{"name": "P", "thank_you": "2026-11-20"}],
                             body="- [ ] send the link\n"),
    })
    assert outstanding(found) == []
    assert [item.kind for item in found] == ["thank-you"]  # done items stay on the checklist


@pytest.mark.parametrize("outcome", ["rejected", "withdrawn"])
def test_closing_outcome_closes_every_round_of_the_process(tmp_path: Path, outcome: str) -> None:
    found = items(tmp_path, {
        "a.md": debrief(date="2026-11-10", interviewers=["P"]),
        "b.md": debrief(date="2026-11-20", interviewers=["Q"], outcome=outcome),
        "other.md": debrief(role="Analyst", interviewers=["R"]),
    })
    assert {item.path for item in outstanding(found)} == {"other.md"}


def test_offer_keeps_the_process_open(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(interviewers=["P"], outcome="offer")})
    assert [item.kind for item in outstanding(found)] == ["thank-you", "check-in"]


# --- offer-reply ------------------------------------------------------------------------------

def offer_item(found):
    (item,) = [item for item in found if item.kind == "offer-reply"]
    return item


def test_an_offer_is_due_on_its_deadline_and_names_it(tmp_path: Path) -> None:
    found = items(tmp_path, {"acme/a.md": debrief(recruiter=RECRUITER, outcome="offer",
                                                  offer={"received": "2026-11-20", "deadline": "2026-12-04"})})
    item = offer_item(found)
    assert (item.id, item.due, item.outstanding) == ("acme/a.md#offer-reply", date(2026, 12, 4), True)
    assert item.title == "Reply to the offer from Acme (deadline Fri 2026-12-04)"
    assert item.person == "Dana Ruiz"


@pytest.mark.parametrize(("offer", "offsets", "due"), [
    ({"received": "2026-11-22"}, Due(), date(2026, 11, 25)),  # received + 3
    ({"received": "2026-11-22"}, Due(offer_reply=0), date(2026, 11, 22)),
    ({}, Due(), date(2026, 11, 23)),  # nothing but the offer: the round's date + 3
    ({"received": "2026-11-22", "deadline": "2026-11-23 17:00"}, Due(), date(2026, 11, 23)),  # the deadline wins
])
def test_without_a_deadline_the_reply_is_due_days_after_the_offer(tmp_path: Path, offer: dict, offsets: Due,
                                                                 due: date) -> None:
    item = offer_item(items(tmp_path, {"a.md": debrief(offer=offer)}, offsets=offsets))
    assert item.due == due
    assert item.title.endswith("(no deadline given)") is ("deadline" not in offer)


@pytest.mark.parametrize(("deadline", "expected"), [
    ("2026-11-24", "overdue"), ("2026-11-25", "today"), ("2026-11-26", "this-week")])
def test_an_offer_due_today_is_not_overdue(tmp_path: Path, deadline: str, expected: str) -> None:
    found = items(tmp_path, {"a.md": debrief(offer={"received": "2026-11-20", "deadline": deadline})})
    assert offer_item(by_bucket(found, TODAY)[expected]).kind == "offer-reply"


def test_replying_is_done_on_the_day_of_the_reply(tmp_path: Path) -> None:
    item = offer_item(items(tmp_path, {"a.md": debrief(offer={"deadline": "2026-12-04", "replied": "2026-12-02"})}))
    assert (item.done, item.done_on, item.outstanding) == (True, date(2026, 12, 2), False)


@pytest.mark.parametrize(("note", "outcome"), [("accepted", None), ("declined", None), (None, "withdrawn")])
def test_a_closed_process_owes_no_reply_and_keeps_it_ticked(tmp_path: Path, note: str | None,
                                                           outcome: str | None) -> None:
    files = {"acme/a.md": debrief(offer={"deadline": "2026-12-04"}, **({"outcome": outcome} if outcome else {}))}
    if note:
        files["acme/company.md"] = f"---\nkind: company\ncompany: Acme\nstatus: {note}\n---\n"
    item = offer_item(items(tmp_path, files))
    assert (item.done, item.done_on, item.outstanding) == (True, None, False)


def test_a_direct_offer_names_the_contact(tmp_path: Path) -> None:
    item = offer_item(items(tmp_path, {"a.md": debrief(contact={"name": "Kim Lee"}, offer={"deadline": "2026-12-04"})}))
    assert item.person == "Kim Lee"


@pytest.mark.parametrize("status", ["cancelled", "no-show"])
def test_cancelled_and_no_show_rounds_owe_nothing(tmp_path: Path, status: str) -> None:
    found = items(tmp_path, {"a.md": debrief(status=status, recruiter=RECRUITER, interviewers=["P"],
                                             body="- [ ] something\n")})
    assert outstanding(found) == []


def test_offsets_come_from_the_options(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(interviewers=["P"])}, offsets=Due(thank_you=0, check_in=3))
    assert kinds(found) == [("check-in", "2026-11-23", True), ("thank-you", "2026-11-20", True)]


def test_naive_and_aware_datetimes_in_one_journal(tmp_path: Path) -> None:
    found = items(tmp_path, {
        "a.md": debrief(date="2026-11-20 14:00", interviewers=["P"]),
        "b.md": debrief(date="2026-11-20T23:30:00-05:00", interviewers=["Q"]),  # 05:30 on the 21st in Berlin
        "c.md": debrief(date="2026-11-19", interviewers=["R"]),
    })
    thank_yous = sorted((item.path, item.due.isoformat()) for item in found if item.kind == "thank-you")
    assert thank_yous == [("a.md", "2026-11-21"), ("b.md", "2026-11-22"), ("c.md", "2026-11-20")]


def test_rounds_are_numbered_by_date_and_cancelled_ones_do_not_count(tmp_path: Path) -> None:
    write_files(tmp_path / "journal", {
        "a.md": debrief(date="2026-11-01"),
        "b.md": debrief(date="2026-11-10", status="cancelled"),
        "c.md": debrief(date="2026-11-12"),
        "d.md": debrief(date="2026-11-05", company="Other"),
    })
    processes = build_processes(load_journal(tmp_path / "journal", BERLIN), TODAY)
    numbers = {r.entry.rel: r.number for p in processes for r in p.rounds}
    assert numbers == {"a": 1, "b": 2, "c": 2, "d": 1}


def test_task_lines_become_items(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(via="direct", feedback={"received": "2026-11-21"}, body="""
        - [ ] send the portfolio link 📅 2026-11-27
        - [ ] read their engineering blog [due:: 2026-11-26]
        - [ ] ask about the team
        - [x] update the CV ✅ 2026-11-19
        - [-] call back
        """)})
    tasks = [(item.title, item.due, item.outstanding) for item in found if item.kind == "task"]
    assert tasks == [
        ("send the portfolio link", date(2026, 11, 27), True),
        ("read their engineering blog", date(2026, 11, 26), True),
        ("ask about the team", None, True),
        ("update the CV", None, False),
        ("call back", None, False),
    ]


def test_a_task_is_dated_by_its_due_date_else_scheduled_else_start(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(via="direct", feedback={"received": "2026-11-21"}, body="""
        - [ ] all three 🛫 2026-11-20 ⏳ 2026-11-24 📅 2026-11-30
        - [ ] planned ⏳ 2026-11-24 🛫 2026-11-20
        - [ ] not before 🛫 2026-12-01
        - [/] in progress, no date
        - [x] done, planned ⏳ 2026-11-24
        """)})
    tasks = [(item.title, item.due, item.outstanding) for item in found if item.kind == "task"]
    assert tasks == [
        ("all three", date(2026, 11, 30), True),
        ("planned", date(2026, 11, 24), True),
        ("not before", date(2026, 12, 1), True),
        ("in progress, no date", None, True),
        ("done, planned", date(2026, 11, 24), False),
    ]
    assert [bucket(due, TODAY) for _, due, _ in tasks[:3]] == ["this-week", "overdue", "this-week"]


def test_places_name_an_item_without_its_words(tmp_path: Path) -> None:
    found = items(tmp_path, {"acme/a.md": debrief(recruiter=RECRUITER, interviewers=["Ann Lee", "Bo Chen"],
                                                  take_back=["the Kafka answer"],
                                                  body="- [ ] one\n- [ ] named 🆔 n1\n- [ ] two ^blk\n- [ ] three\n")})
    places = [(item.kind, item.place) for item in found if item.place or item.kind == "recruiter-call"]
    assert places == [("recruiter-call", ""), ("take-back", "1"), ("thank-you", "1"), ("thank-you", "2"),
                      ("task", "1"), ("task", "id:n1"), ("task", "id:blk"), ("task", "2")]


def test_ids_are_stable_and_unique(tmp_path: Path) -> None:
    found = items(tmp_path, {"acme/a.md": debrief(recruiter=RECRUITER, interviewers=["Ann Lee", "Ann Lee"],
                                                  body="- [ ] x\n- [ ] x\n")})
    ids = [item.id for item in found]
    assert len(ids) == len(set(ids))
    assert "acme/a.md#thank-you:ann-lee" in ids and "acme/a.md#thank-you:ann-lee-2" in ids
    assert "acme/a.md#task:x-2" in ids


def test_listed_tasks_are_the_task_lines_among_the_items_even_with_one_text_twice(tmp_path: Path) -> None:
    write_files(tmp_path / "journal", {
        "acme/open.md": debrief(body="- [ ] x\n- [x] x\n- [ ] y\n"),
        "gone/closed.md": debrief(company="Gone", outcome="rejected", body="- [ ] x\n- [x] x\n- [-] y\n"),
    })
    processes = build_processes(load_journal(tmp_path / "journal", BERLIN), TODAY)
    found = all_items(processes, Due())
    rounds = {r.entry.rel: r for p in processes for r in p.rounds}
    listed = {rel: [(task.text, task.state) for task in listed_tasks(round_, found)] for rel, round_ in rounds.items()}
    assert listed["acme/open"] == [("x", "open"), ("x", "done"), ("y", "open")]
    assert listed["gone/closed"] == [("x", "done"), ("y", "cancelled")]  # the open one is owed to no one


def test_by_bucket_orders_by_due_date(tmp_path: Path) -> None:
    found = items(tmp_path, {"a.md": debrief(date="2026-11-10", interviewers=["P"],
                                             body="- [ ] b 📅 2026-11-20\n- [ ] a 📅 2026-11-12\n")})
    groups = by_bucket(found, TODAY)
    assert [item.due.isoformat() for item in groups["overdue"]] == ["2026-11-11", "2026-11-12", "2026-11-17", "2026-11-20"]
    assert list(groups) == ["overdue", "today", "this-week", "later", "undated", "optional"]


def test_the_optional_recruiter_note_goes_once_the_process_moved_on(tmp_path: Path) -> None:
    files = {"a.md": debrief(date="2026-11-10", recruiter="Dana"),
             "b.md": debrief(date="2026-11-20", recruiter="Dana")}
    found = items(tmp_path, files)
    assert [(i.path, i.kind) for i in found if i.kind == "recruiter-thank-you"] == [("b.md", "recruiter-thank-you")]
    found = items(tmp_path / "offer", {**files, "b.md": debrief(date="2026-11-20", recruiter="Dana",
                                                               offer={"received": "2026-11-24"})})
    assert [i for i in found if i.kind == "recruiter-thank-you"] == []  # an offer in hand: past all rounds
    found = items(tmp_path / "sent", {**files, "a.md": debrief(date="2026-11-10", recruiter="Dana",
                                                              recruiter_thank_you="2026-11-11")})
    assert [(i.path, i.done) for i in found if i.kind == "recruiter-thank-you"] == [("a.md", True), ("b.md", False)]
