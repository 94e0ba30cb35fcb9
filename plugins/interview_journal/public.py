"""What a public site may show (``public: true``): the one place that knows what is private.

``public_view`` turns a loaded journal into one that holds nothing private, *before* processes,
rules, timelines and pages are computed from it: a value that is not in the view cannot reach a
page, the search index, the sitemap or the calendar, whatever a template does. Left out:

* every file marked ``private``, and every file with a problem (what is wrong in it may be
  what would have marked it private);
* every person's e-mail address and phone number;
* the ``log`` of debriefs and company notes;
* the answers to take back and their corrections: each item stays, with ``answer`` empty
  (``REDACTED``), so its follow-up still says whether it was clarified, in words of its own;
* the client's feedback (positives, negatives, next steps): ``received`` stays, so the feedback
  follow-up is still done or not;
* how it went in your own words (``went_well``, ``went_poorly``), interest, rapport, the pitch,
  and how you answered each question; with the client's feedback gone too, a public site has
  no feedback themes at all (counts included: they are made of the remarks);
* the details of an offer (any key of your own under ``offer``): its dates stay, so its
  follow-up is still due on the deadline, with a title that names no detail;
* what the recruiter told you about an interviewer (``background``, ``looking_for``): emptied
  like the answers, so the briefing's follow-ups still know that you were told.

An attachment (an image or a PDF in the journal folder) is published only when the notes of a
published file link to it: one next to a private debrief stays out.

Some things a public site does not have at all: the drafts (private correspondence), the
debrief call sheet (your talking points) and the lines of the problem list (they quote the
files). ``features`` says which.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, replace
from typing import Any, TypeVar
from urllib.parse import unquote

from .frontmatter import CompanyNote, Contact, Debrief, Feedback, Interviewer, Offer, Person, Recruiter
from .journal import Entry, Journal, group_companies

REDACTED = ""
"""The value of a left-out text whose presence still matters (a take-back answer, an
interviewer's background). A file can never hold it: the model refuses blank text."""


@dataclass(frozen=True)
class Features:
    """The parts of the site that exist only when it is not public."""

    drafts: bool = True
    """Thank-you and check-in drafts and their ``mailto:`` links."""
    call_sheet: bool = True
    """The debrief call sheet: how the round went in your words, your notes, the recruiter's phone."""
    problem_lines: bool = True
    """The dashboard's list of problem lines (a public site shows how many there are)."""
    done_commands: bool = True
    """The ``interview-journal done ...`` command beside each outstanding item: for the owner only."""


PRIVATE_SITE = Features()
PUBLIC_SITE = Features(drafts=False, call_sheet=False, problem_lines=False, done_commands=False)


def features(public: bool) -> Features:
    return PUBLIC_SITE if public else PRIVATE_SITE


def public_view(journal: Journal) -> Journal:
    """The journal as a public site may show it (see the module's docstring)."""
    with_problems = {problem.path for problem in journal.problems}
    debriefs = [_entry(entry, _debrief(entry.model)) for entry in journal.debriefs
                if entry.model.private is False and entry.source.display not in with_problems]
    notes = [_entry(entry, _note(entry.model)) for entry in journal.notes
             if entry.model.private is False and entry.source.display not in with_problems]
    view = replace(journal, debriefs=debriefs, notes=notes, companies={}, left_out=[],
                   attachments=linked_attachments(journal.attachments, [*debriefs, *notes]))
    group_companies(view)
    return view


_LINK = re.compile(r"""\]\(\s*(?:<([^>]*)>|([^)]*?))(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)"""  # [text](target "title")
                   r"""|^\s*\[[^\]]+\]:\s*(?:<([^>]*)>|(\S+))"""  # [label]: target
                   r"""|\b(?:src|href)\s*=\s*["']([^"']+)["']""",  # <img src="target">
                   re.MULTILINE | re.IGNORECASE)


def linked_attachments(attachments: list[str], entries: list[Entry[Any]]) -> list[str]:
    """The attachments that the notes of ``entries`` link to (relative to the file's folder, the
    way MkDocs resolves a page's links), in their order."""
    linked: set[str] = set()
    for entry in entries:
        folder = posixpath.dirname(entry.rel)
        for match in _LINK.finditer(entry.body):
            target = unquote(next(group for group in match.groups() if group is not None).split("#")[0])
            if target and "://" not in target and not target.startswith(("/", "mailto:")):
                linked.add(posixpath.normpath(posixpath.join(folder, target)))
    return [path for path in attachments if path in linked]


E = TypeVar("E", bound=Entry[Any])


def _entry(entry: E, model: Any) -> E:
    object.__setattr__(model, "__pydantic_extra__", {})  # fields of the user's own: never shown, never kept
    return type(entry)(source=entry.source, rel=entry.rel, model=model, problems=[], tasks=entry.tasks,
                       company_at=entry.company_at)


P = TypeVar("P", bound=Person)


def _person(person: P | None) -> P | None:
    if person is None:
        return None
    update: dict[str, object] = {"email": None, "phone": None}
    if isinstance(person, Interviewer):
        update["background"] = REDACTED if person.background is not None else None
        update["looking_for"] = REDACTED if person.looking_for is not None else None
    return person.model_copy(update=update)


def _debrief(debrief: Debrief) -> Debrief:
    feedback: Feedback | None = None
    if debrief.feedback is not None:
        feedback = debrief.feedback.model_copy(update={"positives": [], "negatives": [], "next_steps": None})
    recruiter: Recruiter | None = _person(debrief.recruiter)
    contact: Contact | None = _person(debrief.contact)
    offer: Offer | None = None
    if debrief.offer is not None:  # the dates only: what the offer says is its own
        offer = debrief.offer.model_copy()
        object.__setattr__(offer, "__pydantic_extra__", {})
    return debrief.model_copy(update={
        "recruiter": recruiter,
        "contact": contact,
        "interviewers": [_person(person) for person in debrief.interviewers],
        "take_back": [item.model_copy(update={"answer": REDACTED, "correction": None}) for item in debrief.take_back],
        "feedback": feedback,
        "offer": offer,
        "went_well": [],
        "went_poorly": [],
        "interest": None,
        "rapport": None,
        "pitch": None,
        "questions": [question.model_copy(update={"answer": None}) for question in debrief.questions],
        "log": [],
    })


def _note(note: CompanyNote) -> CompanyNote:
    recruiter: Recruiter | None = _person(note.recruiter)
    contact: Contact | None = _person(note.contact)
    return note.model_copy(update={"recruiter": recruiter, "contact": contact, "log": []})
