"""The journal as an iCalendar file: interviews and dated follow-ups (no MkDocs import here).

The command line (``interview-journal export ics``) and the site (``journal/calendar.ics``)
call the same function, so a calendar app subscribed to the site and a file exported in a
terminal agree.

Two runs on the same journal and the same "today" give the same bytes, so a calendar app that
imports the file again updates its events instead of adding copies:

* every UID is derived from what the event is about: the debrief's path inside the journal
  folder for an interview, the follow-up's id (that path, ``#``, the kind and a key) for a
  follow-up, hashed, with the fixed domain ``@interview-journal``;
* ``DTSTAMP`` is midnight UTC of "today", never the clock.

Interviews with a time are timed events (one hour unless told otherwise), written in UTC so no
time-zone definitions are needed; interviews without a time, and follow-ups, are all-day
events. A cancelled round is ``STATUS:CANCELLED``. No e-mail address, phone number, log or
feedback is written: the site may publish this file (with ``public: true``, the caller passes
the public view of the journal, without private files and with take-back answers removed).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta, timezone

from icalendar import Calendar, Event

from .dates import sort_key
from .process import Process, Round
from .rules import FollowUp

DOMAIN = "interview-journal"
PRODID = "-//Interview Journal//interview-journal//EN"
DEFAULT_DURATION = 60
"""Minutes of a timed interview event."""


def uid(key: str) -> str:
    """A stable UID for the thing named ``key`` (a path, or a follow-up id)."""
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@{DOMAIN}"


def build_calendar(processes: Iterable[Process], items: Iterable[FollowUp], today: date,
                   duration: int = DEFAULT_DURATION, name: str = "Interview Journal") -> bytes:
    """Every round as an event, every outstanding follow-up with a due date as an all-day event."""
    stamp = datetime.combine(today, time.min, tzinfo=timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    rounds = sorted((r for p in processes for r in p.rounds), key=lambda r: (sort_key(r.debrief.date), r.entry.path))
    for round_ in rounds:
        calendar.add_component(_interview(round_, stamp, duration))
    dated = sorted((item for item in items if item.outstanding and item.due is not None),
                   key=lambda item: (item.due, item.id))
    for item in dated:
        calendar.add_component(_followup(item, stamp))
    return calendar.to_ical()


def _interview(round_: Round, stamp: datetime, duration: int) -> Event:
    debrief = round_.debrief
    event = Event()
    event.add("uid", uid(round_.entry.path))
    event.add("dtstamp", stamp)
    event.add("summary", f"Interview: {round_.company.name} \u2014 {round_.process.role}, {round_.label}")
    start = debrief.date
    if isinstance(start, datetime):
        start = start.astimezone(timezone.utc)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=duration))
    else:
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(days=1))
    event.add("status", "CANCELLED" if round_.status == "cancelled" else "CONFIRMED")
    event.add("transp", "OPAQUE" if isinstance(start, datetime) else "TRANSPARENT")
    event.add("description", _describe(round_))
    event.add("categories", ["interview"])
    return event


def _describe(round_: Round) -> str:
    """Names and titles only: never an e-mail address or phone number."""
    debrief = round_.debrief
    lines = [f"Round {round_.number}" + (f" ({debrief.stage})" if debrief.stage else "")]
    if debrief.format:
        lines.append(f"Format: {debrief.format}")
    if round_.status != "done":
        lines.append(f"Status: {round_.status}")
    if round_.via == "recruiter" and round_.recruiter is not None:
        agency = f" ({round_.recruiter.agency})" if round_.recruiter.agency else ""
        lines.append(f"Recruiter: {round_.recruiter.name}{agency}")
    elif round_.contact is not None:
        lines.append(f"Contact: {_person(round_.contact.name, round_.contact.title)}")
    if debrief.interviewers:
        lines.append("Interviewers: " + "; ".join(_person(p.name, p.title) for p in debrief.interviewers))
    lines.append(f"Debrief: {round_.entry.path}")
    return "\n".join(lines)


def _person(name: str, title: str | None) -> str:
    return f"{name} ({title})" if title else name


def _followup(item: FollowUp, stamp: datetime) -> Event:
    assert item.due is not None
    event = Event()
    event.add("uid", uid(item.id))
    event.add("dtstamp", stamp)
    event.add("summary", item.title)
    event.add("dtstart", item.due)
    event.add("dtend", item.due + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("description", f"{item.company} \u00b7 {item.role} \u00b7 {item.round.label}\nDebrief: {item.path}")
    event.add("categories", ["follow-up", item.kind])
    return event
