"""What happened with each company, in order; the stage of each process; the people met.

Pure functions over processes: ``today`` is an argument, never read here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from itertools import groupby

from .dates import Moment, day_of, format_moment
from .frontmatter import Person
from .journal import Company
from .process import Process, Round
from .rules import unique_keys
from .slugs import identity, slugify
from .wording import recruiter_name

# Order of events that share one moment: the interview first, then what followed it.
_ORDER = ("applied", "interview", "recruiter-call", "take-back", "thank-you", "recruiter-thank-you",
          "feedback", "outcome", "offer", "offer-reply", "log")


@dataclass(frozen=True, slots=True)
class Event:
    when: Moment
    kind: str
    title: str
    round: Round | None = None
    details: tuple[str, ...] = ()
    contact: bool = True
    """True when the event is a contact with the company or recruiter (for "last contact")."""


def company_events(company: Company, processes: list[Process], zone: tzinfo) -> list[Event]:
    """Everything the journal knows about one company (``processes`` are its own), oldest first."""
    events: list[Event] = []
    note = company.note.model if company.note else None
    if note is not None and note.applied is not None:
        events.append(Event(note.applied, "applied", f"Applied ({note.source})" if note.source else "Applied",
                            contact=False))
    if note is not None:
        events.extend(Event(entry.date, "log", entry.note) for entry in note.log)
    for process in processes:
        for round_ in process.rounds:
            events.extend(round_events(round_))
    return sorted(events, key=lambda e: (moment(e, zone), _ORDER.index(e.kind), e.title))


def moment(event: Event, zone: tzinfo) -> datetime:
    """Where an event sorts: at its time; a whole day's event at the end of that day, after the
    day's interview it follows (the call, the note sent the same day), but for the application,
    at its start."""
    if isinstance(event.when, datetime):
        return event.when
    return datetime.combine(event.when, time.min if event.kind == "applied" else time.max, tzinfo=zone)


def round_events(round_: Round) -> list[Event]:
    d = round_.debrief
    role = round_.process.role
    people = ", ".join(p.name for p in d.interviewers)
    status = {"done": "", "scheduled": " (scheduled)", "cancelled": " (cancelled)", "no-show": " (no-show)"}
    title = f"{role}: {round_.label}{status[round_.status]}" + (f" with {people}" if people else "")
    events = [Event(d.date, "interview", title, round_, contact=round_.status == "done")]
    if d.recruiter_call:
        who = recruiter_name(round_)
        events.append(Event(d.recruiter_call, "recruiter-call", f"Debrief call with {who} about {round_.the_label}",
                            round_))
    for item in d.take_back:
        if item.clarified:
            title = f"Answer clarified: {item.answer}" if item.answer else "Answer clarified"  # public: no answer
            events.append(Event(item.clarified, "take-back", title, round_,
                                details=(item.correction,) if item.correction else ()))
    for person in d.interviewers:
        if person.thank_you:
            events.append(Event(person.thank_you, "thank-you", f"Thank-you note sent to {person.name}", round_))
    if d.recruiter_thank_you:
        who = recruiter_name(round_)
        events.append(Event(d.recruiter_thank_you, "recruiter-thank-you", f"Thank-you note sent to {who}", round_))
    if d.feedback and d.feedback.received:
        details = (tuple(f"+ {text}" for text in d.feedback.positives)
                   + tuple(f"\u2212 {text}" for text in d.feedback.negatives))
        if d.feedback.next_steps:
            details += (f"Next: {d.feedback.next_steps}",)
        events.append(Event(d.feedback.received, "feedback", f"Feedback on {round_.the_label}", round_, details))
    if d.outcome and d.outcome != "pending":
        events.append(Event(d.date, "outcome", f"Outcome of {round_.the_label}: {d.outcome}", round_, contact=False))
    if d.offer is not None:
        events.append(Event(d.offer.received or d.date, "offer", f"Offer for {role}", round_))
        if d.offer.replied:
            events.append(Event(d.offer.replied, "offer-reply", f"Replied to the offer for {role}", round_))
    events.extend(Event(entry.date, "log", entry.note, round_) for entry in d.log)
    return events


def last_contact(events: list[Event], today: date) -> date | None:
    """The latest day with a contact, not after today."""
    days = [day_of(e.when) for e in events if e.contact and day_of(e.when) <= today]
    return max(days) if days else None


_STAGE_RANKS = {"offer": 0, "scheduled": 1, "held": 2, "applied": 3, "closed": 4}


@dataclass(frozen=True, slots=True)
class Stage:
    """Where a process stands on a day: a value that boards sort by and pages print."""

    kind: str
    """``offer``, ``scheduled``, ``held`` (a round done, the next not set), ``applied`` or ``closed``."""
    round: int | None = None
    """The scheduled round's number, or the last held one's."""
    when: Moment | None = None
    """The scheduled round's date, the last held one's day, or an offer's deadline still to meet."""
    awaiting_feedback: bool = False
    closed_by: str | None = None

    @property
    def rank(self) -> int:
        """For boards: offer first, then scheduled rounds, then waiting, then closed."""
        return _STAGE_RANKS[self.kind]

    def __str__(self) -> str:
        """``round 2 scheduled 2026-12-02``, ``offer``, ``offer, reply by 2026-12-04``, ``closed: rejected`` ..."""
        if self.kind == "offer" and self.when is not None:
            return f"offer, reply by {day_of(self.when).isoformat()}"
        if self.kind == "closed":
            return f"closed: {self.closed_by}"
        if self.kind == "scheduled":
            assert self.when is not None
            return f"round {self.round} scheduled {format_moment(self.when, weekday=False)}"
        if self.kind == "held":
            assert self.when is not None
            waiting = ", awaiting feedback" if self.awaiting_feedback else ""
            return f"round {self.round} done {day_of(self.when).isoformat()}{waiting}"
        return self.kind


def stage(process: Process, today: date) -> Stage:
    """Where ``process`` stands on ``today``."""
    closed = process.closed_by
    if closed:
        return Stage("closed", closed_by=closed)
    note = process.company.note
    offers = [r.debrief.offer for r in process.rounds
              if r.debrief.offer is not None and r.status not in ("cancelled", "no-show")]
    if offers:
        deadlines = [offer.deadline for offer in offers if offer.replied is None and offer.deadline is not None]
        return Stage("offer", when=min(deadlines, key=day_of) if deadlines else None)
    if any(r.debrief.outcome == "offer" for r in process.rounds) or (note is not None and note.model.status == "offer"):
        return Stage("offer")
    upcoming = [r for r in process.rounds if r.status == "scheduled" and r.day >= today]
    if upcoming:
        return Stage("scheduled", upcoming[0].number, upcoming[0].debrief.date)
    done = [r for r in process.rounds if r.status == "done"]
    if done:
        last = done[-1]
        waiting = not (last.debrief.feedback and last.debrief.feedback.received)
        return Stage("held", last.number, last.day, awaiting_feedback=waiting)
    return Stage("applied")


@dataclass
class Met:
    """One person across every round they were in."""

    name: str
    role: str
    """``interviewer``, ``recruiter`` or ``contact``: the first way they were met."""
    roles: list[str] = field(default_factory=list)
    """Every way they were met, in order (a hiring manager may be the contact and an interviewer)."""
    title: str | None = None
    email: str | None = None
    agency: str | None = None
    companies: list[Company] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=list)
    last: date | None = None
    key: tuple[str, ...] = ()
    """Who this row is (``person_key``): a debrief's person links to the row with its key."""
    anchor: str = ""
    """The row's id on the people page, unique on it (``merge_people``; before, in the rows of
    ``company_people``: the id it would have if no other row had it)."""


def person_key(role: str, company: Company, name: str) -> tuple[str, ...]:
    """One row per person of a company (an interviewer, its contact, or both: a hiring manager
    may be the one), and per recruiter across companies."""
    if role == "recruiter":
        return ("recruiter", identity(name))
    return ("person", company.key, identity(name))


def people(processes: list[Process], today: date,
           of_company: Callable[[list[Process]], list[Met]] | None = None) -> list[Met]:
    """Everyone met, one row each: the people of a company (its interviewers and its contact, who
    may be the same person) per company, recruiters across companies.

    The processes are read a company at a time (``company_people``, or ``of_company``:
    ``mkdocs serve`` keeps each unchanged company's), and the companies' rows merged in order:
    the same rows as reading every round in one pass.
    """
    parts = (list(group) for _, group in groupby(processes, key=lambda process: process.company.key))
    return merge_people(map(of_company or (lambda found: company_people(found, today)), parts))


def company_people(processes: list[Process], today: date) -> list[Met]:
    """The people met in the processes of one company (``people`` of those alone, before the
    anchors), in the order they were first met."""
    found: dict[tuple[str, ...], Met] = {}
    listed: dict[tuple[str, ...], set[int]] = {}
    """ids of the companies and rounds already on each Met (a recruiter may have thousands of rounds)."""

    def meet(person: Person, role: str, company: Company, round_: Round) -> None:
        key = person_key(role, company, person.name)
        met = found.setdefault(key, Met(name=person.name, role=role, key=key))
        if role not in met.roles:
            met.roles.append(role)
        seen = listed.setdefault(key, set())
        met.title = met.title or person.title
        met.email = met.email or person.email
        met.agency = met.agency or getattr(person, "agency", None)
        if id(company) not in seen:
            seen.add(id(company))
            met.companies.append(company)
        if id(round_) not in seen:
            seen.add(id(round_))
            met.rounds.append(round_)
        if round_.status == "done" and round_.day <= today:
            met.last = max(filter(None, (met.last, round_.day)))

    for process in processes:
        for round_ in process.rounds:
            company = process.company
            for person in round_.debrief.interviewers:
                meet(person, "interviewer", company, round_)
            if round_.recruiter is not None and round_.via == "recruiter":
                meet(round_.recruiter, "recruiter", company, round_)
            if round_.contact is not None and round_.via == "direct":
                meet(round_.contact, "contact", company, round_)
    for met in found.values():
        met.anchor = "-".join([met.role, *([met.companies[0].slug] if met.role != "recruiter" else []),
                               slugify(met.name)])
    return list(found.values())


def merge_people(parts: Iterable[list[Met]]) -> list[Met]:
    """The rows of each company (``company_people``, left as they are) as one list, sorted, with
    anchors unique on the people page. A recruiter met at several companies is one row: their
    roles, companies and rounds in the order of the parts, the first title, e-mail and agency
    given, the latest day met."""
    found: dict[tuple[str, ...], Met] = {}
    listed: dict[tuple[str, ...], set[int]] = {}
    """ids of the companies already on each row met at more than one company."""
    for part in parts:
        for met in part:
            row = found.get(met.key)
            if row is None:
                found[met.key] = Met(met.name, met.role, list(met.roles), met.title, met.email, met.agency,
                                     list(met.companies), list(met.rounds), met.last, met.key, met.anchor)
                continue
            seen = listed.setdefault(met.key, {id(company) for company in row.companies})
            row.roles += [role for role in met.roles if role not in row.roles]
            row.title = row.title or met.title
            row.email = row.email or met.email
            row.agency = row.agency or met.agency
            for company in met.companies:
                if id(company) not in seen:
                    seen.add(id(company))
                    row.companies.append(company)
            row.rounds += met.rounds
            row.last = max(filter(None, (row.last, met.last)), default=None)
    rows = sorted(found.values(), key=lambda m: (identity(m.name), m.role))
    for met, anchor in zip(rows, unique_keys(met.anchor for met in rows), strict=True):
        met.anchor = anchor
    return rows
