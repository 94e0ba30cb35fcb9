"""The calendar's bytes are icalendar's: ``_fold`` against icalendar's folding, and a tricky journal read back.

``build_calendar`` writes each event itself (it is much faster than building one big icalendar
``Calendar``), so these tests hold it to what icalendar writes: the folding on every boundary,
and a whole calendar that icalendar parses and writes again to the very same bytes.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from icalendar.parser import Contentline
from icalendar.prop import vText

from conftest import debrief, write_files
from interview_journal.calendar import FOLD_LIMIT, _fold, build_calendar
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
    return build_calendar(processes, items, TODAY, 90, "Jobs; 2026, \\ \u00dcbersicht"), items


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
    calendar = Calendar.from_ical(build_calendar(processes, all_items(processes, Due()), TODAY))
    (event,) = [e for e in calendar.walk("VEVENT") if "offer-reply" in [str(c) for c in e["categories"].cats]]
    assert str(event["summary"]) == "Reply to the offer from Acme (deadline Fri 2026-12-04)"
    assert (event["dtstart"].dt, event["dtend"].dt) == (date(2026, 12, 4), date(2026, 12, 5))
