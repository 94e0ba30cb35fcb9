"""A new debrief's file: where it goes, what the journal already knows, and its text.

``interview-journal new`` is a thin command over this module. The journal is asked, not
guessed: a company already in it (same identity as ``slugs.identity``: case, accents and
punctuation aside) keeps its folder and its spelling, the next round number follows the
rounds of that company and role, and the recruiter comes from the company's latest debrief
(or is left to its company note, which every debrief inherits).

The text has the given fields filled, and every other field of the schema present as a YAML
comment, so a user sees what can be recorded without opening the guide.
"""

from __future__ import annotations

import difflib
import posixpath
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import yaml

from .dates import Moment, day_of, sort_key
from .frontmatter import Debrief, Recruiter
from .journal import Company, Entry, Journal
from .pages.names import RESERVED
from .process import Process
from .slugs import assign_slugs, identity, slugify


@dataclass
class Proposal:
    """What the journal suggests for a new debrief of ``company`` and ``role``."""

    company: str
    """The journal's spelling of the company when it is known, else as given."""
    role: str
    folder: str
    """Folder inside the journal, POSIX (``""`` for the journal folder itself)."""
    round: int
    known_company: bool = False
    recruiter: Recruiter | None = None
    """A recruiter to write into the file (from the company's latest debrief)."""
    recruiter_source: str = ""
    """Where the recruiter comes from: a debrief's path, or ``company note``."""
    notes: list[str] = field(default_factory=list)


def propose(journal: Journal, processes: list[Process], company: str, role: str) -> Proposal:
    key = identity(company) or company
    known = journal.companies.get(key)
    if known is None:
        return Proposal(company=company, role=role, folder=_new_folder(journal, company), round=1)
    proposal = Proposal(company=known.name, role=role, folder=_folder_of(known), round=1, known_company=True)
    rounds = [r for p in processes if p.company is known and identity(p.role) == identity(role) for r in p.rounds]
    if rounds:
        proposal.role = rounds[0].process.role
        held = [r.number for r in rounds if r.status not in ("cancelled", "no-show")]
        proposal.round = max(held, default=0) + 1
    note = known.note.model if known.note is not None else None
    if note is not None and note.recruiter is not None:
        proposal.recruiter_source = "company note"
        proposal.notes.append(f"recruiter {note.recruiter.name} comes from the company note")
    else:
        with_recruiter = sorted((e for e in known.debriefs if e.model.recruiter is not None),
                                key=lambda e: (sort_key(e.model.date, journal.zone), e.rel))
        if with_recruiter:
            latest = with_recruiter[-1]
            proposal.recruiter = latest.model.recruiter
            proposal.recruiter_source = latest.path
            proposal.notes.append(f"recruiter {latest.model.recruiter.name} copied from {latest.path}")  # type: ignore[union-attr]
    return proposal


def near_misses(journal: Journal, company: str) -> list[str]:
    """Companies of the journal that ``company`` is probably meant to be: it is not one of them,
    but its words begin one of their names (``Northwind`` -> ``Northwind Analytics``), or it is
    spelt almost the same (``Nortwind Analytics``)."""
    key = identity(company) or company
    if key in journal.companies:
        return []
    words = key.split()
    found = []
    for other_key, other in journal.companies.items():
        other_words = other_key.split()
        if (words and other_words[:len(words)] == words) or \
                difflib.SequenceMatcher(None, key, other_key).ratio() >= 0.85:
            found.append(other.name)
    return sorted(found, key=str.casefold)


def same_interview(journal: Journal, company: str, role: str, when: Moment) -> Entry[Debrief] | None:
    """A debrief of the journal for this company and role at this very date (and time)."""
    key, role_key = identity(company) or company, identity(role)
    known = journal.companies.get(key)
    for entry in known.debriefs if known is not None else []:
        if identity(entry.model.role) == role_key and entry.model.date == when:
            return entry
    return None


def _folder_of(company: Company) -> str:
    """The folder where most of the company's files are (the first in order on a tie)."""
    files = [e.rel for e in company.debriefs] + ([company.note.rel] if company.note else [])
    folders = Counter(posixpath.dirname(rel) for rel in files)
    return sorted(folders.items(), key=lambda pair: (-pair[1], pair[0]))[0][0]


def _new_folder(journal: Journal, company: str) -> str:
    """The company's slug, told apart from the journal's other companies as the site does."""
    names = [c.name for c in journal.companies.values()] + [company]
    slug = assign_slugs(names)[identity(company) or company]
    return f"{slug}-co" if slug in RESERVED else slug


def file_name(date: Moment, stage: str | None, round_: int) -> str:
    """``2026-11-20-technical-screen.md``, or ``2026-11-20-round-2.md`` without a stage."""
    return f"{day_of(date).isoformat()}-{slugify(stage) if stage else f'round-{round_}'}.md"


def date_text(moment: Moment) -> str:
    """A date as the journal writes it: ``2026-11-20`` or ``2026-11-20 14:00``."""
    if isinstance(moment, datetime):
        return moment.strftime("%Y-%m-%d %H:%M:%S" if moment.second else "%Y-%m-%d %H:%M")
    return moment.isoformat()


def _scalar(value: object) -> str:
    """One YAML scalar, quoted when YAML would read it as something else."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6).strip()
    return text.removesuffix("\n...").removesuffix("...").strip()


def _block(name: str, value: Any) -> list[str]:
    text = yaml.safe_dump({name: value}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10**6)
    return text.rstrip("\n").split("\n")


_COL = 38


def _line(text: str, comment: str) -> str:
    return f"{text.ljust(_COL - 1)} # {comment}" if comment else text


def render(debrief: Debrief, date_written: str, proposal: Proposal) -> str:
    """The file's text: front matter with the known fields, every other field as a comment."""
    d = debrief
    out = ["---", f"company: {_scalar(d.company)}", f"role: {_scalar(d.role)}", f"date: {date_written}"]
    out.append(_line(f"round: {d.round}", "proposed from the journal; delete to number rounds by date"))
    out.append(f"stage: {_scalar(d.stage)}" if d.stage else _line("# stage: technical screen", "a free label"))
    out.append(f"format: {d.format}" if d.format else
               _line("# format: video", "phone | video | onsite | panel | take-home | other"))
    out.append(_line("# status: scheduled", "scheduled | done | cancelled | no-show (default: done once the day came)"))
    out.append(f"via: {d.via}" if d.via else
               _line("# via: recruiter", "recruiter | direct (default: recruiter if one is known)"))
    if d.recruiter is not None:
        recruiter = d.recruiter.model_dump(exclude_none=True)
        out += _block("recruiter", recruiter)
    elif proposal.recruiter_source == "company note":
        out.append(_line("# recruiter:", "comes from the company note"))
    else:
        out += [_line("# recruiter:", "who set this up (or once, in the company note)"),
                "#   name: Dana Ruiz", "#   agency: Talent Bridge", "#   email: dana@talentbridge.example"]
    out += [_line("# contact:", "direct searches: the hiring manager or HR coordinator"),
            "#   name: Kim Lee", "#   title: HR Coordinator"]
    if d.interviewers:
        out.append("interviewers:")
        for person in d.interviewers:
            out.append(f"  - name: {_scalar(person.name)}")
            if person.title:
                out.append(f"    title: {_scalar(person.title)}")
            out += ["    # email: name@company.example",
                    _line("    # background: ...", "from the recruiter's briefing"),
                    _line("    # looking_for: ...", "what they look for"),
                    _line("    # thank_you: YYYY-MM-DD", "the day you sent your thank-you note")]
    else:
        out += ["# interviewers:", "#   - name: Priya Shah", "#     title: Engineering Manager",
                _line("#     thank_you: YYYY-MM-DD", "the day you sent your thank-you note")]
    out += [
        _line("# recruiter_call: YYYY-MM-DD", "the day you debriefed with the recruiter"),
        _line("# recruiter_thank_you: YYYY-MM-DD", "optional note to the recruiter"),
        _line("# rapport: good", "good | mixed | poor: did you click?"),
        "# went_well: []",
        "# went_poorly: []",
        _line("# take_back:", "answers to correct through the recruiter"),
        "#   - answer: what you said",
        "#     correction: what you meant",
        _line("#     clarified: YYYY-MM-DD", "the day the recruiter relayed it"),
        _line("# feedback:", "the client's feedback, relayed"),
        "#   received: YYYY-MM-DD",
        "#   positives: []",
        "#   negatives: []",
        "#   next_steps: ...",
        _line("# outcome: pending", "pending | advanced | offer | rejected | withdrawn"),
        _line("# offer:", "the round that brought an offer"),
        "#   received: YYYY-MM-DD",
        _line("#   deadline: YYYY-MM-DD", "when you must answer"),
        _line("#   replied: YYYY-MM-DD", "the day you answered"),
        _line("# interest: 3", "1 to 5"),
        _line("# questions:", "what you were asked, for your question bank"),
        "#   - q: ...",
        _line("#     answer: ok", "good | ok | poor"),
        "#     theme: ...",
        _line("# log:", "any other contact worth remembering"),
        "#   - date: YYYY-MM-DD",
        "#     note: ...",
        "# tags: []",
        _line("# private: true", "never published on a public site"),
        "# Below the closing line: your notes in Markdown. A task line becomes a follow-up:",
        "# - [ ] send the portfolio link \U0001f4c5 YYYY-MM-DD",
        "---",
        "",
    ]
    return "\n".join(out)
