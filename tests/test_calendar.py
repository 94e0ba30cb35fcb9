"""The calendar's bytes are icalendar's: ``_fold`` against icalendar's folding, and a tricky journal read back.

``build_calendar`` writes each event itself (it is much faster than building one big icalendar
``Calendar``), so these tests hold it to what icalendar writes: the folding on every boundary,
and a whole calendar that icalendar parses and writes again to the very same bytes.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from icalendar import Calendar
from icalendar.parser import Contentline
from icalendar.prop import vText

from conftest import build_once, debrief, write_files
from interview_journal.calendar import FOLD_LIMIT, _fold, build_calendar
from interview_journal.cli import main
from interview_journal.load import load_journal
from interview_journal.options import Due
from interview_journal.process import build_processes
from interview_journal.rules import all_items

TODAY = date(2026, 11, 25)
COMPANY = ("M\u00fcller & S\u00f6hne; Gro\u00df, \\Handel\\ \u2014 \U0001f680 "
           "Bureau d'\u00e9tudes g\u00e9n\u00e9rales")

TEXTS = [
    "plain ascii " * 20,
    "a,b;c\\d\ne\\,f;;,," * 12,  # every TEXT escape, and escaped backslashes next to escaped commas
    "M\u00fcller \u00e9t\u00e9 " * 20,  # two-byte characters
    "\u2014\u20ac\u00b7" * 40,  # three-byte characters
    "\U0001f600x\U0001f680" * 30,  # four-byte characters
    "^^\\" * 40,  # the characters icalendar keeps with the next piece
    "\u00fc\\\u20ac," * 40,  # a backslash escape right after a multi-byte character
]


@pytest.mark.parametrize("text", TEXTS)
def test_fold_matches_icalendar_on_every_boundary(text: str) -> None:
    value = vText(text).to_ical().decode("utf-8")
    for pad in range(2 * FOLD_LIMIT):  # slides every character of the text across the fold points
        line = "DESCRIPTION:" + "x" * pad + value
        assert _fold(line.encode("utf-8")) == Contentline(line).to_ical(), pad


def test_fold_leaves_short_lines_and_splits_long_ones_like_icalendar() -> None:
    for length in (1, FOLD_LIMIT - 1, FOLD_LIMIT, FOLD_LIMIT + 1, 2 * FOLD_LIMIT, 2 * FOLD_LIMIT + 1, 500):
        line = "X" * length
        assert _fold(line.encode()) == Contentline(line).to_ical(), length
    assert _fold(b"X" * FOLD_LIMIT) == b"X" * FOLD_LIMIT
    assert _fold(b"X" * (FOLD_LIMIT + 1)) == b"X" * FOLD_LIMIT + b"\r\n X"


@pytest.fixture
def tricky(tmp_path: Path) -> tuple[bytes, list]:
    """A calendar from rounds and follow-ups whose names need escaping and fold inside multi-byte text."""
    write_files(tmp_path, {
        "mueller/2026-11-10-screen.md": debrief(
            company=COMPANY, role="Data; Engineer, \u00c9quipe \\ Plateforme " * 3, date="2026-11-10 09:30",
            stage="screen, part 1; \\n not a newline", format="video", via="direct",
            contact={"name": "Zo\u00eb \u00d8stergaard-\u0141ukasiewicz", "title": "Head of Talent, EMEA; DACH"},
            interviewers=[{"name": f"\u00c1ngel Garc\u00eda-{n}", "title": "Staff Engineer, Platform"}
                          for n in range(6)]),
        "mueller/2026-11-20-onsite.md": debrief(company=COMPANY, date="2026-11-20", stage="onsite",
                                                 status="cancelled"),
        "plain/2026-12-01-call.md": debrief(company="Plain", date="2026-12-01 16:00"),
    })
    journal = load_journal(tmp_path, ZoneInfo("Europe/Berlin"))
    processes = build_processes(journal, TODAY)
    items = all_items(processes, Due())
    return build_calendar(processes, items, duration=90, name="Jobs; 2026, \\ \u00dcbersicht"), items


def test_icalendar_reads_the_calendar_and_writes_the_same_bytes(tricky: tuple[bytes, list]) -> None:
    data, _ = tricky
    calendar = Calendar.from_ical(data)
    assert calendar.to_ical() == data  # icalendar's own folding, escaping, order and parameters
    assert max(len(line) for line in data.split(b"\r\n")) <= FOLD_LIMIT + 1  # the fold's leading space
    assert b"\r\n " in data and b"\\;" in data and b"\\," in data and b"\\\\" in data


def test_the_calendar_reads_back_to_the_journal_s_values(tricky: tuple[bytes, list]) -> None:
    data, items = tricky
    calendar = Calendar.from_ical(data)
    assert str(calendar["x-wr-calname"]) == "Jobs; 2026, \\ \u00dcbersicht"
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    role = "Data; Engineer, \u00c9quipe \\ Plateforme " * 3
    stage = "screen, part 1; \\n not a newline"
    screen = events[f"Interview: {COMPANY} \u2014 {role.strip()}, {stage}"]
    assert screen["dtstart"].dt == datetime(2026, 11, 10, 8, 30, tzinfo=ZoneInfo("UTC"))
    assert (screen["dtend"].dt - screen["dtstart"].dt).total_seconds() == 90 * 60
    description = str(screen["description"]).split("\n")
    assert description[0] == f"Round 1 ({stage})"
    assert "Contact: Zo\u00eb \u00d8stergaard-\u0141ukasiewicz (Head of Talent, EMEA; DACH)" in description
    assert description[-1] == "Debrief: mueller/2026-11-10-screen.md"
    onsite = events[f"Interview: {COMPANY} \u2014 Data Engineer, onsite"]
    assert str(onsite["status"]) == "CANCELLED" and onsite["dtstart"].dt == date(2026, 11, 20)
    assert onsite["dtstart"].params["VALUE"] == "DATE"
    dated = [item for item in items if item.outstanding and item.due is not None]
    assert dated and all(item.title in events for item in dated)
    assert [str(c) for c in events[dated[0].title]["categories"].cats] == ["follow-up", dated[0].kind]
    assert len(events) == 3 + len(dated)


def test_an_offer_deadline_is_an_all_day_follow_up(tmp_path: Path) -> None:
    write_files(tmp_path, {"acme/final.md": debrief(offer={"received": "2026-11-20", "deadline": "2026-12-04"})})
    processes = build_processes(load_journal(tmp_path, ZoneInfo("Europe/Berlin")), TODAY)
    calendar = Calendar.from_ical(build_calendar(processes, all_items(processes, Due())))
    (event,) = [e for e in calendar.walk("VEVENT") if "offer-reply" in [str(c) for c in e["categories"].cats]]
    assert str(event["summary"]) == "Reply to the offer from Acme (deadline Fri 2026-12-04)"
    assert (event["dtstart"].dt, event["dtend"].dt) == (date(2026, 12, 4), date(2026, 12, 5))


# --- what a calendar app compares when it imports the file again ------------------------------

STAMP = datetime(2026, 11, 20, 10, 15, 30, tzinfo=timezone.utc)


def calendar_of(root: Path, latest: datetime | None = None) -> tuple[bytes, dict[str, dict[str, str]]]:
    """The calendar of the journal at ``root``, and each event's properties by its summary."""
    journal = load_journal(root, ZoneInfo("Europe/Berlin"))
    assert journal.problems == []
    processes = build_processes(journal, TODAY)
    data = build_calendar(processes, all_items(processes, Due()), latest=latest)
    events = {str(event["summary"]): {name: event[name].to_ical().decode() for name in event}
              for event in Calendar.from_ical(data).walk("VEVENT")}
    return data, events


def touch(path: Path, when: datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


def test_stamps_and_sequence_are_the_files_last_change(tmp_path: Path) -> None:
    write_files(tmp_path, {
        "acme/a.md": debrief(date="2026-11-18", interviewers=["Sam Patel"], via="direct"),
        "acme/company.md": "---\nkind: company\ncompany: Acme\n---\n",
        "other/b.md": debrief(company="Other", date="2026-12-02 14:00"),
    })
    touch(tmp_path / "acme/a.md", STAMP - timedelta(days=3))
    touch(tmp_path / "acme/company.md", STAMP + timedelta(microseconds=700_000))  # the later of the two counts
    touch(tmp_path / "other/b.md", STAMP - timedelta(days=1))
    _, events = calendar_of(tmp_path)
    acme = [event for event in events.values() if "Debrief: acme/a.md" in event["DESCRIPTION"]]
    assert len(acme) >= 3  # the interview, a thank-you note, a check-in
    seconds = int((STAMP - datetime(2020, 1, 1, tzinfo=timezone.utc)).total_seconds())
    for event in acme:
        assert (event["DTSTAMP"], event["LAST-MODIFIED"], event["SEQUENCE"]) == ("20261120T101530Z",) * 2 + (str(seconds),)
    other = events["Interview: Other \u2014 Data Engineer, round 1"]
    assert other["LAST-MODIFIED"] == "20261119T101530Z" and int(other["SEQUENCE"]) == seconds - 86400


def test_no_stamp_is_later_than_source_date_epoch(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.md": debrief(date="2026-11-18"), "b.md": debrief(company="B", date="2026-11-18")})
    touch(tmp_path / "a.md", STAMP)
    touch(tmp_path / "b.md", STAMP - timedelta(days=10))
    _, events = calendar_of(tmp_path, latest=STAMP - timedelta(days=1))
    assert sorted(event["DTSTAMP"] for summary, event in events.items() if summary.startswith("Interview")) == [
        "20261110T101530Z", "20261119T101530Z"]


def test_two_builds_of_the_same_files_are_byte_identical_and_an_edit_moves_only_its_events(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.md": debrief(date="2026-11-18", interviewers=["Sam Patel"]),
                           "b.md": debrief(company="B", date="2026-11-19", interviewers=["Lea"])})
    for name in ("a.md", "b.md"):
        touch(tmp_path / name, STAMP)
    first, before = calendar_of(tmp_path)
    assert calendar_of(tmp_path)[0] == first
    touch(tmp_path / "b.md", STAMP + timedelta(hours=1))
    second, after = calendar_of(tmp_path)
    assert second != first
    changed = {summary for summary in before if before[summary] != after[summary]}
    assert changed == {summary for summary, event in before.items() if event["DESCRIPTION"].endswith("Debrief: b.md")}
    assert all(int(after[s]["SEQUENCE"]) == int(before[s]["SEQUENCE"]) + 3600 for s in changed)


def test_a_memo_gives_the_same_bytes_and_writes_again_only_what_changed(tmp_path: Path) -> None:
    """``mkdocs serve`` keeps the events of the objects that did not change (``memo``)."""
    write_files(tmp_path, {"a.md": debrief(date="2026-11-18", interviewers=["Sam Patel"]),
                           "b.md": debrief(company="B", date="2026-11-19", interviewers=["Lea"])})
    journal = load_journal(tmp_path, ZoneInfo("Europe/Berlin"))
    processes = build_processes(journal, TODAY)
    items = all_items(processes, Due())
    memo: dict = {}
    first = build_calendar(processes, items, memo=memo)
    assert first == build_calendar(processes, items)
    kept = dict(memo)
    assert build_calendar(processes, items, memo=memo) == first
    assert all(memo[key][2] is kept[key][2] for key in kept)  # nothing written again
    linked = build_calendar(processes, items, memo=memo, page=lambda round_: f"https://site.example/{round_.entry.path}")
    assert linked == build_calendar(processes, items, page=lambda round_: f"https://site.example/{round_.entry.path}")
    (tmp_path / "b.md").write_text(debrief(company="B", date="2026-11-19", interviewers=["Lea Stone"]), "utf-8")
    again = build_processes(load_journal(tmp_path, ZoneInfo("Europe/Berlin")), TODAY)  # other objects
    assert build_calendar(again, all_items(again, Due()), memo=memo) == build_calendar(again, all_items(again, Due()))
    assert len(memo) == len(kept)  # only this call's events are kept


def uids(events: dict[str, dict[str, str]]) -> dict[str, str]:
    return {summary: event["UID"] for summary, event in events.items()}


def test_uids_stay_when_a_task_s_words_or_a_person_s_name_change(tmp_path: Path) -> None:
    body = "- [ ] send the portfolio link 📅 2026-11-27\n- [ ] read their blog ⏳ 2026-11-26 🆔 blog1\n"
    write_files(tmp_path, {"a.md": debrief(date="2026-11-18", interviewers=["Sam Patle"], body=body)})
    _, before = calendar_of(tmp_path)
    write_files(tmp_path, {"a.md": debrief(date="2026-11-18", interviewers=["Sam Patel"], body=(
        "- [ ] send the portfolio link and the write-up 📅 2026-11-28\n- [ ] read the engineering blog ⏳ 2026-11-26 🆔 blog1\n"))})
    _, after = calendar_of(tmp_path)
    assert before.keys() != after.keys()  # the titles changed...
    assert sorted(uids(before).values()) == sorted(uids(after).values())  # ...the events did not
    assert uids(after)["send the portfolio link and the write-up"] == uids(before)["send the portfolio link"]
    assert uids(after)["Send a thank-you note to Sam Patel"] == uids(before)["Send a thank-you note to Sam Patle"]


def test_a_task_with_an_id_keeps_its_uid_when_tasks_are_added_above_it(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.md": debrief(date="2026-11-18", via="direct", body=(
        "- [ ] named 📅 2026-11-27 🆔 n1\n- [ ] blocked 📅 2026-11-28 ^blk\n- [ ] plain 📅 2026-11-29\n"))})
    _, before = calendar_of(tmp_path)
    write_files(tmp_path, {"a.md": debrief(date="2026-11-18", via="direct", body=(
        "- [ ] new one 📅 2026-11-30\n- [ ] named 📅 2026-11-27 🆔 n1\n- [ ] blocked 📅 2026-11-28 ^blk\n"
        "- [ ] plain 📅 2026-11-29\n"))})
    _, after = calendar_of(tmp_path)
    assert uids(after)["named"] == uids(before)["named"]
    assert uids(after)["blocked"] == uids(before)["blocked"]
    assert uids(after)["plain"] != uids(before)["plain"]  # the first task without an id is now the second
    assert uids(after)["new one"] == uids(before)["plain"]  # and the first place went to the new one


def test_vobject_reads_the_same_events(tricky: tuple[bytes, list]) -> None:
    """A second parser, written independently of icalendar, reads the same events and values."""
    import vobject

    data, _ = tricky
    ours = {str(event["uid"]): event for event in Calendar.from_ical(data).walk("VEVENT")}
    theirs = {event.uid.value: event for event in vobject.readOne(data.decode("utf-8")).vevent_list}
    assert theirs.keys() == ours.keys() and len(ours) > 3
    for key, event in theirs.items():
        expected = ours[key]
        assert event.summary.value == str(expected["summary"])
        assert event.description.value == str(expected["description"])
        assert event.dtstart.value == expected["dtstart"].dt
        assert event.dtend.value == expected["dtend"].dt
        assert event.dtstamp.value == expected["dtstamp"].dt == event.last_modified.value
        assert int(event.sequence.value) == int(expected["sequence"])


# --- each event links to its debrief's page, where the site has an address --------------------

def test_with_site_url_each_event_links_to_its_page(tmp_path_factory: pytest.TempPathFactory) -> None:
    out = build_once(tmp_path_factory, {"acme co/final round.md": debrief(date="2026-11-18", interviewers=["Sam"])},
                     config={"site_url": "https://jobs.example/search/"})
    events = list(Calendar.from_ical((out / "journal/calendar.ics").read_bytes()).walk("VEVENT"))
    page = "https://jobs.example/search/journal/acme%20co/final%20round/"
    assert len(events) >= 2 and all(str(event["url"]) == page for event in events)
    assert all(str(event["description"]).endswith(f"Debrief: {page}") for event in events)
    assert (out / "journal/acme co/final round/index.html").is_file()  # the address is the page's


def test_without_site_url_the_events_name_the_file(tmp_path: Path) -> None:
    write_files(tmp_path, {"a.md": debrief(date="2026-11-18")})
    _, events = calendar_of(tmp_path)
    assert all("URL" not in event and event["DESCRIPTION"].endswith("Debrief: a.md") for event in events.values())


def test_export_ics_links_to_the_pages_of_the_site_in_mkdocs_yml(tmp_path: Path, monkeypatch) -> None:
    write_files(tmp_path, {"journal/acme/a.md": debrief(date="2026-11-18"),
                           "mkdocs.yml": "site_name: x\nsite_url: https://me.example\nuse_directory_urls: false\n"
                                         "plugins:\n  - interview-journal:\n      section: jobs\n"})
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["export", "ics"])
    assert result.exit_code == 0, result.output
    events = Calendar.from_ical(result.stdout_bytes).walk("VEVENT")
    assert len(events) >= 2 and {str(event["url"]) for event in events} == {"https://me.example/jobs/acme/a.html"}
