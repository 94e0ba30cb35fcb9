"""What the interviews teach: feedback themes, the funnel, response times, punctuality.

Pure functions over processes, rounds and follow-up items: ``today`` and the themes are
arguments, never read here, so a test can call each one with a handful of values. Every
function walks its input once (no per-company scans).

Definitions (the user guide, ``docs/insights.md``, says the same in plain words):

* **Feedback themes**: every client positive and negative (``feedback``) and every note of your
  own (``went_well``, ``went_poorly``) is a *remark*. A remark belongs to each theme one of whose
  keywords it contains: case-insensitive, on word boundaries, a simple plural (``s``/``es``)
  allowed, so ``pipeline`` matches "rebuilt two pipelines". A remark with no theme is kept as
  *unthemed*, never dropped.
* **Funnel**: processes; those that reached a second round (a round numbered 2 or more, held or
  scheduled); those that reached a final round (a held or scheduled round whose stage contains
  the word "final", or any process that got an offer, since its last round was the final one);
  those with an offer (a round's outcome ``offer`` or its ``offer``, or the company note's status ``offer``,
  ``accepted`` or ``declined``). Each step counts the processes that got at least that far.
* **Time to feedback**: days from a held interview to ``feedback.received``, per recruiter
  agency (the recruiter's name when there is no agency) and for direct searches.
* **Punctuality** of follow-up items with a due date: done on or before the due day is on time,
  done after it is late, not done and past due is missed; not done and not yet past due is
  still open and not counted. Only items whose done date is known count: optional items,
  cancelled tasks, ``prep-*`` items (no done date exists) and tasks ticked without a
  ``✅ YYYY-MM-DD`` date are left out.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

from .dates import day_of
from .journal import Company
from .process import Process, Round
from .rules import FollowUp

DEFAULT_THEMES: dict[str, tuple[str, ...]] = {
    "system design": ("system design", "design", "architecture", "scalability", "trade-off", "whiteboard",
                      "whiteboarded"),
    "coding": ("coding", "code", "algorithm", "testing", "test", "debugging", "pairing", "code review"),
    "SQL": ("SQL", "query", "queries", "window function", "join", "query plan"),
    "communication": ("communication", "communicator", "communicate", "concise", "rambled", "rambling",
                      "answers too long", "ran long", "ran over", "ran out of time", "explained", "structured answer"),
    "experience": ("experience", "knowledge", "domain", "depth", "hands-on", "expertise", "familiar"),
    "culture fit": ("culture", "fit", "motivation", "mission", "interest", "values", "stay", "commitment"),
    "seniority": ("seniority", "senior", "junior", "staff", "staff-level", "leadership", "mentoring", "mentor",
                  "ownership", "scope"),
    "salary": ("salary", "compensation", "pay", "equity", "bonus"),
}
"""Theme name -> keywords; the ``themes`` option replaces this whole set."""

TONES = ("negative", "positive")
SOURCES = {"client": "client feedback", "own": "your notes"}
HELD_OR_SCHEDULED = frozenset({"done", "scheduled"})
_FINAL = re.compile(r"(?<!\w)final(?!\w)", re.IGNORECASE)
DISCIPLINE_KINDS = ("recruiter-call", "take-back", "thank-you", "feedback", "check-in", "task")
"""Kinds whose done date is known (a task only when ticked with a date)."""
KIND_TITLES = {
    "all": "All follow-ups",
    "recruiter-call": "Debrief calls with the recruiter",
    "take-back": "Answers taken back",
    "thank-you": "Thank-you notes",
    "feedback": "Feedback obtained",
    "check-in": "Check-ins (direct searches)",
    "task": "Your own tasks",
}
ANSWER_TITLES = {"good": "answered well", "ok": "answered OK", "poor": "answered poorly"}


# --- themes -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ThemeMatcher:
    """One compiled pattern per theme, in the order the themes were given."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    any_theme: re.Pattern[str] | None = None
    """Every keyword of every theme: a remark it does not match is in no theme, found with one
    search instead of one per theme (many remarks are in none)."""

    @classmethod
    def of(cls, themes: Mapping[str, Sequence[str]]) -> ThemeMatcher:
        every = [keyword for keywords in themes.values() for keyword in keywords]
        return cls(tuple((name, keyword_pattern(keywords)) for name, keywords in themes.items()),
                   keyword_pattern(every) if every else None)

    def themes_of(self, text: str) -> list[str]:
        """The themes whose keywords occur in ``text``."""
        if self.any_theme is not None and not self.any_theme.search(text):
            return []
        return [name for name, pattern in self.patterns if pattern.search(text)]


def keyword_pattern(keywords: Sequence[str]) -> re.Pattern[str]:
    """Any keyword as a whole word or phrase, case-insensitive, with an optional plural ending.

    Words of a phrase may be separated by spaces or hyphens (``system design`` matches
    ``system-design``). Lookarounds instead of ``\\b`` so that ``C++`` works too.
    """
    # The alternatives grouped by first letter: the engine tries a group only where its letter is.
    by_letter: dict[str, list[str]] = {}
    for keyword in sorted(keywords, key=len, reverse=True):
        phrase = r"[\s-]+".join(re.escape(word) for word in keyword.split())
        by_letter.setdefault(keyword.lstrip()[:1].casefold(), []).append(phrase)
    alternatives = ("(?:" + "|".join(group) + ")" for group in by_letter.values())
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?:e?s)?(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Remark:
    """One thing said about an interview: by the client (feedback) or by you (went_well/poorly)."""

    text: str
    tone: str
    """``positive`` or ``negative``."""
    source: str
    """``client`` or ``own``."""
    round: Round

    @property
    def company(self) -> Company:
        return self.round.company


def remarks_of(rounds: Iterable[Round]) -> list[Remark]:
    """Every remark of the rounds, in round order: client feedback first, then your notes."""
    found: list[Remark] = []
    for round_ in rounds:
        d = round_.debrief
        if d.feedback is not None:
            found += [Remark(text, "positive", "client", round_) for text in d.feedback.positives]
            found += [Remark(text, "negative", "client", round_) for text in d.feedback.negatives]
        found += [Remark(text, "positive", "own", round_) for text in d.went_well]
        found += [Remark(text, "negative", "own", round_) for text in d.went_poorly]
    return found


@dataclass
class ThemeTally:
    """The remarks of one tone that fall under one theme."""

    theme: str
    remarks: list[Remark] = field(default_factory=list)

    # Read once the remarks are all in (``group_remarks``): ranking and the page read each several times.
    @cached_property
    def companies(self) -> list[Company]:
        """Distinct companies, in the order they first appear."""
        return list({remark.company.key: remark.company for remark in self.remarks}.values())

    @cached_property
    def client(self) -> int:
        return sum(1 for remark in self.remarks if remark.source == "client")

    @cached_property
    def own(self) -> int:
        return sum(1 for remark in self.remarks if remark.source == "own")


@dataclass
class Themes:
    """Feedback grouped by theme, for one tone; ``unthemed`` keeps what no theme matched."""

    tone: str
    tallies: list[ThemeTally]
    unthemed: list[Remark]


def group_remarks(remarks: Iterable[Remark], matcher: ThemeMatcher,
                  themes_of: Callable[[str], list[str]] | None = None) -> dict[str, Themes]:
    """``{"negative": Themes, "positive": Themes}``; themes most widespread first.

    A theme is ranked by how many companies it came from, then how many came from clients,
    then how many remarks; ties keep the order of the ``themes`` option. Empty themes are left out.
    ``themes_of``: ``matcher.themes_of``, or one that remembers (``mkdocs serve``, ``pages.reuse``).
    """
    order = {name: number for number, (name, _) in enumerate(matcher.patterns)}
    tallies: dict[str, dict[str, ThemeTally]] = {tone: {} for tone in TONES}
    unthemed: dict[str, list[Remark]] = {tone: [] for tone in TONES}
    for remark in remarks:
        names = (themes_of or matcher.themes_of)(remark.text)
        if not names:
            unthemed[remark.tone].append(remark)
        for name in names:
            tallies[remark.tone].setdefault(name, ThemeTally(name)).remarks.append(remark)
    result = {}
    for tone in TONES:
        ranked = sorted(tallies[tone].values(),
                        key=lambda t: (-len(t.companies), -t.client, -len(t.remarks), order[t.theme]))
        result[tone] = Themes(tone, ranked, unthemed[tone])
    return result


# --- the funnel ---------------------------------------------------------------------------

def got_offer(process: Process) -> bool:
    return process.got_offer


def reached_final(process: Process) -> bool:
    """A held or scheduled round whose stage says "final", or an offer (its last round was final)."""
    return got_offer(process) or _final_round(process)


def reached_second(process: Process) -> bool:
    return reached_final(process) or _second_round(process)


def furthest(process: Process) -> int:
    """The last step of the funnel the process reached: 3 an offer, 2 a final round, 1 a
    second round, 0 none of these (each step implies the ones before)."""
    return 3 if got_offer(process) else 2 if _final_round(process) else 1 if _second_round(process) else 0


def _final_round(process: Process) -> bool:
    return any(r.status in HELD_OR_SCHEDULED and r.debrief.stage and _FINAL.search(r.debrief.stage)
               for r in process.rounds)


def _second_round(process: Process) -> bool:
    return any(r.status in HELD_OR_SCHEDULED and r.number >= 2 for r in process.rounds)


@dataclass(frozen=True)
class FunnelStep:
    label: str
    count: int
    total: int

    @property
    def share(self) -> float | None:
        """Of all processes; None when there is none."""
        return self.count / self.total if self.total else None


def funnel(processes: Sequence[Process]) -> list[FunnelStep]:
    """Processes, then how many got at least as far as a second round, a final round, an offer."""
    total = len(processes)
    reached = Counter(furthest(process) for process in processes)  # each process looked at once
    labels = ("Processes", "Reached a second round", "Reached a final round", "Offer")
    return [FunnelStep(label, sum(n for last, n in reached.items() if last >= step), total)
            for step, label in enumerate(labels)]


# --- time to feedback ---------------------------------------------------------------------

DIRECT = "Direct (no recruiter)"


def channel(round_: Round) -> str:
    """The recruiter's agency (or name) for a round via a recruiter, else ``DIRECT``."""
    if round_.via == "direct":
        return DIRECT
    recruiter = round_.recruiter
    if recruiter is None:
        return "Recruiter (not named)"
    return recruiter.agency or recruiter.name


@dataclass(frozen=True)
class Delay:
    channel: str
    days: tuple[int, ...]
    waiting: int
    """Held rounds of this channel with no feedback recorded yet."""

    @property
    def median(self) -> float | None:
        return statistics.median(self.days) if self.days else None


def feedback_delays(rounds: Iterable[Round], today: date) -> list[Delay]:
    """Days from each held interview to its feedback, per channel; the overall row first.

    Agencies are sorted by name, direct searches last. A received date before the interview
    is a typing mistake and left out.
    """
    days: dict[str, list[int]] = {}
    waiting: dict[str, int] = {}
    for round_ in rounds:
        if round_.status != "done" or round_.day > today:
            continue
        name = channel(round_)
        days.setdefault(name, [])
        waiting.setdefault(name, 0)
        received = round_.debrief.feedback.received if round_.debrief.feedback else None
        if received is None:
            waiting[name] += 1
            continue
        gap = (day_of(received) - round_.day).days
        if gap >= 0:
            days[name].append(gap)
    names = sorted(days, key=lambda name: (name == DIRECT, name.casefold()))
    rows = [Delay(name, tuple(days[name]), waiting[name]) for name in names]
    overall = Delay("All interviews", tuple(d for row in rows for d in row.days), sum(row.waiting for row in rows))
    return [overall, *rows] if rows else []


# --- punctuality --------------------------------------------------------------------------

def timeliness(item: FollowUp, today: date) -> str | None:
    """``on-time``, ``late``, ``missed``, ``open`` (not yet due), or None when it cannot be judged.

    Done on the due day is on time. Optional and cancelled items, undated ones, and done ones
    without a known done date cannot be judged.
    """
    if item.optional or item.cancelled or item.due is None:
        return None
    if item.done:
        if item.done_on is None:
            return None
        return "on-time" if item.done_on <= item.due else "late"
    return "missed" if item.due < today else "open"


@dataclass
class Punctuality:
    """How many items were done on time, late, or not at all by their due day."""

    on_time: list[FollowUp] = field(default_factory=list)
    late: list[FollowUp] = field(default_factory=list)
    missed: list[FollowUp] = field(default_factory=list)
    open: list[FollowUp] = field(default_factory=list)
    """Not done and not yet past due: not counted in the share."""

    @property
    def counted(self) -> int:
        return len(self.on_time) + len(self.late) + len(self.missed)

    @property
    def share(self) -> float | None:
        """On time out of everything that could be on time by now; None when nothing counts."""
        return len(self.on_time) / self.counted if self.counted else None

    def add(self, item: FollowUp, today: date) -> None:
        verdict = timeliness(item, today)
        if verdict is not None:
            self.file(item, verdict)

    def file(self, item: FollowUp, verdict: str) -> None:
        """The item in the list of its verdict (``timeliness``: ``on-time`` goes to ``on_time``)."""
        getattr(self, _VERDICT_LISTS[verdict]).append(item)


_VERDICT_LISTS = {"on-time": "on_time", "late": "late", "missed": "missed", "open": "open"}


def punctuality(items: Iterable[FollowUp], today: date) -> Punctuality:
    result = Punctuality()
    for item in items:
        result.add(item, today)
    return result


def discipline(items: Iterable[FollowUp], today: date) -> dict[str, Punctuality]:
    """Punctuality per kind (``DISCIPLINE_KINDS`` only) and ``all`` of them together."""
    result = {kind: Punctuality() for kind in ("all", *DISCIPLINE_KINDS)}
    every = result["all"]
    for item in items:
        own = result.get(item.kind)
        if own is not None and (verdict := timeliness(item, today)) is not None:  # judged once for both
            own.file(item, verdict)
            every.file(item, verdict)
    return result


# --- interviews per week ------------------------------------------------------------------

def week_start(day: date) -> date:
    """The Monday of the day's week."""
    return day - timedelta(days=day.weekday())


def interviews_per_week(rounds: Iterable[Round], today: date, weeks: int = 8) -> list[tuple[date, int]]:
    """Held interviews in each of the last ``weeks`` weeks (Monday to Sunday), today's week last."""
    last = week_start(today)
    first = last - timedelta(weeks=weeks - 1)
    counts = {first + timedelta(weeks=n): 0 for n in range(weeks)}
    for round_ in rounds:
        if round_.status == "done" and round_.day <= today:
            monday = week_start(round_.day)
            if monday in counts:
                counts[monday] += 1
    return list(counts.items())


# --- the question bank --------------------------------------------------------------------

OTHER_QUESTIONS = "Other questions"


@dataclass(frozen=True)
class Asked:
    """One question of one round."""

    q: str
    answer: str | None
    theme: str | None
    round: Round


@dataclass
class QuestionTheme:
    name: str
    questions: list[Asked] = field(default_factory=list)

    @property
    def poor(self) -> int:
        return sum(1 for asked in self.questions if asked.answer == "poor")


def question_bank(rounds: Iterable[Round]) -> list[QuestionTheme]:
    """Every question by theme (as written, case ignored), themes A-Z, unthemed ones last.

    Within a theme the newest round comes first. The theme keeps the spelling it was first
    written with.
    """
    groups: dict[str, QuestionTheme] = {}
    other = QuestionTheme(OTHER_QUESTIONS)
    for round_ in rounds:
        for question in round_.debrief.questions:
            asked = Asked(question.q, question.answer, question.theme, round_)
            if question.theme:
                groups.setdefault(question.theme.casefold(), QuestionTheme(question.theme)).questions.append(asked)
            else:
                other.questions.append(asked)
    result = [groups[key] for key in sorted(groups)] + ([other] if other.questions else [])
    for group in result:
        group.questions.sort(key=lambda asked: asked.round.day, reverse=True)
    return result


def to_practise(bank: Iterable[QuestionTheme]) -> list[Asked]:
    """The questions answered poorly, newest first."""
    poor = [asked for group in bank for asked in group.questions if asked.answer == "poor"]
    return sorted(poor, key=lambda asked: asked.round.day, reverse=True)
