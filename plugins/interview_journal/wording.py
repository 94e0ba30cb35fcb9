"""How the project names people, and the protocol's fixed phrases: written once, used everywhere.

A person is named three ways, each for its place:

* ``titled(person)`` in a sentence or a short list: ``Priya Shah (Engineering Manager)``;
* ``recruiter_of(round_)`` a round's recruiter in a sentence, by their agency: ``Dana Ruiz
  (Talent Bridge)``, or ``the recruiter`` when the journal does not say who;
* ``described(person)`` where title and agency both help: ``Dana Ruiz, Senior Recruiter
  (Talent Bridge)`` (search texts, the pages' person lines).

Never an address or a phone number: those are links of their own, on private sites only.
"""

from __future__ import annotations

from typing import Any

from .dates import Moment, format_moment

RECRUITER = "the recruiter"
"""Who a round through a recruiter is followed up with, when the journal does not name them."""
DIRECT_CONTACT = "the hiring manager or HR coordinator"
"""Who a direct search is followed up with, when the journal does not name them."""


def titled(person: Any | None, fallback: str = "") -> str:
    """``Priya Shah (Engineering Manager)``, or the bare name; ``fallback`` without a person."""
    if person is None:
        return fallback
    return f"{person.name} ({person.title})" if person.title else person.name


def described(person: Any) -> str:
    """``Dana Ruiz, Senior Recruiter (Talent Bridge)``: name, title and agency, as known."""
    agency = getattr(person, "agency", None)
    return person.name + (f", {person.title}" if person.title else "") + (f" ({agency})" if agency else "")


def recruiter_of(round_: Any) -> str:
    """A round's recruiter in a sentence: ``Dana Ruiz (Talent Bridge)``, else ``the recruiter``."""
    recruiter = round_.recruiter
    if recruiter is None:
        return RECRUITER
    return f"{recruiter.name} ({recruiter.agency})" if recruiter.agency else recruiter.name


def recruiter_name(round_: Any) -> str:
    """Whom to ask, whom you called: the recruiter's name, else ``the recruiter``."""
    return round_.recruiter.name if round_.recruiter else RECRUITER


def contact_name(round_: Any) -> str:
    """Whom a direct search goes through: the contact's name, else the phrase for them."""
    return round_.contact.name if round_.contact else DIRECT_CONTACT


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``1 problem``, ``2 problems``, ``3 companies`` (with ``plural``): never ``problem(s)``."""
    return f"{number:,} {singular if number == 1 else (plural or singular + 's')}"


def offer_reply_title(round_: Any, deadline: Moment | None) -> str:
    """``Reply to the offer from Quillon Health (deadline Fri 2026-12-04)``: the same on a public
    site (the deadline is the item's due date there too; the offer's details are not in it)."""
    when = f"deadline {format_moment(deadline)}" if deadline is not None else "no deadline given"
    return f"Reply to the offer from {round_.company.name} ({when})"


RAPPORT = {
    "good": "You clicked with the interviewers (rapport: good).",
    "mixed": "You clicked with some of the interviewers, not with all (rapport: mixed).",
    "poor": "You did not click with the interviewers (rapport: poor).",
}
"""The debrief call's line on ``rapport``: whether you clicked, said plainly."""
RAPPORT_UNKNOWN = "Say whether you clicked with the interviewers (the file has no rapport: yet)."

CALL_ASKS = {
    "feedback": "What did the client think of the round?",
    "positives": "What did they like, specifically?",
    "negatives": "What worried them, specifically?",
    "next_steps": "What are the next steps?",
    "timeline": "When will they decide, and when will you hear next?",
}
"""What to ask the recruiter on the debrief call, in order (key -> question)."""


def call_subject(round_: Any) -> str:
    """The subject of a mail to the recruiter about a round: ``The technical screen at Acme``."""
    text = f"{round_.the_label} at {round_.company.name}"
    return text[:1].upper() + text[1:]
