"""The follow-up protocol as pure rules: a round, the offsets and today -> follow-up items.

| kind | applies to | due | done when |
|---|---|---|---|
| recruiter-call | done round via recruiter | date + recruiter_call | ``recruiter_call`` set |
| take-back | each take_back item, done round via recruiter | date + recruiter_call | its ``clarified`` set |
| thank-you | each interviewer of a done round | date + thank_you | their ``thank_you`` set |
| recruiter-thank-you | done round via recruiter; optional, never overdue | date + thank_you |
  ``recruiter_thank_you`` set |
| feedback | done round via recruiter | date + feedback | ``feedback.received`` set |
| check-in | done round, direct | date + check_in | ``feedback.received`` set |
| prep-background | each interviewer without background, scheduled round via recruiter | date + prep_background |
  ``background`` set |
| prep-format | scheduled round via recruiter without format | date + prep_format | ``format`` set |
| offer-reply | the ``offer`` of a round | ``offer.deadline``, else ``offer.received`` (or the date) + offer_reply |
  ``offer.replied`` set, or the process closed |
| task | each task line of the body | its 📅 due date, else ⏳ scheduled, else 🛫 start, else undated |
  done or cancelled (``[x]``, ``[-]``) |

A closed process, and a cancelled or no-show round, has no outstanding items (done ones are
still listed on the debrief's checklist).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .dates import Moment, day_of
from .frontmatter import Debrief
from .options import Due
from .process import Process, Round
from .slugs import slugify
from .tasks import Task
from .wording import DIRECT_CONTACT, offer_reply_title, recruiter_of, titled

KINDS = (
    "recruiter-call", "take-back", "thank-you", "recruiter-thank-you", "feedback", "check-in",
    "prep-background", "prep-format", "offer-reply", "task",
)
BUCKETS = ("overdue", "today", "this-week", "later", "undated", "optional")
BUCKET_TITLES = {
    "overdue": "Overdue",
    "today": "Due today",
    "this-week": "This week",
    "later": "Later",
    "undated": "No date",
    "optional": "Optional",
}
WEEK = 7


@dataclass(frozen=True, slots=True)
class FollowUp:
    id: str
    kind: str
    title: str
    round: Round
    due: date | None
    done: bool = False
    done_on: date | None = None
    person: str | None = None
    optional: bool = False
    cancelled: bool = False
    place: str = ""
    """Which item of its kind in its debrief this is, for the calendar's UID: the interviewer's
    or take-back answer's number, a task's own id (``id:abc123``) or its number among the tasks
    without one; empty for the kinds a round has once. Unlike ``id``, it does not change when a
    name or a text does."""

    @property
    def company(self) -> str:
        return self.round.company.name

    @property
    def company_slug(self) -> str:
        return self.round.company.slug

    @property
    def role(self) -> str:
        return self.round.process.role

    @property
    def path(self) -> str:
        return self.round.entry.path

    @property
    def outstanding(self) -> bool:
        return not self.done and not self.cancelled


def bucket(due: date | None, today: date, optional: bool = False) -> str:
    """Where an outstanding item stands on ``today``: due today is not overdue; day 7 is this week."""
    if optional:
        return "optional"
    if due is None:
        return "undated"
    if due < today:
        return "overdue"
    if due == today:
        return "today"
    if (due - today).days <= WEEK:
        return "this-week"
    return "later"


def _due(moment: Moment, offset: int) -> date:
    return day_of(moment) + timedelta(days=offset)


def round_items(round_: Round, offsets: Due) -> list[FollowUp]:
    """Every item of one round, done or not (no ``today`` needed: status is already derived)."""
    debrief = round_.debrief
    base = round_.entry.path
    items: list[FollowUp] = []
    recruiter_name = round_.recruiter.name if round_.recruiter else None

    def add(kind: str, key: str, title: str, due: date | None, done_on: Moment | None, done: bool | None = None,
            person: str | None = None, optional: bool = False, place: int | None = None) -> None:
        items.append(FollowUp(
            id=f"{base}#{kind}" + (f":{key}" if key else ""), kind=kind, title=title, round=round_, due=due,
            done=bool(done_on) if done is None else done, done_on=day_of(done_on) if done_on else None,
            person=person, optional=optional, place="" if place is None else str(place),
        ))

    if round_.status in ("cancelled", "no-show"):
        pass
    elif round_.status == "done":
        if round_.via == "recruiter":
            add("recruiter-call", "", f"Call {recruiter_of(round_)} to debrief {round_.the_label}",
                _due(debrief.date, offsets.recruiter_call), debrief.recruiter_call, person=recruiter_name)
            for number, item in enumerate(debrief.take_back, start=1):
                key = str(number)
                what = f"your answer: \u201c{item.answer}\u201d" if item.answer else "an answer"  # public: no answer
                add("take-back", key, f"Ask {recruiter_of(round_)} to clarify {what}",
                    _due(debrief.date, offsets.recruiter_call), item.clarified, person=recruiter_name, place=number)
        keys = person_keys(debrief)
        for number, (key, person) in enumerate(zip(keys, debrief.interviewers, strict=True), start=1):
            add("thank-you", key, f"Send a thank-you note to {titled(person)}",
                _due(debrief.date, offsets.thank_you), person.thank_you, person=person.name, place=number)
        if round_.via == "recruiter":
            if debrief.recruiter_thank_you or not round_.process.moved_on(round_):  # later: it is past
                add("recruiter-thank-you", "", f"Thank {recruiter_of(round_)} for arranging {round_.the_label}",
                    _due(debrief.date, offsets.thank_you), debrief.recruiter_thank_you, person=recruiter_name,
                    optional=True)
            add("feedback", "", f"Get the client's feedback on {round_.the_label} from {recruiter_of(round_)}",
                _due(debrief.date, offsets.feedback), debrief.feedback.received if debrief.feedback else None,
                person=recruiter_name)
        else:
            contact = round_.contact
            whom = titled(contact, DIRECT_CONTACT)
            add("check-in", "", f"Check in with {whom} about the next steps after {round_.the_label}",
                _due(debrief.date, offsets.check_in), debrief.feedback.received if debrief.feedback else None,
                person=contact.name if contact else None)
    elif round_.status == "scheduled" and round_.via == "recruiter":
        keys = person_keys(debrief)
        for number, (key, person) in enumerate(zip(keys, debrief.interviewers, strict=True), start=1):
            add("prep-background", key,
                f"Ask {recruiter_of(round_)} about {titled(person)}: background and what they look for",
                _due(debrief.date, offsets.prep_background), None, done=person.background is not None,
                person=person.name, place=number)
        add("prep-format", "", f"Ask {recruiter_of(round_)} what type of interview {round_.the_label} will be",
            _due(debrief.date, offsets.prep_format), None, done=debrief.format is not None, person=recruiter_name)
    offer = debrief.offer
    if offer is not None:
        answer_to = recruiter_name if round_.via == "recruiter" else (round_.contact.name if round_.contact else None)
        add("offer-reply", "", offer_reply_title(round_, offer.deadline), offer_due(round_, offsets), offer.replied,
            done=offer.replied is not None or round_.process.closed, person=answer_to)
    keys = task_keys(round_.entry.tasks)
    unnamed = 0
    for key, task in zip(keys, round_.entry.tasks, strict=True):
        unnamed += not task.id
        items.append(FollowUp(
            id=_task_id(base, key), kind="task", title=task.text, round=round_,
            due=task.due or task.scheduled or task.start,
            done=task.state == "done", done_on=task.done_on, cancelled=task.state == "cancelled",
            place=f"id:{task.id}" if task.id else str(unnamed),
        ))
    if round_.process.closed or round_.status in ("cancelled", "no-show"):
        items = [item for item in items if not item.outstanding]
    return items


def person_keys(debrief: Debrief) -> list[str]:
    """The key of each interviewer in the ids of their items (``...#thank-you:priya-shah``)."""
    return unique_keys(slugify(person.name) for person in debrief.interviewers)


def task_keys(tasks: Iterable[Task]) -> list[str]:
    """The key of each task line in its item's id (``...#task:send-the-portfolio-link``)."""
    return unique_keys(slugify(task.text)[:40] for task in tasks)


def _task_id(path: str, key: str) -> str:
    return f"{path}#task:{key}"


def listed_tasks(round_: Round, items: Iterable[FollowUp]) -> list[Task]:
    """The task lines of ``round_`` that are among ``items`` (its checklist). An open one of a
    closed process or of a cancelled or no-show round is on no checklist."""
    shown = {item.id for item in items if item.kind == "task"}
    tasks = round_.entry.tasks
    return [task for key, task in zip(task_keys(tasks), tasks, strict=True)
            if _task_id(round_.entry.path, key) in shown]


def offer_due(round_: Round, offsets: Due) -> date:
    """The day to answer an offer by: its deadline, else ``due.offer_reply`` days after it came
    (``received``, else the round's date)."""
    offer = round_.debrief.offer
    assert offer is not None
    if offer.deadline is not None:
        return day_of(offer.deadline)
    return _due(offer.received or round_.debrief.date, offsets.offer_reply)


def unique_keys(keys: Iterable[str]) -> list[str]:
    """``[a, b, a]`` -> ``[a, b, a-2]``: ids that stay the same when nothing before them changes."""
    seen: dict[str, int] = {}
    result = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        result.append(key if seen[key] == 1 else f"{key}-{seen[key]}")
    return result


def all_items(processes: Iterable[Process], offsets: Due) -> list[FollowUp]:
    """Every item of every round, in journal order."""
    return [item for process in processes for round_ in process.rounds for item in round_items(round_, offsets)]


def outstanding(items: Iterable[FollowUp]) -> list[FollowUp]:
    """Outstanding items, soonest first (undated last), then by company and title."""
    return sorted((item for item in items if item.outstanding), key=_order)


def _order(item: FollowUp) -> tuple[date, str, str, str]:
    return (item.due or date.max, item.company_slug, item.path, item.id)


def by_bucket(items: Iterable[FollowUp], today: date) -> dict[str, list[FollowUp]]:
    """Outstanding items grouped by bucket, every bucket present, in ``BUCKETS`` order."""
    groups: dict[str, list[FollowUp]] = {name: [] for name in BUCKETS}
    for item in outstanding(items):
        groups[bucket(item.due, today, item.optional)].append(item)
    return groups


def as_record(item: FollowUp, today: date) -> dict[str, object]:
    """The ``todo --json`` object of one item (the fields ``docs/cli.md`` lists)."""
    return {
        "id": item.id,
        "kind": item.kind,
        "due": item.due.isoformat() if item.due else None,
        "bucket": bucket(item.due, today, item.optional),
        "company": item.company,
        "company_slug": item.company_slug,
        "role": item.role,
        "round": item.round.number,
        "stage": item.round.debrief.stage,
        "person": item.person,
        "title": item.title,
        "path": item.path,
        "optional": item.optional,
    }
