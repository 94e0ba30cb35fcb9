"""The journal as an iCalendar file: interviews and dated follow-ups (no MkDocs import here).

The command line (``interview-journal export ics``) and the site (``journal/calendar.ics``)
call the same function, so a calendar app subscribed to the site and a file exported in a
terminal agree. What a calendar app does with a new copy is in ``docs/cli.md``; in short:

* **UID**: what the event is about, never its text, hashed, with the fixed domain
  ``@interview-journal``. An interview: the debrief's path inside the journal folder. A
  follow-up: that path, its kind and its place (``FollowUp.place``): the interviewer's or the
  answer's number, a task's own id (Tasks' ``🆔``, else its block id ``^abc123``) or its number
  among the file's tasks without one. Editing a title, a name or a task's words keeps the UID;
  moving or renaming the file, or inserting a task without an id above another, gives new ones.
* **DTSTAMP** and **LAST-MODIFIED**: the last change of the files the event comes from (the
  debrief and its company's note), their modification time, never the clock. With
  ``SOURCE_DATE_EPOCH`` set (a CI build sets it to the last commit's time), no time is later
  than it: fresh checkouts of one commit then give the same bytes.
* **SEQUENCE**: the seconds from 2020-01-01 to LAST-MODIFIED. A file does not record how often
  it was revised, but this number grows with every change, which is what a calendar app compares
  to tell a newer copy of an event from an older one.

Two builds of the same files (and the same "today") give the same bytes.

Interviews with a time are timed events (one hour unless told otherwise), written in UTC so no
time-zone definitions are needed; interviews without a time, and follow-ups, are all-day
events. A cancelled round is ``STATUS:CANCELLED``. No e-mail address, phone number, log or
feedback is written: the site may publish this file (with ``public: true``, the caller passes
the public view of the journal, without private files and with take-back answers removed).

The bytes are exactly what icalendar's ``Calendar.to_ical()`` writes for these events, produced
about five times faster (a 10,000-debrief journal has ~20,000 events). icalendar still writes
the calendar's own lines and every value with its parameters, through its public property
types (``vText`` escapes text, ``vDDDTypes`` formats dates and adds ``VALUE=DATE``,
``vCategory`` joins categories, ``vInt`` the sequence); but there is no ``Event`` object per
event: each event is written on its own, in icalendar's order of properties (``_INTERVIEW`` and
``_FOLLOWUP``), the lines thousands of events share (``DTSTAMP``, dates, ``STATUS``...) are
written once per build, and ``_fold`` folds long lines by icalendar's rules on bytes, a piece
at a time, where icalendar goes character by character. Only public names of icalendar are
used; ``tests/test_calendar.py`` holds all of it to icalendar's own output (parsed and written
again).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone
from urllib.parse import quote

from icalendar import Calendar
from icalendar.prop import vCategory, vDDDTypes, vInt, vText, vUri

from .dates import sort_key
from .process import Process, Round
from .rules import FollowUp

DOMAIN = "interview-journal"
PRODID = "-//Interview Journal//interview-journal//EN"
DEFAULT_DURATION = 60
"""Minutes of a timed interview event."""
SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=timezone.utc)
"""SEQUENCE counts the seconds from here to an event's last change."""


def uid(key: str) -> str:
    """A stable UID for the thing named ``key`` (a path, or a follow-up id)."""
    return f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}@{DOMAIN}"


EventMemo = dict[int, tuple[object, tuple[datetime, str, int, bool], bytes]]
"""``id`` of a round or follow-up -> it, what its event was written with, the event's bytes."""


def build_calendar(processes: Iterable[Process], items: Iterable[FollowUp], *, duration: int = DEFAULT_DURATION,
                   name: str = "Interview Journal", latest: datetime | None = None,
                   page: Callable[[Round], str] | None = None, memo: EventMemo | None = None) -> bytes:
    """Every round as an event, every outstanding follow-up with a due date as an all-day event;
    no stamp later than ``latest`` (``dates.source_date_epoch``). With ``page`` (a round -> the
    web address of its debrief's page, ``page_address``), each event links to the page (its
    ``URL``, and the description's "Debrief:" line); without, that line names the file.

    ``memo`` (``mkdocs serve``, kept from one call to the next) holds each event's bytes by the
    round or follow-up it was made of: an event of the same object (the same file, the same day)
    with the same stamp and link is not written again. It keeps only this call's events."""
    stamps = _Stamps(latest)
    where = page or _file
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    lines = _Lines()
    events: list[bytes] = []
    rounds = sorted((r for p in processes for r in p.rounds), key=lambda r: (sort_key(r.debrief.date), r.entry.path))
    kept = _Kept(memo)
    linked = page is not None
    for round_ in rounds:
        stamp, address = stamps.of(round_), where(round_)
        made = kept.get(round_, (stamp, address, duration, linked))
        if made is None:
            made = kept.put(round_, (stamp, address, duration, linked),
                            _event(_interview(round_, stamp, duration, lines, address, linked), _INTERVIEW))
        events.append(made)
    dated = sorted((item for item in items if item.outstanding and item.due is not None),
                   key=lambda item: (item.due, item.id))
    for item in dated:
        stamp, address = stamps.of(item.round), where(item.round)
        made = kept.get(item, (stamp, address, duration, linked))
        if made is None:
            made = kept.put(item, (stamp, address, duration, linked),
                            _event(_followup(item, stamp, lines, address, linked), _FOLLOWUP))
        events.append(made)
    # icalendar writes the calendar's own lines; the events go where it would put them, before the end.
    envelope = calendar.to_ical()
    assert envelope.endswith(_CALENDAR_END)
    return b"".join([envelope[:-len(_CALENDAR_END)], *events, _CALENDAR_END])


class _Kept:
    """The events of the last call (``build_calendar``'s ``memo``), and this call's as they are made."""

    def __init__(self, memo: EventMemo | None) -> None:
        self._memo = memo
        self._last = dict(memo) if memo is not None else {}
        if memo is not None:
            memo.clear()

    def get(self, thing: Round | FollowUp, inputs: tuple[datetime, str, int, bool]) -> bytes | None:
        """The event of ``thing`` written with these inputs by the last call, if it wrote one."""
        found = self._last.get(id(thing))
        if found is None or found[0] is not thing or found[1] != inputs:
            return None
        return self.put(thing, inputs, found[2])

    def put(self, thing: Round | FollowUp, inputs: tuple[datetime, str, int, bool], made: bytes) -> bytes:
        if self._memo is not None:
            self._memo[id(thing)] = (thing, inputs, made)
        return made


class _Stamps:
    """When the files behind an event last changed: a UTC time in whole seconds, at most ``latest``."""

    def __init__(self, latest: datetime | None) -> None:
        self._latest = latest.timestamp() if latest is not None else None
        self._made: dict[int, datetime] = {}

    def of(self, round_: Round) -> datetime:
        note = round_.company.note
        changed = max(round_.entry.source.modified, note.source.modified if note is not None else 0.0)
        if self._latest is not None:
            changed = min(changed, self._latest)
        seconds = int(changed)
        if seconds not in self._made:  # the events of one file share it
            self._made[seconds] = datetime.fromtimestamp(seconds, tz=timezone.utc)
        return self._made[seconds]


def _sequence(stamp: datetime) -> int:
    return max(0, int((stamp - SEQUENCE_EPOCH).total_seconds()))


def _changes(stamp: datetime, lines: _Lines) -> dict[str, bytes]:
    return {"DTSTAMP": lines.shared("DTSTAMP", stamp), "LAST-MODIFIED": lines.shared("LAST-MODIFIED", stamp),
            "SEQUENCE": lines.shared("SEQUENCE", _sequence(stamp))}


def page_address(site_url: str, url: str) -> str:
    """The web address of a page whose URL in the site is ``url`` (``journal/acme/screen/``)."""
    return site_url.rstrip("/") + "/" + quote(url.lstrip("/"), safe="/#%")


def _file(round_: Round) -> str:
    return round_.entry.path


def _link(found: dict[str, bytes], address: str, linked: bool, lines: _Lines) -> dict[str, bytes]:
    """The event's lines, with its ``URL`` when it links to a page."""
    if linked:
        found["URL"] = lines.line("URL", address)
    return found


def _interview(round_: Round, stamp: datetime, duration: int, lines: _Lines, address: str,
               linked: bool) -> dict[str, bytes]:
    debrief = round_.debrief
    start: date | datetime = debrief.date
    end: date | datetime
    if isinstance(start, datetime):
        start = start.astimezone(timezone.utc)
        end = start + timedelta(minutes=duration)
    else:
        end = start + timedelta(days=1)
    return _link({
        "UID": lines.line("UID", uid(round_.entry.path)),
        **_changes(stamp, lines),
        "SUMMARY": lines.line("SUMMARY",
                              f"Interview: {round_.company.name} \u2014 {round_.process.role}, {round_.label}"),
        "DTSTART": lines.shared("DTSTART", start),
        "DTEND": lines.shared("DTEND", end),
        "STATUS": lines.shared("STATUS", "CANCELLED" if round_.status == "cancelled" else "CONFIRMED"),
        "TRANSP": lines.shared("TRANSP", "OPAQUE" if isinstance(start, datetime) else "TRANSPARENT"),
        "DESCRIPTION": lines.line("DESCRIPTION", _describe(round_, address)),
        "CATEGORIES": lines.shared("CATEGORIES", ("interview",)),
    }, address, linked, lines)


def _describe(round_: Round, address: str) -> str:
    """Names and titles only: never an e-mail address or phone number."""
    debrief = round_.debrief
    lines = [f"Round {round_.number}" + (f" ({debrief.stage})" if debrief.stage else "")]
    if debrief.format:
        lines.append(f"Format: {debrief.format}")
    if round_.status in ("cancelled", "no-show"):  # as written; never "scheduled", which the date says
        lines.append(f"Status: {round_.status}")
    if round_.via == "recruiter" and round_.recruiter is not None:
        agency = f" ({round_.recruiter.agency})" if round_.recruiter.agency else ""
        lines.append(f"Recruiter: {round_.recruiter.name}{agency}")
    elif round_.contact is not None:
        lines.append(f"Contact: {_person(round_.contact.name, round_.contact.title)}")
    if debrief.interviewers:
        lines.append("Interviewers: " + "; ".join(_person(p.name, p.title) for p in debrief.interviewers))
    lines.append(f"Debrief: {address}")
    return "\n".join(lines)


def _person(name: str, title: str | None) -> str:
    return f"{name} ({title})" if title else name


def _followup(item: FollowUp, stamp: datetime, lines: _Lines, address: str, linked: bool) -> dict[str, bytes]:
    assert item.due is not None
    return _link({
        "UID": lines.line("UID", uid(f"{item.path}#{item.kind}" + (f":{item.place}" if item.place else ""))),
        **_changes(stamp, lines),
        "SUMMARY": lines.line("SUMMARY", item.title),
        "DTSTART": lines.shared("DTSTART", item.due),
        "DTEND": lines.shared("DTEND", item.due + timedelta(days=1)),
        "TRANSP": lines.shared("TRANSP", "TRANSPARENT"),
        "DESCRIPTION": lines.line("DESCRIPTION",
                                  f"{item.company} \u00b7 {item.role} \u00b7 {item.round.label}\nDebrief: {address}"),
        "CATEGORIES": lines.shared("CATEGORIES", ("follow-up", item.kind)),
    }, address, linked, lines)


# --- serialisation: icalendar's format, one event at a time ----------------------------------------

_EVENT_BEGIN = b"BEGIN:VEVENT\r\n"
_EVENT_END = b"END:VEVENT\r\n"
_CALENDAR_END = b"END:VCALENDAR\r\n"


_TYPES: dict[str, type] = {
    "UID": vText, "SUMMARY": vText, "DESCRIPTION": vText, "STATUS": vText, "TRANSP": vText,
    "DTSTAMP": vDDDTypes, "DTSTART": vDDDTypes, "DTEND": vDDDTypes, "LAST-MODIFIED": vDDDTypes,
    "CATEGORIES": vCategory, "SEQUENCE": vInt, "URL": vUri,
}
"""The property type icalendar reads and writes each of our properties with (RFC 5545's value types)."""

_INTERVIEW = ("SUMMARY", "DTSTART", "DTEND", "DTSTAMP", "UID", "SEQUENCE", "CATEGORIES", "DESCRIPTION",
              "LAST-MODIFIED", "STATUS", "TRANSP")
_FOLLOWUP = ("SUMMARY", "DTSTART", "DTEND", "DTSTAMP", "UID", "SEQUENCE", "CATEGORIES", "DESCRIPTION",
             "LAST-MODIFIED", "TRANSP")
"""The properties of an event in icalendar's order: its canonical ones first (SUMMARY, DTSTART,
DTEND, DTSTAMP, UID, SEQUENCE), then the others A-Z."""


class _Lines:
    """Folded content lines (each ending in CRLF) for one calendar, as icalendar writes them.

    ``line`` writes a value through the property type icalendar uses for that property name
    (``_TYPES``); ``shared`` does the same once per distinct value, for the lines that
    thousands of events repeat. The cache lives as long as one ``build_calendar`` call.
    """

    def __init__(self) -> None:
        self._shared: dict[tuple[str, type, object], bytes] = {}

    def line(self, name: str, value: object) -> bytes:
        prop = _TYPES[name](value)
        params = prop.params.to_ical()
        # NAME[;PARAMS]:VALUE, as icalendar's content lines join them
        head = name.encode("ascii") + (b";" + params if params else b"")
        return _fold(head + b":" + prop.to_ical()) + b"\r\n"

    def shared(self, name: str, value: object) -> bytes:
        key = (name, type(value), value)  # the type keeps a date apart from a datetime
        if key not in self._shared:
            self._shared[key] = self.line(name, value)
        return self._shared[key]


def _event(lines: dict[str, bytes], order: tuple[str, ...]) -> bytes:
    """One VEVENT, its properties in ``order`` (``URL``, when there is one, last: A-Z)."""
    return b"".join([_EVENT_BEGIN, *(lines[name] for name in order), *([lines["URL"]] if "URL" in lines else []),
                     _EVENT_END])


FOLD_LIMIT = 74
"""Bytes per physical line: icalendar folds before a line would reach 75 octets (RFC 5545 3.1)."""


def _fold(line: bytes) -> bytes:
    """Fold one UTF-8 content line exactly as icalendar's ``Contentline.to_ical`` does.

    Each physical line takes as many whole characters as fit in ``FOLD_LIMIT`` bytes (a
    multi-byte character is never split); when a piece would end with ``\\`` or ``^``, that
    character moves to the next piece so an escape stays whole (icalendar's rule, its issue
    #1501). Pieces are joined by CRLF and one space. icalendar loops over characters; this
    loop jumps a piece at a time, which is what makes it cheap.
    """
    if len(line) <= FOLD_LIMIT:
        return line
    pieces = []
    start = 0
    while len(line) - start > FOLD_LIMIT:
        end = start + FOLD_LIMIT
        while (line[end] & 0xC0) == 0x80:  # a UTF-8 continuation byte: back off to the character's start
            end -= 1
        if line[end - 1] in b"\\^":
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return b"\r\n ".join(pieces)
