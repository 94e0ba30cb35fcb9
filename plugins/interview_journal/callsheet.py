"""The debrief call sheet: what to have in front of you when you call the recruiter after a round.

The protocol (``docs/protocol.md``): right after an interview through a recruiter, call them
while it is fresh. Tell them how it went, what went well and what did not, whether you clicked
with the interviewers, where an answer went wrong, and which answers you want to take back (with
what you meant), so they can set them straight with the client. They will ask whether you sent
your thank-you notes. Ask them for the client's feedback, its specific positives and negatives,
the next steps and when to expect them.

``call_sheet`` gathers that from the round's file, as pure data; the debrief page
(``pages/templates/call_sheet.html``) and ``interview-journal call`` (``lines``) show the same
sheet. The questions to ask and the rapport phrases are in ``wording``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import day_of, format_moment
from .drafts import mailto_url
from .frontmatter import Interviewer, Question, Recruiter, TakeBack
from .process import Round
from .rules import BUCKET_TITLES, FollowUp, bucket
from .wording import CALL_ASKS, RAPPORT, RAPPORT_UNKNOWN, call_subject, recruiter_of


@dataclass(frozen=True)
class Note:
    """A thank-you note of the round: to whom, and the day it was sent (None: not yet)."""

    person: Interviewer
    sent: date | None


@dataclass(frozen=True)
class Ask:
    """A question for the recruiter, with what the journal already holds of its answer."""

    key: str
    """``feedback``, ``positives``, ``negatives``, ``next_steps`` or ``timeline``."""
    question: str
    heard: tuple[str, ...] = ()


@dataclass(frozen=True)
class CallSheet:
    """The talking points of the debrief call of one done round through a recruiter."""

    round: Round
    call: FollowUp | None
    """The round's ``recruiter-call`` item (None when a closed process dropped it)."""
    went_well: tuple[str, ...]
    went_poorly: tuple[str, ...]
    rapport: str
    """How you got on with the interviewers, in a sentence (``wording.RAPPORT``)."""
    slips: tuple[Question, ...]
    """The questions you answered poorly: the glitches to mention."""
    take_back: tuple[TakeBack, ...]
    notes: tuple[Note, ...]
    asks: tuple[Ask, ...]

    @property
    def title(self) -> str:
        """``Debrief call with Rita Gomez (Apex Search)``."""
        return f"Debrief call with {recruiter_of(self.round)}"

    @property
    def recruiter(self) -> Recruiter | None:
        return self.round.recruiter

    @property
    def called(self) -> date | None:
        """The day of the call (``recruiter_call``)."""
        called = self.round.debrief.recruiter_call
        return day_of(called) if called is not None else None

    @property
    def outstanding(self) -> bool:
        """True while the call is still to make: the sheet is then shown open."""
        return self.call is not None and self.call.outstanding

    @property
    def tel(self) -> str:
        """The recruiter's ``tel:`` link, or "" without a phone number."""
        return tel_url(self.recruiter.phone) if self.recruiter is not None and self.recruiter.phone else ""

    @property
    def mailto(self) -> str:
        """A ``mailto:`` to the recruiter with a subject naming the round, or "" without an address."""
        if self.recruiter is None or not self.recruiter.email:
            return ""
        return mailto_url(self.recruiter.email, call_subject(self.round), "")


def tel_url(phone: str) -> str:
    """``+1 (617) 555-0142`` -> ``tel:+16175550142``: the digits, and a leading ``+`` when written.
    "" when the text holds fewer than three digits (not a number to dial)."""
    digits = re.sub(r"[^0-9]", "", phone)
    if len(digits) < 3:
        return ""
    return "tel:" + ("+" if phone.strip().startswith("+") else "") + digits


def call_sheet(round_: Round, items: list[FollowUp]) -> CallSheet | None:
    """The call sheet of a done round through a recruiter (``items``: the round's follow-ups);
    None for any other round."""
    if round_.status != "done" or round_.via != "recruiter":
        return None
    debrief = round_.debrief
    call = next((item for item in items if item.kind == "recruiter-call"), None)
    return CallSheet(
        round=round_,
        call=call,
        went_well=tuple(debrief.went_well),
        went_poorly=tuple(debrief.went_poorly),
        rapport=RAPPORT.get(debrief.rapport or "", RAPPORT_UNKNOWN),
        slips=tuple(question for question in debrief.questions if question.answer == "poor"),
        take_back=tuple(item for item in debrief.take_back if item.answer),  # public: no answers
        notes=tuple(Note(person, day_of(person.thank_you) if person.thank_you else None)
                    for person in debrief.interviewers),
        asks=_asks(round_),
    )


def _asks(round_: Round) -> tuple[Ask, ...]:
    feedback = round_.debrief.feedback
    heard: dict[str, tuple[str, ...]] = {}
    if feedback is not None:
        if feedback.received is not None:
            heard["feedback"] = (f"received {format_moment(feedback.received)}",)
        heard["positives"] = tuple(feedback.positives)
        heard["negatives"] = tuple(feedback.negatives)
        heard["next_steps"] = (feedback.next_steps,) if feedback.next_steps else ()
    rounds = round_.process.rounds
    later = [r for r in rounds[rounds.index(round_) + 1:] if r.status in ("scheduled", "done")]
    if later:
        heard["timeline"] = (f"{later[0].label} on {format_moment(later[0].debrief.date)}",)
    return tuple(Ask(key, question, heard.get(key, ())) for key, question in CALL_ASKS.items())


def lines(sheet: CallSheet, today: date) -> list[str]:
    """The sheet as the terminal shows it (``interview-journal call``)."""
    round_, recruiter = sheet.round, sheet.recruiter
    out = [sheet.title, f"{round_.company.name} \u00b7 {round_.process.role} \u00b7 {round_.label}, "
                        f"{format_moment(round_.debrief.date)} \u00b7 {round_.entry.path}"]
    if recruiter is not None:
        reach = [f"Phone: {recruiter.phone}" if recruiter.phone else "",
                 f"E-mail: {recruiter.email}" if recruiter.email else ""]
        if any(reach):
            out.append("  ".join(part for part in reach if part))
    if sheet.outstanding and sheet.call is not None and sheet.call.due is not None:
        due = sheet.call.due
        out.append(f"Call due {format_moment(due)} ({BUCKET_TITLES[bucket(due, today)].lower()}); "
                   f"afterwards write: recruiter_call: {today.isoformat()}")
    elif sheet.called is not None:
        out.append(f"Called {format_moment(sheet.called)}.")
    else:
        out.append("No call needed any more: the process is closed.")

    out += ["", "How it went"]
    out += [f"  + {text}" for text in sheet.went_well]
    out += [f"  - {text}" for text in sheet.went_poorly]
    out.append(f"  {sheet.rapport}")
    out += [f"  Answer that went wrong: {question.q}" for question in sheet.slips]
    if sheet.take_back:
        out += ["", "Answers to take back"]
        for item in sheet.take_back:
            out.append(f"  \u201c{item.answer}\u201d")
            out.append(f"    what you meant: {item.correction}" if item.correction
                       else "    what you meant: not written yet: add a correction:")
            out.append(f"    clarified {format_moment(item.clarified)}" if item.clarified else "    not clarified yet")
    if sheet.notes:
        out += ["", "Thank-you notes (the recruiter will ask)"]
        out += [f"  {note.person.name}: " + (f"sent {format_moment(note.sent)}" if note.sent else "not sent yet")
                for note in sheet.notes]
    out += ["", "Ask"]
    for ask in sheet.asks:
        out.append(f"  {ask.question}")
        out += [f"    heard: {text}" for text in ask.heard]
    return out
