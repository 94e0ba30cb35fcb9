"""Thank-you drafts and briefings: what the protocol asks you to write after a round and to
know before the next one.

The protocol (``docs/thank-you-notes.md``): a thank-you note to every interviewer is a must — two short
paragraphs: thanks and that you enjoyed meeting; that you are even more interested (only if
true) and hope to move to the next step, with a sentence or two on your top skills. A note to
the recruiter is optional. Before a later round the recruiter tells you who you will meet
(titles, background, what they look for) and the type of interview. In a direct search nobody
relays anything: you check in with the hiring manager or the HR coordinator yourself.

This module holds the logic only, as pure functions over rounds: who gets a draft, the values a
template needs, the subject/body split and the ``mailto:`` link. The wording lives in text
templates (``pages/templates/drafts/*.txt``) that the user may override; they are rendered by a
callable passed in, so nothing here imports Jinja or MkDocs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote

from .frontmatter import Interviewer, Person, TakeBack
from .options import Candidate
from .process import Process, Round
from .slugs import identity
from .wording import contact_name, recruiter_name

THANK_YOU_TEMPLATE = "drafts/thank_you.txt"
RECRUITER_TEMPLATE = "drafts/recruiter_thank_you.txt"
CHECK_IN_TEMPLATE = "drafts/check_in.txt"
NAME_PLACEHOLDER = "[your name]"
"""Signs a draft when ``candidate.name`` is not configured: visibly a blank to fill in."""

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

Render = Callable[[str, Mapping[str, object]], str]
"""``render(template_name, context) -> text``: a text template, not HTML-escaped."""


@dataclass(frozen=True)
class Draft:
    """One note ready to copy or to open in a mail program."""

    kind: str
    """``thank-you`` (an interviewer), ``recruiter-thank-you`` (the optional courtesy note) or
    ``check-in`` (the next steps, asked in a direct search or of a quiet process)."""
    to: Person | None
    subject: str
    body: str

    @property
    def address(self) -> str | None:
        return self.to.email if self.to is not None else None

    @property
    def mailto(self) -> str:
        """The ``mailto:`` link, or "" when there is no address to write to."""
        return mailto_url(self.address, self.subject, self.body) if self.address else ""


def mailto_url(address: str, subject: str, body: str) -> str:
    """``mailto:address?subject=...&body=...`` with every value percent-encoded (RFC 6068).

    Spaces are ``%20`` (never ``+``, which mail programs show literally) and line breaks
    ``%0D%0A`` as the RFC asks; an empty body is left out. The address is a plain one (the
    model checks it) and is encoded too, so an apostrophe or ``%`` in it cannot break the link.
    """
    crlf = "\r\n"
    body = crlf.join(body.splitlines())
    return (f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}"
            + (f"&body={quote(body, safe='')}" if body else ""))


def split_subject(text: str) -> tuple[str, str]:
    """A rendered note -> (subject, body): a first line ``Subject: ...`` is the subject."""
    text = tidy(text)
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first.split(":", 1)[1].strip(), tidy(rest)
    return "", text


def tidy(text: str) -> str:
    """No trailing spaces, at most one blank line in a row, no blank lines around the text."""
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def interested(interest: int | None) -> bool:
    """Say you are even more interested only when true: interest 3-5, or not recorded."""
    return interest is None or interest >= 3


def drafts_wanted(round_: Round) -> bool:
    """Drafts belong to a done round of an open process, like the thank-you checklist items."""
    return round_.status == "done" and not round_.process.closed


def unsent(round_: Round) -> list[Interviewer]:
    """The interviewers whose thank-you note is not sent yet (no ``thank_you`` date)."""
    if not drafts_wanted(round_):
        return []
    return [person for person in round_.debrief.interviewers if person.thank_you is None]


def recruiter_note_wanted(round_: Round) -> bool:
    """The optional courtesy note: a done round via a recruiter, ``recruiter_thank_you`` not set."""
    return drafts_wanted(round_) and round_.via == "recruiter" and round_.debrief.recruiter_thank_you is None


def day_text(day: date) -> str:
    """``Wednesday, 18 November``: how a note names the day (English, no locale needed)."""
    return f"{WEEKDAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]}"


def joined(items: list[str] | tuple[str, ...]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def first_name(person: Person | None) -> str | None:
    return person.name.split()[0] if person is not None else None


def note_context(round_: Round, person: Person | None, candidate: Candidate) -> dict[str, object]:
    """The values every note template sees (documented in docs/thank-you-notes.md)."""
    debrief = round_.debrief
    themes = [q.theme for q in debrief.questions if q.theme]
    skills = () if debrief.pitch else candidate.top_skills  # the debrief's own pitch wins
    return {
        "person": person,
        "first_name": first_name(person),
        "company": round_.company.name,
        "role": round_.process.role,
        "stage": round_.label,
        "the_stage": round_.the_label,
        "format": debrief.format,
        "date": round_.day,
        "weekday": WEEKDAYS[round_.day.weekday()],
        "day_text": day_text(round_.day),
        "topic": themes[0] if themes else None,
        "question": debrief.questions[0].q if debrief.questions else None,
        "went_well": list(debrief.went_well),
        "interest": debrief.interest,
        "interested": interested(debrief.interest),
        "pitch": debrief.pitch,
        "top_skills": list(skills),
        "skills_text": joined(skills),
        "name": candidate.name or NAME_PLACEHOLDER,
    }


def round_drafts(round_: Round, candidate: Candidate, render: Render) -> list[Draft]:
    """A thank-you draft per unsent interviewer, then the optional note to the recruiter."""
    drafts = []
    for person in unsent(round_):
        subject, body = split_subject(render(THANK_YOU_TEMPLATE, note_context(round_, person, candidate)))
        drafts.append(Draft("thank-you", person, subject, body))
    if recruiter_note_wanted(round_):
        subject, body = split_subject(render(RECRUITER_TEMPLATE, note_context(round_, round_.recruiter, candidate)))
        drafts.append(Draft("recruiter-thank-you", round_.recruiter, subject, body))
    return drafts


def check_in_to(round_: Round) -> Person | None:
    """Whom a direct search's check-in goes to: the contact (hiring manager or HR coordinator),
    with the address of the interviewer of the same name when the contact has none; without a
    contact, the interviewer whose title says hiring manager; else nobody known."""
    interviewers = round_.debrief.interviewers
    contact = round_.contact
    if contact is None:
        return next((p for p in interviewers if p.title and "hiring manager" in p.title.lower()), None)
    if contact.email is None:
        same = next((p for p in interviewers if p.email and identity(p.name) == identity(contact.name)), None)
        if same is not None:
            return contact.model_copy(update={"email": same.email})
    return contact


def check_in_wanted(round_: Round) -> bool:
    """A done round of an open direct search whose check-in is outstanding (no feedback yet)."""
    feedback = round_.debrief.feedback
    return drafts_wanted(round_) and round_.via == "direct" and (feedback is None or feedback.received is None)


def check_in_draft(round_: Round, candidate: Candidate, render: Render) -> Draft | None:
    """The check-in draft of a done round of a direct search, while the check-in is outstanding."""
    if not check_in_wanted(round_):
        return None
    return _check_in(round_, check_in_to(round_), candidate, render, days_quiet=None)


def quiet_check_in(process: Process, days_quiet: int, candidate: Candidate, render: Render) -> Draft | None:
    """A check-in for a process that has gone quiet after a round: about its latest held round,
    to the recruiter, or in a direct search to the contact. None when no round was held."""
    held = [r for r in process.rounds if r.status == "done"]
    if not held:
        return None
    round_ = held[-1]
    to = round_.recruiter if round_.via == "recruiter" else check_in_to(round_)
    return _check_in(round_, to, candidate, render, days_quiet=days_quiet)


def _check_in(round_: Round, to: Person | None, candidate: Candidate, render: Render, days_quiet: int | None) -> Draft:
    context = {**note_context(round_, to, candidate), "to_recruiter": round_.via == "recruiter",
               "days_quiet": days_quiet}
    subject, body = split_subject(render(CHECK_IN_TEMPLATE, context))
    return Draft("check-in", to, subject, body)


@dataclass
class Earlier:
    """What an earlier round of the same process left to address in the next one."""

    round: Round
    negatives: list[str] = field(default_factory=list)
    went_poorly: list[str] = field(default_factory=list)
    take_back: list[TakeBack] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.negatives or self.went_poorly or self.take_back)


@dataclass
class Briefing:
    """What you should know before a scheduled round, from the recruiter and earlier rounds.

    Built from what the journal holds: on a public site (``public.public_view``) that is people,
    titles and the interview type, with no background, next steps, negatives or answers.
    """

    round: Round
    people: list[Interviewer]
    ask: str
    """Whom to ask for what is missing: the recruiter, or the direct contact."""
    next_steps: str | None = None
    next_steps_from: Round | None = None
    earlier: list[Earlier] = field(default_factory=list)
    met: list[tuple[Interviewer, Round]] = field(default_factory=list)

    @property
    def to_ask(self) -> list[str]:
        """What the briefing flags *not told yet*, in words: ``the format``, ``Rafael Gómez:
        background and what they look for``."""
        missing = [] if self.round.debrief.format else ["the format"]
        if not self.people:
            missing.append("who you will meet")
        for person in self.people:
            gaps = [what for what, value in (("title", person.title), ("background", person.background),
                                             ("what they look for", person.looking_for)) if value is None]
            if gaps:
                missing.append(f"{person.name}: {joined(gaps)}")
        return missing


def earlier_rounds(round_: Round) -> list[Round]:
    """The held rounds before this one in the same process (same company and role)."""
    rounds = round_.process.rounds
    before = rounds[: rounds.index(round_)] if round_ in rounds else []
    return [r for r in before if r.status == "done"]


def briefing(round_: Round) -> Briefing | None:
    """The briefing of a scheduled round of an open process (None for any other round)."""
    if round_.status != "scheduled" or round_.process.closed:
        return None
    debrief = round_.debrief
    ask = recruiter_name(round_) if round_.via == "recruiter" else contact_name(round_)
    before = earlier_rounds(round_)
    result = Briefing(round=round_, people=list(debrief.interviewers), ask=ask,
                      met=[(person, r) for r in before for person in r.debrief.interviewers])
    for earlier in reversed(before):
        feedback = earlier.debrief.feedback
        if feedback is not None and feedback.next_steps:
            result.next_steps, result.next_steps_from = feedback.next_steps, earlier
            break
    for earlier in before:
        d = earlier.debrief
        found = Earlier(earlier, list(d.feedback.negatives) if d.feedback else [], list(d.went_poorly),
                        [item for item in d.take_back if item.answer])  # public: no answers
        if not found.empty:
            result.earlier.append(found)
    return result
