"""Processes (one company + role) and their rounds, with every default applied
(``docs/writing-a-debrief.md`` documents them).

``status`` defaults to *done* when the interview's day is today or earlier, else *scheduled*;
``via`` to *recruiter* when a recruiter is known (on the debrief or the company note), else
*direct*; ``round`` to the order by date within the process, where a cancelled or no-show
round does not count (the round that replaces it has its number). A process is **closed** when a
round's outcome is rejected or withdrawn, or the company note's status is accepted, declined,
rejected, withdrawn or ghosted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, tzinfo

from .dates import day_of, sort_key
from .frontmatter import Contact, Debrief, Recruiter
from .journal import Company, Entry, Journal
from .slugs import identity

CLOSING_OUTCOMES = frozenset({"rejected", "withdrawn"})
CLOSING_STATUSES = frozenset({"accepted", "declined", "rejected", "withdrawn", "ghosted"})
OFFER_STATUSES = frozenset({"offer", "accepted", "declined"})
"""Company note statuses that say an offer came."""


@dataclass(eq=False, slots=True)
class Round:
    """One debrief with the facts derived for it: its number, status, channel and people."""

    entry: Entry[Debrief]
    company: Company
    number: int
    status: str
    via: str
    recruiter: Recruiter | None
    contact: Contact | None
    process: Process
    day: date = field(init=False)
    """The interview's day (``dates.day_of`` of its date), kept: the pages sort and compare
    rounds by it many times over (``insights``, the dashboard)."""

    def __post_init__(self) -> None:
        self.day = day_of(self.entry.model.date)

    @property
    def debrief(self) -> Debrief:
        return self.entry.model

    @property
    def label(self) -> str:
        """``technical screen`` or ``round 2``."""
        return self.debrief.stage or f"round {self.number}"

    @property
    def the_label(self) -> str:
        """``the technical screen`` or ``round 2``, to use inside a sentence."""
        return f"the {self.debrief.stage}" if self.debrief.stage else f"round {self.number}"


@dataclass(eq=False)
class Process:
    company: Company
    role: str
    rounds: list[Round] = field(default_factory=list)

    @property
    def closed_by(self) -> str | None:
        """Why the process is closed (``rejected``, ``ghosted`` ...), or None when open."""
        for round_ in self.rounds:
            if round_.debrief.outcome in CLOSING_OUTCOMES:
                return round_.debrief.outcome
        note = self.company.note
        if note is not None and note.model.status in CLOSING_STATUSES:
            return note.model.status
        return None

    @property
    def closed(self) -> bool:
        return self.closed_by is not None

    @property
    def got_offer(self) -> bool:
        """An offer came: a round's outcome or ``offer:``, or the company note's status says so."""
        note = self.company.note
        return (any(r.debrief.outcome == "offer" or r.debrief.offer is not None for r in self.rounds)
                or (note is not None and note.model.status in OFFER_STATUSES))

    def moved_on(self, round_: Round) -> bool:
        """Whether the process went past ``round_``: a later round was held, or an offer came."""
        later = self.rounds[self.rounds.index(round_) + 1:] if round_ in self.rounds else []
        return self.got_offer or any(r.status == "done" for r in later)


def build_processes(journal: Journal, today: date) -> list[Process]:
    """Every process of the journal, rounds in order; each debrief appears in exactly one round."""
    return [process for company in sorted(journal.companies.values(), key=lambda c: c.slug)
            for process in company_processes(company, today, journal.zone)]


def company_processes(company: Company, today: date, zone: tzinfo) -> list[Process]:
    """The processes of one company, by role: they depend on its own files alone (``mkdocs
    serve`` keeps them for a company whose files did not change, ``pages.reuse``)."""
    processes: dict[str, Process] = {}
    for entry in company.debriefs:
        key = identity(entry.model.role)
        if key not in processes:
            processes[key] = Process(company=company, role=entry.model.role)
        processes[key].rounds.append(_round(entry, company, processes[key], today))
    for process in processes.values():
        process.rounds.sort(key=lambda r: (sort_key(r.debrief.date, zone), r.entry.rel))
        held = 0  # a cancelled or no-show round takes the number of the round that replaces it
        for round_ in process.rounds:
            round_.number = round_.debrief.round or held + 1
            if round_.status not in ("cancelled", "no-show"):
                held = round_.number
    return [processes[key] for key in sorted(processes)]


def _round(entry: Entry[Debrief], company: Company, process: Process, today: date) -> Round:
    debrief = entry.model
    note = company.note.model if company.note is not None else None
    recruiter = debrief.recruiter or (note.recruiter if note is not None else None)
    contact = debrief.contact or (note.contact if note is not None else None)
    status = debrief.status or ("done" if day_of(debrief.date) <= today else "scheduled")
    via = debrief.via or ("recruiter" if recruiter is not None else "direct")
    return Round(entry=entry, company=company, number=0, status=status, via=via,
                 recruiter=recruiter, contact=contact, process=process)
